// Where progression asks the safety capability whether it may move on. The
// one seam between the two: the interfaces call this before a decision and
// hand the answer in, so the rule itself stays pure.
#pragma once

#include "app/progression.hpp"

namespace daybreak {

// Reads the safety gate: progression is allowed unless an urgent or
// emergency flag is open (paused or locked). The note names the flags and
// the day each was reported, in `zone`, so a decision about an earlier
// session is not read as a flag of that day.
[[nodiscard]] ProgressionSafety progression_safety(const Store& store, UserId user, Instant now, const TimeZone& zone);

}  // namespace daybreak
