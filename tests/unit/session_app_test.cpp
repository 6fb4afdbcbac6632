// The guided-session use cases against a real SQLite database: starting at the
// person's stage and levels, saving with the diary's durability rules, and
// refusing results that do not fit their plan.
#include "app/session.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "content/library_loader.hpp"
#include "store/sqlite_store.hpp"
#include "support/faulty_vfs.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

const ContentLibrary& builtin() {
  static const ContentLibrary library = load_builtin_content().value();
  return library;
}

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
  Sessions() : store_(SqliteOptions{dir_ / "daybreak.db"}) { user_ = ensure_local_user(store_, now_, "UTC").id; }

  SessionPlan plan(RoutineKind routine = RoutineKind::morning, std::optional<int> stage = std::nullopt) {
    auto p = start_session(store_, builtin(), user_, SessionChoice{routine, stage, std::nullopt});
    EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
    return std::move(p).value();
  }
  AppResult<SavedSession> save(const SessionPlan& p, const SessionResult& r, std::optional<std::string> key = {}) {
    return save_session(store_, {now_, Actor{user_, "test"}}, user_, p, SessionSave{now_, r, std::move(key)});
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
  const auto stage = start_session(store_, builtin(), user_, SessionChoice{RoutineKind::morning, 5, std::nullopt});
  ASSERT_FALSE(stage.ok());
  EXPECT_EQ(stage.error().fields, (FieldErrors{{"stage", "5", "a stage from 1 to 4"}}));
  const auto program = start_session(store_, builtin(), user_, SessionChoice{RoutineKind::morning, {}, "nope"});
  ASSERT_FALSE(program.ok());
  EXPECT_EQ(program.error().fields.front().allowed, "one of: daybreak");
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
  }
  SqliteStore store(SqliteOptions{path, testing::kFaultyVfs});
  const auto plan = start_session(store, builtin(), user, SessionChoice{RoutineKind::evening, 3, {}});
  ASSERT_TRUE(plan.ok());
  for (const std::int64_t budget : {0, 2000, 8000}) {
    testing::arm_faulty_vfs(budget);
    try {
      (void)save_session(store, {testing::fixed_now(), Actor{user, "test"}}, user, *plan,
                         SessionSave{testing::fixed_now(), all_done(*plan), {}});
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
