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
  // false: adherence without the days the program was held for safety (a
  // viewer not shown safety): every day counts.
  bool safety = true;
  // Whom the words speak to: the person, or a clinician reading about them.
  analysis::Voice voice = analysis::Voice::person;
};

[[nodiscard]] AppResult<analysis::Insights> insights(const Store& store, UserId user, const TimeZone& zone,
                                                     LocalDate today, const InsightsRequest& request);

// Guided sessions as the analysis needs them: the day each started
// in the person's zone, its routine (flare-day counts as morning) and whether
// it ran to the end; nullopt when no session was ever played.
[[nodiscard]] std::optional<std::vector<analysis::RoutineSession>> routine_sessions(StoreReader& reader, UserId user,
                                                                                    const TimeZone& zone);

// The days from `from` to `to` on which a lock or a pause held the program
// (clinical/safety_holds.hpp), in the person's zone; a day both is locked.
[[nodiscard]] std::vector<analysis::HeldDay> held_days(StoreReader& reader, UserId user, const TimeZone& zone,
                                                       LocalDate from, LocalDate to);

}  // namespace daybreak
