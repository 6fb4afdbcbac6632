// When exercise was held for safety: the spans of time a lock or a pause
// lasted, replayed from the screening events with the safety state machine.
// Reports read them so that days daybreak itself refused sessions are not
// counted as sessions missed.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "clinical/safety_state.hpp"

namespace daybreak {

struct SafetyHold {
  SafetyStatus status = SafetyStatus::paused;  // locked or paused
  Instant from;                                // the answer that began it
  std::optional<Instant> to;                   // the event that ended it; nullopt: still held
};

// `events` in any order. A lock and a pause are told apart (a lock that
// follows a pause begins a new span); a check that is merely due is not a
// hold: answering it is the person's own step.
[[nodiscard]] std::vector<SafetyHold> safety_holds(std::span<const ScreeningEvent> events);

}  // namespace daybreak
