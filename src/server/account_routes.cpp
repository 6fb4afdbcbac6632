// A clinic's accounts: the guard every API request passes once accounts are
// on (sign-in, CSRF, roles, grants, the audit trail), signing in and out,
// invitations, passwords, grants, the person's "who looked", and the
// clinician's list of people. With no account in the store, the guard lets
// every request act for the local person, as on a person's own computer.
// See docs/security.md.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/diary.hpp"
#include "app/fhir_transfer.hpp"
#include "app/progression.hpp"
#include "app/progression_hook.hpp"
#include "app/safety.hpp"
#include "domain/text.hpp"
#include "platform/secrets.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"
#include "store/acting_user.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

// What a route is, for the guard. A route missing from the table below is
// refused to everyone once accounts are on (deny by default).
enum class Rule {
  open,       // no sign-in: health, the API's description, signing in
  account,    // any signed-in user, about themselves (the handler checks the role)
  read,       // a person's data: theirs, or a clinician's with a grant covering `scope`
  adjust,     // a change a clinician may make with a grant (the program, a safety review)
  own,        // the person's own doing only (writing the diary, their devices...)
  home_only,  // pairing a phone: a person's own computer only, never a clinic
};

struct RouteRule {
  Method method;
  std::string_view pattern;
  Rule rule;
  std::optional<Scope> scope;  // for read and adjust: none means everything (the report, exports)
};

constexpr RouteRule kRules[] = {
    {Method::get, "/api/health", Rule::open, {}},
    {Method::get, "/api/openapi.yaml", Rule::open, {}},
    {Method::get, "/api/fields", Rule::open, {}},
    {Method::get, "/api/time-zones", Rule::open, {}},
    {Method::get, "/api/exercises", Rule::open, {}},  // the content: no one's data
    {Method::get, "/api/exercises/{id}", Rule::open, {}},
    {Method::post, "/api/sign-in", Rule::open, {}},
    {Method::post, "/api/invitations/accept", Rule::open, {}},
    {Method::get, "/api/account", Rule::account, {}},
    {Method::post, "/api/sign-out", Rule::account, {}},
    {Method::post, "/api/account/password", Rule::account, {}},
    {Method::get, "/api/grants", Rule::account, {}},
    {Method::get, "/api/grants.fhir.json", Rule::account, {}},
    {Method::post, "/api/grants", Rule::account, {}},
    {Method::del, "/api/grants/{id}", Rule::account, {}},
    {Method::get, "/api/clinicians", Rule::account, {}},
    {Method::get, "/api/access-log", Rule::account, {}},
    {Method::get, "/api/people", Rule::account, {}},
    // the diary
    {Method::get, "/api/profile", Rule::read, Scope::diary},
    {Method::get, "/api/today", Rule::read, Scope::diary},
    {Method::get, "/api/entries", Rule::read, Scope::diary},
    {Method::get, "/api/entries/{id}", Rule::read, Scope::diary},
    {Method::get, "/api/entries/{id}/revisions", Rule::read, Scope::diary},
    {Method::get, "/api/sleep-items", Rule::read, Scope::diary},
    {Method::get, "/api/insights", Rule::read, Scope::diary},
    // the program
    {Method::get, "/api/program", Rule::read, Scope::program},
    {Method::get, "/api/session-plans/{routine}", Rule::read, Scope::program},
    {Method::get, "/api/program/handout.pdf", Rule::read, Scope::program},
    {Method::get, "/api/sessions", Rule::read, Scope::program},
    {Method::get, "/api/progress", Rule::read, Scope::program},
    {Method::get, "/api/progress/decisions", Rule::read, Scope::program},
    {Method::post, "/api/progress/level", Rule::adjust, Scope::program},
    {Method::post, "/api/progress/stage", Rule::adjust, Scope::program},
    // questionnaires
    {Method::get, "/api/questionnaires", Rule::read, Scope::questionnaires},
    {Method::get, "/api/questionnaires/history", Rule::read, Scope::questionnaires},
    {Method::get, "/api/questionnaires/psfs/activities", Rule::read, Scope::questionnaires},
    {Method::get, "/api/questionnaires/{id}", Rule::read, Scope::questionnaires},
    // safety
    {Method::get, "/api/safety", Rule::read, Scope::safety},
    {Method::get, "/api/safety/questions", Rule::read, Scope::safety},
    {Method::get, "/api/safety/settings", Rule::read, Scope::safety},
    {Method::post, "/api/safety/clinician", Rule::adjust, Scope::safety},
    // experiments
    {Method::get, "/api/experiments", Rule::read, Scope::experiments},
    {Method::get, "/api/experiments/tonight", Rule::read, Scope::experiments},
    {Method::get, "/api/experiments/report", Rule::read, Scope::experiments},
    {Method::get, "/api/experiments/{id}/report", Rule::read, Scope::experiments},
    // everything: the report and the exports
    {Method::get, "/api/report.pdf", Rule::read, {}},
    {Method::get, "/api/report.fhir.json", Rule::read, {}},
    {Method::get, "/api/export.fhir.json", Rule::read, {}},
    {Method::get, "/api/export/csv", Rule::read, {}},
    // the person's own doing
    {Method::patch, "/api/profile", Rule::own, {}},
    {Method::post, "/api/sleep-items", Rule::own, {}},
    {Method::post, "/api/sleep-items/{id}/retire", Rule::own, {}},
    {Method::post, "/api/import/csv", Rule::own, {}},
    {Method::post, "/api/import/fhir", Rule::own, {}},
    {Method::get, "/api/check", Rule::own, {}},
    {Method::post, "/api/entries", Rule::own, {}},
    {Method::patch, "/api/entries/{id}", Rule::own, {}},
    {Method::del, "/api/entries/{id}", Rule::own, {}},
    {Method::post, "/api/sessions", Rule::own, {}},
    {Method::post, "/api/questionnaires/{id}/responses", Rule::own, {}},
    {Method::post, "/api/safety/checks", Rule::own, {}},
    {Method::patch, "/api/safety/settings", Rule::own, {}},
    {Method::post, "/api/experiments", Rule::own, {}},
    {Method::post, "/api/experiments/nights", Rule::own, {}},
    {Method::post, "/api/experiments/{id}/stop", Rule::own, {}},
    {Method::post, "/api/progress/confirm", Rule::own, {}},
    {Method::get, "/api/reminders.ics", Rule::own, {}},
    {Method::get, "/api/reminders", Rule::own, {}},
    {Method::patch, "/api/reminders", Rule::own, {}},
    // a phone paired with a person's own computer
    {Method::get, "/api/devices", Rule::home_only, {}},
    {Method::del, "/api/devices/{id}", Rule::home_only, {}},
    {Method::post, "/api/pairing", Rule::home_only, {}},
    {Method::post, "/api/pair", Rule::home_only, {}},
};

const RouteRule* rule_for(Method method, std::string_view pattern) {
  if (method == Method::head) method = Method::get;  // HEAD is GET without the body: the same rule
  for (const RouteRule& r : kRules) {
    if (r.method == method && r.pattern == pattern) return &r;
  }
  return nullptr;
}

bool changes_state(Method m) { return m != Method::get && m != Method::head; }

http::Router::Pass refuse(Response r) { return {std::move(r), 0, 0, {}, {}}; }

Response sign_in_required() {
  return http::problem(401, "sign-in-required", "Please sign in", "this daybreak has accounts: sign in to go on")
      .with_header("WWW-Authenticate", fmt::format("Cookie realm=\"daybreak\", cookie-name={}", kSessionCookie));
}

// Too many wrong passwords for the login or from the address: when to try again.
Response wait_before_trying(std::chrono::seconds retry_after) {
  return http::problem(
             429, "sign-in-wait", "Too many tries",
             fmt::format("too many wrong passwords: try again in {} minutes", (retry_after.count() + 59) / 60))
      .with_header("Retry-After", std::to_string(retry_after.count()));
}

Response not_for_role(std::string_view detail) {
  return http::problem(403, "not-allowed", "This is not yours to do", detail);
}

// The address a request came from: the proxy's X-Forwarded-For when the
// socket is this computer's (nginx in front), else the socket's.
// The last day with a morning entry, however long ago: looked for in windows
// of 60 days back from today (most people logged one lately), down to the
// first entry.
std::optional<LocalDate> last_morning_of(StoreReader& tx, UserId person, LocalDate today) {
  const auto first = tx.first_entry_date(person);
  if (!first) return std::nullopt;
  for (LocalDate to = today; to >= *first;) {
    const LocalDate from = add_days(to, -59);
    const auto entries = tx.entries_between(person, from, to);
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {  // newest first
      if (e->period == Period::morning) return e->date;
    }
    to = add_days(from, -1);
  }
  return std::nullopt;
}

std::string source_of(const Request& r) {
  const std::string_view forwarded = r.header("X-Forwarded-For");
  const bool from_here = r.peer == "127.0.0.1" || r.peer == "::1" || r.peer.empty();
  if (from_here && !forwarded.empty()) {
    const std::string_view last = forwarded.substr(forwarded.rfind(',') + 1);
    return std::string(utf8_prefix(last.substr(last.find_first_not_of(' ')), 100));
  }
  return r.peer.empty() ? std::string("unknown") : std::string(utf8_prefix(r.peer, 100));
}

std::string_view action_of(const Request& r, const RouteRule& rule) {
  if (changes_state(r.method)) return "change";
  return rule.scope ? "read" : "export";
}

// The `person` query parameter: whose data a clinician asks for.
std::optional<std::int64_t> person_param(const Request& r, bool& bad) {
  const auto text = r.param("person");
  if (!text) return std::nullopt;
  const auto id = http::id_param("person", *text);
  if (!id) {
    bad = true;
    return std::nullopt;
  }
  return *id;
}

http::Router::Pass guard(const ApiContext& api, const Request& r, std::string_view pattern) {
  if (!api.accounts_on()) {
    // No accounts: every request acts for the local person, in the database too.
    http::Router::Pass local;
    local.scope = std::make_shared<ActingUser>(kLocalUser);
    return local;
  }
  const RouteRule* rule = rule_for(r.method, pattern);
  if (rule == nullptr) {
    return refuse(http::problem(403, "not-in-a-clinic", "Not available here",
                                "this part of daybreak is for a person's own computer, not a clinic's"));
  }
  if (rule->rule == Rule::open) return {};
  if (rule->rule == Rule::home_only) {
    return refuse(http::problem(403, "not-in-a-clinic", "Not available here",
                                "pairing a phone is for a person's own computer; in a clinic, sign in on the phone"));
  }
  const auto session = api.session(r);
  if (!session) return refuse(sign_in_required());
  if (changes_state(r.method)) {
    const std::string_view sent = r.header(kCsrfHeader);
    if (sent.empty()) {
      return refuse(
          http::problem(403, "csrf-token-missing", "The request lacks its safety token",
                        fmt::format("send the csrf value of GET /api/account in the {} header", kCsrfHeader)));
    }
    if (!same_secret(sent, csrf_for(r.cookie(kSessionCookie)))) {
      return refuse(http::problem(403, "csrf-token-wrong", "The request's safety token is wrong",
                                  "reload the page and try again"));
    }
  }
  const std::int64_t me = session->user.id.value;
  // The store's transactions act for the signed-in user from here on (what
  // PostgreSQL's row-level security checks, behind the checks below).
  auto acting = std::make_shared<ActingUser>(session->user.id);
  bool bad = false;
  const auto asked = person_param(r, bad);
  if (bad) {
    return refuse(http::invalid_fields("that is not a person's number",
                                       {{"person", std::string(*r.param("person")), "a whole number above 0"}}, true));
  }
  const Role role = session->account.role;
  if (rule->rule == Rule::account || (!asked || *asked == me)) {
    if (rule->rule == Rule::account) return {std::nullopt, me, me, {}, acting};
    if (role != Role::person) {
      return refuse(not_for_role(role == Role::clinician ? "name the person whose data you want to see: ?person=ID"
                                                         : "an admin manages accounts and sees no one's health data"));
    }
    return {std::nullopt, me, me, {}, acting};
  }
  // About someone else: a clinician with a live grant only. Every request
  // about a person who has an account is recorded, refused ones too.
  const UserId person{*asked};
  std::optional<Grant> grant;
  bool known = false;
  {
    auto tx = api.store().read();
    const auto user = tx->find_user(person);
    known = user && tx->find_account(person);
    if (known && !api.check_grants()) {
      grant = Grant{};  // the test of the database's own wall: it alone decides
    } else if (known && role == Role::clinician && rule->rule != Rule::own) {
      const LocalDate today = api.zone(user->time_zone).date_of(api.now());
      grant = grant_for(*tx, person, session->user.id, rule->scope, today);
    }
  }
  std::function<void(const Request&, const Response&)> record;
  if (known) {
    record = [&api, actor = session->user.id, person, rule](const Request& req, const Response& response) {
      auto tx = api.store().write();
      (void)tx->add_audit_event(AuditEvent{AuditId{}, api.now(), actor, person, std::string(action_of(req, *rule)),
                                           fmt::format("{} {}", http::method_name(req.method), rule->pattern),
                                           source_of(req), response.status});
      tx->commit();
    };
  }
  if (!grant) {
    http::Router::Pass p = refuse(
        role != Role::clinician || rule->rule == Rule::own
            ? not_for_role(role == Role::clinician ? "only the person can do this" : "you may see only your own data")
            : http::problem(403, "no-grant", "This person has not shared this with you",
                            "a person shares their data from More > Sharing; they may have stopped, or shared only "
                            "part of it"));
    p.after = record;
    p.scope = acting;
    return p;
  }
  http::Router::Pass allowed{std::nullopt, me, person.value, record, acting};
  if (!grant->everything) {
    allowed.shared = 0;
    for (const Scope s : grant->scopes) allowed.shared |= 1U << static_cast<unsigned>(s);
  }
  return allowed;
}

// ---- the handlers ----

Json user_json(const User& u, const Account& a) {
  return Json{{"id", u.id.value}, {"login", a.login}, {"name", u.name}, {"role", role_name(a.role)}};
}

Json account_json(const Session& s, std::string_view token) {
  return Json{{"accounts", true},
              {"user", user_json(s.user, s.account)},
              {"csrf", csrf_for(token)},
              {"expires_at", format_utc(s.sign_in.expires_at)}};
}

// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other
// site's page sends it), Secure behind TLS, gone after the absolute lifetime.
Response with_session_cookie(Response r, const Request& req, std::string_view token, std::chrono::seconds age) {
  return r.with_header("Set-Cookie",
                       fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kSessionCookie, token,
                                   age.count(), req.behind_tls() ? "; Secure" : ""));
}

Response no_accounts() {
  return http::problem(409, "accounts-off", "This daybreak has no accounts",
                       "it acts for the person on this computer; a clinic adds accounts with `daybreak admin user "
                       "add`");
}

Response signed_in_response(const ApiContext& api, const Request& req, const SignedIn& s) {
  // A session cookie sent along is ended: a new sign-in always gets a new token (no fixation).
  if (const auto old = api.session(req)) sign_out(api.store(), *old, api.now());
  return with_session_cookie(http::json_response(200, account_json(s.session, s.token)), req, s.token,
                             std::chrono::duration_cast<std::chrono::seconds>(kSignInLifetime));
}

Response account(const ApiContext& api, const Request& req) {
  if (!api.accounts_on()) return http::json_response(200, Json{{"accounts", false}});
  const auto s = api.session(req);
  if (!s) return sign_in_required();
  return http::json_response(200, account_json(*s, req.cookie(kSessionCookie)));
}

Response sign_in_route(const ApiContext& api, const Request& req) {
  if (!api.accounts_on()) return no_accounts();
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"login", "password"}, errors);
  const auto login = http::string_member(*body, "login", errors, "your login, such as anna.berg");
  const auto password = http::string_member(*body, "password", errors, "your password");
  if (!login && errors.empty()) errors.push_back({"login", "", "your login, such as anna.berg"});
  if (!password && errors.empty()) errors.push_back({"password", "", "your password"});
  if (!errors.empty()) return http::invalid_fields("you were not signed in", errors);
  const SignInAttempt attempt = sign_in(api.store(), api.hasher(), *login, *password, source_of(req), api.now());
  switch (attempt.verdict) {
    case SignInVerdict::accepted:
      return signed_in_response(api, req, *attempt.signed_in);
    case SignInVerdict::wrong:
      return http::problem(401, "sign-in-failed", "Not signed in", "the login or the password is wrong");
    case SignInVerdict::wait:
      return wait_before_trying(attempt.retry_after);
  }
  return http::problem(401, "sign-in-failed", "Not signed in", "the login or the password is wrong");
}

Response sign_out_route(const ApiContext& api, const Request& req) {
  if (const auto s = api.session(req)) sign_out(api.store(), *s, api.now());
  api.forget_sessions();
  Response r;
  r.status = 204;
  return r.with_header("Set-Cookie", fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}", kSessionCookie,
                                                 req.behind_tls() ? "; Secure" : ""));
}

Response password_route(const ApiContext& api, const Request& req) {
  const auto s = api.session(req);
  if (!s) return api.accounts_on() ? sign_in_required() : no_accounts();
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"current", "new"}, errors);
  const auto current = http::string_member(*body, "current", errors, "your password now");
  const auto fresh = http::string_member(*body, "new", errors, "the new password");
  if (!errors.empty() || !current || !fresh) {
    if (!current) errors.push_back({"current", "", "your password now"});
    if (!fresh) errors.push_back({"new", "", "the new password"});
    return http::invalid_fields("the password was not changed", errors);
  }
  const auto changed = change_password(api.store(), api.hasher(), *s, *current, *fresh, source_of(req), api.now());
  if (changed.retry_after) return wait_before_trying(*changed.retry_after);
  if (!changed.result) return http::problem_for(changed.result.error());
  api.forget_sessions();
  Response r;
  r.status = 204;
  return r;
}

Response accept_route(const ApiContext& api, const Request& req) {
  if (!api.accounts_on()) return no_accounts();
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"token", "password"}, errors);
  const auto token = http::string_member(*body, "token", errors, "the token of the invitation link");
  const auto password = http::string_member(*body, "password", errors, "the password you choose");
  if (!token && errors.empty()) errors.push_back({"token", "", "the token of the invitation link"});
  if (!password && errors.empty()) errors.push_back({"password", "", "the password you choose"});
  if (password) {
    if (auto bad = check_new_password(*password, "password")) {
      errors.insert(errors.end(), bad->fields.begin(), bad->fields.end());
    }
  }
  if (!errors.empty()) return http::invalid_fields("the invitation was not used", errors);
  const InvitationAttempt attempt = accept_invitation(api.store(), api.hasher(), *token, *password, api.now());
  switch (attempt.verdict) {
    case InvitationVerdict::accepted:
      return signed_in_response(api, req, *attempt.signed_in);
    case InvitationVerdict::expired:
      return http::problem(410, "invitation-expired", "The invitation has expired",
                           fmt::format("an invitation holds {} days; ask for a new link", kInvitationLifetime.count()));
    case InvitationVerdict::unknown:
      break;
  }
  return http::problem(404, "invitation-unknown", "This invitation is not known",
                       "it may have been used already; ask for a new link");
}

Json who_json(StoreReader& tx, UserId id) {
  const auto user = tx.find_user(id);
  const auto account = tx.find_account(id);
  return Json{{"id", id.value},
              {"login", account ? Json(account->login) : Json(nullptr)},
              {"name", user ? Json(user->name) : Json(nullptr)}};
}

Json scope_json(const Grant& g) {
  Json scope = Json::array();
  if (g.everything) scope.push_back("all");
  for (const Scope s : g.scopes) scope.push_back(scope_name(s));
  return scope;
}

// What a person's active grants to one clinician cover together: "all" when
// one is everything, else each scope once, in the order of the scopes.
Json shared_scopes_json(const std::vector<Grant>& grants) {
  if (std::any_of(grants.begin(), grants.end(), [](const Grant& g) { return g.everything; })) {
    return Json::array({"all"});
  }
  std::vector<Scope> all;
  for (const Grant& g : grants) all.insert(all.end(), g.scopes.begin(), g.scopes.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  Json scope = Json::array();
  for (const Scope s : all) scope.push_back(scope_name(s));
  return scope;
}

// The last day they hold, when they all end that day; else null (one has no
// end, or they end on different days: each grant says its own).
Json shared_until_json(const std::vector<Grant>& grants) {
  const auto& first = grants.front().until;
  const bool same = std::all_of(grants.begin(), grants.end(), [&](const Grant& g) { return g.until == first; });
  return same && first ? Json(format_date(*first)) : Json(nullptr);
}

Json grants_shared_json(const std::vector<Grant>& grants) {
  Json out = Json::array();
  for (const Grant& g : grants) {
    out.push_back(Json{{"id", g.id.value},
                       {"scope", scope_json(g)},
                       {"until", g.until ? Json(format_date(*g.until)) : Json(nullptr)}});
  }
  return out;
}

Json grant_json(StoreReader& tx, const Grant& g, LocalDate today) {
  return Json{{"id", g.id.value},
              {"clinician", who_json(tx, g.clinician)},
              {"person", who_json(tx, g.person)},
              {"scope", scope_json(g)},
              {"created_at", format_utc(g.created_at)},
              {"until", g.until ? Json(format_date(*g.until)) : Json(nullptr)},
              {"revoked_at", g.revoked_at ? Json(format_utc(*g.revoked_at)) : Json(nullptr)},
              {"active", g.active(today)}};
}

// The signed-in user, for the account routes (the guard let only them in).
Session signed_in(const ApiContext& api, const Request& req) {
  auto s = api.session(req);
  if (!s) throw http::ProblemError(api.accounts_on() ? sign_in_required() : no_accounts());
  return std::move(*s);
}

Response grants(const ApiContext& api, const Request& req) {
  const Session s = signed_in(api, req);
  const LocalDate today = api.zone(s.user.time_zone).date_of(api.now());
  auto tx = api.store().read();
  const auto list = s.account.role == Role::clinician ? tx->grants_to(s.user.id) : tx->grants_of(s.user.id);
  Json out = Json::array();
  for (const Grant& g : list) out.push_back(grant_json(*tx, g, today));
  return http::json_response(200, Json{{"grants", out}});
}

// The person's grants as FHIR Consent resources, for their records or another system.
Response consents(const ApiContext& api, const Request& req) {
  const Session s = signed_in(api, req);
  if (s.account.role != Role::person) return not_for_role("only a person's own sharing is exported");
  const TimeZone& zone = api.zone(s.user.time_zone);
  auto bundle = export_consents(api.store(), s.user.id, zone, zone.date_of(api.now()));
  if (!bundle) return http::problem_for(bundle.error());
  return http::download(std::string(http::kFhirJson), std::move(*bundle), "daybreak-sharing.fhir.json");
}

Response add_grant(const ApiContext& api, const Request& req) {
  const Session s = signed_in(api, req);
  if (s.account.role != Role::person) return not_for_role("only a person shares their own data");
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"clinician", "scope", "until"}, errors);
  GrantRequest request;
  if (const auto c = http::string_member(*body, "clinician", errors, "a clinician's login")) request.clinician = *c;
  if (body->contains("scope")) {
    request.scope_names.clear();
    const Json& scope = (*body)["scope"];
    if (!scope.is_array() || !std::all_of(scope.begin(), scope.end(), [](const Json& j) { return j.is_string(); })) {
      errors.push_back({"scope", scope.dump(), "a list such as [\"all\"] or [\"diary\", \"program\"]"});
      request.scope_names = {"all"};  // told above; the other members are still checked
    } else {
      for (const auto& n : scope) request.scope_names.push_back(n.get<std::string>());
    }
  }
  if (body->contains("until") && !(*body)["until"].is_null()) {
    const Json& until = (*body)["until"];
    const auto day = until.is_string() ? parse_date(until.get<std::string>()) : std::nullopt;
    if (!day) {
      const std::string sent = until.is_string() ? until.get<std::string>() : until.dump();
      errors.push_back({"until", sent, date_rule(sent, "a date as YYYY-MM-DD, or null for no end")});
    } else {
      request.until = day;
    }
  }
  const LocalDate today = api.zone(s.user.time_zone).date_of(api.now());
  const auto g = grant_access(api.store(), s.user.id, request, today, api.now(), std::move(errors));
  if (!g) return http::problem_for(g.error());
  auto tx = api.store().read();
  return http::json_response(201, grant_json(*tx, *g, today));
}

Response revoke_grant(const ApiContext& api, const Request& req, const PathParams& p) {
  const Session s = signed_in(api, req);
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not a grant's number", {id.error()}, true);
  const auto revoked = revoke_access(api.store(), s.user.id, GrantId{*id}, api.now());
  if (!revoked) return http::problem_for(revoked.error());
  Response r;
  r.status = 204;
  return r;
}

Response clinicians(const ApiContext& api, const Request& req) {
  (void)signed_in(api, req);
  auto tx = api.store().read();
  Json out = Json::array();
  for (const Account& a : tx->accounts()) {
    if (a.role != Role::clinician || a.disabled_at) continue;
    out.push_back(who_json(*tx, a.user));
  }
  return http::json_response(200, Json{{"clinicians", out}});
}

Response access_log(const ApiContext& api, const Request& req) {
  const Session s = signed_in(api, req);
  auto tx = api.store().read();
  Json out = Json::array();
  for (const AuditEvent& e : tx->audit_events(s.user.id, 200)) {
    out.push_back(Json{{"at", format_utc(e.at)},
                       {"who", who_json(*tx, e.actor)},
                       {"action", e.action},
                       {"what", e.what},
                       // refused: not theirs to see; failed: let in, but the request itself went wrong
                       {"outcome", e.status == 401 || e.status == 403 ? "refused"
                                   : e.status < 400                   ? "allowed"
                                                                      : "failed"},
                       {"status", e.status},
                       {"source", e.source}});
  }
  return http::json_response(200, Json{{"events", out}});
}

// The people who share with a clinician, those needing attention first.
Response people(const ApiContext& api, const Request& req) {
  const Session s = signed_in(api, req);
  if (s.account.role != Role::clinician) return not_for_role("only a clinician has people who share with them");
  struct Row {
    Json json;
    int weight = 0;
  };
  // One read for whom, then each person's own reads (the store has one
  // reader at a time: no read may open inside another).
  struct Sharer {
    std::vector<Grant> grants;
    User user;
    std::optional<std::string> login;
  };
  std::vector<Sharer> sharers;
  {
    auto tx = api.store().read();
    for (Grant& g : tx->grants_to(s.user.id)) {
      // A person who shares by several grants is one row: what they share
      // is what any of their grants covers.
      const auto same =
          std::find_if(sharers.begin(), sharers.end(), [&](const Sharer& sh) { return sh.user.id == g.person; });
      if (same != sharers.end()) {
        same->grants.push_back(std::move(g));
        continue;
      }
      auto user = tx->find_user(g.person);
      if (!user) continue;
      const auto account = tx->find_account(g.person);
      sharers.push_back({{std::move(g)}, std::move(*user), account ? std::optional(account->login) : std::nullopt});
    }
  }
  std::vector<Row> rows;
  for (Sharer& sh : sharers) {
    const TimeZone& zone = api.zone(sh.user.time_zone);
    const LocalDate today = zone.date_of(api.now());
    std::erase_if(sh.grants, [&](const Grant& g) { return !g.active(today); });
    if (sh.grants.empty()) continue;
    const UserId person = sh.user.id;
    const auto covers = [&](Scope scope) {
      return std::any_of(sh.grants.begin(), sh.grants.end(), [&](const Grant& g) { return g.covers(scope, today); });
    };
    Json attention = Json::array();
    int weight = 0;
    if (covers(Scope::safety)) {
      for (const auto& why : gate_reasons(safety_gate(api.store(), person, api.now()), zone, sh.user.name)) {
        attention.push_back(Json{{"kind", "safety"}, {"words", why}});
        weight += 100;
      }
    }
    if (covers(Scope::program)) {
      const auto o =
          progress_overview(api.store(), person,
                            progression_context(api.store(), person, api.content(), api.progression(), zone, api.now()),
                            api.now(), std::nullopt, 1);
      if (o && o->flare_offer) {
        attention.push_back(
            Json{{"kind", "flare"}, {"words", "A flare today: the gentle flare-day routine is offered"}});
        weight += 50;
      }
      if (o && o->proposal) {
        attention.push_back(Json{{"kind", "stage-waiting"}, {"words", "A change of stage waits for their word"}});
        weight += 20;
      }
    }
    std::optional<LocalDate> last_morning;
    if (covers(Scope::diary)) {
      last_morning = last_morning_of(*api.store().read(), person, today);
      if (!last_morning ||
          std::chrono::sys_days{today} - std::chrono::sys_days{*last_morning} >= std::chrono::days{7}) {
        attention.push_back(Json{{"kind", "not-logged"}, {"words", "No morning logged for a week or more"}});
        weight += 10;
      }
    }
    rows.push_back({Json{{"id", person.value},
                         {"name", sh.user.name},
                         {"login", sh.login ? Json(*sh.login) : Json(nullptr)},
                         {"scope", shared_scopes_json(sh.grants)},
                         {"until", shared_until_json(sh.grants)},
                         {"grants", grants_shared_json(sh.grants)},
                         {"attention", attention},
                         {"last_morning", last_morning ? Json(format_date(*last_morning)) : Json(nullptr)}},
                    weight});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.weight > b.weight; });
  // Each row tells of a person's data (what needs attention, the last
  // morning): one record for each person shown, written before the answer
  // leaves (a failure here is a 500: nothing is given out unrecorded).
  {
    auto tx = api.store().write();
    for (const Row& r : rows) {
      (void)tx->add_audit_event(AuditEvent{AuditId{}, api.now(), s.user.id, UserId{r.json.at("id").get<std::int64_t>()},
                                           "read", "GET /api/people", source_of(req), 200});
    }
    tx->commit();
  }
  Json out = Json::array();
  for (auto& r : rows) out.push_back(std::move(r.json));
  return http::json_response(200, Json{{"people", out}});
}

}  // namespace

void add_account_routes(http::Router& router, const ApiContext& api) {
  router.set_guard([&api](const Request& r, std::string_view pattern) { return guard(api, r, pattern); });
  const http::RouteOptions json{.accepts = {http::kJson}};
  router.add(Method::get, "/api/account", [&api](const Request& r, const PathParams&) { return account(api, r); });
  router.add(
      Method::post, "/api/sign-in", [&api](const Request& r, const PathParams&) { return sign_in_route(api, r); },
      json);
  router.add(Method::post, "/api/sign-out",
             [&api](const Request& r, const PathParams&) { return sign_out_route(api, r); });
  router.add(
      Method::post, "/api/account/password",
      [&api](const Request& r, const PathParams&) { return password_route(api, r); }, json);
  router.add(
      Method::post, "/api/invitations/accept",
      [&api](const Request& r, const PathParams&) { return accept_route(api, r); }, json);
  router.add(Method::get, "/api/grants", [&api](const Request& r, const PathParams&) { return grants(api, r); });
  router.add(Method::get, "/api/grants.fhir.json",
             [&api](const Request& r, const PathParams&) { return consents(api, r); });
  router.add(
      Method::post, "/api/grants", [&api](const Request& r, const PathParams&) { return add_grant(api, r); }, json);
  router.add(Method::del, "/api/grants/{id}",
             [&api](const Request& r, const PathParams& p) { return revoke_grant(api, r, p); });
  router.add(Method::get, "/api/clinicians",
             [&api](const Request& r, const PathParams&) { return clinicians(api, r); });
  router.add(Method::get, "/api/access-log",
             [&api](const Request& r, const PathParams&) { return access_log(api, r); });
  router.add(Method::get, "/api/people", [&api](const Request& r, const PathParams&) { return people(api, r); });
}

std::vector<std::string> routes_without_a_rule(const http::Router& router) {
  std::vector<std::string> out;
  for (const auto& r : router.routes()) {
    if (rule_for(r.method, r.pattern) == nullptr) {
      out.push_back(fmt::format("{} {}", http::method_name(r.method), r.pattern));
    }
  }
  return out;
}

}  // namespace daybreak
