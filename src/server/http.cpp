#include "server/http.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethods = {{
    {Method::get, "GET"},
    {Method::head, "HEAD"},
    {Method::post, "POST"},
    {Method::put, "PUT"},
    {Method::patch, "PATCH"},
    {Method::del, "DELETE"},
    {Method::options, "OPTIONS"},
}};

}  // namespace

std::string_view method_name(Method m) {
  for (const auto& [method, name] : kMethods) {
    if (method == m) return name;
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  for (const auto& [method, text] : kMethods) {
    if (text == name) return method;
  }
  return Method::other;
}

std::string_view Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

std::string_view Request::cookie(std::string_view name) const {
  // "a=1; daybreak_device=abc" (RFC 6265, section 4.2.1)
  for (const auto& [key, value] : headers) {
    if (!iequals(key, "Cookie")) continue;
    for (const auto pair : split_list(value, ";")) {
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) return trim(pair.substr(eq + 1));
    }
  }
  return {};
}

std::string Request::media_type() const {
  std::string_view type = header("Content-Type");
  type = trim(type.substr(0, type.find(';')));
  return to_lower_ascii(type);
}

std::optional<std::string> Request::param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    const std::size_t eq = pair.find('=');
    const auto key = percent_decode(pair.substr(0, eq), true);
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    return percent_decode(pair.substr(eq + 1), true);
  }
  return std::nullopt;
}

std::optional<std::string> query_problem(std::string_view query) {
  std::vector<std::string> names;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    auto name = percent_decode(pair.substr(0, eq), true);
    if (!name || (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), true))) {
      return "the query holds a bad %-escape";
    }
    if (std::find(names.begin(), names.end(), *name) != names.end()) {
      return fmt::format("'{}' is given more than once; give it once", utf8_prefix(*name, 40));
    }
    names.push_back(std::move(*name));
  }
  return std::nullopt;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace daybreak::http
