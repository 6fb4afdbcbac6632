#include "app/diary.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/safety.hpp"

namespace daybreak {
namespace {

using namespace std::chrono_literals;

// Sleep items an entry names must exist; returns a field error for each that does not.
FieldErrors unknown_items(StoreReader& tx, UserId user, const DiaryFields& fields) {
  if (!fields.mattress && (!fields.pillows || fields.pillows->empty())) return {};
  const auto items = tx.sleep_items(user);
  const auto exists = [&](SleepItemKind kind, const std::string& name) {
    return std::any_of(items.begin(), items.end(),
                       [&](const SleepItem& i) { return i.kind == kind && i.name == name; });
  };
  const auto names_of = [&](SleepItemKind kind) {
    std::vector<std::string> names;
    for (const auto& i : items) {
      if (i.kind == kind && !i.retired_at) names.push_back(i.name);
    }
    return names.empty()
               ? fmt::format("a {} you add to your sleep items first", name_of(kind))
               : fmt::format("one of your {}: {} (or add one to your sleep items)", plural_of(kind), join(names, ", "));
  };
  FieldErrors errors;
  if (fields.mattress && !exists(SleepItemKind::mattress, *fields.mattress)) {
    errors.push_back({"mattress", *fields.mattress, names_of(SleepItemKind::mattress)});
  }
  for (const auto& p : fields.pillows.value_or(std::vector<std::string>{})) {
    if (!exists(SleepItemKind::pillow, p)) errors.push_back({"pillows", p, names_of(SleepItemKind::pillow)});
  }
  return errors;
}

// An entry that names a sleep item the person has not added: the next step is
// adding it.
AppError with_item_hint(AppError error, const FieldErrors& unknown) {
  if (unknown.empty()) return error;
  const std::string kind(
      name_of(unknown.front().field == "mattress" ? SleepItemKind::mattress : SleepItemKind::pillow));
  return with_hint(std::move(error), {HintAction::add_sleep_item, {{"kind", kind}}});
}

// Once a person owns a pillow, a night logged without naming one is a night
// without: recorded as "none", so insights compare nights with and without it
// (a knee pillow logged only on the nights it is used would otherwise leave
// every other night unknown). The saved entry says so; `edit` corrects it.
void default_no_pillow(StoreReader& tx, UserId user, Period period, DiaryFields& fields) {
  if (period != Period::night || fields.pillows) return;
  const auto items = tx.sleep_items(user);
  if (std::any_of(items.begin(), items.end(),
                  [](const SleepItem& i) { return i.kind == SleepItemKind::pillow && !i.retired_at; })) {
    fields.pillows.emplace();
  }
}

FieldErrors validate(DiaryFields& fields, const Draft& draft, const TimeContext& ctx, DraftMode mode) {
  FieldErrors errors = apply_draft(fields, draft, ctx, mode);
  FieldErrors cross = check_fields(fields, ctx);
  errors.insert(errors.end(), cross.begin(), cross.end());
  return errors;
}

std::string when(LocalDate date, Period period) {
  return fmt::format("the {} of {}", name_of(period), format_date(date));
}

}  // namespace

User ensure_local_user(Store& store, Instant now, const std::string& time_zone) {
  if (auto user = store.read()->find_user(kLocalUser)) return *user;
  auto tx = store.write();
  if (auto user = tx->find_user(kLocalUser)) return *user;  // created meanwhile by another process
  User user = tx->create_user(std::string(kUnnamedPerson), time_zone, now);
  tx->commit();
  return user;
}

AppResult<LogOutcome> log_entry(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                const LogRequest& request) {
  const TimeContext ctx{request.date, request.period, zone};
  DiaryFields fields;
  FieldErrors errors = validate(fields, request.draft, ctx, DraftMode::create);
  if (const LocalDate today = zone.date_of(meta.at); request.date > today || request.date < kFirstDiaryDay) {
    errors.insert(errors.begin(), {"date", format_date(request.date), diary_day_rule(today)});
  }

  auto tx = store.write();
  const FieldErrors items = unknown_items(*tx, user, fields);
  errors.insert(errors.end(), items.begin(), items.end());
  if (!errors.empty()) {
    return fail(with_item_hint(
        invalid(fmt::format("nothing was saved for {}", when(request.date, request.period)), std::move(errors)),
        items));
  }
  default_no_pillow(*tx, user, request.period, fields);

  if (request.idempotency_key) {
    if (const auto hit = tx->find_by_key(user, *request.idempotency_key)) {
      const bool same = hit->date == request.date && hit->period == request.period && hit->original == fields;
      if (!same) {
        return fail(conflict(fmt::format("the idempotency key '{}' was already used for a different entry (entry {})",
                                         *request.idempotency_key, hit->entry.value)));
      }
      const auto current = tx->find_entry(user, hit->entry);
      if (!current) {
        return fail(conflict(
            fmt::format("this request was already saved as entry {}, which has since been deleted", hit->entry.value)));
      }
      // The first save may share this transaction's group and not be durable
      // yet: answer only once it is (commit waits for the group, or throws its error).
      tx->commit();
      return LogOutcome{LogOutcome::Kind::replayed, *current};
    }
  }

  if (const auto existing = tx->find_entry_on(user, request.date, request.period)) {
    if (!request.replace) {
      return fail(AppError{
          ErrorCode::conflict,
          fmt::format("{} is already logged (entry {})", when(request.date, request.period), existing->id.value),
          {},
          {},
          existing->id});
    }
    DiaryEntry updated = tx->update_entry(user, existing->id, fields, RevisionOp::replace, meta);
    record_entry_check(*tx, user, updated, std::nullopt, meta);  // a replacement is a new report
    tx->commit();
    return LogOutcome{LogOutcome::Kind::replaced, std::move(updated)};
  }

  DiaryEntry created = tx->insert_entry(
      user,
      NewEntry{request.date, request.period, fields, request.idempotency_key, std::nullopt, RevisionOp::create, {}},
      meta);
  record_entry_check(*tx, user, created, std::nullopt, meta);
  tx->commit();
  return LogOutcome{LogOutcome::Kind::created, std::move(created)};
}

AppResult<DiaryEntry> edit_entry(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone, EntryId id,
                                 const Draft& draft) {
  if (draft.empty()) return fail(invalid("nothing to change: name at least one field, e.g. --pain 3"));
  auto tx = store.write();
  auto existing = tx->find_entry(user, id);
  if (!existing) return fail(not_found(fmt::format("there is no entry {}", id.value)));

  DiaryFields fields = existing->fields;
  FieldErrors errors = validate(fields, draft, TimeContext{existing->date, existing->period, zone}, DraftMode::edit);
  const FieldErrors items = unknown_items(*tx, user, fields);
  errors.insert(errors.end(), items.begin(), items.end());
  if (!errors.empty()) {
    return fail(with_item_hint(invalid(fmt::format("entry {} was not changed", id.value), std::move(errors)), items));
  }
  if (fields == existing->fields) return std::move(*existing);

  DiaryEntry updated = tx->update_entry(user, id, fields, RevisionOp::edit, meta);
  record_entry_check(*tx, user, updated, existing->fields.red_flags, meta);
  tx->commit();
  return updated;
}

AppResult<DiaryEntry> delete_entry(Store& store, const WriteMeta& meta, UserId user, EntryId id) {
  auto tx = store.write();
  auto existing = tx->find_entry(user, id);
  if (!existing) return fail(not_found(fmt::format("there is no entry {}", id.value)));
  tx->delete_entry(user, id, meta);
  tx->commit();
  return std::move(*existing);
}

AppResult<DiaryEntry> find_entry(const Store& store, UserId user, EntryId id) {
  auto entry = store.read()->find_entry(user, id);
  if (!entry) return fail(not_found(fmt::format("there is no entry {}", id.value)));
  return std::move(*entry);
}

std::vector<DiaryEntry> entries_between(const Store& store, UserId user, LocalDate from, LocalDate to) {
  return store.read()->entries_between(user, from, to);
}

LocalDate last_day_to_show(const Store& store, UserId user, LocalDate today) {
  LocalDate last = today;
  for (const auto& e : store.read()->entries_between(user, add_days(today, 1), add_days(today, 2))) {
    last = std::max(last, e.date);
  }
  return last;
}

AppResult<std::vector<EntryRevision>> entry_history(const Store& store, UserId user, EntryId id) {
  auto revisions = store.read()->revisions(user, id);
  if (revisions.empty()) return fail(not_found(fmt::format("there is no entry {}", id.value)));
  return revisions;
}

AppResult<SleepItem> add_sleep_item(Store& store, Instant now, UserId user, SleepItemKind kind,
                                    const std::string& name) {
  if (!valid_sleep_item_name(name)) {
    return fail(invalid("the item was not added", {{"name", name, sleep_item_name_rule()}}));
  }
  auto tx = store.write();
  const auto items = tx->sleep_items(user);
  const bool taken =
      std::any_of(items.begin(), items.end(), [&](const SleepItem& i) { return i.kind == kind && i.name == name; });
  if (taken) {
    return fail(conflict(fmt::format("you already have a {} named '{}'", name_of(kind), name)));
  }
  SleepItem item = tx->add_sleep_item(user, kind, name, now);
  tx->commit();
  return item;
}

AppResult<SleepItem> retire_sleep_item(Store& store, Instant now, UserId user, SleepItemKind kind,
                                       const std::string& name) {
  auto tx = store.write();
  for (auto item : tx->sleep_items(user)) {
    if (item.kind != kind || item.name != name || item.retired_at) continue;
    tx->retire_sleep_item(user, item.id, now);
    tx->commit();
    item.retired_at = now;
    return item;
  }
  return fail(not_found(fmt::format("you have no {} named '{}' in use", name_of(kind), name)));
}

std::vector<SleepItem> sleep_items(const Store& store, UserId user) { return store.read()->sleep_items(user); }

std::optional<Minutes> asked_from(Period period) {
  // Night and morning are logged on waking; the afternoon from mid-afternoon,
  // the evening once it has mostly passed.
  switch (period) {
    case Period::night:
    case Period::morning:
      return std::nullopt;
    case Period::afternoon:
      return 14h;
    case Period::evening:
      return 20h;
  }
  return std::nullopt;
}

PeriodDue period_due(Period period, bool logged, LocalDate day, LocalTime now) {
  if (logged) return PeriodDue::logged;
  if (now >= at(add_days(day, 1), 0min)) return PeriodDue::missed;
  return now >= at(day, asked_from(period).value_or(0min)) ? PeriodDue::due : PeriodDue::later;
}

nlohmann::ordered_json period_to_json(Period period, const DiaryEntry* entry, LocalDate day, LocalTime now,
                                      const TimeZone& zone) {
  const PeriodDue due = period_due(period, entry != nullptr, day, now);
  nlohmann::ordered_json p{{"period", name_of(period)}, {"status", name_of(due)}};
  if (const auto from = asked_from(period); due == PeriodDue::later && from) p["from"] = format_clock(at(day, *from));
  if (entry != nullptr) p["entry"] = entry_to_json(*entry, zone);
  return p;
}

nlohmann::ordered_json revision_to_json(const EntryRevision& r, const TimeZone& zone) {
  return {{"revision", r.revision},
          {"operation", name_of(r.op)},
          {"recorded_at", format_utc(r.recorded_at)},
          {"channel", r.actor.channel},
          {"date", format_date(r.date)},
          {"period", name_of(r.period)},
          {"fields", fields_to_json(r.fields, zone)}};
}

}  // namespace daybreak
