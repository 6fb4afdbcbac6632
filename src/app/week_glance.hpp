// Today's glance at the week, for the person: what is done, without streaks or
// guilt. The last seven days, today included, in the person's zone.
#pragma once

#include <vector>

#include "domain/time.hpp"
#include "exercise/library.hpp"
#include "store/store.hpp"

namespace daybreak {

struct WeekGlance {
  int days = 7;
  int mornings_logged = 0;              // days of the seven with a morning entry
  int sessions = 0;                     // sessions begun in the seven days
  std::vector<RoutineKind> done_today;  // routines with a session begun today, in the order played
};

// The glance with the week's entries it was counted from (Today shows
// today's), from one read.
struct WeekRead {
  WeekGlance glance;
  std::vector<DiaryEntry> entries;  // the seven days', oldest first
};
[[nodiscard]] WeekRead read_week(const Store& store, UserId user, const TimeZone& zone, Instant now);

}  // namespace daybreak
