// What the store's queries need from a SQL database, whichever it is: a
// statement bound by 1-based index (written `?1`, `?2` in the SQL), stepped row
// by row, and a connection that prepares them and says what a write changed.
// SQLite (sqlite.hpp) and PostgreSQL (pg.hpp) implement it, so the queries of
// sql_diary.cpp and the other capability files are written once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/store_error.hpp"

namespace daybreak::sql {

class Statement {
 public:
  virtual ~Statement() = default;
  Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds by 1-based index. Returns *this so binds can be chained.
  Statement& bind(int index, std::int64_t value) {
    bind_integer(index, value);
    return *this;
  }
  Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  Statement& bind(int index, std::string_view value) {
    bind_text(index, value);
    return *this;
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::nullopt_t) {
    bind_null(index);
    return *this;
  }
  Statement& bind(int index, double value) {
    bind_real(index, value);
    return *this;
  }
  template <class T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
  }

  // Steps once: true if a row is ready to read, false when done.
  virtual bool step() = 0;
  // Steps a statement that returns no rows.
  virtual void run() = 0;
  // Resets for reuse and clears bindings.
  virtual void reset() = 0;
  // Runs an `INSERT ... RETURNING id` (SQLite and PostgreSQL both have it)
  // and gives the new row's id: one round trip, where asking after is two.
  std::int64_t insert() {
    if (!step()) throw StoreError(StoreError::Kind::io, "an INSERT gave back no id");
    const std::int64_t id = integer(0);
    run();
    return id;
  }

  [[nodiscard]] virtual bool is_null(int column) const = 0;
  // An integer column; a true/false one (PostgreSQL's boolean) reads as 1 or 0.
  [[nodiscard]] virtual std::int64_t integer(int column) const = 0;
  [[nodiscard]] std::string text(int column) const { return std::string(text_view(column)); }
  // The same text without a copy: valid until the next step() or reset().
  [[nodiscard]] virtual std::string_view text_view(int column) const = 0;
  [[nodiscard]] virtual std::optional<std::int64_t> optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
  }
  [[nodiscard]] virtual double real(int column) const = 0;

  // What a row holds, for code that copies rows whatever their table.
  enum class Kind : std::uint8_t { null, integer, real, text };
  [[nodiscard]] virtual int column_count() const = 0;
  [[nodiscard]] virtual std::string column_name(int column) const = 0;
  [[nodiscard]] virtual Kind column_kind(int column) const = 0;

 protected:
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_null(int index) = 0;
  virtual void bind_real(int index, double value) = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;
  Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A statement for `sql`, kept for reuse on this connection and reset before it.
  virtual Statement& prepare(std::string_view sql) = 0;
  // A one-off value: the first column of the first row, or nullopt.
  std::optional<std::int64_t> query_integer(std::string_view sql) {
    Statement& s = prepare(sql);
    std::optional<std::int64_t> v;
    if (s.step()) v = s.optional_integer(0);
    s.reset();
    return v;
  }
  std::optional<std::string> query_text(std::string_view sql) {
    Statement& s = prepare(sql);
    std::optional<std::string> v;
    if (s.step() && !s.is_null(0)) v = s.text(0);
    s.reset();
    return v;
  }
  // The id the last INSERT gave its row.
  [[nodiscard]] virtual std::int64_t last_insert_id() = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  [[nodiscard]] virtual int changes() const = 0;
  // Where the data is, for messages: a file's path or a server's database.
  [[nodiscard]] virtual std::string where() const = 0;
  // A row was written with an id of its own (an import keeps its numbers):
  // a database that hands out ids from a counter moves it past `id`.
  virtual void took_id(std::string_view table, std::int64_t id) {
    (void)table;
    (void)id;
  }
  // Write transactions that name the same `key` here run one after the other
  // from this call to their end, so that what one reads the other has written
  // (a count checked, then added to). SQLite's writes are one at a time
  // already; PostgreSQL takes a transaction-level advisory lock.
  virtual void serialize_on(std::string_view key) { (void)key; }

  // The operation named in error messages: "saving the entry".
  void set_operation(std::string_view what) { operation_ = what; }
  [[nodiscard]] const std::string& operation() const { return operation_; }

 protected:
  std::string operation_ = "opening the database";  // read by the backends' error messages
};

}  // namespace daybreak::sql
