// Pairing a phone over the home network (issue 17, part 2): codes made on the
// computer, used once, within minutes, with few tries; device tokens that open
// the API and close when revoked; and a generated matrix: no route answers the
// home network without a live token, whatever the route.
#include <algorithm>
#include <regex>

#include "api_fixture.hpp"

namespace daybreak::testing {
namespace {

using http::Method;
using Json = nlohmann::ordered_json;

class PairingApi : public ApiTest {
 protected:
  // A request as it arrives on the home-network listener.
  // `token`: the daybreak_device cookie ("": none); `host` and `origin`: the headers.
  http::Response lan(Method method, const std::string& path, const std::string& body = "",
                     const std::string& token = "", const std::string& host = "10.77.0.1:8765",
                     const std::string& origin = "") {
    http::Request r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.lan = true;
    const std::string cookie = "theme=dark; daybreak_device=" + token;
    r.headers.emplace_back("Host", host);
    if (!token.empty()) r.headers.emplace_back("Cookie", cookie);
    if (!origin.empty()) r.headers.emplace_back("Origin", origin);
    if (!body.empty()) r.headers.emplace_back("Content-Type", "application/json");
    if (auto refused = router_.admit(r, body.size()).reject) return std::move(*refused);
    return router_.handle(r);
  }

  // A new code, asked for on the computer (loopback, a real connection).
  std::string open_code() {
    const auto reply = post("/api/pairing", "{}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.json()["code"].get<std::string>();
  }

  http::Response pair(const std::string& code, const std::string& name = "Anna's phone") {
    return lan(Method::post, "/api/pair", Json{{"code", code}, {"name", name}}.dump());
  }

  // Pairs a device and returns its token, read from the Set-Cookie header.
  std::string paired_token() {
    const auto r = pair(open_code());
    EXPECT_EQ(r.status, 201) << r.body;
    for (const auto& [name, value] : r.headers) {
      std::smatch m;
      if (name == "Set-Cookie" && std::regex_search(value, m, std::regex("daybreak_device=([0-9a-f]{64})"))) {
        return m[1];
      }
    }
    ADD_FAILURE() << "no device cookie was set";
    return {};
  }

  std::size_t devices() { return store_.read()->devices(user_.id).size(); }
};

Json body_of(const http::Response& r) { return Json::parse(r.body); }

TEST_F(PairingApi, ACodeFromTheComputerPairsAPhoneOnceAndItsTokenOpensTheApi) {
  const auto reply = post("/api/pairing", "{}");
  ASSERT_EQ(reply.status, 201) << reply.body;
  const Json made = reply.json();
  const std::string code = made["code"];
  EXPECT_TRUE(std::regex_match(code, std::regex("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))) << code;
  EXPECT_EQ(made["url"], "http://10.77.0.1:8765/pair#code=" + code);
  EXPECT_EQ(made["address"], "http://10.77.0.1:8765/pair");
  EXPECT_EQ(made["expires_at"], format_utc(fixed_now() + kPairingCodeLifetime));
  EXPECT_EQ(made["valid_seconds"], 300);
  EXPECT_EQ(made["qr_svg"].get<std::string>().rfind("<svg", 0), 0U);

  // Typed on a phone, in lower case and without the dash.
  std::string typed = code;
  typed.erase(4, 1);
  for (auto& ch : typed) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  const auto paired = pair(typed);
  ASSERT_EQ(paired.status, 201) << paired.body;
  EXPECT_EQ(body_of(paired)["name"], "Anna's phone");
  EXPECT_TRUE(body_of(paired)["this_device"].get<bool>());
  std::string cookie;
  for (const auto& [name, value] : paired.headers) {
    if (name == "Set-Cookie") cookie = value;
  }
  EXPECT_TRUE(std::regex_search(cookie, std::regex("^daybreak_device=[0-9a-f]{64}; Path=/; Max-Age=\\d+; HttpOnly; "
                                                   "SameSite=Strict$")))
      << cookie;
  ASSERT_EQ(devices(), 1U);

  const std::string token = cookie.substr(16, 64);
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 200);
  const auto listed = body_of(lan(Method::get, "/api/devices", "", token));
  EXPECT_TRUE(listed["devices"][0]["this_device"].get<bool>());
  EXPECT_FALSE(listed["can_pair"].get<bool>());  // a phone does not make codes
  EXPECT_TRUE(get("/api/devices").json()["can_pair"].get<bool>());

  const auto again = pair(code, "Someone else");
  EXPECT_EQ(again.status, 410) << again.body;
  EXPECT_EQ(body_of(again)["type"], "tag:daybreak,2026:no-pairing-code");
  EXPECT_EQ(devices(), 1U);
}

TEST_F(PairingApi, AnExpiredCodeIsRefusedAndPairsNothing) {
  const std::string code = open_code();
  clock_.advance(kPairingCodeLifetime);
  const auto r = pair(code);
  EXPECT_EQ(r.status, 410) << r.body;
  EXPECT_EQ(body_of(r)["type"], "tag:daybreak,2026:pairing-code-expired");
  EXPECT_EQ(devices(), 0U);
}

TEST_F(PairingApi, WrongCodesAreCountedAndTheFifthVoidsTheCode) {
  const std::string code = open_code();
  for (int left = kPairingAttempts - 1; left > 0; --left) {
    const auto r = pair("ZZZZ-ZZZZ");
    ASSERT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(body_of(r)["attempts_left"], left);
    EXPECT_EQ(body_of(r)["errors"][0]["field"], "code");
  }
  const auto last = pair("ZZZZ-ZZZZ");
  EXPECT_EQ(last.status, 429) << last.body;
  EXPECT_EQ(pair(code).status, 410);  // the right code, too late
  EXPECT_EQ(devices(), 0U);
}

TEST_F(PairingApi, ABadNameIsRefusedWithoutSpendingTheCode) {
  const std::string code = open_code();
  const auto r = pair(code, std::string(61, 'x'));
  ASSERT_EQ(r.status, 422) << r.body;  // a value not allowed, as everywhere (400: not JSON at all)
  EXPECT_EQ(body_of(r)["errors"][0]["field"], "name");
  const auto missing = lan(Method::post, "/api/pair", R"({"name": "Phone"})");
  ASSERT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(body_of(missing)["errors"][0]["field"], "code");
  EXPECT_EQ(pair(code).status, 201);
}

TEST_F(PairingApi, ANewCodeReplacesTheOpenOne) {
  const std::string first = open_code();
  const std::string second = open_code();
  EXPECT_EQ(pair(first).status, first == second ? 201 : 403);
  EXPECT_EQ(pair(second).status, 201);
}

TEST_F(PairingApi, RevokingADeviceClosesItsTokenAndKeepsItListed) {
  const std::string token = paired_token();
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 200);  // the token is now known to the gate
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 200);
  const auto id = get("/api/devices").json()["devices"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(del("/api/devices/" + std::to_string(id)).status, 204);
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 401);
  const auto listed = get("/api/devices").json();
  EXPECT_FALSE(listed["devices"][0]["revoked_at"].is_null());
  EXPECT_EQ(del("/api/devices/99").status, 404);
}

// A revocation by another process (`daybreak devices --revoke` while serve
// runs) closes a token the gate already knows.
TEST_F(PairingApi, ARevocationFromAnotherProcessClosesAKnownToken) {
  const std::string token = paired_token();
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 200);
  {
    SqliteStore other(SqliteOptions{dir_ / "daybreak.db"});
    const DeviceId id = other.read()->devices(user_.id).at(0).id;  // the read ends here, before the write
    ASSERT_TRUE(revoke_device(other, user_.id, id, fixed_now()));
  }
  EXPECT_EQ(lan(Method::get, "/api/today", "", token).status, 401);
}

TEST_F(PairingApi, APairedPhoneCanRevokeItselfButNotMakeCodes) {
  const std::string token = paired_token();
  const auto r = lan(Method::post, "/api/pairing", "{}", token);
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(body_of(r)["type"], "tag:daybreak,2026:pair-on-the-computer");
  const auto id = get("/api/devices").json()["devices"][0]["id"].get<std::int64_t>();
  EXPECT_EQ(lan(Method::del, "/api/devices/" + std::to_string(id), "", token).status, 204);
  EXPECT_EQ(lan(Method::get, "/api/devices", "", token).status, 401);
}

// Every route of the API and the web app, asked over the home network: without
// a live token only the pairing page and POST /api/pair answer; with one, a
// foreign Host or Origin is still refused.
TEST_F(PairingApi, EveryRouteRefusesTheHomeNetworkWithoutALiveToken) {
  const std::string live = paired_token();
  const std::string revoked = paired_token();
  const auto id = get("/api/devices").json()["devices"][1]["id"].get<std::int64_t>();
  ASSERT_EQ(del("/api/devices/" + std::to_string(id)).status, 204);

  std::vector<http::RouteInfo> routes = router_.routes();
  routes.push_back({Method::get, "/", {}});
  routes.push_back({Method::get, "/today", {}});
  routes.push_back({Method::get, "/assets/app.js", {}});
  // Deletions last: DELETE /api/devices/1 with the live token revokes it.
  std::stable_partition(routes.begin(), routes.end(), [](const auto& r) { return r.pattern != "/api/devices/{id}"; });
  int checked = 0;
  for (const auto& route : routes) {
    std::string path = std::regex_replace(route.pattern, std::regex("\\{[a-z_]+\\}"), "1");
    const std::string body = route.method == Method::get || route.method == Method::del ? "" : "{}";
    const std::string what = fmt::format("{} {}", http::method_name(route.method), path);
    for (const std::string& token : {std::string(), std::string(64, 'f'), revoked}) {
      const auto r = lan(route.method, path, body, token);
      if (route.pattern == "/api/pair") {
        EXPECT_NE(r.status, 401) << what;  // the one way in; its body is checked
        continue;
      }
      if (path.rfind("/api", 0) == 0) {
        EXPECT_EQ(r.status, 401) << what << " with token '" << token << "': " << r.body;
      } else {
        EXPECT_EQ(r.status, 303) << what;
      }
      ++checked;
    }
    const auto foreign_host = lan(route.method, path, body, live, "192.168.9.9:8765");
    EXPECT_EQ(foreign_host.status, 403) << what;
    const auto foreign_origin = lan(route.method, path, body, live, "10.77.0.1:8765", "http://evil.example");
    EXPECT_EQ(foreign_origin.status, 403) << what;
    const auto with_token = lan(route.method, path, body, live);
    EXPECT_NE(with_token.status, 401) << what << with_token.body;
  }
  EXPECT_GT(checked, 150);
  EXPECT_EQ(lan(Method::get, "/pair").status, 200);
}

TEST_F(PairingApi, TheHomeNetworkIsRefusedUntilItIsOpened) {
  // Nothing opened yet: the gate knows no home address, so every request is refused.
  const auto r = lan(Method::get, "/pair");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(body_of(r)["type"], "tag:daybreak,2026:host-not-allowed");
}

}  // namespace
}  // namespace daybreak::testing
