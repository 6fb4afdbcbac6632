// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a
// committed write survives a crash or a power cut.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.hpp"
#include "store/sqlite_transaction.hpp"
#include "store/store.hpp"

namespace daybreak {

struct SqliteOptions {
  std::filesystem::path path;
  const char* vfs = nullptr;  // a registered SQLite VFS name; tests inject failures with one
  // Only read: nothing is created, upgraded or written. When the disk is too
  // full for SQLite's shared-memory file, the file is read as immutable
  // (provided its log holds nothing), so a person can still read their diary.
  bool read_only = false;
};

// What a database file holds, read without changing it.
struct DatabaseInfo {
  int schema_version = 0;
  std::vector<std::string> problems;  // from integrity and foreign-key checks; empty if healthy
};

class SqliteStore final : public Store {
 public:
  // Opens or creates the database, refusing (StoreError) a file that is damaged,
  // not a daybreak database, or from a newer daybreak; brings older ones up to date.
  explicit SqliteStore(const SqliteOptions& options);
  ~SqliteStore() override;

  [[nodiscard]] std::unique_ptr<StoreReader> read() const override;
  [[nodiscard]] std::unique_ptr<StoreWriter> write() override;
  [[nodiscard]] std::vector<std::string> check() const override;
  [[nodiscard]] StoreVersion version() const override;

  // Gives reads a connection of their own, for a store shared by threads
  // (`daybreak serve`): WAL gives each read transaction the last committed
  // snapshot, so reads neither wait for a write's fsync nor see a write that
  // is not yet durable. Without it (the CLI) reads take turns on the writing
  // connection, and the process parses the schema once instead of twice.
  // Call before the store is shared.
  void open_reader() override;

  // Copies the whole database to `destination` with SQLite's online backup,
  // through a temporary file renamed into place, so a half-written backup never
  // looks complete. The copy is a single self-contained file.
  void backup_to(const std::filesystem::path& destination) const override;
  // Replaces every record with those of `source`; call inspect_database first.
  void restore_from(const std::filesystem::path& source);

  [[nodiscard]] int schema_version() const override;
  [[nodiscard]] std::string location() const override { return db_.path().string(); }
  [[nodiscard]] bool groups_commits_here() const override { return true; }
  // Writers waiting for their turn on the connection now (tests watch group commit with it).
  [[nodiscard]] int writers_waiting() const { return gate_.writers_waiting; }
  [[nodiscard]] const std::filesystem::path& path() const { return db_.path(); }
  [[nodiscard]] bool read_only() const { return read_only_; }

 private:
  void configure_and_migrate();
  void check_readable();

  // A file is checked from end to end (PRAGMA quick_check) before daybreak
  // writes to it, unless it is as daybreak itself left it: its size, time and
  // inode, and its log's, are noted beside it (`daybreak.db.checked`) when a
  // store closes without having met damage. Declared before the connections,
  // so it notes the file after they closed (and checkpointed).
  struct CheckNote {
    std::filesystem::path path;  // the database
    bool write_on_close = false;
    ~CheckNote();
    [[nodiscard]] bool matches() const;
  };
  CheckNote note_;
  mutable sqlite::Gate gate_;      // the writing connection's turns and its group commit
  mutable sqlite::Connection db_;  // writes; reads too until open_reader()
  mutable std::mutex read_mutex_;
  mutable std::optional<sqlite::Connection> reader_;  // see open_reader()
  const char* vfs_;
  bool read_only_;
};

// Flushes a file, or a folder's entries, to disk; throws StoreError{io}.
void fsync_path(const std::filesystem::path& path, bool directory);

// Free space on the file system holding `path`, in bytes (nullopt if unknown).
[[nodiscard]] std::optional<std::uintmax_t> free_space(const std::filesystem::path& path);

// Reads a database file without changing it. Throws StoreError when it is not
// a readable daybreak database or is newer than this program.
[[nodiscard]] DatabaseInfo inspect_database(const std::filesystem::path& path);

}  // namespace daybreak
