// Building responses: JSON bodies, and RFC 9457 problem details for every
// failure, with the field errors (field, value, allowed) the CLI also shows.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "app/app_error.hpp"
#include "domain/result.hpp"
#include "server/http.hpp"
#include "store/store_error.hpp"

namespace daybreak::http {

using Json = nlohmann::ordered_json;

[[nodiscard]] Response json_response(int status, const Json& body);

// A problem document. `slug` names the problem type; the type URI is
// tag:daybreak,2026:<slug> (an identifier, not a page to fetch), or
// about:blank when `slug` is empty. `extra` members are added at the top level.
[[nodiscard]] Response problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
                               const Json& extra = Json::object());

// A use case's refusal: invalid input 422 (400 when `bad_request`: the request
// itself, such as its query, is malformed), not found 404, conflict 409.
[[nodiscard]] Response problem_for(const AppError& error, bool bad_request = false);
// Field errors as a 422 (or 400) problem.
[[nodiscard]] Response invalid_fields(std::string_view detail, const FieldErrors& fields, bool bad_request = false);
// A failure of the database, told without its internals (paths, SQL): those go
// to the server's log through `log`.
[[nodiscard]] Response problem_for(const StoreError& error);

// The body as a JSON object, or a 400 problem saying why it is not one.
[[nodiscard]] Result<Json, Response> json_object_body(const Request& request);

// A refusal found deep in a handler (ApiContext::caller, for one), thrown to
// the router, which answers with its response as it is.
class ProblemError : public std::runtime_error {
 public:
  explicit ProblemError(Response response)
      : std::runtime_error("problem " + std::to_string(response.status)), response_(std::move(response)) {}
  [[nodiscard]] const Response& response() const { return response_; }

 private:
  Response response_;
};

// Field errors as JSON: [{"field", "value", "allowed"}...]
[[nodiscard]] Json field_errors_json(const FieldErrors& fields);

}  // namespace daybreak::http
