#include "server/route_support.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak::http {
namespace {

constexpr std::size_t kMaxKeyLength = 255;

}  // namespace

Result<std::int64_t, FieldError> id_param(std::string_view name, const std::string& text) {
  const auto n = parse_integer(text);
  if (!n || *n < 1) return fail(FieldError{std::string(name), text, "a positive whole number"});
  return static_cast<std::int64_t>(*n);
}

Result<std::optional<LocalDate>, FieldError> date_param(const Request& request, std::string_view name) {
  const auto text = request.param(name);
  if (!text) return std::optional<LocalDate>{};
  const auto date = parse_date(*text);
  if (!date) return fail(FieldError{std::string(name), *text, date_rule(*text, "a date written YYYY-MM-DD")});
  return std::optional<LocalDate>{*date};
}

Result<std::optional<int>, FieldError> int_param(const Request& request, std::string_view name, int min, int max) {
  const auto text = request.param(name);
  if (!text) return std::optional<int>{};
  const auto n = parse_integer(*text);
  if (!n || *n < min || *n > max) {
    return fail(FieldError{std::string(name), *text, fmt::format("a whole number from {} to {}", min, max)});
  }
  return std::optional<int>{static_cast<int>(*n)};
}

std::optional<int> int_member(const Json& body, std::string_view key, int min, int max, FieldErrors& errors,
                              std::string_view allowed) {
  const auto it = body.find(key);
  if (it == body.end() || !it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max) {
    errors.push_back({std::string(key), it == body.end() ? "" : it->dump(),
                      allowed.empty() ? fmt::format("a whole number from {} to {}", min, max) : std::string(allowed)});
    return std::nullopt;
  }
  return static_cast<int>(it->get<std::int64_t>());
}

Paper paper_param(const Request& request, Paper fallback, FieldErrors& errors) {
  const auto text = request.param("paper");
  if (!text) return fallback;
  if (const auto p = parse_paper(*text)) return *p;
  errors.push_back({"paper", *text, "a4 or letter"});
  return fallback;
}

Result<bool, FieldError> flag_param(const Request& request, std::string_view name) {
  const auto text = request.param(name);
  if (!text || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1" || text->empty()) return true;
  return fail(FieldError{std::string(name), *text, "true or false"});
}

ImportFlags import_flags(const Request& request, FieldErrors& errors) {
  ImportFlags flags;
  for (auto [name, flag] : {std::pair{"replace", &flags.replace}, std::pair{"dry_run", &flags.dry_run}}) {
    if (auto value = flag_param(request, name)) {
      *flag = *value;
    } else {
      errors.push_back(std::move(value.error()));
    }
  }
  return flags;
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

// The Idempotency-Key header (a string, quoted or not, as the IETF draft and
// common practice write it) or the body's "idempotency_key".
std::optional<std::string> idempotency_key(const Request& req, const Json& body, FieldErrors& errors) {
  std::optional<std::string> key;
  if (std::string_view header = req.header("Idempotency-Key"); !header.empty()) {
    if (header.size() >= 2 && header.front() == '"' && header.back() == '"')
      header = header.substr(1, header.size() - 2);
    key = std::string(header);
  }
  const auto member = string_member(body, "idempotency_key", errors, "your key for this request");
  if (member && key && *member != *key) {
    errors.push_back(
        {"idempotency_key", *member, fmt::format("the same key as the Idempotency-Key header ('{}')", *key)});
    return std::nullopt;
  }
  if (member) key = member;
  if (!key) return std::nullopt;
  const bool printable = std::all_of(key->begin(), key->end(), [](char ch) { return ch >= 0x21 && ch <= 0x7e; });
  if (key->empty() || key->size() > kMaxKeyLength || !printable) {
    errors.push_back(
        {"idempotency_key", *key, fmt::format("1 to {} visible ASCII characters, such as a UUID", kMaxKeyLength)});
    return std::nullopt;
  }
  return key;
}

DateRange date_range_params(const Request& request, FieldErrors& errors) {
  DateRange range;
  if (const auto from = date_param(request, "from")) {
    range.from = *from;
  } else {
    errors.push_back(from.error());
  }
  if (const auto to = date_param(request, "to")) {
    range.to = *to;
  } else {
    errors.push_back(to.error());
  }
  return range;
}

Response download(std::string content_type, std::string body, std::string_view filename) {
  Response r;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  r.with_header("Content-Disposition", fmt::format("attachment; filename=\"{}\"", filename));
  r.with_header("Cache-Control", "no-store");
  return r;
}

}  // namespace daybreak::http
