#include "store/store_conformance.hpp"

#include <map>

#include "domain/entry_fields.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

DiaryFields fields_from(const Draft& draft, LocalDate date, Period period) {
  DiaryFields f;
  EXPECT_TRUE(apply_draft(f, draft, TimeContext{date, period, berlin()}, DraftMode::create).empty());
  return f;
}

DiaryFields pain(int p) {
  DiaryFields f;
  f.pain = *PainScore::make(p);
  return f;
}

WriteMeta meta(UserId user, Instant at = kNow) { return {at, Actor{user, "test"}}; }

// Creates a user with the sleep items the full drafts name.
UserId make_user(Store& store, const std::string& name) {
  auto tx = store.write();
  const User u = tx->create_user(name, "Europe/Berlin", kNow);
  (void)tx->add_sleep_item(u.id, SleepItemKind::mattress, "firm foam", kNow);
  (void)tx->add_sleep_item(u.id, SleepItemKind::pillow, "knee pillow", kNow);
  (void)tx->add_sleep_item(u.id, SleepItemKind::pillow, "thin pillow", kNow);
  tx->commit();
  return u.id;
}

DiaryEntry insert(Store& store, UserId user, LocalDate date, Period period, const DiaryFields& fields,
                  std::optional<std::string> key = std::nullopt) {
  auto tx = store.write();
  DiaryEntry e = tx->insert_entry(
      user, NewEntry{date, period, fields, std::move(key), std::nullopt, RevisionOp::create, {}}, meta(user));
  tx->commit();
  return e;
}

TEST_P(StoreConformance, UsersAreCreatedFoundAndUpdated) {
  UserId id;
  {
    auto tx = store_->write();
    id = tx->create_user("me", "Europe/Oslo", kNow).id;
    tx->commit();
  }
  auto user = store_->read()->find_user(id);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->name, "me");
  EXPECT_EQ(user->time_zone, "Europe/Oslo");
  EXPECT_EQ(user->created_at, kNow);
  user->time_zone = "Asia/Tokyo";
  {
    auto tx = store_->write();
    tx->update_user(*user);
    tx->commit();
  }
  EXPECT_EQ(store_->read()->find_user(id)->time_zone, "Asia/Tokyo");
  EXPECT_FALSE(store_->read()->find_user(UserId{id.value + 100}));
}

TEST_P(StoreConformance, EveryFieldIsStoredExactly) {
  const UserId user = make_user(*store_, "me");
  const LocalDate day = ymd(2026, 11, 22);
  const auto night = fields_from(full_night_draft(), day, Period::night);
  const auto morning = fields_from(full_morning_draft(), day, Period::morning);
  const DiaryEntry n = insert(*store_, user, day, Period::night, night);
  const DiaryEntry m = insert(*store_, user, day, Period::morning, morning);
  EXPECT_EQ(n.fields, night);
  EXPECT_EQ(m.fields, morning);
  EXPECT_NE(n.id, m.id);
  EXPECT_EQ(n.revision, 1);
  EXPECT_EQ(n.created_at, kNow);
  EXPECT_EQ(n.updated_at, kNow);
  const auto read = store_->read();
  EXPECT_EQ(read->find_entry(user, n.id)->fields, night);
  EXPECT_EQ(read->find_entry_on(user, day, Period::morning)->fields, morning);
  EXPECT_EQ(read->find_entry_on(user, day, Period::morning)->fields.medications[0].name, "ibuprofen");
  EXPECT_FALSE(read->find_entry_on(user, day, Period::evening));
}

// Issue 15.10: "no pillow that night" is stored as such, apart from a night
// whose pillows were not recorded, and an edit can change one into the other.
TEST_P(StoreConformance, ANightWithoutAPillowIsStoredAsNoneNotAsUnknown) {
  const UserId user = make_user(*store_, "me");
  DiaryFields none = pain(2);
  none.pillows.emplace();
  const DiaryFields unknown = pain(3);
  const DiaryEntry a = insert(*store_, user, ymd(2026, 11, 20), Period::night, none);
  const DiaryEntry b = insert(*store_, user, ymd(2026, 11, 21), Period::night, unknown);
  {
    const auto read = store_->read();
    ASSERT_TRUE(read->find_entry(user, a.id)->fields.pillows.has_value());
    EXPECT_TRUE(read->find_entry(user, a.id)->fields.pillows->empty());
    EXPECT_FALSE(read->find_entry(user, b.id)->fields.pillows.has_value());
    const auto range = read->entries_between(user, ymd(2026, 11, 20), ymd(2026, 11, 21));
    ASSERT_EQ(range.size(), 2U);
    EXPECT_EQ(range[0].fields, none);
    EXPECT_EQ(range[1].fields, unknown);
  }
  DiaryFields used = none;
  used.pillows = std::vector<std::string>{"knee pillow"};
  {
    auto tx = store_->write();
    (void)tx->update_entry(user, a.id, used, RevisionOp::edit, meta(user, kNow + hours{1}));
    tx->commit();
  }
  EXPECT_EQ(store_->read()->find_entry(user, a.id)->fields, used);
}

TEST_P(StoreConformance, ARangeComesBackInDayThenPeriodOrder) {
  const UserId user = make_user(*store_, "me");
  for (unsigned d : {3U, 1U, 2U}) {
    for (const auto p : {Period::evening, Period::night, Period::morning}) {
      (void)insert(*store_, user, ymd(2026, 11, d), p, pain(static_cast<int>(d)));
    }
  }
  const auto entries = store_->read()->entries_between(user, ymd(2026, 11, 1), ymd(2026, 11, 2));
  ASSERT_EQ(entries.size(), 6U);
  EXPECT_EQ(entries[0].date, ymd(2026, 11, 1));
  EXPECT_EQ(entries[0].period, Period::night);
  EXPECT_EQ(entries[1].period, Period::morning);
  EXPECT_EQ(entries[2].period, Period::evening);
  EXPECT_EQ(entries[3].date, ymd(2026, 11, 2));
  EXPECT_EQ(store_->read()->first_entry_date(user), ymd(2026, 11, 1));
}

// The lists (medications, factors, pillows) are read by entry id range; a
// range's entries must get their own lists and no one else's, whatever the
// order the entries were written in, deleted ones and other people's between.
TEST_P(StoreConformance, EachEntryInARangeGetsItsOwnListsAndNoOneElses) {
  const UserId me = make_user(*store_, "me");
  const UserId other = make_user(*store_, "other");
  std::map<std::int64_t, DiaryFields> written;
  std::map<unsigned, EntryId> mornings;
  // Mornings first, then nights, days out of order: a day's two ids have
  // other days' entries between them.
  for (const Period period : {Period::morning, Period::night}) {
    const Draft& draft = period == Period::morning ? full_morning_draft() : full_night_draft();
    for (unsigned d : {3U, 1U, 2U}) {
      const LocalDate day = ymd(2026, 11, d);
      (void)insert(*store_, other, day, period, fields_from(draft, day, period));
      const DiaryEntry e = insert(*store_, me, day, period, fields_from(draft, day, period));
      written[e.id.value] = e.fields;
      if (period == Period::morning) mornings[d] = e.id;
    }
  }
  {  // a deleted entry with lists, its id between day 1's two
    auto tx = store_->write();
    tx->delete_entry(me, mornings.at(2), meta(me));
    tx->commit();
    written.erase(mornings.at(2).value);
  }
  const auto read = store_->read();
  const auto all = read->entries_between(me, ymd(2026, 11, 1), ymd(2026, 11, 3));
  ASSERT_EQ(all.size(), written.size());
  for (const auto& e : all) EXPECT_EQ(e.fields, written.at(e.id.value)) << "entry " << e.id.value;
  const auto middle = read->entries_between(me, ymd(2026, 11, 1), ymd(2026, 11, 1));
  ASSERT_EQ(middle.size(), 2U);
  EXPECT_EQ(middle[0].period, Period::night);
  EXPECT_EQ(middle[1].period, Period::morning);
  for (const auto& e : middle) EXPECT_EQ(e.fields, written.at(e.id.value)) << "entry " << e.id.value;
  EXPECT_FALSE(middle[1].fields.medications.empty());
  ASSERT_TRUE(middle[0].fields.pillows);
  EXPECT_FALSE(middle[0].fields.pillows->empty());
}

TEST_P(StoreConformance, OneLiveEntryPerPeriod) {
  const UserId user = make_user(*store_, "me");
  (void)insert(*store_, user, ymd(2026, 11, 1), Period::morning, pain(3));
  try {
    (void)insert(*store_, user, ymd(2026, 11, 1), Period::morning, pain(4));
    FAIL() << "a second morning was accepted";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::conflict);
  }
  EXPECT_EQ(store_->read()->entries_between(user, ymd(2026, 11, 1), ymd(2026, 11, 1)).size(), 1U);
}

TEST_P(StoreConformance, AWriteThatIsNotCommittedLeavesNoTrace) {
  const UserId user = make_user(*store_, "me");
  {
    auto tx = store_->write();
    (void)tx->insert_entry(user, NewEntry{ymd(2026, 11, 1), Period::morning, pain(3), {}, {}, RevisionOp::create, {}},
                           meta(user));
    (void)tx->add_sleep_item(user, SleepItemKind::pillow, "never", kNow);
    // no commit
  }
  const auto read = store_->read();
  EXPECT_TRUE(read->entries_between(user, ymd(2026, 1, 1), ymd(2026, 12, 31)).empty());
  EXPECT_EQ(read->sleep_items(user).size(), 3U);
  EXPECT_TRUE(read->revisions(user, EntryId{1}).empty());
}

TEST_P(StoreConformance, UpdatesAndDeletesKeepEveryRevision) {
  const UserId user = make_user(*store_, "me");
  const auto e = insert(*store_, user, ymd(2026, 11, 1), Period::morning, pain(3));
  DiaryEntry updated;
  {
    auto tx = store_->write();
    updated = tx->update_entry(user, e.id, pain(5), RevisionOp::edit, meta(user, kNow + hours{1}));
    tx->commit();
  }
  EXPECT_EQ(updated.revision, 2);
  EXPECT_EQ(updated.fields.pain.value(), 5);
  EXPECT_EQ(updated.created_at, kNow);
  EXPECT_EQ(updated.updated_at, kNow + hours{1});
  {
    auto tx = store_->write();
    tx->delete_entry(user, e.id, meta(user, kNow + hours{2}));
    tx->commit();
  }
  const auto read = store_->read();
  EXPECT_FALSE(read->find_entry(user, e.id));
  EXPECT_FALSE(read->find_entry_on(user, ymd(2026, 11, 1), Period::morning));
  const auto revisions = read->revisions(user, e.id);
  ASSERT_EQ(revisions.size(), 3U);
  EXPECT_EQ(revisions[0].op, RevisionOp::create);
  EXPECT_EQ(revisions[0].fields.pain.value(), 3);
  EXPECT_EQ(revisions[1].op, RevisionOp::edit);
  EXPECT_EQ(revisions[1].recorded_at, kNow + hours{1});
  EXPECT_EQ(revisions[2].op, RevisionOp::remove);
  EXPECT_EQ(revisions[2].fields.pain.value(), 5);
  EXPECT_EQ(revisions[2].actor.channel, "test");
  EXPECT_EQ(revisions[2].date, ymd(2026, 11, 1));
}

TEST_P(StoreConformance, ADeletedPeriodCanBeLoggedAgain) {
  const UserId user = make_user(*store_, "me");
  const auto e = insert(*store_, user, ymd(2026, 11, 1), Period::morning, pain(3));
  {
    auto tx = store_->write();
    tx->delete_entry(user, e.id, meta(user));
    tx->commit();
  }
  const auto again = insert(*store_, user, ymd(2026, 11, 1), Period::morning, pain(1));
  EXPECT_NE(again.id, e.id);
}

TEST_P(StoreConformance, UpdatingOrDeletingAMissingEntryIsNotFound) {
  const UserId user = make_user(*store_, "me");
  auto tx = store_->write();
  try {
    (void)tx->update_entry(user, EntryId{42}, pain(1), RevisionOp::edit, meta(user));
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::not_found);
  }
}

TEST_P(StoreConformance, IdempotencyKeysFindTheOriginalContent) {
  const UserId user = make_user(*store_, "me");
  const auto e = insert(*store_, user, ymd(2026, 11, 1), Period::evening, pain(3), "abc");
  {
    auto tx = store_->write();
    (void)tx->update_entry(user, e.id, pain(7), RevisionOp::edit, meta(user));
    tx->commit();
  }
  const auto hit = store_->read()->find_by_key(user, "abc");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->entry, e.id);
  EXPECT_EQ(hit->original.pain.value(), 3);
  EXPECT_EQ(hit->period, Period::evening);
  EXPECT_FALSE(hit->deleted);
  EXPECT_FALSE(store_->read()->find_by_key(user, "other"));
  try {
    (void)insert(*store_, user, ymd(2026, 11, 2), Period::evening, pain(3), "abc");
    FAIL() << "a key was used twice";
  } catch (const StoreError& err) {
    EXPECT_EQ(err.kind(), StoreError::Kind::conflict);
  }
}

TEST_P(StoreConformance, SleepItemsAreUniquePerKindAndCanBeRetired) {
  const UserId user = make_user(*store_, "me");
  {
    auto tx = store_->write();
    (void)tx->add_sleep_item(user, SleepItemKind::mattress, "knee pillow", kNow);  // same name, other kind: fine
    tx->commit();
  }
  try {
    auto tx = store_->write();
    (void)tx->add_sleep_item(user, SleepItemKind::pillow, "knee pillow", kNow);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::conflict);
  }
  auto items = store_->read()->sleep_items(user);
  ASSERT_EQ(items.size(), 4U);
  {
    auto tx = store_->write();
    tx->retire_sleep_item(user, items[0].id, kNow + hours{1});
    tx->commit();
  }
  items = store_->read()->sleep_items(user);
  EXPECT_EQ(items[0].retired_at, kNow + hours{1});
}

TEST_P(StoreConformance, AnEntryNamingAnUnknownSleepItemIsRefused) {
  const UserId user = make_user(*store_, "me");
  DiaryFields f = pain(2);
  f.pillows = std::vector<std::string>{"ghost pillow"};
  try {
    (void)insert(*store_, user, ymd(2026, 11, 1), Period::night, f);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::not_found);
  }
  EXPECT_TRUE(store_->read()->entries_between(user, ymd(2026, 11, 1), ymd(2026, 11, 1)).empty());
}

TEST_P(StoreConformance, OnePersonNeverSeesAnothersData) {
  const UserId alice = make_user(*store_, "alice");
  const UserId bob = make_user(*store_, "bob");
  const auto e = insert(*store_, alice, ymd(2026, 11, 1), Period::morning, pain(3), "k");
  const auto read = store_->read();
  EXPECT_FALSE(read->find_entry(bob, e.id));
  EXPECT_FALSE(read->find_entry_on(bob, ymd(2026, 11, 1), Period::morning));
  EXPECT_TRUE(read->entries_between(bob, ymd(2026, 1, 1), ymd(2026, 12, 31)).empty());
  EXPECT_TRUE(read->revisions(bob, e.id).empty());
  EXPECT_FALSE(read->find_by_key(bob, "k"));
  EXPECT_FALSE(read->first_entry_date(bob));
  // Bob may log the same day and period; items are per person too.
  EXPECT_EQ(read->sleep_items(bob).size(), 3U);
}

TEST_P(StoreConformance, AHealthyStorePassesItsCheck) {
  const UserId user = make_user(*store_, "me");
  (void)insert(*store_, user, ymd(2026, 11, 1), Period::night,
               fields_from(full_night_draft(), ymd(2026, 11, 1), Period::night));
  EXPECT_TRUE(store_->check().empty());
}

}  // namespace
}  // namespace daybreak::testing
