// The SQLite backend: the conformance suite, plus what only a file has:
// durability settings, refusing files it must not touch, backup, and a full disk.
#include "store/sqlite_store.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <future>
#include <optional>
#include <thread>

#include "domain/entry_fields.hpp"
#include "store/request_versions.hpp"
#include "store/sqlite_schema.hpp"
#include "store/store_conformance.hpp"
#include "support/faulty_vfs.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
                         ::testing::Values(StoreFactory{"sqlite",
                                                        [](const std::filesystem::path& dir) {
                                                          return std::make_unique<SqliteStore>(
                                                              SqliteOptions{dir / "daybreak.db"});
                                                        }}),
                         [](const auto& p) { return p.param.name; });

// Runs SQL on a file directly, as another program would.
std::string raw_query(const std::filesystem::path& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::string result;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* out, int n, char** values, char**) {
        auto* s = static_cast<std::string*>(out);
        for (int i = 0; i < n; ++i)
          *s += (values[i] != nullptr ? values[i] : "NULL") + std::string(i + 1 < n ? "|" : "");
        return 0;
      },
      &result, nullptr);
  sqlite3_close(db);
  return result;
}

UserId add_user(SqliteStore& store) {
  auto tx = store.write();
  const auto id = tx->create_user("me", "Europe/Berlin", fixed_now()).id;
  tx->commit();
  return id;
}

void add_entry(SqliteStore& store, UserId user, LocalDate day) {
  DiaryFields f;
  f.pain = *PainScore::make(4);
  f.note = std::string(500, 'n');
  auto tx = store.write();
  (void)tx->insert_entry(user, NewEntry{day, Period::morning, f, {}, {}, RevisionOp::create, {}},
                         WriteMeta{fixed_now(), Actor{user, "test"}});
  tx->commit();
}

int entry_count(SqliteStore& store, UserId user) {
  return static_cast<int>(store.read()->entries_between(user, ymd(2000, 1, 1), ymd(2100, 1, 1)).size());
}

TEST(SqliteStore, UsesWalFullSyncForeignKeysAndAPrivateFile) {
  TempDir dir;
  const auto path = dir / "daybreak.db";
  SqliteStore store(SqliteOptions{path});
  EXPECT_EQ(store.schema_version(), sqlite::latest_schema_version());
  EXPECT_EQ(raw_query(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw_query(path, "PRAGMA application_id"), std::to_string(sqlite::kApplicationId));
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600U);
  // synchronous and foreign_keys are per connection: ask through the store's own.
  const UserId user = add_user(store);
  add_entry(store, user, ymd(2026, 11, 1));
  EXPECT_EQ(raw_query(path, "SELECT count(*) FROM entry_revisions"), "1");
}

TEST(SqliteStore, DataSurvivesReopening) {
  TempDir dir;
  UserId user;
  {
    SqliteStore store(SqliteOptions{dir / "daybreak.db"});
    user = add_user(store);
    add_entry(store, user, ymd(2026, 11, 1));
  }
  SqliteStore again(SqliteOptions{dir / "daybreak.db"});
  EXPECT_EQ(entry_count(again, user), 1);
}

// A file daybreak must refuse is left exactly as it was.
void expect_refused(const std::filesystem::path& path, StoreError::Kind kind, const std::string& words) {
  const std::string before = read_file(path);
  try {
    SqliteStore store(SqliteOptions{path});
    FAIL() << "opened " << path;
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), kind) << e.what();
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  EXPECT_EQ(read_file(path), before);
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  TempDir dir;
  write_file(dir / "daybreak.db", std::string(8192, 'x'));
  expect_refused(dir / "daybreak.db", StoreError::Kind::corrupt, "left untouched");
}

// An emptied diary (`: > daybreak.db`) was taken for a new one: SQLite
// made a new database over it, and the next write was acknowledged there.
TEST(SqliteStore, AnEmptiedDiaryIsRefusedNotTakenForANewOne) {
  TempDir dir;
  const auto path = dir / "daybreak.db";
  {
    SqliteStore store(SqliteOptions{path});
    add_entry(store, add_user(store), ymd(2026, 11, 20));
  }
  write_file(path, "");
  expect_refused(path, StoreError::Kind::corrupt, "it is empty, but daybreak last left it holding");
  EXPECT_EQ(std::filesystem::file_size(path), 0U);
  // Deleted instead, the diary starts again: the note of the old file is not the new one's.
  std::filesystem::remove(path);
  {
    SqliteStore store(SqliteOptions{path});
    EXPECT_EQ(entry_count(store, add_user(store)), 0);
  }
  SqliteStore again(SqliteOptions{path});
  EXPECT_TRUE(again.check().empty());
}

TEST(SqliteStore, RefusesADatabaseFromANewerDaybreak) {
  TempDir dir;
  { SqliteStore store(SqliteOptions{dir / "daybreak.db"}); }
  raw_query(dir / "daybreak.db", "PRAGMA user_version = 99");
  expect_refused(dir / "daybreak.db", StoreError::Kind::too_new, "newer daybreak");
}

TEST(SqliteStore, RefusesSomeoneElsesDatabase) {
  TempDir dir;
  raw_query(dir / "other.db", "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine')");
  expect_refused(dir / "other.db", StoreError::Kind::foreign, "not a daybreak one");
}

TEST(SqliteStore, TwoStoresOnOneFileDoNotMigrateTwice) {
  TempDir dir;
  SqliteStore a(SqliteOptions{dir / "daybreak.db"});
  SqliteStore b(SqliteOptions{dir / "daybreak.db"});
  const UserId user = add_user(a);
  add_entry(a, user, ymd(2026, 11, 1));
  EXPECT_EQ(entry_count(b, user), 1);
}

TEST(SqliteStore, ReadsSeeWhatOtherConnectionsCommitted) {
  TempDir dir;
  SqliteStore reader(SqliteOptions{dir / "daybreak.db"});
  SqliteStore writer(SqliteOptions{dir / "daybreak.db"});
  const UserId user = add_user(writer);
  add_entry(writer, user, ymd(2026, 11, 2));
  // A lookup that stops at its first row must not pin an old snapshot.
  EXPECT_EQ(reader.read()->first_entry_date(user), ymd(2026, 11, 2));
  add_entry(writer, user, ymd(2026, 11, 1));
  EXPECT_EQ(reader.read()->first_entry_date(user), ymd(2026, 11, 1));
  EXPECT_EQ(entry_count(reader, user), 2);
}

// Found by the crash test: right after a kill -9 the next process may find the
// file locked (recovery, or a dying writer); opening must wait, not fail.
TEST(SqliteStore, OpeningWaitsForAnotherProcesssLock) {
  TempDir dir;
  { SqliteStore create(SqliteOptions{dir / "daybreak.db"}); }
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "daybreak.db").c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE", nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::thread release([&] {
    std::this_thread::sleep_for(milliseconds(300));
    sqlite3_exec(other, "COMMIT; PRAGMA locking_mode = NORMAL; SELECT 1", nullptr, nullptr, nullptr);
    sqlite3_close(other);
  });
  EXPECT_NO_THROW({ SqliteStore store(SqliteOptions{dir / "daybreak.db"}); });
  release.join();
}

TEST(SqliteStore, ADamagedPageIsFoundByCheckAndInspect) {
  TempDir dir;
  const auto path = dir / "daybreak.db";
  {
    SqliteStore store(SqliteOptions{path});
    const UserId user = add_user(store);
    for (unsigned d = 1; d <= 28; ++d) add_entry(store, user, ymd(2026, 2, d));
    store.backup_to(dir / "copy.db");
  }
  EXPECT_TRUE(inspect_database(dir / "copy.db").problems.empty());
  EXPECT_EQ(inspect_database(dir / "copy.db").schema_version, sqlite::latest_schema_version());
  std::string bytes = read_file(dir / "copy.db");
  ASSERT_GT(bytes.size(), 5U * 4096);
  for (std::size_t i = 2 * 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  write_file(dir / "copy.db", bytes);
  try {
    const auto info = inspect_database(dir / "copy.db");
    EXPECT_FALSE(info.problems.empty());
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::corrupt);
  }
  EXPECT_THROW((void)inspect_database(dir / "missing.db"), StoreError);
}

// The whole-file check (PRAGMA quick_check, every page read) is for a file
// that changed since daybreak closed it. It ran at every opening: by then the
// first read had made an empty log beside the file, which the note (written
// after the last connection closed and the log was gone) never matched. On
// ten years of diary it was most of `daybreak insights`' time.
TEST(SqliteStore, AFileAsDaybreakLeftItIsNotCheckedAgainAtEveryOpening) {
  register_faulty_vfs();
  TempDir dir;
  const auto path = dir / "daybreak.db";
  {
    SqliteStore store(SqliteOptions{path, kFaultyVfs});
    const UserId user = add_user(store);
    for (unsigned d = 1; d <= 28; ++d) {
      for (unsigned m = 1; m <= 12; ++m) add_entry(store, user, ymd(2025, m, d));
    }
  }
  const int pages = std::stoi(raw_query(path, "PRAGMA page_count"));
  ASSERT_GT(pages, 100);
  for (int opening = 1; opening <= 2; ++opening) {
    count_calls();
    { SqliteStore store(SqliteOptions{path, kFaultyVfs}); }
    const int reads = faulty_vfs_calls(FaultOp::read);
    clear_fault();
    EXPECT_LT(reads, pages / 4) << "opening " << opening << " read " << reads << " times, the file has " << pages
                                << " pages";
  }
  // Changed behind daybreak's back: checked again, every page.
  raw_query(path, "UPDATE entries SET note = 'edited elsewhere' WHERE id = 1");
  count_calls();
  { SqliteStore store(SqliteOptions{path, kFaultyVfs}); }
  EXPECT_GE(faulty_vfs_calls(FaultOp::read), pages / 2);
  clear_fault();
}

TEST(SqliteStore, ABackupIsASingleCompleteFile) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  const UserId user = add_user(store);
  for (unsigned d = 1; d <= 10; ++d) add_entry(store, user, ymd(2026, 3, d));
  store.backup_to(dir / "b.db");
  EXPECT_FALSE(std::filesystem::exists(dir / "b.db.partial"));
  EXPECT_FALSE(std::filesystem::exists(dir / "b.db-wal"));
  EXPECT_EQ(raw_query(dir / "b.db", "PRAGMA journal_mode"), "delete");
  SqliteStore copy(SqliteOptions{dir / "b.db"});
  EXPECT_EQ(entry_count(copy, user), 10);
}

TEST(SqliteStore, RestoreReplacesEverything) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  const UserId user = add_user(store);
  add_entry(store, user, ymd(2026, 3, 1));
  store.backup_to(dir / "b.db");
  add_entry(store, user, ymd(2026, 3, 2));
  add_entry(store, user, ymd(2026, 3, 3));
  store.restore_from(dir / "b.db");
  EXPECT_EQ(entry_count(store, user), 1);
  add_entry(store, user, ymd(2026, 3, 4));  // still writable afterwards
  EXPECT_EQ(entry_count(store, user), 2);
  EXPECT_TRUE(store.check().empty());
}

// A full disk in the middle of a write: the write fails with a clear error and
// leaves no trace; everything committed before is intact.
TEST(SqliteStore, AFullDiskLosesNothingCommittedAndSavesNothingPartial) {
  register_faulty_vfs();
  TempDir dir;
  const auto path = dir / "daybreak.db";
  UserId user;
  {
    SqliteStore setup(SqliteOptions{path});
    user = add_user(setup);
    for (unsigned d = 1; d <= 5; ++d) add_entry(setup, user, ymd(2026, 4, d));
  }
  for (const std::int64_t budget : {0, 100, 4096, 6000, 9000}) {
    SqliteStore store(SqliteOptions{path, kFaultyVfs});
    arm_faulty_vfs(budget);
    try {
      add_entry(store, user, ymd(2026, 5, 1));
      disarm_faulty_vfs();
      FAIL() << "a write succeeded on a full disk with budget " << budget;
    } catch (const StoreError& e) {
      disarm_faulty_vfs();
      EXPECT_EQ(e.kind(), StoreError::Kind::full) << e.what();
      EXPECT_NE(std::string(e.what()).find("nothing was saved"), std::string::npos) << e.what();
    }
    EXPECT_GT(faulty_vfs_failures(), 0);
    EXPECT_EQ(entry_count(store, user), 5);
  }
  SqliteStore after(SqliteOptions{path});
  EXPECT_EQ(entry_count(after, user), 5);
  EXPECT_TRUE(after.check().empty());
  add_entry(after, user, ymd(2026, 5, 1));
  EXPECT_EQ(entry_count(after, user), 6);
}

// Adds a morning entry for `day` to `tx`, not yet committed.
void insert_morning(StoreWriter& tx, UserId user, LocalDate day, int pain) {
  DiaryFields f;
  f.pain = *PainScore::make(pain);
  (void)tx.insert_entry(user, NewEntry{day, Period::morning, f, {}, {}, RevisionOp::create, {}},
                        WriteMeta{fixed_now(), Actor{user, "test"}});
}

// A write that is open but not committed, on its own thread: it inserts an
// entry for `day` at once, then commits when told to, and records what its
// commit said.
class PendingWrite {
 public:
  PendingWrite(SqliteStore& store, UserId user, LocalDate day)
      : thread_([this, &store, user, day] {
          bool inserted = false;
          try {
            auto tx = store.write();
            insert_morning(*tx, user, day, 3);
            inserted = true;
            inserted_.set_value();
            go_.get_future().wait();
            tx->commit();
          } catch (const StoreError& e) {
            error_ = e;
            if (!inserted) inserted_.set_value();  // the test then sees the error
          }
        }) {
    inserted_future_.wait();
  }
  ~PendingWrite() {
    if (thread_.joinable()) finish();
  }

  // Lets the write go on and waits for its end (its commit returns only once durable).
  void finish() {
    go_.set_value();
    thread_.join();
  }
  [[nodiscard]] const std::optional<StoreError>& error() const { return error_; }

 private:
  std::promise<void> inserted_;
  std::future<void> inserted_future_ = inserted_.get_future();
  std::promise<void> go_;
  std::optional<StoreError> error_;
  std::thread thread_;
};

// Starts a write on another thread and returns once it waits for the connection.
std::thread waiting_write(SqliteStore& store, const std::function<void()>& write) {
  std::thread t(write);
  while (store.writers_waiting() == 0) std::this_thread::sleep_for(milliseconds(1));
  return t;
}

TEST(SqliteStore, WithAReaderReadsGoOnWhileAWriteIsOpenAndSeeOnlyWhatIsCommitted) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  store.open_reader();
  const UserId user = add_user(store);
  add_entry(store, user, ymd(2026, 6, 1));
  const StoreVersion before = store.version();
  PendingWrite open(store, user, ymd(2026, 6, 2));
  EXPECT_EQ(entry_count(store, user), 1);  // not blocked, and not shown the open write
  EXPECT_EQ(store.version(), before);
  open.finish();
  EXPECT_FALSE(open.error());
  EXPECT_EQ(entry_count(store, user), 2);
  EXPECT_NE(store.version(), before);
}

TEST(SqliteStore, TheVersionMovesWithEveryCommitFromAnyConnectionAndOnlyThen) {
  for (const bool reader : {false, true}) {
    TempDir dir;
    SqliteStore store(SqliteOptions{dir / "daybreak.db"});
    if (reader) store.open_reader();
    const UserId user = add_user(store);
    const StoreVersion v1 = store.version();
    EXPECT_EQ(store.version(), v1);
    (void)store.read()->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31));
    EXPECT_EQ(store.version(), v1);
    {
      auto gave_up = store.write();
      insert_morning(*gave_up, user, ymd(2026, 6, 2), 4);
    }
    EXPECT_EQ(store.version(), v1) << "reader " << reader;
    add_entry(store, user, ymd(2026, 6, 1));
    const StoreVersion v2 = store.version();
    EXPECT_NE(v2, v1) << "reader " << reader;
    raw_query(dir / "daybreak.db", "UPDATE users SET name = 'someone else'");  // another program
    EXPECT_NE(store.version(), v2) << "reader " << reader;
  }
}

// A GET of Today read SQLite's data version three times (accounts, the
// profile, Today), each a read transaction with its locks; as on PostgreSQL,
// it is read once a request until the request's own write.
TEST(SqliteStore, AVersionWasReadAgainByEveryViewOfARequest) {
  for (const bool reader : {false, true}) {
    TempDir dir;
    SqliteStore store(SqliteOptions{dir / "daybreak.db"});
    if (reader) store.open_reader();
    const UserId user = add_user(store);
    const RequestVersions request;
    const StoreVersion start = store.version();
    raw_query(dir / "daybreak.db", "UPDATE users SET name = 'someone else'");  // another program, during the request
    // Kept for the request: what it builds from later reads is newer than the
    // version it keeps it under, never older.
    EXPECT_EQ(store.version(), start) << "reader " << reader;
    add_entry(store, user, ymd(2026, 6, 1));  // the request's own write forgets it
    const StoreVersion after = store.version();
    EXPECT_NE(after.others, start.others) << "reader " << reader;
    EXPECT_NE(after, start) << "reader " << reader;
  }
  TempDir dir;  // without a request, each read is fresh
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  (void)add_user(store);
  const StoreVersion start = store.version();
  raw_query(dir / "daybreak.db", "UPDATE users SET name = 'someone else'");
  EXPECT_NE(store.version(), start);
}

// Group commit: a write that commits while another waits for the connection
// leaves the COMMIT to it; both are durable with one sync of the log.
TEST(SqliteStore, WritesThatArriveTogetherShareOneSync) {
  register_faulty_vfs();
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db", kFaultyVfs});
  store.open_reader();  // as `daybreak serve` has it
  const UserId user = add_user(store);
  const int syncs_alone = faulty_vfs_syncs();
  add_entry(store, user, ymd(2026, 6, 1));
  ASSERT_GT(faulty_vfs_syncs(), syncs_alone);  // a write alone syncs at once
  const int per_commit = faulty_vfs_syncs() - syncs_alone;

  PendingWrite first(store, user, ymd(2026, 6, 2));
  std::thread second = waiting_write(store, [&] { add_entry(store, user, ymd(2026, 6, 3)); });
  const int before = faulty_vfs_syncs();
  first.finish();
  second.join();
  EXPECT_FALSE(first.error());
  EXPECT_EQ(faulty_vfs_syncs() - before, per_commit);
  EXPECT_EQ(entry_count(store, user), 3);
  SqliteStore reopened(SqliteOptions{dir / "daybreak.db"});
  EXPECT_EQ(entry_count(reopened, user), 3);
}

TEST(SqliteStore, AWriteThatGivesUpInAGroupUndoesOnlyItself) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  store.open_reader();  // as `daybreak serve` has it
  const UserId user = add_user(store);
  PendingWrite kept(store, user, ymd(2026, 6, 1));
  std::thread dropped = waiting_write(store, [&] {
    auto tx = store.write();
    insert_morning(*tx, user, ymd(2026, 6, 2), 9);
    // no commit: undone when tx goes
  });
  kept.finish();
  dropped.join();
  EXPECT_FALSE(kept.error());
  const auto entries = store.read()->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31));
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries.front().date, ymd(2026, 6, 1));
}

// A full disk at a group's COMMIT: every write in the group gets the error,
// and none of them is kept.
TEST(SqliteStore, AGroupWhoseCommitFailsFailsEveryWriteInIt) {
  register_faulty_vfs();
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db", kFaultyVfs});
  store.open_reader();  // as `daybreak serve` has it
  const UserId user = add_user(store);
  add_entry(store, user, ymd(2026, 6, 1));
  PendingWrite first(store, user, ymd(2026, 6, 2));
  std::optional<StoreError> second_error;
  std::thread second = waiting_write(store, [&] {
    try {
      auto tx = store.write();
      insert_morning(*tx, user, ymd(2026, 6, 3), 5);
      arm_faulty_vfs(0);
      tx->commit();
    } catch (const StoreError& e) {
      second_error = e;
    }
  });
  first.finish();
  second.join();
  disarm_faulty_vfs();
  ASSERT_TRUE(first.error());
  ASSERT_TRUE(second_error);
  EXPECT_EQ(first.error()->kind(), StoreError::Kind::full) << first.error()->what();
  EXPECT_EQ(second_error->kind(), StoreError::Kind::full) << second_error->what();
  EXPECT_EQ(entry_count(store, user), 1);
  add_entry(store, user, ymd(2026, 6, 4));  // the store goes on
  EXPECT_EQ(entry_count(store, user), 2);
  EXPECT_TRUE(store.check().empty());
}

TEST(SqliteStore, RevisionsAreReadBackEvenWhenTheirTimesLieOutsideTheUsualWindow) {
  // Times are stored in UTC; a night bedtime far east of UTC is still read back.
  TempDir dir;
  SqliteStore store(SqliteOptions{dir / "daybreak.db"});
  const UserId user = add_user(store);
  DiaryFields f;
  f.pain = *PainScore::make(2);
  f.bedtime = Instant{sys_days{ymd(2026, 11, 22)}} + hours{9};  // 19:00 in Tokyo the evening before
  auto tx = store.write();
  const auto e = tx->insert_entry(user, NewEntry{ymd(2026, 11, 23), Period::night, f, {}, {}, RevisionOp::create, {}},
                                  WriteMeta{fixed_now(), Actor{user, "test"}});
  tx->commit();
  const auto revisions = store.read()->revisions(user, e.id);
  ASSERT_EQ(revisions.size(), 1U);
  EXPECT_EQ(revisions[0].fields, f);
}

}  // namespace
}  // namespace daybreak::testing
