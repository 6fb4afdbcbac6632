// A thin RAII layer over libpq, PostgreSQL's C client, implementing the
// store's SQL interface (sql.hpp). Every statement is sent as an unnamed,
// parameterised one (PQsendQueryParams): the values never enter the SQL text, and
// nothing is left prepared on the server, which a pgbouncer in transaction
// mode requires (Debian 12's 1.18 cannot carry named prepared statements
// between clients). The store's `?1` parameters become PostgreSQL's `$1`.
//
// libpq rather than libpqxx: the store binds its values by index at run time
// and reads columns by index, which is libpq's own model; libpqxx 6.4 would add
// a layer (and its exceptions) over the same calls and nothing the store uses.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql.hpp"
#include "store/store_error.hpp"

struct pg_conn;
struct pg_result;

namespace daybreak::pg {

class Connection;

// `?1` ... `?99` to `$1` ... `$99`, outside quoted strings and identifiers;
// also the highest number used.
struct Numbered {
  std::string sql;
  int parameters = 0;
  std::vector<bool> used;  // by number - 1: a number below the highest may go unused
};
[[nodiscard]] Numbered number_parameters(std::string_view sql);

class Statement final : public sql::Statement {
 public:
  Statement(Connection& db, std::string_view sql);
  ~Statement() override;

  bool step() override;
  void run() override;
  void reset() override;

  [[nodiscard]] bool is_null(int column) const override;
  [[nodiscard]] std::int64_t integer(int column) const override;
  [[nodiscard]] std::string_view text_view(int column) const override;
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
  void set(int index, std::optional<std::string> value, unsigned type);
  void execute();

  Connection* db_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<unsigned> types_;  // the parameters' type OIDs; 0 lets the server infer (a NULL)
  std::vector<bool> used_;
  pg_result* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

class Connection final : public sql::Connection {
 public:
  // Connects with a libpq connection string or postgresql:// URI. The password,
  // if the URI has one, appears in no message. `answer_within` (zero: no
  // limit) bounds each wait for the server's answer: a database that hangs
  // without failing (its disk frozen, its machine stopped) fails the
  // statement as unavailable instead of holding it for as long as it hangs.
  explicit Connection(const std::string& conninfo,
                      std::chrono::milliseconds answer_within = std::chrono::milliseconds{0});
  ~Connection() override;

  // Runs statements without parameters (BEGIN, COMMIT, DDL); gives the last
  // one's first value when it answered a number (a commit's version).
  std::optional<std::int64_t> exec(std::string_view sql);

  // A transaction's beginning, sent with the first statement that follows
  // (in libpq's pipeline mode: one round trip for the three): `begin` (BEGIN
  // ...), then the acting user set for the transaction alone (empty: none).
  void begin_with_next(std::string begin, std::string acting_user);
  // Another acting user for the rest of the open transaction, set with the
  // next statement (the same message).
  void act_as_with_next(std::string acting_user);
  // Whether nothing was sent since begin_with_next (the transaction need not
  // end: it never began); clears it.
  [[nodiscard]] bool abandon_begin();
  // Sends `sql` (a read's ROLLBACK) and goes on without waiting for its
  // answer, which the next use of the connection reads first.
  void end_later(std::string_view sql);
  // Reads what end_later left unread (and, with nothing unread, whatever the
  // server sent an idle connection, without waiting); false when it failed or
  // the connection broke, its server gone (then it is not to be used again).
  [[nodiscard]] bool settle() noexcept;
  Statement& prepare(std::string_view sql) override;
  [[nodiscard]] std::int64_t last_insert_id() override;
  [[nodiscard]] int changes() const override { return changes_; }
  [[nodiscard]] std::string where() const override { return where_; }
  void took_id(std::string_view table, std::int64_t id) override;
  void serialize_on(std::string_view key) override;

  // Whether the connection is usable (a server restart breaks it).
  [[nodiscard]] bool ok() const;
  // Whether a transaction is open (or failed and not yet rolled back).
  [[nodiscard]] bool in_transaction() const;
  // Whether the open transaction failed (only a ROLLBACK is taken now).
  [[nodiscard]] bool transaction_failed() const;

  // The StoreError for a failed result (nullptr: the connection's own error);
  // fail() throws it.
  [[nodiscard]] StoreError error(const pg_result* result, std::string_view detail = {}) const;
  [[noreturn]] void fail(const pg_result* result, std::string_view detail = {}) const { throw error(result, detail); }

  [[nodiscard]] pg_conn* handle() const { return conn_; }

 private:
  friend class Statement;
  // Sends what begin_with_next or act_as_with_next left with the statement
  // `sql` (pipeline mode) and gives the statement's result; exec() sends it
  // in its own message.
  [[nodiscard]] pg_result* execute_with_begin(const std::string& sql, int count, const unsigned* types,
                                              const char* const* values);
  void throw_unread();
  // Waits until an answer can be read without blocking; false when none came
  // within answer_within_ (the connection is then lost).
  [[nodiscard]] bool wait_for_answer() noexcept;
  // A result, owned: cleared whichever way its owner goes.
  struct Clear {
    void operator()(pg_result* r) const;
  };
  using Result = std::unique_ptr<pg_result, Clear>;
  // The next result of what was sent (nullptr: no more); throws when the
  // server does not answer in time.
  [[nodiscard]] pg_result* next_result();
  // The answer to what was sent (the first failed result, else the last), as
  // PQexec gives it; throws when the server does not answer in time.
  [[nodiscard]] pg_result* answer();
  [[nodiscard]] StoreError no_answer() const;

  pg_conn* conn_ = nullptr;
  std::optional<std::string> begin_;  // a BEGIN not yet sent
  std::string acting_user_;
  bool actor_pending_ = false;  // acting_user_ not yet set (after begin_, if any)
  bool unread_ = false;         // end_later's answer not yet read
  mutable bool lost_ = false;   // broken midway, whatever libpq says: never used again
  std::chrono::milliseconds answer_within_{0};
  std::string where_;
  int changes_ = 0;
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// A connection string's words for people: the database, user, host and port,
// never the password.
[[nodiscard]] std::string describe(pg_conn* conn);

}  // namespace daybreak::pg
