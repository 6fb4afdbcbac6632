// The spans a lock or a pause held exercise, replayed from screening events:
// what reports need so that days daybreak refused sessions are not counted
// as sessions missed.
#include "clinical/safety_holds.hpp"

#include <gtest/gtest.h>

#include <random>

#include "clinical/safety_state.hpp"
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

// The holds as they were first defined: safety_state() replayed over every
// prefix of the events (quadratic), each state held until the next event.
std::vector<SafetyHold> holds_by_prefixes(std::span<const ScreeningEvent> events) {
  std::vector<ScreeningEvent> ordered(events.begin(), events.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const ScreeningEvent& a, const ScreeningEvent& b) {
    return std::tie(a.at, a.id) < std::tie(b.at, b.id);
  });
  std::vector<SafetyHold> holds;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    const SafetyState s = safety_state(std::span(ordered).first(i + 1), {}, ordered[i].at);
    const SafetyStatus status = !s.emergency.empty() ? SafetyStatus::locked
                                : !s.urgent.empty()  ? SafetyStatus::paused
                                                     : SafetyStatus::ok;
    SafetyHold* open = holds.empty() || holds.back().to ? nullptr : &holds.back();
    if (open && open->status == status) continue;
    if (open) open->to = ordered[i].at;
    if (status != SafetyStatus::ok) holds.push_back({status, ordered[i].at, std::nullopt});
  }
  return holds;
}

bool same_holds(const std::vector<SafetyHold>& a, const std::vector<SafetyHold>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].status != b[i].status || a[i].from != b[i].from || a[i].to != b[i].to) return false;
  }
  return true;
}

// One replay read after each event must give exactly the holds of replaying
// every prefix: random histories of weekly checks with flags now and then
// (evolving ones across their review's lapse), quick checks, leg checks,
// clinician reviews, checks that stopped early, and events in the same second.
TEST(SafetyHolds, OneReplayGivesTheHoldsOfReplayingEveryPrefix) {
  std::mt19937_64 rng(20261123);
  const auto chance = [&](double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng) < p; };
  int with_holds = 0;
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<ScreeningEvent> events;
    Instant at = hold_day(-400);
    const int n = std::uniform_int_distribution<int>(0, 80)(rng);
    for (int i = 0; i < n; ++i) {
      if (!chance(0.1)) at += hours{std::uniform_int_distribution<int>(1, 24 * 14)(rng)};  // else the same second
      const double pick = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
      const std::int64_t id = static_cast<std::int64_t>(n - i);  // ids not in time order
      if (pick < 0.65) {
        std::vector<std::string_view> yes;
        for (const auto& q : red_flag_questions()) {
          if (chance(q.level == FlagLevel::emergency ? 0.01 : 0.05)) yes.push_back(q.id);
        }
        ScreeningEvent e = hold_event(id, ScreenKind::full, at);
        for (auto& a : e.answers) {
          if (std::find(yes.begin(), yes.end(), a.question) != yes.end()) a.answer = YesNo::yes;
        }
        if (chance(0.05)) e.answers.resize(e.answers.size() / 2);  // stopped early
        events.push_back(std::move(e));
      } else if (pick < 0.75) {
        ScreeningEvent e = hold_event(id, ScreenKind::quick, at);
        if (chance(0.7)) e.answers.front().answer = YesNo::no;
        events.push_back(std::move(e));
      } else if (pick < 0.85) {
        ScreeningEvent e = hold_event(id, ScreenKind::legs, at);
        for (const RedFlag f : kLegCheckFlags)
          e.answers.push_back({std::string(name_of(f)), chance(0.05) ? YesNo::yes : YesNo::no});
        events.push_back(std::move(e));
      } else {
        events.push_back(hold_event(id, ScreenKind::clinician_seen, at));
      }
    }
    std::shuffle(events.begin(), events.end(), rng);  // any order
    const auto want = holds_by_prefixes(events);
    if (!want.empty()) ++with_holds;
    EXPECT_TRUE(same_holds(safety_holds(events), want)) << "trial " << trial;
  }
  EXPECT_GE(with_holds, 20);  // the histories do hold exercise, often
}

}  // namespace
}  // namespace daybreak
