// Guided sessions (issue 3) in the store conformance suite: what every backend
// keeps of a session, levels and stages, and that one person never sees another's.
#include "store/store_conformance.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

SessionRecord sample(Instant started, std::optional<std::string> key = std::nullopt) {
  SessionRecord r;
  r.program = "daybreak";
  r.stage = 2;
  r.routine = RoutineKind::evening;
  r.started_at = started;
  r.ended_at = started + minutes{12} + seconds{5};
  r.pain_before = *PainScore::make(4);
  r.stop_reason = StopReason::time;
  r.steps = {StepOutcome::done, StepOutcome::skipped, StepOutcome::done, StepOutcome::not_reached};
  r.exercises = {{"bird_dog", 3, 2, 1, 1, PainScore::make(2)}, {"dead_bug", 1, 1, 0, 0, std::nullopt}};
  r.idempotency_key = std::move(key);
  return r;
}

SessionRecord insert(Store& store, UserId user, const SessionRecord& r, const std::string& plan = R"({"steps":[]})") {
  auto tx = store.write();
  SessionRecord stored = tx->insert_session(user, r, plan, WriteMeta{kNow + seconds{1}, Actor{user, "test"}});
  tx->commit();
  return stored;
}

TEST_P(StoreConformance, SessionsAreStoredExactlyWithTheirPlan) {
  const UserId me = new_user(*store_, "me");
  const SessionRecord r = sample(kNow, "key-1");
  const SessionRecord stored = insert(*store_, me, r, R"({"format":"daybreak-plan/1"})");
  EXPECT_GT(stored.id.value, 0);
  EXPECT_EQ(stored.recorded_at, kNow + seconds{1});
  EXPECT_EQ(stored.channel, "test");

  const auto tx = store_->read();
  const auto found = tx->find_session(me, stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, stored);
  SessionRecord expected = r;
  expected.id = stored.id;
  expected.recorded_at = stored.recorded_at;
  expected.channel = "test";
  EXPECT_EQ(*found, expected);
  EXPECT_EQ(tx->find_session_by_key(me, "key-1"), stored);
  EXPECT_FALSE(tx->find_session_by_key(me, "key-2"));
  EXPECT_EQ(tx->session_plan(me, stored.id), R"({"format":"daybreak-plan/1"})");
  EXPECT_FALSE(tx->find_session(me, SessionId{stored.id.value + 1}));
}

TEST_P(StoreConformance, ACompletedSessionHasNoStopReasonAndRatingsMayBeMissing) {
  const UserId me = new_user(*store_, "me");
  SessionRecord r = sample(kNow);
  r.stop_reason.reset();
  r.steps = {StepOutcome::done, StepOutcome::done};
  r.exercises[0].pain_during.reset();
  const SessionRecord stored = insert(*store_, me, r);
  const auto found = store_->read()->find_session(me, stored.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->stop_reason);
  EXPECT_FALSE(found->exercises[0].pain_during);
  EXPECT_FALSE(found->idempotency_key);
}

TEST_P(StoreConformance, SessionsAreListedByStartOldestFirstOrNewestFirst) {
  const UserId me = new_user(*store_, "me");
  const SessionRecord a = insert(*store_, me, sample(kNow - hours{24}));
  const SessionRecord b = insert(*store_, me, sample(kNow - hours{12}));
  const SessionRecord c = insert(*store_, me, sample(kNow));
  const auto tx = store_->read();
  const auto between = tx->sessions_between(me, kNow - hours{24}, kNow);  // the end is not included
  ASSERT_EQ(between.size(), 2U);
  EXPECT_EQ(between[0], a);
  EXPECT_EQ(between[1], b);
  const auto recent = tx->recent_sessions(me, 2);
  ASSERT_EQ(recent.size(), 2U);
  EXPECT_EQ(recent[0], c);
  EXPECT_EQ(recent[1], b);
  EXPECT_EQ(recent[0].exercises.size(), 2U);
}

TEST_P(StoreConformance, OutlinesListEverySessionOldestFirstWithItsRoutineAndWhetherItRanToTheEnd) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  const UserId newcomer = new_user(*store_, "newcomer");
  SessionRecord morning = sample(kNow - hours{12});
  morning.routine = RoutineKind::morning;
  morning.stop_reason.reset();
  (void)insert(*store_, me, sample(kNow));  // an evening, stopped
  (void)insert(*store_, me, morning);
  (void)insert(*store_, other, sample(kNow - hours{24}));
  const auto outlines = store_->read()->session_outlines(me);
  EXPECT_EQ(outlines, (std::vector<SessionOutline>{{kNow - hours{12}, RoutineKind::morning, true},
                                                   {kNow, RoutineKind::evening, false}}));
  EXPECT_TRUE(store_->read()->session_outlines(newcomer).empty());
}

// Found from outside: a flare-day session played to the end with all ten
// steps skipped was "1 session completed" in insights and the report.
TEST_P(StoreConformance, ASessionWithEveryStepSkippedWasCountedAsCompleted) {
  const UserId me = new_user(*store_, "me");
  SessionRecord skipped = sample(kNow - hours{12});
  skipped.stop_reason.reset();
  skipped.steps = {StepOutcome::skipped, StepOutcome::skipped};
  skipped.exercises = {{"bird_dog", 3, 1, 0, 1, std::nullopt}, {"dead_bug", 1, 1, 0, 1, std::nullopt}};
  SessionRecord one_done = sample(kNow);
  one_done.stop_reason.reset();
  one_done.exercises = {{"bird_dog", 3, 1, 0, 1, std::nullopt}, {"dead_bug", 1, 2, 1, 1, std::nullopt}};
  (void)insert(*store_, me, skipped);
  (void)insert(*store_, me, one_done);
  EXPECT_EQ(store_->read()->session_outlines(me),
            (std::vector<SessionOutline>{{kNow - hours{12}, RoutineKind::evening, false},
                                         {kNow, RoutineKind::evening, true}}));
}

TEST_P(StoreConformance, ASecondSessionWithTheSameKeyIsAConflict) {
  const UserId me = new_user(*store_, "me");
  (void)insert(*store_, me, sample(kNow, "retry"));
  auto tx = store_->write();
  try {
    (void)tx->insert_session(me, sample(kNow + hours{1}, "retry"), "{}", WriteMeta{kNow, Actor{me, "test"}});
    FAIL() << "a second session with the key was stored";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::conflict);
  }
}

TEST_P(StoreConformance, LevelsAndStagesStartUnsetAndKeepTheLastValue) {
  const UserId me = new_user(*store_, "me");
  {
    const auto tx = store_->read();
    EXPECT_TRUE(tx->exercise_levels(me).empty());
    EXPECT_FALSE(tx->current_stage(me, "daybreak"));
  }
  {
    auto tx = store_->write();
    tx->set_exercise_level(me, "bird_dog", 2, kNow);
    tx->set_exercise_level(me, "bird_dog", 3, kNow + hours{1});
    tx->set_exercise_level(me, "walking", 4, kNow);
    tx->set_current_stage(me, "daybreak", 2, kNow);
    tx->set_current_stage(me, "daybreak", 3, kNow);
    tx->commit();
  }
  const auto tx = store_->read();
  EXPECT_EQ(tx->exercise_levels(me), (ExerciseLevels{{"bird_dog", 3}, {"walking", 4}}));
  EXPECT_EQ(tx->current_stage(me, "daybreak"), 3);
  EXPECT_FALSE(tx->current_stage(me, "another"));
}

TEST_P(StoreConformance, OnePersonNeverSeesAnothersSessionsLevelsOrStages) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  const SessionRecord mine = insert(*store_, me, sample(kNow, "shared-key"));
  {
    auto tx = store_->write();
    tx->set_exercise_level(me, "bird_dog", 3, kNow);
    tx->set_current_stage(me, "daybreak", 2, kNow);
    tx->commit();
  }
  // The same key is free for another person.
  const SessionRecord theirs = insert(*store_, other, sample(kNow, "shared-key"));
  const auto tx = store_->read();
  EXPECT_FALSE(tx->find_session(other, mine.id));
  EXPECT_FALSE(tx->session_plan(other, mine.id));
  EXPECT_EQ(tx->find_session_by_key(other, "shared-key")->id, theirs.id);
  EXPECT_EQ(tx->recent_sessions(other, 10).size(), 1U);
  EXPECT_EQ(tx->sessions_between(other, kNow - hours{1}, kNow + hours{1}).size(), 1U);
  EXPECT_TRUE(tx->exercise_levels(other).empty());
  EXPECT_FALSE(tx->current_stage(other, "daybreak"));
}

TEST_P(StoreConformance, AnUncommittedSessionLeavesNothing) {
  const UserId me = new_user(*store_, "me");
  {
    auto tx = store_->write();
    (void)tx->insert_session(me, sample(kNow), "{}", WriteMeta{kNow, Actor{me, "test"}});
    tx->set_exercise_level(me, "bird_dog", 2, kNow);
  }  // destroyed without commit()
  const auto tx = store_->read();
  EXPECT_TRUE(tx->recent_sessions(me, 10).empty());
  EXPECT_TRUE(tx->exercise_levels(me).empty());
}

}  // namespace
}  // namespace daybreak::testing
