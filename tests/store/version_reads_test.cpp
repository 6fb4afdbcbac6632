// A version read shared by the requests asking at once (store/version_reads):
// a request is answered only by a read that began after it asked, the
// requests that ask while a read is on its way share the next one, and a
// failed read is the error of every request it was for. The database here is
// a stand-in whose reads the test holds and lets go, so that who asked when
// is certain; tests/store/pg_store_test.cpp runs the same reads on PostgreSQL.
#include "store/version_reads.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <set>
#include <thread>

#include "store/store_error.hpp"

namespace daybreak::testing {
namespace {

// Its version is `value`, taken by each read as it begins; each read then
// waits until the test lets it go.
class HeldDatabase {
 public:
  std::int64_t read() {
    std::unique_lock lock(mutex_);
    const std::int64_t v = value_;
    const int mine = ++begun_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return let_go_ >= mine; });
    if (fail_.contains(mine)) throw StoreError(StoreError::Kind::unavailable, "the database cannot be reached");
    return v;
  }
  void set_value(std::int64_t v) {
    const std::lock_guard lock(mutex_);
    value_ = v;
  }
  void fail_read(int n) {
    const std::lock_guard lock(mutex_);
    fail_.insert(n);
  }
  void wait_for_reads(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return begun_ >= n; });
  }
  // Lets reads up to the `n`th finish.
  void let_go(int n) {
    const std::lock_guard lock(mutex_);
    let_go_ = n;
    changed_.notify_all();
  }
  int begun() {
    const std::lock_guard lock(mutex_);
    return begun_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::int64_t value_ = 1;
  int begun_ = 0;
  int let_go_ = 0;
  std::set<int> fail_;
};

void wait_until_gathered(const VersionReads& reads, int n) {
  while (reads.gathered() < n) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

TEST(VersionReads, RequestsAskingWhileAReadIsOnItsWayShareTheNextOneAndSeeWhatWasWrittenBeforeTheyAsked) {
  HeldDatabase db;
  VersionReads reads([&] { return db.read(); });
  auto first = std::async(std::launch::async, [&] { return reads.get(); });
  db.wait_for_reads(1);  // on its way, with version 1
  db.set_value(2);       // a write answered (through any server) before the next three ask
  std::vector<std::future<std::int64_t>> later;
  for (int i = 0; i < 3; ++i) later.push_back(std::async(std::launch::async, [&] { return reads.get(); }));
  wait_until_gathered(reads, 3);
  EXPECT_EQ(db.begun(), 1);  // they wait: the read on its way began before they asked
  db.let_go(2);
  EXPECT_EQ(first.get(), 1);
  for (auto& f : later) EXPECT_EQ(f.get(), 2);  // the next read, one for all three
  EXPECT_EQ(db.begun(), 2);
  EXPECT_EQ(reads.gathered(), 0);
}

TEST(VersionReads, AFailedReadIsTheErrorOfEveryRequestItWasForAndTheNextReadTriesAgain) {
  HeldDatabase db;
  db.fail_read(2);
  VersionReads reads([&] { return db.read(); });
  auto first = std::async(std::launch::async, [&] { return reads.get(); });
  db.wait_for_reads(1);
  std::vector<std::future<std::int64_t>> later;
  for (int i = 0; i < 2; ++i) later.push_back(std::async(std::launch::async, [&] { return reads.get(); }));
  wait_until_gathered(reads, 2);
  db.let_go(3);
  EXPECT_EQ(first.get(), 1);
  for (auto& f : later) {
    try {
      (void)f.get();
      ADD_FAILURE() << "a failed read answered";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::unavailable);
      EXPECT_STREQ(e.what(), "the database cannot be reached");
    }
  }
  db.set_value(3);
  EXPECT_EQ(reads.get(), 3);  // the third read
  EXPECT_EQ(db.begun(), 3);
}

TEST(VersionReads, AReadWithNoOneElseAskingGoesAtOnceAndNothingIsKeptBetweenRequests) {
  HeldDatabase db;
  db.let_go(100);
  VersionReads reads([&] { return db.read(); });
  EXPECT_EQ(reads.get(), 1);
  db.set_value(5);
  EXPECT_EQ(reads.get(), 5);
  EXPECT_EQ(db.begun(), 2);
}

// A maximum age (a server's --fresh-within): a request is answered by what a
// read that began at most that long ago learned, with no read of its own,
// unless it says it has seen a newer version; past the age it reads again.
TEST(VersionReads, WithAMaximumAgeARecentReadAnswersUnlessTheRequestHasSeenANewerVersion) {
  HeldDatabase db;
  db.let_go(100);
  VersionReads reads([&] { return db.read(); }, std::chrono::hours(1));
  EXPECT_EQ(reads.get(), 1);
  db.set_value(5);             // a write through another server
  EXPECT_EQ(reads.get(), 1);   // within the age: what the last read learned
  EXPECT_EQ(reads.get(1), 1);  // the request has seen no more than that
  EXPECT_EQ(db.begun(), 1);
  EXPECT_EQ(reads.get(5), 5);  // it has seen 5 (its own write's): read again
  EXPECT_EQ(db.begun(), 2);
  EXPECT_EQ(reads.get(), 5);  // and the others learn it with it
  EXPECT_EQ(db.begun(), 2);
}

TEST(VersionReads, PastTheMaximumAgeARequestReadsAgain) {
  HeldDatabase db;
  db.let_go(100);
  VersionReads reads([&] { return db.read(); }, std::chrono::milliseconds(20));
  EXPECT_EQ(reads.get(), 1);
  db.set_value(2);
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_EQ(reads.get(), 2);
  EXPECT_EQ(db.begun(), 2);
}

TEST(VersionReads, ACommitsVersionIsLearnedAsIfReadWhenTheCommitWasSent) {
  HeldDatabase db;
  db.let_go(100);
  VersionReads reads([&] { return db.read(); }, std::chrono::hours(1));
  reads.learned(7, VersionReads::Clock::now());
  EXPECT_EQ(reads.get(7), 7);  // a request that saw that commit needs no read
  EXPECT_EQ(db.begun(), 0);
  reads.learned(4, VersionReads::Clock::now());  // an older commit answered later
  EXPECT_EQ(reads.get(), 7);                     // the newest stays
  // Learned long ago: read again.
  VersionReads old([&] { return db.read(); }, std::chrono::seconds(1));
  old.learned(7, VersionReads::Clock::now() - std::chrono::seconds(2));
  EXPECT_EQ(old.get(), 1);
  EXPECT_EQ(db.begun(), 1);
}

TEST(VersionReads, AFailedReadTeachesNothingToTheNextRequest) {
  HeldDatabase db;
  db.fail_read(1);
  db.let_go(100);
  VersionReads reads([&] { return db.read(); }, std::chrono::hours(1));
  EXPECT_THROW((void)reads.get(), StoreError);
  EXPECT_EQ(reads.get(), 1);  // read again, not answered from the failure
  EXPECT_EQ(db.begun(), 2);
}

}  // namespace
}  // namespace daybreak::testing
