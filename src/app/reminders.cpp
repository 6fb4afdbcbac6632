#include "app/reminders.hpp"

#include <fmt/format.h>
#include <map>

#include "app/fhir_transfer.hpp"
#include "domain/text.hpp"
#include "report/ical.hpp"
#include "report/stable_id.hpp"

namespace daybreak {
namespace {

constexpr std::array<std::string_view, 5> kKeys = {"morning_routine", "morning_log", "evening_routine", "safety_check",
                                                   "experiment"};
constexpr std::array<std::string_view, 7> kDays = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

std::string clock_text(Minutes m) { return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60); }

// One setting per reminder, "reminder_<key>": "TIME SEQUENCE CHANGED_AT", such
// as "06:15 2 2027-03-01T06:30:00Z" (a weekly one's TIME is "sun 18:30"). The
// settings table holds short values (200 characters), so each has its own.
struct Stored {
  std::string time;  // as stored; empty: never set
  int sequence = 0;
  std::optional<Instant> changed_at;
};
using StoredTimes = std::map<std::string, Stored, std::less<>>;

std::string setting_key(std::string_view key) { return fmt::format("reminder_{}", key); }

StoredTimes stored(StoreReader& tx, UserId user) {
  StoredTimes out;
  for (const std::string_view key : kKeys) {
    const auto text = tx.setting(user, setting_key(key));
    if (!text) continue;
    const auto parts = split_list(*text, " ");
    Stored s;
    // A weekly time has two words.
    const std::size_t words = key == "safety_check" ? 2 : 1;
    if (parts.size() != words + 2) continue;
    for (std::size_t i = 0; i < words; ++i) s.time += (i > 0 ? " " : "") + std::string(parts[i]);
    s.sequence = static_cast<int>(parse_integer(parts[words]).value_or(0));
    s.changed_at = parse_instant(parts[words + 1]);
    out.emplace(std::string(key), std::move(s));
  }
  return out;
}

std::optional<std::pair<std::chrono::weekday, Minutes>> parse_weekly(std::string_view text) {
  const std::string lower = to_lower_ascii(trim(text));
  const std::size_t space = lower.find(' ');
  if (space == std::string::npos) return std::nullopt;
  const auto day = std::find(kDays.begin(), kDays.end(), std::string_view(lower).substr(0, space));
  const auto clock = parse_clock(trim(std::string_view(lower).substr(space + 1)));
  if (day == kDays.end() || !clock) return std::nullopt;
  return std::pair{std::chrono::weekday{static_cast<unsigned>(day - kDays.begin())}, *clock};
}

ReminderTimes times_of(const StoredTimes& s) {
  ReminderTimes t;
  const auto clock = [&](std::string_view key, Minutes& out) {
    if (const auto it = s.find(key); it != s.end()) {
      if (const auto m = parse_clock(it->second.time)) out = *m;
    }
  };
  clock("morning_routine", t.morning_routine);
  clock("morning_log", t.morning_log);
  clock("evening_routine", t.evening_routine);
  clock("experiment", t.experiment);
  if (const auto it = s.find("safety_check"); it != s.end()) {
    if (const auto w = parse_weekly(it->second.time)) std::tie(t.safety_day, t.safety_time) = *w;
  }
  return t;
}

int sequence_of(const StoredTimes& s, std::string_view key) {
  const auto it = s.find(key);
  return it != s.end() ? it->second.sequence : 0;
}

std::optional<Instant> changed_at(const StoredTimes& s, std::string_view key) {
  const auto it = s.find(key);
  return it != s.end() ? it->second.changed_at : std::nullopt;
}

}  // namespace

ReminderChange reminder_words(const ReminderTimes& t) {
  return {clock_text(t.morning_routine), clock_text(t.morning_log), clock_text(t.evening_routine),
          fmt::format("{} {}", kDays[t.safety_day.c_encoding()], clock_text(t.safety_time)), clock_text(t.experiment)};
}

ReminderTimes reminder_times(const Store& store, UserId user) {
  auto tx = store.read();
  return times_of(stored(*tx, user));
}

AppResult<ReminderTimes> set_reminder_times(Store& store, Instant now, UserId user, const ReminderChange& change) {
  FieldErrors errors;
  std::vector<std::pair<std::string_view, std::string>> given;
  const auto clock = [&](std::string_view key, const std::optional<std::string>& text) {
    if (!text) return;
    const auto m = parse_clock(trim(*text));
    if (!m) {
      errors.push_back({std::string(key), *text, "a time of day, HH:MM"});
    } else {
      given.emplace_back(key, clock_text(*m));
    }
  };
  clock("morning_routine", change.morning_routine);
  clock("morning_log", change.morning_log);
  clock("evening_routine", change.evening_routine);
  clock("experiment", change.experiment);
  if (change.safety_check) {
    const auto w = parse_weekly(*change.safety_check);
    if (!w) {
      errors.push_back({"safety_check", *change.safety_check, "a weekday and a time, such as 'mon 09:00'"});
    } else {
      given.emplace_back("safety_check", fmt::format("{} {}", kDays[w->first.c_encoding()], clock_text(w->second)));
    }
  }
  if (!errors.empty()) return fail(invalid("the reminders were not changed", std::move(errors)));
  auto tx = store.write();
  StoredTimes s = stored(*tx, user);
  const ReminderTimes before = times_of(s);
  for (const auto& [key, text] : given) s[std::string(key)].time = text;
  const ReminderTimes after = times_of(s);
  const auto bump = [&](std::string_view key, bool changed) {
    if (!changed) return;
    Stored& r = s[std::string(key)];
    tx->set_setting(user, setting_key(key), fmt::format("{} {} {}", r.time, r.sequence + 1, format_utc(now)), now);
  };
  bump("morning_routine", before.morning_routine != after.morning_routine);
  bump("morning_log", before.morning_log != after.morning_log);
  bump("evening_routine", before.evening_routine != after.evening_routine);
  bump("safety_check", before.safety_day != after.safety_day || before.safety_time != after.safety_time);
  bump("experiment", before.experiment != after.experiment);
  tx->commit();
  return after;
}

void reminders_follow_zone(StoreWriter& tx, UserId user, Instant now) {
  const StoredTimes s = stored(tx, user);
  const ReminderChange words = reminder_words(times_of(s));
  for (const auto& [key, time] :
       {std::pair{"morning_routine", words.morning_routine}, std::pair{"morning_log", words.morning_log},
        std::pair{"evening_routine", words.evening_routine}, std::pair{"safety_check", words.safety_check},
        std::pair{"experiment", words.experiment}}) {
    tx.set_setting(user, setting_key(key), fmt::format("{} {} {}", *time, sequence_of(s, key) + 1, format_utc(now)),
                   now);
  }
}

std::vector<Reminder> person_reminders(const Store& store, UserId user_id, const TimeZone& zone) {
  auto tx = store.read();
  const auto user = tx->find_user(user_id);
  if (!user) return {};
  const StoredTimes s = stored(*tx, user_id);
  const ReminderTimes t = times_of(s);
  const LocalDate since = zone.date_of(user->created_at);
  std::vector<Reminder> out;
  const auto add = [&](std::string_view key, std::string summary, std::string description, Minutes time) -> Reminder& {
    Reminder r;
    r.key = std::string(key);
    std::replace(r.key.begin(), r.key.end(), '_', '-');
    r.summary = std::move(summary);
    r.description = std::move(description);
    r.time = time;
    const auto changed = changed_at(s, key);
    r.stamp = changed.value_or(user->created_at);
    r.first_day = changed ? zone.date_of(*changed) : since;
    r.sequence = sequence_of(s, key);
    out.push_back(std::move(r));
    return out.back();
  };
  add("morning_routine", "Morning routine, before you get up",
      "Your morning routine starts in bed: daybreak session morning, or Session in the app.", t.morning_routine);
  add("morning_log", "Log your morning",
      "Pain now, and how long the stiffness took to ease: daybreak log morning, or Log in the app.", t.morning_log);
  add("evening_routine", "Evening routine", "Your evening routine: daybreak session evening, or Session in the app.",
      t.evening_routine);
  add("safety_check", "Weekly safety check",
      "The warning-sign questions that come before exercise, once a week: daybreak screen, or Safety check in the app.",
      t.safety_time)
      .weekly = t.safety_day;
  const auto experiment_changed = changed_at(s, "experiment");
  for (const auto& e : tx->experiments(user_id)) {
    const ExperimentDesign& d = e.design;
    const auto plans = schedule(d);
    for (const Condition c : {Condition::a, Condition::b}) {
      Reminder r;
      r.key = fmt::format("experiment-{}-{}", e.id.value, name_of(c));
      r.summary = fmt::format("Tonight: {}", d.label(c));
      r.description = fmt::format(
          "Your experiment {}: tonight is {} ({}). In the morning, say whether you kept to it: daybreak experiment "
          "log, or Today in the app.",
          d.title, name_of(c), d.label(c));
      r.time = t.experiment;
      // The evening before each night (a night belongs to the day you wake up on).
      r.first_day = add_days(d.first_night, -1);
      r.last_day = add_days(e.end_night(), -1);
      for (const auto& p : plans) {
        if (p.condition != c) r.except.push_back(add_days(p.night, -1));
      }
      // It changes when the experiment stops early or the time moves.
      r.sequence = sequence_of(s, "experiment") + (e.stopped_at ? 1 : 0);
      r.stamp =
          std::max({e.created_at, e.stopped_at.value_or(e.created_at), experiment_changed.value_or(e.created_at)});
      out.push_back(std::move(r));
    }
  }
  return out;
}

AppResult<std::string> reminders_ics(const Store& store, UserId user_id, const TimeZone& zone,
                                     std::optional<int> alarm_minutes, std::string_view version) {
  if (alarm_minutes && (*alarm_minutes < 0 || *alarm_minutes > kMaxAlarmMinutes)) {
    return fail(invalid("no calendar was written", {{"alarm", std::to_string(*alarm_minutes),
                                                     fmt::format("minutes before, from 0 to {}", kMaxAlarmMinutes)}}));
  }
  const auto reminders = person_reminders(store, user_id, zone);
  auto tx = store.read();
  const auto user = tx->find_user(user_id);
  if (!user) return fail(not_found("there is no such person"));
  return reminders_calendar(reminders, zone, export_person_id(*tx, *user), {version, alarm_minutes});
}

std::vector<UpcomingReminder> upcoming_reminders(const Store& store, UserId user_id, const TimeZone& zone,
                                                 LocalDate from, LocalDate to) {
  const auto reminders = person_reminders(store, user_id, zone);
  auto tx = store.read();
  const auto user = tx->find_user(user_id);
  if (!user) return {};
  const Uuid person = export_person_id(*tx, *user);
  std::vector<UpcomingReminder> out;
  for (const auto& o : occurrences(reminders, from, to, zone)) {
    out.push_back({reminder_uid(person, o.reminder->key), o.reminder->summary, o.start});
  }
  return out;
}

}  // namespace daybreak
