// The guided-session use cases against a real SQLite database: starting at the
// person's stage and levels, saving with the diary's durability rules, and
// refusing results that do not fit their plan.
#include "app/session.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "app/insights.hpp"
#include "content/library_loader.hpp"
#include "domain/utc_zone.hpp"
#include "store/sqlite_store.hpp"
#include "support/faulty_vfs.hpp"
#include "support/fixtures.hpp"
#include "support/safety_fixtures.hpp"
#include "support/temp_dir.hpp"
#include "unit/builtin.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

using testing::builtin;

// Every step done, no ratings: what a session that ran to the end gives.
SessionResult all_done(const SessionPlan& plan, int pain_before = 3) {
  SessionResult r;
  r.pain_before = *PainScore::make(pain_before);
  r.steps.assign(plan.steps.size(), StepOutcome::done);
  r.pain_during.assign(plan.exercises.size(), std::nullopt);
  r.duration = seconds{plan.total_seconds()};
  return r;
}

class Sessions : public ::testing::Test {
 protected:
  Sessions() : store_(SqliteOptions{dir_ / "daybreak.db"}) {
    user_ = ensure_local_user(store_, now_, "UTC").id;
    testing::pass_safety_check(store_, user_, now_ - std::chrono::hours{1}, utc_zone());
  }
  AppResult<SessionPlan> start(SessionChoice choice) {
    return start_session(store_, builtin(), user_, std::move(choice), now_, utc_zone());
  }

  SessionPlan plan(RoutineKind routine = RoutineKind::morning, std::optional<int> stage = std::nullopt) {
    auto p = start(SessionChoice{routine, stage, std::nullopt});
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return std::move(p).value();
  }
  AppResult<SavedSession> save(const SessionPlan& p, const SessionResult& r, std::optional<std::string> key = {}) {
    return save_session(store_, {now_, Actor{user_, "test"}}, user_, p, SessionSave{now_, r, std::move(key)},
                        utc_zone());
  }
  std::size_t count() { return recent_sessions(store_, user_, 100).size(); }

  testing::TempDir dir_;
  SqliteStore store_;
  UserId user_;
  Instant now_ = testing::fixed_now();
};

TEST_F(Sessions, StartAtThePersonsStageAndLevels) {
  EXPECT_EQ(plan().stage, 1);
  {
    auto tx = store_.write();
    tx->set_current_stage(user_, "daybreak", 2, now_);
    tx->set_exercise_level(user_, "bird_dog", 3, now_);
    tx->commit();
  }
  const SessionPlan evening = plan(RoutineKind::evening);
  EXPECT_EQ(evening.stage, 2);
  EXPECT_EQ(evening.exercises.front().id, "bird_dog");
  EXPECT_EQ(evening.exercises.front().level, 3);
  EXPECT_EQ(plan(RoutineKind::morning, 4).stage, 4);  // a chosen stage wins
  const SessionPlan flare = plan(RoutineKind::flare);
  EXPECT_EQ(flare.routine, RoutineKind::flare);
  EXPECT_EQ(flare.stage, 2);  // recorded with the session
}

TEST_F(Sessions, RefuseAStageOrAProgramThatIsNotThere) {
  const auto stage = start(SessionChoice{RoutineKind::morning, 5, std::nullopt});
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.error().fields, (FieldErrors{{"stage", "5", "a stage from 1 to 4"}}));
  const auto program = start(SessionChoice{RoutineKind::morning, {}, "nope"});
  ASSERT_FALSE(program.ok());
  EXPECT_EQ(program.error().fields.front().allowed, "one of: daybreak");
}

// The safety gate (issue 5) guards the one door into a session (issue 3).
TEST_F(Sessions, WaitForTheFirstSafetyCheckAndTheWeeklyOne) {
  testing::TempDir dir;
  SqliteStore fresh(SqliteOptions{dir / "daybreak.db"});
  const UserId user = ensure_local_user(fresh, now_, "UTC").id;
  const auto before = start_session(fresh, builtin(), user, SessionChoice{}, now_, utc_zone());
  ASSERT_FALSE(before.ok());
  EXPECT_EQ(before.error().code, ErrorCode::conflict);
  EXPECT_EQ(before.error().details, (std::vector<std::string>{"the first safety check has not been done yet"}));
  EXPECT_EQ(recent_sessions(fresh, user, 10).size(), 0U);

  EXPECT_TRUE(start(SessionChoice{}).ok());
  const auto week_later =
      start_session(store_, builtin(), user_, SessionChoice{}, now_ + std::chrono::days{7}, utc_zone());
  ASSERT_FALSE(week_later.ok());
  EXPECT_NE(week_later.error().details.at(0).find("the weekly safety check is due"), std::string::npos);
}

TEST_F(Sessions, OnlyTheFlareDayRoutineWhilePausedAndNoneWhileLocked) {
  auto answers = testing::all_no_answers();
  const auto answer = [&](std::string_view id) -> YesNo& {
    return std::find_if(answers.begin(), answers.end(), [&](const ScreenAnswer& a) { return a.question == id; })
        ->answer;
  };
  answer("fever") = YesNo::yes;  // urgent: paused
  const auto check = [&](Instant at) {
    ASSERT_TRUE(record_screen(store_, {at, Actor{user_, "test"}}, user_, utc_zone(),
                              ScreenRequest{ScreenKind::full, answers, {}, "test"})
                    .ok());
  };
  check(now_);
  const auto morning = start(SessionChoice{RoutineKind::morning, {}, {}});
  ASSERT_FALSE(morning.ok());
  EXPECT_NE(morning.error().message.find("flare-day routine"), std::string::npos) << morning.error().message;
  EXPECT_EQ(morning.error().hint, Hint(HintAction::flare_session));  // each interface words it: command or button
  EXPECT_TRUE(start(SessionChoice{RoutineKind::flare, {}, {}}).ok());

  answer("both_legs") = YesNo::yes;  // emergency: locked
  check(now_);
  const auto flare = start(SessionChoice{RoutineKind::flare, {}, {}});
  ASSERT_FALSE(flare.ok());
  EXPECT_EQ(flare.error().code, ErrorCode::conflict);
  EXPECT_NE(flare.error().details.back().find("emergency"), std::string::npos) << flare.error().details.back();
}

// Issue 15.2: a plan fetched before an emergency answer could still be saved
// (201) as a session begun after it, and a morning routine begun during a
// pause too. The gate holds when a session is stored, judged at its start.
TEST_F(Sessions, ASessionBegunAfterALockOrDuringAPauseIsNotSavedOneBegunBeforeIs) {
  using std::chrono::minutes;
  auto answers = testing::all_no_answers();
  const auto answer = [&](std::string_view id) -> YesNo& {
    return std::find_if(answers.begin(), answers.end(), [&](const ScreenAnswer& a) { return a.question == id; })
        ->answer;
  };
  const auto check = [&](Instant at) {
    ASSERT_TRUE(record_screen(store_, {at, Actor{user_, "test"}}, user_, utc_zone(),
                              ScreenRequest{ScreenKind::full, answers, {}, "test"})
                    .ok());
  };
  const auto save_at = [&](const SessionPlan& p, Instant started) {
    return save_session(store_, {started + minutes{20}, Actor{user_, "test"}}, user_, p,
                        SessionSave{started, all_done(p), std::nullopt}, utc_zone());
  };
  const SessionPlan morning = plan(RoutineKind::morning);  // fetched while the gate was open
  const SessionPlan flare = plan(RoutineKind::flare);

  // Paused (an urgent answer at +10 min): a morning routine begun after it is refused, the flare one saved.
  answer("fever") = YesNo::yes;
  check(now_ + minutes{10});
  const auto paused = save_at(morning, now_ + minutes{11});
  ASSERT_FALSE(paused.ok());
  EXPECT_EQ(paused.error().code, ErrorCode::conflict);
  EXPECT_NE(paused.error().message.find("paused"), std::string::npos) << paused.error().message;
  EXPECT_EQ(count(), 0U);
  EXPECT_TRUE(save_at(flare, now_ + minutes{12}).ok());
  EXPECT_TRUE(save_at(morning, now_ + minutes{5}).ok()) << "begun before the pause: history";
  EXPECT_EQ(count(), 2U);

  // Locked (an emergency answer at +30 min): nothing begun after it is saved, not even the flare routine.
  answer("both_legs") = YesNo::yes;
  check(now_ + minutes{30});
  for (const SessionPlan* p : {&morning, &flare}) {
    const auto locked = save_at(*p, now_ + minutes{31});
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().code, ErrorCode::conflict);
    EXPECT_NE(locked.error().message.find("emergency"), std::string::npos) << locked.error().message;
  }
  EXPECT_EQ(count(), 2U);
  EXPECT_TRUE(save_at(flare, now_ + minutes{25}).ok()) << "begun before the lock: history";
  EXPECT_EQ(count(), 3U);
}

// Issue 5 reads issue 3's sessions: pain before a session against its last
// comfort check feeds "better with exercise" in the inflammatory screen.
TEST_F(Sessions, FeedTheInflammatoryScreenWithPainBeforeAndAtTheLastComfortCheck) {
  const auto because = [&] {
    const IbpResult r = ibp_screen(store_, user_, utc_zone(), now_ + std::chrono::hours{3});
    for (const auto& c : r.asas) {
      if (c.id == "asas_better_with_exercise") return c.because;
    }
    return std::vector<std::string>{};
  };
  EXPECT_EQ(because(), std::vector<std::string>{});
  for (int i = 0; i < 3; ++i) {
    const SessionPlan p = plan(RoutineKind::flare);
    SessionResult r = all_done(p, 6);
    r.pain_during.back() = *PainScore::make(2 + i);  // eased by 4, 3, 2 points
    const auto saved = save_session(store_, {now_, Actor{user_, "test"}}, user_, p,
                                    SessionSave{now_ + std::chrono::minutes{10 * i}, r, std::nullopt}, utc_zone());
    ASSERT_TRUE(saved.ok()) << saved.error().message;
  }
  EXPECT_EQ(because(), (std::vector<std::string>{"your diary: pain eased by a median of 3 points across 3 sessions"}));
}

// Issue 6 reads issue 3's sessions: adherence counts what was played.
TEST_F(Sessions, CountInTheInsightsAdherenceFinishedOrNot) {
  const auto adherence = [&] {
    const auto in = insights(store_, user_, utc_zone(), testing::ymd(2026, 11, 23), InsightsRequest{});
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().message);
    return in->adherence;
  };
  EXPECT_FALSE(adherence().has_sessions);
  const SessionPlan evening = plan(RoutineKind::evening);
  ASSERT_TRUE(save(evening, all_done(evening)).ok());
  SessionResult stopped = all_done(evening);
  std::fill(stopped.steps.begin() + 1, stopped.steps.end(), StepOutcome::not_reached);
  stopped.stop_reason = StopReason::time;
  ASSERT_TRUE(save(evening, stopped).ok());
  const analysis::Adherence a = adherence();
  EXPECT_TRUE(a.has_sessions);
  EXPECT_EQ(a.started, 2U);
  EXPECT_EQ(a.completed, 1U);
}

TEST_F(Sessions, AreSavedWithEveryDetailAndSurviveReopening) {
  const SessionPlan p = plan();
  SessionResult r = all_done(p);
  r.steps[1] = StepOutcome::skipped;
  r.steps.back() = StepOutcome::not_reached;
  r.stop_reason = StopReason::pain;
  r.pain_during[0] = PainScore::make(6);
  r.duration = seconds{400};
  const auto saved = save(p, r);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  const SessionRecord& s = saved->record;
  EXPECT_FALSE(saved->replayed);
  EXPECT_EQ(s.started_at, now_);
  EXPECT_EQ(s.ended_at, now_ + seconds{400});
  EXPECT_EQ(s.exercises.size(), p.exercises.size());
  EXPECT_EQ(s.exercises[0].work_steps, 8);  // abdominal brace: 8 holds
  EXPECT_EQ(s.exercises[0].done, 7);
  EXPECT_EQ(s.exercises[0].skipped, 1);
  EXPECT_EQ(s.exercises.back().done, 0);  // walking, not reached

  SqliteStore reopened(SqliteOptions{dir_ / "daybreak.db"});
  const auto tx = reopened.read();
  EXPECT_EQ(tx->find_session(user_, s.id), s);
  const auto plan_json = nlohmann::ordered_json::parse(*tx->session_plan(user_, s.id));
  EXPECT_EQ(plan_json["format"], "daybreak-plan/1");
  EXPECT_EQ(plan_json["steps"].size(), p.steps.size());

  const auto json = session_to_json(s);
  EXPECT_EQ(json["completed"], false);
  EXPECT_EQ(json["stop_reason"], "pain");
  EXPECT_EQ(json["duration_seconds"], 400);
  EXPECT_EQ(json["work_steps"]["skipped"], 1);
  EXPECT_EQ(json["exercises"][0]["pain_during"], 6);
}

TEST_F(Sessions, AResultThatDoesNotFitItsPlanIsRefusedAndNothingIsWritten) {
  const SessionPlan p = plan();
  SessionResult short_steps = all_done(p);
  short_steps.steps.pop_back();
  SessionResult unreached = all_done(p);
  unreached.steps.back() = StepOutcome::not_reached;  // and no stop reason
  SessionResult long_day = all_done(p);
  long_day.duration = hours{25};
  SessionResult ratings = all_done(p);
  ratings.pain_during.push_back(std::nullopt);
  for (const auto& bad : {short_steps, unreached, long_day, ratings}) {
    const auto saved = save(p, bad);
    ASSERT_FALSE(saved.ok());
    EXPECT_EQ(saved.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(saved.error().fields.size(), 1U);
  }
  EXPECT_EQ(save(p, unreached).error().fields.front().field, "stop_reason");
  EXPECT_EQ(count(), 0U);
}

TEST_F(Sessions, ARetriedSaveIsReplayedAndAKeyReusedForAnotherSessionIsRefused) {
  const SessionPlan p = plan();
  const auto first = save(p, all_done(p), "post-1");
  ASSERT_TRUE(first.ok());
  const auto again = save(p, all_done(p), "post-1");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->record.id, first->record.id);
  const auto other = save(p, all_done(p, 7), "post-1");
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::conflict);
  EXPECT_EQ(count(), 1U);
}

// The diary's durability rules: a full disk mid-save keeps nothing partial.
TEST(SessionsOnAFullDisk, SaveNothingPartial) {
  testing::register_faulty_vfs();
  testing::TempDir dir;
  const auto path = dir / "daybreak.db";
  UserId user;
  {
    SqliteStore setup(SqliteOptions{path});
    user = ensure_local_user(setup, testing::fixed_now(), "UTC").id;
    testing::pass_safety_check(setup, user, testing::fixed_now(), utc_zone());
  }
  SqliteStore store(SqliteOptions{path, testing::kFaultyVfs});
  const auto plan = start_session(store, builtin(), user, SessionChoice{RoutineKind::evening, 3, {}},
                                  testing::fixed_now(), utc_zone());
  ASSERT_TRUE(plan.ok());
  for (const std::int64_t budget : {0, 2000, 8000}) {
    testing::arm_faulty_vfs(budget);
    try {
      (void)save_session(store, {testing::fixed_now(), Actor{user, "test"}}, user, *plan,
                         SessionSave{testing::fixed_now(), all_done(*plan), {}}, utc_zone());
      testing::disarm_faulty_vfs();
      FAIL() << "saved on a full disk with budget " << budget;
    } catch (const StoreError& e) {
      testing::disarm_faulty_vfs();
      EXPECT_EQ(e.kind(), StoreError::Kind::full) << e.what();
    }
    EXPECT_TRUE(store.read()->recent_sessions(user, 10).empty());
  }
  EXPECT_TRUE(store.check().empty());
}

}  // namespace
}  // namespace daybreak
