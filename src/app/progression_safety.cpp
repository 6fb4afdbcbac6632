#include "app/progression_safety.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "app/safety.hpp"
#include "domain/text.hpp"

namespace daybreak {

// The safety gate. An open urgent or emergency flag pauses progression
// (clinical.md "Safety": "any emergency or urgent safety flag pauses
// progression"). A check that is merely due does not: sessions wait for it
// anyway, and the decisions still to make are about sessions already done.
ProgressionSafety progression_safety(const Store& store, UserId user, Instant now, const TimeZone& zone) {
  const SafetyState state = safety_gate(store, user, now).state;
  if (state.status != SafetyStatus::paused && state.status != SafetyStatus::locked) return {true, ""};
  std::vector<std::string> flags;
  for (const auto* open : {&state.emergency, &state.urgent}) {
    for (const FlagReport& f : *open) {
      flags.push_back(fmt::format("{}, reported on {}", f.label, format_long_date(zone.date_of(f.at))));
    }
  }
  return {false, join(flags, "; ")};
}

}  // namespace daybreak
