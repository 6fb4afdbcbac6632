// Laying text out for a fixed-width terminal: visible width (ANSI escapes and
// UTF-8 aware), truncation, padding and word wrapping.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace daybreak {

// Columns `text` takes: code points, not counting ANSI escape sequences.
[[nodiscard]] std::size_t visible_width(std::string_view text);
// Plain `text` (no escapes) cut to `width` columns, ending in "..." when cut
// (shorten() in domain/text.hpp: never inside a character).
[[nodiscard]] std::string fit(std::string_view text, std::size_t width);
// `text` followed by spaces up to `width` columns.
[[nodiscard]] std::string pad(std::string_view text, std::size_t width);
// Plain `text` broken into lines of at most `width` columns, at spaces.
[[nodiscard]] std::vector<std::string> wrap(std::string_view text, std::size_t width);
// Each wrapped line prefixed by `indent`, joined with newlines, ending in one.
[[nodiscard]] std::string wrap_indented(std::string_view text, std::size_t width, std::string_view indent,
                                        std::string_view first_indent = {});

}  // namespace daybreak
