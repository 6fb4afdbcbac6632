#include "server/route_support.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace daybreak::http {

Result<std::int64_t, FieldError> id_param(std::string_view name, const std::string& text) {
  const auto n = parse_integer(text);
  if (!n || *n < 1) return fail(FieldError{std::string(name), text, "a positive whole number"});
  return static_cast<std::int64_t>(*n);
}

Result<std::optional<LocalDate>, FieldError> date_param(const Request& request, std::string_view name) {
  const auto text = request.param(name);
  if (!text) return std::optional<LocalDate>{};
  const auto date = parse_date(*text);
  if (!date) return fail(FieldError{std::string(name), *text, "a date written YYYY-MM-DD"});
  return std::optional<LocalDate>{*date};
}

Result<bool, FieldError> flag_param(const Request& request, std::string_view name) {
  const auto text = request.param(name);
  if (!text || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  return fail(FieldError{std::string(name), *text, "true or false"});
}

std::optional<std::string> string_member(const Json& body, std::string_view key, FieldErrors& errors,
                                         std::string_view allowed) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    errors.push_back({std::string(key), it->dump(), "a JSON string: " + std::string(allowed)});
    return std::nullopt;
  }
  return it->get<std::string>();
}

void reject_unknown_members(const Json& body, std::initializer_list<std::string_view> known, FieldErrors& errors) {
  for (const auto& [key, value] : body.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<std::string> names(known.begin(), known.end());
    errors.push_back({key, value.dump(), "one of: " + join(names, ", ")});
  }
}

}  // namespace daybreak::http
