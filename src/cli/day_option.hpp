// A day given on the command line: "today", "yesterday", "tomorrow" or
// YYYY-MM-DD, shared by the commands that take --from, --to or --start.
#pragma once

#include <string_view>

#include "app/app_error.hpp"
#include "domain/time.hpp"

namespace daybreak {

// A bad day is refused naming `option` and what is allowed.
[[nodiscard]] AppResult<LocalDate> parse_day(std::string_view text, LocalDate today, std::string_view option);

}  // namespace daybreak
