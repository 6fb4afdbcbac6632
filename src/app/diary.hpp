// The diary use cases: log, edit, delete and read entries, and the sleep items
// entries refer to. Each runs in one transaction; a failure changes nothing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/app_error.hpp"
#include "domain/entry_fields.hpp"
#include "store/store.hpp"

namespace daybreak {

// The name the local person has until they give one (`profile --name`):
// not a name to print on what a clinician reads.
inline constexpr std::string_view kUnnamedPerson = "me";

// The local person, created on first use with the system's time zone.
[[nodiscard]] User ensure_local_user(Store& store, Instant now, const std::string& time_zone);
inline constexpr UserId kLocalUser{1};

struct LogRequest {
  LocalDate date;
  Period period = Period::morning;
  Draft draft;
  bool replace = false;  // overwrite an entry already logged for this period (kept in history)
  std::optional<std::string> idempotency_key;
};

struct LogOutcome {
  enum class Kind { created, replaced, replayed };  // replayed: a retry of a request already applied
  Kind kind = Kind::created;
  DiaryEntry entry;
};

[[nodiscard]] AppResult<LogOutcome> log_entry(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                              const LogRequest& request);
// Changes the fields named in `draft`; empty text clears a field.
[[nodiscard]] AppResult<DiaryEntry> edit_entry(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                               EntryId id, const Draft& draft);
[[nodiscard]] AppResult<DiaryEntry> delete_entry(Store& store, const WriteMeta& meta, UserId user, EntryId id);

[[nodiscard]] AppResult<DiaryEntry> find_entry(const Store& store, UserId user, EntryId id);
[[nodiscard]] std::vector<DiaryEntry> entries_between(const Store& store, UserId user, LocalDate from, LocalDate to);
// The last day a view of the diary runs to by default: today, or a later day
// that has entries. Only a move to a zone further west makes one (a day
// logged in Tokyo is still tomorrow in Los Angeles), at most two days ahead,
// since the zones span 26 hours; without this, what was just logged hides.
[[nodiscard]] LocalDate last_day_to_show(const Store& store, UserId user, LocalDate today);
// Every revision, including those of a deleted entry.
[[nodiscard]] AppResult<std::vector<EntryRevision>> entry_history(const Store& store, UserId user, EntryId id);

// One revision as JSON, the same for `daybreak show --history --json` and
// GET /api/entries/{id}/revisions: revision, operation, recorded_at, channel,
// date, period and the fields as fields_to_json gives them.
[[nodiscard]] nlohmann::ordered_json revision_to_json(const EntryRevision& revision, const TimeZone& zone);

// Sleep items: mattresses and pillows the person names, to compare set-ups.
[[nodiscard]] AppResult<SleepItem> add_sleep_item(Store& store, Instant now, UserId user, SleepItemKind kind,
                                                  const std::string& name);
[[nodiscard]] AppResult<SleepItem> retire_sleep_item(Store& store, Instant now, UserId user, SleepItemKind kind,
                                                     const std::string& name);
[[nodiscard]] std::vector<SleepItem> sleep_items(const Store& store, UserId user);

// For today's view: has the time come to log this period?
enum class PeriodDue { logged, due, later, missed };
template <>
struct Vocabulary<PeriodDue> {
  static constexpr std::string_view kind = "status";
  static constexpr std::array<std::string_view, 4> names = {"logged", "due", "later", "missed"};
};
[[nodiscard]] PeriodDue period_due(Period period, bool logged, LocalDate day, LocalTime now);

// The time of day from which a period is asked for: the afternoon from 14:00,
// the evening from 20:00; none for the night and the morning, logged on waking.
[[nodiscard]] std::optional<Minutes> asked_from(Period period);

// A period of today's view (GET /api/today, `daybreak today --json`): period,
// status, from ("14:00", while it is later) and the entry, if logged.
[[nodiscard]] nlohmann::ordered_json period_to_json(Period period, const DiaryEntry* entry, LocalDate day,
                                                    LocalTime now, const TimeZone& zone);

}  // namespace daybreak
