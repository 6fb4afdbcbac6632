// A day given on the command line: "today", "yesterday", "tomorrow" or
// YYYY-MM-DD, shared by the commands that take --from, --to or --start.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "domain/time.hpp"

namespace daybreak {

// Whether "tomorrow" is a day the option takes (an experiment may start on
// the coming night; a diary day is never in the future).
enum class Tomorrow { refused, allowed };

// A bad day is refused naming `option` and what is allowed; a date written
// YYYY-MM-DD that is no day on the calendar says why (2026 has no 29 February).
[[nodiscard]] AppResult<LocalDate> parse_day(std::string_view text, LocalDate today, std::string_view option,
                                             Tomorrow tomorrow = Tomorrow::allowed);

// --from and --to, each optional; the first bad one is refused.
[[nodiscard]] AppResult<DayRange> parse_day_range(const std::optional<std::string>& from,
                                                  const std::optional<std::string>& to, LocalDate today);

}  // namespace daybreak
