#include "server/responses.hpp"

#include <fmt/format.h>

#include "domain/json_text.hpp"

namespace daybreak::http {

Response json_response(int status, const Json& body) {
  Response r;
  r.status = status;
  r.content_type = kJson;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
                 const Json& extra) {
  Json body{{"type", slug.empty() ? std::string("about:blank") : fmt::format("tag:daybreak,2026:{}", slug)},
            {"title", title},
            {"status", status}};
  if (!detail.empty()) body["detail"] = detail;
  for (const auto& [key, value] : extra.items()) body[key] = value;
  Response r = json_response(status, body);
  r.content_type = kProblemJson;
  return r;
}

Json field_errors_json(const FieldErrors& fields) {
  Json list = Json::array();
  for (const auto& f : fields) list.push_back(Json{{"field", f.field}, {"value", f.value}, {"allowed", f.allowed}});
  return list;
}

Response invalid_fields(std::string_view detail, const FieldErrors& fields, bool bad_request) {
  return problem(bad_request ? 400 : 422, "invalid-input", "Some values are not allowed", detail,
                 Json{{"errors", field_errors_json(fields)}});
}

Response problem_for(const AppError& error, bool bad_request) {
  Json extra = Json::object();
  if (!error.details.empty()) extra["details"] = error.details;  // e.g. why the safety gate is closed
  if (error.hint) extra["hint"] = hint_to_json(*error.hint);     // what to do next: a button in the web app
  switch (error.code) {
    case ErrorCode::invalid_input: {
      Json body{{"errors", field_errors_json(error.fields)}};
      body.update(extra);
      return problem(bad_request ? 400 : 422, "invalid-input", "Some values are not allowed", error.message, body);
    }
    case ErrorCode::not_found:
      return problem(404, "not-found", "Not found", error.message, extra);
    case ErrorCode::conflict:
      if (error.existing) extra["existing_entry"] = error.existing->value;
      return problem(409, error.existing ? "already-logged" : "conflict",
                     error.existing ? "This period is already logged" : "This clashes with what is stored",
                     error.message, extra);
    case ErrorCode::storage:
      break;
  }
  return problem(500, "storage", "The database failed", "nothing was saved; try again");
}

Response problem_for(const StoreError& error) {
  switch (error.kind()) {
    case StoreError::Kind::busy:
      return problem(503, "busy", "The database is busy",
                     "another program is writing to the diary; nothing was saved, try again in a moment")
          .with_header("Retry-After", "1");
    case StoreError::Kind::unavailable:
      return problem(503, "unavailable", "The database cannot be reached",
                     "its server is restarting, or takes no writes; nothing was saved, try again in a moment")
          .with_header("Retry-After", "5");
    case StoreError::Kind::full:
      return problem(507, "disk-full", "The disk is full", "nothing was saved; free some space and try again");
    case StoreError::Kind::conflict:
      return problem(409, "conflict", "This clashes with what is stored",
                     "another change landed at the same moment; nothing was saved, try again");
    case StoreError::Kind::not_found:
      return problem(404, "not-found", "Not found", "");
    case StoreError::Kind::corrupt:
      return problem(500, "damaged", "The diary file is damaged",
                     "daybreak will not write to it, so nothing was saved. On the computer that keeps the diary, "
                     "stop daybreak and run `daybreak recover` to save what can still be read, or `daybreak restore "
                     "FILE` to put back a backup (the damaged file is kept).");
    case StoreError::Kind::io:
    case StoreError::Kind::foreign:
    case StoreError::Kind::too_new:
      break;
  }
  return problem(500, "storage", "The database failed",
                 "nothing was saved; the server's log says why, and `daybreak check` looks for damage");
}

Result<Json, Response> json_object_body(const Request& request) {
  JsonText outcome = JsonText::parsed;
  Json body = parse_json_text<Json>(request.body, outcome);
  if (outcome == JsonText::too_deep) {
    return fail(problem(400, "malformed-json", "The body is nested too deeply",
                        fmt::format("send a JSON object nested at most {} levels deep", kMaxJsonDepth)));
  }
  if (body.is_discarded()) {
    return fail(
        problem(400, "malformed-json", "The body is not JSON",
                fmt::format("{}; send a JSON object, e.g. {{\"period\": \"morning\", \"fields\": {{\"pain\": 4}}}}",
                            why_not_json(request.body))));
  }
  if (!body.is_object()) {
    return fail(problem(400, "malformed-json", "The body is not a JSON object",
                        fmt::format("expected a JSON object, got a JSON {}", body.type_name())));
  }
  return body;
}

}  // namespace daybreak::http
