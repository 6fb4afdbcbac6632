// The diary over HTTP: today, entries (with idempotent creation), their
// revisions. The JSON of an entry is entry_to_json's, as `daybreak show --json`.
#include <array>
#include <chrono>
#include <memory>

#include <fmt/format.h>

#include "app/diary.hpp"
#include "app/week_glance.hpp"
#include "server/memo.hpp"
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

constexpr int kMaxRangeDays = 3660;  // ten years in one response; export takes everything

std::string periods_allowed() {
  return "one of: " + join({Vocabulary<Period>::names.begin(), Vocabulary<Period>::names.end()}, ", ");
}

Response today_view(const ApiContext& api, const Caller& c, LocalTime local_now) {
  const LocalDate day = c.today();
  const WeekRead week = read_week(api.store(), c.user.id, c.zone, c.now);
  const auto& entries = week.entries;
  Json periods = Json::array();
  for (std::size_t i = 0; i < choice_count<Period>(); ++i) {
    const auto period = static_cast<Period>(i);
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const DiaryEntry& e) { return e.date == day && e.period == period; });
    periods.push_back(period_to_json(period, it != entries.end() ? &*it : nullptr, day, local_now, c.zone));
  }
  const WeekGlance& g = week.glance;
  Json done = Json::array();
  for (const RoutineKind r : g.done_today) done.push_back(name_of(r));
  return http::json_response(200, Json{{"date", format_date(day)},
                                       {"time_zone", c.zone.name()},
                                       {"local_time", format_clock(local_now)},
                                       {"periods", std::move(periods)},
                                       {"week",
                                        {{"days", g.days},
                                         {"mornings_logged", g.mornings_logged},
                                         // The sessions are the program's part: not shown to a viewer without it.
                                         {"sessions", c.shares(Scope::program) ? Json(g.sessions) : Json(nullptr)},
                                         {"done_today", c.shares(Scope::program) ? std::move(done) : Json::array()}}}});
}

// Today's view changes only with the person's data, who looks (a clinician
// sees what their grant shows), and the minute on the clock (it shows the
// local time, and what is due turns with the hour): the app polls it, so it
// is built once for each of those, and kept for each person.
struct TodayKey {
  StoreVersion version;
  UserId actor;
  LocalTime minute;

  bool operator==(const TodayKey&) const = default;
};
using TodayMemo = http::MemoMap<std::int64_t, TodayKey, Response>;

Response today(const ApiContext& api, const Request& req, TodayMemo& memo) {
  const Caller c = api.caller(req);
  const LocalTime local_now = c.zone.to_local(c.now);
  return memo.get(c.user.id.value, {c.version, c.actor, std::chrono::floor<std::chrono::minutes>(local_now)},
                  [&] { return today_view(api, c, local_now); });
}

Response list_entries(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  FieldErrors errors;
  const auto from = http::date_param(req, "from");
  const auto to = http::date_param(req, "to");
  if (!from) errors.push_back(from.error());
  if (!to) errors.push_back(to.error());
  if (!errors.empty()) return http::invalid_fields("the dates are not valid", errors, true);
  const LocalDate last = to->has_value() ? **to : last_day_to_show(api.store(), c.user.id, c.today());
  const LocalDate first = from->value_or(add_days(last, -29));
  if (first > last) {
    errors.push_back({"from", format_date(first), fmt::format("a day on or before 'to' ({})", format_date(last))});
  } else if (days_between(first, last) >= kMaxRangeDays) {
    errors.push_back({"from", format_date(first),
                      fmt::format("a day at most {} days before 'to' (the CSV export has everything)", kMaxRangeDays)});
  }
  if (!errors.empty()) return http::invalid_fields("the range is not valid", errors, true);
  Json list = Json::array();
  for (const auto& e : entries_between(api.store(), c.user.id, first, last)) list.push_back(entry_to_json(e, c.zone));
  return http::json_response(
      200, Json{{"from", format_date(first)}, {"to", format_date(last)}, {"entries", std::move(list)}});
}

// When the request's shape is wrong, also report what is wrong with the values
// given, so one round trip shows every problem.
void add_value_errors(FieldErrors& errors, const Draft& draft, LocalDate date, Period period, const TimeZone& zone) {
  DiaryFields probe;
  const TimeContext ctx{date, period, zone};
  FieldErrors more = apply_draft(probe, draft, ctx, DraftMode::create);
  const auto cross = check_fields(probe, ctx);
  more.insert(more.end(), cross.begin(), cross.end());
  for (auto& e : more) {
    const bool known =
        std::any_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; });
    if (!known) errors.push_back(std::move(e));
  }
}

Response create_entry(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"date", "period", "fields", "replace", "idempotency_key"}, errors);

  std::optional<Period> period;
  if (const auto text = http::string_member(*body, "period", errors, periods_allowed())) {
    period = parse_choice<Period>(*text);
    if (!period) errors.push_back({"period", *text, periods_allowed()});
  } else if (!body->contains("period") || (*body)["period"].is_null()) {
    errors.push_back({"period", "", periods_allowed()});
  }
  LocalDate date = c.today();
  bool date_known = true;  // false: the date sent is not a day, so the message does not name one
  if (const auto text = http::string_member(*body, "date", errors, "a date written YYYY-MM-DD")) {
    if (const auto d = parse_date(*text)) {
      date = *d;
    } else {
      errors.push_back({"date", *text, date_rule(*text, diary_day_rule(c.today()))});
      date_known = false;
    }
  }
  bool replace = false;
  if (const auto it = body->find("replace"); it != body->end() && !it->is_null()) {
    if (it->is_boolean()) {
      replace = it->get<bool>();
    } else {
      errors.push_back({"replace", it->dump(), "true or false"});
    }
  }
  const auto key = http::idempotency_key(req, *body, errors);
  Draft draft;
  if (const auto it = body->find("fields"); it != body->end() && it->is_object()) {
    const auto type_errors = draft_from_json(draft, *it);
    errors.insert(errors.end(), type_errors.begin(), type_errors.end());
  } else {
    errors.push_back(
        {"fields", it == body->end() ? "" : it->dump(), "a JSON object of diary fields, e.g. {\"pain\": 4}"});
  }
  if (!errors.empty()) {
    if (period) add_value_errors(errors, draft, date, *period, c.zone);
    std::string what;
    if (period) what = fmt::format(" for the {}", name_of(*period));
    if (period && date_known) what += fmt::format(" of {}", format_date(date));
    return http::invalid_fields(fmt::format("nothing was saved{}", what), errors);
  }

  const auto outcome =
      log_entry(api.store(), c.meta(), c.user.id, c.zone, LogRequest{date, *period, draft, replace, key});
  if (!outcome) return http::problem_for(outcome.error());
  static constexpr std::array<std::string_view, 3> kOutcomes = {"created", "replaced", "replayed"};
  const auto kind = outcome->kind;
  Json json{{"outcome", kOutcomes[static_cast<std::size_t>(kind)]}, {"entry", entry_to_json(outcome->entry, c.zone)}};
  add_decisions_made(json, api, c);  // a next morning may decide a session day
  // A yes to the one-tap check: the gate it closed, as GET /api/safety gives
  // it (the stop screen's words and the number to call), as `log` shows it.
  if (outcome->entry.fields.red_flags == YesNo::yes) json["safety"] = gate_answer(api, c);
  Response r = http::json_response(kind == LogOutcome::Kind::created ? 201 : 200, json);
  if (kind == LogOutcome::Kind::created)
    r.with_header("Location", fmt::format("/api/entries/{}", outcome->entry.id.value));
  if (kind == LogOutcome::Kind::replayed) r.with_header("Idempotent-Replayed", "true");
  return r;
}

Response show_entry(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not an entry number", {id.error()}, true);
  const Caller c = api.caller(req);
  const auto entry = find_entry(api.store(), c.user.id, EntryId{*id});
  if (!entry) return http::problem_for(entry.error());
  return http::json_response(200, entry_to_json(*entry, c.zone));
}

Response edit(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not an entry number", {id.error()}, true);
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"fields"}, errors);
  Draft draft;
  if (const auto it = body->find("fields"); it != body->end() && it->is_object()) {
    const auto type_errors = draft_from_json(draft, *it);
    errors.insert(errors.end(), type_errors.begin(), type_errors.end());
    if (type_errors.empty() && draft.empty()) {
      errors.push_back({"fields", "{}", "at least one field to change, e.g. {\"pain\": 3}; null clears a field"});
    }
  } else {
    errors.push_back({"fields", it == body->end() ? "" : it->dump(), "a JSON object of the fields to change"});
  }
  if (!errors.empty()) return http::invalid_fields(fmt::format("entry {} was not changed", *id), errors);
  const auto edited = edit_entry(api.store(), c.meta(), c.user.id, c.zone, EntryId{*id}, draft);
  if (!edited) return http::problem_for(edited.error());
  return http::json_response(200, entry_to_json(*edited, c.zone));
}

Response remove(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not an entry number", {id.error()}, true);
  const Caller c = api.caller(req);
  const auto deleted = delete_entry(api.store(), c.meta(), c.user.id, EntryId{*id});
  if (!deleted) return http::problem_for(deleted.error());
  return http::json_response(200, entry_to_json(*deleted, c.zone));
}

Response revisions(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not an entry number", {id.error()}, true);
  const Caller c = api.caller(req);
  const auto history = entry_history(api.store(), c.user.id, EntryId{*id});
  if (!history) return http::problem_for(history.error());
  Json list = Json::array();
  for (const auto& r : *history) list.push_back(revision_to_json(r, c.zone));
  return http::json_response(200, Json{{"entry", *id}, {"revisions", std::move(list)}});
}

}  // namespace

void add_diary_routes(http::Router& router, const ApiContext& api) {
  const http::RouteOptions json_body{{http::kJson}};
  router.add(Method::get, "/api/today",
             [&api, memo = std::make_shared<TodayMemo>()](const Request& r, const PathParams&) {
               return today(api, r, *memo);
             });
  router.add(Method::get, "/api/entries", [&api](const Request& r, const PathParams&) { return list_entries(api, r); });
  router.add(
      Method::post, "/api/entries", [&api](const Request& r, const PathParams&) { return create_entry(api, r); },
      json_body);
  router.add(Method::get, "/api/entries/{id}",
             [&api](const Request& r, const PathParams& p) { return show_entry(api, r, p); });
  router.add(
      Method::patch, "/api/entries/{id}", [&api](const Request& r, const PathParams& p) { return edit(api, r, p); },
      json_body);
  router.add(Method::del, "/api/entries/{id}",
             [&api](const Request& r, const PathParams& p) { return remove(api, r, p); });
  router.add(Method::get, "/api/entries/{id}/revisions",
             [&api](const Request& r, const PathParams& p) { return revisions(api, r, p); });
}

}  // namespace daybreak
