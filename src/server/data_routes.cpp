// The data as a whole over HTTP: the profile, sleep items, CSV export and
// import, and the database check. Same use cases as the CLI's data commands.
#include <fmt/format.h>

#include "app/diary.hpp"
#include "app/profile.hpp"
#include "app/safety.hpp"
#include "app/transfer.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

constexpr std::size_t kMaxImportBytes = 16 * 1024 * 1024;  // ten years of diary is about 2 MB of CSV

Json profile_json(const User& user) {
  return Json{{"name", user.name}, {"time_zone", user.time_zone}, {"since", format_utc(user.created_at)}};
}

// The profile routes need no zone: they work, so that the zone can be put
// right, even when the profile names one this server does not serve.
Response show_profile(const ApiContext& api, const Request& req) {
  return http::json_response(200, profile_json(api.user(req)));
}

Response change_profile(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const User user = api.user(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"name", "time_zone"}, errors);
  ProfileChange change;
  change.name = http::string_member(*body, "name", errors, "what daybreak calls you");
  change.time_zone = http::string_member(*body, "time_zone", errors, "an IANA time zone such as Europe/Oslo");
  if (!errors.empty()) return http::invalid_fields("the profile was not changed", errors);
  const auto updated = update_profile(api.store(), api.now(), user.id, change,
                                      [&api](std::string_view zone) { return !api.zone_refusal(zone); });
  if (!updated) {
    AppError error = updated.error();
    for (auto& f : error.fields) {
      if (f.field == "time_zone") f.allowed = api.zone_refusal(f.value).value_or(f.allowed);
    }
    return http::problem_for(error);
  }
  return http::json_response(200, profile_json(*updated));
}

// The zones a person may choose here: for the local server, only the one it
// started with (see ApiContext::zone).
Response time_zones(const ApiContext& api, const Request&) {
  return http::json_response(200, Json{{"zones", api.zones().names()}});
}

Json item_json(const SleepItem& i) {
  Json o{{"id", i.id.value}, {"kind", name_of(i.kind)}, {"name", i.name}, {"created_at", format_utc(i.created_at)}};
  if (i.retired_at) o["retired_at"] = format_utc(*i.retired_at);
  return o;
}

Response list_items(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  Json list = Json::array();
  for (const auto& i : sleep_items(api.store(), c.user.id)) list.push_back(item_json(i));
  return http::json_response(200, Json{{"items", std::move(list)}});
}

Response add_item(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  const Caller c = api.caller(req);
  FieldErrors errors;
  http::reject_unknown_members(*body, {"kind", "name"}, errors);
  const auto kind_text = http::string_member(*body, "kind", errors, "mattress or pillow");
  const auto name = http::string_member(*body, "name", errors, sleep_item_name_rule());
  const auto kind = kind_text ? parse_choice<SleepItemKind>(*kind_text) : std::nullopt;
  if (!kind && !std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "kind"; })) {
    errors.push_back({"kind", kind_text.value_or(""), "mattress or pillow"});
  }
  if ((!name || !valid_sleep_item_name(*name)) &&
      !std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "name"; })) {
    errors.push_back({"name", name.value_or(""), sleep_item_name_rule()});
  }
  if (!errors.empty()) return http::invalid_fields("the item was not added", errors);
  const auto item = add_sleep_item(api.store(), c.now, c.user.id, *kind, *name);
  if (!item) return http::problem_for(item.error());
  return http::json_response(201, item_json(*item))
      .with_header("Location", fmt::format("/api/sleep-items/{}", item->id.value));
}

Response retire_item(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not an item number", {id.error()}, true);
  const Caller c = api.caller(req);
  for (const auto& item : sleep_items(api.store(), c.user.id)) {
    if (item.id.value != *id) continue;
    if (item.retired_at) return http::json_response(200, item_json(item));  // retiring twice changes nothing
    const auto retired = retire_sleep_item(api.store(), c.now, c.user.id, item.kind, item.name);
    if (!retired) return http::problem_for(retired.error());
    return http::json_response(200, item_json(*retired));
  }
  return http::problem_for(not_found(fmt::format("there is no sleep item {}", *id)));
}

Response export_diary(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  return http::download("text/csv; charset=utf-8", export_csv(api.store(), c.user.id, c.zone),
                        fmt::format("daybreak-diary-{}.csv", format_date(c.today())));
}

Response import_diary(const ApiContext& api, const Request& req) {
  FieldErrors errors;
  const auto flags = http::import_flags(req, errors);
  if (!errors.empty()) return http::invalid_fields("nothing was imported", errors, true);
  const Caller c = api.caller(req);
  const SafetyGate before = safety_gate(api.store(), c.user.id, c.now);
  const auto summary = import_csv(api.store(), {c.now, Actor{c.user.id, "import"}}, c.user.id, c.zone, req.body,
                                  flags.replace, flags.dry_run);
  if (!summary) return http::problem_for(summary.error());
  Json json{{"added", summary->added},
            {"replaced", summary->replaced},
            {"unchanged", summary->unchanged},
            {"items_created", summary->items_created},
            {"written", summary->written}};
  add_gate_if_a_sign_opened(json, api, c, before);  // as `daybreak import` shows the stop
  return http::json_response(200, json);
}

Response check_database(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  const CheckReport r = check(api.store(), c.user.id, c.zone);
  return http::json_response(200, Json{{"schema_version", r.schema_version},
                                       {"entries", r.entries},
                                       {"ok", r.problems.empty()},
                                       {"problems", r.problems}});
}

}  // namespace

void add_data_routes(http::Router& router, const ApiContext& api) {
  const auto get = [&](std::string pattern, Response (*f)(const ApiContext&, const Request&)) {
    router.add(Method::get, std::move(pattern), [&api, f](const Request& r, const PathParams&) { return f(api, r); });
  };
  get("/api/profile", show_profile);
  router.add(Method::patch, "/api/profile",
             [&api](const Request& r, const PathParams&) { return change_profile(api, r); }, {{http::kJson}});
  get("/api/time-zones", time_zones);
  get("/api/sleep-items", list_items);
  router.add(Method::post, "/api/sleep-items", [&api](const Request& r, const PathParams&) { return add_item(api, r); },
             {{http::kJson}});
  router.add(Method::post, "/api/sleep-items/{id}/retire",
             [&api](const Request& r, const PathParams& p) { return retire_item(api, r, p); });
  get("/api/export/csv", export_diary);
  router.add(Method::post, "/api/import/csv",
             [&api](const Request& r, const PathParams&) { return import_diary(api, r); },
             {{http::kCsv}, kMaxImportBytes});
  get("/api/check", check_database);
}

}  // namespace daybreak
