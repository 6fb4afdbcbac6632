#include "store/sqlite_transaction.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/request_versions.hpp"

namespace daybreak::sqlite {
namespace {

// A writer's turn on the connection, counted as waiting until it has it: the
// writers before it leave the COMMIT to it (see Gate).
std::unique_lock<std::mutex> writer_turn(Gate& gate) {
  ++gate.writers_waiting;
  std::unique_lock lock(gate.mutex);
  --gate.writers_waiting;
  return lock;
}

}  // namespace

std::unique_lock<std::mutex> Gate::idle() {
  std::unique_lock lock(mutex);
  ended.wait(lock, [this] { return open == nullptr; });
  return lock;
}

SqliteTransaction::SqliteTransaction(std::unique_lock<std::mutex> turn, Connection& db)
    : sql::Transaction(db), lock_(std::move(turn)), conn_(db), writable_(false) {
  conn_.set_operation("starting a read");
  conn_.exec("BEGIN");
}

SqliteTransaction::SqliteTransaction(Gate& gate, Connection& writer)
    : sql::Transaction(writer), gate_(&gate), lock_(writer_turn(gate)), conn_(writer), writable_(true) {
  conn_.set_operation("starting a write");
  if (!gate.open) {
    conn_.exec("BEGIN IMMEDIATE");
    gate.open = std::make_shared<Gate::Group>();
  }
  group_ = gate.open;
  try {
    conn_.exec("SAVEPOINT member");
  } catch (const StoreError& e) {
    fail_group_if_undone(e);
    end_turn(false);
    throw;
  }
}

SqliteTransaction::~SqliteTransaction() {
  if (done_) return;
  conn_.reset_statements();
  if (!writable_) {
    try {
      conn_.exec("COMMIT");  // a read simply ends
    } catch (const StoreError&) {
      // A read that failed (a damaged page, an I/O error) has nothing to keep;
      // SQLite ends the transaction itself when the COMMIT cannot.
      if (sqlite3_get_autocommit(conn_.handle()) == 0)
        (void)sqlite3_exec(conn_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
    return;
  }
  try {
    // A write that was not committed undoes its own changes; the group's other
    // writes stand. If an error made SQLite undo the whole transaction, they
    // are gone too and the group fails.
    if (sqlite3_get_autocommit(conn_.handle()) != 0) {
      fail_group_if_undone(conn_.error(sqlite3_extended_errcode(conn_.handle())));
    }
    if (!group_->ended) conn_.exec("ROLLBACK TO member; RELEASE member");
  } catch (const StoreError&) {
    // SQLite has already rolled back when a statement failed; nothing more to do.
  }
  end_turn(false);
}

void SqliteTransaction::commit() {
  conn_.reset_statements();
  conn_.set_operation("committing");
  if (!writable_) {
    conn_.exec("COMMIT");
    done_ = true;
    lock_.unlock();
    return;
  }
  conn_.exec("RELEASE member");
  done_ = true;
  end_turn(true);
  RequestVersions::forget();  // this request's write moved them
}

void SqliteTransaction::end_turn(bool joined) {
  const std::shared_ptr<Gate::Group> group = std::move(group_);
  if (joined) ++group->members;
  if (!group->ended && gate_->writers_waiting > 0 && group->members < Gate::kMaxGroup) {
    // A writer is about to take the connection: it, or the last one after it,
    // commits. A write that gave up waits too when the group holds others'
    // writes: it may have read them (an idempotency key's first save), and its
    // caller must not answer from them before they are durable.
    if (joined || group->members > 0) gate_->ended.wait(lock_, [&] { return group->ended; });
  } else if (!group->ended) {
    // The last one in ends the transaction: a COMMIT, or with nothing to keep
    // (a lone write that gave up), a rollback that leaves the version as it was.
    try {
      conn_.set_operation("committing");
      if (group->members > 0) {
        conn_.exec("COMMIT");
        ++gate_->commits;
      } else {
        conn_.exec("ROLLBACK");
      }
    } catch (const StoreError& e) {
      group->error = e;
      if (sqlite3_get_autocommit(conn_.handle()) == 0) {
        try {
          conn_.exec("ROLLBACK");
        } catch (const StoreError&) {
          // the rollback's own failure says nothing more than the COMMIT's
        }
      }
    }
    group->ended = true;
    gate_->open.reset();
    gate_->ended.notify_all();
  }
  lock_.unlock();
  if (joined && group->error) throw *group->error;
}

void SqliteTransaction::fail_group_if_undone(const StoreError& why) {
  if (group_->ended || sqlite3_get_autocommit(conn_.handle()) == 0) return;
  group_->error = why;
  group_->ended = true;
  gate_->open.reset();
  gate_->ended.notify_all();
}

}  // namespace daybreak::sqlite
