#include "store/sqlite_transaction.hpp"

#include <fmt/format.h>

namespace daybreak::sqlite {

SqliteTransaction::SqliteTransaction(std::mutex& mutex, Connection& db, bool writable)
    : lock_(mutex), db_(db), writable_(writable) {
  db_.set_operation(writable ? "starting a write" : "starting a read");
  db_.exec(writable ? "BEGIN IMMEDIATE" : "BEGIN");
}

SqliteTransaction::~SqliteTransaction() {
  if (done_) return;
  db_.reset_statements();
  // A read simply ends; a write that was not committed is undone.
  try {
    db_.exec(writable_ ? "ROLLBACK" : "COMMIT");
  } catch (const StoreError&) {
    // SQLite has already rolled back when a statement failed; nothing more to do.
  }
}

void SqliteTransaction::commit() {
  db_.reset_statements();
  db_.set_operation("committing");
  db_.exec("COMMIT");
  done_ = true;
  lock_.unlock();  // the connection is free for the next transaction
}

void SqliteTransaction::not_found(const std::string& what) const {
  throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no {}", db_.path().string(), what));
}

}  // namespace daybreak::sqlite
