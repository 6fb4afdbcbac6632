// Moving the diary in and out: CSV export and import, backup, restore, check.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {

[[nodiscard]] std::string export_csv(const Store& store, UserId user, const TimeZone& zone);

struct ImportSummary {
  int added = 0;
  int replaced = 0;
  int unchanged = 0;                       // rows identical to what is stored already
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
};

// What to do with a row for a day and period already logged with other values.
enum class ClashPolicy { refuse, replace };

// Adds, replaces or skips (identical) each row inside `tx`, creating the sleep
// items the rows name; writes nothing when any row is refused (every refusal
// is reported) or when `dry_run`. The caller commits.
[[nodiscard]] AppResult<ImportSummary> import_rows(StoreWriter& tx, const WriteMeta& meta, UserId user,
                                                   const TimeZone& zone, std::span<const ImportRow> rows,
                                                   ClashPolicy clash, bool dry_run);

[[nodiscard]] AppResult<Ok> backup(const SqliteStore& store, const std::filesystem::path& destination, bool overwrite);

struct RestoreOutcome {
  std::filesystem::path safety_copy;  // the database as it was just before the restore
  int schema_version = 0;             // of the restored file, before any upgrade
};
// Checks `source` (a daybreak database, not newer, not damaged), copies the
// current database to `safety_dir`, then replaces it with `source`.
[[nodiscard]] AppResult<RestoreOutcome> restore(SqliteStore& store, const std::filesystem::path& source,
                                                const std::filesystem::path& safety_dir, Instant now);

struct CheckReport {
  int schema_version = 0;
  int entries = 0;
  std::vector<std::string> problems;  // empty when healthy
};
[[nodiscard]] CheckReport check(const SqliteStore& store, UserId user, const TimeZone& zone);

}  // namespace daybreak
