#include "domain/sleep_item.hpp"

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {

bool valid_sleep_item_name(std::string_view name) {
  const auto length = utf8_length(name);
  return !name.empty() && name == trim(name) && length && *length <= kMaxSleepItemName && !has_control_chars(name) &&
         name.find_first_of(",;") == std::string_view::npos;
}

std::string sleep_item_name_rule() {
  return fmt::format("a name of 1 to {} characters without ',' or ';'", kMaxSleepItemName);
}

}  // namespace daybreak
