// The diary use cases against a real SQLite database in a temporary directory.
#include "app/diary.hpp"

#include <gtest/gtest.h>

#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;
using testing::berlin;
using testing::ymd;

class Diary : public ::testing::Test {
 protected:
  Diary() : store_(SqliteOptions{dir_ / "daybreak.db"}) { user_ = ensure_local_user(store_, now_, "Europe/Berlin").id; }

  WriteMeta meta() const { return {now_, Actor{user_, "test"}}; }

  AppResult<LogOutcome> log(Period period, const Draft& draft, LocalDate date = ymd(2026, 11, 23), bool replace = false,
                            std::optional<std::string> key = std::nullopt) {
    return log_entry(store_, meta(), user_, berlin(), LogRequest{date, period, draft, replace, key});
  }

  static Draft pain(int p) {
    Draft d;
    d.set("pain", std::to_string(p));
    return d;
  }

  int count() { return static_cast<int>(entries_between(store_, user_, ymd(2000, 1, 1), ymd(2100, 1, 1)).size()); }

  testing::TempDir dir_;
  SqliteStore store_;
  UserId user_;
  Instant now_ = testing::fixed_now();
};

TEST_F(Diary, TheLocalUserIsCreatedOnceWithTheGivenZone) {
  const User again = ensure_local_user(store_, now_ + hours{1}, "Asia/Tokyo");
  EXPECT_EQ(again.id, user_);
  EXPECT_EQ(again.time_zone, "Europe/Berlin");
  EXPECT_EQ(again.created_at, now_);
}

TEST_F(Diary, LoggingSavesEveryFieldAndReadsItBack) {
  const auto created = log(Period::morning, testing::full_morning_draft());
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->kind, LogOutcome::Kind::created);
  const auto found = find_entry(store_, user_, created->entry.id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->fields, created->entry.fields);
  EXPECT_EQ(found->fields.medications.size(), 2U);
  EXPECT_EQ(found->revision, 1);
  EXPECT_EQ(found->created_at, now_);
}

TEST_F(Diary, BadInputReportsEveryFieldAndWritesNothing) {
  Draft d;
  d.set("pain", "11");
  d.set("stiffness_minutes", "-5");
  d.set("bedtime", "23:00");
  d.set("signs", "burning");
  const auto r = log(Period::morning, d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::invalid_input);
  std::vector<std::string> fields;
  for (const auto& e : r.error().fields) fields.push_back(e.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"pain", "stiffness_minutes", "signs", "bedtime"}));
  EXPECT_EQ(count(), 0);
}

TEST_F(Diary, AFutureDayCannotBeLogged) {
  const auto r = log(Period::morning, pain(3), ymd(2026, 11, 24));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).field, "date");
  EXPECT_EQ(r.error().fields.at(0).allowed, "a day from 1970-01-01 to today (2026-11-23), written YYYY-MM-DD");
  EXPECT_TRUE(log(Period::morning, pain(3), ymd(2026, 11, 22)).ok());
  EXPECT_FALSE(log(Period::morning, pain(3), ymd(1969, 12, 31)).ok());
  EXPECT_TRUE(log(Period::morning, pain(3), ymd(1970, 1, 1)).ok());
}

TEST_F(Diary, OnePeriodIsLoggedOnceUnlessReplacedAndReplacingKeepsHistory) {
  const auto first = log(Period::morning, pain(4));
  ASSERT_TRUE(first.ok());
  const auto again = log(Period::morning, pain(6));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().existing, first->entry.id);

  const auto replaced = log(Period::morning, pain(6), ymd(2026, 11, 23), true);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->kind, LogOutcome::Kind::replaced);
  EXPECT_EQ(replaced->entry.id, first->entry.id);
  EXPECT_EQ(replaced->entry.revision, 2);
  const auto history = entry_history(store_, user_, first->entry.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].fields.pain.value(), 4);
  EXPECT_EQ((*history)[1].op, RevisionOp::replace);
  EXPECT_EQ((*history)[1].fields.pain.value(), 6);
  EXPECT_EQ(count(), 1);
}

TEST_F(Diary, ARetriedRequestWithTheSameKeyIsSavedOnce) {
  const auto first = log(Period::evening, pain(3), ymd(2026, 11, 22), false, "key-1");
  ASSERT_TRUE(first.ok());
  const auto retry = log(Period::evening, pain(3), ymd(2026, 11, 22), false, "key-1");
  ASSERT_TRUE(retry.ok());
  EXPECT_EQ(retry->kind, LogOutcome::Kind::replayed);
  EXPECT_EQ(retry->entry.id, first->entry.id);
  EXPECT_EQ(count(), 1);
  // The same key for something else is refused.
  const auto misuse = log(Period::evening, pain(5), ymd(2026, 11, 21), false, "key-1");
  ASSERT_FALSE(misuse.ok());
  EXPECT_EQ(misuse.error().code, ErrorCode::conflict);
  // A retry still finds its entry after it was edited...
  Draft edit;
  edit.set("note", "later thought");
  ASSERT_TRUE(edit_entry(store_, meta(), user_, berlin(), first->entry.id, edit).ok());
  const auto late_retry = log(Period::evening, pain(3), ymd(2026, 11, 22), false, "key-1");
  ASSERT_TRUE(late_retry.ok());
  EXPECT_EQ(late_retry->entry.fields.note, "later thought");
  // ...and never brings a deleted one back.
  ASSERT_TRUE(delete_entry(store_, meta(), user_, first->entry.id).ok());
  const auto after_delete = log(Period::evening, pain(3), ymd(2026, 11, 22), false, "key-1");
  ASSERT_FALSE(after_delete.ok());
  EXPECT_EQ(count(), 0);
}

TEST_F(Diary, EditingChangesOnlyTheNamedFieldsAndKeepsTheOldValues) {
  const auto created = log(Period::morning, testing::full_morning_draft());
  ASSERT_TRUE(created.ok());
  Draft d;
  d.set("pain", "2");
  d.clear("note");
  const auto edited = edit_entry(store_, meta(), user_, berlin(), created->entry.id, d);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->fields.pain.value(), 2);
  EXPECT_TRUE(edited->fields.note.empty());
  EXPECT_EQ(edited->fields.stiffness_minutes, created->entry.fields.stiffness_minutes);
  EXPECT_EQ(edited->revision, 2);

  // No change: no new revision.
  const auto same = edit_entry(store_, meta(), user_, berlin(), created->entry.id, d);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->revision, 2);

  Draft bad;
  bad.set("pain", "99");
  bad.set("bedtime", "22:00");
  const auto refused = edit_entry(store_, meta(), user_, berlin(), created->entry.id, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.size(), 2U);
  EXPECT_EQ(find_entry(store_, user_, created->entry.id)->fields.pain.value(), 2);

  EXPECT_EQ(edit_entry(store_, meta(), user_, berlin(), EntryId{999}, d).error().code, ErrorCode::not_found);
  EXPECT_EQ(edit_entry(store_, meta(), user_, berlin(), created->entry.id, Draft{}).error().code,
            ErrorCode::invalid_input);
}

TEST_F(Diary, DeletingHidesTheEntryFreesItsPeriodAndKeepsItsHistory) {
  const auto created = log(Period::afternoon, pain(5));
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(delete_entry(store_, meta(), user_, created->entry.id).ok());
  EXPECT_EQ(find_entry(store_, user_, created->entry.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(delete_entry(store_, meta(), user_, created->entry.id).error().code, ErrorCode::not_found);
  const auto history = entry_history(store_, user_, created->entry.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ(history->back().op, RevisionOp::remove);
  EXPECT_EQ(history->back().fields.pain.value(), 5);
  EXPECT_TRUE(log(Period::afternoon, pain(2)).ok());
}

TEST_F(Diary, SleepItemsMustBeNamedBeforeUse) {
  Draft night;
  night.set("pain", "2");
  night.set("mattress", "firm foam");
  night.set("pillows", "knee pillow");
  auto r = log(Period::night, night);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 2U);
  EXPECT_EQ(r.error().fields[0].allowed, "a mattress you add to your sleep items first");
  EXPECT_EQ(r.error().hint, Hint(HintAction::add_sleep_item, {{"kind", "mattress"}}));

  ASSERT_TRUE(add_sleep_item(store_, now_, user_, SleepItemKind::mattress, "firm foam").ok());
  ASSERT_TRUE(add_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").ok());
  EXPECT_EQ(add_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").error().code,
            ErrorCode::conflict);
  EXPECT_EQ(add_sleep_item(store_, now_, user_, SleepItemKind::pillow, "a;b").error().code, ErrorCode::invalid_input);
  r = log(Period::night, night);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->entry.fields.mattress, "firm foam");

  // Retired items stay on old entries.
  ASSERT_TRUE(retire_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").ok());
  EXPECT_EQ(find_entry(store_, user_, r->entry.id)->fields.pillows, std::vector<std::string>{"knee pillow"});
  EXPECT_FALSE(retire_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").ok());
  EXPECT_EQ(sleep_items(store_, user_).size(), 2U);
}

// Issue 15.10: a knee pillow logged only on the nights it was used left every
// other night unknown. Once the person has a pillow, a night that names none
// is recorded as none; before that, and for other periods, nothing is added.
TEST_F(Diary, ANightLoggedWithoutAPillowSaysNoneOnceThePersonHasOne) {
  auto r = log(Period::night, pain(2), ymd(2026, 11, 20));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->entry.fields.pillows.has_value()) << "no pillow owned: nothing to say";

  ASSERT_TRUE(add_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").ok());
  r = log(Period::night, pain(2), ymd(2026, 11, 21));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->entry.fields.pillows, std::vector<std::string>{});
  EXPECT_EQ(find_entry(store_, user_, r->entry.id)->fields.pillows, std::vector<std::string>{});

  Draft used = pain(2);
  used.set("pillows", "knee pillow");
  r = log(Period::night, used, ymd(2026, 11, 22));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->entry.fields.pillows, std::vector<std::string>{"knee pillow"});

  r = log(Period::morning, pain(2), ymd(2026, 11, 22));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->entry.fields.pillows.has_value()) << "pillows belong to the night";

  // An item called "none" would make the answer ambiguous.
  EXPECT_EQ(add_sleep_item(store_, now_, user_, SleepItemKind::pillow, "none").error().code, ErrorCode::invalid_input);

  // A retired pillow is no longer owned: no default.
  ASSERT_TRUE(retire_sleep_item(store_, now_, user_, SleepItemKind::pillow, "knee pillow").ok());
  r = log(Period::night, pain(2), ymd(2026, 11, 23));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_FALSE(r->entry.fields.pillows.has_value());
}

TEST_F(Diary, EntriesComeBackInDayAndPeriodOrder) {
  for (const auto p : {Period::evening, Period::night, Period::afternoon, Period::morning}) {
    ASSERT_TRUE(log(p, pain(1), ymd(2026, 11, 22)).ok());
  }
  ASSERT_TRUE(log(Period::night, pain(1), ymd(2026, 11, 21)).ok());
  const auto all = entries_between(store_, user_, ymd(2026, 11, 21), ymd(2026, 11, 22));
  ASSERT_EQ(all.size(), 5U);
  EXPECT_EQ(all[0].date, ymd(2026, 11, 21));
  EXPECT_EQ(all[1].period, Period::night);
  EXPECT_EQ(all[2].period, Period::morning);
  EXPECT_EQ(all[4].period, Period::evening);
  EXPECT_EQ(entries_between(store_, user_, ymd(2026, 11, 22), ymd(2026, 11, 22)).size(), 4U);
}

TEST(PeriodDue, FollowsTheShapeOfTheDay) {
  const LocalDate day = ymd(2026, 11, 23);
  const auto t = [&](int h) { return at(day, hours{h}); };
  EXPECT_EQ(period_due(Period::morning, true, day, t(8)), PeriodDue::logged);
  EXPECT_EQ(period_due(Period::night, false, day, t(8)), PeriodDue::due);
  EXPECT_EQ(period_due(Period::afternoon, false, day, t(8)), PeriodDue::later);
  EXPECT_EQ(period_due(Period::afternoon, false, day, t(15)), PeriodDue::due);
  EXPECT_EQ(period_due(Period::evening, false, day, t(19)), PeriodDue::later);
  EXPECT_EQ(period_due(Period::evening, false, day, t(21)), PeriodDue::due);
  EXPECT_EQ(period_due(Period::evening, false, day, t(25)), PeriodDue::missed);
}

}  // namespace
}  // namespace daybreak
