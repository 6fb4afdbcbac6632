// The safety check over HTTP: the gate as it stands, the questions
// of a check, recording a check's answers, and that a clinician has seen the
// person. Same use cases and the same JSON as `daybreak screen status --json`,
// `screen questions`, `screen` and `screen ack --seen-clinician`.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/safety.hpp"
#include "app/safety_json.hpp"
#include "domain/text.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

constexpr std::string_view kChecksAllowed = "full or legs";
constexpr std::string_view kAnswerAllowed = "\"yes\" or \"no\"";

std::optional<ScreenKind> check_kind(std::string_view text) {
  if (text == "full") return ScreenKind::full;
  if (text == "legs") return ScreenKind::legs;
  return std::nullopt;
}

Response gate(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  const SafetyGate g = safety_gate(api.store(), c.user.id, c.now);
  Json j = gate_in_words(g, c);
  // A positive screen's message, as `screen status` says it at rest, to the
  // person (it speaks to them; a clinician reads the criteria).
  const IbpResult ibp = ibp_screen(api.store(), c.user.id, c.zone, c.now);
  j["ibp"] = c.actor == c.user.id ? ibp_status_json(ibp, g.state.status) : ibp_result_json(ibp);
  return http::json_response(200, j);
}

Response questions(const ApiContext& api, const Request& req) {
  const std::string text = req.param("check").value_or("full");
  const auto kind = check_kind(text);
  if (!kind)
    return http::invalid_fields("there is no such check", {{"check", text, std::string(kChecksAllowed)}}, true);
  const Caller c = api.caller(req);
  return http::json_response(
      200,
      Json{{"check", text}, {"questions", check_questions_json(questions_for(api.store(), c.user.id, *kind, c.now))}});
}

Response record(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"check", "answers", "entry"}, errors);

  std::optional<ScreenKind> kind;
  const std::size_t before = errors.size();
  if (const auto text = http::string_member(*body, "check", errors, kChecksAllowed)) {
    kind = check_kind(*text);
    if (!kind) errors.push_back({"check", *text, std::string(kChecksAllowed)});
  } else if (errors.size() == before) {  // left out or null
    errors.push_back({"check", "", std::string(kChecksAllowed)});
  }

  std::vector<ScreenAnswer> answers;
  if (const auto it = body->find("answers"); it != body->end() && it->is_object()) {
    for (const auto& [id, value] : it->items()) {
      const auto answer = value.is_string() ? parse_choice<YesNo>(value.get<std::string>()) : std::nullopt;
      if (answer) {
        answers.push_back({id, *answer});
      } else {
        errors.push_back({"answers." + id, value.dump(), std::string(kAnswerAllowed)});
      }
    }
  } else {
    errors.push_back({"answers", it == body->end() ? "" : it->dump(),
                      "an object of question id to \"yes\" or \"no\" (see GET /api/safety/questions)"});
  }

  std::optional<EntryId> entry;
  if (const auto it = body->find("entry"); it != body->end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
      errors.push_back(
          {"entry", it->dump(), "the id of the diary entry that noted leg symptoms, a positive whole number"});
    } else if (kind && *kind != ScreenKind::legs) {
      errors.push_back({"entry", it->dump(), "null or left out: only the legs check names an entry"});
    } else {
      entry = EntryId{it->get<std::int64_t>()};
    }
  }
  if (!errors.empty()) return http::invalid_fields("nothing was saved", errors);

  if (*kind == ScreenKind::legs && !entry) entry = leg_check_entry(api.store(), c.user.id, c.now);
  auto outcome =
      record_screen(api.store(), c.meta(), c.user.id, c.zone, ScreenRequest{*kind, std::move(answers), entry, "api"});
  if (!outcome) {
    AppError error = outcome.error();
    // The use case names each question; over HTTP they sit under "answers".
    for (auto& f : error.fields) f.field = "answers." + f.field;
    return http::problem_for(error);
  }
  return http::json_response(201, screen_outcome_json(*outcome, c.zone));
}

// The person confirms a clinician has seen them: the flags waiting for a
// review close (the CLI asks the same confirmation with --seen-clinician).
Response clinician(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"seen_clinician"}, errors);
  const auto it = body->find("seen_clinician");
  if (it == body->end() || !it->is_boolean() || !it->get<bool>()) {
    errors.push_back({"seen_clinician", it == body->end() ? "" : it->dump(),
                      "true, to confirm that a clinician has seen you about the warning signs"});
  }
  if (!errors.empty()) return http::invalid_fields("nothing was recorded", errors);
  const Caller c = api.caller(req);
  const auto event = acknowledge_clinician(api.store(), c.meta(), c.user.id);
  if (!event) return http::problem_for(event.error());
  return http::json_response(201, clinician_seen_json(*event, safety_gate(api.store(), c.user.id, c.now), c.zone));
}

// The settings the safety check depends on, as More shows them: the emergency
// number (the person's own, or the one for their time zone) and whether a
// doctor has diagnosed axial spondyloarthritis (BASDAI is offered only then).
Json settings_json(const ApiContext& api, const Caller& c) {
  const SafetySettings s = safety_settings(api.store(), c.user.id);
  const SafetyGate g = safety_gate(api.store(), c.user.id, c.now);
  return Json{{"emergency_number", g.contact.number ? Json(*g.contact.number) : Json()},
              {"emergency_number_chosen", g.contact.chosen},
              {"axspa_diagnosis", s.axspa_diagnosis ? Json(name_of(*s.axspa_diagnosis)) : Json()}};
}

Response settings(const ApiContext& api, const Request& req) {
  return http::json_response(200, settings_json(api, api.caller(req)));
}

Response change(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"emergency_number", "axspa_diagnosis"}, errors);
  SettingsChange change;
  if (body->contains("emergency_number")) {
    change.emergency_number = http::string_member(*body, "emergency_number", errors, kEmergencyNumberRule);
  }
  if (body->contains("axspa_diagnosis")) {
    if (const auto text = http::string_member(*body, "axspa_diagnosis", errors, kAnswerAllowed)) {
      change.axspa_diagnosis = parse_choice<YesNo>(*text);
      if (!change.axspa_diagnosis) errors.push_back({"axspa_diagnosis", *text, std::string(kAnswerAllowed)});
    }
  }
  for (auto& e : check_settings(change)) errors.push_back(std::move(e));
  if (!errors.empty()) return http::invalid_fields("the settings were not changed", errors, false);
  const auto changed = change_settings(api.store(), c.now, c.user.id, change);
  if (!changed) return http::problem_for(changed.error());
  return http::json_response(200, settings_json(api, c));
}

}  // namespace

void add_safety_routes(http::Router& router, const ApiContext& api) {
  router.add(Method::get, "/api/safety", [&api](const Request& r, const PathParams&) { return gate(api, r); });
  router.add(Method::get, "/api/safety/questions",
             [&api](const Request& r, const PathParams&) { return questions(api, r); });
  router.add(
      Method::post, "/api/safety/checks", [&api](const Request& r, const PathParams&) { return record(api, r); },
      http::RouteOptions{{http::kJson}});
  router.add(Method::get, "/api/safety/settings",
             [&api](const Request& r, const PathParams&) { return settings(api, r); });
  router.add(
      Method::patch, "/api/safety/settings", [&api](const Request& r, const PathParams&) { return change(api, r); },
      http::RouteOptions{{http::kJson}});
  router.add(
      Method::post, "/api/safety/clinician", [&api](const Request& r, const PathParams&) { return clinician(api, r); },
      http::RouteOptions{{http::kJson}});
}

}  // namespace daybreak
