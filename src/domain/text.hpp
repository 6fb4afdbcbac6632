// Small text helpers shared by the parsers: trimming, splitting, UTF-8 checks.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace daybreak {

[[nodiscard]] std::string_view trim(std::string_view s);
// Splits on any of `separators`, trims each part, drops empty parts.
[[nodiscard]] std::vector<std::string_view> split_list(std::string_view s, std::string_view separators);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view separator);
// Text for the content of an XML or XHTML element: &, < and > escaped.
[[nodiscard]] std::string xml_text(std::string_view text);
// Number of code points if `s` is well-formed UTF-8, otherwise nullopt.
[[nodiscard]] std::optional<std::size_t> utf8_length(std::string_view s);
// The first `max_chars` characters of `s`, cut where a character ends: never
// inside a UTF-8 sequence, and never between a character and the marks that
// join it (an accent, a skin tone, the parts of a joined emoji or a flag), so
// a cut never shows as a broken character. Characters are code points; a byte
// that is not UTF-8 counts as one.
[[nodiscard]] std::string_view utf8_prefix(std::string_view s, std::size_t max_chars);
// `s` if it has at most `max_chars` characters, otherwise its first ones and
// "...", `max_chars` characters in all (without the dots below 3).
[[nodiscard]] std::string shorten(std::string_view s, std::size_t max_chars);
// True if `s` holds a control character other than those in `allowed`.
[[nodiscard]] bool has_control_chars(std::string_view s, std::string_view allowed = {});
// `s` safe to show on a terminal: control characters and bytes that are not
// UTF-8 as \xNN, so an error shows what was given, not what the terminal
// makes of it.
[[nodiscard]] std::string visible(std::string_view s);
// Why free text is refused, in words ("it holds a control character,
// \x01"), or nullopt if it is well-formed UTF-8 of at most `max_chars`
// characters without control characters other than `allowed_controls`.
[[nodiscard]] std::optional<std::string> text_problem(std::string_view s, std::size_t max_chars,
                                                      std::string_view allowed_controls = {});
[[nodiscard]] std::string to_lower_ascii(std::string_view s);
// "back_left" -> "back left"
[[nodiscard]] std::string humanize(std::string_view name);
// Strict whole-number parse: optional sign, digits only, no spaces.
[[nodiscard]] std::optional<long long> parse_integer(std::string_view s);
// A decimal with at most one digit after the point ("7", "7.5", "-2.0"), as tenths.
[[nodiscard]] std::optional<long long> parse_tenths(std::string_view s);
[[nodiscard]] std::string format_tenths(long long tenths);

}  // namespace daybreak
