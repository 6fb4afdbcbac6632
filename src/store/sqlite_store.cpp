#include "store/sqlite_store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/request_versions.hpp"
#include "store/sqlite_schema.hpp"
#include "store/sqlite_transaction.hpp"

namespace daybreak {
namespace {

using sqlite::Connection;
using sqlite::Statement;

constexpr std::string_view kLiveAdvice = "It was left untouched.";
constexpr std::string_view kSourceAdvice = "Nothing was restored.";

// Room SQLite needs to open a diary for writing: its shared-memory file (32
// KB), and its log for a few transactions, with a margin.
constexpr std::uintmax_t kRoomToOpen = 1024 * 1024;

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

std::filesystem::path note_path(const std::filesystem::path& db) { return db.string() + ".checked"; }

// Makes a new database file readable by its owner only, before SQLite opens it.
// A note left by a diary once at this path (deleted since) is not this one's.
void create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::close(fd);
    std::error_code ignored;
    std::filesystem::remove(note_path(path), ignored);
  } else if (errno != EEXIST) {
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: cannot create the database: {}", path.string(), std::strerror(errno)));
  }
}

// The size daybreak last left the file at, from its note; 0 without one.
std::uint64_t noted_size(const std::filesystem::path& db) {
  std::ifstream in(note_path(db), std::ios::binary);
  std::string magic;
  std::string version;
  std::uint64_t size = 0;
  if (in >> magic >> version >> size && magic == "daybreak-checked") return size;
  return 0;
}

// The first 100 bytes of a database file say what the rest must look like.
// Checked before SQLite reads anything, so that a truncated or overwritten
// start is refused with a clear message instead of whatever SQLite meets
// first. An empty file is a new database, unless daybreak last left a diary
// there: then it was emptied (SQLite would take it for a new one and write).
void check_file_header(const std::filesystem::path& path, std::string_view advice) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return;  // SQLite says so in its own words
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: cannot open the database: {}", path.string(), std::strerror(errno)));
  }
  unsigned char h[100] = {};
  const ssize_t n = ::pread(fd, h, sizeof h, 0);
  struct stat st {};
  const bool stat_ok = ::fstat(fd, &st) == 0;
  ::close(fd);
  const auto damaged = [&](std::string_view why) {
    return StoreError(StoreError::Kind::corrupt,
                      fmt::format("{} is damaged or is not a database ({}). {}", path.string(), why, advice));
  };
  if (n == 0) {
    if (const std::uint64_t was = noted_size(path); was > 0) {
      throw damaged(fmt::format("it is empty, but daybreak last left it holding {} bytes: it was emptied", was));
    }
    return;
  }
  if (n < static_cast<ssize_t>(sizeof h)) throw damaged("it is shorter than a database header");
  if (std::memcmp(h, "SQLite format 3", 16) != 0) throw damaged("it does not start as a SQLite database does");
  const auto be32 = [&](int at) {
    return std::uint32_t{h[at]} << 24 | std::uint32_t{h[at + 1]} << 16 | std::uint32_t{h[at + 2]} << 8 |
           std::uint32_t{h[at + 3]};
  };
  const std::uint32_t raw_page = std::uint32_t{h[16]} << 8 | h[17];
  const std::uint32_t page = raw_page == 1 ? 65536 : raw_page;
  if (page < 512 || page > 65536 || (page & (page - 1)) != 0) throw damaged("its page size is not a valid one");
  if (!stat_ok) return;
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size % page != 0) throw damaged("its length is not a whole number of pages: it was cut short");
  // The page count in the header is valid when it was written with the change counter.
  if (be32(92) == be32(24) && std::uint64_t{be32(28)} * page > size) {
    throw damaged(fmt::format("it should hold {} pages but holds {}: it was cut short", be32(28), size / page));
  }
}

const std::filesystem::path& with_private_file(const std::filesystem::path& path) {
  create_private_file(path);
  return path;
}

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Whether SQLite can read the file the usual way, making its shared-memory
// file; false when the disk is too full for it (checked on a read-only open
// that is then closed).
bool reads_with_shared_memory(const std::filesystem::path& path, const char* vfs) {
  try {
    Connection probe(path, true, false, vfs);
    probe.set_operation("reading the database header");
    (void)probe.query_integer("PRAGMA user_version");
    return true;
  } catch (const StoreError& e) {
    if (e.kind() == StoreError::Kind::full || e.kind() == StoreError::Kind::io) return false;
    throw;
  }
}

std::string bytes_text(std::uintmax_t bytes) {
  if (bytes >= 10U * 1024 * 1024) return fmt::format("{} MB", bytes / (1024 * 1024));
  if (bytes >= 10U * 1024) return fmt::format("{} KB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

// Opens `path` for reading only: the usual way, or as immutable on a full disk.
Connection open_for_reading(const std::filesystem::path& path, const char* vfs) {
  if (!std::filesystem::exists(path)) {
    throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no such file", path.string()));
  }
  if (reads_with_shared_memory(path, vfs)) return Connection(path, true, false, vfs);
  const auto wal = std::filesystem::path(path.string() + "-wal");
  if (file_size_or_zero(wal) > 0) {
    const auto free = free_space(path);
    throw StoreError(StoreError::Kind::full,
                     fmt::format("{} cannot be read: its log ({}) holds changes that SQLite needs room on the disk "
                                 "to read ({} free). Free at least {} and try again; nothing was changed.",
                                 path.string(), wal.string(), free ? bytes_text(*free) : "unknown",
                                 bytes_text(kRoomToOpen + file_size_or_zero(wal))));
  }
  return Connection(path, Connection::Immutable{}, vfs);
}

// A file daybreak only reads from (a backup to restore, a file to inspect):
// immutable, so nothing is written beside it (SQLite would leave -wal and
// -shm files there), unless a log beside it holds changes it must read.
Connection open_source(const std::filesystem::path& path) {
  if (file_size_or_zero(std::filesystem::path(path.string() + "-wal")) > 0) return Connection(path, true, false);
  return Connection(path, Connection::Immutable{});
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

// What identifies a file as last seen: size, modification time, inode.
std::string file_identity(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return fmt::format("{} {}.{:09} {}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ino);
}

// The log's part: an empty log holds nothing, so it is noted as no log. The
// note is written after the last connection closed (the log gone) and compared
// after the first read of the next opening (an empty log just made).
std::string log_identity(const std::filesystem::path& db) {
  const auto log = std::filesystem::path(db.string() + "-wal");
  return file_size_or_zero(log) == 0 ? std::string("-") : file_identity(log);
}

std::string note_text(const std::filesystem::path& db) {
  return fmt::format("daybreak-checked 1\n{}\n{}\n", file_identity(db), log_identity(db));
}

}  // namespace

bool SqliteStore::CheckNote::matches() const {
  std::ifstream in(note_path(path), std::ios::binary);
  if (!in) return false;
  const std::string seen((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return seen == note_text(path);
}

SqliteStore::CheckNote::~CheckNote() {
  if (!write_on_close) return;
  // Best effort and unsynced: a lost note costs one more check, never safety.
  const auto note = note_path(path);
  const auto partial = std::filesystem::path(note.string() + ".partial");
  std::error_code ignored;
  std::filesystem::remove(partial, ignored);
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << note_text(path);
    if (!out) return;
  }
  std::filesystem::rename(partial, note, ignored);
}

SqliteStore::SqliteStore(const SqliteOptions& options)
    : note_{options.path},
      db_(options.read_only ? open_for_reading(options.path, options.vfs)
                            : Connection(with_private_file(options.path), false, false, options.vfs)),
      vfs_(options.vfs),
      read_only_(options.read_only) {
  if (read_only_) {
    check_readable();
    return;
  }
  try {
    configure_and_migrate();
  } catch (const StoreError& e) {
    if (e.kind() != StoreError::Kind::full) throw;
    // SQLite could not make its log or shared-memory file: say how much room it needs.
    const auto free = free_space(db_.path());
    throw StoreError(StoreError::Kind::full,
                     fmt::format("{}: the disk is full ({} free), so the diary cannot be opened for writing; "
                                 "daybreak needs at least {} free. Nothing was changed.",
                                 db_.path().string(), free ? bytes_text(*free) : "unknown", bytes_text(kRoomToOpen)));
  }
}

void SqliteStore::check_readable() {
  check_file_header(db_.path(), kLiveAdvice);
  const Header h = read_header(db_, kLiveAdvice);
  check_header(h, db_.path());
  if (h.version != sqlite::latest_schema_version()) {
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{} must be brought up to date (schema version {} to {}) before it can be read, "
                                 "which needs a write; it was left untouched",
                                 db_.path().string(), h.version, sqlite::latest_schema_version()));
  }
  db_.set_operation("configuring the database");
  db_.exec("PRAGMA trusted_schema = OFF; PRAGMA query_only = ON");
}

void SqliteStore::open_reader() {
  if (reader_) return;
  reader_.emplace(db_.path(), false, false, vfs_);
  reader_->set_operation("configuring the reading connection");
  reader_->exec("PRAGMA foreign_keys = ON; PRAGMA trusted_schema = OFF; PRAGMA query_only = ON");
}

SqliteStore::~SqliteStore() {
  note_.write_on_close = !read_only_ && !db_.damage_seen() && !(reader_ && reader_->damage_seen());
}

void SqliteStore::configure_and_migrate() {
  check_file_header(db_.path(), kLiveAdvice);
  check_header(read_header(db_, kLiveAdvice), db_.path());
  if (!note_.matches()) {
    // Changed since daybreak last closed it (or never seen): damage anywhere
    // is found now, before anything is written.
    db_.set_operation("checking the database for damage");
    Statement& check = db_.prepare("PRAGMA quick_check(1)");
    std::string first = check.step() ? check.text(0) : std::string("ok");
    check.reset();
    if (first != "ok") {
      // "*** in database main ***\nPage 3: ..." as one line, without the banner.
      if (first.starts_with("*** ")) first.erase(0, first.find('\n') + 1);
      std::replace(first.begin(), first.end(), '\n', ' ');
      first = "SQLite's check: " + first;
      throw StoreError(StoreError::Kind::corrupt,
                       fmt::format("{} is damaged ({}). {}", db_.path().string(), first, kLiveAdvice));
    }
  }
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

std::unique_ptr<StoreWriter> SqliteStore::write() {
  if (read_only_) {
    const auto free = free_space(db_.path());
    throw StoreError(StoreError::Kind::full,
                     fmt::format("{} is open read-only because the disk is full ({} free); free at least {} to "
                                 "save anything. Nothing was saved.",
                                 db_.path().string(), free ? bytes_text(*free) : "unknown", bytes_text(kRoomToOpen)));
  }
  return std::make_unique<sqlite::SqliteTransaction>(gate_, db_);
}

std::vector<std::string> SqliteStore::check() const {
  const auto lock = gate_.idle();
  return integrity_problems(db_);
}

StoreVersion SqliteStore::version() const {
  // PRAGMA data_version moves with every commit by another connection (the
  // writing one, seen from the reading one; another process); the gate
  // counts this store's own. Read once per request, as PgStore does: each is a
  // read transaction, and a GET of Today asks three times (accounts, profile,
  // Today) where one answers them all.
  const std::uint64_t own = gate_.commits.load();
  if (const auto kept = RequestVersions::find(0)) return StoreVersion{*kept, own};
  std::unique_lock lock = reader_ ? std::unique_lock(read_mutex_) : std::unique_lock(gate_.mutex);
  Connection& db = reader_ ? *reader_ : db_;
  db.set_operation("reading the data version");
  Statement& s = db.prepare("PRAGMA data_version");
  s.step();
  const std::int64_t others = s.integer(0);
  s.reset();
  RequestVersions::keep(0, others);
  return StoreVersion{others, own};
}

int SqliteStore::schema_version() const {
  const auto lock = gate_.idle();
  return static_cast<int>(db_.query_integer("PRAGMA user_version").value_or(0));
}

void SqliteStore::backup_to(const std::filesystem::path& destination) const {
  const auto folder = destination.has_parent_path() ? destination.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder)) {
    throw StoreError(StoreError::Kind::not_found,
                     fmt::format("{}: there is no folder {} to write it in; nothing was written", destination.string(),
                                 folder.string()));
  }
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
  fsync_path(folder, true);
}

void SqliteStore::restore_from(const std::filesystem::path& source) {
  {
    const auto lock = gate_.idle();
    Connection in = open_source(source);
    check_header(read_header(in, kSourceAdvice), source);
    db_.set_operation(fmt::format("restoring from {}", source.string()));
    copy_database(db_.handle(), in.handle(), db_);
    ++gate_.commits;
  }
  configure_and_migrate();
}

std::optional<std::uintmax_t> free_space(const std::filesystem::path& path) {
  std::error_code ec;
  const auto info = std::filesystem::space(path.has_parent_path() ? path.parent_path() : ".", ec);
  if (ec) return std::nullopt;
  return info.available;
}

DatabaseInfo inspect_database(const std::filesystem::path& path) {
  if (!std::filesystem::is_regular_file(path)) {
    throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no such file", path.string()));
  }
  check_file_header(path, kSourceAdvice);
  Connection db = open_source(path);
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

}  // namespace daybreak
