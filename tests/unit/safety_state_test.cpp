// The red-flag state machine, by worked examples: first check, weekly
// re-check, emergency lock and acknowledgement, urgent pause, reviews that
// persist and lapse, and leg symptoms that wait for their questions.
#include "clinical/safety_state.hpp"

#include <gtest/gtest.h>

#include "support/fixtures.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;
using testing::ymd;

const Instant kMonday = testing::fixed_now();  // 2026-11-23 06:30 UTC

Instant day(int n) { return kMonday + days{n}; }

std::vector<ScreenAnswer> all_no() {
  std::vector<ScreenAnswer> a;
  for (const auto& q : red_flag_questions()) a.push_back({std::string(q.id), YesNo::no});
  return a;
}

std::vector<ScreenAnswer> all_no_but(std::initializer_list<std::string_view> yes) {
  auto a = all_no();
  for (auto& answer : a) {
    for (const auto y : yes) {
      if (answer.question == y) answer.answer = YesNo::yes;
    }
  }
  return a;
}

ScreeningEvent event(std::int64_t id, ScreenKind kind, Instant at, std::vector<ScreenAnswer> answers = {}) {
  ScreeningEvent e;
  e.id = ScreeningId{id};
  e.kind = kind;
  e.at = at;
  e.answers = std::move(answers);
  const ScreenVerdict v = judge_answers(e.answers);
  e.result = kind == ScreenKind::clinician_seen ? ScreenResult::acknowledged : v.result;
  e.raised = v.raised;
  return e;
}

SafetyState state(const std::vector<ScreeningEvent>& events, Instant now,
                  const std::vector<LegSymptomNote>& notes = {}) {
  return safety_state(events, notes, now);
}

TEST(SafetyState, BeforeTheFirstCheckASessionMustWait) {
  const SafetyState s = state({}, kMonday);
  EXPECT_EQ(s.status, SafetyStatus::check_needed);
  EXPECT_TRUE(s.full_check_due);
  EXPECT_FALSE(s.last_full_check);
  EXPECT_FALSE(s.session_allowed());
}

TEST(SafetyState, AFullCheckWithNoFlagsIsOkForSevenDaysThenDueAgain) {
  const std::vector events = {event(1, ScreenKind::full, kMonday, all_no())};
  const SafetyState s = state(events, kMonday);
  EXPECT_EQ(s.status, SafetyStatus::ok);
  EXPECT_TRUE(s.session_allowed());
  EXPECT_TRUE(s.progression_allowed());
  EXPECT_EQ(s.next_full_check, day(7));
  // Six days, 23 hours and 59 minutes later: still fine.
  EXPECT_EQ(state(events, day(7) - minutes{1}).status, SafetyStatus::ok);
  // Seven days later the weekly re-check is due (clinical.md: at start and weekly).
  const SafetyState due = state(events, day(7));
  EXPECT_EQ(due.status, SafetyStatus::check_needed);
  EXPECT_TRUE(due.full_check_due);
  EXPECT_EQ(state({events[0], event(2, ScreenKind::full, day(7), all_no())}, day(7)).status, SafetyStatus::ok);
}

TEST(SafetyState, AnEmergencyFlagLocksUntilTheClinicianIsConfirmedAndThenUnlocks) {
  std::vector events = {event(1, ScreenKind::full, kMonday, all_no()),
                        event(2, ScreenKind::quick, day(2), {{"new_symptoms", YesNo::yes}})};
  SafetyState s = state(events, day(2));
  EXPECT_EQ(s.status, SafetyStatus::locked);
  EXPECT_FALSE(s.session_allowed());
  ASSERT_EQ(s.emergency.size(), 1U);
  EXPECT_EQ(s.emergency[0].label, "new bladder, bowel, saddle, sexual or both-leg symptoms");
  EXPECT_EQ(s.emergency[0].kind, ScreenKind::quick);
  EXPECT_EQ(s.since, day(2));
  // Days pass; a full check with every answer no does not unlock: only the clinician does.
  events.push_back(event(3, ScreenKind::full, day(3), all_no()));
  EXPECT_EQ(state(events, day(3)).status, SafetyStatus::locked);
  events.push_back(event(4, ScreenKind::clinician_seen, day(4)));
  s = state(events, day(4));
  EXPECT_EQ(s.status, SafetyStatus::ok);
  EXPECT_TRUE(s.emergency.empty());
  EXPECT_EQ(s.last_clinician_review, day(4));
  // A new emergency answer after the review locks again.
  events.push_back(event(5, ScreenKind::legs, day(5), {{"leg_weakness", YesNo::yes}}));
  EXPECT_EQ(state(events, day(5)).status, SafetyStatus::locked);
}

TEST(SafetyState, AnUrgentFlagPausesProgressionButAllowsTheGentleRoutine) {
  std::vector events = {event(1, ScreenKind::full, kMonday, all_no_but({"fever"}))};
  const SafetyState s = state(events, kMonday);
  EXPECT_EQ(s.status, SafetyStatus::paused);
  EXPECT_TRUE(s.session_allowed());
  EXPECT_FALSE(s.progression_allowed());
  ASSERT_EQ(s.urgent.size(), 1U);
  EXPECT_EQ(s.urgent[0].question, "fever");
  // The fever going away does not end the pause: a clinician review does.
  events.push_back(event(2, ScreenKind::full, day(1), all_no()));
  EXPECT_EQ(state(events, day(1)).status, SafetyStatus::paused);
  events.push_back(event(3, ScreenKind::clinician_seen, day(2)));
  EXPECT_EQ(state(events, day(2)).status, SafetyStatus::ok);
}

TEST(SafetyState, EmergencyOutranksUrgentAndReportsBoth) {
  const std::vector events = {event(1, ScreenKind::full, kMonday, all_no_but({"fever", "saddle_numbness"}))};
  const SafetyState s = state(events, kMonday);
  EXPECT_EQ(s.status, SafetyStatus::locked);
  EXPECT_EQ(s.emergency.size(), 1U);
  EXPECT_EQ(s.urgent.size(), 1U);
}

TEST(SafetyState, AReviewedUrgentFlagStillReportedDoesNotPauseAgain) {
  // A past cancer stays past: once a clinician has seen it, the weekly "yes" does not pause again.
  std::vector events = {event(1, ScreenKind::full, kMonday, all_no_but({"cancer_history"})),
                        event(2, ScreenKind::clinician_seen, day(1)),
                        event(3, ScreenKind::full, day(7), all_no_but({"cancer_history"}))};
  SafetyState s = state(events, day(7));
  EXPECT_EQ(s.status, SafetyStatus::ok);
  ASSERT_EQ(s.reviewed.size(), 1U);
  EXPECT_EQ(s.reviewed[0].question, "cancer_history");
  EXPECT_EQ(s.reviewed[0].reviewed_at, day(1));
  // Another urgent flag, never reviewed, pauses.
  events.push_back(event(4, ScreenKind::full, day(14), all_no_but({"cancer_history", "weight_loss"})));
  s = state(events, day(14));
  EXPECT_EQ(s.status, SafetyStatus::paused);
  ASSERT_EQ(s.urgent.size(), 1U);
  EXPECT_EQ(s.urgent[0].question, "weight_loss");
}

TEST(SafetyState, AReviewLapsesWhenTheFlagIsGoneSoItsReturnPausesAgain) {
  // A fever seen by a clinician, then gone, then back: the new fever needs a doctor again.
  const std::vector events = {
      event(1, ScreenKind::full, kMonday, all_no_but({"fever"})), event(2, ScreenKind::clinician_seen, day(1)),
      event(3, ScreenKind::full, day(7), all_no()), event(4, ScreenKind::full, day(14), all_no_but({"fever"}))};
  const SafetyState s = state(events, day(14));
  EXPECT_EQ(s.status, SafetyStatus::paused);
  EXPECT_TRUE(s.reviewed.empty());
  EXPECT_EQ(s.since, day(14));
}

// Issue 15.4: fever, weight loss and constant night pain answered yes weeks
// after a review left the status ok and progression running for ever.
TEST(SafetyState, AReviewOfAnEvolvingSymptomLapsesAfterFourWeeksButAStableFactStaysReviewed) {
  for (const std::string_view evolving : {"fever", "weight_loss", "night_pain"}) {
    std::vector<ScreeningEvent> events = {event(1, ScreenKind::full, kMonday, all_no_but({evolving})),
                                          event(2, ScreenKind::clinician_seen, day(1))};
    for (int week = 1; week <= 5; ++week) {
      events.push_back(event(2 + week, ScreenKind::full, day(7 * week), all_no_but({evolving})));
    }
    // The checks of days 7 to 28 fall within 4 weeks of the review of day 1.
    EXPECT_EQ(state({events.begin(), events.begin() + 6}, day(28)).status, SafetyStatus::ok) << evolving;
    const SafetyState s = state(events, day(35));
    EXPECT_EQ(s.status, SafetyStatus::paused) << evolving;
    ASSERT_EQ(s.urgent.size(), 1U) << evolving;
    EXPECT_EQ(s.urgent[0].at, day(35)) << "the first yes 4 weeks or more after the review";
    EXPECT_EQ(s.urgent[0].reviewed_before, day(1));
    EXPECT_TRUE(s.reviewed.empty());
  }
  // A past cancer, reviewed, stays reviewed however long it is reported.
  std::vector<ScreeningEvent> stable = {event(1, ScreenKind::full, kMonday, all_no_but({"cancer_history"})),
                                        event(2, ScreenKind::clinician_seen, day(1))};
  for (int week = 1; week <= 10; ++week) {
    stable.push_back(event(2 + week, ScreenKind::full, day(7 * week), all_no_but({"cancer_history"})));
  }
  EXPECT_EQ(state(stable, day(70)).status, SafetyStatus::ok);
}

TEST(SafetyState, ADueCheckComesBeforeAPauseBecauseItsAnswersMayLock) {
  const std::vector events = {event(1, ScreenKind::full, kMonday, all_no_but({"night_pain"}))};
  const SafetyState s = state(events, day(8));
  EXPECT_EQ(s.status, SafetyStatus::check_needed);
  EXPECT_EQ(s.urgent.size(), 1U);  // still reported
  EXPECT_FALSE(s.session_allowed());
}

TEST(SafetyState, LegSymptomsWrittenAfterTheLastLegQuestionsWaitForThem) {
  const std::vector events = {event(1, ScreenKind::full, kMonday, all_no())};
  LegSymptomNote note{EntryId{7}, ymd(2026, 11, 24), Period::morning, {LegSymptom::numbness_left}, day(1)};
  SafetyState s = state(events, day(1), {note});
  EXPECT_EQ(s.status, SafetyStatus::check_needed);
  ASSERT_EQ(s.unchecked_legs.size(), 1U);
  EXPECT_EQ(s.unchecked_legs[0].entry, EntryId{7});
  // Answering the leg questions (all no) clears it.
  std::vector<ScreenAnswer> legs;
  for (const RedFlag f : kLegCheckFlags) legs.push_back({std::string(question_for(f).id), YesNo::no});
  const std::vector more = {events[0], event(2, ScreenKind::legs, day(1) + minutes{1}, legs)};
  s = state(more, day(1) + minutes{1}, {note});
  EXPECT_EQ(s.status, SafetyStatus::ok);
  EXPECT_TRUE(s.unchecked_legs.empty());
  // A note written before the last check was covered by it.
  note.written = kMonday - hours{1};
  EXPECT_EQ(state(events, day(1), {note}).status, SafetyStatus::ok);
  // In the same second, only the leg check made for that entry covers it.
  note.written = kMonday;
  EXPECT_EQ(state(events, kMonday, {note}).status, SafetyStatus::check_needed);
  ScreeningEvent same_second = event(2, ScreenKind::legs, kMonday, legs);
  same_second.entry = EntryId{7};
  EXPECT_EQ(state({events[0], same_second}, kMonday, {note}).status, SafetyStatus::ok);
}

TEST(SafetyState, ACheckThatStoppedAtAnEmergencyLocksButIsNotTheWeeklyCheck) {
  const std::vector events = {
      event(1, ScreenKind::full, kMonday, {{"both_legs", YesNo::no}, {"saddle_numbness", YesNo::yes}}),
      event(2, ScreenKind::clinician_seen, day(1))};
  EXPECT_EQ(state({events[0]}, kMonday).status, SafetyStatus::locked);
  const SafetyState after = state(events, day(1));
  EXPECT_EQ(after.status, SafetyStatus::check_needed);
  EXPECT_FALSE(after.last_full_check);
}

TEST(SafetyState, EventsAreOrderedByTimeWhateverOrderTheyComeIn) {
  const std::vector events = {event(2, ScreenKind::clinician_seen, day(1)),
                              event(1, ScreenKind::full, kMonday, all_no_but({"bladder_bowel"}))};
  EXPECT_EQ(state(events, day(1)).status, SafetyStatus::ok);
}

// ---- a sharp rise in morning pain (clinical-facts 8.2) ------------------------

// Mornings from `first`, one a day, each written at 06:30 UTC that day.
std::vector<DiaryEntry> mornings_from(LocalDate first, std::initializer_list<int> pains) {
  std::vector<DiaryEntry> out;
  int i = 0;
  for (const int p : pains) {
    DiaryEntry e;
    e.date = add_days(first, i);
    e.period = Period::morning;
    e.fields.pain = *PainScore::make(p);
    e.created_at = sys_days{e.date} + hours{6} + minutes{30};
    out.push_back(e);
    ++i;
  }
  return out;
}

// Found by a clinician-minded review: a person whose mornings went from 3 to
// 6-8 was asked nothing until the weekly check, though clinical-facts 8.2
// asks the full list again "whenever pain pattern changes sharply".
TEST(SafetyState, ASharpRiseInMorningPainAsksTheFullCheckAgain) {
  // Two weeks at 3, then 6, 7, 8: the last three each 2 or more above the usual 3.
  const auto entries = mornings_from(ymd(2026, 11, 6), {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 8});
  const LocalDate today = ymd(2026, 11, 22);
  const auto rise = sharp_pain_rise(entries, today);
  ASSERT_TRUE(rise);
  EXPECT_EQ(rise->recent, (std::vector<int>{6, 7, 8}));
  EXPECT_DOUBLE_EQ(rise->usual, 3.0);
  EXPECT_EQ(rise->from, ymd(2026, 11, 20));
  // A full check on the 19th, before the rise: it is due again at once.
  const Instant now = sys_days{today} + hours{8};
  const std::vector<ScreeningEvent> before{
      event(1, ScreenKind::full, sys_days{ymd(2026, 11, 19)} + hours{7}, all_no())};
  const SafetyState s = safety_state(before, {}, now, rise);
  EXPECT_EQ(s.status, SafetyStatus::check_needed);
  EXPECT_TRUE(s.sharp_rise);
  // Answered after the rise began: not asked again for the same rise.
  const std::vector<ScreeningEvent> after{event(1, ScreenKind::full, sys_days{ymd(2026, 11, 22)} + hours{7}, all_no())};
  EXPECT_EQ(safety_state(after, {}, now, rise).status, SafetyStatus::ok);
}

TEST(SafetyState, NoSharpRiseFromOneBadMorningTooLittleHistoryOrAnOldRise) {
  const LocalDate today = ymd(2026, 11, 22);
  // One bad morning among ordinary ones.
  EXPECT_FALSE(
      sharp_pain_rise(mornings_from(ymd(2026, 11, 6), {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8}), today));
  // A rise of less than 2 points on one of the three.
  EXPECT_FALSE(
      sharp_pain_rise(mornings_from(ymd(2026, 11, 6), {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 4, 8}), today));
  // Fewer than 7 mornings to know the usual by.
  EXPECT_FALSE(sharp_pain_rise(mornings_from(ymd(2026, 11, 14), {3, 3, 3, 3, 3, 6, 7, 8}), today));
  // The three bad mornings were more than a week ago.
  EXPECT_FALSE(sharp_pain_rise(mornings_from(ymd(2026, 10, 20), {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 6, 7, 8}), today));
}

}  // namespace
}  // namespace daybreak
