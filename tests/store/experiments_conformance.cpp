// Personal experiments (issue 6) in the store conformance suite: designs come
// back exactly, stops and night logs behave, and one user never sees or
// touches another's experiments.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "store/store_conformance.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

ExperimentDesign pillow_design() {
  ExperimentDraft draft;
  draft.title = "pillow between the knees";
  draft.condition_a = "pillow between knees";
  draft.condition_b = "no pillow";
  draft.pairs = 4;
  draft.period_nights = 6;
  draft.washout_nights = 2;
  return make_design(draft, 4'503'599'627'370'495ULL, ymd(2026, 11, 24));
}

Experiment insert(Store& store, UserId user, const ExperimentDesign& design) {
  auto tx = store.write();
  Experiment e = tx->insert_experiment(user, design, kNow);
  tx->commit();
  return e;
}

void expect_same_design(const ExperimentDesign& a, const ExperimentDesign& b) {
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.condition_a, b.condition_a);
  EXPECT_EQ(a.condition_b, b.condition_b);
  EXPECT_EQ(a.first_night, b.first_night);
  EXPECT_EQ(a.pairs, b.pairs);
  EXPECT_EQ(a.period_nights, b.period_nights);
  EXPECT_EQ(a.washout_nights, b.washout_nights);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.first_in_pair, b.first_in_pair);
}

TEST_P(StoreConformance, AnExperimentDesignIsStoredExactly) {
  const UserId user = new_user(*store_, "me");
  const ExperimentDesign design = pillow_design();
  const Experiment created = insert(*store_, user, design);
  EXPECT_GT(created.id.value, 0);

  const auto found = store_->read()->find_experiment(user, created.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created.id);
  EXPECT_EQ(found->user, user);
  expect_same_design(found->design, design);
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_FALSE(found->stopped_at);
  EXPECT_FALSE(found->stopped_after);
  EXPECT_EQ(found->end_night(), design.last_night());
}

TEST_P(StoreConformance, ExperimentsAreListedOldestFirst) {
  const UserId user = new_user(*store_, "me");
  ExperimentDesign later = pillow_design();
  later.first_night = ymd(2027, 3, 1);
  later.condition_a = "side";
  const Experiment first = insert(*store_, user, pillow_design());
  const Experiment second = insert(*store_, user, later);
  const auto all = store_->read()->experiments(user);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, first.id);
  EXPECT_EQ(all[1].id, second.id);
  EXPECT_EQ(all[1].design.condition_a, "side");
}

TEST_P(StoreConformance, StoppingAnExperimentKeepsWhenAndWhy) {
  const UserId user = new_user(*store_, "me");
  const Experiment e = insert(*store_, user, pillow_design());
  {
    auto tx = store_->write();
    tx->stop_experiment(user, e.id, ymd(2026, 12, 1), "travelling", kNow + std::chrono::hours{24});
    tx->commit();
  }
  const auto found = store_->read()->find_experiment(user, e.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->stopped_at, kNow + std::chrono::hours{24});
  EXPECT_EQ(found->stopped_after, ymd(2026, 12, 1));
  EXPECT_EQ(found->stop_reason, "travelling");
  EXPECT_EQ(found->end_night(), ymd(2026, 12, 1));

  auto tx = store_->write();
  try {
    tx->stop_experiment(user, e.id, ymd(2026, 12, 2), "again", kNow);
    ADD_FAILURE() << "stopping twice must fail";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::not_found);
  }
}

TEST_P(StoreConformance, NightLogsAreReplacedNotDuplicated) {
  const UserId user = new_user(*store_, "me");
  const Experiment e = insert(*store_, user, pillow_design());
  {
    auto tx = store_->write();
    tx->log_experiment_night(user, {e.id, ymd(2026, 11, 25), true, "", kNow});
    tx->log_experiment_night(user, {e.id, ymd(2026, 11, 24), false, "forgot", kNow});
    tx->commit();
  }
  {
    auto tx = store_->write();
    tx->log_experiment_night(user, {e.id, ymd(2026, 11, 25), false, "fell out of bed", kNow + std::chrono::hours{1}});
    tx->commit();
  }
  const auto nights = store_->read()->experiment_nights(user, e.id);
  ASSERT_EQ(nights.size(), 2U);
  EXPECT_EQ(nights[0].night, ymd(2026, 11, 24));
  EXPECT_FALSE(nights[0].followed);
  EXPECT_EQ(nights[0].note, "forgot");
  EXPECT_EQ(nights[1].night, ymd(2026, 11, 25));
  EXPECT_FALSE(nights[1].followed);
  EXPECT_EQ(nights[1].note, "fell out of bed");
  EXPECT_EQ(nights[1].recorded_at, kNow + std::chrono::hours{1});
  EXPECT_EQ(nights[1].experiment, e.id);
}

// Only one experiment runs at a time, and a new one is checked against the
// others before it is added. On PostgreSQL two such writes (the phone and the
// computer, through two servers) each read none and both added: now the
// second waits for the first, and reads what it added.
TEST_P(StoreConformance, AWriteHoldingAPersonsExperimentsWaitsForAnotherHoldingThem) {
  const UserId anna = new_user(*store_, "Anna");
  auto first = store_->write();
  first->hold_experiments(anna);
  ASSERT_TRUE(first->experiments(anna).empty());
  (void)first->insert_experiment(anna, pillow_design(), kNow);
  std::atomic<int> seen{-1};
  std::thread second([&] {
    auto tx = store_->write();
    tx->hold_experiments(anna);
    seen = static_cast<int>(tx->experiments(anna).size());
    tx->commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_EQ(seen.load(), -1) << "the second write read Anna's experiments while the first held them";
  first->commit();
  second.join();
  EXPECT_EQ(seen.load(), 1);
}

TEST_P(StoreConformance, AnUncommittedExperimentLeavesNoTrace) {
  const UserId user = new_user(*store_, "me");
  {
    auto tx = store_->write();
    (void)tx->insert_experiment(user, pillow_design(), kNow);
  }
  EXPECT_TRUE(store_->read()->experiments(user).empty());
}

TEST_P(StoreConformance, OneUserNeverSeesOrTouchesAnothersExperiments) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  const Experiment mine = insert(*store_, me, pillow_design());
  {
    auto tx = store_->write();
    tx->log_experiment_night(me, {mine.id, ymd(2026, 11, 24), true, "", kNow});
    tx->commit();
  }
  auto reader = store_->read();
  EXPECT_FALSE(reader->find_experiment(other, mine.id));
  EXPECT_TRUE(reader->experiments(other).empty());
  EXPECT_TRUE(reader->experiment_nights(other, mine.id).empty());
  reader.reset();

  auto tx = store_->write();
  const auto expect_not_found = [](auto&& action) {
    try {
      action();
      ADD_FAILURE() << "another user's experiment was touched";
    } catch (const StoreError& error) {
      EXPECT_EQ(error.kind(), StoreError::Kind::not_found);
    }
  };
  expect_not_found([&] { tx->stop_experiment(other, mine.id, ymd(2026, 11, 30), "", kNow); });
  expect_not_found([&] { tx->log_experiment_night(other, {mine.id, ymd(2026, 11, 25), false, "", kNow}); });
  tx->commit();
  const auto found = store_->read()->find_experiment(me, mine.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->stopped_at);
  EXPECT_EQ(store_->read()->experiment_nights(me, mine.id).size(), 1U);
}

}  // namespace
}  // namespace daybreak::testing
