// JSON that comes from outside (a request's body, a file brought in), parsed
// with a limit on how deeply it may nest. nlohmann parses any depth without
// recursion, but copying, printing or comparing a value recurses once per
// level: a 40 KB file of 20,000 '[' took `daybreak import fhir` down with a
// stack overflow. Nothing daybreak reads nests beyond a dozen levels.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace daybreak {

inline constexpr int kMaxJsonDepth = 64;

enum class JsonText { parsed, not_json, too_deep };

// The document, or a discarded value when `text` is not JSON or nests deeper
// than kMaxJsonDepth; `outcome` says which.
template <class J>
[[nodiscard]] J parse_json_text(std::string_view text, JsonText& outcome) {
  struct TooDeep {};
  outcome = JsonText::parsed;
  try {
    J doc = J::parse(
        text,
        [](int depth, nlohmann::json::parse_event_t event, J&) {
          const bool opens = event == nlohmann::json::parse_event_t::object_start ||
                             event == nlohmann::json::parse_event_t::array_start;
          if (opens && depth >= kMaxJsonDepth) throw TooDeep{};
          return true;
        },
        /*allow_exceptions=*/false);
    if (doc.is_discarded()) outcome = JsonText::not_json;
    return doc;
  } catch (const TooDeep&) {
    outcome = JsonText::too_deep;
    return J(J::value_t::discarded);
  }
}

// Why `text` is not JSON, in words for the person who sent it: where it stops
// being JSON, or the number too large to be one (JSON's grammar allows 1e400,
// and nothing daybreak reads can hold it). Read with a SAX handler that keeps
// nothing, so any depth costs no stack. Empty when `text` is JSON.
[[nodiscard]] inline std::string why_not_json(std::string_view text) {
  struct FirstError final : nlohmann::json_sax<nlohmann::json> {
    std::string why;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& e) override {
      // `position` counts the bytes read, the offending one last.
      if (e.id == 406) {  // out_of_range: number overflow; `token` is the number
        why = fmt::format("the number {} at byte {} is too large (numbers reach about 1.8e308 either way)",
                          token.substr(0, 40), position + 1 - std::min(position, token.size()));
      } else if (position >= text_size) {
        why = "it ends before the JSON does";
      } else {
        why = fmt::format("it stops being JSON at byte {}", position);
      }
      return false;
    }
    std::size_t text_size = 0;
  } handler;
  handler.text_size = text.size();
  (void)nlohmann::json::sax_parse(text, &handler);
  return handler.why;
}

}  // namespace daybreak
