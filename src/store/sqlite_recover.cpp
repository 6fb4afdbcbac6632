#include "store/sqlite_recover.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>

#include <fmt/format.h>
#include <sqlite3.h>

#include "store/sqlite.hpp"
#include "store/sqlite_schema.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {
namespace {

using sqlite::Connection;

// A statement of our own, for the generic row copying below (the Statement
// of sqlite.hpp is for known columns).
class Query {
 public:
  Query(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) {
      rc_ = sqlite3_errcode(db);
      sqlite3_finalize(stmt_);
      stmt_ = nullptr;
    }
  }
  ~Query() { sqlite3_finalize(stmt_); }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  [[nodiscard]] bool prepared() const { return stmt_ != nullptr; }
  [[nodiscard]] int prepare_error() const { return rc_; }
  [[nodiscard]] sqlite3_stmt* get() const { return stmt_; }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(stmt_); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

std::string sql_name(std::string_view name) {
  std::string q = "\"";
  for (const char c : name) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

struct SchemaItem {
  std::string type, name, sql;
};

struct TableShape {
  std::vector<std::string> columns;
  std::vector<std::string> key;  // the order rows are read in: rowid, or the primary key's columns
  bool rowid = true;
};

TableShape shape_of(Connection& db, const SchemaItem& table) {
  TableShape shape;
  std::string upper = table.sql;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  shape.rowid = upper.find("WITHOUT ROWID") == std::string::npos;
  Query info(db.handle(), fmt::format("PRAGMA table_info({})", sql_name(table.name)));
  std::vector<std::pair<int, std::string>> pk;
  while (info.prepared() && info.step() == SQLITE_ROW) {
    const std::string name = reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 1));
    shape.columns.push_back(name);
    if (const int at = sqlite3_column_int(info.get(), 5); at > 0) pk.emplace_back(at, name);
  }
  std::sort(pk.begin(), pk.end());
  if (shape.rowid) {
    shape.key = {"rowid"};
  } else {
    for (const auto& [at, name] : pk) shape.key.push_back(name);
  }
  return shape;
}

std::string joined(const std::vector<std::string>& names, bool quote) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += ", ";
    out += quote ? sql_name(n) : n;
  }
  return out;
}

// Copies one table, row by row in key order, stepping over what cannot be read.
class TableSalvage {
 public:
  TableSalvage(Connection& from, Connection& to, const SchemaItem& table)
      : from_(from), table_(table), shape_(shape_of(from, table)) {
    std::vector<std::string> out_columns = shape_.columns;
    if (shape_.rowid) out_columns.insert(out_columns.begin(), "rowid");
    std::string marks;
    for (std::size_t i = 1; i <= out_columns.size(); ++i) marks += fmt::format("{}?{}", i > 1 ? ", " : "", i);
    insert_sql_ = fmt::format("INSERT OR IGNORE INTO {} ({}) VALUES ({})", sql_name(table.name),
                              joined(out_columns, false), marks);
    select_columns_ = (shape_.rowid ? std::string("rowid, ") : std::string()) + joined(shape_.columns, true);
    to_ = to.handle();
  }

  SalvagedTable run() {
    SalvagedTable result{table_.name, 0, {}, false};
    if (shape_.columns.empty() || shape_.key.empty()) {
      result.lost = true;
      return result;
    }
    Query insert(to_, insert_sql_);
    if (!insert.prepared()) {
      result.lost = true;
      return result;
    }
    std::optional<std::int64_t> from;  // read from this key on (the first key column)
    std::optional<std::int64_t> last;  // the last key read
    bool read_any = false;
    const auto lose = [&](std::int64_t first, std::int64_t to) {
      if (!result.unreadable.empty() && result.unreadable.back().second + 1 == first) {
        result.unreadable.back().second = to;
      } else {
        result.unreadable.emplace_back(first, to);
      }
    };
    for (;;) {
      const std::optional<std::int64_t> before = last;
      const bool finished = scan(from, insert, result, last, read_any);
      if (finished) break;
      // Past the last good key, find the next one that can be read. A row
      // whose key reads but whose columns do not (its record is damaged) is
      // found again and again by that search: when a read from `from` got no
      // row at all, that row is lost, and the search goes on after it.
      std::int64_t after = last.value_or(0);
      if (from && last == before) {
        lose(*from, *from);
        after = *from;
      }
      const auto next = after < std::numeric_limits<std::int64_t>::max() ? next_readable(after) : std::nullopt;
      if (!next) {
        if (after < std::numeric_limits<std::int64_t>::max()) lose(after + 1, std::numeric_limits<std::int64_t>::max());
        break;
      }
      if (*next > after + 1) lose(after + 1, *next - 1);
      from = *next;
      last = *next - 1;
    }
    result.lost = !read_any && !result.unreadable.empty();
    return result;
  }

 private:
  // Reads rows in key order from `from`; true at the end of the table, false
  // at a row that cannot be read.
  bool scan(std::optional<std::int64_t> from, Query& insert, SalvagedTable& result, std::optional<std::int64_t>& last,
            bool& read_any) {
    const std::string first_key = shape_.key.front() == "rowid" ? "rowid" : sql_name(shape_.key.front());
    std::vector<std::string> order;
    for (const auto& k : shape_.key) order.push_back(k == "rowid" ? k : sql_name(k));
    Query select(from_.handle(),
                 fmt::format("SELECT {}, {} FROM {}{} ORDER BY {}", first_key, select_columns_, sql_name(table_.name),
                             from ? fmt::format(" WHERE {} >= ?1", first_key) : "", joined(order, false)));
    if (!select.prepared()) return !from;  // the table itself cannot be read
    if (from) sqlite3_bind_int64(select.get(), 1, *from);
    const int width = sqlite3_column_count(select.get()) - 1;
    for (;;) {
      const int rc = select.step();
      if (rc == SQLITE_DONE) return true;
      if (rc != SQLITE_ROW) return false;
      const std::int64_t key = sqlite3_column_int64(select.get(), 0);
      for (int i = 0; i < width; ++i)
        sqlite3_bind_value(insert.get(), i + 1, sqlite3_column_value(select.get(), i + 1));
      const int put = insert.step();
      sqlite3_reset(insert.get());
      if (put != SQLITE_DONE) {
        throw StoreError(sqlite::error_kind(put),
                         fmt::format("cannot write the salvaged rows of {}: {}", table_.name, sqlite3_errstr(put)));
      }
      result.rows += sqlite3_changes(to_);
      last = std::max(last.value_or(key), key);
      read_any = true;
    }
  }

  enum class Probe { row, none, error };
  // Whether a read from key `at` on finds a row (and which key), none, or fails.
  std::pair<Probe, std::int64_t> probe(std::int64_t at) {
    const std::string first_key = shape_.key.front() == "rowid" ? "rowid" : sql_name(shape_.key.front());
    Query q(from_.handle(),
            fmt::format("SELECT {0} FROM {1} WHERE {0} >= ?1 ORDER BY {0} LIMIT 1", first_key, sql_name(table_.name)));
    if (!q.prepared()) return {Probe::error, 0};
    sqlite3_bind_int64(q.get(), 1, at);
    const int rc = q.step();
    if (rc == SQLITE_ROW) return {Probe::row, sqlite3_column_int64(q.get(), 0)};
    if (rc == SQLITE_DONE) return {Probe::none, 0};
    return {Probe::error, 0};
  }

  // The smallest readable key after `after`: galloping, then halving.
  std::optional<std::int64_t> next_readable(std::int64_t after) {
    std::int64_t bad = after;  // a read from here fails (or it is the last good key)
    std::int64_t step = 1;
    std::optional<std::int64_t> good;
    while (step > 0 && after <= std::numeric_limits<std::int64_t>::max() - step) {
      const auto [kind, key] = probe(after + step);
      if (kind == Probe::none) return std::nullopt;
      if (kind == Probe::row) {
        good = after + step;
        break;
      }
      bad = after + step;
      step = step > std::numeric_limits<std::int64_t>::max() / 2 ? 0 : step * 2;
    }
    if (!good) return std::nullopt;
    while (*good - bad > 1) {
      const std::int64_t mid = bad + (*good - bad) / 2;
      if (probe(mid).first == Probe::row) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return probe(*good).second;
  }

  Connection& from_;
  const SchemaItem& table_;
  TableShape shape_;
  std::string insert_sql_;
  std::string select_columns_;
  sqlite3* to_ = nullptr;
};

// Every row hangs from a user: when a user's row is lost, it is made again
// (named "me", in UTC, since its name and zone are gone) rather than losing
// everything that person logged. Returns how many were made.
std::int64_t restore_lost_users(Connection& db, const std::vector<SchemaItem>& tables) {
  std::int64_t made = 0;
  for (const auto& t : tables) {
    if (t.name == "users") continue;
    Query columns(db.handle(), "SELECT count(*) FROM pragma_table_info(?1) WHERE name = 'user_id'");
    if (!columns.prepared()) continue;
    sqlite3_bind_text(columns.get(), 1, t.name.c_str(), -1, SQLITE_TRANSIENT);
    if (columns.step() != SQLITE_ROW || sqlite3_column_int(columns.get(), 0) == 0) continue;
    db.exec(
        fmt::format("INSERT OR IGNORE INTO users (id, name, time_zone, created_at) "
                    "SELECT DISTINCT user_id, 'me', 'UTC', CAST(strftime('%s', 'now') AS INTEGER) FROM {} "
                    "WHERE user_id IS NOT NULL AND user_id NOT IN (SELECT id FROM users)",
                    sql_name(t.name)));
    made += db.changes();
  }
  return made;
}

// Deletes rows whose parent row was lost, until none is left; returns how many.
std::int64_t drop_orphans(Connection& db, const std::vector<SchemaItem>& tables) {
  std::int64_t dropped = 0;
  for (bool again = true; again;) {
    again = false;
    for (const auto& t : tables) {
      Query keys(db.handle(), fmt::format("PRAGMA foreign_key_list({})", sql_name(t.name)));
      std::vector<std::tuple<std::string, std::string, std::string>> refs;  // parent table, column, parent column
      while (keys.prepared() && keys.step() == SQLITE_ROW) {
        const auto text = [&](int i) {
          const auto* p = sqlite3_column_text(keys.get(), i);
          return p == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(p));
        };
        refs.emplace_back(text(2), text(3), text(4).empty() ? "rowid" : text(4));
      }
      for (const auto& [parent, column, parent_column] : refs) {
        db.exec(fmt::format("DELETE FROM {0} WHERE {1} IS NOT NULL AND {1} NOT IN (SELECT {2} FROM {3})",
                            sql_name(t.name), sql_name(column),
                            parent_column == "rowid" ? parent_column : sql_name(parent_column), sql_name(parent)));
        if (const int n = db.changes(); n > 0) {
          dropped += n;
          again = true;
        }
      }
    }
  }
  return dropped;
}

void copy_private(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::permissions(to, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
}

// A folder that is removed with everything in it when we leave.
struct WorkDir {
  explicit WorkDir(const std::filesystem::path& beside) {
    std::string pattern = (beside / ".daybreak-recover-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw StoreError(StoreError::Kind::io,
                       fmt::format("{}: cannot make a working folder: {}", beside.string(), std::strerror(errno)));
    }
    path = pattern;
  }
  ~WorkDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  std::filesystem::path path;
};

}  // namespace

SalvageReport salvage_database(const std::filesystem::path& damaged, const std::filesystem::path& output) {
  if (!std::filesystem::is_regular_file(damaged)) {
    throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no such file", damaged.string()));
  }
  if (std::filesystem::exists(output)) {
    throw StoreError(StoreError::Kind::conflict,
                     fmt::format("{} already exists; name a new file for what is saved", output.string()));
  }
  const auto folder = output.has_parent_path() ? output.parent_path() : std::filesystem::path(".");
  WorkDir work(folder);
  const auto copy = work.path / "damaged.db";
  copy_private(damaged, copy);
  if (const auto wal = std::filesystem::path(damaged.string() + "-wal"); std::filesystem::exists(wal)) {
    copy_private(wal, copy.string() + "-wal");  // the copy's log: SQLite applies it to the copy only
  }

  Connection from(copy, false, false);
  from.set_operation("reading the list of tables");
  std::vector<SchemaItem> items;
  {
    Query schema(from.handle(),
                 "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                 "ORDER BY rowid");
    int rc = schema.prepared() ? SQLITE_ROW : schema.prepare_error();
    while (schema.prepared() && (rc = schema.step()) == SQLITE_ROW) {
      const auto text = [&](int i) {
        return std::string(reinterpret_cast<const char*>(sqlite3_column_text(schema.get(), i)));
      };
      items.push_back({text(0), text(1), text(2)});
    }
    if (rc != SQLITE_DONE) {
      throw StoreError(StoreError::Kind::corrupt,
                       fmt::format("{}: its list of tables cannot be read ({}), so nothing can be saved from it; "
                                   "restore a backup instead",
                                   damaged.string(), sqlite3_errstr(rc)));
    }
  }
  const auto header = [&](const char* pragma) { return from.query_integer(pragma).value_or(0); };
  const std::int64_t user_version = header("PRAGMA user_version");
  const std::int64_t application_id = header("PRAGMA application_id");
  if (application_id != sqlite::kApplicationId) {
    throw StoreError(StoreError::Kind::foreign,
                     fmt::format("{} is not a daybreak diary; nothing was saved from it", damaged.string()));
  }

  SalvageReport report;
  const auto fresh = work.path / "salvaged.db";
  {
    Connection to(fresh, false, true);
    to.set_operation("writing the salvaged file");
    to.exec("PRAGMA foreign_keys = OFF; PRAGMA journal_mode = DELETE");
    to.exec(fmt::format("PRAGMA user_version = {}; PRAGMA application_id = {}", user_version, application_id));
    std::vector<SchemaItem> tables;
    for (const auto& i : items) {
      if (i.type == "table") {
        to.exec(i.sql);
        tables.push_back(i);
      }
    }
    to.exec("BEGIN");
    for (const auto& t : tables) report.tables.push_back(TableSalvage(from, to, t).run());
    report.users_remade = restore_lost_users(to, tables);
    report.orphans_dropped = drop_orphans(to, tables);
    for (const auto& i : items) {
      if (i.type != "table") to.exec(i.sql);  // indexes, triggers, views: built from the saved rows
    }
    to.exec("COMMIT");
    to.set_operation("checking the salvaged file");
    if (to.query_text("PRAGMA integrity_check").value_or("") != "ok") {
      throw StoreError(
          StoreError::Kind::corrupt,
          fmt::format("the rows saved from {} do not make a sound database; nothing was written", damaged.string()));
    }
  }
  // Readable only by you, as the diary it was saved from (SQLite made it with the umask's mode).
  std::filesystem::permissions(fresh, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::replace);
  fsync_path(fresh, false);
  std::filesystem::rename(fresh, output);
  fsync_path(folder, true);

  // Brought up to date like any diary; then counted, and left as one file
  // (no log beside it), like a backup.
  report.schema_version = SqliteStore(SqliteOptions{output}).schema_version();
  Connection count(output, false, false);
  count.set_operation("counting the saved entries");
  report.entries = count.query_integer("SELECT count(*) FROM entries WHERE deleted_at IS NULL").value_or(0);
  (void)count.query_text("PRAGMA journal_mode = DELETE");
  return report;
}

void move_database_aside(const std::filesystem::path& path, const std::filesystem::path& aside) {
  // Linked first, unlinked after: at every moment one of the two names holds
  // the file together with its log, whatever stops us in between.
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> moves;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::filesystem::path from(path.string() + suffix);
    if (std::filesystem::exists(from)) moves.emplace_back(from, aside.string() + suffix);
  }
  for (const auto& [from, to] : moves) std::filesystem::create_hard_link(from, to);
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  fsync_path(folder, true);
  for (auto it = moves.rbegin(); it != moves.rend(); ++it)
    std::filesystem::remove(it->first);  // the log before the file
  fsync_path(folder, true);
}

}  // namespace daybreak
