// Progression decisions (issue 4) in the store conformance suite: what every
// backend keeps of a decision, the rule deciding a routine once per day, the
// orders the readers promise, and that one person never sees another's.
#include "store/store_conformance.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

DecisionRecord rule(LocalDate day, RoutineKind routine = RoutineKind::morning) {
  DecisionRecord d;
  d.program = "daybreak";
  d.kind = DecisionKind::rule;
  d.routine = routine;
  d.date = day;
  d.verdict = Verdict::step_up;
  d.reasons = {Why::good_streak};
  d.stage = 2;
  d.inputs = R"({"routine":"morning"})";
  d.changes = {{"bird_dog", 1, 2, "Bird-dog: holds go from 8 to 10 s"}};
  d.sentence = "Morning pain was 3, your usual is 4: Bird-dog: holds go from 8 to 10 s.";
  d.state = {0, day, add_days(day, 1)};
  d.offer_flare = false;
  return d;
}

DecisionRecord insert(Store& store, UserId user, const DecisionRecord& d, Instant at = kNow) {
  auto tx = store.write();
  DecisionRecord stored = tx->insert_decision(user, d, WriteMeta{at, Actor{user, "test"}});
  tx->commit();
  return stored;
}

TEST_P(StoreConformance, DecisionsKeepEverything) {
  const UserId u = new_user(*store_, "ann");
  DecisionRecord d = rule(ymd(2026, 11, 20));
  d.offer_flare = true;
  d.reasons = {Why::morning_pain_up, Why::stiffness_up};
  d.verdict = Verdict::step_back;
  d.note = "a note";
  const DecisionRecord stored = insert(*store_, u, d);
  EXPECT_GT(stored.id.value, 0);
  EXPECT_EQ(stored.decided_at, kNow);
  EXPECT_EQ(stored.channel, "test");
  const auto read = store_->read()->decisions_between(u, ymd(2026, 11, 20), ymd(2026, 11, 20));
  ASSERT_EQ(read.size(), 1U);
  EXPECT_EQ(read[0], stored);
}

// A clinician's decision that came with a diary from another install keeps
// their name, with no account here; one made here by another account names
// that account; the person's own names no one.
TEST_P(StoreConformance, ADecisionKeepsTheNameOfAClinicianWithNoAccountHere) {
  const UserId u = new_user(*store_, "ann");
  const UserId other = new_user(*store_, "Dr Lind");
  DecisionRecord brought = rule(ymd(2026, 11, 18));
  brought.kind = DecisionKind::override;
  brought.routine.reset();
  brought.verdict = Verdict::set;
  brought.author = DecisionAuthor{std::nullopt, "Dr Berg"};
  const DecisionRecord stored = insert(*store_, u, brought);
  ASSERT_TRUE(stored.author.has_value());
  EXPECT_EQ(stored.author->name, "Dr Berg");
  EXPECT_FALSE(stored.author->id.has_value());

  DecisionRecord here = brought;
  here.date = ymd(2026, 11, 19);
  here.author.reset();
  DecisionRecord made_here;
  {
    auto tx = store_->write();
    made_here = tx->insert_decision(u, here, WriteMeta{kNow, Actor{other, "api"}});
    tx->commit();
  }
  DecisionRecord own = here;
  own.date = ymd(2026, 11, 20);
  (void)insert(*store_, u, own);

  const auto read = store_->read()->decisions_between(u, ymd(2026, 11, 18), ymd(2026, 11, 20));
  ASSERT_EQ(read.size(), 3U);
  EXPECT_EQ(read[0], stored);
  ASSERT_TRUE(read[1].author.has_value());
  EXPECT_EQ(read[1].author->id, other);
  EXPECT_EQ(read[1].author->name, "Dr Lind");
  EXPECT_EQ(read[1], made_here);
  EXPECT_FALSE(read[2].author.has_value());
}

TEST_P(StoreConformance, TheRuleDecidesARoutineOncePerDay) {
  const UserId u = new_user(*store_, "ann");
  (void)insert(*store_, u, rule(ymd(2026, 11, 20)));
  (void)insert(*store_, u, rule(ymd(2026, 11, 20), RoutineKind::evening));  // another routine: fine
  {
    auto tx = store_->write();
    try {
      (void)tx->insert_decision(u, rule(ymd(2026, 11, 20)), WriteMeta{kNow, Actor{u, "test"}});
      FAIL() << "a second rule decision for the same routine and day was stored";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::conflict);
    }
  }
  // Overrides are not limited: any number a day.
  DecisionRecord o = rule(ymd(2026, 11, 20));
  o.kind = DecisionKind::override;
  o.routine.reset();
  o.verdict = Verdict::set;
  (void)insert(*store_, u, o);
  (void)insert(*store_, u, o);
  EXPECT_EQ(store_->read()->decisions_between(u, ymd(2026, 11, 20), ymd(2026, 11, 20)).size(), 4U);
}

TEST_P(StoreConformance, DecisionsComeNewestFirstAndFilterByKind) {
  const UserId u = new_user(*store_, "ann");
  for (unsigned d = 1; d <= 5; ++d) (void)insert(*store_, u, rule(ymd(2026, 11, d)));
  DecisionRecord s = rule(ymd(2026, 11, 3));
  s.kind = DecisionKind::stage;
  s.routine.reset();
  s.verdict = Verdict::propose;
  (void)insert(*store_, u, s);
  const auto tx = store_->read();
  const auto all = tx->decisions(u, "daybreak", std::nullopt, 3);
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0].date, ymd(2026, 11, 5));
  EXPECT_EQ(all[2].date, ymd(2026, 11, 3));
  EXPECT_EQ(all[2].kind, DecisionKind::stage) << "the same day: the later one first";
  const auto stages = tx->decisions(u, "daybreak", DecisionKind::stage, 10);
  ASSERT_EQ(stages.size(), 1U);
  EXPECT_EQ(stages[0].verdict, Verdict::propose);
  EXPECT_TRUE(tx->decisions(u, "other", std::nullopt, 10).empty());
  const auto latest = tx->latest_rule_decision(u, "daybreak", RoutineKind::morning);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->date, ymd(2026, 11, 5));
  EXPECT_FALSE(tx->latest_rule_decision(u, "daybreak", RoutineKind::evening).has_value());
}

TEST_P(StoreConformance, DecisionsBetweenTwoDaysComeByDayThenAsMadeOfEveryProgram) {
  const UserId u = new_user(*store_, "ann");
  DecisionRecord other = rule(ymd(2026, 11, 4));
  other.program = "other";
  (void)insert(*store_, u, other);
  for (unsigned d = 5; d >= 1; --d) (void)insert(*store_, u, rule(ymd(2026, 11, d)));
  DecisionRecord s = rule(ymd(2026, 11, 3));
  s.kind = DecisionKind::stage;
  s.routine.reset();
  s.verdict = Verdict::propose;
  (void)insert(*store_, u, s);
  const auto between = store_->read()->decisions_between(u, ymd(2026, 11, 2), ymd(2026, 11, 4));
  ASSERT_EQ(between.size(), 5U);
  EXPECT_EQ(between[0].date, ymd(2026, 11, 2));
  EXPECT_EQ(between[1].date, ymd(2026, 11, 3));
  EXPECT_EQ(between[1].kind, DecisionKind::rule) << "the same day: as made";
  EXPECT_EQ(between[2].kind, DecisionKind::stage);
  EXPECT_EQ(between[3].program, "other") << "the last day is in the range, and every program, as made";
  EXPECT_EQ(between[4].program, "daybreak");
}

TEST_P(StoreConformance, OnePersonNeverSeesAnothersDecisions) {
  const UserId ann = new_user(*store_, "ann");
  const UserId bob = new_user(*store_, "bob");
  (void)insert(*store_, ann, rule(ymd(2026, 11, 20)));
  const auto tx = store_->read();
  EXPECT_TRUE(tx->decisions(bob, "daybreak", std::nullopt, 10).empty());
  EXPECT_TRUE(tx->decisions_between(bob, ymd(2026, 11, 20), ymd(2026, 11, 20)).empty());
  EXPECT_FALSE(tx->latest_rule_decision(bob, "daybreak", RoutineKind::morning).has_value());
}

TEST_P(StoreConformance, AnUncommittedDecisionIsNotKept) {
  const UserId u = new_user(*store_, "ann");
  {
    auto tx = store_->write();
    (void)tx->insert_decision(u, rule(ymd(2026, 11, 20)), WriteMeta{kNow, Actor{u, "test"}});
  }
  EXPECT_TRUE(store_->read()->decisions_between(u, ymd(2026, 11, 20), ymd(2026, 11, 20)).empty());
}

TEST_P(StoreConformance, FirstSessionOfAProgram) {
  const UserId u = new_user(*store_, "ann");
  EXPECT_FALSE(store_->read()->first_session_at(u, "daybreak").has_value());
  for (int i : {3, 1, 2}) {
    SessionRecord r;
    r.program = "daybreak";
    r.started_at = kNow + hours{24 * i};
    r.ended_at = r.started_at + minutes{5};
    r.steps = {StepOutcome::done};
    auto tx = store_->write();
    (void)tx->insert_session(u, r, "{}", WriteMeta{kNow, Actor{u, "test"}});
    tx->commit();
  }
  EXPECT_EQ(store_->read()->first_session_at(u, "daybreak"), kNow + hours{24});
  EXPECT_FALSE(store_->read()->first_session_at(u, "other").has_value());
}

}  // namespace
}  // namespace daybreak::testing
