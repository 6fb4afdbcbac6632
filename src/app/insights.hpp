// The insights use case: read the diary (and session data, when there is
// any) in one snapshot and hand it to the analysis library.
#pragma once

#include <optional>
#include <vector>

#include "analysis/insights.hpp"
#include "app/app_error.hpp"
#include "store/store.hpp"

namespace daybreak {

struct InsightsRequest {
  std::optional<LocalDate> from;  // default: the first day with an entry
  std::optional<LocalDate> to;    // default: today
  bool sessions = true;           // false: without the guided sessions (a viewer not shown the program)
};

[[nodiscard]] AppResult<analysis::Insights> insights(const Store& store, UserId user, const TimeZone& zone,
                                                     LocalDate today, const InsightsRequest& request);

// Guided sessions as the analysis needs them: the day each started
// in the person's zone, its routine (flare-day counts as morning) and whether
// it ran to the end; nullopt when no session was ever played.
[[nodiscard]] std::optional<std::vector<analysis::RoutineSession>> routine_sessions(StoreReader& reader, UserId user,
                                                                                    const TimeZone& zone);

}  // namespace daybreak
