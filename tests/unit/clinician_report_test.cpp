// The clinician report's use case against a real SQLite database (issue 18):
// its own few numbers, the period and its refusals, the edge cases (nothing
// logged, one day, no questionnaires, an emergency sign), and the paper a
// locale chooses. The PDF itself is checked by tests/report/check_report.py.
#include "app/clinician_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "analysis/insights.hpp"
#include "app/diary.hpp"
#include "app/experiments.hpp"
#include "app/insights.hpp"
#include "app/profile.hpp"
#include "app/questionnaires.hpp"
#include "app/report_numbers.hpp"
#include "app/safety.hpp"
#include "content/instruments.hpp"
#include "content/library_loader.hpp"
#include "progression/decision.hpp"
#include "progression/ladder.hpp"
#include "progression/record.hpp"
#include "progression/sentence.hpp"
#include "report/clinician_pdf.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/safety_fixtures.hpp"
#include "support/temp_dir.hpp"
#include "unit/builtin.hpp"

namespace daybreak {
namespace {

using testing::berlin;
using testing::ymd;

using testing::builtin;

class ClinicianReportTest : public ::testing::Test {
 protected:
  ClinicianReportTest() : store_(SqliteOptions{dir_ / "daybreak.db"}) {
    user_ = ensure_local_user(store_, now_, "Europe/Berlin");
  }

  // Written at `at` (default: the report's time).
  void log(Period period, LocalDate date, std::initializer_list<std::pair<std::string, std::string>> fields,
           std::optional<Instant> at = std::nullopt) {
    Draft d;
    for (const auto& [k, v] : fields) d.set(k, v);
    const auto r = log_entry(store_, {at.value_or(now_), Actor{user_.id, "test"}}, user_.id, berlin(),
                             LogRequest{date, period, d, false, std::nullopt});
    ASSERT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  }

  // Mornings from `first` for `n` days: pain from `pain(i)`, stiffness 20 + 2i minutes.
  template <typename F>
  void mornings(LocalDate first, int n, F pain) {
    for (int i = 0; i < n; ++i) {
      log(Period::morning, add_days(first, i),
          {{"pain", std::to_string(pain(i))}, {"stiffness_minutes", std::to_string(20 + 2 * i)}});
    }
  }

  // A full check at `at`, every answer no but those in `yes`.
  void full_check(Instant at, std::initializer_list<std::string_view> yes) {
    auto answers = testing::all_no_answers();
    for (auto& a : answers) {
      if (std::find(yes.begin(), yes.end(), a.question) != yes.end()) a.answer = YesNo::yes;
    }
    const auto r = record_screen(store_, {at, Actor{user_.id, "test"}}, user_.id, berlin(),
                                 {ScreenKind::full, answers, std::nullopt, "test"});
    ASSERT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  }

  // A full check at `at` with every red flag answered no and these answers to
  // the inflammatory back pain questions ("ibp_chronic", ...).
  void ibp_check(Instant at, std::initializer_list<std::pair<std::string, YesNo>> ibp) {
    auto answers = testing::all_no_answers();
    for (const auto& [q, a] : ibp) answers.push_back({q, a});
    const auto r = record_screen(store_, {at, Actor{user_.id, "test"}}, user_.id, berlin(),
                                 {ScreenKind::full, answers, std::nullopt, "test"});
    ASSERT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  }

  // A rule decision as decide_progression stores it, with the sentence the
  // person is shown, for the morning session of `in.session_date`.
  void rule_decision(const DecisionInputs& in, const ExerciseLevels& levels = {}) {
    const RuleVerdict v = decide(in, config_);
    DecisionRecord d;
    d.program = "daybreak";
    d.kind = DecisionKind::rule;
    d.routine = in.routine;
    d.date = in.session_date;
    d.verdict = v.verdict;
    d.reasons = v.reasons;
    d.inputs = decision_inputs_to_json(in).dump();
    const RoutineItem item{"glute_bridge", {}, {}};
    if (v.verdict == Verdict::step_up || v.verdict == Verdict::step_back) {
      auto c = v.verdict == Verdict::step_up ? step_up(builtin(), item, levels) : step_back(builtin(), item, levels);
      if (c) d.changes.push_back(*c);
    }
    d.sentence = decision_sentence(in, v, d.changes, config_, builtin());
    d.offer_flare = v.offer_flare;
    d.state.good_sessions = v.good_sessions_after;
    auto tx = store_.write();
    (void)tx->insert_decision(user_.id, d, {now_, Actor{user_.id, "test"}});
    tx->commit();
  }

  // A finished guided session started at `at`.
  void session(RoutineKind routine, Instant at) {
    SessionRecord r;
    r.program = "daybreak";
    r.routine = routine;
    r.started_at = at;
    r.ended_at = at + std::chrono::minutes{10};
    r.pain_before = *PainScore::make(3);
    r.steps = {StepOutcome::done};
    r.exercises = {{"bird_dog", 1, 1, 1, 0, std::nullopt}};  // its one step done
    auto tx = store_.write();
    (void)tx->insert_session(user_.id, r, "{}", {at, Actor{user_.id, "test"}});
    tx->commit();
  }

  const ReportSection& program_part(const ClinicianReport& r) {
    const auto it = std::find_if(r.detail.begin(), r.detail.end(),
                                 [](const ReportSection& s) { return s.heading == "The program"; });
    EXPECT_NE(it, r.detail.end());
    return *it;
  }

  AppResult<ClinicianReport> make(ClinicianReportRequest request = {}) {
    return clinician_report(store_, user_, {builtin(), config_, berlin(), now_, "9.9.9"}, request);
  }

  testing::TempDir dir_;
  SqliteStore store_;
  User user_;
  ProgressionConfig config_;
  Instant now_ = testing::fixed_now();  // Monday 2026-11-23, 07:30 in Berlin
};

const std::vector<std::string>* row_of(const ReportTable& t, std::string_view first) {
  const auto it = std::find_if(t.rows.begin(), t.rows.end(), [&](const auto& r) { return r.front() == first; });
  return it == t.rows.end() ? nullptr : &*it;
}

TEST_F(ClinicianReportTest, TheDefaultPeriodIsTheLastTwelveWeeksAndTheHeaderSaysSo) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->from, ymd(2026, 9, 1));
  EXPECT_EQ(r->to, ymd(2026, 11, 23));
  EXPECT_EQ(r->title, "Back pain report: 1 Sep 2026 to 23 Nov 2026");
  EXPECT_EQ(r->completeness,
            "Completeness: a morning entry on 7 of 7 days (100%) from 16 Nov 2026 to 22 Nov 2026 (the person began "
            "using daybreak on 16 Nov 2026; 23 Nov, the day of the report, not logged yet).");
  EXPECT_EQ(r->generated_at, now_);
  EXPECT_NE(r->generated.find("daybreak 9.9.9"), std::string::npos) << r->generated;
  EXPECT_EQ(r->days.size(), 84U);
}

// Found by a clinician-minded review: someone who began two weeks ago read
// "a morning entry on 12 of 84 days (14%)", the days of the period before
// they began counted as missed, and the header did not say from when.
TEST_F(ClinicianReportTest, CompletenessCountsFromTheDayThePersonBeganNotTheStartOfThePeriod) {
  session(RoutineKind::morning, now_ - std::chrono::days{13});  // 10 Nov: the program before the diary
  mornings(ymd(2026, 11, 11), 12, [](int) { return 4; });       // 11 to 22 Nov
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->completeness,
            "Completeness: a morning entry on 12 of 13 days (92%) from 10 Nov 2026 to 22 Nov 2026 (the person began "
            "using daybreak on 10 Nov 2026; 23 Nov, the day of the report, not logged yet).");
  // A period that begins after they began counts all of its days.
  const auto later = make({ymd(2026, 11, 15), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->completeness,
            "Completeness: a morning entry on 8 of 8 days (100%) from 15 Nov 2026 to 22 Nov 2026.");
  // A period over before they began has nothing to count.
  const auto before = make({ymd(2026, 10, 1), ymd(2026, 10, 31), ""});
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->completeness, "Completeness: the person began using daybreak on 10 Nov 2026, after this period.");
}

// Made at 07:30, the report counted the day it was made as a missed
// morning; logged, that morning counts.
TEST_F(ClinicianReportTest, CompletenessDoesNotCountTodayAsMissedBeforeItsMorningIsLogged) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make({ymd(2026, 11, 16), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->completeness,
            "Completeness: a morning entry on 7 of 7 days (100%) from 16 Nov 2026 to 22 Nov 2026 (23 Nov, the day of "
            "the report, not logged yet).");
  log(Period::morning, ymd(2026, 11, 23), {{"pain", "3"}});
  EXPECT_EQ(make({ymd(2026, 11, 16), ymd(2026, 11, 23), ""})->completeness,
            "Completeness: a morning entry on 8 of 8 days (100%) from 16 Nov 2026 to 23 Nov 2026.");
}

// The header showed "me", the placeholder a diary has before the person
// gives a name; report.md: the name only when set with `profile --name`.
TEST_F(ClinicianReportTest, TheHeaderNamesThePersonOnlyWhenTheyGaveAName) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  ASSERT_EQ(user_.name, kUnnamedPerson);
  const auto unnamed = make();
  ASSERT_TRUE(unnamed.ok()) << unnamed.error().message;
  EXPECT_EQ(unnamed->name, "");
  const auto named =
      update_profile(store_, now_, user_.id, {"Ana Ruiz", std::nullopt}, [](std::string_view) { return true; });
  ASSERT_TRUE(named.ok());
  user_ = *named;
  EXPECT_EQ(make()->name, "Ana Ruiz");
}

// A list cut to fit the page said "the person's daybreak keeps them all";
// report.md promises the line names the command that shows them.
TEST_F(ClinicianReportTest, AListCutToThePageNamesTheCommandThatShowsItAll) {
  log(Period::morning, ymd(2026, 11, 20), {{"pain", "4"}, {"note", "stiff after the drive"}});
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  std::map<std::string, std::string> more;
  for (const ReportSection& s : r->detail) more[s.heading] = s.more;
  ASSERT_TRUE(more.contains("Notes from the diary"));
  EXPECT_NE(more["Notes from the diary"].find("`daybreak history --json`"), std::string::npos);
  for (const auto& [heading, line] : more) {
    if (!line.empty()) {
      EXPECT_NE(line.find("`daybreak "), std::string::npos) << heading << ": " << line;
    }
  }
}

TEST_F(ClinicianReportTest, MorningPainIsJudgedAgainstTheMinimalImportantChange) {
  // First week 6, last week 3: a fall of 3 points (50%), an important improvement.
  mornings(ymd(2026, 10, 26), 28, [](int i) { return i < 7 ? 6 : i < 21 ? 5 : 3; });
  log(Period::evening, ymd(2026, 11, 2), {{"pain", "8"}});
  const auto r = make({ymd(2026, 10, 26), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto* pain = row_of(r->key_changes, "Morning pain (0-10)");
  ASSERT_NE(pain, nullptr);
  EXPECT_EQ((*pain)[1], "6.0 (mean, 26 Oct to 1 Nov)");
  EXPECT_EQ((*pain)[2], "3.0 (mean, 16 Nov to 22 Nov)");
  EXPECT_EQ((*pain)[3],
            "Morning pain fell 3 points (50%): an important improvement (MIC: 2 points or 30% of at least 1 point).");
  const auto* worst = row_of(r->key_changes, "Worst pain of the day");
  ASSERT_NE(worst, nullptr);
  EXPECT_EQ((*worst)[3], "Highest pain of the period: 8 on 2 Nov 2026.");
  // The chart's line: the mean of the 7 days ending each day, from the 4th morning on.
  EXPECT_FALSE(r->days[2].mean7.has_value());
  ASSERT_TRUE(r->days[3].mean7.has_value());
  EXPECT_DOUBLE_EQ(*r->days[3].mean7, 6.0);
  EXPECT_DOUBLE_EQ(*r->days.back().mean7, 3.0);
  EXPECT_EQ(r->days[7].low, 5.0);
  EXPECT_EQ(r->days[7].high, 8.0);
}

// Found by a clinician-minded review: a mean of stiffness minutes with
// mornings logged "still stiff" (the minutes so far, a lower bound) was shown
// as if every morning had eased by then.
TEST_F(ClinicianReportTest, AStiffnessMeanWithAStillStiffMorningSaysAtLeast) {
  mornings(ymd(2026, 10, 26), 27, [](int) { return 5; });
  log(Period::morning, ymd(2026, 11, 22), {{"pain", "5"}, {"stiffness_minutes", "90"}, {"still_stiff", "yes"}});
  const auto r = make({ymd(2026, 10, 26), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto* stiff = row_of(r->key_changes, "Morning stiffness");
  ASSERT_NE(stiff, nullptr);
  EXPECT_EQ((*stiff)[1].rfind("at least", 0), std::string::npos) << (*stiff)[1];  // the first week eased
  EXPECT_EQ((*stiff)[2].rfind("at least ", 0), 0U) << (*stiff)[2];
}

TEST_F(ClinicianReportTest, FewerThanFourteenMorningsAreNotCompared) {
  mornings(ymd(2026, 11, 10), 10, [](int) { return 5; });
  const auto r = make({ymd(2026, 11, 10), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok());
  const auto* pain = row_of(r->key_changes, "Morning pain (0-10)");
  ASSERT_NE(pain, nullptr);
  EXPECT_EQ((*pain)[3], "Too few mornings to compare: 10 logged, 14 needed.");
}

TEST_F(ClinicianReportTest, AnEmptyPeriodIsAReportThatSaysNothingWasLogged) {
  mornings(ymd(2026, 9, 1), 3, [](int) { return 5; });
  const auto r = make({ymd(2026, 11, 1), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->nothing_logged);
  EXPECT_NE(r->nothing_logged_text.find("Nothing was logged in the diary from 1 Nov 2026 to 22 Nov 2026"),
            std::string::npos)
      << r->nothing_logged_text;
  EXPECT_TRUE(r->detail.empty());
}

TEST_F(ClinicianReportTest, OneDayIsEnough) {
  log(Period::morning, ymd(2026, 11, 23), {{"pain", "4"}, {"note", "first entry"}});
  const auto r = make({ymd(2026, 11, 23), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->nothing_logged);
  ASSERT_EQ(r->days.size(), 1U);
  EXPECT_EQ(r->days[0].morning_pain, 4.0);
  EXPECT_EQ(r->completeness, "Completeness: a morning entry on 1 of 1 day (100%) from 23 Nov 2026 to 23 Nov 2026.");
  const auto notes = std::find_if(r->detail.begin(), r->detail.end(),
                                  [](const ReportSection& s) { return s.heading == "Notes from the diary"; });
  ASSERT_NE(notes, r->detail.end());
  EXPECT_EQ(notes->items, (std::vector<std::string>{"23 Nov 2026, morning: first entry"}));
}

TEST_F(ClinicianReportTest, WithoutQuestionnairesThePageSaysSoAndTheTableIsLeftOut) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make();
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->questionnaires.has_value());
  EXPECT_EQ(r->questionnaires_none, "No questionnaire was taken in this period.");
}

TEST_F(ClinicianReportTest, QuestionnairesInThePeriodAreComparedFirstToLast) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const Instrument& odi = *find_instrument("odi");
  auto take = [&](Instant at, std::string answers) {
    const auto a = read_answers(odi, answers);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(record_response(store_, at, user_.id, odi, *a, "test").ok());
  };
  take(now_ - std::chrono::days{20}, "1=3,2=3,3=3,4=3,5=3,6=3,7=3,8=3,9=3,10=3");  // 60%
  take(now_ - std::chrono::days{1}, "1=1,2=1,3=1,4=1,5=1,6=1,7=1,8=1,9=1,10=1");   // 20%
  const auto r = make({ymd(2026, 11, 1), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->questionnaires.has_value());
  const auto* row = row_of(*r->questionnaires, "ODI");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ((*row)[3], "\u221240");
  EXPECT_EQ((*row)[4], "10 points");
  const auto* key = row_of(r->key_changes, "ODI");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ((*key)[3], "\u221240: an important improvement");
}

TEST_F(ClinicianReportTest, AnEmergencySignInThePeriodComesFirstInWords) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  log(Period::afternoon, ymd(2026, 11, 20), {{"pain", "6"}, {"red_flags", "yes"}});
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->alerts.size(), 1U);
  EXPECT_EQ(r->alerts[0].heading,
            "Emergency warning sign, not yet seen by a clinician: exercise locked since 23 Nov 2026");
  ASSERT_EQ(r->alerts[0].paragraphs.size(), 1U);
  EXPECT_NE(r->alerts[0].paragraphs[0].find("the person answered yes to: new bladder, bowel, saddle, sexual or "
                                            "both-leg symptoms. daybreak advised: \u201cSTOP: get medical help now. "
                                            "Call 112 now"),
            std::string::npos)
      << r->alerts[0].paragraphs[0];
  EXPECT_NE(r->alerts[0].paragraphs[0].find(
                "No clinician review is recorded since: exercise stays locked until the person confirms one."),
            std::string::npos)
      << r->alerts[0].paragraphs[0];
  ASSERT_TRUE(acknowledge_clinician(store_, {now_, Actor{user_.id, "test"}}, user_.id).ok());
  const auto after = make();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->alerts.size(), 1U);
  EXPECT_EQ(after->alerts[0].heading, "An emergency warning sign was reported in this period");
  EXPECT_NE(after->alerts[0].paragraphs[0].find("A clinician review was recorded on 23 Nov 2026."), std::string::npos)
      << after->alerts[0].paragraphs[0];
}

// A fever answered yes (the program paused, no clinician review yet) was
// only in the Safety row, while an emergency a clinician had already seen had
// the red box.
TEST_F(ClinicianReportTest, AnOpenUrgentSignHasAPageOneBoxWithItsDate) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  full_check(now_ - std::chrono::days{3}, {"fever"});
  ASSERT_EQ(safety_gate(store_, user_.id, now_).state.status, SafetyStatus::paused);
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->alerts.size(), 1U);
  EXPECT_EQ(r->alerts[0].heading,
            "Urgent warning sign, not yet seen by a clinician: the program paused since 20 Nov 2026");
  EXPECT_EQ(r->alerts[0].paragraphs,
            (std::vector<std::string>{
                "On 20 Nov 2026 at 07:30 (full check), the person answered yes to: fever, or feeling hot and "
                "shivery. daybreak advised: \u201cSee a doctor within 24 hours.\u201d No clinician review is recorded "
                "since: "
                "until the person confirms one, only the gentle flare-day routine is allowed and the program does "
                "not move on."}));
  // Seen by a clinician: no longer in the box (an urgent sign is), said in the row.
  ASSERT_TRUE(acknowledge_clinician(store_, {now_, Actor{user_.id, "test"}}, user_.id).ok());
  const auto after = make();
  ASSERT_TRUE(after.ok());
  EXPECT_TRUE(after->alerts.empty());
  EXPECT_NE(row_of(after->key_changes, "Safety")->at(3).find("A clinician review was recorded on 23 Nov 2026."),
            std::string::npos);
}

// A sign still open from before the period is what a clinician must see first.
TEST_F(ClinicianReportTest, AnOpenSignFromBeforeThePeriodStillComesFirst) {
  log(Period::morning, ymd(2026, 10, 1), {{"pain", "6"}, {"red_flags", "yes"}}, now_ - std::chrono::days{53});
  full_check(now_ - std::chrono::days{40}, {"weight_loss", "fever"});
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make({ymd(2026, 11, 16), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->alerts.size(), 2U);
  EXPECT_EQ(r->alerts[0].heading,
            "Emergency warning sign, not yet seen by a clinician: exercise locked since 1 Oct 2026");
  EXPECT_EQ(r->alerts[1].heading, "Urgent warning signs, not yet seen by a clinician (since 14 Oct 2026)");
  const std::string row = row_of(r->key_changes, "Safety")->at(3);
  // Said in full in the box, named briefly in the row.
  EXPECT_EQ(row,
            "Before this period: On 1 Oct 2026 at 08:30 (diary check), yes to: new bladder, bowel, saddle, sexual or "
            "both-leg symptoms (see above). Before this period: On 14 Oct 2026 at 08:30 (full check), yes to: fever, "
            "or feeling hot and shivery; weight loss without trying (see above). No full safety check was done in "
            "this period.");
  EXPECT_NE(r->alerts[1].paragraphs[0].find("No clinician review is recorded since (exercise is locked: see the "
                                            "emergency sign)."),
            std::string::npos)
      << r->alerts[1].paragraphs[0];
}

// A past cancer a clinician has seen does not pause again: the row said "No
// clinician review is recorded since" of every weekly yes after the review.
TEST_F(ClinicianReportTest, AnUrgentSignAClinicianHasSeenIsNotSaidToWait) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  full_check(now_ - std::chrono::days{10}, {"cancer_history"});
  ASSERT_TRUE(acknowledge_clinician(store_, {now_ - std::chrono::days{9}, Actor{user_.id, "test"}}, user_.id).ok());
  full_check(now_ - std::chrono::days{2}, {"cancer_history"});
  ASSERT_EQ(safety_gate(store_, user_.id, now_).state.status, SafetyStatus::ok);
  const auto r = make();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->alerts.empty());
  const std::string row = row_of(r->key_changes, "Safety")->at(3);
  EXPECT_NE(row.find("See a doctor within 24 hours.\u201d A clinician review was recorded on 14 Nov 2026. On 21 Nov"),
            std::string::npos)
      << row;
  EXPECT_NE(row.find("A clinician had seen it (review recorded on 14 Nov 2026), so it does not pause the program "
                     "again."),
            std::string::npos)
      << row;
  EXPECT_EQ(row.find("No clinician review is recorded since"), std::string::npos) << row;
}

TEST_F(ClinicianReportTest, WithoutAWarningSignTheSafetyRowSaysOnlyWhatItKnows) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{3}, berlin());
  const auto r = make();
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->alerts.empty());
  const auto* safety = row_of(r->key_changes, "Safety");
  ASSERT_NE(safety, nullptr);
  EXPECT_EQ((*safety)[3],
            "No warning sign reported in this period (1 full safety check). That does not rule out a serious "
            "problem.");
}

// Numbness in both legs logged on the report's morning, the leg questions
// not yet answered and exercise waiting for them: the Safety row said "No
// warning sign reported in this period" and nothing of the legs.
TEST_F(ClinicianReportTest, LegSymptomsAndAnUnansweredLegCheckAreInTheSafetyRow) {
  mornings(ymd(2026, 11, 16), 4, [](int) { return 4; });
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{3}, berlin());
  log(Period::morning, ymd(2026, 11, 20), {{"pain", "4"}, {"leg_symptoms", "tingling_left"}});
  log(Period::morning, ymd(2026, 11, 23), {{"pain", "3"}, {"leg_symptoms", "numbness_left,numbness_right"}});
  ASSERT_EQ(safety_gate(store_, user_.id, now_).state.status, SafetyStatus::check_needed);
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto* safety = row_of(r->key_changes, "Safety");
  ASSERT_NE(safety, nullptr);
  EXPECT_EQ((*safety)[3],
            "No warning sign reported in this period (1 full safety check). That does not rule out a serious "
            "problem. Leg symptoms were logged on 2 days: numbness in the left leg (1 day), numbness in the right leg "
            "(1 day), tingling in the left leg (1 day); in both legs on 23 Nov 2026. When this report was made (23 "
            "Nov 2026 at 07:30), the leg questions (see above) had not been answered since the leg symptoms of 20 Nov "
            "2026 and 23 Nov 2026: exercise waits for them.");
  // One leg only: no box above, so the row names the questions.
  const auto one_leg = make({ymd(2026, 11, 16), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(one_leg.ok());
  EXPECT_TRUE(one_leg->alerts.empty());
  EXPECT_NE(row_of(one_leg->key_changes, "Safety")
                ->at(3)
                .find("Leg symptoms were logged on 1 day: tingling in the left leg (1 day). When this report was made "
                      "(23 Nov 2026 at 07:30), the leg questions (new symptoms in both legs; leg weakness getting "
                      "worse quickly; new numbness around the genitals, buttocks or back passage; new bladder or "
                      "bowel trouble; new change in sexual function) had not been answered since the leg symptoms of "
                      "20 Nov 2026 and 23 Nov 2026: exercise waits for them."),
            std::string::npos)
      << row_of(one_leg->key_changes, "Safety")->at(3);
}

// A check still unanswered when the report is made is said, the weekly one too.
TEST_F(ClinicianReportTest, AWeeklyCheckDueWhenTheReportIsMadeIsSaid) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{10}, berlin());
  const auto r = make();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(row_of(r->key_changes, "Safety")->at(3),
            "No warning sign reported in this period (1 full safety check). That does not rule out a serious "
            "problem. When this report was made (23 Nov 2026 at 07:30), the weekly safety check was due: the last "
            "was on 13 Nov 2026.");
}

// The same morning: symptoms in both legs (an emergency sign once the person
// says they are new) were nowhere on page 1's first lines.
TEST_F(ClinicianReportTest, LegSymptomsInBothLegsOnOneDayComeFirstOnPageOne) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{3}, berlin());
  // Left on one entry, right on another of the same day: both legs that day.
  log(Period::night, ymd(2026, 11, 23), {{"pain", "3"}, {"leg_symptoms", "tingling_left"}},
      now_ - std::chrono::hours{1});
  log(Period::morning, ymd(2026, 11, 23), {{"pain", "3"}, {"leg_symptoms", "weakness_right"}},
      now_ - std::chrono::hours{1});
  // One leg only: not both legs.
  log(Period::afternoon, ymd(2026, 11, 18), {{"pain", "3"}, {"leg_symptoms", "numbness_left,tingling_left"}},
      now_ - std::chrono::hours{2});
  const auto r = make();
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->alerts.size(), 1U);
  EXPECT_EQ(r->alerts[0].heading, "Symptoms in both legs were logged in this period");
  ASSERT_EQ(r->alerts[0].paragraphs.size(), 3U);
  EXPECT_EQ(r->alerts[0].paragraphs[0],
            "On 23 Nov 2026, the person logged tingling in the left leg and weakness in the right leg.");
  EXPECT_EQ(r->alerts[0].paragraphs[1],
            "New symptoms in both legs are one of the emergency warning signs daybreak asks about.");
  EXPECT_NE(
      r->alerts[0].paragraphs[2].find("had not been answered since the leg symptoms of 18 Nov 2026 and 23 Nov 2026"),
      std::string::npos)
      << r->alerts[0].paragraphs[2];

  // Answered no: said, with what that does not mean.
  std::vector<ScreenAnswer> legs;
  for (const RedFlag f : kLegCheckFlags) legs.push_back({std::string(question_for(f).id), YesNo::no});
  ASSERT_TRUE(record_screen(store_, {now_, Actor{user_.id, "test"}}, user_.id, berlin(),
                            {ScreenKind::legs, legs, std::nullopt, "test"})
                  .ok());
  const auto after = make();
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->alerts.size(), 1U);
  ASSERT_EQ(after->alerts[0].paragraphs.size(), 2U);
  EXPECT_NE(after->alerts[0].paragraphs[0].find("On 23 Nov 2026 at 07:30 (leg check), the person answered no to each "
                                                "of the leg questions (new symptoms in both legs;"),
            std::string::npos)
      << after->alerts[0].paragraphs[0];
  EXPECT_NE(after->alerts[0].paragraphs[0].find("That does not rule out a serious problem."), std::string::npos);
  const auto* safety = row_of(after->key_changes, "Safety");
  ASSERT_NE(safety, nullptr);
  EXPECT_EQ((*safety)[3].find("had not been answered"), std::string::npos) << (*safety)[3];
}

// With no check in the period the row said "No warning sign reported in this
// period (0 full safety checks)": as if asked and answered no.
TEST_F(ClinicianReportTest, WithoutASafetyCheckInThePeriodTheRowSaysNoneWasDone) {
  mornings(ymd(2026, 11, 16), 5, [](int) { return 4; });
  const auto none = make();
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(
      row_of(none->key_changes, "Safety")->at(3),
      "No full safety check was done in this period. No full safety check had ever been done when this report was "
      "made (23 Nov 2026 at 07:30).");
  // The diary's one-tap check answered no is said for what it is.
  log(Period::morning, ymd(2026, 11, 21), {{"pain", "4"}, {"red_flags", "no"}});
  log(Period::evening, ymd(2026, 11, 21), {{"pain", "4"}, {"red_flags", "no"}});
  log(Period::morning, ymd(2026, 11, 22), {{"pain", "4"}, {"red_flags", "no"}});
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{30}, berlin());
  const auto r = make({ymd(2026, 11, 16), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(row_of(r->key_changes, "Safety")->at(3),
            "No full safety check was done in this period. The diary's one-tap check (new bladder, bowel, saddle, "
            "sexual or both-leg symptoms?) was answered no on 2 days. That does not rule out a serious problem. When "
            "this report was made (23 Nov 2026 at 07:30), the weekly safety check was due: the last was on 24 Oct "
            "2026.");
}

// Made at 07:30 on a Monday, the report showed that week as "0/14, 0%",
// and its weekly rate was over whole weeks though the first had 6 days.
TEST_F(ClinicianReportTest, AWeekNotOverIsInProgressAndTheRateIsOverTheDaysCovered) {
  mornings(ymd(2026, 11, 3), 21, [](int) { return 4; });
  // Every routine from Tuesday 3 Nov to Sunday 22 Nov, and this morning's.
  for (int i = 0; i < 20; ++i) {
    const Instant day = now_ - std::chrono::days{20 - i};  // 07:30 in Berlin
    session(RoutineKind::morning, day);
    session(RoutineKind::evening, day + std::chrono::hours{12});
  }
  session(RoutineKind::morning, now_ - std::chrono::minutes{30});
  const auto r = make({ymd(2026, 11, 3), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const ReportSection& p = program_part(*r);
  ASSERT_EQ(p.paragraphs.size(), 2U);
  EXPECT_EQ(p.paragraphs[1],
            "Guided sessions finished in this period: 41 of 41 started. Over the 20 days from 3 Nov 2026 to 22 Nov "
            "2026: 40 finished, 14.0 a week on average (40 \u00f7 20 days \u00d7 7), against 14 planned (a morning "
            "and an evening routine each day). 23 Nov 2026 was not over when the report was made and is not counted "
            "(1 session so far).");
  ASSERT_TRUE(p.table);
  EXPECT_EQ(p.table->header, (std::vector<std::string>{"Week of", "2 Nov", "9 Nov", "16 Nov", "23 Nov"}));
  EXPECT_EQ(p.table->rows[0], (std::vector<std::string>{"Finished", "12/12", "14/14", "14/14", "1 today"}));
  EXPECT_EQ(p.table->rows[1], (std::vector<std::string>{"Adherence", "100%", "100%", "100%", "in progress"}));
}

// Paused for a fever (only the flare-day routine allowed), the weeks showed
// "0/14, 0%", and page 2 did not say that the program was paused.
TEST_F(ClinicianReportTest, AWeekHeldForSafetyIsSaidSoAndNotCountedAsMissed) {
  mornings(ymd(2026, 11, 2), 21, [](int) { return 4; });
  for (int i = 0; i < 15; ++i) {  // 2 to 16 Nov
    const Instant day = now_ - std::chrono::days{21 - i};
    session(RoutineKind::morning, day);
    session(RoutineKind::evening, day + std::chrono::hours{12});
  }
  full_check(now_ - std::chrono::days{6}, {"fever"});  // 17 Nov
  session(RoutineKind::flare, now_ - std::chrono::days{5});
  const auto r = make({ymd(2026, 11, 2), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const ReportSection& p = program_part(*r);
  ASSERT_EQ(p.paragraphs.size(), 3U);
  EXPECT_EQ(p.paragraphs[1],
            "The program has been paused for safety since 17 Nov 2026: an urgent warning sign is waiting for a "
            "clinician's review (page 1). Until the person confirms one, only the gentle flare-day routine can be "
            "played, and the program does not move on.");
  EXPECT_EQ(p.paragraphs[2],
            "Guided sessions finished in this period: 31 of 31 started. Over the 15 days from 2 Nov 2026 to 22 Nov "
            "2026 (leaving out the 6 days exercise was paused for safety): 30 finished, 14.0 a week on average (30 "
            "\u00f7 15 days \u00d7 7), against 14 planned (a morning and an evening routine each day).");
  ASSERT_TRUE(p.table);
  EXPECT_EQ(p.table->header, (std::vector<std::string>{"Week of", "2 Nov", "9 Nov", "16 Nov"}));
  EXPECT_EQ(p.table->rows.at(0), (std::vector<std::string>{"Finished", "14/14", "14/14", "2/2"}));
  EXPECT_EQ(p.table->rows.at(1), (std::vector<std::string>{"Adherence", "100%", "100%", "100%"}));
  EXPECT_EQ(p.table->rows.at(2), (std::vector<std::string>{"Held for safety", "", "", "6 days paused"}));
  EXPECT_NE(std::find(p.after_table.begin(), p.after_table.end(),
                      "Not counted above: 1 session finished on days exercise was paused for safety (while paused, "
                      "only the gentle flare-day routine can be played)."),
            p.after_table.end());
  // A whole week paused says so instead of a percentage.
  const auto later = make({ymd(2026, 11, 2), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(later.ok());
  // (23 Nov is today: in progress, and paused.)
  EXPECT_EQ(program_part(*later).table->rows.at(1).back(), "in progress");
}

// The insights count the same days as the report; a viewer not shown safety
// (a clinician's grant without it) is not told when the program was held.
TEST_F(ClinicianReportTest, InsightsLeaveOutHeldDaysOnlyForAViewerShownSafety) {
  mornings(ymd(2026, 11, 2), 21, [](int) { return 4; });
  for (int i = 0; i < 15; ++i) session(RoutineKind::morning, now_ - std::chrono::days{21 - i});
  full_check(now_ - std::chrono::days{6}, {"fever"});
  InsightsRequest request{ymd(2026, 11, 2), ymd(2026, 11, 22)};
  const auto shown = insights(store_, user_.id, berlin(), ymd(2026, 11, 23), request);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->adherence.paused_days, 6);
  EXPECT_EQ(shown->adherence.days, 15);
  request.safety = false;
  const auto not_shown = insights(store_, user_.id, berlin(), ymd(2026, 11, 23), request);
  ASSERT_TRUE(not_shown.ok());
  EXPECT_EQ(not_shown->adherence.paused_days, 0);
  EXPECT_EQ(not_shown->adherence.days, 21);
}

TEST_F(ClinicianReportTest, ABadPeriodOrQuestionsAreRefusedWithEveryField) {
  const auto reversed = make({ymd(2026, 11, 23), ymd(2026, 11, 1), std::string(1001, 'x')});
  ASSERT_FALSE(reversed.ok());
  ASSERT_EQ(reversed.error().fields.size(), 2U);
  EXPECT_EQ(reversed.error().fields[0].field, "from");
  EXPECT_EQ(reversed.error().fields[0].allowed, "a day on or before the last day (2026-11-01)");
  EXPECT_EQ(reversed.error().fields[1].field, "questions");
  EXPECT_EQ(reversed.error().fields[1].value, "1001 characters");
  const auto too_long = make({ymd(2024, 11, 1), ymd(2026, 11, 23), ""});
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().fields.at(0).allowed, "a day at most 730 days before the last day (2026-11-23)");
  const auto control = make({std::nullopt, std::nullopt, "a\x01b"});
  ASSERT_FALSE(control.ok());
  EXPECT_EQ(control.error().fields.at(0).field, "questions");
  // A thousand characters of Greek (two bytes each) are within the limit.
  std::string greek;
  for (int i = 0; i < 1000; ++i) greek += "\u03b1";
  EXPECT_TRUE(make({std::nullopt, std::nullopt, greek}).ok());
}

TEST_F(ClinicianReportTest, AnExperimentOfThePeriodIsReportedWithItsVerdict) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  ExperimentDraft draft;
  draft.condition_a = "pillow between knees";
  draft.condition_b = "no pillow";
  const ExperimentClock clock = experiment_clock(now_, berlin());
  ASSERT_TRUE(create_experiment(store_, clock, user_.id, draft, 42).ok());
  const auto r = make();
  ASSERT_TRUE(r.ok());
  const auto s = std::find_if(r->detail.begin(), r->detail.end(),
                              [](const ReportSection& d) { return d.heading == "Personal experiments"; });
  ASSERT_NE(s, r->detail.end());
  ASSERT_EQ(s->items.size(), 1U);
  EXPECT_EQ(s->items[0].rfind("pillow between knees vs no pillow (A: pillow between knees; B: no pillow), 3 pairs of "
                              "7-night periods from 24 Nov 2026. Too early to judge",
                              0),
            0U)
      << s->items[0];
  // Before it was designed, a period has none.
  const auto before = make({ymd(2026, 10, 1), ymd(2026, 11, 22), ""});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(std::none_of(before->detail.begin(), before->detail.end(),
                           [](const ReportSection& d) { return d.heading == "Personal experiments"; }));
}

// Found by a clinician-minded review: the inflammatory back pain screen was
// not in the report's body at all (only the Berlin stiffness criterion, in
// the method's footnote), so a clinician could not tell whether it was done,
// nor its result.
TEST_F(ClinicianReportTest, TheInflammatoryBackPainScreenIsOnPageOneDoneOrNot) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  auto screen = [&](ClinicianReportRequest request = {}) {
    const auto r = make(request);
    EXPECT_TRUE(r.ok());
    const auto* row = r.ok() ? row_of(r->key_changes, "IBP screen") : nullptr;
    return row ? row->at(3) : std::string("(no row)");
  };
  EXPECT_EQ(screen(),
            "Inflammatory back pain screen not done: no full safety check, which runs it, was done by the end of this "
            "period.");

  // The red flags answered, not the screen's questions: not done, and what the diary alone shows.
  full_check(now_ - std::chrono::days{5}, {});
  EXPECT_EQ(screen(),
            "Inflammatory back pain screen not done: its questions were not answered. The diary alone (full check of "
            "18 Nov 2026): ASAS 0 of 5 criteria met (4 needed; Sieper et al. 2009), Berlin 0 of 4 (2 needed; Rudwaleit "
            "et al. 2006).");

  using enum YesNo;
  ibp_check(now_ - std::chrono::days{3}, {{"ibp_chronic", yes},
                                          {"ibp_onset_before_40", yes},
                                          {"ibp_gradual_onset", no},
                                          {"ibp_better_with_exercise", no},
                                          {"ibp_not_better_with_rest", no},
                                          {"ibp_night_pain", no},
                                          {"ibp_morning_stiffness", yes},
                                          {"ibp_second_half_waking", yes},
                                          {"ibp_alternating_buttock", no},
                                          {"ibp_under_50", yes}});
  EXPECT_EQ(screen(),
            "Inflammatory back pain screen positive on 20 Nov 2026 (full check): ASAS 1 of 5 criteria met (4 needed; "
            "Sieper et al. 2009), Berlin 2 of 4 (2 needed; Rudwaleit et al. 2006). "
            "Met: it began before the age of 40 (answered yes); stiffness on waking lasting more than 30 minutes "
            "(answered yes); woken by back pain in the second half of the night (answered yes). This pattern "
            "suggests inflammatory back pain: consider assessment for axial spondyloarthritis, such as a referral to "
            "rheumatology (NICE NG65 sets out when). It is a screen, not a diagnosis: most people who meet these "
            "criteria do not have axial spondyloarthritis. The person was advised to mention inflammatory back pain "
            "to their doctor; exercise continues.");

  // A later full check without the questions: the answers stand, with their date.
  full_check(now_ - std::chrono::hours{2}, {});
  EXPECT_EQ(screen().rfind("Inflammatory back pain screen positive on 23 Nov 2026 (full check; questions last answered "
                           "on 20 Nov 2026): ASAS 1 of 5 criteria met (4 needed; Sieper et al. 2009), Berlin 2 of 4 (2 "
                           "needed; Rudwaleit et al. 2006).",
                           0),
            0U)
      << screen();
  // Answered again: the latest answers count.
  ibp_check(now_ - std::chrono::hours{1}, {{"ibp_morning_stiffness", no}, {"ibp_second_half_waking", no}});
  EXPECT_EQ(screen(),
            "Inflammatory back pain screen negative on 23 Nov 2026 (full check): ASAS 1 of 5 criteria met (4 needed; "
            "Sieper et al. 2009), Berlin 0 of 4 (2 needed; Rudwaleit et al. 2006). "
            "Met: it began before the age of 40 (answered yes). A negative screen does not rule out axial "
            "spondyloarthritis.");

  // A report that ends before the screen was done says so.
  EXPECT_EQ(screen({ymd(2026, 11, 16), ymd(2026, 11, 17), ""}),
            "Inflammatory back pain screen not done: no full safety check, which runs it, was done by the end of this "
            "period.");

  ibp_check(now_, {{"ibp_chronic", no}});
  EXPECT_EQ(screen(),
            "Inflammatory back pain screen not applicable (23 Nov 2026): the person answered that the back pain had "
            "not lasted more than 3 months; the criteria are for chronic back pain.");
}

// The report's own words, with the person's own text left out (their
// questions, notes and PSFS activities) and what daybreak said to them
// quoted (“...”): every second-person word left is the report speaking to
// its reader as if it were the person.
std::vector<std::string> second_person(const ClinicianReport& r) {
  std::vector<std::string> texts = {r.title,
                                    r.period,
                                    r.generated,
                                    r.completeness,
                                    r.nothing_logged_text,
                                    r.pain_chart_title,
                                    r.pain_chart_alt,
                                    r.stiffness_chart_title,
                                    r.stiffness_chart_alt,
                                    r.questionnaires_none,
                                    r.disclaimer};
  auto table = [&](const ReportTable& t) {
    texts.insert(texts.end(), t.header.begin(), t.header.end());
    for (const auto& row : t.rows) texts.insert(texts.end(), row.begin(), row.end());
  };
  for (const ReportAlert& a : r.alerts) {
    texts.push_back(a.heading);
    texts.insert(texts.end(), a.paragraphs.begin(), a.paragraphs.end());
  }
  table(r.key_changes);
  if (r.questionnaires) table(*r.questionnaires);
  for (const ReportSection& s : r.detail) {
    texts.push_back(s.heading);
    texts.push_back(s.more);
    if (s.heading == "The person's questions" || s.heading == "Notes from the diary") continue;
    texts.insert(texts.end(), s.paragraphs.begin(), s.paragraphs.end());
    if (s.table && s.heading.find("PSFS") == std::string::npos) table(*s.table);
    texts.insert(texts.end(), s.after_table.begin(), s.after_table.end());
    texts.insert(texts.end(), s.items.begin(), s.items.end());
  }
  texts.insert(texts.end(), r.method.begin(), r.method.end());
  const std::regex quoted("\u201c.*?\u201d");
  const std::regex you("\\b(you|your|yours|yourself)\\b", std::regex::icase);
  std::vector<std::string> found;
  for (const std::string& t : texts) {
    if (std::regex_search(std::regex_replace(t, quoted, ""), you)) found.push_back(t);
  }
  return found;
}

// Found by a clinician-minded review: page 2 spoke to the person ("Even if it
// feels like a morning problem, the pain is with you for much of the day",
// "your usual is 5, and you felt at most 2/10"): it took the insights' and
// the progression's sentences, written for the person, word for word.
TEST_F(ClinicianReportTest, TheReportSpeaksOfThePersonNotToThem) {
  mornings(ymd(2026, 11, 2), 21, [](int i) { return 4 + i % 3; });
  for (int i = 0; i < 21; ++i) {
    if (i % 2 == 0) {
      log(Period::evening, add_days(ymd(2026, 11, 2), i), {{"pain", "3"}, {"medications", "ibuprofen, 400 mg, 19:00"}});
    } else {
      log(Period::evening, add_days(ymd(2026, 11, 2), i), {{"pain", "3"}});
    }
  }
  DecisionInputs in;
  in.routine = RoutineKind::morning;
  in.sessions = 1;
  in.baseline = {7, 5.0, 7, 30.0, ymd(2026, 11, 9), ymd(2026, 11, 15)};
  in.session_date = ymd(2026, 11, 16);
  in.next_morning = MorningReading{ymd(2026, 11, 17), 4, 23, false};
  in.pain_during = 2;
  in.good_sessions_before = 1;
  rule_decision(in);  // a step up: "your usual is 5, ... and you felt at most 2/10"
  in.session_date = ymd(2026, 11, 18);
  in.next_morning = MorningReading{ymd(2026, 11, 19), 5, 25, false};
  in.pain_during = 7;
  in.painful_exercises = {"glute_bridge"};
  rule_decision(in, {{"glute_bridge", 3}});  // a step back: "You felt 7/10 during Glute bridge"
  in.session_date = ymd(2026, 11, 20);
  in.pain_during = 2;
  in.painful_exercises.clear();
  in.progression_allowed = false;
  in.safety_note = "fever, or feeling hot and shivery, reported on Friday 20 November 2026";
  rule_decision(in);  // paused: "until a clinician has seen you"
  full_check(now_ - std::chrono::days{3}, {"fever"});
  const auto r = make({ymd(2026, 11, 2), ymd(2026, 11, 23), "Should you see my back?"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  const ReportSection& program = program_part(*r);
  ASSERT_EQ(program.items.size(), 3U);
  EXPECT_EQ(program.items[0],
            "20 Nov 2026: No change after the morning session: progression paused for safety (fever, or feeling hot "
            "and shivery, reported on Friday 20 November 2026).");
  EXPECT_EQ(program.items[1],
            "18 Nov 2026: Step back after the morning session: pain during the session 7/10 in Glute bridge, above "
            "the 5/10 ceiling. Glute bridge: sets go from 3 to 2.");
  EXPECT_EQ(program.items[2],
            "16 Nov 2026: Step up after the morning session: next-morning pain 4 (baseline 5), stiffness 23 min "
            "(baseline 30 min), pain during the session at most 2/10. Glute bridge: reps go from 8 to 10.");
  const auto whole_day = std::find_if(r->detail.begin(), r->detail.end(),
                                      [](const ReportSection& s) { return s.heading == "Pain through the day"; });
  ASSERT_NE(whole_day, r->detail.end());
  ASSERT_FALSE(whole_day->after_table.empty());
  EXPECT_EQ(whole_day->after_table[0],
            "Pain persisted beyond the morning (at least 1 in every later period logged) on 21 of the 21 days with "
            "the afternoon or evening logged as well (100%): evenings averaged 3.0, against 5.0 in those mornings. "
            "The pain is not confined to the morning.");
  EXPECT_EQ(second_person(*r), std::vector<std::string>{});
  // The person's own insights keep speaking to them.
  const auto mine = insights(store_, user_.id, berlin(), ymd(2026, 11, 23), {ymd(2026, 11, 2), ymd(2026, 11, 23)});
  ASSERT_TRUE(mine.ok());
  bool spoken_to = false;
  for (const analysis::Section& section : analysis::describe(*mine)) {
    for (const analysis::Block& b : section.blocks) {
      spoken_to = spoken_to || b.text.find("the pain is with you for much of the day") != std::string::npos;
    }
  }
  EXPECT_TRUE(spoken_to);
}

// Found reading the report as a physiotherapist would: a STarT Back group
// that had not changed read "medium risk." (a sentence in lower case, and not
// saying it was the same both times).
TEST_F(ClinicianReportTest, AStarTBackGroupThatStayedTheSameSaysSo) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const Instrument& sb = *find_instrument("start_back");
  for (const Instant at : {now_ - std::chrono::days{20}, now_ - std::chrono::days{1}}) {
    const auto a = read_answers(sb, "1=agree,2=agree,3=disagree,4=agree,5=agree,6=disagree,7=agree,8=disagree,9=4");
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(record_response(store_, at, user_.id, sb, *a, "test").ok());
  }
  const auto r = make({ymd(2026, 11, 1), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(row_of(r->key_changes, "STarT Back group")->at(3), "Medium risk, both times.");
  const auto once = make({ymd(2026, 11, 10), ymd(2026, 11, 23), ""});
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(row_of(once->key_changes, "STarT Back group")->at(3), "Medium risk.");
}

// Found reading the report as a physiotherapist would: with the leg
// questions unanswered and the weekly check due, the Safety row said "When
// this report was made (23 Nov 2026 at 07:30)" twice in a row.
TEST_F(ClinicianReportTest, TheSafetyRowSaysWhenTheReportWasMadeOnce) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  testing::pass_safety_check(store_, user_.id, now_ - std::chrono::days{10}, berlin());
  log(Period::morning, ymd(2026, 11, 23), {{"pain", "3"}, {"leg_symptoms", "tingling_left"}});
  const auto r = make();
  ASSERT_TRUE(r.ok());
  const std::string row = row_of(r->key_changes, "Safety")->at(3);
  EXPECT_EQ(row.find("When this report was made"), row.rfind("When this report was made")) << row;
  EXPECT_NE(row.find("exercise waits for them. Then too, the weekly safety check was due: the last was on 13 Nov "
                     "2026."),
            std::string::npos)
      << row;
}

// Found reading the report as a physiotherapist would: before the first
// session the program read "stage 1 of 4, ..., since 23 Nov 2026 (0 days in
// the stage)", the day of the report, as if it had begun that day.
TEST_F(ClinicianReportTest, AProgramNotBegunIsNotDatedTheDayOfTheReport) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make();
  ASSERT_TRUE(r.ok());
  const ReportSection& p = program_part(*r);
  ASSERT_FALSE(p.paragraphs.empty());
  EXPECT_EQ(p.paragraphs[0].find("since"), std::string::npos) << p.paragraphs[0];
  EXPECT_NE(p.paragraphs[0].find("not begun: no guided session has been played yet."), std::string::npos)
      << p.paragraphs[0];
  EXPECT_EQ(p.paragraphs.size(), 1U);
  session(RoutineKind::morning, now_ - std::chrono::days{2});
  EXPECT_NE(program_part(*make()).paragraphs[0].find("since 21 Nov 2026 (2 days in the stage)."), std::string::npos);
}

// The person's questions come under a heading of the report's, which speaks
// of them: "Questions for my clinician" was the person's voice.
TEST_F(ClinicianReportTest, ThePersonsQuestionsHaveAHeadingInTheReportsVoice) {
  mornings(ymd(2026, 11, 16), 7, [](int) { return 4; });
  const auto r = make({std::nullopt, std::nullopt, "Is my chair the problem?"});
  ASSERT_TRUE(r.ok());
  const auto q = std::find_if(r->detail.begin(), r->detail.end(), [](const ReportSection& s) {
    return s.paragraphs == std::vector<std::string>{"Is my chair the problem?"};
  });
  ASSERT_NE(q, r->detail.end());
  EXPECT_EQ(q->heading, "The person's questions");
}

TEST(ReportNumbers, RollingMeanNeedsFourMorningsOfTheLastSeven) {
  analysis::DiarySeries s;
  for (int i = 0; i < 10; ++i) {
    analysis::DayRecord d;
    d.date = add_days(ymd(2026, 11, 1), i);
    if (i != 1 && i != 2) d.pain[static_cast<std::size_t>(Period::morning)] = i;
    s.days.push_back(d);
  }
  const auto m = rolling_morning_mean(s);
  EXPECT_FALSE(m[4].has_value());  // 0, 3, 4: three mornings
  ASSERT_TRUE(m[5].has_value());   // 0, 3, 4, 5
  EXPECT_DOUBLE_EQ(*m[5], 3.0);
  ASSERT_TRUE(m[9].has_value());  // 3..9
  EXPECT_DOUBLE_EQ(*m[9], 6.0);
}

TEST(ReportPaper, TheLocaleChoosesLetterWhereGlibcDoes) {
  EXPECT_EQ(paper_for_locale("en_US.UTF-8"), Paper::letter);
  EXPECT_EQ(paper_for_locale("fr_CA.UTF-8"), Paper::letter);
  EXPECT_EQ(paper_for_locale("en_GB.UTF-8"), Paper::a4);
  EXPECT_EQ(paper_for_locale("de_DE@euro"), Paper::a4);
  EXPECT_EQ(paper_for_locale("C.UTF-8"), Paper::a4);
  EXPECT_EQ(paper_for_locale(""), Paper::a4);
  EXPECT_EQ(parse_paper("letter"), Paper::letter);
  EXPECT_EQ(parse_paper("A4"), std::nullopt);
}

}  // namespace
}  // namespace daybreak
