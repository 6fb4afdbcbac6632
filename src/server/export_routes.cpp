// The open exports over HTTP: the diary as a FHIR R4 collection
// Bundle (and such a Bundle read back: how a person brings their diary from
// home into a clinic's daybreak) and the reminders as an iCalendar file, by
// the same use cases as `daybreak export fhir`, `daybreak import fhir` and
// `daybreak reminders`.
#include <fmt/format.h>

#include "app/fhir_transfer.hpp"
#include "app/reminders.hpp"
#include "app/safety.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

// The largest Bundle taken: ten years of diary are about 61 MB
// (bench/RESULTS.md, "FHIR export"), and the CLI takes as much.
constexpr std::size_t kMaxFhirImportBytes = 64 * 1024 * 1024;

Response export_fhir_bundle(const ApiContext& api, const Request& req) {
  const auto from = http::date_param(req, "from");
  const auto to = http::date_param(req, "to");
  FieldErrors errors;
  if (!from) errors.push_back(from.error());
  if (!to) errors.push_back(to.error());
  if (!errors.empty()) return http::invalid_fields("nothing was exported", errors, true);
  const Caller c = api.caller(req);
  auto bundle = export_fhir(api.store(), c.user.id, c.zone, DayRange{*from, *to}, c.now);
  if (!bundle) return http::problem_for(bundle.error());
  return http::download(std::string(http::kFhirJson), std::move(*bundle),
                        fmt::format("daybreak-fhir-{}.json", format_date(c.today())));
}

// All or nothing, as `daybreak import fhir`; `dry_run=true` says what it
// would do and writes nothing; `replace=true` updates what was logged with
// other values (else refused, naming each).
Response import_fhir_bundle(const ApiContext& api, const Request& req) {
  FieldErrors errors;
  const auto flags = http::import_flags(req, errors);
  if (!errors.empty()) return http::invalid_fields("nothing was imported", errors, true);
  const Caller c = api.caller(req);
  const SafetyGate before = safety_gate(api.store(), c.user.id, c.now);
  const auto s = import_fhir(api.store(), {c.now, Actor{c.user.id, "import"}}, c.user.id, c.zone, api.content(),
                             req.body, flags.replace, flags.dry_run);
  if (!s) return http::problem_for(s.error());
  const ImportSummary& e = s->entries;
  Json json{{"added", e.added},
            {"replaced", e.replaced},
            {"unchanged", e.unchanged},
            {"items_created", e.items_created},
            {"written", e.written},
            {"sessions_added", s->sessions_added},
            {"sessions_unchanged", s->sessions_unchanged},
            {"responses_added", s->responses_added},
            {"responses_unchanged", s->responses_unchanged},
            {"screenings_added", s->screenings_added},
            {"screenings_unchanged", s->screenings_unchanged},
            {"stages_set", s->stages_set},
            {"levels_set", s->levels_set},
            {"program_kept", s->program_kept},
            {"experiments_added", s->experiments_added},
            {"experiments_updated", s->experiments_updated},
            {"experiments_unchanged", s->experiments_unchanged},
            {"nights_added", s->nights_added},
            {"nights_updated", s->nights_updated},
            {"nights_unchanged", s->nights_unchanged},
            {"decisions_added", s->decisions_added},
            {"decisions_unchanged", s->decisions_unchanged}};
  add_gate_if_a_sign_opened(json, api, c, before);  // as `daybreak import` shows the stop
  return http::json_response(200, json);
}

Response reminders_calendar_file(const ApiContext& api, const Request& req) {
  const auto alarm = http::int_param(req, "alarm", 0, kMaxAlarmMinutes);
  if (!alarm) return http::invalid_fields("no calendar was written", {alarm.error()}, true);
  const Caller c = api.caller(req);
  auto ics = reminders_ics(api.store(), c.user.id, c.zone, *alarm, api.version());
  if (!ics) return http::problem_for(ics.error());
  return http::download("text/calendar; charset=utf-8", std::move(*ics), "daybreak-reminders.ics");
}

Json reminder_times_json(const ReminderTimes& times) {
  const ReminderChange t = reminder_words(times);
  return Json{{"morning_routine", *t.morning_routine},
              {"morning_log", *t.morning_log},
              {"evening_routine", *t.evening_routine},
              {"safety_check", *t.safety_check},
              {"experiment", *t.experiment}};
}

// The times the reminders are at, as `daybreak reminders` sets them.
Response show_reminder_times(const ApiContext& api, const Request& req) {
  return http::json_response(200, reminder_times_json(reminder_times(api.store(), api.caller(req).user.id)));
}

Response change_reminder_times(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(
      *body, {"morning_routine", "morning_log", "evening_routine", "safety_check", "experiment"}, errors);
  ReminderChange change;
  change.morning_routine = http::string_member(*body, "morning_routine", errors, "a time of day, HH:MM");
  change.morning_log = http::string_member(*body, "morning_log", errors, "a time of day, HH:MM");
  change.evening_routine = http::string_member(*body, "evening_routine", errors, "a time of day, HH:MM");
  change.safety_check =
      http::string_member(*body, "safety_check", errors, "a weekday and a time of day, such as 'mon 09:00'");
  change.experiment = http::string_member(*body, "experiment", errors, "a time of day, HH:MM");
  if (!errors.empty()) return http::invalid_fields("the reminders were not changed", errors);
  const Caller c = api.caller(req);
  const auto times = set_reminder_times(api.store(), c.now, c.user.id, change);
  if (!times) return http::problem_for(times.error());
  return http::json_response(200, reminder_times_json(*times));
}

}  // namespace

void add_export_routes(http::Router& router, const ApiContext& api) {
  router.add(Method::get, "/api/export.fhir.json",
             [&api](const Request& r, const PathParams&) { return export_fhir_bundle(api, r); });
  router.add(Method::post, "/api/import/fhir",
             [&api](const Request& r, const PathParams&) { return import_fhir_bundle(api, r); },
             {{http::kFhirJson, http::kJson}, kMaxFhirImportBytes});
  router.add(Method::get, "/api/reminders.ics",
             [&api](const Request& r, const PathParams&) { return reminders_calendar_file(api, r); });
  router.add(Method::get, "/api/reminders",
             [&api](const Request& r, const PathParams&) { return show_reminder_times(api, r); });
  router.add(Method::patch, "/api/reminders",
             [&api](const Request& r, const PathParams&) { return change_reminder_times(api, r); }, {{http::kJson}});
}

}  // namespace daybreak
