// Guided sessions over HTTP (the program, played by the web player):
// where the person is in the program, the plan of a routine (the same step
// list the terminal player plays), and the sessions saved, with idempotent
// saving. Same use cases as `daybreak program`, `session` and `sessions`;
// and the exercises themselves (`daybreak exercise`), for the web app's library.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/session.hpp"
#include "domain/text.hpp"
#include "exercise/json.hpp"
#include "report/handout_pdf.hpp"
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

constexpr int kDefaultSessions = 20;
constexpr int kMaxSessions = 1000;
// A browser's clock may run a little ahead of this computer's: a session may
// start up to this much after "now" (started_at is the browser's).
constexpr std::chrono::minutes kClockSkew{5};

std::string routines_allowed() {
  return "one of: " + join({Vocabulary<RoutineKind>::names.begin(), Vocabulary<RoutineKind>::names.end()}, ", ");
}

Response program(const ApiContext& api, const Request& req) {
  const User user = api.user(req);
  const auto status = program_status(api.store(), api.content(), user.id, req.param("program"));
  if (!status) return http::problem_for(status.error(), true);
  const Program& p = *status->program;
  Json routines = Json::array();
  for (const RoutineKind kind : {RoutineKind::morning, RoutineKind::evening, RoutineKind::flare}) {
    const SessionPlan plan = expand_plan(api.content(), p, status->stage, kind, status->levels);
    routines.push_back(Json{{"routine", name_of(kind)},
                            {"title", plan.title},
                            {"total_seconds", plan.total_seconds()},
                            {"exercises", plan.exercises.size()}});
  }
  Json levels = Json::object();
  for (const auto& [exercise, level] : status->levels) levels[exercise] = level;
  const Stage& stage = p.stage(status->stage);
  return http::json_response(200, Json{{"program", p.id},
                                       {"program_name", p.name},
                                       {"stage", status->stage},
                                       {"stages", p.stage_count()},
                                       {"stage_name", stage.name},
                                       {"stage_goal", stage.goal},
                                       {"levels", std::move(levels)},
                                       {"routines", std::move(routines)}});
}

// GET /api/program/handout.pdf: the home program of a stage (default: the
// person's), as `daybreak program print` prints it.
Response handout(const ApiContext& api, const Request& req) {
  FieldErrors errors;
  const auto stage = http::int_param(req, "stage", 1, 99);
  if (!stage) errors.push_back(stage.error());
  const Paper paper = http::paper_param(req, api.paper(), errors);
  if (!errors.empty()) return http::invalid_fields("the home program cannot be printed", errors, true);
  const Caller c = api.caller(req);
  const auto status = program_status(api.store(), api.content(), c.user.id, req.param("program"));
  if (!status) return http::problem_for(status.error(), true);
  const Program& p = *status->program;
  const int number = stage->value_or(status->stage);
  if (number > p.stage_count()) {
    return http::invalid_fields(
        "the home program cannot be printed",
        {{"stage", std::to_string(number), fmt::format("a stage from 1 to {}", p.stage_count())}}, true);
  }
  auto pdf = handout_pdf(make_handout(api.content(), p, number, status->levels, c.now, c.zone), paper);
  if (!pdf) return http::problem(500, "handout-failed", "The home program could not be printed", pdf.error());
  return http::download("application/pdf", std::move(pdf).value(),
                        fmt::format("daybreak-program-stage-{}.pdf", number));
}

Response plan(const ApiContext& api, const Request& req, const PathParams& params) {
  FieldErrors errors;
  const std::string& routine_text = params.get("routine");
  const auto routine = parse_choice<RoutineKind>(routine_text);
  if (!routine) errors.push_back({"routine", routine_text, routines_allowed()});
  const auto stage = http::int_param(req, "stage", 1, 99);
  if (!stage) errors.push_back(stage.error());
  if (!errors.empty()) return http::invalid_fields("there is no such plan", errors, true);
  const Caller c = api.caller(req);
  // A plan is what the safety gate lets start: its reasons are the person's
  // safety answers, which a grant without the safety part does not show.
  if (!c.shares(Scope::safety)) {
    return http::problem(403, "no-grant", "This person has not shared this with you",
                         "a session plan follows the person's safety answers, which they have not shared with you");
  }
  const auto plan = start_session(api.store(), api.content(), c.user.id,
                                  SessionChoice{*routine, *stage, req.param("program")}, c.now, c.zone);
  if (!plan) return http::problem_for(plan.error(), true);
  Json json = plan_to_json(*plan);
  // Each step in words, as the terminal player shows it.
  for (std::size_t i = 0; i < plan->steps.size(); ++i) json["steps"][i]["text"] = describe_step(*plan, plan->steps[i]);
  // Each exercise's figure, for the player to draw (not part of the stored plan).
  for (std::size_t i = 0; i < plan->exercises.size(); ++i) {
    if (const Exercise* e = api.content().exercise(plan->exercises[i].id))
      json["exercises"][i]["figure"] = figure_to_json(*e);
  }
  return http::json_response(200, json);
}

// An exercise of the content in full (as `daybreak exercise show --json`),
// with where the programs use it: the web app's exercise library and pages.
Json exercise_json(const ApiContext& api, const Exercise& e) {
  Json json = exercise_to_json(e);
  json["used_in"] = exercise_uses_to_json(e.id, api.content());
  return json;
}

Response exercises(const ApiContext& api) {
  Json list = Json::array();
  for (const Exercise& e : api.content().exercises()) list.push_back(exercise_json(api, e));
  return http::json_response(200, Json{{"exercises", std::move(list)}});
}

Response exercise(const ApiContext& api, const PathParams& params) {
  const std::string& id = params.get("id");
  const Exercise* e = api.content().exercise(id);
  if (e == nullptr) return http::problem_for(not_found(fmt::format("there is no exercise '{}'", id)));
  return http::json_response(200, exercise_json(api, *e));
}

Response list_sessions(const ApiContext& api, const Request& req) {
  const auto limit = http::int_param(req, "limit", 1, kMaxSessions);
  if (!limit) return http::invalid_fields("the limit is not valid", {limit.error()}, true);
  const User user = api.user(req);
  Json list = Json::array();
  for (const auto& s : recent_sessions(api.store(), user.id, limit->value_or(kDefaultSessions))) {
    list.push_back(session_to_json(s));
  }
  return http::json_response(200, Json{{"sessions", std::move(list)}});
}

Response save(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body,
                               {"program", "stage", "routine", "started_at", "pain_before", "steps", "pain_during",
                                "stop_reason", "duration_seconds", "idempotency_key"},
                               errors);
  // Which plan was played: its program, stage and routine, as the plan said.
  const auto program = http::string_member(*body, "program", errors, "the plan's program id");
  const auto stage = http::int_member(*body, "stage", 1, 99, errors);
  std::optional<RoutineKind> routine;
  if (const auto text = http::string_member(*body, "routine", errors, routines_allowed())) {
    routine = parse_choice<RoutineKind>(*text);
    if (!routine) errors.push_back({"routine", *text, routines_allowed()});
  } else if (!body->contains("routine")) {
    errors.push_back({"routine", "", routines_allowed()});
  }

  SessionResult result;
  std::optional<Instant> started_at;
  if (const auto text = http::string_member(*body, "started_at", errors, "an RFC 3339 time")) {
    started_at = parse_instant(*text);
    if (!started_at || *started_at > c.now + kClockSkew) {
      errors.push_back({"started_at", *text, "an RFC 3339 time no later than now, such as 2026-11-23T06:30:00Z"});
      started_at.reset();
    }
  } else if (!body->contains("started_at")) {
    errors.push_back({"started_at", "", "an RFC 3339 time, such as 2026-11-23T06:30:00Z"});
  }
  if (const auto pain = http::int_member(*body, "pain_before", PainScore::min, PainScore::max, errors)) {
    result.pain_before = *PainScore::make(*pain);
  }
  if (const auto letters = http::string_member(*body, "steps", errors, "one letter per plan step: d, s or -")) {
    if (const auto outcomes = outcomes_from_letters(*letters)) {
      result.steps = *outcomes;
    } else {
      errors.push_back({"steps", *letters, "one letter per plan step: d (done), s (skipped) or - (not reached)"});
    }
  } else if (!body->contains("steps")) {
    errors.push_back({"steps", "", "one letter per plan step: d (done), s (skipped) or - (not reached)"});
  }
  if (const auto it = body->find("pain_during"); it != body->end() && it->is_array()) {
    for (const auto& v : *it) {
      if (v.is_null()) {
        result.pain_during.emplace_back();
      } else if (v.is_number_integer() && PainScore::make(v.get<std::int64_t>())) {
        result.pain_during.push_back(PainScore::make(v.get<std::int64_t>()));
      } else {
        errors.push_back({"pain_during", v.dump(), "0 to 10, or null for no answer"});
        break;
      }
    }
  } else {
    errors.push_back({"pain_during", it == body->end() ? "" : it->dump(),
                      "a list with one rating (0-10, or null) per plan exercise"});
  }
  if (const auto it = body->find("stop_reason"); it != body->end() && !it->is_null()) {
    const auto reason = it->is_string() ? parse_choice<StopReason>(it->get<std::string>()) : std::nullopt;
    if (reason) {
      result.stop_reason = reason;
    } else {
      errors.push_back({"stop_reason", it->dump(), "pain, time, other, or null when the session ran to its end"});
    }
  }
  if (const auto seconds = http::int_member(*body, "duration_seconds", 0, 24 * 3600, errors)) {
    result.duration = std::chrono::seconds{*seconds};
  }
  const auto key = http::idempotency_key(req, *body, errors);
  if (!errors.empty()) return http::invalid_fields("the session was not saved", errors);

  const auto played = session_plan(api.store(), api.content(), c.user.id, SessionChoice{*routine, stage, program});
  if (!played) return http::problem_for(played.error());
  const auto saved =
      save_session(api.store(), c.meta(), c.user.id, *played, SessionSave{*started_at, result, key}, c.zone);
  if (!saved) return http::problem_for(saved.error());
  Json json = session_to_json(saved->record);
  add_decisions_made(json, api, c);  // pain above the ceiling decides at once
  Response r = http::json_response(saved->replayed ? 200 : 201, json);
  if (saved->replayed) r.with_header("Idempotent-Replayed", "true");
  return r;
}

}  // namespace

void add_session_routes(http::Router& router, const ApiContext& api) {
  router.add(Method::get, "/api/program", [&api](const Request& r, const PathParams&) { return program(api, r); });
  router.add(Method::get, "/api/program/handout.pdf",
             [&api](const Request& r, const PathParams&) { return handout(api, r); });
  router.add(Method::get, "/api/session-plans/{routine}",
             [&api](const Request& r, const PathParams& p) { return plan(api, r, p); });
  router.add(Method::get, "/api/exercises", [&api](const Request&, const PathParams&) { return exercises(api); });
  router.add(Method::get, "/api/exercises/{id}",
             [&api](const Request&, const PathParams& p) { return exercise(api, p); });
  router.add(Method::get, "/api/sessions",
             [&api](const Request& r, const PathParams&) { return list_sessions(api, r); });
  router.add(
      Method::post, "/api/sessions", [&api](const Request& r, const PathParams&) { return save(api, r); },
      http::RouteOptions{{http::kJson}});
}

}  // namespace daybreak
