// Moving a whole store between databases (daybreak migrate): every table of
// both schemas is in the copy's list, a destination with data is refused and
// left as it was, numbers are kept and new ones do not collide with them, and
// a round trip SQLite -> PostgreSQL -> SQLite gives back the same rows.
#include "store/store_copy.hpp"

#include <gtest/gtest.h>

#include <set>

#include "store/pg.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_conformance.hpp"
#include "support/pg_database.hpp"

namespace daybreak::testing {
namespace {

// What a copy moves, and the bookkeeping it leaves: every table of the schema.
std::set<std::string> listed() {
  std::set<std::string> all(store_tables().begin(), store_tables().end());
  for (const auto t : store_tables_not_copied()) all.emplace(t);
  return all;
}

// A person with a little of everything a diary file holds.
UserId fill(Store& store) {
  const UserId user = new_user(store, "Zoë");
  auto tx = store.write();
  (void)tx->add_sleep_item(user, SleepItemKind::pillow, "knee", kNow);
  DiaryFields f;
  f.pain = *PainScore::make(6);
  f.note = "a morning with \"quotes\", a tab\tand ünïcödé";
  f.medications.push_back(Medication{"ibuprofen", "400 mg", kNow});
  f.pillows = std::vector<std::string>{"knee"};
  const DiaryEntry e = tx->insert_entry(user, NewEntry{ymd(2026, 11, 1), Period::morning, f, "key-1", {}, {}, {}},
                                        WriteMeta{kNow, Actor{user, "test"}});
  f.pain = *PainScore::make(4);
  (void)tx->update_entry(user, e.id, f, RevisionOp::edit, WriteMeta{kNow, Actor{user, "test"}});
  tx->set_setting(user, "emergency_number", "112", kNow);
  tx->set_exercise_level(user, "cat_cow", 2, kNow);
  tx->set_current_stage(user, "daybreak", 2, kNow);
  (void)tx->add_device(user, "phone", std::string(64, 'a'), kNow);
  tx->commit();
  return user;
}

TEST(StoreCopy, EveryTableOfBothSchemasIsCopied) {
  TempDir dir;
  { SqliteStore store(SqliteOptions{dir / "d.db"}); }
  sqlite::Connection file(dir / "d.db", true, false);
  std::set<std::string> sqlite_tables;
  sqlite::Statement& s = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  while (s.step()) sqlite_tables.insert(s.text(0));
  s.reset();
  EXPECT_EQ(sqlite_tables, listed());

  const std::string words = fresh_pg_database();
  { PgStore store(PgOptions{words}); }
  pg::Connection db(words);
  std::set<std::string> pg_tables;
  sql::Statement& p = db.prepare(
      "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'daybreak_schema'");
  while (p.step()) pg_tables.insert(p.text(0));
  p.reset();
  EXPECT_EQ(pg_tables, listed());
}

TEST(StoreCopy, ARoundTripThroughPostgresqlGivesBackEveryRow) {
  TempDir dir;
  SqliteStore file(SqliteOptions{dir / "d.db"});
  const UserId user = fill(file);
  PgStore server(PgOptions{fresh_pg_database()});
  const auto there = copy_store(file, server);
  std::int64_t rows = 0;
  for (const auto& t : there) rows += t.rows;
  EXPECT_GT(rows, 10);
  SqliteStore back(SqliteOptions{dir / "back.db"});
  const auto again = copy_store(server, back);
  ASSERT_EQ(again.size(), there.size());
  for (std::size_t i = 0; i < there.size(); ++i) EXPECT_EQ(again[i].rows, there[i].rows) << there[i].table;

  // Read through the port, the three hold the same diary.
  for (Store* s : std::initializer_list<Store*>{&server, &back}) {
    auto r = s->read();
    const auto entries = r->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31));
    ASSERT_EQ(entries.size(), 1U);
    EXPECT_EQ(entries[0].fields, file.read()->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31))[0].fields);
    EXPECT_EQ(r->revisions(user, entries[0].id).size(), 2U);
    EXPECT_EQ(r->setting(user, "emergency_number"), "112");
    EXPECT_EQ(r->devices(user).size(), 1U);
  }
  // New rows on the server take new numbers, past the ones kept.
  const UserId other = new_user(server, "someone else");
  EXPECT_GT(other.value, user.value);
}

TEST(StoreCopy, ADestinationWithDataIsRefusedAndLeftAsItWas) {
  TempDir dir;
  SqliteStore file(SqliteOptions{dir / "d.db"});
  (void)fill(file);
  PgStore server(PgOptions{fresh_pg_database()});
  const UserId there = new_user(server, "already here");
  try {
    (void)copy_store(file, server);
    FAIL() << "copied into a database with data";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::conflict);
    EXPECT_NE(std::string(e.what()).find("nothing was changed"), std::string::npos) << e.what();
  }
  auto r = server.read();
  EXPECT_TRUE(r->find_user(there).has_value());
  EXPECT_TRUE(r->sleep_items(there).empty());
  EXPECT_FALSE(r->find_user(UserId{there.value + 1}).has_value());
}

}  // namespace
}  // namespace daybreak::testing
