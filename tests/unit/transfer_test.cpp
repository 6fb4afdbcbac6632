// CSV export and import, backup, restore and check, against real SQLite files.
#include "app/transfer.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "app/diary.hpp"
#include "app/safety.hpp"
#include "support/fixtures.hpp"
#include "support/safety_fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak {
namespace {

using testing::berlin;
using testing::ymd;

struct Diary {
  explicit Diary(const std::filesystem::path& path) : store(SqliteOptions{path}) {
    user = ensure_local_user(store, testing::fixed_now(), "Europe/Berlin").id;
  }
  WriteMeta meta() const { return {testing::fixed_now(), Actor{user, "test"}}; }
  void log(LocalDate date, Period period, const Draft& draft) {
    const auto r = log_entry(store, meta(), user, berlin(), LogRequest{date, period, draft, false, {}});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  int count() { return static_cast<int>(entries_between(store, user, ymd(2000, 1, 1), ymd(2100, 1, 1)).size()); }
  SqliteStore store;
  UserId user;
};

void fill(Diary& d) {
  ASSERT_TRUE(add_sleep_item(d.store, testing::fixed_now(), d.user, SleepItemKind::mattress, "firm foam").ok());
  ASSERT_TRUE(add_sleep_item(d.store, testing::fixed_now(), d.user, SleepItemKind::pillow, "knee pillow").ok());
  ASSERT_TRUE(add_sleep_item(d.store, testing::fixed_now(), d.user, SleepItemKind::pillow, "thin pillow").ok());
  for (int day = 1; day <= 20; ++day) {
    d.log(ymd(2026, 11, static_cast<unsigned>(day)), Period::night, testing::full_night_draft());
    d.log(ymd(2026, 11, static_cast<unsigned>(day)), Period::morning, testing::full_morning_draft());
    Draft evening;
    evening.set("pain", std::to_string(day % 11));
    evening.set("sitting_hours", "6.5");
    d.log(ymd(2026, 11, static_cast<unsigned>(day)), Period::evening, evening);
  }
}

// Drops the id and updated_at columns, which describe a copy, not the diary.
std::string content_of(const std::string& csv) {
  std::string out;
  std::size_t start = 0;
  while (start < csv.size()) {
    const std::size_t end = csv.find("\r\n", start);
    std::string line = csv.substr(start, end - start);
    line = line.substr(line.find(',') + 1);
    line = line.substr(0, line.rfind(','));
    out += line + "\n";
    start = end + 2;
  }
  return out;
}

TEST(Transfer, CsvRoundTripLosesNothing) {
  testing::TempDir dir;
  Diary original(dir / "a.db");
  fill(original);
  const std::string exported = export_csv(original.store, original.user, berlin());

  Diary copy(dir / "b.db");
  const auto summary = import_csv(copy.store, copy.meta(), copy.user, berlin(), exported, false, false);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->added, 60);
  EXPECT_EQ(summary->items_created.size(), 3U);
  EXPECT_EQ(content_of(export_csv(copy.store, copy.user, berlin())), content_of(exported));
  const auto a = entries_between(original.store, original.user, ymd(2026, 11, 1), ymd(2026, 11, 30));
  const auto b = entries_between(copy.store, copy.user, ymd(2026, 11, 1), ymd(2026, 11, 30));
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].fields, b[i].fields);
    EXPECT_EQ(a[i].created_at, b[i].created_at);
  }

  // Importing the same file again changes nothing.
  const auto again = import_csv(copy.store, copy.meta(), copy.user, berlin(), exported, false, false);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->unchanged, 60);
}

// Issue 15.5: imported entries dated today with red_flags=yes, or with leg
// symptoms, raised no safety event; older history need not.
TEST(Transfer, ARecentWarningSignInAnImportRunsTheSafetyChecksOfLoggingIt) {
  testing::TempDir dir;
  Diary d(dir / "a.db");
  testing::pass_safety_check(d.store, d.user, testing::fixed_now() - std::chrono::hours{1}, berlin());
  const auto gate = [&] { return safety_gate(d.store, d.user, testing::fixed_now()).state; };
  ASSERT_EQ(gate().status, SafetyStatus::ok);

  // Old history: neither the yes nor the leg symptoms raise anything.
  const std::string old_rows =
      "date,period,pain,red_flags,leg_symptoms,created_at\r\n"
      "2026-10-01,morning,4,yes,,2026-10-01T06:00:00Z\r\n"
      "2026-10-02,morning,4,no,\"numbness_left,numbness_right\",2026-10-02T06:00:00Z\r\n";
  ASSERT_TRUE(import_csv(d.store, d.meta(), d.user, berlin(), old_rows, false, false).ok());
  EXPECT_EQ(gate().status, SafetyStatus::ok);
  EXPECT_EQ(screening_history(d.store, d.user).size(), 1U);

  // Numbness in both legs yesterday, written (says the file) before the last check: the leg questions wait.
  const std::string legs =
      "date,period,pain,leg_symptoms,created_at\r\n"
      "2026-11-22,morning,3,\"numbness_left,numbness_right\",2026-11-22T06:00:00Z\r\n";
  ASSERT_TRUE(import_csv(d.store, d.meta(), d.user, berlin(), legs, false, false).ok());
  EXPECT_EQ(gate().status, SafetyStatus::check_needed);
  EXPECT_EQ(gate().unchecked_legs.size(), 1U);

  // The one-tap check answered yes today: the same lock as logging it.
  const std::string today = "date,period,pain,red_flags\r\n2026-11-23,morning,4,yes\r\n";
  ASSERT_TRUE(import_csv(d.store, d.meta(), d.user, berlin(), today, false, false).ok());
  EXPECT_EQ(gate().status, SafetyStatus::locked);
  ASSERT_EQ(gate().emergency.size(), 1U);
  EXPECT_EQ(gate().emergency[0].kind, ScreenKind::quick);
}

TEST(Transfer, OneBadRowMeansNothingIsImported) {
  testing::TempDir dir;
  Diary d(dir / "a.db");
  const std::string csv =
      "date,period,pain\r\n2026-11-01,morning,3\r\n2026-11-02,morning,eleven\r\n2026-11-03,morning,4\r\n"
      "2026-11-04,morning,40\r\n";
  const auto r = import_csv(d.store, d.meta(), d.user, berlin(), csv, false, false);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "nothing was imported: 2 problems in the file");
  ASSERT_EQ(r.error().details.size(), 2U);
  EXPECT_EQ(r.error().details[0], "line 3: pain: 'eleven' is not allowed; allowed: a whole number from 0 to 10");
  EXPECT_EQ(d.count(), 0);
}

TEST(Transfer, RowsThatClashWithTheDiaryNeedReplace) {
  testing::TempDir dir;
  Diary d(dir / "a.db");
  Draft p;
  p.set("pain", "3");
  d.log(ymd(2026, 11, 1), Period::morning, p);
  const std::string csv = "date,period,pain\r\n2026-11-01,morning,5\r\n2026-11-02,morning,4\r\n2026-12-01,night,1\r\n";
  const auto refused = import_csv(d.store, d.meta(), d.user, berlin(), csv, false, false);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().details.size(), 2U);
  EXPECT_NE(refused.error().details[0].find("--replace on the command line, replace=true in the API"),
            std::string::npos);
  EXPECT_NE(refused.error().details[1].find("to today (2026-11-23)"), std::string::npos);
  EXPECT_EQ(d.count(), 1);

  const std::string ok_csv = "date,period,pain\r\n2026-11-01,morning,5\r\n2026-11-02,morning,4\r\n";
  const auto dry = import_csv(d.store, d.meta(), d.user, berlin(), ok_csv, true, true);
  ASSERT_TRUE(dry.ok());
  EXPECT_FALSE(dry->written);
  EXPECT_EQ(dry->replaced, 1);
  EXPECT_EQ(dry->added, 1);
  EXPECT_EQ(d.count(), 1);

  const auto done = import_csv(d.store, d.meta(), d.user, berlin(), ok_csv, true, false);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(d.count(), 2);
  EXPECT_EQ(d.store.read()->find_entry_on(d.user, ymd(2026, 11, 1), Period::morning)->fields.pain.value(), 5);
}

TEST(Transfer, BackupAndRestoreBringBackEverythingAndKeepASafetyCopy) {
  testing::TempDir dir;
  Diary d(dir / "live.db");
  fill(d);
  ASSERT_TRUE(backup(d.store, dir / "backup.db", false).ok());
  EXPECT_EQ(backup(d.store, dir / "backup.db", false).error().code, ErrorCode::conflict);
  EXPECT_TRUE(backup(d.store, dir / "backup.db", true).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "backup.db-wal"));

  // Change the diary, then restore the backup.
  Draft p;
  p.set("pain", "9");
  d.log(ymd(2026, 11, 21), Period::morning, p);
  EXPECT_EQ(d.count(), 61);
  const auto restored = restore(dir / "live.db", dir / "backup.db", dir / "safety", testing::fixed_now());
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(d.count(), 60);
  EXPECT_EQ(restored->kept.filename(), "before-restore-20261123T063000Z.db");
  // The safety copy holds the diary as it was, change included.
  Diary safety(restored->kept);
  EXPECT_EQ(safety.count(), 61);
  EXPECT_TRUE(check(d.store, d.user, berlin()).problems.empty());
}

TEST(Transfer, RestoreRefusesADamagedFileAndChangesNothing) {
  testing::TempDir dir;
  Diary d(dir / "live.db");
  fill(d);
  ASSERT_TRUE(backup(d.store, dir / "backup.db", false).ok());
  // Overwrite a whole page in the middle of the backup.
  std::string bytes = testing::read_file(dir / "backup.db");
  ASSERT_GT(bytes.size(), 4U * 4096);
  for (std::size_t i = 2 * 4096; i < 3 * 4096; ++i) bytes[i] = '\x5a';
  testing::write_file(dir / "backup.db", bytes);
  try {
    const auto r = restore(dir / "live.db", dir / "backup.db", dir / "safety", testing::fixed_now());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("damaged"), std::string::npos);
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::corrupt) << e.what();
  }
  EXPECT_EQ(d.count(), 60);
  EXPECT_FALSE(std::filesystem::exists(dir / "safety"));
}

// Data safety: "a CSV round trip renumbers entry ids when ids are not in date
// order (edits, late logging): after a restore from CSV, `edit 12` means
// another entry". The file's numbers are kept.
TEST(Transfer, CsvRoundTripKeepsEntryIds) {
  testing::TempDir dir;
  Diary d(dir / "live.db");
  Draft p;
  p.set("pain", "4");
  d.log(ymd(2026, 11, 9), Period::morning, p);  // logged late: entry 1 is the latest day
  d.log(ymd(2026, 11, 2), Period::morning, p);
  d.log(ymd(2026, 11, 5), Period::evening, p);
  d.log(ymd(2026, 11, 5), Period::morning, p);
  ASSERT_TRUE(delete_entry(d.store, d.meta(), d.user, EntryId{2}).ok());  // a gap
  const std::string csv = export_csv(d.store, d.user, berlin());

  Diary fresh(dir / "fresh.db");
  const auto imported = import_csv(fresh.store, fresh.meta(), fresh.user, berlin(), csv, false, false);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_TRUE(imported->renumbered.empty());
  for (const auto& e : entries_between(d.store, d.user, ymd(2026, 1, 1), ymd(2026, 12, 31))) {
    const auto same = fresh.store.read()->find_entry_on(fresh.user, e.date, e.period);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->id, e.id) << format_date(e.date) << " " << name_of(e.period);
  }
  EXPECT_EQ(export_csv(fresh.store, fresh.user, berlin()), csv);
  // A new entry after the import takes a number none of them has.
  Draft q;
  q.set("pain", "2");
  const auto next = log_entry(fresh.store, fresh.meta(), fresh.user, berlin(),
                              LogRequest{ymd(2026, 11, 10), Period::morning, q, false, {}});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->entry.id.value, 5);
}

TEST(Transfer, ImportingIntoADiaryThatUsesTheNumbersGivesNewOnesAndSaysWhich) {
  testing::TempDir dir;
  Diary d(dir / "live.db");
  Draft p;
  p.set("pain", "4");
  d.log(ymd(2026, 11, 1), Period::morning, p);
  d.log(ymd(2026, 11, 2), Period::morning, p);
  const std::string csv = "id,date,period,pain\r\n2,2026-10-01,morning,3\r\n7,2026-10-02,morning,5\r\n";
  const auto imported = import_csv(d.store, d.meta(), d.user, berlin(), csv, false, false);
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  EXPECT_EQ(imported->added, 2);
  ASSERT_EQ(imported->renumbered.size(), 1U);
  EXPECT_EQ(imported->renumbered[0].first, EntryId{2});
  EXPECT_EQ(imported->renumbered[0].second, EntryId{8});  // after the 7 the file kept
  EXPECT_EQ(d.store.read()->find_entry_on(d.user, ymd(2026, 10, 2), Period::morning)->id, EntryId{7});
  EXPECT_EQ(d.store.read()->find_entry_on(d.user, ymd(2026, 11, 2), Period::morning)->id, EntryId{2});

  const std::string twice = "id,date,period,pain\r\n9,2026-10-05,morning,3\r\n9,2026-10-06,morning,5\r\n";
  const auto refused = import_csv(d.store, d.meta(), d.user, berlin(), twice, false, false);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().details.at(0).find("each entry number once"), std::string::npos);
}

TEST(Transfer, CheckFindsEntriesThatBreakTheRules) {
  testing::TempDir dir;
  Diary d(dir / "live.db");
  fill(d);
  EXPECT_TRUE(check(d.store, d.user, berlin()).problems.empty());
  EXPECT_EQ(check(d.store, d.user, berlin()).entries, 60);
  // Behind daybreak's back: morning stiffness on an evening entry.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open((dir / "live.db").c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(raw, "UPDATE entries SET stiffness_minutes = 30 WHERE period = 'evening' AND day = '2026-11-05'",
                   nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(raw);
  const auto report = check(d.store, d.user, berlin());
  ASSERT_EQ(report.problems.size(), 1U);
  EXPECT_NE(report.problems[0].find("2026-11-05 evening"), std::string::npos) << report.problems[0];
}

}  // namespace
}  // namespace daybreak
