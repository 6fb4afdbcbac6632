#include "domain/sleep_item.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {

bool is_no_sleep_item(std::string_view text) {
  text = trim(text);
  return text.size() == kNoSleepItem.size() &&
         std::equal(text.begin(), text.end(), kNoSleepItem.begin(),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

bool valid_sleep_item_name(std::string_view name) {
  const auto length = utf8_length(name);
  return !name.empty() && name == trim(name) && length && *length <= kMaxSleepItemName && !has_control_chars(name) &&
         name.find_first_of(",;") == std::string_view::npos && !is_no_sleep_item(name);
}

std::string sleep_item_name_rule() {
  return fmt::format("a name of 1 to {} characters without ',' or ';', and not '{}'", kMaxSleepItemName, kNoSleepItem);
}

}  // namespace daybreak
