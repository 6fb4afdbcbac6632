// Safety test data: a full check with every answer no, which is what any test
// of a guided session needs first (start_session refuses until a check is done).
#pragma once

#include <string>
#include <vector>

#include "app/safety.hpp"
#include "clinical/red_flags.hpp"

namespace daybreak::testing {

inline std::vector<ScreenAnswer> all_no_answers() {
  std::vector<ScreenAnswer> a;
  for (const auto& q : red_flag_questions()) a.push_back({std::string(q.id), YesNo::no});
  return a;
}

// Records a full check with no flags at `at`; the gate is then ok for a week.
inline void pass_safety_check(Store& store, UserId user, Instant at, const TimeZone& zone) {
  const auto r = record_screen(store, WriteMeta{at, Actor{user, "test"}}, user, zone,
                               ScreenRequest{ScreenKind::full, all_no_answers(), {}, "test"});
  if (!r) throw std::runtime_error("the test's safety check was refused: " + r.error().message);
}

}  // namespace daybreak::testing
