// The progression rule (progression/decision.hpp), pinned by worked examples
// from clinical.md "Progression" and clinical-facts.md sections 4 and 9, and
// by properties over random scenarios (the seed is printed on failure).
#include "progression/decision.hpp"

#include <gtest/gtest.h>

#include <random>

#include "support/fixtures.hpp"

namespace daybreak {
namespace {

using testing::ymd;

const ProgressionConfig kConfig{};

MorningReading morning(LocalDate d, int pain, std::optional<int> stiffness = std::nullopt, bool still = false) {
  return {d, pain, stiffness, still};
}

// A session on 2026-11-10 with a baseline of pain 4 and stiffness 30 min,
// and a next morning as good as the baseline.
DecisionInputs usual_day() {
  DecisionInputs in;
  in.routine = RoutineKind::morning;
  in.session_date = ymd(2026, 11, 10);
  in.sessions = 1;
  in.baseline = {7, 4.0, 7, 30.0, ymd(2026, 11, 4), ymd(2026, 11, 10)};
  in.next_morning = morning(ymd(2026, 11, 11), 4, 30);
  in.pain_during = 3;
  return in;
}

TEST(ProgressionBaseline, MedianOfTheLastSevenLoggedMorningsUpToTheSessionDay) {
  std::vector<MorningReading> m;
  // Ten mornings, pain 1..10; the session is on the ninth: mornings 3..9 count.
  for (unsigned d = 1; d <= 10; ++d) m.push_back(morning(ymd(2026, 11, d), static_cast<int>(d), 10 * d));
  const Baseline b = baseline_before(m, ymd(2026, 11, 9), kConfig);
  EXPECT_EQ(b.mornings, 7);
  EXPECT_EQ(b.pain, 6.0);        // median of 3..9
  EXPECT_EQ(b.stiffness, 60.0);  // median of 30..90
  EXPECT_EQ(b.first, ymd(2026, 11, 3));
  EXPECT_EQ(b.last, ymd(2026, 11, 9));
}

TEST(ProgressionBaseline, GapsAreSkippedAndAnEvenCountAveragesTheMiddleTwo) {
  const std::vector<MorningReading> m = {morning(ymd(2026, 11, 1), 2), morning(ymd(2026, 11, 5), 3),
                                         morning(ymd(2026, 11, 6), 5), morning(ymd(2026, 11, 9), 6)};
  const Baseline b = baseline_before(m, ymd(2026, 11, 9), kConfig);
  EXPECT_EQ(b.mornings, 4);
  EXPECT_EQ(b.pain, 4.0);  // (3 + 5) / 2
  EXPECT_FALSE(b.stiffness.has_value()) << "no stiffness was timed";
}

TEST(ProgressionBaseline, FewerThanThreeMorningsIsNoBaseline) {
  const std::vector<MorningReading> m = {morning(ymd(2026, 11, 8), 2), morning(ymd(2026, 11, 9), 3)};
  const Baseline b = baseline_before(m, ymd(2026, 11, 9), kConfig);
  EXPECT_EQ(b.mornings, 2);
  EXPECT_FALSE(b.pain.has_value());
}

TEST(ProgressionBaseline, MorningsOlderThanTheLookbackDoNotCount) {
  const std::vector<MorningReading> m = {morning(ymd(2026, 9, 1), 2), morning(ymd(2026, 9, 2), 2),
                                         morning(ymd(2026, 9, 3), 2), morning(ymd(2026, 11, 9), 5)};
  EXPECT_EQ(baseline_before(m, ymd(2026, 11, 9), kConfig).mornings, 1);
}

TEST(ProgressionBaseline, StiffnessNotYetEasedIsNotPartOfTheUsualMorning) {
  const std::vector<MorningReading> m = {morning(ymd(2026, 11, 7), 3, 20), morning(ymd(2026, 11, 8), 3, 200, true),
                                         morning(ymd(2026, 11, 9), 3, 40), morning(ymd(2026, 11, 10), 3, 30)};
  const Baseline b = baseline_before(m, ymd(2026, 11, 10), kConfig);
  EXPECT_EQ(b.stiffness_mornings, 3);
  EXPECT_EQ(b.stiffness, 30.0);
}

// clinical-facts.md 9: next-morning pain >= baseline + 2 (the NRS minimal
// important change, section 4) steps back, and the flare-day routine is offered.
TEST(ProgressionRule, MorningPainTwoAboveBaselineStepsBackAndOffersTheFlareRoutine) {
  DecisionInputs in = usual_day();
  in.next_morning->pain = 6;  // 4 + 2
  const RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::step_back);
  EXPECT_TRUE(v.reasons.contains(Why::morning_pain_up));
  EXPECT_TRUE(v.offer_flare);
  EXPECT_EQ(v.good_sessions_after, 0);
  in.next_morning->pain = 5;  // one above: not a step back
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::repeat);
  EXPECT_TRUE(decide(in, kConfig).reasons.contains(Why::above_baseline));
}

TEST(ProgressionRule, HalfPointBaselinesCompareExactly) {
  DecisionInputs in = usual_day();
  in.baseline.pain = 3.5;
  in.next_morning->pain = 5;  // 5 < 5.5
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::repeat);
  in.next_morning->pain = 6;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_back);
}

// clinical-facts.md 9 [U]: stiffness >= baseline + 30 min steps back.
TEST(ProgressionRule, StiffnessThirtyMinutesAboveBaselineStepsBack) {
  DecisionInputs in = usual_day();
  in.next_morning->stiffness_minutes = 60;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_back);
  EXPECT_TRUE(decide(in, kConfig).reasons.contains(Why::stiffness_up));
  in.next_morning->stiffness_minutes = 59;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::repeat);
  // Not eased yet, but already 60 minutes: enough to tell.
  in.next_morning->stiffness_minutes = 60;
  in.next_morning->still_stiff = true;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_back);
}

// Silbernagel 2007 (clinical-facts.md 9): pain during may reach 5/10, not more.
TEST(ProgressionRule, PainDuringAboveFiveStepsBackOnlyTheExercisesThatHurt) {
  DecisionInputs in = usual_day();
  in.pain_during = 5;
  EXPECT_NE(decide(in, kConfig).verdict, Verdict::step_back);
  in.pain_during = 6;
  in.painful_exercises = {"glute_bridge"};
  RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::step_back);
  EXPECT_TRUE(v.only_painful_exercises);
  EXPECT_FALSE(v.offer_flare);
  // With a bad morning as well, the whole routine steps back.
  in.next_morning->pain = 7;
  v = decide(in, kConfig);
  EXPECT_FALSE(v.only_painful_exercises);
  EXPECT_TRUE(v.offer_flare);
}

TEST(ProgressionRule, PainAfterAboveFiveOrAStopForPainStepsBack) {
  DecisionInputs in = usual_day();
  in.pain_after = 6;
  EXPECT_TRUE(decide(in, kConfig).reasons.contains(Why::pain_after_high));
  in = usual_day();
  in.stopped_for_pain = true;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_back);
  EXPECT_TRUE(decide(in, kConfig).reasons.contains(Why::stopped_for_pain));
}

TEST(ProgressionRule, TwoGoodSessionsInARowStepUp) {
  DecisionInputs in = usual_day();
  RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::repeat);
  EXPECT_TRUE(v.reasons.contains(Why::good_once));
  EXPECT_EQ(v.good_sessions_after, 1);
  in.good_sessions_before = 1;
  v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::step_up);
  EXPECT_EQ(v.good_sessions_after, 0) << "the count starts again at the new level";
}

TEST(ProgressionRule, AtMostOneStepUpEveryThreeDays) {
  DecisionInputs in = usual_day();
  in.good_sessions_before = 1;
  in.last_step_up = ymd(2026, 11, 8);  // two days before
  RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::repeat);
  EXPECT_TRUE(v.reasons.contains(Why::too_soon));
  EXPECT_EQ(v.good_sessions_after, 2) << "the streak is kept for the next session";
  in.last_step_up = ymd(2026, 11, 7);  // three days before
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_up);
}

TEST(ProgressionRule, MissingDataIsNeverGoodNews) {
  DecisionInputs in = usual_day();
  in.good_sessions_before = 5;
  in.next_morning.reset();
  RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::repeat);
  EXPECT_TRUE(v.reasons.contains(Why::no_next_morning));
  EXPECT_EQ(v.good_sessions_after, 0);

  in = usual_day();
  in.good_sessions_before = 1;
  in.baseline = {2, std::nullopt, 2, std::nullopt, ymd(2026, 11, 9), ymd(2026, 11, 10)};
  v = decide(in, kConfig);
  EXPECT_TRUE(v.reasons.contains(Why::no_baseline));
  EXPECT_EQ(v.verdict, Verdict::repeat);

  // Stiffness usually timed but not this morning: wait for a morning that says.
  in = usual_day();
  in.good_sessions_before = 1;
  in.next_morning->stiffness_minutes.reset();
  v = decide(in, kConfig);
  EXPECT_TRUE(v.reasons.contains(Why::stiffness_unknown));
  EXPECT_EQ(v.verdict, Verdict::repeat);
}

TEST(ProgressionRule, SomeoneWhoNeverTimesStiffnessIsJudgedOnPain) {
  DecisionInputs in = usual_day();
  in.good_sessions_before = 1;
  in.baseline.stiffness.reset();
  in.baseline.stiffness_mornings = 0;
  in.next_morning->stiffness_minutes.reset();
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_up);
}

TEST(ProgressionRule, AnOpenSafetyFlagPausesEverything) {
  DecisionInputs in = usual_day();
  in.good_sessions_before = 1;
  in.progression_allowed = false;
  RuleVerdict v = decide(in, kConfig);
  EXPECT_EQ(v.verdict, Verdict::paused);
  in.next_morning->pain = 9;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::paused) << "nothing moves, not even back";
}

// clinical-facts.md 9 [P]: morning pain and stiffness must not rise week over week.
TEST(ProgressionWeekly, ARisingWeekStepsBack) {
  std::vector<MorningReading> m;
  for (unsigned d = 1; d <= 7; ++d) m.push_back(morning(ymd(2026, 11, d), 3, 20));
  for (unsigned d = 8; d <= 14; ++d) m.push_back(morning(ymd(2026, 11, d), d % 2 == 0 ? 4 : 3, 20));
  const auto w = weekly_check(m, ymd(2026, 11, 14), kConfig);
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->this_mornings, 7);
  EXPECT_DOUBLE_EQ(w->previous_pain, 3.0);
  EXPECT_DOUBLE_EQ(w->this_pain, 25.0 / 7.0);
  EXPECT_TRUE(w->rising());
  DecisionInputs in = usual_day();
  in.weekly = w;
  EXPECT_EQ(decide(in, kConfig).verdict, Verdict::step_back);
  EXPECT_TRUE(decide(in, kConfig).reasons.contains(Why::weekly_rise));
}

TEST(ProgressionWeekly, ARiseSmallerThanTheToleranceIsNotRising) {
  std::vector<MorningReading> m;
  for (unsigned d = 1; d <= 7; ++d) m.push_back(morning(ymd(2026, 11, d), 3, 20));
  for (unsigned d = 8; d <= 14; ++d) m.push_back(morning(ymd(2026, 11, d), d <= 10 ? 4 : 3, d == 8 ? 29 : 20));
  auto w = weekly_check(m, ymd(2026, 11, 14), kConfig);
  ASSERT_TRUE(w.has_value());
  EXPECT_DOUBLE_EQ(w->this_pain, 24.0 / 7.0);  // 0.43 above: less than half a point
  EXPECT_FALSE(w->rising());
  ProgressionConfig any_rise;
  any_rise.weekly_pain_rise_tenths = 0;
  EXPECT_TRUE(weekly_check(m, ymd(2026, 11, 14), any_rise)->pain_rising);
  EXPECT_FALSE(weekly_check(m, ymd(2026, 11, 14), any_rise)->stiffness_rising) << "9/7 min is under 10";
}

TEST(ProgressionWeekly, TooFewMorningsMakeNoCheck) {
  std::vector<MorningReading> m;
  for (unsigned d = 1; d <= 14; d += 3) m.push_back(morning(ymd(2026, 11, d), 3));
  EXPECT_FALSE(weekly_check(m, ymd(2026, 11, 14), kConfig).has_value());
}

TEST(ProgressionConfigCheck, NamesEveryValueOutOfRange) {
  ProgressionConfig c;
  EXPECT_TRUE(c.check().empty()) << "the defaults are valid";
  c.pain_during_ceiling = 11;
  c.min_baseline_mornings = 9;  // more than baseline_mornings (7)
  const FieldErrors e = c.check();
  ASSERT_EQ(e.size(), 2U);
  EXPECT_EQ(e[0], (FieldError{"pain_during_ceiling", "11", "a whole number from 1 to 9"}));
  EXPECT_EQ(e[1], (FieldError{"min_baseline_mornings", "9", "a whole number from 1 to 7"}));
}

// ---- properties over random scenarios ------------------------------------------

// A random but well-formed day: values anywhere in their ranges, data missing at random.
DecisionInputs random_day(std::mt19937& rng, LocalDate day) {
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  DecisionInputs in;
  in.session_date = day;
  in.sessions = pick(1, 2);
  const int mornings = pick(0, 7);
  in.baseline.mornings = mornings;
  if (mornings >= 3) in.baseline.pain = pick(0, 20) / 2.0;
  if (mornings >= 3 && pick(0, 3) > 0) in.baseline.stiffness = pick(0, 240) / 2.0;
  if (pick(0, 4) > 0) {
    MorningReading m{add_days(day, 1), pick(0, 10), std::nullopt, pick(0, 5) == 0};
    if (pick(0, 3) > 0) m.stiffness_minutes = pick(0, 300);
    in.next_morning = m;
  }
  if (pick(0, 2) > 0) in.pain_during = pick(0, 10);
  in.stopped_for_pain = pick(0, 20) == 0;
  if (pick(0, 2) == 0) in.pain_after = pick(0, 10);
  in.progression_allowed = pick(0, 15) > 0;
  return in;
}

// The app's memory from one day to the next, as decide_progression keeps it.
struct Memory {
  int good = 0;
  std::optional<LocalDate> last_up;
};

TEST(ProgressionProperties, HoldOverRandomScenarios) {
  const auto seed = std::random_device{}();
  SCOPED_TRACE(::testing::Message() << "seed " << seed << " (rerun with this seed to reproduce)");
  std::mt19937 rng(seed);
  for (int scenario = 0; scenario < 500; ++scenario) {
    Memory mem;
    LocalDate day = ymd(2026, 1, 1);
    std::optional<LocalDate> previous_up;
    for (int i = 0; i < 60; ++i) {
      day = add_days(day, std::uniform_int_distribution<int>(1, 2)(rng));
      DecisionInputs in = random_day(rng, day);
      in.good_sessions_before = mem.good;
      in.last_step_up = mem.last_up;
      const RuleVerdict v = decide(in, kConfig);
      if (v.verdict == Verdict::step_up) {
        // Never step up after a morning at baseline + 2 or worse.
        ASSERT_TRUE(in.next_morning && in.baseline.pain) << "missing data never steps up";
        ASSERT_LT(in.next_morning->pain, *in.baseline.pain + kConfig.morning_pain_rise);
        ASSERT_LE(in.next_morning->pain, *in.baseline.pain);
        ASSERT_FALSE(in.pain_during && *in.pain_during > kConfig.pain_during_ceiling);
        ASSERT_TRUE(in.progression_allowed);
        // Never two step-ups within three days.
        if (previous_up) {
          ASSERT_GE(days_between(*previous_up, day), kConfig.min_days_between_step_ups);
        }
        previous_up = day;
        mem.last_up = day;
      }
      if (!in.next_morning) {
        ASSERT_NE(v.verdict, Verdict::step_up);
      }
      ASSERT_GE(v.good_sessions_after, 0);
      mem.good = v.good_sessions_after;
    }
  }
}

TEST(ProgressionProperties, AWorseMorningNeverGivesABetterVerdict) {
  const auto seed = std::random_device{}();
  SCOPED_TRACE(::testing::Message() << "seed " << seed);
  std::mt19937 rng(seed);
  const auto rank = [](Verdict v) { return v == Verdict::step_up ? 2 : v == Verdict::step_back ? 0 : 1; };
  for (int i = 0; i < 2000; ++i) {
    DecisionInputs in = random_day(rng, ymd(2026, 3, 1));
    if (!in.next_morning) continue;
    in.good_sessions_before = std::uniform_int_distribution<int>(0, 3)(rng);
    DecisionInputs worse = in;
    worse.next_morning->pain = std::min(10, in.next_morning->pain + 1);
    ASSERT_LE(rank(decide(worse, kConfig).verdict), rank(decide(in, kConfig).verdict));
  }
}

}  // namespace
}  // namespace daybreak
