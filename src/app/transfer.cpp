#include "app/transfer.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "app/diary.hpp"
#include "app/safety.hpp"
#include "clinical/safety_state.hpp"
#include "platform/files.hpp"
#include "report/diary_csv.hpp"
#include "store/acting_user.hpp"
#include "store/pg_store.hpp"

namespace daybreak {
namespace {

LocalDate earliest(StoreReader& tx, UserId user) {
  return tx.first_entry_date(user).value_or(
      LocalDate{std::chrono::year{2000}, std::chrono::January, std::chrono::day{1}});
}

constexpr LocalDate kLatest{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

std::string compact_stamp(Instant t) {
  std::string s = format_utc(t);  // 2026-11-23T06:30:00Z -> 20261123T063000Z
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '-' || c == ':'; }), s.end());
  return s;
}

// `folder`/`stem`-`time`.db, or with -2, -3... when that is taken (two in
// one second, or a fixed clock).
std::filesystem::path free_name(const std::filesystem::path& folder, std::string_view stem, Instant now) {
  const std::string base = fmt::format("{}-{}", stem, compact_stamp(now));
  std::filesystem::path path = folder / (base + ".db");
  for (int n = 2; std::filesystem::exists(path) || std::filesystem::exists(path.string() + "-wal"); ++n) {
    path = folder / fmt::format("{}-{}.db", base, n);
  }
  return path;
}

}  // namespace

std::string export_csv(const Store& store, UserId user, const TimeZone& zone) {
  auto tx = store.read();
  return diary_to_csv(tx->entries_between(user, earliest(*tx, user), kLatest), zone);
}

AppResult<ImportSummary> import_csv(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                    std::string_view text, bool replace, bool dry_run) {
  auto parsed = diary_from_csv(text, zone);
  std::vector<std::string> details;
  if (!parsed) {
    for (const auto& p : parsed.error()) details.push_back(p.message());
    // The message first: a function's arguments are evaluated in no set order.
    std::string message =
        fmt::format("nothing was imported: {} problem{} in the file", details.size(), details.size() == 1 ? "" : "s");
    return fail(invalid_details(std::move(message), std::move(details)));
  }

  std::vector<ImportRow> rows;
  rows.reserve(parsed->size());
  for (const auto& row : *parsed) {
    rows.push_back(
        {fmt::format("line {}", row.line), row.date, row.period, &row.fields, row.created_at, row.id, false});
  }
  auto tx = store.write();
  auto summary =
      import_rows(*tx, meta, user, zone, rows, replace ? ClashPolicy::replace : ClashPolicy::refuse, dry_run);
  if (!summary) return summary;
  if (!dry_run) {
    tx->commit();
    summary->written = true;
  }
  return summary;
}

AppResult<ImportSummary> import_rows(StoreWriter& tx, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                     std::span<const ImportRow> rows, ClashPolicy clash, bool dry_run) {
  ImportSummary summary;
  std::vector<std::string> details;
  std::set<std::pair<SleepItemKind, std::string>> have;
  for (const auto& item : tx.sleep_items(user)) have.emplace(item.kind, item.name);
  std::set<std::pair<SleepItemKind, std::string>> missing;

  struct Plan {
    const ImportRow* row;
    std::optional<EntryId> replaces;
    std::optional<YesNo> red_flags_before;
  };
  std::vector<Plan> plan;
  const LocalDate today = zone.date_of(meta.at);
  // Recent rows are reports, not only history: the one-tap check
  // answered yes in one is stored as the same screening event as logging it,
  // unless the file brings that check itself (a FHIR diary carries its checks).
  // (Leg symptoms need nothing more: an imported entry is written, as the leg
  // check reads it, when it is imported, so they wait for the leg questions.)
  const LocalDate recent = add_days(today, -kLegCheckWindowDays);
  const auto warns = [&](const ImportRow& row) {
    return row.date >= recent && row.fields->red_flags == YesNo::yes && !row.checked;
  };
  const auto problem = [&](const ImportRow& row, const FieldError& e) {
    details.push_back(fmt::format("{}: {}", row.where, e.message()));
  };
  for (const auto& row : rows) {
    if (row.date > today) {
      problem(row, {"date", format_date(row.date), diary_day_rule(today)});
      continue;
    }
    if (row.fields->mattress && !have.contains({SleepItemKind::mattress, *row.fields->mattress})) {
      missing.emplace(SleepItemKind::mattress, *row.fields->mattress);
    }
    for (const auto& p : row.fields->pillows.value_or(std::vector<std::string>{})) {
      if (!have.contains({SleepItemKind::pillow, p})) missing.emplace(SleepItemKind::pillow, p);
    }
    const auto existing = tx.find_entry_on(user, row.date, row.period);
    if (!existing) {
      plan.push_back({&row, std::nullopt, std::nullopt});
    } else if (existing->fields == *row.fields) {
      ++summary.unchanged;
    } else if (clash == ClashPolicy::replace) {
      plan.push_back({&row, existing->id, existing->fields.red_flags});
    } else {
      problem(row, {"period", fmt::format("{} {}", format_date(row.date), name_of(row.period)),
                    fmt::format("a day and period not in your diary yet: entry {} holds other values (an "
                                "import with replace overwrites it and keeps them in its history: --replace "
                                "on the command line, replace=true in the API)",
                                existing->id.value)});
    }
  }
  if (!details.empty()) {
    std::string message = fmt::format("nothing was imported: {} {} with your diary", details.size(),
                                      details.size() == 1 ? "entry clashes" : "entries clash");
    return fail(invalid_details(std::move(message), std::move(details)));
  }

  for (const auto& [kind, name] : missing) {
    summary.items_created.push_back(fmt::format("{} '{}'", name_of(kind), name));
    if (!dry_run) (void)tx.add_sleep_item(user, kind, name, meta.at);
  }
  // New entries keep the file's numbers where this diary does not use them;
  // those go in first, so that the numbers SQLite picks for the others (after
  // the highest in use) cannot take one of them.
  std::vector<bool> free_id;
  for (const auto& [row, replaces, before] : plan)
    free_id.push_back(!replaces && row->id && !tx.entry_id_taken(*row->id));
  for (const bool keeping : {true, false}) {
    for (std::size_t i = 0; i < plan.size(); ++i) {
      const auto& [row, replaces, red_flags_before] = plan[i];
      if (replaces) {
        if (keeping) continue;
        ++summary.replaced;
        if (dry_run) continue;
        const DiaryEntry updated = tx.update_entry(user, *replaces, *row->fields, RevisionOp::replace, meta);
        if (warns(*row)) record_entry_check(tx, user, updated, red_flags_before, meta);
        continue;
      }
      const bool free = free_id[i];
      if (free != keeping) continue;
      ++summary.added;
      const NewEntry entry{row->date,
                           row->period,
                           *row->fields,
                           std::nullopt,
                           row->created_at,
                           RevisionOp::import,
                           free ? row->id : std::nullopt};
      if (dry_run) {
        if (row->id && !free) summary.renumbered.emplace_back(*row->id, EntryId{0});
        continue;
      }
      const DiaryEntry stored = tx.insert_entry(user, entry, meta);
      if (warns(*row)) record_entry_check(tx, user, stored, std::nullopt, meta);
      if (row->id && !free) summary.renumbered.emplace_back(*row->id, stored.id);
    }
  }
  return summary;
}

AppResult<Ok> backup(const Store& store, const std::filesystem::path& destination, bool overwrite) {
  if (!overwrite && std::filesystem::exists(destination)) {
    return fail(conflict(
        fmt::format("{} already exists; choose another name or add --force to replace it", destination.string())));
  }
  store.backup_to(destination);
  return Ok{};
}

namespace {

// A store opened on `location`: PostgreSQL for an address, else a SQLite file.
std::unique_ptr<Store> open_location(const std::string& location) {
  if (is_postgresql_uri(location)) return std::make_unique<PgStore>(PgOptions{location});
  return std::make_unique<SqliteStore>(SqliteOptions{location});
}

}  // namespace

AppResult<MigrateOutcome> migrate_store(const std::string& from, const std::string& to) {
  if (from == to) return fail(invalid(fmt::format("--from and --to both name {}: nothing to move", from)));
  if (!is_postgresql_uri(from) && !std::filesystem::exists(from)) {
    return fail(not_found(fmt::format("{}: no such file, so nothing was moved", from)));
  }
  const std::unique_ptr<Store> source = open_location(from);
  // The servers' role would copy only what row-level security lets it see
  // (with no acting user, almost nothing) and call it the whole.
  if (const auto* pg = dynamic_cast<const PgStore*>(source.get()); pg != nullptr && !pg->reads_every_row()) {
    return fail(
        invalid(fmt::format("{} was opened by a role that reads only some rows (the servers' role, under "
                            "row-level security), so nothing was moved; connect as the database's owner",
                            source->location())));
  }
  const bool new_file = !is_postgresql_uri(to) && !std::filesystem::exists(to);
  std::unique_ptr<Store> target = open_location(to);
  MigrateOutcome outcome{source->location(), target->location(), {}};
  try {
    outcome.tables = copy_store(*source, *target);
  } catch (const StoreError&) {
    target.reset();
    if (new_file) {
      // The empty file made for the copy goes too: nothing was moved.
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm", ".checked"}) std::filesystem::remove(to + suffix, ignored);
    }
    throw;
  }
  return outcome;
}

namespace {

// The folder of kept and recovered diaries: readable only by you, even if an
// older daybreak made it with the umask's mode.
void private_folder(const std::filesystem::path& dir) {
  ensure_private_dir(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all, std::filesystem::perm_options::replace);
}

}  // namespace

AppResult<RestoreOutcome> restore(const std::filesystem::path& database, const std::filesystem::path& source,
                                  const std::filesystem::path& safety_dir, Instant now) {
  const DatabaseInfo info = inspect_database(source);  // throws for foreign, too new, unreadable
  if (!info.problems.empty()) {
    return fail(invalid_details(fmt::format("{} is damaged, so nothing was restored", source.string()), info.problems));
  }
  private_folder(safety_dir);
  RestoreOutcome outcome;
  outcome.schema_version = info.schema_version;
  if (std::filesystem::exists(database)) {
    // The current diary is opened only when it reads as sound from end to end.
    bool sound = false;
    try {
      sound = inspect_database(database).problems.empty();
    } catch (const StoreError& e) {
      if (e.kind() != StoreError::Kind::corrupt && e.kind() != StoreError::Kind::io) throw;
    }
    if (sound) {
      outcome.kept = free_name(safety_dir, "before-restore", now);
      SqliteStore store(SqliteOptions{database});
      store.backup_to(outcome.kept);
      store.restore_from(source);
      return outcome;
    }
    outcome.kept = free_name(safety_dir, "damaged", now);
    outcome.was_damaged = true;
    move_database_aside(database, outcome.kept);
  }
  SqliteStore store(SqliteOptions{database});
  store.restore_from(source);
  return outcome;
}

AppResult<RecoverOutcome> recover(const std::filesystem::path& database, const std::filesystem::path& folder,
                                  Instant now) {
  if (!std::filesystem::exists(database)) {
    return fail(not_found(fmt::format("there is no diary at {} to recover", database.string())));
  }
  private_folder(folder);
  RecoverOutcome outcome;
  outcome.saved = free_name(folder, "recovered", now);
  outcome.salvage = salvage_database(database, outcome.saved);
  return outcome;
}

namespace {

// The rules of the domain hold for every stored entry of `user`.
void check_entries(StoreReader& tx, UserId user, const TimeZone& zone, std::string_view whose, CheckReport& report) {
  for (const auto& e : tx.entries_between(user, earliest(tx, user), kLatest)) {
    ++report.entries;
    for (const auto& err : check_fields(e.fields, TimeContext{e.date, e.period, zone})) {
      report.problems.push_back(fmt::format("{}entry {} ({} {}): {}", whose, e.id.value, format_date(e.date),
                                            name_of(e.period), err.message()));
    }
  }
}

CheckReport check_store(const Store& store) {
  CheckReport report;
  report.schema_version = store.schema_version();
  report.problems = store.check();
  return report;
}

}  // namespace

CheckReport check(const Store& store, UserId user, const TimeZone& zone) {
  CheckReport report = check_store(store);
  if (!report.problems.empty()) return report;
  check_entries(*store.read(), user, zone, "", report);
  return report;
}

CheckReport check_everyone(const Store& store, UserId local, const TimeZone& zone) {
  CheckReport report = check_store(store);  // damage first: nothing more is read from a damaged file
  if (!report.problems.empty()) return report;
  std::vector<std::pair<UserId, std::string>> people;  // and how the report names them
  {
    auto tx = store.read();
    if (!tx->has_accounts()) {
      check_entries(*tx, local, zone, "", report);
      return report;
    }
    for (const auto& a : tx->accounts()) {
      if (a.role == Role::person) people.emplace_back(a.user, a.login);
    }
    // The person on this computer, without an account, when a diary was kept for them.
    const bool listed = std::any_of(people.begin(), people.end(), [&](const auto& p) { return p.first == local; });
    if (!listed && tx->first_entry_date(local)) people.emplace_back(local, "the person on this computer");
  }
  report.people = static_cast<int>(people.size());
  report.every_person = true;
  for (const auto& [id, name] : people) {
    const ActingUser acting(id);
    auto tx = store.read();
    const auto user = tx->find_user(id);
    if (!user) continue;  // accounts are never deleted; a person always has a user
    if (user->time_zone != zone.name()) {
      report.unchecked.push_back(fmt::format("{} (number {}): their diary is kept in {}; check it with TZ={}", name,
                                             id.value, user->time_zone, user->time_zone));
      continue;
    }
    check_entries(*tx, id, zone, fmt::format("{} (number {}): ", name, id.value), report);
  }
  return report;
}

}  // namespace daybreak
