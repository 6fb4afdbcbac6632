#include "store/pg.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <poll.h>

namespace daybreak::pg {
namespace {

// Type OIDs from PostgreSQL's catalogue (pg_type.dat), stable across versions.
constexpr unsigned kInt8 = 20;
constexpr unsigned kText = 25;
constexpr unsigned kFloat8 = 701;
constexpr unsigned kBool = 16;
constexpr unsigned kInt2 = 21;
constexpr unsigned kInt4 = 23;
constexpr unsigned kFloat4 = 700;
constexpr unsigned kNumeric = 1700;

// Seconds to wait for a connection (libpq's connect_timeout), unless told.
constexpr const char* kConnectTimeout = "10";

// The store's error kind for a SQLSTATE (PostgreSQL's appendix A).
StoreError::Kind kind_of(std::string_view state) {
  if (state.starts_with("23")) return StoreError::Kind::conflict;  // integrity constraint violation
  // A serialization failure, a deadlock, or a wait past the database's own
  // limits (lock_timeout: 55P03; statement_timeout, or a cancel: 57014):
  // try again in a moment.
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") return StoreError::Kind::busy;
  if (state == "53100") return StoreError::Kind::full;
  // A connection lost or refused, the server shutting down or starting up, a
  // standby that takes no writes: try again later (or write to the primary).
  if (state.starts_with("08") || state.starts_with("57P") || state == "25006") return StoreError::Kind::unavailable;
  if (state == "XX001" || state == "XX002") return StoreError::Kind::corrupt;
  return StoreError::Kind::io;
}

// libpq's messages end with a newline and may hold several lines.
std::string one_line(const char* text) {
  std::string s = text != nullptr ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

}  // namespace

Numbered number_parameters(std::string_view sql) {
  Numbered out;
  out.sql.reserve(sql.size());
  char quote = 0;  // inside '...' or "..."
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      out.sql += c;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out.sql += c;
      continue;
    }
    if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      int n = 0;
      std::size_t j = i + 1;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      out.sql += fmt::format("${}", n);
      out.parameters = std::max(out.parameters, n);
      if (out.used.size() < static_cast<std::size_t>(n)) out.used.resize(static_cast<std::size_t>(n), false);
      out.used[static_cast<std::size_t>(n - 1)] = true;
      i = j - 1;
      continue;
    }
    out.sql += c;
  }
  return out;
}

std::string describe(pg_conn* conn) {
  if (conn == nullptr) return "the PostgreSQL database";
  const char* host = PQhost(conn);
  std::string where = fmt::format("PostgreSQL database {}", PQdb(conn) != nullptr ? PQdb(conn) : "?");
  if (host != nullptr && host[0] != '\0') {
    where += fmt::format(" on {}", host[0] == '/' ? std::string("a local socket") : std::string(host));
    if (const char* port = PQport(conn); port != nullptr && port[0] != '\0') where += fmt::format(":{}", port);
  }
  return where;
}

// ---- Connection ----

Connection::Connection(const std::string& conninfo, std::chrono::milliseconds answer_within)
    : answer_within_(answer_within) {
  set_operation("connecting to the database");
  // A server that does not answer (a lost machine) would hold each request
  // for TCP's own timeout, some two minutes: daybreak gives up after
  // kConnectTimeout unless the connection string or PGCONNECT_TIMEOUT says
  // otherwise (given before the string, which overrides it).
  std::vector<const char*> keywords;
  std::vector<const char*> values;
  if (std::getenv("PGCONNECT_TIMEOUT") == nullptr) {
    keywords.push_back("connect_timeout");
    values.push_back(kConnectTimeout);
  }
  keywords.insert(keywords.end(), {"dbname", nullptr});
  values.insert(values.end(), {conninfo.c_str(), nullptr});
  conn_ = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  where_ = describe(conn_);
  if (conn_ == nullptr) throw StoreError(StoreError::Kind::io, "cannot reach PostgreSQL: out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string says = one_line(PQerrorMessage(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError(StoreError::Kind::unavailable, fmt::format("{}: cannot connect: {}", where_, says));
  }
  // Quiet notices (they would go to stderr), and UTC for any time the server shows.
  PQsetNoticeProcessor(
      conn_, [](void*, const char*) {}, nullptr);
  exec("SET TIME ZONE 'UTC'");
}

Connection::~Connection() {
  cache_.clear();
  if (conn_ != nullptr) PQfinish(conn_);
}

bool Connection::ok() const { return !lost_ && conn_ != nullptr && PQstatus(conn_) == CONNECTION_OK; }

bool Connection::in_transaction() const {
  if (unread_) return false;  // its end is on the way (end_later)
  const auto status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

bool Connection::transaction_failed() const { return !unread_ && PQtransactionStatus(conn_) == PQTRANS_INERROR; }

StoreError Connection::error(const pg_result* result, std::string_view detail) const {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string says = one_line(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  // Without a SQLSTATE the error is libpq's own: the connection itself
  // failed (the server went away). libpq may still call it healthy: a write
  // that failed while the server's last words were still unread leaves its
  // status OK. It is lost all the same, and never lent again.
  if (state == nullptr) lost_ = true;
  const StoreError::Kind kind = state != nullptr ? kind_of(state) : StoreError::Kind::unavailable;
  std::string message = fmt::format("{}: {} failed: {}", where_, operation_, says);
  if (!detail.empty()) message += fmt::format(" ({})", detail);
  if (kind == StoreError::Kind::full) message += "; the server's disk is full, nothing was saved";
  if (state != nullptr && std::string_view(state) == "25006") {
    message += "; this database takes no writes (a standby?): daybreak writes to the primary, nothing was saved";
  }
  return StoreError(kind, message);
}

std::optional<std::int64_t> Connection::exec(std::string_view sql) {
  throw_unread();
  std::string text(sql);
  if (actor_pending_) {
    // Simple-query text: the acting user is a number of ours (or empty).
    text = fmt::format("{}SELECT set_config('daybreak.user_id', '{}', true); {}", begin_ ? *begin_ + "; " : "",
                       acting_user_, sql);
    begin_.reset();
    actor_pending_ = false;
  }
  if (PQsendQuery(conn_, text.c_str()) != 1) fail(nullptr, sql.substr(0, 80));
  const Result r{answer()};
  const auto status = PQresultStatus(r.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r.get(), sql.substr(0, 80));
  if (status != PGRES_TUPLES_OK || PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0) == 1) return std::nullopt;
  return std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
}

void Connection::begin_with_next(std::string begin, std::string acting_user) {
  begin_ = std::move(begin);
  act_as_with_next(std::move(acting_user));
}

void Connection::act_as_with_next(std::string acting_user) {
  acting_user_ = std::move(acting_user);
  actor_pending_ = true;
}

bool Connection::abandon_begin() {
  const bool never_sent = begin_.has_value();
  begin_.reset();
  actor_pending_ = false;
  return never_sent;
}

void Connection::end_later(std::string_view sql) {
  throw_unread();
  if (PQsendQuery(conn_, std::string(sql).c_str()) != 1) fail(nullptr, sql);
  unread_ = true;
}

bool Connection::settle() noexcept {
  if (unread_) {
    unread_ = false;
    bool fine = true;
    while (const Result r{wait_for_answer() ? PQgetResult(conn_) : nullptr}) {
      const auto status = PQresultStatus(r.get());
      if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fine = false;
    }
    if (!fine || PQtransactionStatus(conn_) != PQTRANS_IDLE) {
      lost_ = true;
      return false;
    }
  }
  if (!ok()) return false;
  // An idle connection whose server went away (a restart, a failover, the
  // backend ended) has its goodbye waiting on the socket, where a healthy
  // one has nothing: asked without waiting, so that it is dropped here,
  // before a request uses it. (A rare harmless message, such as a standby's
  // promotion reported to its clients, costs one new connection.)
  pollfd idle{.fd = PQsocket(conn_), .events = POLLIN, .revents = 0};
  return ::poll(&idle, 1, 0) == 0;
}

void Connection::Clear::operator()(PGresult* r) const { PQclear(r); }

bool Connection::wait_for_answer() noexcept {
  if (answer_within_.count() <= 0) return true;
  const auto until = std::chrono::steady_clock::now() + answer_within_;
  while (PQisBusy(conn_) == 1) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      lost_ = true;
      return false;
    }
    if (PQsocket(conn_) < 0) return true;  // no socket to wait on: PQgetResult reports the broken connection
    pollfd socket{.fd = PQsocket(conn_), .events = POLLIN, .revents = 0};
    const int ready = ::poll(&socket, 1, static_cast<int>(std::min<long long>(left, 60'000)));
    if (ready < 0 && errno != EINTR) return true;              // PQgetResult reports it
    if (ready > 0 && PQconsumeInput(conn_) == 0) return true;  // broken: PQgetResult says so
  }
  return true;
}

StoreError Connection::no_answer() const {
  lost_ = true;
  return StoreError(StoreError::Kind::unavailable,
                    fmt::format("{}: {} failed: the database did not answer within {} s", where_, operation_,
                                std::chrono::duration_cast<std::chrono::seconds>(answer_within_).count()));
}

PGresult* Connection::next_result() {
  if (!wait_for_answer()) throw no_answer();
  return PQgetResult(conn_);
}

PGresult* Connection::answer() {
  Result kept;
  bool kept_failed = false;
  while (Result r{next_result()}) {
    if (kept_failed) continue;  // the first failure is the answer
    const auto status = PQresultStatus(r.get());
    kept_failed = status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK;
    kept = std::move(r);
  }
  return kept.release();  // nothing at all: the connection failed (PQerrorMessage says how)
}

void Connection::throw_unread() {
  if (unread_ && !settle()) {
    throw StoreError(StoreError::Kind::unavailable, fmt::format("{}: ending the last transaction failed: {}", where_,
                                                                one_line(PQerrorMessage(conn_))));
  }
}

PGresult* Connection::execute_with_begin(const std::string& sql, int count, const unsigned* types,
                                         const char* const* values) {
  const std::optional<std::string> begin = std::move(begin_);
  begin_.reset();
  actor_pending_ = false;
  const char* actor[] = {acting_user_.c_str()};
  const Oid actor_type[] = {kText};
  // Two or three statements, one sync: the server answers them in one go.
  const std::size_t count_sent = begin ? 3 : 2;
  const auto* oids = reinterpret_cast<const Oid*>(types);
  const bool sent =
      PQenterPipelineMode(conn_) == 1 &&
      (!begin || PQsendQueryParams(conn_, begin->c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) == 1) &&
      PQsendQueryParams(conn_, "SELECT set_config('daybreak.user_id', $1, true)", 1, actor_type, actor, nullptr,
                        nullptr, 0) == 1 &&
      PQsendQueryParams(conn_, sql.c_str(), count, oids, values, nullptr, nullptr, 0) == 1 &&
      PQpipelineSync(conn_) == 1;
  std::array<Result, 3> got;
  if (sent) {
    for (std::size_t i = 0; i < count_sent; ++i) {
      got[i].reset(next_result());
      if (!got[i]) break;
      // a statement's results end with nothing
      while (Result(next_result())) {
      }
    }
    const Result sync{next_result()};  // the pipeline's end
  }
  // Results left unread (the connection broke midway) keep it in pipeline
  // mode, where nothing else can be sent: it is lost.
  if (PQexitPipelineMode(conn_) != 1) lost_ = true;
  const std::size_t last = count_sent - 1;
  for (std::size_t i = 0; i < last; ++i) {
    const auto status = PQresultStatus(got[i].get());
    if (!got[i] || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) {
      throw error(got[i].get(), i + 1 < last ? "beginning a transaction" : "setting the acting user");
    }
  }
  return got[last].release();  // the statement's: the caller reads (or reports) it
}

Statement& Connection::prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) {
    it->second->reset();
    return *it->second;
  }
  auto made = std::make_unique<Statement>(*this, sql);
  Statement& s = *made;
  cache_.emplace(std::string(sql), std::move(made));
  return s;
}

std::int64_t Connection::last_insert_id() {
  // The last value this session's sequences handed out: the INSERT's own id.
  return query_integer("SELECT lastval()").value_or(0);
}

void Connection::took_id(std::string_view table, std::int64_t id) {
  // A row kept its own id: the table's sequence moves past it, so the next
  // new row does not collide with it.
  prepare(
      "SELECT setval(q.s, greatest(?2, coalesce(pg_sequence_last_value(q.s), 1))) "
      "FROM (SELECT pg_get_serial_sequence(?1, 'id')::regclass AS s) q")
      .bind(1, table)
      .bind(2, id)
      .run();
}

void Connection::serialize_on(std::string_view key) {
  // Released by the COMMIT or ROLLBACK, so a pooled connection keeps nothing.
  prepare("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").bind(1, key).run();
}

// ---- Statement ----

Statement::Statement(Connection& db, std::string_view sql) : db_(&db) {
  Numbered numbered = number_parameters(sql);
  sql_ = std::move(numbered.sql);
  used_ = std::move(numbered.used);
  values_.resize(static_cast<std::size_t>(numbered.parameters));
  types_.assign(static_cast<std::size_t>(numbered.parameters), 0);
}

Statement::~Statement() {
  if (result_ != nullptr) PQclear(result_);
}

void Statement::set(int index, std::optional<std::string> value, unsigned type) {
  if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
    // Our mistake, not the connection's: it stays usable.
    throw StoreError(StoreError::Kind::io,
                     fmt::format("{}: parameter {} is not in the statement ({})", db_->where(), index, sql_));
  }
  values_[static_cast<std::size_t>(index - 1)] = std::move(value);
  types_[static_cast<std::size_t>(index - 1)] = type;
}

void Statement::bind_integer(int index, std::int64_t value) { set(index, std::to_string(value), kInt8); }
void Statement::bind_text(int index, std::string_view value) { set(index, std::string(value), kText); }
void Statement::bind_null(int index) { set(index, std::nullopt, 0); }
void Statement::bind_real(int index, double value) { set(index, fmt::format("{}", value), kFloat8); }

void Statement::execute() {
  std::vector<const char*> values(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    values[i] = values_[i] ? values_[i]->c_str() : nullptr;
    if (!used_[i]) types_[i] = kText;  // a number the SQL skips still needs a type
  }
  db_->throw_unread();
  if (db_->actor_pending_) {
    result_ = db_->execute_with_begin(sql_, static_cast<int>(values.size()), types_.data(), values.data());
  } else {
    result_ = PQsendQueryParams(db_->conn_, sql_.c_str(), static_cast<int>(values.size()),
                                reinterpret_cast<const Oid*>(types_.data()), values.data(), nullptr, nullptr, 0) == 1
                  ? db_->answer()
                  : nullptr;
  }
  const auto status = PQresultStatus(result_);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const StoreError e = db_->error(result_);
    PQclear(result_);
    result_ = nullptr;
    throw e;
  }
  rows_ = PQntuples(result_);
  const char* changed = PQcmdTuples(result_);
  db_->changes_ = changed != nullptr && changed[0] != '\0' ? std::atoi(changed) : 0;
  row_ = -1;
}

bool Statement::step() {
  if (result_ == nullptr) execute();
  if (row_ + 1 >= rows_) {
    row_ = rows_;
    return false;
  }
  ++row_;
  return true;
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  if (result_ != nullptr) PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  rows_ = 0;
  for (auto& v : values_) v.reset();
  std::fill(types_.begin(), types_.end(), 0U);
}

bool Statement::is_null(int column) const { return PQgetisnull(result_, row_, column) != 0; }

std::int64_t Statement::integer(int column) const {
  const std::string_view v = text_view(column);
  if (v == "t") return 1;  // a boolean expression's value
  if (v == "f") return 0;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || end != v.data() + v.size()) {
    throw StoreError(StoreError::Kind::corrupt,
                     fmt::format("{}: stored data is damaged: '{}' is not a whole number", db_->where(), v));
  }
  return n;
}

std::string_view Statement::text_view(int column) const {
  if (PQgetisnull(result_, row_, column) != 0) return {};
  return {PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column))};
}

double Statement::real(int column) const { return std::strtod(PQgetvalue(result_, row_, column), nullptr); }

int Statement::column_count() const { return result_ != nullptr ? PQnfields(result_) : 0; }

std::string Statement::column_name(int column) const { return PQfname(result_, column); }

Statement::Kind Statement::column_kind(int column) const {
  if (PQgetisnull(result_, row_, column) != 0) return Kind::null;
  switch (PQftype(result_, column)) {
    case kInt8:
    case kInt4:
    case kInt2:
    case kBool:
      return Kind::integer;
    case kFloat8:
    case kFloat4:
    case kNumeric:
      return Kind::real;
    default:
      return Kind::text;
  }
}

}  // namespace daybreak::pg
