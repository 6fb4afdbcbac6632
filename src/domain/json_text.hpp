// JSON that comes from outside (a request's body, a file brought in), parsed
// with a limit on how deeply it may nest. nlohmann parses any depth without
// recursion, but copying, printing or comparing a value recurses once per
// level: a 40 KB file of 20,000 '[' took `daybreak import fhir` down with a
// stack overflow. Nothing daybreak reads nests beyond a dozen levels.
#pragma once

#include <string_view>

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

}  // namespace daybreak
