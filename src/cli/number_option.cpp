#include "cli/number_option.hpp"

#include <charconv>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {

CLI::Validator whole_number(std::int64_t lo, std::optional<std::int64_t> hi) {
  std::string allowed =
      hi ? fmt::format("a whole number from {} to {}", lo, *hi) : fmt::format("a whole number from {}", lo);
  std::string shown = hi ? fmt::format("{} to {}", lo, *hi) : fmt::format("{} or more", lo);  // in --help
  return {[lo, hi, allowed](std::string& text) -> std::string {
            std::int64_t n = 0;
            const char* end = text.data() + text.size();
            const auto [stop, problem] = std::from_chars(text.data(), end, n);
            if (problem == std::errc() && stop == end && n >= lo && (!hi || n <= *hi)) return {};
            return fmt::format("'{}' is not allowed; allowed: {}", visible(text), allowed);
          },
          std::move(shown)};
}

}  // namespace daybreak
