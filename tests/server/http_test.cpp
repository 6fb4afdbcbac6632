// The server as HTTP: keep-alive, limits, timeouts, content types, methods,
// who may call it, the web app's files, and failures that never leak.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include <fmt/format.h>

#include "api_fixture.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class Http : public ApiTest {
 protected:
  void add_test_routes(http::Router& router) override {
    router.add(http::Method::get, "/api/test/boom",
               [](const http::Request&, const http::PathParams&) -> http::Response {
                 throw std::runtime_error("secret detail: /home/someone/.local/share/daybreak/daybreak.db");
               });
    router.add(http::Method::get, "/api/test/busy",
               [](const http::Request&, const http::PathParams&) -> http::Response {
                 throw StoreError(StoreError::Kind::busy, "database is locked: /home/someone/daybreak.db");
               });
    router.add(http::Method::get, "/api/test/full",
               [](const http::Request&, const http::PathParams&) -> http::Response {
                 throw StoreError(StoreError::Kind::full, "disk full writing /home/someone/daybreak.db");
               });
  }
};

TEST_F(Http, OneConnectionServesManyRequests) {
  HttpConnection c(port_);
  for (int i = 0; i < 20; ++i) {
    const auto r = c.request("GET", "/api/health");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.header("connection"), "");  // HTTP/1.1 keeps the connection by default
  }
  const auto last = c.request("GET", "/api/health", {}, {}, "Connection: close\r\n");
  EXPECT_EQ(last.header("connection"), "close");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(Http, EveryResponseCarriesTheSafetyHeaders) {
  const auto r = get("/api/health");
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
  EXPECT_EQ(r.header("referrer-policy"), "no-referrer");
  EXPECT_FALSE(r.header("date").empty());
  EXPECT_EQ(r.header("server"), "");  // nothing said about what runs here
}

TEST_F(Http, AnAnswerCarriesItsRequestsIdBackAndNothingElse) {
  HttpConnection c(port_);
  EXPECT_EQ(c.request("GET", "/api/health", {}, {}, "X-Request-Id: p17-42\r\n").header("x-request-id"), "p17-42");
  // Not a well-formed id (a space, too long): not echoed, the request still answered.
  const auto odd = c.request("GET", "/api/health", {}, {}, "X-Request-Id: a b\r\n");
  EXPECT_EQ(odd.status, 200);
  EXPECT_EQ(odd.header("x-request-id"), "");
  EXPECT_EQ(
      c.request("GET", "/api/health", {}, {}, "X-Request-Id: " + std::string(65, 'a') + "\r\n").header("x-request-id"),
      "");
  EXPECT_EQ(c.request("GET", "/api/health").header("x-request-id"), "");
}

TEST_F(Http, UnknownPathsAreProblems) {
  const auto r = get("/api/nothing-here");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.json()["title"], "Not Found");
  EXPECT_EQ(r.json()["type"], "about:blank");
  EXPECT_EQ(get("/api").status, 404);
}

TEST_F(Http, AWrongMethodNamesTheAllowedOnes) {
  const auto r = del("/api/today");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("allow"), "GET, HEAD");
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  const auto entries = http(port_, "PUT", "/api/entries", "{}");
  EXPECT_EQ(entries.status, 405);
  EXPECT_EQ(entries.header("allow"), "GET, POST, HEAD");
}

TEST_F(Http, HeadAnswersLikeGetWithoutTheBody) {
  HttpConnection c(port_);
  const auto r = c.request("HEAD", "/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-length"), std::to_string(get("/api/health").body.size()));
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(c.request("GET", "/api/health").status, 200);  // the connection is still in step
}

TEST_F(Http, ABodyOverTheLimitIsRefusedBeforeItIsRead) {
  HttpConnection c(port_);
  c.send_raw(
      fmt::format("POST /api/entries HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n"
                  "Content-Length: 10000000\r\n\r\n{{",
                  port_));
  const auto r = c.read_reply();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->json()["detail"], "the body may hold at most 65536 bytes");
  EXPECT_TRUE(c.closed_by_peer());
  EXPECT_EQ(stored_entries(), 0U);
}

TEST_F(Http, AChunkedBodyOverTheLimitIsCutOff) {
  HttpConnection c(port_);
  c.send_raw(
      fmt::format("POST /api/entries HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n",
                  port_));
  const std::string chunk(32 * 1024, ' ');
  for (int i = 0; i < 3; ++i) c.send_raw(fmt::format("{:x}\r\n{}\r\n", chunk.size(), chunk));
  const auto r = c.read_reply();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(Http, ABodyWhereNoneBelongsIsRefused) {
  const auto r = http(port_, "GET", "/api/today", "{\"a\": 1}");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()["detail"], "this request takes no body");
}

TEST_F(Http, ExpectContinueIsAnswered) {
  HttpConnection c(port_);
  const std::string body = R"({"period": "morning", "fields": {"pain": 4}})";
  c.send_raw(
      fmt::format("POST /api/entries HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n"
                  "Content-Length: {}\r\nExpect: 100-continue\r\n\r\n",
                  port_, body.size()));
  const auto go_on = c.read_reply();
  ASSERT_TRUE(go_on);
  EXPECT_EQ(go_on->status, 100);
  c.send_raw(body);
  const auto r = c.read_reply();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
}

TEST_F(Http, HugeHeadersAndBrokenRequestsAreRefused) {
  {
    HttpConnection c(port_);
    c.send_raw(fmt::format("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Big: {}\r\n\r\n", port_,
                           std::string(20000, 'x')));
    const auto r = c.read_reply();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 431);
  }
  {
    HttpConnection c(port_);
    c.send_raw("THIS IS NOT HTTP\r\n\r\n");
    const auto r = c.read_reply();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
  }
}

TEST_F(Http, OnlyRequestsAddressedToThisComputerAreAnswered) {
  HttpConnection c(port_);
  c.send_raw("GET /api/today HTTP/1.1\r\nHost: attacker.example\r\n\r\n");
  const auto r = c.read_reply();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(r->json()["type"], "tag:daybreak,2026:host-not-allowed");
  for (const std::string host : {"localhost:8765", "[::1]:8765", "127.0.0.1"}) {
    HttpConnection ok(port_);
    ok.send_raw("GET /api/health HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    EXPECT_EQ(ok.read_reply()->status, 200) << host;
  }
  HttpConnection none(port_);
  none.send_raw("GET /api/health HTTP/1.1\r\n\r\n");
  EXPECT_NE(none.read_reply()->status, 200);
}

// Found from outside: GET /api/entries?from=2026-11-01&from=2026-11-20 read
// the first and ignored the second, and a bad %-escape in a value read as if
// the parameter were not there; which was meant cannot be known, so both are
// refused and say why.
TEST_F(Http, AQueryParameterGivenTwiceWasReadOnceAndTheRestIgnored) {
  const auto twice = get("/api/entries?from=2026-11-01&to=2026-11-23&from=2026-11-20");
  EXPECT_EQ(twice.status, 400);
  EXPECT_EQ(twice.json()["type"], "tag:daybreak,2026:malformed-query");
  EXPECT_EQ(twice.json()["detail"], "'from' is given more than once; give it once");
  const auto escaped = get("/api/entries?from=2026-11-%zz");
  EXPECT_EQ(escaped.status, 400);
  EXPECT_EQ(escaped.json()["detail"], "the query holds a bad %-escape");
  EXPECT_EQ(get("/api/entries?from=2026-11-01&&to=2026-11-23").status, 200);  // an empty pair is nothing
  EXPECT_EQ(get("/api/entries?from=2026%2D11%2D01").status, 200);
}

TEST_F(Http, PagesFromOtherSitesCannotWrite) {
  const auto r =
      post("/api/entries", R"({"period": "morning", "fields": {"pain": 4}})", "Origin: https://attacker.example\r\n");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["type"], "tag:daybreak,2026:origin-not-allowed");
  EXPECT_EQ(stored_entries(), 0U);
  const auto own = post("/api/entries", R"({"period": "morning", "fields": {"pain": 4}})",
                        fmt::format("Origin: http://127.0.0.1:{}\r\n", port_));
  EXPECT_EQ(own.status, 201);
}

TEST_F(Http, AFailureInAHandlerIsA500ThatTellsNothingInternal) {
  const auto r = get("/api/test/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.body.find("secret"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("/home"), std::string::npos) << r.body;
  EXPECT_NE(r.json()["detail"].get<std::string>().find("incident"), std::string::npos);
  EXPECT_EQ(get("/api/health").status, 200);  // and the server carries on
}

TEST_F(Http, DatabaseTroubleMapsToStatusesThatSayWhatToDo) {
  const auto busy = get("/api/test/busy");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("retry-after"), "1");
  EXPECT_EQ(busy.body.find("/home"), std::string::npos);
  const auto full = get("/api/test/full");
  EXPECT_EQ(full.status, 507);
  EXPECT_EQ(full.body.find("/home"), std::string::npos);
}

TEST_F(Http, TheWebAppIsServedForEveryScreen) {
  const auto index = get("/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(index.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_EQ(index.body, "<!doctype html><title>test app</title>\n");
  EXPECT_EQ(get("/log/morning").body, index.body);  // a screen's address is the app
  EXPECT_EQ(get("/learn/why-mornings").body, index.body);
  const auto js = get("/app.js");
  EXPECT_EQ(js.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/missing.js").status, 404);  // a missing file is not the app

  const auto again = http(port_, "GET", "/", {}, {}, "If-None-Match: " + index.header("etag") + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_EQ(again.body, "");
  EXPECT_EQ(http(port_, "POST", "/", "x", "text/plain").status, 404);
}

// Data safety: "a path with `..` (raw or encoded) gets 404, not index.html".
TEST_F(Http, StaticPathsThatClimbOrHideSeparatorsAreNotFound) {
  for (const char* path : {"/..", "/../etc/passwd", "/log/../../x", "/%2e%2e/x", "/%2E%2E", "/log/%2e%2e/%2e%2e/etc",
                           "/a%2fb", "/a%5cb", "/./log", "/%252e%252e/x", "/log/.%2e/x"}) {
    const auto r = get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.body.find("test app"), std::string::npos) << path;
  }
  EXPECT_EQ(get("/log/morning").status, 200);  // a screen still is the app
}

TEST_F(Http, ManyClientsAtOnce) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      HttpConnection c(port_);
      for (int i = 0; i < 25; ++i) {
        if (c.request("GET", "/api/today").status == 200) ++ok;
      }
      const auto body =
          fmt::format(R"({{"period": "morning", "date": "2026-11-{:02}", "fields": {{"pain": 3}}}})", t + 1);
      if (c.request("POST", "/api/entries", body).status == 201) ++ok;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 8 * 26);
  EXPECT_EQ(stored_entries(), 8U);
}

TEST(ServerAddress, OnlyLoopbackAddressesAreAllowedForTheComputer) {
  EXPECT_EQ(http::refuse_address("127.0.0.1"), std::nullopt);
  EXPECT_EQ(http::refuse_address("127.0.0.2"), std::nullopt);
  EXPECT_EQ(http::refuse_address("::1"), std::nullopt);
  EXPECT_EQ(http::refuse_address("localhost"), std::nullopt);
  EXPECT_EQ(*http::refuse_address("0.0.0.0"),
            "refusing to listen on 0.0.0.0: --address is where this computer reaches daybreak: use 127.0.0.1 (the "
            "default), ::1 or localhost; to use daybreak from your phone, pair it (daybreak serve --pair)");
  EXPECT_TRUE(http::refuse_address("192.168.1.20"));
  EXPECT_TRUE(http::refuse_address("::"));
  EXPECT_NE(http::refuse_address("example.org")->find("not an IP address"), std::string::npos);
  http::Router router;
  http::HttpServer server(router, http::ServerOptions{"0.0.0.0", 0, 1});
  EXPECT_THROW((void)server.start(), http::ServerError);
}

TEST(ServerAddress, TheHomeNetworkListenerTakesOneAddressThatIsNotLoopback) {
  EXPECT_EQ(http::refuse_home_address("192.168.1.20"), std::nullopt);
  EXPECT_EQ(http::refuse_home_address("10.77.0.1"), std::nullopt);
  EXPECT_EQ(http::refuse_home_address("fd00::5"), std::nullopt);
  for (const char* bad : {"127.0.0.1", "::1", "0.0.0.0", "::", "224.0.0.1", "example.org"}) {
    EXPECT_TRUE(http::refuse_home_address(bad)) << bad;
  }
  // Once started, an address that is not this computer's cannot be listened on.
  http::Router router;
  http::HttpServer server(router, http::ServerOptions{"127.0.0.1", 0, 1});
  const std::uint16_t port = server.start();
  EXPECT_THROW((void)server.listen_lan("192.0.2.1", port), http::ServerError);  // TEST-NET-1: never local
}

TEST(ServerAddress, APortInUseSaysSo) {
  http::Router router;
  http::HttpServer first(router, http::ServerOptions{"127.0.0.1", 0, 1});
  const std::uint16_t port = first.start();
  http::HttpServer second(router, http::ServerOptions{"127.0.0.1", port, 1});
  try {
    (void)second.start();
    FAIL() << "a second server on the same port started";
  } catch (const http::ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("is daybreak already running?"), std::string::npos) << e.what();
  }
}

// A router whose one route says who asked: the peer's address (none on a
// Unix socket) and the Host.
http::Router who_asked_router() {
  http::Router router;
  router.add(http::Method::get, "/api/who", [](const http::Request& r, const http::PathParams&) {
    return http::Response{.status = 200,
                          .content_type = "text/plain",
                          .body = fmt::format("peer={} host={}", r.peer, r.header("Host")),
                          .headers = {}};
  });
  return router;
}

http::ServerOptions on_socket(const std::filesystem::path& path) {
  http::ServerOptions o{"127.0.0.1", 0, 1};
  o.socket_path = path.string();
  return o;
}

TEST(ServerSocket, AUnixSocketServesOnlyItsOwnerAndGroupAndIsGoneAtStop) {
  TempDir dir;
  const auto path = dir / "daybreak.sock";
  const http::Router router = who_asked_router();
  {
    http::HttpServer server(router, on_socket(path));
    EXPECT_EQ(server.start(), 0);
    struct stat st {};
    ASSERT_EQ(::lstat(path.c_str(), &st), 0);
    EXPECT_TRUE(S_ISSOCK(st.st_mode));
    EXPECT_EQ(st.st_mode & 0777, 0660U);  // not the umask's 0755, nor everyone's
    HttpConnection c(path);
    for (int i = 0; i < 3; ++i) {  // kept alive
      const auto reply = c.request("GET", "/api/who");
      EXPECT_EQ(reply.status, 200);
      EXPECT_EQ(reply.body, "peer= host=localhost");  // no address: this computer (nginx's X-Forwarded-For counts)
      EXPECT_EQ(reply.header("X-Content-Type-Options"), "nosniff");
    }
    server.stop();
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(path)));
  }
}

TEST(ServerSocket, AStaleSocketIsReplacedALiveOneOrAnotherFileIsLeftAlone) {
  TempDir dir;
  const auto path = dir / "daybreak.sock";
  const http::Router router = who_asked_router();
  // A file that is not a socket: refused, and left as it was.
  write_file(path, "someone's notes");
  try {
    http::HttpServer server(router, on_socket(path));
    (void)server.start();
    FAIL() << "started over a file";
  } catch (const http::ServerError& e) {
    EXPECT_EQ(std::string(e.what()), fmt::format("cannot listen on the socket {}: a file that is not a socket is "
                                                 "there; choose another path with --socket",
                                                 path.string()));
  }
  EXPECT_EQ(read_file(path), "someone's notes");
  std::filesystem::remove(path);

  // A socket left by a server that was killed: replaced.
  {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), path.string().size() + 1);
    ASSERT_EQ(::bind(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr), 0);
    ::close(fd);  // the file stays, with nobody behind it
  }
  http::HttpServer first(router, on_socket(path));
  (void)first.start();
  EXPECT_EQ(HttpConnection(path).request("GET", "/api/who").status, 200);

  // A live one: a second server is refused and the first keeps serving.
  http::HttpServer second(router, on_socket(path));
  try {
    (void)second.start();
    FAIL() << "a second server took the socket";
  } catch (const http::ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("another server is listening there (is daybreak already running?)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(HttpConnection(path).request("GET", "/api/who").status, 200);

  // A path longer than a socket's may be: said, with the limit.
  const std::string long_path = (dir / std::string(120, 's')).string();
  http::HttpServer third(router, on_socket(long_path));
  try {
    (void)third.start();
    FAIL() << "listened on a path too long";
  } catch (const http::ServerError& e) {
    EXPECT_NE(std::string(e.what()).find("and a socket's may be at most 107"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace daybreak::testing
