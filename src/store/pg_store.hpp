// The clinic's store: a PostgreSQL database shared by any number of
// `daybreak serve` processes. Each transaction takes a connection from a small
// pool; a write is a PostgreSQL transaction of its own (the server's commit is
// durable when it answers, as synchronous_commit says), a read a REPEATABLE
// READ snapshot. The queries are the SQLite store's (sql_transaction.hpp).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/pg.hpp"
#include "store/store.hpp"
#include "store/version_reads.hpp"

namespace daybreak {

struct PgOptions {
  std::string conninfo;  // postgresql://user@host:port/database or key=value words
  int connections = 32;  // the most this store opens at once (opened as needed)
  // Each wait for the database's answer at most (zero: no limit); past it the
  // statement fails as unavailable and its connection is dropped.
  std::chrono::milliseconds answer_within{0};
  // How old the store's version may be for a read that does not say it has
  // seen a newer one (zero: each request reads it; a server's --fresh-within).
  std::chrono::microseconds version_max_age{0};
};

// Whether `location` names a PostgreSQL database rather than a file.
[[nodiscard]] bool is_postgresql_uri(std::string_view location);

class PgStore final : public Store {
 public:
  // Connects, then creates the schema or brings it up to date under an
  // advisory lock (several servers starting together migrate once). Refuses
  // (StoreError) a database from a newer daybreak, or one holding tables that
  // are not daybreak's.
  explicit PgStore(const PgOptions& options);
  ~PgStore() override;

  [[nodiscard]] std::unique_ptr<StoreReader> read() const override;
  [[nodiscard]] std::unique_ptr<StoreWriter> write() override;
  [[nodiscard]] std::vector<std::string> check() const override;
  // Moves with every commit through any server: a sequence each write moves
  // once it has committed, before it answers, so a view kept by another
  // server is read again on its next request. Read in the request's read
  // transaction when one is open (its snapshot's); else the requests that
  // ask at once share one read (version_reads.hpp), or, with a maximum age,
  // one that began at most that long ago answers it, unless the request says
  // it has seen a newer version (RequestVersions::must_see).
  [[nodiscard]] StoreVersion version() const override;
  // The person's own version (how many writes changed their rows, from
  // person_changes), moved inside every such write: one person's write leaves
  // the views every server keeps of the others, and two writes of one person
  // never wait for each other.
  [[nodiscard]] StoreVersion version_of(UserId person) const override;
  [[nodiscard]] int schema_version() const override;
  // Whether this connection's role reads every row: the tables' owner, a
  // superuser or a role that bypasses row-level security. The servers' role
  // reads only what the acting user may see (none without one).
  [[nodiscard]] bool reads_every_row() const;
  [[nodiscard]] std::string location() const override { return location_; }
  // Not for a server's database: PostgreSQL's own pg_dump (docs/deploy.md).
  void backup_to(const std::filesystem::path& destination) const override;

  // A connection lent to one transaction, given back (or dropped when broken)
  // when it ends.
  struct Return {
    const PgStore* store;
    void operator()(pg::Connection* c) const;
  };
  using Lease = std::unique_ptr<pg::Connection, Return>;
  [[nodiscard]] Lease lease() const;
  // After a write's COMMIT: the version its commit moved the store to.
  void committed(std::int64_t version, VersionReads::Clock::time_point asked);

 private:
  void migrate();
  [[nodiscard]] std::int64_t read_store_version() const;

  PgOptions options_;
  std::string location_;
  mutable std::mutex mutex_;
  mutable std::condition_variable returned_;
  mutable std::vector<std::unique_ptr<pg::Connection>> idle_;
  mutable int open_ = 0;
  std::atomic<std::uint64_t> own_commits_{0};
  mutable VersionReads version_reads_{[this] { return read_store_version(); }, options_.version_max_age};
};

}  // namespace daybreak
