// Moving the diary in and out: CSV export and import, backup, restore, check.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "store/sqlite_recover.hpp"
#include "store/sqlite_store.hpp"
#include "store/store_copy.hpp"

namespace daybreak {

[[nodiscard]] std::string export_csv(const Store& store, UserId user, const TimeZone& zone);

struct ImportSummary {
  int added = 0;
  int replaced = 0;
  int unchanged = 0;  // rows identical to what is stored already
  // New entries keep the number (id) the file gives them, so `edit 12` means
  // the same entry after a restore from CSV; where this diary already uses a
  // number, the entry gets a new one: {the file's, the new}.
  std::vector<std::pair<EntryId, EntryId>> renumbered;
  std::vector<std::string> items_created;  // sleep items the file named that did not exist yet
  bool written = false;                    // false for a dry run
};

// All or nothing: any bad row and nothing is written; every bad row is reported.
// A row for a day and period already logged with different values is a bad row
// unless `replace`. Identical rows are skipped, so importing twice is harmless.
[[nodiscard]] AppResult<ImportSummary> import_csv(Store& store, const WriteMeta& meta, UserId user,
                                                  const TimeZone& zone, std::string_view text, bool replace,
                                                  bool dry_run);

// One diary entry to import, from any format: `where` names it in messages
// ("line 7", or a FHIR resource and its path).
struct ImportRow {
  std::string where;
  LocalDate date;
  Period period = Period::morning;
  const DiaryFields* fields = nullptr;  // checked by the field catalogue already
  std::optional<Instant> created_at;
  std::optional<EntryId> id;  // the number to keep, if this diary does not use it (see ImportSummary)
  bool checked = false;       // the file brings the safety check its warning sign prompted (FHIR)
};

// What to do with a row for a day and period already logged with other values.
enum class ClashPolicy { refuse, replace };

// Adds, replaces or skips (identical) each row inside `tx`, creating the sleep
// items the rows name; writes nothing when any row is refused (every refusal
// is reported) or when `dry_run`. The caller commits.
[[nodiscard]] AppResult<ImportSummary> import_rows(StoreWriter& tx, const WriteMeta& meta, UserId user,
                                                   const TimeZone& zone, std::span<const ImportRow> rows,
                                                   ClashPolicy clash, bool dry_run);

[[nodiscard]] AppResult<Ok> backup(const Store& store, const std::filesystem::path& destination, bool overwrite);

struct RestoreOutcome {
  std::filesystem::path kept;  // the diary as it was: a copy, or the damaged file itself, moved aside
  bool was_damaged = false;    // the diary could not be read as a whole, so it was moved aside unopened
  int schema_version = 0;      // of the restored file, before any upgrade
};
// Checks `source` (a daybreak database, not newer, not damaged), keeps the
// diary at `database` in `safety_dir` (a copy made with SQLite's backup when
// it is sound; when it is damaged, the file itself moved there, never opened
// for writing), then puts `source` in its place. Works when `database` is
// damaged or missing.
[[nodiscard]] AppResult<RestoreOutcome> restore(const std::filesystem::path& database,
                                                const std::filesystem::path& source,
                                                const std::filesystem::path& safety_dir, Instant now);

struct RecoverOutcome {
  std::filesystem::path saved;  // the new file holding what could be read
  SalvageReport salvage;
};
// Saves what can still be read of the diary at `database` into a new file in
// `folder` (named with the time), never writing to `database`.
[[nodiscard]] AppResult<RecoverOutcome> recover(const std::filesystem::path& database,
                                                const std::filesystem::path& folder, Instant now);

// Moves a whole store to another database (`daybreak migrate`): a SQLite file
// (a path) or a PostgreSQL database (a postgresql:// address) on either side.
// The source must exist; the destination must be empty (a new file is made).
// All or nothing, every table read back and compared before it is kept.
struct MigrateOutcome {
  std::string from;  // where, in people's words
  std::string to;
  std::vector<TableCopied> tables;
};
[[nodiscard]] AppResult<MigrateOutcome> migrate_store(const std::string& from, const std::string& to);

struct CheckReport {
  int schema_version = 0;
  int people = 1;             // whose diaries were read (or named in `unchecked`)
  bool every_person = false;  // a database with accounts: every person's diary
  int entries = 0;
  std::vector<std::string> problems;   // empty when healthy
  std::vector<std::string> unchecked;  // people whose entries were not read here, and why
};
// The database's own checks, then the rules of the domain on one person's entries.
[[nodiscard]] CheckReport check(const Store& store, UserId user, const TimeZone& zone);
// The same for the database: with accounts on, every person's entries (each
// read as that person, as the database's row-level security asks), those kept
// in another time zone than `zone` left out and named; without, `local`'s.
[[nodiscard]] CheckReport check_everyone(const Store& store, UserId local, const TimeZone& zone);

}  // namespace daybreak
