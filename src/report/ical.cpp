#include "report/ical.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace daybreak {
namespace {

using std::chrono::days;
using std::chrono::seconds;

constexpr std::size_t kMaxOctets = 75;

// 20261123T063000: a local date and time.
std::string local_stamp(LocalTime t) {
  const auto day = std::chrono::floor<days>(t);
  const LocalDate d{std::chrono::sys_days{day.time_since_epoch()}};
  const auto s = (t - day).count();
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()), s / 3600, s / 60 % 60, s % 60);
}

std::string utc_stamp(Instant t) { return local_stamp(LocalTime{t.time_since_epoch()}) + "Z"; }

std::string offset_text(seconds offset) {
  const auto total = offset.count();
  const auto a = total < 0 ? -total : total;
  return fmt::format("{}{:02}{:02}", total < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

struct Transition {
  Instant at;
  seconds before;
  seconds after;
};

// Every change of offset in [from, to), found day by day and then to the second.
std::vector<Transition> transitions(const TimeZone& zone, Instant from, Instant to) {
  std::vector<Transition> out;
  for (Instant t = from; t < to; t += days{1}) {
    const seconds a = zone.offset(t);
    const seconds b = zone.offset(t + days{1});
    if (a == b) continue;
    Instant lo = t;
    Instant hi = t + days{1};  // offset(lo) == a, offset(hi) != a
    while (hi - lo > seconds{1}) {
      const Instant mid = lo + (hi - lo) / 2;
      (zone.offset(mid) == a ? lo : hi) = mid;
    }
    out.push_back({hi, a, zone.offset(hi)});
  }
  return out;
}

// The C library's zone data (the CLI's ProcessZone) carries no changes past
// 2037 (32-bit tzfile data), date/tz does: the zone is written up to there,
// so both give the same file.
constexpr Instant kLastChange{std::chrono::sys_days{std::chrono::year{2038} / 1 / 1}.time_since_epoch()};

std::string weekday_code(std::chrono::weekday d) {
  static constexpr std::array<std::string_view, 7> kCodes = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  return std::string(kCodes[d.c_encoding()]);
}

// A change of the clocks as a yearly rule: its month, and its weekday counted
// from the month's start (2: the second Sunday) or, in the month's last week,
// from its end (-1: the last Sunday), at its wall-clock time.
struct YearlyRule {
  std::chrono::month month;
  int nth = 0;
  std::chrono::weekday weekday;
  seconds time_of_day;
  bool operator==(const YearlyRule&) const = default;
};

YearlyRule rule_of(const Transition& c) {
  const LocalTime local{c.at.time_since_epoch() + c.before};
  const auto day = std::chrono::floor<days>(local);
  const std::chrono::year_month_day d{std::chrono::sys_days{day.time_since_epoch()}};
  const std::chrono::year_month_day_last last{d.year(), std::chrono::month_day_last{d.month()}};
  const unsigned dom = static_cast<unsigned>(d.day());
  const int nth = dom + 7 > static_cast<unsigned>(last.day()) ? -1 : static_cast<int>((dom - 1) / 7 + 1);
  return {d.month(), nth, std::chrono::weekday{std::chrono::sys_days{d}}, local - day};
}

int year_of(Instant t) { return static_cast<int>(std::chrono::year_month_day{std::chrono::floor<days>(t)}.year()); }

// The RRULE that carries the change `changes[i]` on, year after year: when the
// zone still changes its clocks both ways in `last_year`, the last year
// listed, this is the last change of its way, and its rule gave each of the
// last kYears changes that way in the years before, so it is the zone's rule
// and not one year's date. Otherwise nothing, and a calendar keeps the last
// offset on (a zone that gave up summer time keeps its last offset).
std::optional<std::string> yearly_rrule(const std::vector<Transition>& changes, std::size_t i, int last_year) {
  constexpr int kYears = 5;
  const Transition& c = changes[i];
  const bool forward = c.after > c.before;
  if (changes.size() < 2 || i + 2 < changes.size() || year_of(changes.back().at) != last_year ||
      year_of(changes[changes.size() - 2].at) != last_year ||
      (changes.back().after > changes.back().before) ==
          (changes[changes.size() - 2].after > changes[changes.size() - 2].before)) {
    return std::nullopt;  // not the last change of each way in one year
  }
  const YearlyRule rule = rule_of(c);
  int seen = 0;
  int year = year_of(c.at);
  for (std::size_t j = i + 1; j-- > 0 && seen < kYears;) {
    const Transition& o = changes[j];
    if ((o.after > o.before) != forward) continue;
    if (year_of(o.at) != year || rule_of(o) != rule || o.before != c.before || o.after != c.after) return std::nullopt;
    ++seen;
    --year;
  }
  if (seen < kYears) return std::nullopt;
  return fmt::format("RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}{}", static_cast<unsigned>(rule.month), rule.nth,
                     weekday_code(rule.weekday));
}

// The VTIMEZONE of `zone` from a year before `from` to 2037: the offset in
// force then, and each change after it as an observance of its own (STANDARD
// or DAYLIGHT by whether it moves the clocks back or forward). The last
// change of each way, when the zone's rule gave it (yearly_rrule), recurs
// every year after, so summer time goes on past 2037 in a calendar too.
void timezone(std::string& out, const TimeZone& zone, Instant from) {
  const Instant start = from - days{366};
  const auto changes = transitions(zone, start, std::max(kLastChange, start + days{1}));
  append_ical_line(out, "BEGIN:VTIMEZONE");
  append_ical_line(out, fmt::format("TZID:{}", zone.name()));
  const seconds first = zone.offset(start);
  // Before the first change: standard time unless the next change moves the clocks back.
  const bool first_daylight = !changes.empty() && changes.front().after < changes.front().before;
  const auto observance = [&](bool daylight, LocalTime local, seconds before, seconds after,
                              const std::optional<std::string>& rrule) {
    const char* kind = daylight ? "DAYLIGHT" : "STANDARD";
    append_ical_line(out, fmt::format("BEGIN:{}", kind));
    append_ical_line(out, "DTSTART:" + local_stamp(local));
    if (rrule) append_ical_line(out, *rrule);
    append_ical_line(out, "TZOFFSETFROM:" + offset_text(before));
    append_ical_line(out, "TZOFFSETTO:" + offset_text(after));
    append_ical_line(out, fmt::format("END:{}", kind));
  };
  observance(first_daylight, LocalTime{start.time_since_epoch() + first}, first, first, std::nullopt);
  // Both ways recur, or neither: summer time that begins by a rule but does not end, or the reverse, is not one.
  std::optional<std::string> onward[2];
  if (changes.size() >= 2) {
    const int last_year = year_of(kLastChange - days{1});
    onward[0] = yearly_rrule(changes, changes.size() - 2, last_year);
    onward[1] = yearly_rrule(changes, changes.size() - 1, last_year);
    if (!onward[0] || !onward[1]) onward[0] = onward[1] = std::nullopt;
  }
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const Transition& c = changes[i];
    const std::size_t from_end = changes.size() - i;  // 2: the one before the last, 1: the last
    // DTSTART is the wall-clock time of the change as read before it.
    observance(c.after > c.before, LocalTime{c.at.time_since_epoch() + c.before}, c.before, c.after,
               from_end <= 2 ? onward[2 - from_end] : std::nullopt);
  }
  append_ical_line(out, "END:VTIMEZONE");
}

}  // namespace

std::string reminder_uid(const Uuid& person, std::string_view key) {
  return fmt::format("{}@daybreak", person.name(fmt::format("reminder/{}", key)).text());
}

std::string ical_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n' || c == '\r') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

void append_ical_line(std::string& out, std::string_view line) {
  std::size_t room = kMaxOctets;  // the first line has 75 octets, each continuation a space and 74
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = kMaxOctets - 1;
  }
  out.append(line);
  out += "\r\n";
}

std::string reminders_calendar(std::span<const Reminder> reminders, const TimeZone& zone, const Uuid& person,
                               const CalendarOptions& options) {
  std::string out;
  append_ical_line(out, "BEGIN:VCALENDAR");
  append_ical_line(out, "VERSION:2.0");
  append_ical_line(out, fmt::format("PRODID:-//daybreak//daybreak {}//EN", options.version));
  append_ical_line(out, "CALSCALE:GREGORIAN");
  append_ical_line(out, "X-WR-CALNAME:daybreak");
  if (!reminders.empty()) {
    const auto earliest =
        std::min_element(reminders.begin(), reminders.end(),
                         [](const Reminder& a, const Reminder& b) { return a.first_day < b.first_day; });
    timezone(out, zone, reminder_instant(earliest->first_day, Minutes{0}, zone));
  }
  const std::string tzid = fmt::format(";TZID={}:", zone.name());
  for (const auto& r : reminders) {
    const auto days_on = reminder_days(r, r.first_day, r.last_day.value_or(add_days(r.first_day, 400)));
    if (days_on.empty()) continue;  // nothing left to remind of
    const LocalDate first = days_on.front();
    append_ical_line(out, "BEGIN:VEVENT");
    append_ical_line(out, "UID:" + reminder_uid(person, r.key));
    append_ical_line(out, fmt::format("SEQUENCE:{}", r.sequence));
    append_ical_line(out, "DTSTAMP:" + utc_stamp(r.stamp));
    append_ical_line(out, "DTSTART" + tzid + local_stamp(at(first, r.time)));
    append_ical_line(out, fmt::format("DURATION:PT{}M", r.duration_minutes));
    std::string rule = r.weekly ? "RRULE:FREQ=WEEKLY;BYDAY=" + weekday_code(*r.weekly) : "RRULE:FREQ=DAILY";
    // UNTIL is inclusive (RFC 5545 3.3.10), but some expanders drop an
    // occurrence exactly at UNTIL (recurring-ical-events 2.0): the end of
    // the last day says the same and reads the same everywhere.
    if (r.last_day) {
      rule += ";UNTIL=" + utc_stamp(reminder_instant(add_days(*r.last_day, 1), Minutes{0}, zone) - seconds{1});
    }
    append_ical_line(out, rule);
    std::vector<std::string> skipped;
    for (const LocalDate d : r.except) {
      if (d >= first && (!r.last_day || d <= *r.last_day)) skipped.push_back(local_stamp(at(d, r.time)));
    }
    std::sort(skipped.begin(), skipped.end());
    if (!skipped.empty()) append_ical_line(out, "EXDATE" + tzid + fmt::format("{}", fmt::join(skipped, ",")));
    append_ical_line(out, "SUMMARY:" + ical_text(r.summary));
    append_ical_line(out, "DESCRIPTION:" + ical_text(r.description));
    append_ical_line(out, "TRANSP:TRANSPARENT");
    if (options.alarm_minutes) {
      append_ical_line(out, "BEGIN:VALARM");
      append_ical_line(out, "ACTION:DISPLAY");
      append_ical_line(out, "DESCRIPTION:" + ical_text(r.summary));
      append_ical_line(out, fmt::format("TRIGGER:-PT{}M", *options.alarm_minutes));
      append_ical_line(out, "END:VALARM");
    }
    append_ical_line(out, "END:VEVENT");
  }
  append_ical_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace daybreak
