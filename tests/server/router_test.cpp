// The router on its own, without sockets: matching, parameters, admission.
#include "server/router.hpp"

#include <gtest/gtest.h>

namespace daybreak::http {
namespace {

Request request(Method m, std::string_view path, std::string_view host = "127.0.0.1:8765") {
  Request r;
  r.method = m;
  r.path = path;
  r.headers = {{"Host", host}};
  return r;
}

Handler echo(std::string text) {
  return [text](const Request&, const PathParams& p) {
    Response r;
    r.body = text;
    try {
      r.body += ":" + p.get("id");
    } catch (const std::logic_error&) {
    }
    return r;
  };
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router router;
  router.add(Method::get, "/api/entries", echo("list"));
  router.add(Method::get, "/api/entries/{id}", echo("one"));
  router.add(Method::get, "/api/entries/{id}/revisions", echo("revisions"));
  EXPECT_EQ(router.handle(request(Method::get, "/api/entries")).body, "list");
  EXPECT_EQ(router.handle(request(Method::get, "/api/entries/12")).body, "one:12");
  EXPECT_EQ(router.handle(request(Method::get, "/api/entries/a%20b/revisions")).body, "revisions:a b");
  EXPECT_EQ(router.handle(request(Method::head, "/api/entries/3")).body, "one:3");
  EXPECT_EQ(router.handle(request(Method::get, "/api/entries/")).status, 404);  // an empty id is no id
  EXPECT_EQ(router.handle(request(Method::get, "/api/entries/1/2")).status, 404);
}

TEST(Router, ListsItsRoutes) {
  Router router;
  router.add(Method::get, "/api/a", echo(""));
  router.add(Method::post, "/api/a", echo(""), {{"application/json"}});
  const auto routes = router.routes();
  ASSERT_EQ(routes.size(), 2U);
  EXPECT_EQ(routes[1].method, Method::post);
  EXPECT_EQ(routes[1].pattern, "/api/a");
}

TEST(Router, AdmitsBodiesByRouteAndType) {
  Router router;
  router.add(Method::post, "/api/json", echo(""), {{"application/json"}, 100});
  router.add(Method::post, "/api/empty", echo(""));
  Request r = request(Method::post, "/api/json");
  r.headers.emplace_back("Content-Type", "application/json; charset=utf-8");
  EXPECT_EQ(router.admit(r, 50).body_limit, 100U);
  EXPECT_EQ(router.admit(r, 101).reject->status, 413);
  Request text = request(Method::post, "/api/json");
  text.headers.emplace_back("Content-Type", "text/plain");
  EXPECT_EQ(router.admit(text, 5).reject->status, 415);
  const Request empty = request(Method::post, "/api/empty");
  EXPECT_FALSE(router.admit(empty, 0).reject);
  EXPECT_EQ(router.admit(empty, 0).body_limit, 0U);
  EXPECT_EQ(router.admit(empty, 3).reject->status, 413);
}

TEST(Router, TheFallbackServesOnlyGetsOutsideTheApi) {
  Router router;
  router.set_fallback(echo("app"));
  EXPECT_EQ(router.handle(request(Method::get, "/see")).body, "app");
  EXPECT_EQ(router.handle(request(Method::get, "/api/unknown")).status, 404);
  EXPECT_EQ(router.handle(request(Method::post, "/see")).status, 404);
}

TEST(Router, KnowsWhichHostsAreThisComputer) {
  EXPECT_TRUE(is_loopback_host("127.0.0.1:8765"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_TRUE(is_loopback_host("[::1]:80"));
  EXPECT_FALSE(is_loopback_host("127.0.0.1.attacker.example"));
  EXPECT_FALSE(is_loopback_host("localhost:80x"));
  EXPECT_FALSE(is_loopback_host("localhost:"));
  EXPECT_FALSE(is_loopback_host(""));
  EXPECT_FALSE(is_loopback_host("attacker.example:8765"));
}

TEST(HttpRequest, DecodesQueriesAndEscapes) {
  Request r;
  r.query = "from=2026-11-01&note=a+b%2Cc&flag&bad=%zz";
  EXPECT_EQ(r.param("from"), "2026-11-01");
  EXPECT_EQ(r.param("note"), "a b,c");
  EXPECT_EQ(r.param("flag"), "");
  EXPECT_EQ(r.param("bad"), std::nullopt);
  EXPECT_EQ(r.param("missing"), std::nullopt);
  EXPECT_EQ(percent_decode("%41%42", false), "AB");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
  EXPECT_EQ(percent_decode("%4", false), std::nullopt);
  EXPECT_EQ(percent_decode("%00", false), std::nullopt);
  r.headers = {{"content-TYPE", "Application/JSON ; charset=utf-8"}};
  EXPECT_EQ(r.media_type(), "application/json");
}

}  // namespace
}  // namespace daybreak::http
