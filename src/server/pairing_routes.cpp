// daybreak on the phone: the home-network gate, pairing and paired devices.
//
// `daybreak serve` listens on this computer (loopback), and on the home
// network only once the person asked for pairing (`serve --pair`, or "Pair a
// phone" in More) or has paired a device. A request over the home network
// gets nothing but the pairing page and POST /api/pair until it carries a
// paired device's token (the daybreak_device cookie); a new code is made only
// on the computer. See docs/security.md.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/devices.hpp"
#include "server/home_network.hpp"
#include "server/qr.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

// What the home network may fetch before pairing: the pairing page and what it needs.
bool open_before_pairing(const Request& r, std::string_view pattern) {
  if (pattern == "/api/pair") return true;
  if (r.method != Method::get && r.method != Method::head) return false;
  return r.path == "/pair" || r.path == "/pair.js" || r.path == "/pair.css" || r.path == "/icon.svg";
}

bool is_api(std::string_view path) { return path.substr(0, 5) == "/api/" || path == "/api"; }

// The token of the device asking, checked: its device, or nullopt. A token
// already checked at the store's present version is not read again, unless
// it is time to note when the device was last seen.
std::optional<Device> asking_device(const ApiContext& api, const Request& r) {
  const std::string_view token = r.cookie(kDeviceCookie);
  if (token.empty()) return std::nullopt;
  HomeNetwork* home = api.home();
  const Instant now = api.now();
  if (home != nullptr) {
    if (auto d = home->known(token, api.store().version());
        d && d->last_seen_at && now - *d->last_seen_at < kDeviceSeenEvery) {
      return d;
    }
  }
  auto device = device_for_token(api.store(), token, now);
  if (device && home != nullptr) home->remember(token, *device, api.store().version());
  return device;
}

std::optional<Response> lan_gate(const ApiContext& api, const Request& r, std::string_view pattern) {
  HomeNetwork* home = api.home();
  const auto host = home != nullptr ? home->host() : std::nullopt;
  const std::string_view asked = r.header("Host");
  if (!host || asked != *host) {
    return http::problem(403, "host-not-allowed", "This address is not daybreak's",
                         fmt::format("daybreak answers on the home network at {}, not '{}'",
                                     host ? *host : std::string("no address"), asked));
  }
  // A page from another site may not use daybreak (its origin is named by browsers).
  const std::string_view origin = r.header("Origin");
  if (!origin.empty() && origin != "http://" + *host) {
    return http::problem(403, "origin-not-allowed", "Requests from other sites are refused",
                         fmt::format("a page from '{}' may not use daybreak", origin));
  }
  if (open_before_pairing(r, pattern)) return std::nullopt;
  if (!asking_device(api, r)) {
    if (!is_api(r.path) && (r.method == Method::get || r.method == Method::head)) {
      Response to_pairing;
      to_pairing.status = 303;
      return to_pairing.with_header("Location", "/pair");
    }
    // 401 names how to authenticate (RFC 9110): a paired device's cookie.
    return http::problem(401, "device-not-paired", "This device is not paired",
                         fmt::format("pair it first: open http://{}/pair and type the code the computer shows "
                                     "(More > Paired devices, or `daybreak serve --pair`)",
                                     *host))
        .with_header("WWW-Authenticate", fmt::format("Cookie realm=\"daybreak\", cookie-name={}", kDeviceCookie));
  }
  if (pattern == "/api/pairing") {
    return http::problem(403, "pair-on-the-computer", "New devices are paired from the computer",
                         "open daybreak on the computer it runs on to pair another device");
  }
  return std::nullopt;
}

Json device_json(const Device& d, std::optional<DeviceId> asking) {
  Json j{{"id", d.id.value},
         {"name", d.name},
         {"created_at", format_utc(d.created_at)},
         {"last_seen_at", d.last_seen_at ? Json(format_utc(*d.last_seen_at)) : Json(nullptr)},
         {"revoked_at", d.revoked_at ? Json(format_utc(*d.revoked_at)) : Json(nullptr)},
         {"this_device", asking && *asking == d.id}};
  return j;
}

Response open_pairing(const ApiContext& api, const Request& req) {
  HomeNetwork* home = api.home();
  std::string host;
  try {
    if (home == nullptr) throw std::runtime_error("this daybreak listens on this computer only");
    host = home->open();
  } catch (const std::exception& e) {
    return http::problem(409, "home-network-unavailable", "daybreak cannot open to your home network",
                         fmt::format("{}; start it with `daybreak serve --pair --lan-address ADDRESS`, naming this "
                                     "computer's address on your home network",
                                     e.what()));
  }
  (void)api.user(req);  // the person must exist
  const PairingCode code = home->desk().open(api.now());
  const std::string address = fmt::format("http://{}/pair", host);
  const std::string url = fmt::format("{}#code={}", address, code.code);
  return http::json_response(201, Json{{"code", code.code},
                                       {"expires_at", format_utc(code.expires_at)},
                                       {"valid_seconds", (code.expires_at - api.now()).count()},
                                       {"url", url},
                                       {"address", address},
                                       {"qr_svg", qr_svg(url)}});
}

Response pair_device(const ApiContext& api, const Request& req) {
  auto body = http::json_object_body(req);
  if (!body) return std::move(body).error();
  FieldErrors errors;
  http::reject_unknown_members(*body, {"code", "name"}, errors);
  const auto code = http::string_member(*body, "code", errors, "the code shown on the computer, such as K7QM-2XHD");
  const auto name = http::string_member(*body, "name", errors, "a name for this device, such as \"Anna's phone\"");
  if (!code && errors.empty()) errors.push_back({"code", "", "the code shown on the computer, such as K7QM-2XHD"});
  if (!name && errors.empty()) errors.push_back({"name", "", "a name for this device, such as \"Anna's phone\""});
  if (name) {
    if (auto bad = check_device_name(*name)) errors.insert(errors.end(), bad->fields.begin(), bad->fields.end());
  }
  if (!errors.empty()) return http::invalid_fields("the pairing was not made", errors);

  HomeNetwork* home = api.home();
  if (home == nullptr) {
    return http::problem(410, "no-pairing-code", "No pairing code is open",
                         "make one on the computer: More > Paired devices > Pair a phone");
  }
  const User user = api.user(req);
  const PairingAttempt attempt = home->desk().redeem(*code, api.now());
  switch (attempt.verdict) {
    case PairingVerdict::accepted:
      break;
    case PairingVerdict::wrong:
      return http::problem(
          403, "pairing-code-wrong", "That is not the code on the computer",
          fmt::format("check the code on the computer and type it again ({} more {} before it stops working)",
                      attempt.attempts_left, attempt.attempts_left == 1 ? "try" : "tries"),
          Json{{"errors", http::field_errors_json({{"code", *code, "the code shown on the computer"}})},
               {"attempts_left", attempt.attempts_left}});
    case PairingVerdict::expired:
      return http::problem(410, "pairing-code-expired", "The code has expired",
                           fmt::format("a code works for {} minutes; make a new one on the computer (More > Paired "
                                       "devices > Pair a phone)",
                                       kPairingCodeLifetime.count()));
    case PairingVerdict::exhausted:
      return http::problem(429, "pairing-attempts-exhausted", "Too many wrong codes",
                           "the code stopped working after too many wrong tries; make a new one on the computer");
    case PairingVerdict::none:
      return http::problem(410, "no-pairing-code", "No pairing code is open",
                           "each code works once; make a new one on the computer (More > Paired devices > Pair a "
                           "phone)");
  }
  const auto paired = add_paired_device(api.store(), user.id, *name, api.now());
  if (!paired) return http::problem_for(paired.error(), true);
  Response r = http::json_response(201, device_json(paired->device, paired->device.id));
  // Browsers keep a cookie at most 400 days; each visit does not renew it, so
  // a phone pairs again after that. HttpOnly: no script reads it; SameSite:
  // no other site's page sends it. Not Secure: the home network is plain HTTP
  // (docs/security.md).
  return r.with_header("Set-Cookie", fmt::format("{}={}; Path=/; Max-Age=34560000; HttpOnly; SameSite=Strict",
                                                 kDeviceCookie, paired->token));
}

Response devices(const ApiContext& api, const Request& req) {
  const Caller c = api.caller(req);
  std::optional<DeviceId> asking;
  if (req.lan) {
    if (const auto d = asking_device(api, req)) asking = d->id;
  }
  Json devices = Json::array();
  for (const auto& d : list_devices(api.store(), c.user.id)) devices.push_back(device_json(d, asking));
  return http::json_response(200, Json{{"devices", devices}, {"can_pair", !req.lan && api.home() != nullptr}});
}

Response revoke_one(const ApiContext& api, const Request& req, const PathParams& p) {
  const auto id = http::id_param("id", p.get("id"));
  if (!id) return http::invalid_fields("that is not a device number", {id.error()}, true);
  const Caller c = api.caller(req);
  const auto revoked = revoke_device(api.store(), c.user.id, DeviceId{*id}, c.now);
  if (!revoked) return http::problem_for(revoked.error());
  Response r;
  r.status = 204;
  return r;
}

}  // namespace

void add_pairing_routes(http::Router& router, const ApiContext& api) {
  router.set_lan_gate([&api](const Request& r, std::string_view pattern) { return lan_gate(api, r, pattern); });
  router.add(
      Method::post, "/api/pairing", [&api](const Request& r, const PathParams&) { return open_pairing(api, r); },
      http::RouteOptions{{http::kJson}});
  router.add(
      Method::post, "/api/pair", [&api](const Request& r, const PathParams&) { return pair_device(api, r); },
      http::RouteOptions{{http::kJson}});
  router.add(Method::get, "/api/devices", [&api](const Request& r, const PathParams&) { return devices(api, r); });
  router.add(Method::del, "/api/devices/{id}",
             [&api](const Request& r, const PathParams& p) { return revoke_one(api, r, p); });
}

}  // namespace daybreak
