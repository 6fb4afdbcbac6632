// A thin RAII layer over the SQLite C API: connections, prepared statements,
// and errors that name the database file and the operation that failed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql.hpp"
#include "store/store_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace daybreak::sqlite {

inline constexpr int kBusyTimeoutMs = 5000;

class Connection;

class Statement final : public sql::Statement {
 public:
  Statement(Connection& db, sqlite3_stmt* stmt) : db_(&db), stmt_(stmt) {}

  bool step() override;
  void run() override;
  void reset() override;

  [[nodiscard]] bool is_null(int column) const override;
  [[nodiscard]] std::int64_t integer(int column) const override;
  [[nodiscard]] std::string_view text_view(int column) const override;
  [[nodiscard]] std::optional<std::int64_t> optional_integer(int column) const override;
  [[nodiscard]] double real(int column) const override;
  [[nodiscard]] int column_count() const override;
  [[nodiscard]] std::string column_name(int column) const override;
  [[nodiscard]] Kind column_kind(int column) const override;

 protected:
  void bind_integer(int index, std::int64_t value) override;
  void bind_text(int index, std::string_view value) override;
  void bind_null(int index) override;
  void bind_real(int index, double value) override;

 private:
  Connection* db_;
  sqlite3_stmt* stmt_;
};

class Connection final : public sql::Connection {
 public:
  // Opens (and with `create`, creates) the database at `path`. `vfs` may name a
  // registered SQLite VFS (tests use one that fails writes on purpose).
  Connection(const std::filesystem::path& path, bool read_only, bool create, const char* vfs = nullptr);
  // Opens the file read-only as immutable: SQLite makes no -wal or -shm file
  // and takes no lock, so it reads on a full disk. Only for a file that no one
  // writes and whose log holds nothing (SQLite would not read the log).
  struct Immutable {};
  Connection(const std::filesystem::path& path, Immutable, const char* vfs = nullptr);
  ~Connection() override;

  // Runs one or more statements without results.
  void exec(std::string_view sql);
  // A prepared statement, compiled once per connection and reset before reuse.
  Statement& prepare(std::string_view sql) override;

  // Resets every prepared statement. A statement left mid-way keeps its read
  // snapshot open, so this runs at the end of every transaction.
  void reset_statements();

  [[nodiscard]] std::int64_t last_insert_id() override;
  [[nodiscard]] int changes() const override;
  [[nodiscard]] std::string where() const override { return path_.string(); }
  [[nodiscard]] sqlite3* handle() const { return db_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // The StoreError for SQLite result code `rc`: the file, the operation, and
  // SQLite's message; fail() throws it.
  [[nodiscard]] StoreError error(int rc, std::string_view detail = {}) const;
  // Whether any error so far said the file is damaged.
  [[nodiscard]] bool damage_seen() const { return damage_seen_; }
  [[noreturn]] void fail(int rc, std::string_view detail = {}) const { throw error(rc, detail); }

 private:
  void open(const std::string& name, int flags, const char* vfs);

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  mutable bool damage_seen_ = false;
  struct StmtDeleter {
    void operator()(sqlite3_stmt* s) const;
  };
  struct Cached {
    Cached(sqlite3_stmt* raw, Connection& db) : stmt(raw), wrapper(db, raw) {}
    std::unique_ptr<sqlite3_stmt, StmtDeleter> stmt;
    Statement wrapper;
  };
  std::unordered_map<std::string, std::unique_ptr<Cached>> cache_;
};

// Maps a SQLite result code to our error kind.
[[nodiscard]] StoreError::Kind error_kind(int rc);

}  // namespace daybreak::sqlite
