#include "store/pg_store.hpp"

#include <exception>

#include <fmt/format.h>

#include "store/acting_user.hpp"
#include "store/pg_schema.hpp"
#include "store/request_versions.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak {
namespace {

// "DYBR", as SQLite's application_id: the advisory lock migrations take.
constexpr std::int64_t kMigrationLock = 0x44594252;

constexpr std::string_view kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// The acting user for row-level security, as the database is told it ("":
// none, and then no person's rows).
std::string acting_user_words() {
  const auto actor = ActingUser::current();
  return actor ? std::to_string(actor->value) : std::string();
}

// Ends what `c` began (a write not committed keeps nothing; a read simply
// ends) without waiting: the next use of the connection reads the answer.
void end_without_waiting(pg::Connection& c) noexcept {
  if (!c.ok() || c.abandon_begin() || !c.in_transaction()) return;
  try {
    c.end_later("ROLLBACK");
  } catch (const StoreError&) {
    // a broken connection is dropped when given back
  }
}

// A transaction on a lent connection. A read is a REPEATABLE READ, READ ONLY
// snapshot; a write commits on its own, then moves the store's version.
class PgTransaction final : public sql::Transaction {
 public:
  PgTransaction(PgStore::Lease lease, PgStore* writer)
      : sql::Transaction(*lease), lease_(std::move(lease)), writer_(writer) {
    lease_->set_operation(writer_ != nullptr ? "starting a write" : "starting a read");
    // The acting user for row-level security is set local to the transaction
    // (never a session SET, which would stay on a pooled connection for its
    // next client); none: no person's rows. Both go with the first statement.
    lease_->begin_with_next(std::string(writer_ != nullptr ? "BEGIN" : kBeginRead), acting_user_words());
  }
  ~PgTransaction() override {
    if (!done_) end_without_waiting(*lease_);
  }
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;

  void commit() override {
    lease_->set_operation("committing");
    if (lease_->abandon_begin() || writer_ == nullptr) {
      // Nothing was read or written: nothing to end. A read ends as a
      // rollback does, without waiting.
      done_ = true;
      if (writer_ == nullptr && lease_->in_transaction()) lease_->end_later("COMMIT");
      return;
    }
    // The people whose rows changed (noted by the database, schema version
    // 11) are counted last, inside the write; the database's version moves
    // after the COMMIT (so that a server that sees it moved also sees the
    // write). One message, one round trip; a statement that fails stops the
    // message there, and nothing moves.
    const auto asked = VersionReads::Clock::now();
    const auto version = lease_->exec("SELECT daybreak_count_changes(); COMMIT; SELECT nextval('daybreak_commits')");
    done_ = true;
    writer_->committed(version.value_or(0), asked);
    RequestVersions::forget();  // this request's write moved them
  }

 private:
  PgStore::Lease lease_;
  PgStore* writer_;
  bool done_ = false;
};

// The read transaction a request's reads share (on this thread): begun by
// its first read, ended by its own write or when the request ends; a read
// for another acting user sets that user in it. Each read of the request was
// a BEGIN, the acting user and a ROLLBACK around its queries; now the
// request pays them once. A version read inside it answers for the same
// snapshot as the reads.
struct SharedRead {
  const PgStore* store = nullptr;
  PgStore::Lease lease;
  std::string actor;
  bool in_use = false;  // a reader holds it now
  bool stale = false;   // to end once that reader is done
};
thread_local SharedRead shared;

void end_shared_read() noexcept {
  PgStore::Lease lease = std::move(shared.lease);
  shared = SharedRead{};
  if (lease) end_without_waiting(*lease);
}

// The request's end (or its write): a reader still holding the transaction
// ends it when it is done.
void end_shared_read_when_free() noexcept {
  if (shared.in_use) {
    shared.stale = true;
  } else {
    end_shared_read();
  }
}

// A reader lent the request's read transaction: done, it leaves it open for
// the request's next read, unless a statement failed (then it ends it).
class PgSharedReader final : public sql::Transaction {
 public:
  explicit PgSharedReader(pg::Connection& c) : sql::Transaction(c) { shared.in_use = true; }
  ~PgSharedReader() override {
    shared.in_use = false;
    if (shared.stale || !shared.lease->ok() || shared.lease->transaction_failed()) end_shared_read();
  }
  PgSharedReader(const PgSharedReader&) = delete;
  PgSharedReader& operator=(const PgSharedReader&) = delete;
  void commit() override {}
};

// Whether the request's read transaction is open and free: a version read
// in it answers for the same snapshot as the request's reads.
bool request_read_free(const PgStore& store) {
  return shared.store == &store && shared.lease && !shared.in_use && !shared.stale;
}

// The connection for a version read: the request's read transaction when it
// is free, else a connection of its own. A read that failed leaves the
// request's transaction unusable: it ends.
class VersionConnection {
 public:
  explicit VersionConnection(const PgStore& store) {
    if (request_read_free(store)) {
      c_ = shared.lease.get();
    } else {
      own_ = store.lease();
      c_ = own_.get();
    }
  }
  ~VersionConnection() {
    if (!own_ && std::uncaught_exceptions() > exceptions_) end_shared_read();
  }
  VersionConnection(const VersionConnection&) = delete;
  VersionConnection& operator=(const VersionConnection&) = delete;
  pg::Connection* operator->() const { return c_; }

 private:
  PgStore::Lease own_;
  pg::Connection* c_;
  int exceptions_ = std::uncaught_exceptions();
};

constexpr std::string_view kStoreVersion =
    "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM daybreak_commits";

}  // namespace

bool is_postgresql_uri(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

PgStore::PgStore(const PgOptions& options) : options_(options) {
  if (options_.connections < 1) options_.connections = 1;
  migrate();
}

PgStore::~PgStore() = default;

void PgStore::Return::operator()(pg::Connection* c) const {
  std::unique_ptr<pg::Connection> owned(c);
  std::lock_guard lock(store->mutex_);
  if (owned->ok() && !owned->in_transaction()) {
    store->idle_.push_back(std::move(owned));
  } else {
    --store->open_;  // broken, or left mid-transaction: dropped
  }
  store->returned_.notify_one();
}

PgStore::Lease PgStore::lease() const {
  std::unique_lock lock(mutex_);
  for (;;) {
    returned_.wait(lock, [&] { return !idle_.empty() || open_ < options_.connections; });
    if (idle_.empty()) break;
    std::unique_ptr<pg::Connection> c = std::move(idle_.back());
    idle_.pop_back();
    lock.unlock();
    // The end of its last transaction, sent without waiting, is read here.
    if (c->settle()) return Lease(c.release(), Return{this});
    c.reset();  // it failed or the connection broke: another one
    lock.lock();
    --open_;
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(new pg::Connection(options_.conninfo, options_.answer_within), Return{this});
  } catch (...) {
    lock.lock();
    --open_;
    returned_.notify_one();
    throw;
  }
}

void PgStore::migrate() {
  Lease db = lease();
  location_ = db->where();
  db->set_operation("bringing the schema up to date");
  db->exec("BEGIN");
  db->exec(fmt::format("SELECT pg_advisory_xact_lock({})", kMigrationLock));
  const bool ours = db->query_integer(
                          "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                          "AND tablename = 'daybreak_schema'")
                        .value_or(0) > 0;
  if (!ours &&
      db->query_integer("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").value_or(0) > 0) {
    db->exec("ROLLBACK");
    throw StoreError(StoreError::Kind::foreign,
                     fmt::format("{} holds tables that are not daybreak's; it was left untouched", location_));
  }
  // A server's role may not create anything (docs/deploy.md): only a new
  // database gets these, from its owner.
  if (!ours)
    db->exec(
        "CREATE TABLE IF NOT EXISTS daybreak_schema (version integer PRIMARY KEY, description text NOT NULL, "
        "applied_at timestamptz NOT NULL DEFAULT now());"
        "CREATE SEQUENCE IF NOT EXISTS daybreak_commits");
  const auto at = db->query_integer("SELECT coalesce(max(version), 0) FROM daybreak_schema").value_or(0);
  const auto all = pg::migrations();
  if (at > all.back().version) {
    db->exec("ROLLBACK");
    throw StoreError(StoreError::Kind::too_new,
                     fmt::format("{} was written by a newer daybreak (schema version {}; this one knows up to {}). "
                                 "It was left untouched: update daybreak to use it.",
                                 location_, at, all.back().version));
  }
  for (const auto& m : all) {
    if (m.version <= at) continue;
    db->set_operation(fmt::format("bringing the schema to version {} ({})", m.version, m.description));
    db->exec(m.sql);
    db->prepare("INSERT INTO daybreak_schema (version, description) VALUES (?1, ?2)")
        .bind(1, m.version)
        .bind(2, m.description)
        .run();
  }
  db->set_operation("bringing the schema up to date");
  db->exec("COMMIT");
}

std::unique_ptr<StoreReader> PgStore::read() const {
  // Outside a request, or while the request's is lent or another store's:
  // a transaction of its own.
  if (!RequestVersions::open() || (shared.lease && (shared.store != this || shared.in_use))) {
    return std::make_unique<PgTransaction>(lease(), nullptr);
  }
  std::string who = acting_user_words();
  if (shared.lease && shared.stale) end_shared_read();
  if (shared.lease && shared.actor != who) {
    // Another acting user (the request's guard reads as no one, then acts
    // for the person): set with the next statement, in the same transaction.
    shared.lease->act_as_with_next(who);
    shared.actor = std::move(who);
  }
  if (!shared.lease) {
    Lease db = lease();
    db->set_operation("starting a read");
    db->begin_with_next(std::string(kBeginRead), who);
    shared.lease = std::move(db);
    shared.store = this;
    shared.actor = std::move(who);
    RequestVersions::end_with_request(&end_shared_read_when_free);
  }
  return std::make_unique<PgSharedReader>(*shared.lease);
}

std::unique_ptr<StoreWriter> PgStore::write() {
  // The request's reads so far are done: what it reads after its write is
  // read again, in a new snapshot (ended now, or when its reader is done).
  if (shared.store == this) end_shared_read_when_free();
  return std::make_unique<PgTransaction>(lease(), this);
}

std::vector<std::string> PgStore::check() const {
  // PostgreSQL checks its own pages (data checksums, pg_amcheck); this checks
  // that the database answers and its schema is daybreak's.
  Lease db = lease();
  db->set_operation("checking the database");
  std::vector<std::string> problems;
  if (db->query_integer("SELECT count(*) FROM daybreak_schema").value_or(0) == 0) {
    problems.push_back("the schema's history (daybreak_schema) is empty");
  }
  return problems;
}

StoreVersion PgStore::version() const {
  const std::uint64_t own = own_commits_.load();
  if (const auto kept = RequestVersions::find(0)) return StoreVersion{*kept, own};
  std::int64_t others = 0;
  if (request_read_free(*this)) {
    const VersionConnection db(*this);
    db->set_operation("reading the store's version");
    others = db->query_integer(kStoreVersion).value_or(0);
  } else {
    others = version_reads_.get(RequestVersions::seen_by_client());
  }
  RequestVersions::keep(0, others);
  return StoreVersion{others, own};
}

StoreVersion PgStore::version_of(UserId person) const {
  // Moved inside each write that changed the person's rows (schema version
  // 11), so it needs no count of this server's own commits. Read alone, not
  // shared as the store's is: people's reads shared in one query (a sum for
  // each of several people) made the bounded mixed load's answers slower
  // (bench/RESULTS.md).
  if (const auto kept = RequestVersions::find(person.value)) return StoreVersion{*kept, 0, person.value};
  const VersionConnection db(*this);
  db->set_operation("reading a person's data version");
  // Nothing written for them yet: -1.
  sql::Statement& s =
      db->prepare("SELECT sum(weight)::bigint FROM person_changes WHERE user_id = ?1").bind(1, person.value);
  const std::int64_t v = s.step() && !s.is_null(0) ? s.integer(0) : -1;
  s.reset();
  RequestVersions::keep(person.value, v);
  return StoreVersion{v, 0, person.value};
}

// One round trip for the store's version, for the requests of this moment.
std::int64_t PgStore::read_store_version() const {
  const Lease db = lease();
  db->set_operation("reading the store's version");
  return db->query_integer(kStoreVersion).value_or(0);
}

void PgStore::committed(std::int64_t version, VersionReads::Clock::time_point asked) {
  ++own_commits_;
  if (version <= 0) return;
  // Every write acknowledged before this one was sent has a smaller number:
  // the version covers them, as a read that began then would.
  version_reads_.learned(version, asked);
  RequestVersions::committed(version);
}

int PgStore::schema_version() const {
  Lease db = lease();
  db->set_operation("reading the schema's version");
  return static_cast<int>(db->query_integer("SELECT coalesce(max(version), 0) FROM daybreak_schema").value_or(0));
}

bool PgStore::reads_every_row() const {
  Lease db = lease();
  db->set_operation("asking whether this role reads every row");
  return db->query_integer(
               "SELECT (r.rolsuper OR r.rolbypassrls OR NOT EXISTS ("
               "  SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
               "  WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity"
               "  AND c.relowner <> r.oid))::int FROM pg_roles r WHERE r.rolname = current_user")
             .value_or(0) == 1;
}

void PgStore::backup_to(const std::filesystem::path& destination) const {
  throw StoreError(StoreError::Kind::io,
                   fmt::format("{} cannot be copied to {} by daybreak: a PostgreSQL database is backed up with "
                               "pg_dump or pg_basebackup (docs/deploy.md)",
                               location_, destination.string()));
}

}  // namespace daybreak
