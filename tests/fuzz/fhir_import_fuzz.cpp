// libFuzzer target for a FHIR Bundle brought in with `daybreak import fhir`
// or POST /api/import/fhir (a file from anywhere, up to 64 MB). Beyond "does
// not crash or throw": every problem names where it is and what is allowed,
// and whatever is accepted holds only what the store would keep.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "berlin.hpp"
#include "content/instruments.hpp"
#include "report/fhir.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace daybreak;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto read = read_fhir_collection(text, fuzz::berlin(), builtin_instruments());
  if (!read) {
    if (read.error().empty()) __builtin_trap();
    for (const auto& p : read.error()) {
      if (p.place.path.empty() || p.allowed.empty() || p.message().empty()) __builtin_trap();
    }
    return 0;
  }
  for (const auto& d : read->decisions) {
    const DecisionRecord& r = d.record;
    if ((r.kind == DecisionKind::rule) != r.routine.has_value() || r.routine == RoutineKind::flare) __builtin_trap();
    if (r.stage < 1 || r.stage > 100 || r.state.good_sessions < 0) __builtin_trap();
    if (r.inputs.empty() || r.inputs.front() != '{' || r.sentence.empty() || r.channel.empty()) __builtin_trap();
  }
  for (const auto& x : read->experiments) {
    for (const auto& n : x.nights) {
      if (n.night < x.experiment.design.first_night || n.night > x.experiment.end_night()) __builtin_trap();
    }
  }
  return 0;
}
