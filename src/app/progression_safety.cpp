#include "app/progression_safety.hpp"

#include "app/safety.hpp"

namespace daybreak {

// The safety gate. An open urgent or emergency flag pauses progression
// (clinical.md "Safety": "any emergency or urgent safety flag pauses
// progression"). A check that is merely due does not: sessions wait for it
// anyway, and the decisions still to make are about sessions already done.
ProgressionSafety progression_safety(const Store& store, UserId user, Instant now) {
  const SafetyStatus status = safety_gate(store, user, now).state.status;
  const bool flagged = status == SafetyStatus::paused || status == SafetyStatus::locked;
  return {!flagged, "an urgent or emergency flag is open"};
}

}  // namespace daybreak
