// Data safety: a retried save (same idempotency key) is answered only once the
// first save is durable. Before, the replay read the first save's insert while
// its group of writes waited for their COMMIT and answered at once: killing
// the server right then lost entries answered "200, replayed" (7 of 40).
#include <gtest/gtest.h>

#include <future>
#include <optional>
#include <thread>
#include <vector>

#include "app/diary.hpp"
#include "store/sqlite_store.hpp"
#include "support/faulty_vfs.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

Draft pain(int p) {
  Draft d;
  d.set("pain", std::to_string(p));
  return d;
}

// The first save of key K: inserted, then held (its transaction open, the
// connection its own) until released, so that retries queue behind it.
class HeldFirstSave {
 public:
  HeldFirstSave(SqliteStore& store, UserId user, const std::string& key)
      : thread_([this, &store, user, key] {
          try {
            auto tx = store.write();
            DiaryFields f;
            f.pain = *PainScore::make(4);
            (void)tx->insert_entry(
                user, NewEntry{ymd(2026, 11, 23), Period::morning, f, key, std::nullopt, RevisionOp::create, {}},
                WriteMeta{fixed_now(), Actor{user, "test"}});
            inserted_.set_value();
            go_.get_future().wait();
            tx->commit();
          } catch (const StoreError& e) {
            error_ = e;
          }
        }) {
    inserted_.get_future().wait();
  }
  ~HeldFirstSave() {
    if (thread_.joinable()) finish();
  }
  void finish() {
    go_.set_value();
    thread_.join();
  }
  [[nodiscard]] const std::optional<StoreError>& error() const { return error_; }

 private:
  std::promise<void> inserted_;
  std::promise<void> go_;
  std::optional<StoreError> error_;
  std::thread thread_;
};

struct Retry {
  std::optional<LogOutcome::Kind> kind;  // what the retry was told, if it succeeded
  std::optional<StoreError> error;       // or the error it got
};

// The web app's outbox retry path: two retries of the same save wait behind
// the first, whose group COMMIT then fails (a full disk). The entry is not
// kept, so no retry may have been told it was saved.
TEST(IdempotencyReplay, AReplayIsAnsweredOnlyOnceTheFirstSaveIsDurable) {
  register_faulty_vfs();
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db", kFaultyVfs});
  store.open_reader();  // as `daybreak serve` has it
  const UserId user = ensure_local_user(store, fixed_now(), "Europe/Berlin").id;
  const std::string key = "outbox-7f3a";

  HeldFirstSave first(store, user, key);
  std::vector<Retry> retries(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      try {
        const auto r = log_entry(store, WriteMeta{fixed_now(), Actor{user, "test"}}, user, berlin(),
                                 LogRequest{ymd(2026, 11, 23), Period::morning, pain(4), false, key});
        if (r.ok()) retries[static_cast<std::size_t>(i)].kind = r->kind;
      } catch (const StoreError& e) {
        retries[static_cast<std::size_t>(i)].error = e;
      }
    });
    while (store.writers_waiting() < i + 1) std::this_thread::sleep_for(milliseconds(1));
  }
  arm_faulty_vfs(0);  // the disk fills: the group's COMMIT fails
  first.finish();
  for (auto& t : threads) t.join();
  disarm_faulty_vfs();

  ASSERT_TRUE(first.error());
  EXPECT_TRUE(store.read()->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31)).empty());
  for (const auto& r : retries) {
    EXPECT_FALSE(r.kind) << "a retry was told the entry was saved, but it is not in the diary";
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->kind(), StoreError::Kind::full) << r.error->what();
  }
}

// And when the COMMIT succeeds, both retries are told "replayed", with the entry durable.
TEST(IdempotencyReplay, RetriesOfADurableSaveAreReplayed) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  store.open_reader();
  const UserId user = ensure_local_user(store, fixed_now(), "Europe/Berlin").id;
  HeldFirstSave first(store, user, "k");
  std::vector<std::optional<LogOutcome::Kind>> told(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      const auto r = log_entry(store, WriteMeta{fixed_now(), Actor{user, "test"}}, user, berlin(),
                               LogRequest{ymd(2026, 11, 23), Period::morning, pain(4), false, std::string("k")});
      if (r.ok()) told[static_cast<std::size_t>(i)] = r->kind;
    });
    while (store.writers_waiting() < i + 1) std::this_thread::sleep_for(milliseconds(1));
  }
  first.finish();
  for (auto& t : threads) t.join();
  EXPECT_FALSE(first.error());
  for (const auto& k : told) EXPECT_EQ(k, LogOutcome::Kind::replayed);
  SqliteStore reopened(SqliteOptions{dir / "daybreak.db"});
  EXPECT_EQ(reopened.read()->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31)).size(), 1U);
}

}  // namespace
}  // namespace daybreak::testing
