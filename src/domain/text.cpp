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

std::optional<std::size_t> utf8_length(std::string_view s) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      len = 1;
      cp = c;
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
      return std::nullopt;
    }
    if (i + len > s.size()) return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3FU);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return std::nullopt;
    i += len;
    ++count;
  }
  return count;
}

bool has_control_chars(std::string_view s, std::string_view allowed) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 || u == 0x7F) && allowed.find(c) == std::string_view::npos) return true;
  }
  return false;
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i], or 0 if there is none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  std::size_t len = 1;
  while (len <= 4 && i + len <= s.size()) {
    if (utf8_length(s.substr(i, len)) == 1) return len;
    ++len;
  }
  return 0;
}

}  // namespace

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto u = static_cast<unsigned char>(s[i]);
    const std::size_t len = u < 0x80 ? 1 : utf8_sequence(s, i);
    if (len == 0 || u < 0x20 || u == 0x7F) {
      out += fmt::format("\\x{:02X}", u);
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
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
