// libFuzzer target for a diary entry sent as JSON (the API's POST and PATCH
// bodies). Beyond "does not crash": every rejection names a field, and
// whatever is accepted reads back unchanged from its own JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "berlin.hpp"
#include "domain/entry_fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace daybreak;
  if (size < 1) return 0;
  // The first byte picks the period, the rest is the body.
  const auto period = static_cast<Period>(data[0] % 4);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto body = nlohmann::ordered_json::parse(text, nullptr, false);
  if (body.is_discarded()) return 0;
  const LocalDate day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{23}};
  const TimeContext ctx{day, period, fuzz::berlin()};
  DiaryFields fields;
  FieldErrors errors = fields_from_json(fields, body, ctx, DraftMode::create);
  if (errors.empty()) errors = check_fields(fields, ctx);
  if (!errors.empty()) {
    for (const auto& e : errors) {
      if (e.field.empty() || e.allowed.empty()) __builtin_trap();
    }
    return 0;
  }
  DiaryFields again;
  const FieldErrors back = fields_from_json(again, fields_to_json(fields, fuzz::berlin()), ctx, DraftMode::create);
  if (!back.empty() || again != fields) __builtin_trap();
  return 0;
}
