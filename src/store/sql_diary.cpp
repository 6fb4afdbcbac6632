// The diary's part of the store's SQL transaction: users, entries with their lists
// and revisions, and sleep items.
#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/entry_fields.hpp"
#include "domain/utc_zone.hpp"
#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

// The entry columns, in the order read_entry_row expects them.
constexpr std::string_view kEntryColumns =
    "e.id, e.user_id, e.day, e.period, e.pain, e.stiffness_minutes, e.still_stiff, e.stiffness_severity, "
    "e.signs, e.locations, e.leg_symptoms, e.relief, e.walking_minutes, e.sitting_tenths, e.anxiety, "
    "e.bedtime, e.wake_time, e.awakenings, e.sleep_quality, e.sleep_position, m.name, e.room_temp_tenths, "
    "e.humidity, e.note, e.revision, e.created_at, e.updated_at, e.red_flags, e.no_pillows";

constexpr std::string_view kEntryFrom = " FROM entries e LEFT JOIN sleep_items m ON m.id = e.mattress_id ";

DiaryEntry read_entry_row(const Connection& db, const Statement& s) {
  DiaryEntry e;
  e.id = EntryId{s.integer(0)};
  e.user = UserId{s.integer(1)};
  e.date = date_column(db, s, 2);
  e.period = choice_column<Period>(db, s, 3);
  DiaryFields& f = e.fields;
  f.pain = bounded_column<PainScore>(db, s, 4, "pain").value_or(PainScore{});
  f.stiffness_minutes = bounded_column<StiffnessMinutes>(db, s, 5, "stiffness_minutes");
  f.still_stiff = s.integer(6) != 0;
  f.stiffness_severity = bounded_column<Rating>(db, s, 7, "stiffness_severity");
  f.signs = set_column<WarningSign>(db, s, 8);
  f.locations = set_column<BodyLocation>(db, s, 9);
  f.leg_symptoms = set_column<LegSymptom>(db, s, 10);
  f.relief = set_column<Relief>(db, s, 11);
  f.walking_minutes = bounded_column<WalkingMinutes>(db, s, 12, "walking_minutes");
  f.sitting_hours = tenths_column<SittingHours>(db, s, 13, "sitting_hours");
  f.anxiety = bounded_column<Rating>(db, s, 14, "anxiety");
  if (const auto t = s.optional_integer(15)) f.bedtime = instant_of(*t);
  if (const auto t = s.optional_integer(16)) f.wake_time = instant_of(*t);
  f.awakenings = bounded_column<Awakenings>(db, s, 17, "awakenings");
  f.sleep_quality = bounded_column<Rating>(db, s, 18, "sleep_quality");
  if (!s.is_null(19)) f.sleep_position = choice_column<SleepPosition>(db, s, 19);
  if (!s.is_null(20)) f.mattress = s.text(20);
  f.room_temperature = tenths_column<RoomTemperature>(db, s, 21, "room_temperature");
  f.humidity = bounded_column<HumidityPercent>(db, s, 22, "humidity");
  f.note = s.text(23);
  e.revision = static_cast<int>(s.integer(24));
  e.created_at = instant_of(s.integer(25));
  e.updated_at = instant_of(s.integer(26));
  if (!s.is_null(27)) f.red_flags = choice_column<YesNo>(db, s, 27);
  if (s.integer(28) != 0) f.pillows.emplace();  // "none"; the pillows used come from entry_pillows
  return e;
}

// The safety check's answer (schema version 3), kept apart from bind_fields so
// the columns of version 1 keep their numbers.
void bind_red_flags(Statement& s, int index, const DiaryFields& f) {
  if (f.red_flags) {
    s.bind(index, name_of(*f.red_flags));
  } else {
    s.bind(index, std::nullopt);
  }
}

// "No pillow that night" (schema version 6): an empty pillow list as recorded.
int no_pillows(const DiaryFields& f) { return f.pillows && f.pillows->empty() ? 1 : 0; }

}  // namespace

// Which entries a query is about: one id, or a user's date range.
struct EntryScope {
  UserId user;
  std::optional<EntryId> id;
  LocalDate from{};
  LocalDate to{};

  [[nodiscard]] std::string where() const {
    return id ? "e.user_id = ?1 AND e.id = ?2 AND e.deleted_at IS NULL"
              : "e.user_id = ?1 AND e.day BETWEEN ?2 AND ?3 AND e.deleted_at IS NULL";
  }
  void bind(Statement& s) const {
    s.bind(1, user.value);
    if (id) {
      s.bind(2, id->value);
    } else {
      s.bind(2, format_date(from)).bind(3, format_date(to));
    }
  }
};

void Transaction::not_found(const std::string& what) const {
  throw StoreError(StoreError::Kind::not_found, fmt::format("{}: no {}", db_.where(), what));
}

std::optional<User> Transaction::find_user(UserId id) {
  db_.set_operation("reading the user");
  static const std::string sql = fmt::format("SELECT {} FROM users WHERE id = ?1", kUserColumns);
  Statement& s = db_.prepare(sql);
  s.bind(1, id.value);
  if (!s.step()) return std::nullopt;
  return user_of(s);
}

std::optional<DiaryEntry> Transaction::find_entry(UserId user, EntryId id) {
  db_.set_operation(fmt::format("reading entry {}", id.value));
  auto entries = load({user, id});
  if (entries.empty()) return std::nullopt;
  return std::move(entries.front());
}

bool Transaction::entry_id_taken(EntryId id) {
  db_.set_operation(fmt::format("looking up entry number {}", id.value));
  Statement& s = db_.prepare("SELECT 1 FROM entries WHERE id = ?1");
  s.bind(1, id.value);
  const bool taken = s.step();
  s.reset();
  return taken;
}

std::optional<DiaryEntry> Transaction::find_entry_on(UserId user, LocalDate date, Period period) {
  db_.set_operation("reading an entry");
  Statement& s =
      db_.prepare("SELECT id FROM entries WHERE user_id = ?1 AND day = ?2 AND period = ?3 AND deleted_at IS NULL");
  s.bind(1, user.value).bind(2, format_date(date)).bind(3, name_of(period));
  if (!s.step()) return std::nullopt;
  const EntryId id{s.integer(0)};
  s.reset();
  return find_entry(user, id);
}

std::vector<DiaryEntry> Transaction::entries_between(UserId user, LocalDate from, LocalDate to) {
  db_.set_operation("reading entries");
  return load({user, std::nullopt, from, to});
}

std::optional<LocalDate> Transaction::first_entry_date(UserId user) {
  db_.set_operation("reading entries");
  Statement& s = db_.prepare("SELECT min(day) FROM entries WHERE user_id = ?1 AND deleted_at IS NULL");
  s.bind(1, user.value);
  if (!s.step() || s.is_null(0)) return std::nullopt;
  return date_column(db_, s, 0);
}

std::optional<KeyedEntry> Transaction::find_by_key(UserId user, std::string_view key) {
  db_.set_operation("looking up an idempotency key");
  Statement& s = db_.prepare(
      "SELECT e.id, e.day, e.period, e.deleted_at IS NOT NULL, r.fields FROM entries e "
      "JOIN entry_revisions r ON r.entry_id = e.id AND r.revision = 1 "
      "WHERE e.user_id = ?1 AND e.idempotency_key = ?2");
  s.bind(1, user.value).bind(2, key);
  if (!s.step()) return std::nullopt;
  KeyedEntry k;
  k.entry = EntryId{s.integer(0)};
  k.date = date_column(db_, s, 1);
  k.period = choice_column<Period>(db_, s, 2);
  k.deleted = s.integer(3) != 0;
  k.original = decode_fields(s.text(4), k.date, k.period);
  return k;
}

std::vector<EntryRevision> Transaction::revisions(UserId user, EntryId id) {
  db_.set_operation(fmt::format("reading the history of entry {}", id.value));
  Statement& s = db_.prepare(
      "SELECT revision, operation, recorded_at, actor_user_id, channel, day, period, fields "
      "FROM entry_revisions WHERE user_id = ?1 AND entry_id = ?2 ORDER BY revision");
  s.bind(1, user.value).bind(2, id.value);
  std::vector<EntryRevision> out;
  while (s.step()) {
    EntryRevision r;
    r.entry = id;
    r.revision = static_cast<int>(s.integer(0));
    r.op = choice_column<RevisionOp>(db_, s, 1);
    r.recorded_at = instant_of(s.integer(2));
    r.actor = Actor{UserId{s.integer(3)}, s.text(4)};
    r.date = date_column(db_, s, 5);
    r.period = choice_column<Period>(db_, s, 6);
    r.fields = decode_fields(s.text(7), r.date, r.period);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SleepItem> Transaction::sleep_items(UserId user) {
  db_.set_operation("reading sleep items");
  Statement& s = db_.prepare(
      "SELECT id, kind, name, created_at, retired_at FROM sleep_items WHERE user_id = ?1 ORDER BY kind, name");
  s.bind(1, user.value);
  std::vector<SleepItem> out;
  while (s.step()) {
    SleepItem item;
    item.id = ItemId{s.integer(0)};
    item.kind = choice_column<SleepItemKind>(db_, s, 1);
    item.name = s.text(2);
    item.created_at = instant_of(s.integer(3));
    if (const auto t = s.optional_integer(4)) item.retired_at = instant_of(*t);
    out.push_back(std::move(item));
  }
  return out;
}

User Transaction::create_user(const std::string& name, const std::string& time_zone, Instant at) {
  db_.set_operation("creating the user");
  const std::int64_t new_id =
      db_.prepare("INSERT INTO users (name, time_zone, created_at) VALUES (?1, ?2, ?3) RETURNING id")
          .bind(1, name)
          .bind(2, time_zone)
          .bind(3, seconds_of(at))
          .insert();
  return User{UserId{new_id}, name, time_zone, at};
}

void Transaction::update_user(const User& user) {
  db_.set_operation("updating the user");
  db_.prepare("UPDATE users SET name = ?2, time_zone = ?3 WHERE id = ?1")
      .bind(1, user.id.value)
      .bind(2, user.name)
      .bind(3, user.time_zone)
      .run();
  if (db_.changes() == 0) not_found(fmt::format("user {}", user.id.value));
}

DiaryEntry Transaction::insert_entry(UserId user, const NewEntry& entry, const WriteMeta& meta) {
  const auto& [date, period, fields, key, created_at, op, wanted_id] = entry;
  db_.set_operation(fmt::format("saving the {} entry for {}", name_of(period), format_date(date)));
  const Instant created = created_at.value_or(meta.at);
  // The id column only when an import keeps its number: a NULL id is a new
  // row to SQLite but an error to PostgreSQL.
  static constexpr std::string_view kInsertEntry =
      "INSERT INTO entries ({}user_id, day, period, pain, stiffness_minutes, still_stiff, stiffness_severity, "
      "signs, locations, leg_symptoms, relief, walking_minutes, sitting_tenths, anxiety, bedtime, wake_time, "
      "awakenings, sleep_quality, sleep_position, mattress_id, room_temp_tenths, humidity, note, revision, "
      "created_at, updated_at, idempotency_key, red_flags, no_pillows) VALUES ({}?1, ?2, ?3, ?4, ?5, ?6, ?7, "
      "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, 1, ?24, ?25, ?26, ?27, ?28) "
      "RETURNING id";
  Statement& s =
      db_.prepare(wanted_id ? fmt::format(kInsertEntry, "id, ", "?29, ") : fmt::format(kInsertEntry, "", ""));
  if (wanted_id) s.bind(29, wanted_id->value);
  s.bind(1, user.value).bind(2, format_date(date)).bind(3, name_of(period));
  bind_fields(s, user, fields, 4);
  s.bind(24, seconds_of(created)).bind(25, seconds_of(meta.at)).bind(26, key);
  bind_red_flags(s, 27, fields);
  s.bind(28, no_pillows(fields));
  const EntryId id{s.insert()};
  if (wanted_id) db_.took_id("entries", id.value);
  write_children(user, id, fields);
  write_revision(user, id, 1, op, meta, date, period, fields);
  return DiaryEntry{id, user, date, period, fields, 1, created, meta.at};
}

DiaryEntry Transaction::update_entry(UserId user, EntryId id, const DiaryFields& fields, RevisionOp op,
                                     const WriteMeta& meta) {
  db_.set_operation(fmt::format("saving entry {}", id.value));
  Statement& s = db_.prepare(
      "UPDATE entries SET pain = ?4, stiffness_minutes = ?5, still_stiff = ?6, stiffness_severity = ?7, "
      "signs = ?8, locations = ?9, leg_symptoms = ?10, relief = ?11, walking_minutes = ?12, "
      "sitting_tenths = ?13, anxiety = ?14, bedtime = ?15, wake_time = ?16, awakenings = ?17, "
      "sleep_quality = ?18, sleep_position = ?19, mattress_id = ?20, room_temp_tenths = ?21, humidity = ?22, "
      "note = ?23, revision = revision + 1, updated_at = ?24, red_flags = ?25, no_pillows = ?26 "
      "WHERE user_id = ?1 AND id = ?2 AND deleted_at IS NULL RETURNING revision, day, period, created_at");
  s.bind(1, user.value).bind(2, id.value);
  bind_fields(s, user, fields, 4);
  s.bind(24, seconds_of(meta.at));
  bind_red_flags(s, 25, fields);
  s.bind(26, no_pillows(fields));
  if (!s.step()) not_found(fmt::format("entry {}", id.value));
  const int revision = static_cast<int>(s.integer(0));
  const LocalDate date = date_column(db_, s, 1);
  const Period period = choice_column<Period>(db_, s, 2);
  const Instant created = instant_of(s.integer(3));
  s.reset();
  delete_children(id);
  write_children(user, id, fields);
  write_revision(user, id, revision, op, meta, date, period, fields);
  return DiaryEntry{id, user, date, period, fields, revision, created, meta.at};
}

void Transaction::delete_entry(UserId user, EntryId id, const WriteMeta& meta) {
  const DiaryEntry entry = must_find(user, id);
  db_.set_operation(fmt::format("deleting entry {}", id.value));
  db_.prepare(
         "UPDATE entries SET deleted_at = ?3, revision = revision + 1, updated_at = ?3 "
         "WHERE user_id = ?1 AND id = ?2 AND deleted_at IS NULL")
      .bind(1, user.value)
      .bind(2, id.value)
      .bind(3, seconds_of(meta.at))
      .run();
  write_revision(user, id, entry.revision + 1, RevisionOp::remove, meta, entry.date, entry.period, entry.fields);
}

SleepItem Transaction::add_sleep_item(UserId user, SleepItemKind kind, const std::string& name, Instant at) {
  db_.set_operation(fmt::format("adding the {} '{}'", name_of(kind), name));
  const std::int64_t new_id =
      db_.prepare("INSERT INTO sleep_items (user_id, kind, name, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id")
          .bind(1, user.value)
          .bind(2, name_of(kind))
          .bind(3, name)
          .bind(4, seconds_of(at))
          .insert();
  return SleepItem{ItemId{new_id}, kind, name, at, std::nullopt};
}

void Transaction::retire_sleep_item(UserId user, ItemId id, Instant at) {
  db_.set_operation("retiring a sleep item");
  db_.prepare("UPDATE sleep_items SET retired_at = ?3 WHERE user_id = ?1 AND id = ?2 AND retired_at IS NULL")
      .bind(1, user.value)
      .bind(2, id.value)
      .bind(3, seconds_of(at))
      .run();
  if (db_.changes() == 0) not_found(fmt::format("sleep item {}", id.value));
}

DiaryEntry Transaction::must_find(UserId user, EntryId id) {
  auto e = find_entry(user, id);
  if (!e) not_found(fmt::format("entry {}", id.value));
  return std::move(*e);
}

std::vector<DiaryEntry> Transaction::load(const EntryScope& scope) {
  // The entries come in (day, period) order as stored, which entries_by_day
  // gives without sorting. Their lists are read by entry id range straight
  // from each list's primary key (no join back to the entries: that was most
  // of the cost of reading years), skipping rows of entries outside the scope.
  std::vector<DiaryEntry> entries;
  if (!scope.id) {
    // At most one entry per period a day. Reserving that much for years of
    // entries saves moving them as the vector grows; pages never written are
    // never touched, so a sparse diary costs address space only (capped).
    constexpr std::int64_t kMaxReservedDays = 10 * 366;
    const std::int64_t days = (std::chrono::sys_days{scope.to} - std::chrono::sys_days{scope.from}).count() + 1;
    entries.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(days, 0, kMaxReservedDays)) *
                    Vocabulary<Period>::names.size());
  }
  Statement& s = db_.prepare(
      fmt::format("SELECT {}{}WHERE {} ORDER BY e.day, e.period", kEntryColumns, kEntryFrom, scope.where()));
  scope.bind(s);
  while (s.step()) entries.push_back(read_entry_row(db_, s));
  if (entries.empty()) return entries;

  std::vector<std::pair<std::int64_t, DiaryFields*>> by_id;
  by_id.reserve(entries.size());
  for (auto& e : entries) by_id.emplace_back(e.id.value, &e.fields);
  std::sort(by_id.begin(), by_id.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  const auto fields_of = [&](const Statement& row) -> DiaryFields* {
    const std::int64_t id = row.integer(0);
    const auto it =
        std::lower_bound(by_id.begin(), by_id.end(), id, [](const auto& p, std::int64_t v) { return p.first < v; });
    return it != by_id.end() && it->first == id ? it->second : nullptr;
  };
  const auto lists = [&](std::string_view select_from, std::string_view order) -> Statement& {
    Statement& q = db_.prepare(fmt::format(
        "SELECT {} WHERE x.user_id = ?1 AND x.entry_id BETWEEN ?2 AND ?3 ORDER BY x.entry_id, {}", select_from, order));
    q.bind(1, scope.user.value).bind(2, by_id.front().first).bind(3, by_id.back().first);
    return q;
  };

  Statement& meds = lists("x.entry_id, x.name, x.dose, x.taken_at FROM entry_medications x", "x.position");
  while (meds.step()) {
    DiaryFields* f = fields_of(meds);
    if (f == nullptr) continue;
    Medication m{meds.text(1), meds.text(2), std::nullopt};
    if (const auto t = meds.optional_integer(3)) m.taken_at = instant_of(*t);
    f->medications.push_back(std::move(m));
  }

  Statement& factors = lists("x.entry_id, x.name, x.value FROM entry_factors x", "x.name");
  while (factors.step()) {
    if (DiaryFields* f = fields_of(factors)) f->factors.push_back({factors.text(1), factors.text(2)});
  }

  Statement& pillows =
      lists("x.entry_id, i.name FROM entry_pillows x JOIN sleep_items i ON i.id = x.item_id", "i.name");
  while (pillows.step()) {
    if (DiaryFields* f = fields_of(pillows)) {
      if (!f->pillows) f->pillows.emplace();
      f->pillows->push_back(pillows.text(1));
    }
  }

  // Stored periods sort by name; a day's entries go in the day's order.
  for (auto day = entries.begin(); day != entries.end();) {
    const auto next = std::find_if(day, entries.end(), [&](const DiaryEntry& e) { return e.date != day->date; });
    std::sort(day, next, [](const DiaryEntry& a, const DiaryEntry& b) { return a.period < b.period; });
    day = next;
  }
  return entries;
}

std::int64_t Transaction::item_id(UserId user, SleepItemKind kind, const std::string& name) {
  Statement& s = db_.prepare("SELECT id FROM sleep_items WHERE user_id = ?1 AND kind = ?2 AND name = ?3");
  s.bind(1, user.value).bind(2, name_of(kind)).bind(3, name);
  if (!s.step()) not_found(fmt::format("{} named '{}'", name_of(kind), name));
  const std::int64_t id = s.integer(0);
  s.reset();
  return id;
}

void Transaction::bind_fields(Statement& s, UserId user, const DiaryFields& f, int first) {
  std::optional<std::int64_t> mattress;
  if (f.mattress) mattress = item_id(user, SleepItemKind::mattress, *f.mattress);
  int i = first;
  s.bind(i++, f.pain.value());
  s.bind(i++, raw(f.stiffness_minutes));
  s.bind(i++, f.still_stiff ? 1 : 0);
  s.bind(i++, raw(f.stiffness_severity));
  s.bind(i++, to_text(f.signs));
  s.bind(i++, to_text(f.locations));
  s.bind(i++, to_text(f.leg_symptoms));
  s.bind(i++, to_text(f.relief));
  s.bind(i++, raw(f.walking_minutes));
  s.bind(i++, raw_tenths(f.sitting_hours));
  s.bind(i++, raw(f.anxiety));
  s.bind(i++, raw_time(f.bedtime));
  s.bind(i++, raw_time(f.wake_time));
  s.bind(i++, raw(f.awakenings));
  s.bind(i++, raw(f.sleep_quality));
  if (f.sleep_position) {
    s.bind(i++, name_of(*f.sleep_position));
  } else {
    s.bind(i++, std::nullopt);
  }
  s.bind(i++, mattress);
  s.bind(i++, raw_tenths(f.room_temperature));
  s.bind(i++, raw(f.humidity));
  s.bind(i++, f.note);
}

void Transaction::delete_children(EntryId id) {
  for (const char* sql :
       {"DELETE FROM entry_medications WHERE entry_id = ?1", "DELETE FROM entry_factors WHERE entry_id = ?1",
        "DELETE FROM entry_pillows WHERE entry_id = ?1"}) {
    db_.prepare(sql).bind(1, id.value).run();
  }
}

void Transaction::write_children(UserId user, EntryId id, const DiaryFields& f) {
  int position = 0;
  for (const auto& m : f.medications) {
    db_.prepare(
           "INSERT INTO entry_medications (entry_id, user_id, position, name, dose, taken_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, id.value)
        .bind(2, user.value)
        .bind(3, position++)
        .bind(4, m.name)
        .bind(5, m.dose)
        .bind(6, raw_time(m.taken_at))
        .run();
  }
  for (const auto& factor : f.factors) {
    db_.prepare("INSERT INTO entry_factors (entry_id, user_id, name, value) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, id.value)
        .bind(2, user.value)
        .bind(3, factor.name)
        .bind(4, factor.value)
        .run();
  }
  for (const auto& pillow : f.pillows.value_or(std::vector<std::string>{})) {
    const std::int64_t item = item_id(user, SleepItemKind::pillow, pillow);
    db_.prepare("INSERT INTO entry_pillows (entry_id, item_id, user_id) VALUES (?1, ?3, ?2)")
        .bind(1, id.value)
        .bind(2, user.value)
        .bind(3, item)
        .run();
  }
}

void Transaction::write_revision(UserId user, EntryId id, int revision, RevisionOp op, const WriteMeta& meta,
                                 LocalDate date, Period period, const DiaryFields& fields) {
  db_.prepare(
         "INSERT INTO entry_revisions (entry_id, user_id, revision, operation, recorded_at, actor_user_id, "
         "channel, day, period, fields) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
      .bind(1, id.value)
      .bind(2, user.value)
      .bind(3, revision)
      .bind(4, name_of(op))
      .bind(5, seconds_of(meta.at))
      .bind(6, meta.actor.user.value)
      .bind(7, meta.actor.channel)
      .bind(8, format_date(date))
      .bind(9, name_of(period))
      .bind(10, fields_to_json(fields, utc_zone()).dump())
      .run();
}

DiaryFields Transaction::decode_fields(const std::string& text, LocalDate date, Period period) const {
  const auto json = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  DiaryFields fields;
  const FieldErrors errors =
      fields_from_json(fields, json, TimeContext{date, period, utc_zone(), false}, DraftMode::create);
  if (!errors.empty()) corrupt(db_, "a revision does not decode: " + errors.front().message());
  return fields;
}

}  // namespace daybreak::sql
