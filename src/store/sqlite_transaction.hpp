// The SQLite store's transaction: how one begins, ends and shares the
// writing connection (group commit). Its queries are sql::Transaction's
// (sql_transaction.hpp). Internal to the store.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/sql_transaction.hpp"
#include "store/sqlite.hpp"

namespace daybreak::sqlite {

// Who may use the store's writing connection, and the group commit of writes.
//
// One transaction at a time holds the mutex. Writes that arrive together share
// one SQLite transaction, each in its own savepoint, and one COMMIT: a writer
// that finishes while another waits for the connection leaves the COMMIT (and
// its fsync) to the last one in, and returns only once that COMMIT is durable,
// or throws its error. A write that fails undoes only its own savepoint.
// Everything else that uses the writing connection (reads without a
// connection of their own, backup, checks) waits until no group is open.
struct Gate {
  // A group of writes sharing one transaction.
  struct Group {
    int members = 0;     // writes in it that wait for its COMMIT
    bool ended = false;  // committed, or failed with `error`
    std::optional<StoreError> error;
  };
  static constexpr int kMaxGroup = 16;  // a COMMIT waits for at most this many writes

  std::mutex mutex;
  std::condition_variable ended;          // a group ended
  std::atomic<int> writers_waiting{0};    // writers blocked on the mutex
  std::shared_ptr<Group> open;            // the group whose transaction is open, if any
  std::atomic<std::uint64_t> commits{0};  // COMMITs made (StoreVersion::own)

  // The mutex once no group is open.
  [[nodiscard]] std::unique_lock<std::mutex> idle();
};

// A transaction on one of the store's connections; it holds its turn for its
// whole life (a committed transaction gives it up at once). A write is a
// member of the gate's open group (see Gate).
class SqliteTransaction final : public sql::Transaction {
 public:
  // A read, holding its turn on `db` (the reading connection's mutex, or the
  // gate's when idle).
  SqliteTransaction(std::unique_lock<std::mutex> turn, Connection& db);
  // A write on the writing connection, a member of the gate's group.
  SqliteTransaction(Gate& gate, Connection& writer);
  ~SqliteTransaction() override;
  void commit() override;

 private:
  // The end of a write's turn: join the group (when `joined`), then leave the
  // COMMIT to a writer that is waiting, or make it. Rethrows the group's error.
  void end_turn(bool joined);
  // After an error SQLite may have undone the whole transaction, and with it
  // every member's writes: the group then fails with `why`.
  void fail_group_if_undone(const StoreError& why);

  Gate* gate_ = nullptr;  // a write's
  std::unique_lock<std::mutex> lock_;
  std::shared_ptr<Gate::Group> group_;  // a write's
  Connection& conn_;
  bool writable_;
  bool done_ = false;
};

}  // namespace daybreak::sqlite
