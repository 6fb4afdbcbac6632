// Where progression asks the safety capability whether it may move on. The
// one seam between the two: the interfaces call this before a decision and
// hand the answer in, so the rule itself stays pure.
#pragma once

#include "app/progression.hpp"

namespace daybreak {

// Issue 5 (safety screening) provides safety_gate(store, user, now) and
// state.progression_allowed(); until that capability is merged there is no
// flag to read, and progression is allowed. Wiring it is this function's body.
[[nodiscard]] ProgressionSafety progression_safety(const Store& store, UserId user, Instant now);

}  // namespace daybreak
