#include "store/sqlite_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/sqlite_schema.hpp"
#include "store/sqlite_transaction.hpp"

namespace daybreak {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr std::string_view kLiveAdvice =
    "It was left untouched. Restore a backup with `daybreak restore FILE`, or use another --data-dir.";
constexpr std::string_view kSourceAdvice = "Nothing was restored.";

// Runs `f`, turning a damaged file's first error into a clear refusal.
template <class F>
auto refusing_damage(const std::filesystem::path& path, std::string_view advice, F&& f) {
  try {
    return f();
  } catch (const StoreError& e) {
    if (e.kind() != StoreError::Kind::corrupt) throw;
    throw StoreError(StoreError::Kind::corrupt,
                     fmt::format("{} is damaged or is not a database ({}). {}", path.string(), e.what(), advice));
  }
}

struct Header {
  std::int64_t application_id;
  std::int64_t version;
  std::int64_t tables;
};

Header read_header(Connection& db, std::string_view advice) {
  return refusing_damage(db.path(), advice, [&] {
    db.set_operation("reading the database header");
    return Header{db.query_integer("PRAGMA application_id").value_or(0),
                  db.query_integer("PRAGMA user_version").value_or(0),
                  db.query_integer("SELECT count(*) FROM sqlite_schema").value_or(0)};
  });
}

// Refuses files this program must not touch.
void check_header(const Header& h, const std::filesystem::path& path) {
  const bool empty = h.application_id == 0 && h.version == 0 && h.tables == 0;
  if (!empty && h.application_id != sqlite::kApplicationId) {
    throw StoreError(
        StoreError::Kind::foreign,
        fmt::format("{} is a SQLite database but not a daybreak one; it was left untouched", path.string()));
  }
  if (h.version > sqlite::latest_schema_version()) {
    throw StoreError(StoreError::Kind::too_new,
                     fmt::format("{} was written by a newer daybreak (schema version {}; this one knows up to {}). "
                                 "It was left untouched: update daybreak to use it.",
                                 path.string(), h.version, sqlite::latest_schema_version()));
  }
}

std::vector<std::string> integrity_problems(Connection& db) {
  std::vector<std::string> problems;
  db.set_operation("checking integrity");
  Statement& integrity = db.prepare("PRAGMA integrity_check");
  while (integrity.step()) {
    if (integrity.text(0) != "ok") problems.push_back(integrity.text(0));
  }
  Statement& keys = db.prepare("PRAGMA foreign_key_check");
  while (keys.step()) {
    problems.push_back(
        fmt::format("{} row {} refers to a missing {} row", keys.text(0), keys.integer(1), keys.text(2)));
  }
  return problems;
}

// Makes a new database file readable by its owner only, before SQLite opens it.
void create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
  } else if (errno != EEXIST) {
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: cannot create the database: {}", path.string(), std::strerror(errno)));
  }
}

const std::filesystem::path& with_private_file(const std::filesystem::path& path) {
  create_private_file(path);
  return path;
}

void fsync_path(const std::filesystem::path& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: cannot flush to disk: {}", path.string(), std::strerror(err)));
  }
  ::close(fd);
}

// Copies every page of `from` into `to` in one step.
void copy_database(sqlite3* to, sqlite3* from, const Connection& errors_for) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (backup == nullptr) errors_for.fail(sqlite3_errcode(to), sqlite3_errmsg(to));
  const int step = sqlite3_backup_step(backup, -1);
  const int finish = sqlite3_backup_finish(backup);
  if (step != SQLITE_DONE) errors_for.fail(step, sqlite3_errstr(step));
  if (finish != SQLITE_OK) errors_for.fail(finish, sqlite3_errstr(finish));
}

}  // namespace

SqliteStore::SqliteStore(const SqliteOptions& options)
    : db_(with_private_file(options.path), false, false, options.vfs), vfs_(options.vfs) {
  configure_and_migrate();
}

void SqliteStore::open_reader() {
  if (reader_) return;
  reader_.emplace(db_.path(), false, false, vfs_);
  reader_->set_operation("configuring the reading connection");
  reader_->exec("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA query_only = ON");
}

SqliteStore::~SqliteStore() = default;

void SqliteStore::configure_and_migrate() {
  check_header(read_header(db_, kLiveAdvice), db_.path());
  db_.set_operation("configuring the database");
  db_.exec("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF");
  if (db_.query_text("PRAGMA journal_mode = WAL") != "wal") {
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: this file system does not support SQLite's WAL mode", db_.path().string()));
  }
  db_.exec("PRAGMA synchronous = FULL");

  for (const auto& m : sqlite::migrations()) {
    if (m.version <= db_.query_integer("PRAGMA user_version").value_or(0)) continue;
    db_.set_operation(fmt::format("upgrading the database to version {} ({})", m.version, m.description));
    db_.exec("BEGIN IMMEDIATE");
    try {
      // Another process may have migrated while we waited for the lock.
      if (m.version > db_.query_integer("PRAGMA user_version").value_or(0)) {
        db_.exec(m.sql);
        db_.exec(
            fmt::format("PRAGMA user_version = {}; PRAGMA application_id = {}", m.version, sqlite::kApplicationId));
      }
      db_.exec("COMMIT");
    } catch (...) {
      db_.exec("ROLLBACK");
      throw;
    }
  }
}

std::unique_ptr<StoreReader> SqliteStore::read() const {
  if (reader_) return std::make_unique<sqlite::SqliteTransaction>(std::unique_lock(read_mutex_), *reader_);
  return std::make_unique<sqlite::SqliteTransaction>(gate_.idle(), db_);
}

std::unique_ptr<StoreWriter> SqliteStore::write() { return std::make_unique<sqlite::SqliteTransaction>(gate_, db_); }

std::vector<std::string> SqliteStore::check() const {
  const auto lock = gate_.idle();
  return integrity_problems(db_);
}

StoreVersion SqliteStore::version() const {
  // PRAGMA data_version moves with every commit by another connection (the
  // writing one, seen from the reading one; another process); the gate
  // counts this store's own.
  std::unique_lock lock = reader_ ? std::unique_lock(read_mutex_) : std::unique_lock(gate_.mutex);
  Connection& db = reader_ ? *reader_ : db_;
  db.set_operation("reading the data version");
  Statement& s = db.prepare("PRAGMA data_version");
  s.step();
  const std::int64_t others = s.integer(0);
  s.reset();
  return StoreVersion{others, gate_.commits};
}

int SqliteStore::schema_version() const {
  const auto lock = gate_.idle();
  return static_cast<int>(db_.query_integer("PRAGMA user_version").value_or(0));
}

void SqliteStore::backup_to(const std::filesystem::path& destination) const {
  const auto lock = gate_.idle();
  const auto partial = std::filesystem::path(destination.string() + ".partial");
  std::filesystem::remove(partial);
  {
    create_private_file(partial);
    Connection out(partial, false, false);
    db_.set_operation(fmt::format("backing up to {}", destination.string()));
    copy_database(out.handle(), db_.handle(), db_);
    out.set_operation("finishing the backup");
    out.exec("PRAGMA journal_mode = DELETE");
  }
  fsync_path(partial, false);
  std::filesystem::rename(partial, destination);
  fsync_path(destination.has_parent_path() ? destination.parent_path() : ".", true);
}

void SqliteStore::restore_from(const std::filesystem::path& source) {
  {
    const auto lock = gate_.idle();
    Connection in(source, true, false);
    check_header(read_header(in, kSourceAdvice), source);
    db_.set_operation(fmt::format("restoring from {}", source.string()));
    copy_database(db_.handle(), in.handle(), db_);
    ++gate_.commits;
  }
  configure_and_migrate();
}

DatabaseInfo inspect_database(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) {
    throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no such file", path.string()));
  }
  Connection db(path, true, false);
  const Header h = read_header(db, kSourceAdvice);
  if (h.application_id == 0 && h.tables == 0) {
    throw StoreError(StoreError::Kind::foreign,
                     fmt::format("{} is an empty database, not a daybreak backup", path.string()));
  }
  check_header(h, path);
  DatabaseInfo info;
  info.schema_version = static_cast<int>(h.version);
  info.problems = refusing_damage(path, kSourceAdvice, [&] { return integrity_problems(db); });
  return info;
}

}  // namespace daybreak
