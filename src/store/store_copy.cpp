#include "store/store_copy.hpp"

#include <fmt/format.h>

#include "store/sql_transaction.hpp"

namespace daybreak {
namespace {

struct Table {
  std::string_view name;
  std::string_view key;  // its primary key: the order rows are read and compared in
  bool has_id;           // an `id` its database hands out
};

// Parents before children (foreign keys), every table of the schema
// (StoreCopy.EveryTableOfTheSchemaIsCopied checks it against both databases).
constexpr Table kTables[] = {
    {"users", "id", true},
    {"sleep_items", "id", true},
    {"entries", "id", true},
    {"entry_medications", "entry_id, position", false},
    {"entry_factors", "entry_id, name", false},
    {"entry_pillows", "entry_id, item_id", false},
    {"entry_revisions", "entry_id, revision", false},
    {"sessions", "id", true},
    {"session_exercises", "session_id, position", false},
    {"exercise_levels", "user_id, exercise", false},
    {"program_stages", "user_id, program", false},
    {"settings", "user_id, key", false},
    {"screening_events", "id", true},
    {"questionnaire_responses", "id", true},
    {"experiments", "id", true},
    {"experiment_nights", "experiment_id, night", false},
    {"progression_decisions", "id", true},
    {"devices", "id", true},
    {"accounts", "user_id", false},
    {"sign_ins", "id", true},
    {"grants", "id", true},
    {"audit_events", "id", true},
    {"sign_in_failures", "id", true},
};

// Each database's own count of every person's writes (PostgreSQL's kept views
// are keyed by it): not copied; the copy's own writes count in the copy.
constexpr std::string_view kNotCopied[] = {"person_changes"};

sql::Connection& connection_of(StoreReader& tx) {
  auto* t = dynamic_cast<sql::Transaction*>(&tx);
  if (t == nullptr) throw StoreError(StoreError::Kind::io, "this store cannot be copied row by row");
  return t->connection();
}

// One value as text that is equal on both databases exactly when the values
// are: its kind, then the value (a number in its shortest exact form).
void append_value(std::string& out, const sql::Statement& s, int column) {
  switch (s.column_kind(column)) {
    case sql::Statement::Kind::null:
      out += "n;";
      break;
    case sql::Statement::Kind::integer:
      out += fmt::format("i{};", s.integer(column));
      break;
    case sql::Statement::Kind::real:
      out += fmt::format("r{};", s.real(column));
      break;
    case sql::Statement::Kind::text: {
      const std::string_view t = s.text_view(column);
      out += fmt::format("t{}:", t.size());
      out += t;
      break;
    }
  }
}

// A table's rows in key order, each as append_value's text, with its count.
struct Digest {
  std::int64_t rows = 0;
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  void add(std::string_view row) {
    ++rows;
    for (const char c : row) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
    hash ^= 0xFF;  // the end of a row
    hash *= 1099511628211ULL;
  }
  bool operator==(const Digest&) const = default;
};

Digest digest(sql::Connection& db, const Table& t) {
  db.set_operation(fmt::format("comparing {}", t.name));
  sql::Statement& s = db.prepare(fmt::format("SELECT * FROM {} ORDER BY {}", t.name, t.key));
  Digest d;
  std::string row;
  while (s.step()) {
    row.clear();
    for (int c = 0; c < s.column_count(); ++c) {
      row += s.column_name(c);
      row += '=';
      append_value(row, s, c);
    }
    d.add(row);
  }
  s.reset();
  return d;
}

std::int64_t copy_table(sql::Connection& from, sql::Connection& to, const Table& t) {
  from.set_operation(fmt::format("reading {}", t.name));
  to.set_operation(fmt::format("writing {}", t.name));
  sql::Statement& read = from.prepare(fmt::format("SELECT * FROM {} ORDER BY {}", t.name, t.key));
  sql::Statement* write = nullptr;
  std::int64_t rows = 0;
  std::int64_t highest_id = 0;
  while (read.step()) {
    const int columns = read.column_count();
    if (write == nullptr) {
      std::string names;
      std::string values;
      for (int c = 0; c < columns; ++c) {
        names += fmt::format("{}{}", c == 0 ? "" : ", ", read.column_name(c));
        values += fmt::format("{}?{}", c == 0 ? "" : ", ", c + 1);
      }
      write = &to.prepare(fmt::format("INSERT INTO {} ({}) VALUES ({})", t.name, names, values));
    }
    for (int c = 0; c < columns; ++c) {
      switch (read.column_kind(c)) {
        case sql::Statement::Kind::null:
          write->bind(c + 1, std::nullopt);
          break;
        case sql::Statement::Kind::integer:
          write->bind(c + 1, read.integer(c));
          break;
        case sql::Statement::Kind::real:
          write->bind(c + 1, read.real(c));
          break;
        case sql::Statement::Kind::text:
          write->bind(c + 1, read.text_view(c));
          break;
      }
      if (t.has_id && read.column_name(c) == "id") highest_id = std::max(highest_id, read.integer(c));
    }
    write->run();
    ++rows;
  }
  read.reset();
  if (highest_id > 0) to.took_id(t.name, highest_id);
  return rows;
}

}  // namespace

std::vector<std::string_view> store_tables_not_copied() { return {std::begin(kNotCopied), std::end(kNotCopied)}; }

const std::vector<std::string_view>& store_tables() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Table& t : kTables) out.push_back(t.name);
    return out;
  }();
  return names;
}

std::vector<TableCopied> copy_store(const Store& from, Store& to) {
  auto source = from.read();
  auto target = to.write();
  sql::Connection& in = connection_of(*source);
  sql::Connection& out = connection_of(*target);
  for (const Table& t : kTables) {
    out.set_operation(fmt::format("checking that {} is empty", t.name));
    sql::Statement& any = out.prepare(fmt::format("SELECT count(*) FROM {}", t.name));
    const std::int64_t held = any.step() ? any.integer(0) : 0;
    any.reset();
    if (held > 0) {
      throw StoreError(StoreError::Kind::conflict,
                       fmt::format("{} already holds data ({} row{} in {}); daybreak copies only into an empty "
                                   "database, and nothing was changed",
                                   to.location(), held, held == 1 ? "" : "s", t.name));
    }
  }
  std::vector<TableCopied> copied;
  for (const Table& t : kTables) copied.push_back(TableCopied{t.name, copy_table(in, out, t)});
  for (const Table& t : kTables) {
    if (digest(in, t) != digest(out, t)) {
      throw StoreError(StoreError::Kind::io, fmt::format("{} read back from {} differs from {}; the copy was undone",
                                                         t.name, to.location(), from.location()));
    }
  }
  target->commit();
  return copied;
}

}  // namespace daybreak
