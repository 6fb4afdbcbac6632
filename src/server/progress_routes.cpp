// Progression over HTTP: where the person stands, one day's
// decisions with their reasons, a level or the stage set by hand (an
// override), and the person's word on a proposed stage. Same use cases and
// the same JSON as `daybreak progress --json`, `progress explain --json`,
// `progress set --json` and `progress confirm --json`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/progression_hook.hpp"
#include "domain/text.hpp"
#include "server/progression_hook.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

constexpr int kDefaultDecisions = 6;
constexpr int kMaxDecisions = 1000;

AppResult<std::vector<DecisionRecord>> decide_due(const ApiContext& api, const Caller& c) {
  // The rule decides for the person, from everything of theirs: not on a
  // clinician's look, who may see only part of it (and on PostgreSQL reads
  // only that part), and who would then be taken for the decision's author.
  if (c.actor != c.user.id) return std::vector<DecisionRecord>{};
  const ContentLibrary& library = api.content();
  return decide_after_saving(api.store(), c.meta(), c.user.id, c.zone, api.progression(),
                             [&library] { return &library; });
}

ProgressionContext context_of(const ApiContext& api, const Caller& c) {
  return progression_context(api.store(), c.user.id, api.content(), api.progression(), c.zone, c.now);
}

// The rule's caveat speaks to the person; a clinician reads it of the person.
Json spoken_to(Json json, const Caller& c) {
  if (c.actor != c.user.id) json["rule"] = kAdaptedFromToClinician;
  return json;
}

// A clinician reads a decision in the report's words, without the diary's
// numbers when the diary is not shared with them, and without the warning
// sign when the safety answers are not.
DecisionReader reader_of(const ApiContext& api, const Caller& c) {
  if (c.actor == c.user.id) return {};
  return {DecisionReader::Clinician{api.content(), api.progression()},
          c.shares(Scope::diary) ? DiaryNumbers::shown : DiaryNumbers::withheld, c.shares(Scope::safety)};
}

Response overview(const ApiContext& api, const Request& req) {
  const auto limit = http::int_param(req, "limit", 1, kMaxDecisions);
  if (!limit) return http::invalid_fields("the query is not valid", {limit.error()}, true);
  const Caller c = api.caller(req);
  // As `daybreak progress`: what became decidable (a morning that never came)
  // is decided before it is shown. Idempotent; a failure leaves it waiting.
  (void)decide_due(api, c);
  auto o = progress_overview(api.store(), c.user.id, context_of(api, c), c.now, req.param("program"),
                             limit->value_or(kDefaultDecisions));
  if (!o) return http::problem_for(o.error(), true);
  // The mornings' numbers are the diary's: not shown to one not shown it.
  o->stage_progress.mornings_shown = c.shares(Scope::diary);
  return http::json_response(200, spoken_to(progress_overview_to_json(*o, api.content(), reader_of(api, c)), c));
}

Response explain(const ApiContext& api, const Request& req) {
  const auto day = http::date_param(req, "day");
  if (!day) return http::invalid_fields("the day is not valid", {day.error()}, true);
  const Caller c = api.caller(req);
  const auto found = decisions_for(api.store(), c.user.id, api.content(), *day);
  if (!found) return http::problem_for(found.error(), true);
  return http::json_response(200, spoken_to(decisions_to_json(*found, reader_of(api, c)), c));
}

// The "note" of an override: optional for the person, required of a
// clinician changing a person's program (the person reads it).
std::string note_member(const Json& body, FieldErrors& errors, const Caller& c) {
  const std::size_t before = errors.size();
  const auto note = http::string_member(body, "note", errors, kOverrideNoteAllowed);
  const bool clinician = c.actor != c.user.id;
  constexpr std::string_view kClinicianNote =
      "a note for the person of up to 500 characters: what you changed and why (a clinician's change needs one)";
  if (clinician && errors.size() == before && (!note || note->find_first_not_of(" \t\n") == std::string::npos)) {
    errors.push_back({"note", note.value_or(""), std::string(kClinicianNote)});
    return {};
  }
  if (!note) return {};
  if (auto problem = override_note_problem(*note)) {
    if (clinician) problem->allowed = kClinicianNote;  // required of them: never "or left out"
    errors.push_back(std::move(*problem));
    return {};
  }
  return *note;
}

Response set_level(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"exercise", "level", "note"}, errors);
  constexpr std::string_view kExerciseAllowed = "an exercise id, as GET /api/progress lists them";
  const std::size_t before = errors.size();
  const auto exercise = http::string_member(*body, "exercise", errors, kExerciseAllowed);
  if (!exercise && errors.size() == before) errors.push_back({"exercise", "", std::string(kExerciseAllowed)});
  const auto level = http::int_member(*body, "level", 1, 99, errors, "a level of the exercise's ladder, 1 or more");
  const Caller c = api.caller(req);
  const std::string note = note_member(*body, errors, c);
  if (!errors.empty()) return http::invalid_fields("no level was set", errors);
  const auto d = override_level(api.store(), c.meta(), c.user.id, context_of(api, c), *exercise, *level, note);
  if (!d) return http::problem_for(d.error());
  return http::json_response(201, decision_to_json(*d, reader_of(api, c)));
}

Response set_stage(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"stage", "note", "program"}, errors);
  const auto stage = http::int_member(*body, "stage", 1, 99, errors, "a stage of the program, 1 or more");
  const Caller c = api.caller(req);
  const std::string note = note_member(*body, errors, c);
  const auto program = http::string_member(*body, "program", errors, "a program id, or left out for yours");
  if (!errors.empty()) return http::invalid_fields("the stage was not set", errors);
  const auto d = override_stage(api.store(), c.meta(), c.user.id, context_of(api, c), program, *stage, note);
  if (!d) return http::problem_for(d.error());
  return http::json_response(201, decision_to_json(*d, reader_of(api, c)));
}

Response confirm(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"program"}, errors);
  const auto program = http::string_member(*body, "program", errors, "a program id, or left out for yours");
  if (!errors.empty()) return http::invalid_fields("the stage was not changed", errors);
  const Caller c = api.caller(req);
  const auto d = confirm_stage(api.store(), c.meta(), c.user.id, context_of(api, c), program);
  if (!d) return http::problem_for(d.error());
  return http::json_response(201, decision_to_json(*d));
}

}  // namespace

void add_decisions_made(Json& response, const ApiContext& api, const Caller& caller) {
  const auto made = decide_due(api, caller);
  Json list = Json::array();
  if (made) {
    for (const auto& d : *made) list.push_back(decision_to_json(d));
  }
  response["progression"] = std::move(list);
  if (!made) response["progression_waits"] = made.error().message;
}

void add_progress_routes(http::Router& router, const ApiContext& api) {
  const http::RouteOptions json_body{{http::kJson}};
  router.add(Method::get, "/api/progress", [&api](const Request& r, const PathParams&) { return overview(api, r); });
  router.add(Method::get, "/api/progress/decisions",
             [&api](const Request& r, const PathParams&) { return explain(api, r); });
  router.add(
      Method::post, "/api/progress/level", [&api](const Request& r, const PathParams&) { return set_level(api, r); },
      json_body);
  router.add(
      Method::post, "/api/progress/stage", [&api](const Request& r, const PathParams&) { return set_stage(api, r); },
      json_body);
  router.add(
      Method::post, "/api/progress/confirm", [&api](const Request& r, const PathParams&) { return confirm(api, r); },
      json_body);
}

}  // namespace daybreak
