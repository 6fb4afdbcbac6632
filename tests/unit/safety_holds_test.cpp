// The spans a lock or a pause held exercise, replayed from screening events:
// what reports need so that days daybreak refused sessions are not counted
// as sessions missed.
#include "clinical/safety_holds.hpp"

#include <gtest/gtest.h>

#include "support/fixtures.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

const Instant kHoldsMonday = testing::fixed_now();  // 2026-11-23 06:30 UTC

Instant hold_day(int n) { return kHoldsMonday + days{n}; }

ScreeningEvent hold_event(std::int64_t id, ScreenKind kind, Instant at,
                          std::initializer_list<std::string_view> yes = {}) {
  ScreeningEvent e;
  e.id = ScreeningId{id};
  e.kind = kind;
  e.at = at;
  if (kind == ScreenKind::quick) {
    e.answers = {{std::string(kQuickCheck.id), YesNo::yes}};
  } else if (kind == ScreenKind::full) {
    for (const auto& q : red_flag_questions()) {
      const bool y = std::find(yes.begin(), yes.end(), q.id) != yes.end();
      e.answers.push_back({std::string(q.id), y ? YesNo::yes : YesNo::no});
    }
  }
  const ScreenVerdict v = judge_answers(e.answers);
  e.result = kind == ScreenKind::clinician_seen ? ScreenResult::acknowledged : v.result;
  e.raised = v.raised;
  return e;
}

// The report counted weeks paused for a fever as weeks of missed sessions:
// it had no way to know when the program was held.
TEST(SafetyHolds, ALockAndAPauseRunFromTheAnswerToTheClinicianReview) {
  const std::vector<ScreeningEvent> events = {
      hold_event(1, ScreenKind::full, hold_day(-60)),
      hold_event(2, ScreenKind::quick, hold_day(-28)),            // locked
      hold_event(3, ScreenKind::full, hold_day(-27)),             // a check changes nothing
      hold_event(4, ScreenKind::clinician_seen, hold_day(-25)),   // lifted
      hold_event(5, ScreenKind::full, hold_day(-18), {"fever"}),  // paused, still
      hold_event(6, ScreenKind::full, hold_day(-11)),
  };
  const auto holds = safety_holds(events);
  ASSERT_EQ(holds.size(), 2U);
  EXPECT_EQ(holds[0].status, SafetyStatus::locked);
  EXPECT_EQ(holds[0].from, hold_day(-28));
  EXPECT_EQ(holds[0].to, hold_day(-25));
  EXPECT_EQ(holds[1].status, SafetyStatus::paused);
  EXPECT_EQ(holds[1].from, hold_day(-18));
  EXPECT_FALSE(holds[1].to.has_value());
}

TEST(SafetyHolds, APauseTurnedLockIsTwoSpansAndNothingIsAHoldWithoutASign) {
  EXPECT_TRUE(safety_holds({}).empty());
  const std::vector<ScreeningEvent> events = {
      hold_event(3, ScreenKind::clinician_seen, hold_day(-1)),
      hold_event(2, ScreenKind::quick, hold_day(-3)),  // any order
      hold_event(1, ScreenKind::full, hold_day(-5), {"weight_loss"}),
  };
  const auto holds = safety_holds(events);
  ASSERT_EQ(holds.size(), 2U);
  EXPECT_EQ(holds[0].status, SafetyStatus::paused);
  EXPECT_EQ(holds[0].to, hold_day(-3));
  EXPECT_EQ(holds[1].status, SafetyStatus::locked);
  EXPECT_EQ(holds[1].from, hold_day(-3));
  EXPECT_EQ(holds[1].to, hold_day(-1));
}

}  // namespace
}  // namespace daybreak
