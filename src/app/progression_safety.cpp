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
// A move on by hand waits for whatever is open: the warning sign's
// clinician, or a check's answers (docs/safety.md).
ProgressionSafety progression_safety(const Store& store, UserId user, Instant now, const TimeZone& zone) {
  const SafetyState state = safety_gate(store, user, now).state;
  if (state.status == SafetyStatus::ok) return {};
  if (state.status == SafetyStatus::check_needed) {
    const bool legs = state.check_to_answer() == ScreenKind::legs;
    return {
        .allowed = true,
        .note = "",
        .by_hand = false,
        .wait = fmt::format("moving on waits until the {} are answered", legs ? "leg questions" : "safety questions"),
        .hint = Hint{legs ? HintAction::leg_check : HintAction::safety_check}};
  }
  std::vector<std::string> flags;
  for (const auto* open : {&state.emergency, &state.urgent}) {
    for (const FlagReport& f : *open) {
      flags.push_back(fmt::format("{}, reported on {}", f.label, format_long_date(zone.date_of(f.at))));
    }
  }
  return {.allowed = false,
          .note = join(flags, "; "),
          .by_hand = false,
          .wait = "progression is paused while a safety check is open",
          .hint = std::nullopt};
}

}  // namespace daybreak
