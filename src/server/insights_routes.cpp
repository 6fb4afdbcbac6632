// Insights and personal experiments over HTTP: what the diary shows,
// and designing, following, stopping and reporting on an experiment. Same use
// cases and the same JSON as `daybreak insights --json` and `daybreak
// experiment new|list|tonight|log|report|stop --json`.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "analysis/insights_json.hpp"
#include "app/experiments.hpp"
#include "app/experiments_json.hpp"
#include "app/insights.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

constexpr std::string_view kDateAllowed = "a date written YYYY-MM-DD";

ExperimentClock clock_of(const Caller& c) { return experiment_clock(c.now, c.zone); }

// A whole-number member within int's reach, if present; anything else is
// refused with `allowed`. The design's own limits are check_design's.
std::optional<int> whole_member(const Json& body, std::string_view key, FieldErrors& errors, std::string allowed) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return std::nullopt;
  constexpr std::int64_t kReach = 1'000'000;
  if (!it->is_number_integer() || it->get<std::int64_t>() < -kReach || it->get<std::int64_t>() > kReach) {
    errors.push_back({std::string(key), it->dump(), std::move(allowed)});
    return std::nullopt;
  }
  return static_cast<int>(it->get<std::int64_t>());
}

std::optional<LocalDate> date_member(const Json& body, std::string_view key, FieldErrors& errors) {
  const auto text = http::string_member(body, key, errors, kDateAllowed);
  if (!text) return std::nullopt;
  const auto date = parse_date(*text);
  if (!date) errors.push_back({std::string(key), *text, date_rule(*text, kDateAllowed)});
  return date;
}

std::optional<ExperimentId> experiment_param(const PathParams& p, FieldErrors& errors) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) {
    errors.push_back(id.error());
    return std::nullopt;
  }
  return ExperimentId{*id};
}

Response insights_report(const ApiContext& api, const Request& req) {
  FieldErrors errors;
  InsightsRequest request;
  const auto range = http::date_range_params(req, errors);
  request.from = range.from;
  request.to = range.to;
  if (!errors.empty()) return http::invalid_fields("that is not a range of days", errors, true);
  const Caller c = api.caller(req);
  request.sessions = c.shares(Scope::program);                           // adherence is the program's part
  request.safety = c.shares(Scope::safety);                              // and the days safety held it, safety's
  if (c.actor != c.user.id) request.voice = analysis::Voice::clinician;  // "their mornings", not "your"
  const auto result = insights(api.store(), c.user.id, c.zone, c.today(), request);
  if (!result) return http::problem_for(result.error(), true);
  return http::json_response(200, analysis::insights_to_json(*result));
}

Response list(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  return http::json_response(
      200, Json{{"experiments", experiments_json(list_experiments(api.store(), c.user.id), clock_of(c).coming_night)}});
}

Response create(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"title", "a", "b", "pairs", "nights", "washout", "start", "seed"}, errors);
  ExperimentDraft draft;
  draft.title = http::string_member(*body, "title", errors, "a name for it (left out: \"A vs B\")").value_or("");
  draft.condition_a = http::string_member(*body, "a", errors, "condition A").value_or("");
  draft.condition_b = http::string_member(*body, "b", errors, "condition B").value_or("");
  draft.pairs = whole_member(*body, "pairs", errors, fmt::format("a whole number from {} to {}", kMinPairs, kMaxPairs))
                    .value_or(kDefaultPairs);
  draft.period_nights = whole_member(*body, "nights", errors,
                                     fmt::format("a whole number from {} to {}", kMinPeriodNights, kMaxPeriodNights))
                            .value_or(kDefaultPeriodNights);
  draft.washout_nights =
      whole_member(*body, "washout", errors, "a whole number of nights, at least 0").value_or(kDefaultWashoutNights);
  draft.first_night = date_member(*body, "start", errors);
  if (const auto it = body->find("seed"); it != body->end() && !it->is_null()) {
    if (it->is_number_unsigned()) {
      draft.seed = it->get<std::uint64_t>();
    } else {
      errors.push_back({"seed", it->dump(), fmt::format("a whole number from 0 to {}", kMaxSeed)});
    }
  }
  // The draft's own checks run too, so that every problem is named at once.
  const Caller c = api.caller(req);
  if (!errors.empty()) {
    for (auto& e : check_design(draft)) {
      const bool named =
          std::any_of(errors.begin(), errors.end(), [&](const FieldError& f) { return f.field == e.field; });
      if (!named) errors.push_back(std::move(e));
    }
    return http::invalid_fields("the experiment was not created", errors);
  }
  const auto created = create_experiment(api.store(), clock_of(c), c.user.id, draft, draw_seed());
  if (!created) return http::problem_for(created.error());
  return http::json_response(201, analysis::experiment_to_json(*created, clock_of(c).coming_night));
}

Response tonight_plan(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  const auto t = experiment_tonight(api.store(), clock_of(c), c.user.id);
  if (!t) return http::problem_for(t.error());
  return http::json_response(200, tonight_json(*t));
}

Response log_night(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"followed", "date", "note"}, errors);
  std::optional<bool> followed;
  if (const auto it = body->find("followed"); it != body->end() && it->is_boolean()) {
    followed = it->get<bool>();
  } else {
    errors.push_back(
        {"followed", it == body->end() ? "" : it->dump(), "true (the condition was kept to) or false (it was not)"});
  }
  const auto night = date_member(*body, "date", errors);
  const std::string note = http::string_member(*body, "note", errors, "what happened, one line").value_or("");
  if (!errors.empty()) return http::invalid_fields("nothing was recorded", errors);
  const Caller c = api.caller(req);
  const auto logged = log_experiment_night(api.store(), clock_of(c), c.user.id, night, *followed, note);
  if (!logged) return http::problem_for(logged.error());
  return http::json_response(logged->previous ? 200 : 201, logged_night_json(*logged));
}

Response report(const ApiContext& api, const Request& req, std::optional<ExperimentId> id) {
  const Caller c = api.caller(req);
  const auto r = experiment_report(api.store(), clock_of(c), c.user.id, id);
  if (!r) return http::problem_for(r.error());
  return http::json_response(200, analysis::experiment_report_to_json(*r));
}

Response stop(const ApiContext& api, const Request& req, const PathParams& p) {
  FieldErrors errors;
  const auto id = experiment_param(p, errors);
  if (!errors.empty()) return http::invalid_fields("that is not an experiment number", errors, true);
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  http::reject_unknown_members(*body, {"reason"}, errors);
  const std::string reason = http::string_member(*body, "reason", errors, "why, for the report").value_or("");
  if (!errors.empty()) return http::invalid_fields("the experiment was not stopped", errors);
  const Caller c = api.caller(req);
  const auto stopped = stop_experiment(api.store(), clock_of(c), c.user.id, id, reason);
  if (!stopped) return http::problem_for(stopped.error());
  return http::json_response(200, analysis::experiment_to_json(*stopped, clock_of(c).coming_night));
}

}  // namespace

void add_insights_routes(http::Router& router, const ApiContext& api) {
  const http::RouteOptions json_body{{http::kJson}};
  router.add(Method::get, "/api/insights",
             [&api](const Request& r, const PathParams&) { return insights_report(api, r); });
  router.add(Method::get, "/api/experiments", [&api](const Request& r, const PathParams&) { return list(api, r); });
  router.add(
      Method::post, "/api/experiments", [&api](const Request& r, const PathParams&) { return create(api, r); },
      json_body);
  router.add(Method::get, "/api/experiments/tonight",
             [&api](const Request& r, const PathParams&) { return tonight_plan(api, r); });
  router.add(
      Method::post, "/api/experiments/nights",
      [&api](const Request& r, const PathParams&) { return log_night(api, r); }, json_body);
  router.add(Method::get, "/api/experiments/report",
             [&api](const Request& r, const PathParams&) { return report(api, r, std::nullopt); });
  router.add(Method::get, "/api/experiments/{id}/report", [&api](const Request& r, const PathParams& p) {
    FieldErrors errors;
    const auto id = experiment_param(p, errors);
    if (!id) return http::invalid_fields("that is not an experiment number", errors, true);
    return report(api, r, id);
  });
  router.add(
      Method::post, "/api/experiments/{id}/stop",
      [&api](const Request& r, const PathParams& p) { return stop(api, r, p); }, json_body);
}

}  // namespace daybreak
