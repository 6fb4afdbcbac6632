#include "store/sqlite.hpp"

#include <cerrno>

#include <fmt/format.h>
#include <sqlite3.h>

namespace daybreak::sqlite {

StoreError::Kind error_kind(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_FULL:
      return StoreError::Kind::full;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreError::Kind::busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return StoreError::Kind::corrupt;
    case SQLITE_CONSTRAINT:
      return StoreError::Kind::conflict;
    default:
      return StoreError::Kind::io;
  }
}

namespace {

// A file: URI for `path`, with the characters a URI gives meaning to escaped.
std::string file_uri(const std::filesystem::path& path, std::string_view query) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?" + std::string(query);
}

}  // namespace

Connection::Connection(const std::filesystem::path& path, Immutable, const char* vfs) : path_(path) {
  open(file_uri(path, "immutable=1"), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, vfs);
}

Connection::Connection(const std::filesystem::path& path, bool read_only, bool create, const char* vfs) : path_(path) {
  int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (create && !read_only) flags |= SQLITE_OPEN_CREATE;
  open(path.string(), flags, vfs);
}

void Connection::open(const std::string& name, int flags, const char* vfs) {
  flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, vfs);
  if (rc != SQLITE_OK) {
    const std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError(error_kind(rc), fmt::format("{}: cannot open the database: {}", path_.string(), detail));
  }
  sqlite3_extended_result_codes(db_, 1);
  // Wait for other processes' locks (a writer, or recovery after a crash)
  // instead of failing at once; set before the first read of the file.
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

Connection::~Connection() {
  cache_.clear();  // finalize statements before closing
  sqlite3_close_v2(db_);
}

void Connection::StmtDeleter::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

StoreError Connection::error(int rc, std::string_view detail) const {
  const char* says = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  StoreError::Kind kind = error_kind(rc);
  // A full disk may surface as an I/O error (making the shared-memory file,
  // growing the log): the system's own error tells.
  if (kind == StoreError::Kind::io && db_ != nullptr && sqlite3_system_errno(db_) == ENOSPC) {
    kind = StoreError::Kind::full;
  }
  std::string message;
  switch (kind) {
    case StoreError::Kind::corrupt:
      damage_seen_ = true;
      message = fmt::format("{} is damaged ({}, found while {}); daybreak will not write to it", path_.string(), says,
                            operation_);
      break;
    case StoreError::Kind::io:
      message = fmt::format("{}: {} failed: the disk or the file system reported an error ({})", path_.string(),
                            operation_, says);
      break;
    default:
      message = fmt::format("{}: {} failed: {}", path_.string(), operation_, says);
  }
  if (!detail.empty()) message += fmt::format(" ({})", detail);
  if (kind == StoreError::Kind::full) message += "; the disk is full: free some space and try again, nothing was saved";
  return StoreError(kind, message);
}

void Connection::exec(std::string_view sql) {
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    fail(rc);
  }
}

Statement& Connection::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    it->second->wrapper.reset();
    return it->second->wrapper;
  }
  sqlite3_stmt* raw = nullptr;
  const int rc =
      sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  if (rc != SQLITE_OK) fail(rc, sql.substr(0, 80));
  auto cached = std::make_unique<Cached>(raw, *this);
  Statement& s = cached->wrapper;
  cache_.emplace(std::string(sql), std::move(cached));
  return s;
}

void Connection::reset_statements() {
  for (auto& [sql, cached] : cache_) sqlite3_reset(cached->stmt.get());
}

std::int64_t Connection::last_insert_id() { return sqlite3_last_insert_rowid(db_); }
int Connection::changes() const { return sqlite3_changes(db_); }

void Statement::bind_integer(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail(rc);
}

void Statement::bind_text(int index, std::string_view value) {
  const int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) db_->fail(rc);
}

void Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) db_->fail(rc);
}

void Statement::bind_real(int index, double value) {
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) db_->fail(rc);
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  db_->fail(rc);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

// The accessors that look at a column twice (its type or length, then its
// value) take the column's value once and read it: half the calls into SQLite,
// which counts when reading years of rows. The value is "unprotected" (no
// mutex held), which is safe because a connection is only ever used by one
// thread at a time (it is opened with SQLITE_OPEN_NOMUTEX).
std::string_view Statement::text_view(int column) const {
  sqlite3_value* v = sqlite3_column_value(stmt_, column);
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p == nullptr ? std::string_view() : std::string_view(p, static_cast<std::size_t>(sqlite3_value_bytes(v)));
}

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int column) const { return sqlite3_column_name(stmt_, column); }

Statement::Kind Statement::column_kind(int column) const {
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_NULL:
      return Kind::null;
    case SQLITE_INTEGER:
      return Kind::integer;
    case SQLITE_FLOAT:
      return Kind::real;
    default:
      return Kind::text;
  }
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
  sqlite3_value* v = sqlite3_column_value(stmt_, column);
  if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
  return sqlite3_value_int64(v);
}

}  // namespace daybreak::sqlite
