// The PostgreSQL backend: the conformance suite on a real server (a
// throw-away cluster started by ctest, tests/support/pg_cluster), one fresh
// database per test, and what only a server has: migrations under a lock,
// refusing a newer schema or someone else's tables, ids kept from an import,
// and a version that moves for every server sharing the database.
#include "store/pg_store.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <future>
#include <thread>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "store/acting_user.hpp"
#include "store/pg.hpp"
#include "store/pg_schema.hpp"
#include "store/request_versions.hpp"
#include "store/sql_transaction.hpp"
#include "store/store_conformance.hpp"
#include "support/pg_database.hpp"

namespace daybreak::testing {
namespace {

std::unique_ptr<Store> make_pg_store(const std::filesystem::path&) {
  return std::make_unique<PgStore>(PgOptions{fresh_pg_database()});
}

INSTANTIATE_TEST_SUITE_P(Postgresql, StoreConformance, ::testing::Values(StoreFactory{"postgresql", make_pg_store}),
                         [](const auto& p) { return p.param.name; });

class PgStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { words_ = fresh_pg_database(); }
  std::string words_;
};

TEST(PgParameters, QuestionNumbersBecomeDollarNumbersOutsideQuotes) {
  const auto n = pg::number_parameters("SELECT '?1', \"a?2\" FROM t WHERE a = ?1 AND b = ?12 AND c = '?3'");
  EXPECT_EQ(n.sql, "SELECT '?1', \"a?2\" FROM t WHERE a = $1 AND b = $12 AND c = '?3'");
  EXPECT_EQ(n.parameters, 12);
  EXPECT_TRUE(n.used[0]);
  EXPECT_FALSE(n.used[2]);  // ?3 is inside quotes
  EXPECT_TRUE(n.used[11]);
}

TEST_F(PgStoreTest, CreatesTheSchemaOnceAndNotesEachMigration) {
  {
    PgStore store(PgOptions{words_});
    EXPECT_EQ(store.schema_version(), pg::migrations().back().version);
  }
  PgStore again(PgOptions{words_});
  pg::Connection db(words_);
  EXPECT_EQ(db.query_integer("SELECT count(*) FROM daybreak_schema"),
            static_cast<std::int64_t>(pg::migrations().size()));
}

TEST_F(PgStoreTest, ServersStartingTogetherMigrateOnce) {
  std::vector<std::future<int>> servers;
  for (int i = 0; i < 4; ++i) {
    servers.push_back(std::async(std::launch::async, [&] { return PgStore(PgOptions{words_}).schema_version(); }));
  }
  for (auto& s : servers) EXPECT_EQ(s.get(), pg::migrations().back().version);
  pg::Connection db(words_);
  EXPECT_EQ(db.query_integer("SELECT count(*) FROM daybreak_schema"),
            static_cast<std::int64_t>(pg::migrations().size()));
}

TEST_F(PgStoreTest, RefusesADatabaseFromANewerDaybreak) {
  { PgStore store(PgOptions{words_}); }
  {
    pg::Connection db(words_);
    db.exec("INSERT INTO daybreak_schema (version, description) VALUES (999, 'from the future')");
  }
  try {
    PgStore store(PgOptions{words_});
    FAIL() << "a newer schema was opened";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::too_new);
    EXPECT_NE(std::string(e.what()).find("schema version 999"), std::string::npos) << e.what();
  }
}

TEST_F(PgStoreTest, RefusesSomeoneElsesTables) {
  {
    pg::Connection db(words_);
    db.exec("CREATE TABLE invoices (id bigint PRIMARY KEY)");
  }
  try {
    PgStore store(PgOptions{words_});
    FAIL() << "a database of someone else's tables was opened";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::foreign) << e.what();
  }
  pg::Connection db(words_);
  EXPECT_EQ(db.query_integer("SELECT count(*) FROM pg_tables WHERE tablename = 'entries'"), 0);
}

TEST_F(PgStoreTest, AnImportedEntryKeepsItsNumberAndNewOnesDoNotCollideWithIt) {
  PgStore store(PgOptions{words_});
  const UserId user = new_user(store, "me");
  DiaryFields f;
  f.pain = *PainScore::make(3);
  {
    auto tx = store.write();
    (void)tx->insert_entry(user, NewEntry{ymd(2026, 1, 1), Period::morning, f, {}, {}, RevisionOp::import, EntryId{40}},
                           WriteMeta{kNow, Actor{user, "import"}});
    tx->commit();
  }
  auto tx = store.write();
  const DiaryEntry next = tx->insert_entry(user, NewEntry{ymd(2026, 1, 2), Period::morning, f, {}, {}, {}, {}},
                                           WriteMeta{kNow, Actor{user, "test"}});
  tx->commit();
  EXPECT_EQ(next.id.value, 41);
  EXPECT_TRUE(store.read()->find_entry(user, EntryId{40}).has_value());
}

TEST_F(PgStoreTest, AWriteThroughOneServerMovesTheVersionTheOtherSees) {
  PgStore one(PgOptions{words_});
  PgStore other(PgOptions{words_});
  const StoreVersion before = other.version();
  EXPECT_EQ(other.version(), before);  // nothing written: the same
  const UserId user = new_user(one, "me");
  EXPECT_NE(other.version(), before);
  EXPECT_TRUE(other.read()->find_user(user).has_value());  // and the write is there to read
}

// Two servers with --fresh-within: one that read the version a moment ago
// answers from it, unless the request says it saw a newer one (the version
// its own write through the other server gave it, in a cookie): then it
// reads, and the write is there.
TEST_F(PgStoreTest, AServerAnswersFromARecentVersionUnlessTheRequestSawANewerWriteThroughAnother) {
  PgOptions fresh_for_an_hour{words_};
  fresh_for_an_hour.version_max_age = std::chrono::hours(1);
  PgStore one(fresh_for_an_hour);
  PgStore other(fresh_for_an_hour);
  const StoreVersion before = [&] {
    const RequestVersions request;
    return other.version();
  }();
  std::int64_t written = 0;
  UserId user;
  {
    const RequestVersions request;
    user = new_user(one, "me");
    written = RequestVersions::committed_version();
  }
  EXPECT_GT(written, before.others);
  {
    const RequestVersions request;  // a request that has not seen the write
    EXPECT_EQ(other.version(), before);
  }
  {
    const RequestVersions request;  // the writer's next request, through the other server
    RequestVersions::must_see(written);
    const StoreVersion after = other.version();
    EXPECT_GE(after.others, written);
    EXPECT_TRUE(other.read()->find_user(user).has_value());
  }
  {
    const RequestVersions request;
    EXPECT_GE(one.version().others, written);  // the writing server learned its own commit
  }
}

TEST_F(PgStoreTest, AWriteNotCommittedKeepsNothingAndLeavesTheVersion) {
  PgStore store(PgOptions{words_});
  const UserId user = new_user(store, "me");
  const StoreVersion before = store.version();
  {
    auto tx = store.write();
    (void)tx->add_sleep_item(user, SleepItemKind::pillow, "knee", kNow);
  }
  EXPECT_TRUE(store.read()->sleep_items(user).empty());
  EXPECT_EQ(store.version(), before);
}

TEST_F(PgStoreTest, APersonsVersionMovesWithTheirOwnWritesThroughAnyServerAndNoOneElses) {
  PgStore one(PgOptions{words_});
  PgStore other(PgOptions{words_});
  const UserId anna = new_user(one, "anna");
  const UserId bert = new_user(one, "bert");
  const StoreVersion a0 = other.version_of(anna);
  const StoreVersion b0 = other.version_of(bert);
  EXPECT_EQ(other.version_of(anna), a0);  // nothing written: the same
  (void)other.read()->find_user(anna);    // nor by a read
  EXPECT_EQ(other.version_of(anna), a0);

  DiaryFields f;
  f.pain = *PainScore::make(3);
  {
    auto tx = one.write();
    (void)tx->insert_entry(anna, NewEntry{ymd(2026, 1, 1), Period::morning, f, {}, {}, {}, {}},
                           WriteMeta{kNow, Actor{anna, "test"}});
    tx->commit();
  }
  const StoreVersion a1 = other.version_of(anna);
  EXPECT_NE(a1, a0);                      // Anna's entry, seen by the other server
  EXPECT_EQ(other.version_of(bert), b0);  // and Bert's kept views stand
  {
    auto tx = one.write();  // not committed: nothing moves
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
  }
  EXPECT_EQ(other.version_of(anna), a1);
  {
    auto tx = one.write();  // her profile
    auto user = *tx->find_user(anna);
    user.name = "Anna B";
    tx->update_user(user);
    tx->commit();
  }
  EXPECT_NE(other.version_of(anna), a1);
  EXPECT_EQ(other.version_of(bert), b0);
  EXPECT_EQ(other.version_of(UserId{999999}), (StoreVersion{-1, 0, 999999}));  // nothing written for them
}

TEST_F(PgStoreTest, APersonsVersionCountsEveryWriteWhenManyComeAtOnceAndItsRowsStayFew) {
  PgStore store(PgOptions{words_, 16});
  const UserId anna = new_user(store, "anna");
  const UserId bert = new_user(store, "bert");
  const std::int64_t before = store.version_of(anna).others;
  const std::int64_t bert_before = store.version_of(bert).others;
  constexpr int kThreads = 8;
  constexpr int kEach = 12;  // 96 writes of one person: her rows are summed again and again meanwhile
  std::vector<std::future<void>> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.push_back(std::async(std::launch::async, [&store, anna, t] {
      for (int i = 0; i < kEach; ++i) {
        auto tx = store.write();
        (void)tx->add_sleep_item(anna, SleepItemKind::pillow, fmt::format("pillow {}-{}", t, i), kNow);
        tx->commit();
      }
    }));
  }
  for (auto& w : writers) w.get();
  // -1 is "nothing written yet"; each write counts once, none twice or lost.
  EXPECT_EQ(store.version_of(anna).others, std::max<std::int64_t>(before, 0) + kThreads * kEach);
  EXPECT_EQ(store.version_of(bert).others, bert_before);
  pg::Connection db(words_);
  EXPECT_LE(db.query_integer(fmt::format("SELECT count(*) FROM person_changes WHERE user_id = {}", anna.value)),
            33 + kThreads);
}

// The store's version read by many requests at once is shared
// (store/version_reads); each must still see every write answered before it
// asked, through any server. One server writes and says which version it has
// answered; eight requests on another read it over and over meanwhile.
TEST_F(PgStoreTest, AVersionReadSharedByRequestsAskingAtOnceSeesEveryWriteAnsweredBeforeThem) {
  PgStore writer(PgOptions{words_});
  PgStore reader(PgOptions{words_, 8});
  const UserId anna = new_user(writer, "anna");
  std::atomic<std::int64_t> answered{writer.version().others};
  std::atomic<bool> done{false};
  std::atomic<int> asked{0};
  auto writes = std::async(std::launch::async, [&] {
    for (int i = 0; i < 100; ++i) {
      auto tx = writer.write();
      (void)tx->add_sleep_item(anna, SleepItemKind::pillow, fmt::format("pillow {}", i), kNow);
      tx->commit();
      answered = writer.version().others;
    }
    done = true;
  });
  std::vector<std::future<int>> requests;
  for (int t = 0; t < 8; ++t) {
    requests.push_back(std::async(std::launch::async, [&] {
      int behind = 0;
      while (!done) {
        const std::int64_t before = answered;
        behind += reader.version().others < before ? 1 : 0;
        ++asked;
      }
      return behind;
    }));
  }
  writes.get();
  for (auto& r : requests) EXPECT_EQ(r.get(), 0) << "a version read missed a write answered before it was asked";
  EXPECT_GT(asked.load(), 100);
}

// Another server's write of a pillow for `who`, made while a request runs here.
void pillow_from_elsewhere(PgStore& elsewhere, UserId who, const std::string& name) {
  std::async(std::launch::async, [&] {
    auto tx = elsewhere.write();
    (void)tx->add_sleep_item(who, SleepItemKind::pillow, name, kNow);
    tx->commit();
  }).get();
}

TEST_F(PgStoreTest, AVersionIsReadOnceARequestUntilItsOwnWrite) {
  PgStore store(PgOptions{words_});
  PgStore elsewhere(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  const RequestVersions request;
  const StoreVersion start = store.version_of(anna);
  const StoreVersion whole = store.version();
  pillow_from_elsewhere(elsewhere, anna, "knee");  // another server, during this request
  // Kept for the request: what it builds from later reads is newer than the
  // version it keeps it under, never older.
  EXPECT_EQ(store.version_of(anna), start);
  EXPECT_EQ(store.version().others, whole.others);
  {
    auto tx = store.write();  // the request's own write forgets them
    (void)tx->add_sleep_item(anna, SleepItemKind::mattress, "firm", kNow);
    tx->commit();
  }
  EXPECT_NE(store.version_of(anna), start);
  EXPECT_NE(store.version().others, whole.others);
}

TEST_F(PgStoreTest, ARequestsReadsAreOneSnapshotUntilItsOwnWrite) {
  PgStore store(PgOptions{words_});
  PgStore elsewhere(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  const RequestVersions request;
  EXPECT_TRUE(store.read()->sleep_items(anna).empty());
  pillow_from_elsewhere(elsewhere, anna, "knee");
  // The request's reads share one transaction: its views agree with each
  // other (and with the versions it read in it).
  EXPECT_TRUE(store.read()->sleep_items(anna).empty());
  {
    auto tx = store.write();  // its own write: what it reads next is new
    (void)tx->add_sleep_item(anna, SleepItemKind::mattress, "firm", kNow);
    tx->commit();
  }
  EXPECT_EQ(store.read()->sleep_items(anna).size(), 2U);
}

TEST_F(PgStoreTest, AReadAfterAWriteMadeWhileAReaderWasHeldIsANewSnapshot) {
  PgStore store(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  const RequestVersions request;
  {
    auto held = store.read();
    EXPECT_TRUE(held->sleep_items(anna).empty());
    auto tx = store.write();
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
    tx->commit();
    EXPECT_TRUE(held->sleep_items(anna).empty());  // the snapshot it holds
  }
  EXPECT_EQ(store.read()->sleep_items(anna).size(), 1U);
}

TEST_F(PgStoreTest, AReaderKeptAfterItsRequestKeepsItsTransaction) {
  PgStore store(PgOptions{words_, 2});
  const UserId anna = new_user(store, "anna");
  std::unique_ptr<StoreReader> kept;
  {
    const RequestVersions request;
    kept = store.read();
    EXPECT_TRUE(kept->sleep_items(anna).empty());
  }
  {
    auto tx = store.write();  // not on the kept reader's connection
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
    tx->commit();
  }
  EXPECT_TRUE(kept->sleep_items(anna).empty());  // still its own snapshot
  kept.reset();
  const RequestVersions next;
  EXPECT_EQ(store.read()->sleep_items(anna).size(), 1U);
}

// The acting user the database sees in `reader`'s transaction ("" for none).
std::string acting_in(StoreReader& reader) {
  auto& db = dynamic_cast<sql::Transaction&>(reader).connection();
  sql::Statement& s = db.prepare("SELECT coalesce(current_setting('daybreak.user_id', true), '')");
  EXPECT_TRUE(s.step());
  std::string who(s.text_view(0));
  s.reset();
  return who;
}

TEST_F(PgStoreTest, EachReadOfARequestActsForTheUserActingThen) {
  PgStore store(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  const UserId bert = new_user(store, "bert");
  const RequestVersions request;
  EXPECT_EQ(acting_in(*store.read()), "");  // the guard reads as no one
  {
    const ActingUser as(anna);
    EXPECT_EQ(acting_in(*store.read()), std::to_string(anna.value));
  }
  const ActingUser as(bert);
  EXPECT_EQ(acting_in(*store.read()), std::to_string(bert.value));
  EXPECT_EQ(acting_in(*store.read()), std::to_string(bert.value));
}

TEST_F(PgStoreTest, AFailedReadDoesNotStopTheRequestsNextRead) {
  PgStore store(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  const RequestVersions request;
  {
    auto reader = store.read();
    auto& tx = dynamic_cast<sql::Transaction&>(*reader);
    EXPECT_THROW(tx.connection().prepare("SELECT 1 / (SELECT count(*) FROM users WHERE id < 0)").step(), StoreError);
  }
  EXPECT_TRUE(store.read()->sleep_items(anna).empty());
  EXPECT_NO_THROW((void)store.version_of(anna));
}

TEST_F(PgStoreTest, ARequestReadsWritesAndReadsAgainOnOneConnection) {
  // The request keeps its read transaction's connection between reads: its
  // version reads use it, and its write waits for none it holds itself.
  PgStore store(PgOptions{words_, 1});
  const UserId anna = new_user(store, "anna");
  const RequestVersions request;
  EXPECT_TRUE(store.read()->sleep_items(anna).empty());
  const StoreVersion before = store.version_of(anna);
  (void)store.version();
  EXPECT_TRUE(store.read()->find_user(anna).has_value());
  {
    auto tx = store.write();
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
    tx->commit();
  }
  EXPECT_EQ(store.read()->sleep_items(anna).size(), 1U);
  EXPECT_NE(store.version_of(anna), before);
}

TEST_F(PgStoreTest, AServerRestartFailsNoRequestAfterIt) {
  // A restart of PostgreSQL (or a failover) ends every backend: each
  // connection idle in the pool is dead. Each one failed its next request
  // (a 500) before it was dropped.
  PgStore store(PgOptions{words_, 4});
  const UserId anna = new_user(store, "anna");
  std::vector<std::unique_ptr<StoreReader>> held;
  for (int i = 0; i < 4; ++i) held.push_back(store.read());  // four connections, then idle
  for (auto& r : held) EXPECT_TRUE(r->sleep_items(anna).empty());
  held.clear();
  (void)store.version();
  // Each of the store's backends ended, as a restart ends them, and gone
  // (the server says goodbye on the socket as the process exits).
  pg::Connection admin(words_);
  std::vector<pid_t> backends;
  auto& others =
      admin.prepare("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
  while (others.step()) backends.push_back(static_cast<pid_t>(others.integer(0)));
  others.reset();
  ASSERT_FALSE(backends.empty());
  admin.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  for (const pid_t pid : backends) {
    // (as another user, the cluster's processes answer EPERM while they live)
    for (int i = 0; i < 250 && (::kill(pid, 0) == 0 || errno == EPERM); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  for (int i = 0; i < 6; ++i) {
    EXPECT_NO_THROW((void)store.version()) << i;
    EXPECT_NO_THROW(EXPECT_TRUE(store.read()->sleep_items(anna).empty())) << i;
  }
  auto tx = store.write();
  EXPECT_NO_THROW((void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow));
  tx->commit();
  EXPECT_EQ(store.read()->sleep_items(anna).size(), 1U);
}

TEST_F(PgStoreTest, AWriteToADatabaseTakingNoWritesIsRefusedAsUnavailableAndSaysWhy) {
  // A hot standby answers reads and refuses writes (SQLSTATE 25006); a
  // database set read-only refuses them the same way.
  PgStore store(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  pg::Connection admin(words_);
  admin.exec(
      "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', "
      "current_database()); END $$");
  PgStore standby(PgOptions{words_});
  EXPECT_TRUE(standby.read()->sleep_items(anna).empty());
  try {
    auto tx = standby.write();
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
    tx->commit();
    FAIL() << "a read-only database took a write";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::unavailable);
    EXPECT_NE(std::string(e.what()).find("primary"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(standby.read()->sleep_items(anna).empty());
}

TEST_F(PgStoreTest, AnActingUserRefusedAfterItsBeginIsAnErrorNotADoubleFree) {
  // Found by tests/clinic/crash_test under the address sanitizer: when the
  // BEGIN sent with a statement succeeded and setting the acting user then
  // failed (there, PostgreSQL killed midway), the BEGIN's result was freed
  // twice and the server crashed. An acting user PostgreSQL refuses (not
  // UTF-8) fails the same step on purpose.
  pg::Connection db(words_);
  db.begin_with_next("BEGIN", "\xff");
  try {
    (void)db.prepare("SELECT 1").step();
    FAIL() << "an acting user that is not UTF-8 was taken";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("setting the acting user"), std::string::npos) << e.what();
  }
  db.exec("ROLLBACK");
  EXPECT_EQ(db.query_integer("SELECT 2"), 2);
}

TEST_F(PgStoreTest, AConnectionThatFailsItselfIsUnavailableAndNeverUsedAgain) {
  // Found by tests/clinic/crash_test: PostgreSQL killed while a request
  // wrote, libpq reported the failed write (an error of its own, with no
  // SQLSTATE) but still called the connection healthy. The request was
  // answered 500 "the database failed" instead of 503 "try again", and the
  // connection, left in pipeline mode, went back to the pool to fail the
  // next requests. Such an error is the connection's loss.
  pg::Connection db(words_);
  ASSERT_TRUE(db.ok());
  PGresult* own = PQmakeEmptyPGresult(db.handle(), PGRES_FATAL_ERROR);  // libpq's own kind: no SQLSTATE
  const StoreError e = db.error(own);
  PQclear(own);
  EXPECT_EQ(e.kind(), StoreError::Kind::unavailable) << e.what();
  EXPECT_FALSE(db.ok());
  // An error the server sent (with its SQLSTATE) leaves the connection in use.
  pg::Connection fine(words_);
  EXPECT_THROW((void)fine.query_integer("SELECT 1/0"), StoreError);
  EXPECT_TRUE(fine.ok());
  EXPECT_EQ(fine.query_integer("SELECT 3"), 3);
}

TEST_F(PgStoreTest, AStatementStoppedByTheDatabasesTimeLimitIsBusyNotAFailure) {
  // docs/deploy.md gives the servers' role a statement_timeout: a statement
  // it stopped (SQLSTATE 57014) was answered 500 "the database failed" and
  // sent the person to `daybreak check` for damage, where "busy, try again"
  // is the truth.
  pg::Connection db(words_);
  db.exec("SET statement_timeout = '50ms'");
  try {
    (void)db.query_integer("SELECT 1 FROM pg_sleep(2)");
    FAIL() << "the time limit stopped nothing";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::busy) << e.what();
  }
  EXPECT_TRUE(db.ok());
}

TEST_F(PgStoreTest, AWriteWaitingOnALockPastTheDatabasesLimitIsBusyAndWaitsNoLonger) {
  // A lock held by someone else (an administrator's LOCK TABLE, a VACUUM
  // FULL) held every request that needed it, and the server's threads with
  // them, for as long as it lasted. With the role's lock_timeout
  // (docs/deploy.md), the write gives up and is answered "busy".
  PgStore store(PgOptions{words_});
  const UserId anna = new_user(store, "anna");
  pg::Connection admin(words_);
  admin.exec(
      "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = ''200ms''', current_database()); END $$");
  admin.exec("BEGIN");
  admin.exec("LOCK TABLE sleep_items IN ACCESS EXCLUSIVE MODE");
  PgStore limited(PgOptions{words_});  // its connections start with the database's setting
  const auto started = std::chrono::steady_clock::now();
  try {
    auto tx = limited.write();
    (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
    tx->commit();
    FAIL() << "wrote past another's lock";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::busy) << e.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  admin.exec("ROLLBACK");
  auto tx = limited.write();
  (void)tx->add_sleep_item(anna, SleepItemKind::pillow, "knee", kNow);
  tx->commit();
  EXPECT_EQ(limited.read()->sleep_items(anna).size(), 1U);
}

TEST_F(PgStoreTest, AConnectionWaitsTenSecondsAtMostUnlessItsStringSaysOtherwise) {
  // Without a limit, a lost database machine holds each request for TCP's
  // own timeout (minutes).
  const pg::Connection plain(words_);
  EXPECT_EQ(connection_option(plain.handle(), "connect_timeout"), "10");
  const pg::Connection words(words_ + " connect_timeout=3");
  EXPECT_EQ(connection_option(words.handle(), "connect_timeout"), "3");
  const pg::Connection uri(pg_uri(words_) + "&connect_timeout=4");
  EXPECT_EQ(connection_option(uri.handle(), "connect_timeout"), "4");
  EXPECT_EQ(connection_option(uri.handle(), "dbname"), connection_option(plain.handle(), "dbname"));
}

TEST_F(PgStoreTest, AnUnreachableServerIsAClearErrorWithoutThePassword) {
  try {
    PgStore store(PgOptions{"postgresql://daybreak:s3cret-words@127.0.0.1:1/nowhere?connect_timeout=2"});
    FAIL() << "connected to nothing";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::unavailable);
    EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("s3cret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace daybreak::testing
