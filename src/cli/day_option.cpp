// Days on the command line (see day_option.hpp).
#include "cli/day_option.hpp"

namespace daybreak {

AppResult<LocalDate> parse_day(std::string_view text, LocalDate today, std::string_view option, Tomorrow tomorrow) {
  if (text == "today") return today;
  if (text == "yesterday") return add_days(today, -1);
  if (text == "tomorrow" && tomorrow == Tomorrow::allowed) return add_days(today, 1);
  if (const auto d = parse_date(text)) return *d;
  const std::string_view rule = tomorrow == Tomorrow::allowed
                                    ? "a date written YYYY-MM-DD, today, yesterday or tomorrow"
                                    : "a date written YYYY-MM-DD, today or yesterday";
  return fail(invalid(calendar_problem(text) ? "that day is not on the calendar" : "that is not a date",
                      {{std::string(option), std::string(text), date_rule(text, rule)}}));
}

AppResult<DayRange> parse_day_range(const std::optional<std::string>& from, const std::optional<std::string>& to,
                                    LocalDate today) {
  DayRange range;
  if (from) {
    const auto d = parse_day(*from, today, "--from");
    if (!d) return fail(d.error());
    range.from = *d;
  }
  if (to) {
    const auto d = parse_day(*to, today, "--to");
    if (!d) return fail(d.error());
    range.to = *d;
  }
  return range;
}

}  // namespace daybreak
