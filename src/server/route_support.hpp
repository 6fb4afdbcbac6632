// Small helpers the route modules share: reading ids, dates and flags from a
// request, each failing with a field error that names what is allowed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/field_error.hpp"
#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "domain/time.hpp"
#include "report/clinician_pdf.hpp"
#include "server/responses.hpp"

namespace daybreak::http {

// A positive id from a path segment: "12" -> 12.
[[nodiscard]] Result<std::int64_t, FieldError> id_param(std::string_view name, const std::string& text);

// An optional YYYY-MM-DD query parameter.
[[nodiscard]] Result<std::optional<LocalDate>, FieldError> date_param(const Request& request, std::string_view name);

// The optional `from` and `to` query parameters; a bad one is added to `errors`.
struct DateRange {
  std::optional<LocalDate> from;
  std::optional<LocalDate> to;
};
[[nodiscard]] DateRange date_range_params(const Request& request, FieldErrors& errors);

// An optional whole-number query parameter within [min, max].
[[nodiscard]] Result<std::optional<int>, FieldError> int_param(const Request& request, std::string_view name, int min,
                                                               int max);

// The optional `paper` query parameter (a4 or letter), else `fallback`; a bad one is added to `errors`.
[[nodiscard]] Paper paper_param(const Request& request, Paper fallback, FieldErrors& errors);

// An optional true/false query parameter (absent: false).
[[nodiscard]] Result<bool, FieldError> flag_param(const Request& request, std::string_view name);

// An import's `replace` and `dry_run` query parameters (absent: false); bad
// ones are added to `errors`.
struct ImportFlags {
  bool replace = false;
  bool dry_run = false;
};
[[nodiscard]] ImportFlags import_flags(const Request& request, FieldErrors& errors);

// A JSON body member that must be a string, if present.
[[nodiscard]] std::optional<std::string> string_member(const Json& body, std::string_view key, FieldErrors& errors,
                                                       std::string_view allowed);

// A required JSON body member that must be a whole number in [min, max];
// `allowed` names what may be given (default: "a whole number from min to max").
[[nodiscard]] std::optional<int> int_member(const Json& body, std::string_view key, int min, int max,
                                            FieldErrors& errors, std::string_view allowed = {});

// The Idempotency-Key header (a string, quoted or not) or the body's
// "idempotency_key": 1-255 visible ASCII characters; both must agree.
[[nodiscard]] std::optional<std::string> idempotency_key(const Request& request, const Json& body, FieldErrors& errors);

// A file to save: its type, bytes and name (Content-Disposition: attachment);
// health data, so no copy is kept along the way (Cache-Control: no-store).
[[nodiscard]] Response download(std::string content_type, std::string body, std::string_view filename);

// Every member of `body` not in `known` is an error naming the known ones.
void reject_unknown_members(const Json& body, std::initializer_list<std::string_view> known, FieldErrors& errors);

}  // namespace daybreak::http
