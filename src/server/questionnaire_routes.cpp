// Standard questionnaires over HTTP: which are offered (and why not), one
// instrument with its items, recording a response (scored by the engine, or
// refused with every wrong answer named and nothing stored), the scores over
// time with the change judged against the minimal important change, and the
// PSFS activities to rate again. Same use cases and the same JSON as
// `daybreak questionnaire list|show|take|history --json`.
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/questionnaire_json.hpp"
#include "app/questionnaires.hpp"
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

constexpr std::string_view kAnswersAllowed =
    "an object of item id to answer: an option's code, a whole number, or null to skip (see GET "
    "/api/questionnaires/{id})";

AppResult<Instrument> instrument(const ApiContext& api, std::string_view id) {
  return load_instrument(id, std::nullopt, api.wording_dir());
}

Response list(const ApiContext& api, const Request& req) {
  const User user = api.user(req);
  const auto taken = questionnaire_history(api.store(), user.id, "");
  return http::json_response(200, questionnaire_list_json(instrument_offers(api.store(), user.id),
                                                          taken ? *taken : std::vector<ScoreHistory>{}));
}

Response show(const ApiContext& api, const std::string& id) {
  const auto loaded = instrument(api, id);
  if (!loaded) return http::problem_for(loaded.error());
  return http::json_response(200, instrument_json(*loaded));
}

Response history(const ApiContext& api, const Request& req) {
  const User user = api.user(req);
  const auto histories = questionnaire_history(api.store(), user.id, req.param("id").value_or(""));
  if (!histories) return http::problem_for(histories.error());
  return http::json_response(200, history_json(*histories));
}

Response activities(const ApiContext& api, const Request& req) {
  const User user = api.user(req);
  return http::json_response(200,
                             Json{{"instrument", "psfs"}, {"activities", previous_activities(api.store(), user.id)}});
}

// {"answers": {"pain_intensity": 2, "sex_life": null, ...}}: one answer per item.
std::vector<ItemAnswer> item_answers(const Instrument& ins, const Json& body, FieldErrors& errors) {
  std::vector<ItemAnswer> answers;
  const auto it = body.find("answers");
  if (it == body.end() || !it->is_object()) {
    errors.push_back({"answers", it == body.end() ? "" : it->dump(), std::string(kAnswersAllowed)});
    return answers;
  }
  for (const auto& [id, value] : it->items()) {
    const InstrumentItem* item = nullptr;
    for (const auto& i : ins.items) {
      if (i.id == id) item = &i;
    }
    ItemAnswer a{id, std::nullopt, std::nullopt};
    if (value.is_string()) {
      a.choice = value.get<std::string>();
    } else if (value.is_number_integer()) {
      // Choice codes may be digits (STarT Back's boxes): 4 means the code "4".
      const auto n = value.get<std::int64_t>();
      if (item != nullptr && item->kind == ItemKind::choice) {
        a.choice = std::to_string(n);
      } else if (n >= std::numeric_limits<int>::min() && n <= std::numeric_limits<int>::max()) {
        a.value = static_cast<int>(n);
      } else {
        errors.push_back({"answers." + id, value.dump(), item != nullptr ? item_allowed(*item) : "a whole number"});
        continue;
      }
    } else if (!value.is_null()) {
      errors.push_back({"answers." + id, value.dump(),
                        item != nullptr ? item_allowed(*item) : "an option's code, a whole number or null"});
      continue;
    }
    answers.push_back(std::move(a));
  }
  return answers;
}

// {"activities": [{"activity": "putting on socks", "rating": 5}, ...]}: PSFS.
std::vector<ItemAnswer> activity_answers(const Instrument& ins, const Json& body, FieldErrors& errors) {
  std::vector<ItemAnswer> answers;
  const ActivityRule& rule = *ins.activities;
  const auto it = body.find("activities");
  if (it == body.end() || !it->is_array()) {
    errors.push_back({"activities", it == body.end() ? "" : it->dump(),
                      fmt::format("a list of up to {} objects {{\"activity\": a name, \"rating\": {} to {}}}",
                                  rule.max_activities, rule.min, rule.max)});
    return answers;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& a = (*it)[i];
    const std::string at = fmt::format("activities.{}", i);
    if (!a.is_object()) {
      errors.push_back({at, a.dump(), "an object {\"activity\": a name, \"rating\": a whole number}"});
      continue;
    }
    FieldErrors inner;
    http::reject_unknown_members(a, {"activity", "rating"}, inner);
    for (auto& e : inner) errors.push_back({at + "." + e.field, e.value, e.allowed});
    ItemAnswer answer{"", std::nullopt, std::nullopt};
    const auto name = a.find("activity");
    if (name == a.end() || !name->is_string()) {
      errors.push_back({at + ".activity", name == a.end() ? "" : name->dump(),
                        fmt::format("the activity's name, 1 to {} characters", kMaxActivityName)});
    } else {
      answer.item = name->get<std::string>();
    }
    // The range is the engine's to check; here only that it is a whole number.
    const auto rating = a.find("rating");
    if (rating != a.end() && rating->is_number_integer() &&
        rating->get<std::int64_t>() >= std::numeric_limits<int>::min() &&
        rating->get<std::int64_t>() <= std::numeric_limits<int>::max()) {
      answer.value = static_cast<int>(rating->get<std::int64_t>());
    } else {
      errors.push_back({at + ".rating", rating == a.end() ? "" : rating->dump(),
                        fmt::format("a whole number from {} to {} ({})", rule.min, rule.max, rule.anchors)});
    }
    answers.push_back(std::move(answer));
  }
  return answers;
}

// The engine names an activity by its name; over HTTP it is named by its place.
std::string activity_field(const std::vector<ItemAnswer>& answers, const FieldError& e) {
  if (e.field == "activities") return e.field;
  const auto index_of = [&](std::string_view name, bool last) {
    std::optional<std::size_t> found;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      if (to_lower_ascii(answers[i].item) == to_lower_ascii(name)) {
        found = i;
        if (!last) break;
      }
    }
    return found;
  };
  if (e.field == "activity") {
    const auto i = index_of(e.value, false);
    return i ? fmt::format("activities.{}.activity", *i) : "activities";
  }
  const bool repeated = e.allowed == kEachActivityOnce;
  const auto i = index_of(e.field, repeated);
  if (!i) return "activities";
  return fmt::format("activities.{}.{}", *i, repeated ? "activity" : "rating");
}

Response record(const ApiContext& api, const Request& req, const std::string& id) {
  const auto loaded = instrument(api, id);
  if (!loaded) return http::problem_for(loaded.error());
  const Instrument& ins = *loaded;
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"answers", "activities", "from_paper"}, errors);

  bool from_paper = false;
  if (const auto it = body->find("from_paper"); it != body->end() && !it->is_null()) {
    if (it->is_boolean()) {
      from_paper = it->get<bool>();
    } else {
      errors.push_back({"from_paper", it->dump(), "true when the answers are entered from the paper form, or false"});
    }
  }
  std::vector<ItemAnswer> answers;
  if (ins.activities) {
    if (body->contains("answers"))
      errors.push_back({"answers", body->at("answers").dump(), "left out: the PSFS takes \"activities\""});
    answers = activity_answers(ins, *body, errors);
  } else {
    if (body->contains("activities")) {
      errors.push_back(
          {"activities", body->at("activities").dump(),
           fmt::format("left out: only the PSFS takes activities; the {} takes \"answers\"", ins.abbreviation)});
    }
    answers = item_answers(ins, *body, errors);
  }
  if (!errors.empty()) return http::invalid_fields("nothing was saved", errors);

  const Caller c = api.caller(req);
  const auto response =
      record_response(api.store(), c.now, c.user.id, ins, answers, from_paper ? "paper" : c.meta().actor.channel);
  if (!response) {
    AppError error = response.error();
    for (auto& f : error.fields) {
      if (ins.activities) {
        f.field = activity_field(answers, f);
      } else if (f.field != "answers") {
        f.field = "answers." + f.field;
      }
    }
    return http::problem_for(error);
  }
  const auto histories = questionnaire_history(api.store(), c.user.id, ins.id);
  const ScoreHistory* h = histories && !histories->empty() ? &histories->front() : nullptr;
  return http::json_response(201, recorded_response_json(ins, *response, h));
}

}  // namespace

void add_questionnaire_routes(http::Router& router, const ApiContext& api) {
  // The literal paths come before /api/questionnaires/{id}, which would match them.
  router.add(Method::get, "/api/questionnaires", [&api](const Request& r, const PathParams&) { return list(api, r); });
  router.add(Method::get, "/api/questionnaires/history",
             [&api](const Request& r, const PathParams&) { return history(api, r); });
  router.add(Method::get, "/api/questionnaires/psfs/activities",
             [&api](const Request& r, const PathParams&) { return activities(api, r); });
  router.add(Method::get, "/api/questionnaires/{id}",
             [&api](const Request&, const PathParams& p) { return show(api, p.get("id")); });
  router.add(
      Method::post, "/api/questionnaires/{id}/responses",
      [&api](const Request& r, const PathParams& p) { return record(api, r, p.get("id")); },
      http::RouteOptions{{http::kJson}});
}

}  // namespace daybreak
