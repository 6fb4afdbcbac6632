#include "domain/text.hpp"

#include <charconv>

#include <fmt/format.h>

namespace daybreak {

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_list(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find_first_of(separators, start);
    const std::string_view part = trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes
  bool valid = false;      // false: one byte that is not UTF-8
};

// The code point at s[i], or one byte that is not UTF-8.
CodePoint decode(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  char32_t cp = 0;
  if (c < 0x80) {
    return {c, 1, true};
  } else if ((c & 0xE0) == 0xC0) {
    len = 2;
    cp = c & 0x1FU;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    cp = c & 0x0FU;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    cp = c & 0x07U;
  } else {
    return {c, 1, false};
  }
  if (i + len > s.size()) return {c, 1, false};
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return {c, 1, false};
    cp = (cp << 6) | (cc & 0x3FU);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {c, 1, false};
  return {cp, len, true};
}

constexpr char32_t kZeroWidthJoiner = 0x200D;

bool regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

// A code point drawn as part of the character before it: combining marks,
// variation selectors, emoji skin tones and tags, the zero-width joiner.
bool joins_previous(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
         (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
         cp == kZeroWidthJoiner || cp == 0x3099 || cp == 0x309A;
}

// Characters of `s`: code points, each byte that is not UTF-8 as one.
std::size_t char_count(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); i += decode(s, i).length) ++count;
  return count;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++count) {
    const CodePoint cp = decode(s, i);
    if (!cp.valid) return std::nullopt;
    i += cp.length;
  }
  return count;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_chars) {
  std::size_t i = 0;
  std::size_t cluster = 0;  // where the character being read began, marks and all
  std::size_t count = 0;
  CodePoint previous;
  std::size_t flags = 0;  // regional indicators in a row: two make a flag
  while (i < s.size()) {
    const CodePoint cp = decode(s, i);
    const bool joins = cp.valid && i > 0 &&
                       (joins_previous(cp.value) || (previous.valid && previous.value == kZeroWidthJoiner) ||
                        (regional_indicator(cp.value) && flags % 2 == 1));
    if (count == max_chars) return s.substr(0, joins ? cluster : i);
    if (!joins) cluster = i;
    flags = cp.valid && regional_indicator(cp.value) ? flags + 1 : 0;
    previous = cp;
    i += cp.length;
    ++count;
  }
  return s;
}

std::string shorten(std::string_view s, std::size_t max_chars) {
  if (char_count(s) <= max_chars) return std::string(s);
  if (max_chars < 3) return std::string(utf8_prefix(s, max_chars));
  return std::string(utf8_prefix(s, max_chars - 3)) + "...";
}

bool has_control_chars(std::string_view s, std::string_view allowed) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 || u == 0x7F) && allowed.find(c) == std::string_view::npos) return true;
  }
  return false;
}

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto u = static_cast<unsigned char>(s[i]);
    const CodePoint cp = decode(s, i);
    if (!cp.valid || u < 0x20 || u == 0x7F) {
      out += fmt::format("\\x{:02X}", u);
      ++i;
    } else {
      out.append(s.substr(i, cp.length));
      i += cp.length;
    }
  }
  return out;
}

std::optional<std::string> text_problem(std::string_view s, std::size_t max_chars, std::string_view allowed_controls) {
  const auto length = utf8_length(s);
  if (!length) return std::string("it is not valid UTF-8 text");
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 || u == 0x7F) && allowed_controls.find(c) == std::string_view::npos) {
      return fmt::format("it holds a control character, \\x{:02X}", u);
    }
  }
  if (*length > max_chars) return fmt::format("it has {} characters", *length);
  return std::nullopt;
}

std::string to_lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string humanize(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

std::optional<long long> parse_integer(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.front() == '+') s.remove_prefix(1);
  long long v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<long long> parse_tenths(std::string_view s) {
  const std::size_t dot = s.find('.');
  if (dot == std::string_view::npos) {
    const auto whole = parse_integer(s);
    if (!whole || *whole > 1'000'000'000 || *whole < -1'000'000'000) return std::nullopt;
    return *whole * 10;
  }
  const std::string_view int_part = s.substr(0, dot);
  const std::string_view frac = s.substr(dot + 1);
  if (frac.size() != 1 || frac[0] < '0' || frac[0] > '9') return std::nullopt;
  const bool negative = !int_part.empty() && int_part.front() == '-';
  const auto whole = parse_integer(int_part);
  if (!whole || *whole > 1'000'000'000 || *whole < -1'000'000'000) return std::nullopt;
  const long long tenths = (negative ? -*whole : *whole) * 10 + (frac[0] - '0');
  return negative ? -tenths : tenths;
}

std::string format_tenths(long long tenths) {
  const long long abs = tenths < 0 ? -tenths : tenths;
  return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", abs / 10, abs % 10);
}

}  // namespace daybreak
