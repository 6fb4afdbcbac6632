#include "domain/time.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace daybreak {
namespace {

using namespace std::chrono;

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool char_at(std::string_view s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

}  // namespace

LocalResolution TimeZone::resolve(LocalTime local) const {
  // Try the offset in force a day before and a day after; a reading is valid
  // under an offset when that offset is really in force at the implied instant.
  const Instant naive{local.time_since_epoch()};
  const seconds before = offset(naive - days{1});
  const seconds after = offset(naive + days{1});
  const Instant under_before = naive - before;
  const Instant under_after = naive - after;
  const bool before_ok = offset(under_before) == before;
  const bool after_ok = offset(under_after) == after;

  if (before_ok && after_ok && under_before != under_after) {
    return {LocalResolution::Kind::ambiguous, std::min(under_before, under_after), std::max(under_before, under_after)};
  }
  if (before_ok) return {LocalResolution::Kind::unique, under_before, under_before};
  if (after_ok) return {LocalResolution::Kind::unique, under_after, under_after};
  return {LocalResolution::Kind::nonexistent, under_before, under_after};
}

std::optional<LocalDate> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = digits(s, 0, 4);
  const auto m = digits(s, 5, 2);
  const auto d = digits(s, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const LocalDate date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<std::string> calendar_problem(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = digits(s, 0, 4);
  const auto m = digits(s, 5, 2);
  const auto d = digits(s, 8, 2);
  if (!y || !m || !d || parse_date(s)) return std::nullopt;
  if (*m < 1 || *m > 12) return fmt::format("there is no month {}", *m);
  if (*d == 0) return std::string("there is no day 0");
  const year_month_day_last last{year{*y}, month_day_last{month{static_cast<unsigned>(*m)}}};
  const auto length = static_cast<unsigned>(last.day());
  if (*m == 2 && *d == 29) return fmt::format("{} has no 29 February", *y);
  return fmt::format("{} {} has {} days", kMonths[static_cast<std::size_t>(*m - 1)], *y, length);
}

std::string date_rule(std::string_view text, std::string_view rule) {
  const auto problem = calendar_problem(text);
  return problem ? fmt::format("{} ({})", rule, *problem) : std::string(rule);
}

std::string format_date(LocalDate d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

std::string_view weekday_name(LocalDate d) { return kWeekdays[weekday{sys_days{d}}.c_encoding()]; }
std::string_view month_name(LocalDate d) { return kMonths[static_cast<unsigned>(d.month()) - 1]; }
std::string_view short_month_name(LocalDate d) { return month_name(d).substr(0, 3); }

std::string format_long_date(LocalDate d) {
  return fmt::format("{} {} {} {}", weekday_name(d), static_cast<unsigned>(d.day()), month_name(d),
                     static_cast<int>(d.year()));
}

std::optional<Minutes> parse_clock(std::string_view s) {
  // H:MM or HH:MM, 24-hour.
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
  const auto h = digits(s, 0, colon);
  const auto m = digits(s, colon + 1, 2);
  if (!h || !m || *h > 23 || *m > 59) return std::nullopt;
  return Minutes{*h * 60 + *m};
}

std::string format_clock(LocalTime t) {
  const auto day_start = floor<days>(t);
  const auto hm = hh_mm_ss<seconds>{t - day_start};
  return fmt::format("{:02}:{:02}", hm.hours().count(), hm.minutes().count());
}

std::optional<Instant> parse_instant(std::string_view s) {
  // YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)
  if (s.size() < 17) return std::nullopt;
  const auto date = parse_date(s.substr(0, 10));
  if (!date || !(char_at(s, 10, 'T') || char_at(s, 10, ' '))) return std::nullopt;
  const auto clock = parse_clock(s.substr(11, 5));
  if (!clock || s[11 + 2] != ':') return std::nullopt;
  std::size_t pos = 16;
  int secs = 0;
  if (char_at(s, pos, ':')) {
    const auto sv = digits(s, pos + 1, 2);
    if (!sv || *sv > 59) return std::nullopt;
    secs = *sv;
    pos += 3;
  }
  seconds off{0};
  if (char_at(s, pos, 'Z') && pos + 1 == s.size()) {
    // UTC
  } else if ((char_at(s, pos, '+') || char_at(s, pos, '-')) && s.size() == pos + 6 && s[pos + 3] == ':') {
    const auto oh = digits(s, pos + 1, 2);
    const auto om = digits(s, pos + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
    off = hours{*oh} + minutes{*om};
    if (s[pos] == '-') off = -off;
  } else {
    return std::nullopt;
  }
  const auto local = sys_days{*date} + *clock + seconds{secs};
  return Instant{local - off};
}

std::optional<LocalTime> written_wall_clock(std::string_view s) {
  const auto instant = parse_instant(s);
  if (!instant || s.back() == 'Z') return std::nullopt;
  const auto sign = s.find_last_of("+-");  // the offset's: the date's are before position 10
  const int oh = (s[sign + 1] - '0') * 10 + (s[sign + 2] - '0');
  const int om = (s[sign + 4] - '0') * 10 + (s[sign + 5] - '0');
  seconds off = hours{oh} + minutes{om};
  if (s[sign] == '-') off = -off;
  return LocalTime{(*instant + off).time_since_epoch()};
}

std::string format_utc(Instant t) {
  const auto day_start = floor<days>(t);
  const hh_mm_ss<seconds> hms{t - day_start};
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(LocalDate{day_start}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::string format_with_offset(Instant t, const TimeZone& zone) {
  const seconds off = zone.offset(t);
  // RFC 3339 offsets are whole minutes; local mean time (before time zones,
  // e.g. +00:53:28 in Berlin) is not, so such an instant is written in UTC.
  if (off % minutes{1} != seconds{0}) return format_utc(t);
  const LocalTime local{t.time_since_epoch() + off};
  const auto day_start = floor<days>(local);
  const hh_mm_ss<seconds> hms{local - day_start};
  const auto abs_off = off < seconds{0} ? -off : off;
  const hh_mm_ss<seconds> ohm{abs_off};
  return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}",
                     format_date(LocalDate{sys_days{day_start.time_since_epoch()}}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), off < seconds{0} ? '-' : '+', ohm.hours().count(),
                     ohm.minutes().count());
}

}  // namespace daybreak
