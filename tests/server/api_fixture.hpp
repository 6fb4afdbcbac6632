// A running daybreak API for one test: a real SQLite store in a temporary
// directory, a fixed clock, and the server on a free port (bound before the
// test starts, stopped and joined when it ends).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "app/diary.hpp"
#include "content/library_loader.hpp"
#include "platform/clock.hpp"
#include "platform/zone_provider.hpp"
#include "raw_http.hpp"
#include "server/home_network.hpp"
#include "server/http_server.hpp"
#include "server/routes.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::embedded {
std::span<const EmbeddedFile> server_test_assets();
}

namespace daybreak::testing {

class ApiTest : public ::testing::Test {
 protected:
  // As `daybreak serve` has it: the one zone the server started with.
  ApiTest() : ApiTest(local_zones()) {}
  // Another provider: TzdbZoneProvider for a server with people in many zones.
  explicit ApiTest(const ZoneProvider& zones)
      : zones_(zones),
        store_(SqliteOptions{dir_ / "daybreak.db"}),
        clock_(fixed_now()),
        user_(ensure_local_user(store_, fixed_now(), "Europe/Berlin")),
        api_(store_, clock_, zones_, content(), "test",
             ApiSettings{.progression = {}, .wording_dir = dir_ / "wording", .paper = Paper::a4, .home = &home_}),
        router_(make_router(api_, embedded::server_test_assets())) {}

  void SetUp() override {
    store_.open_reader();  // as `daybreak serve` does
    add_test_routes(router_);
    server_ = std::make_unique<http::HttpServer>(router_, http::ServerOptions{"127.0.0.1", 0, 2});
    port_ = server_->start();
  }
  void TearDown() override { server_->stop(); }

  // Tests may add routes (a handler that throws...) before the server starts.
  virtual void add_test_routes(http::Router&) {}

  HttpReply get(std::string_view target) { return http(port_, "GET", target); }
  HttpReply post(std::string_view target, std::string_view body, std::string_view extra = {}) {
    return http(port_, "POST", target, body, "application/json", extra);
  }
  HttpReply patch(std::string_view target, std::string_view body) { return http(port_, "PATCH", target, body); }
  HttpReply del(std::string_view target) { return http(port_, "DELETE", target); }

  // Entries stored for today and the days before, read from the store itself.
  std::size_t stored_entries() { return entries_between(store_, user_.id, ymd(2020, 1, 1), ymd(2026, 11, 23)).size(); }

  // The built-in exercises and programs, loaded once for every test.
  static const ContentLibrary& content() {
    static const ContentLibrary library = load_builtin_content().value();
    return library;
  }

  static const ZoneProvider& local_zones() {
    static const SingleZoneProvider zones(berlin());
    return zones;
  }

  const ZoneProvider& zones_;
  TempDir dir_;
  SqliteStore store_;
  FixedClock clock_;
  User user_;
  // The home network as the tests have it: opening it only says where it would
  // listen (requests marked lan reach the router without a socket; the
  // browser test pairs over a real one, web/e2e/pairing.test.mjs).
  static constexpr std::string_view kHomeHost = "10.77.0.1:8765";
  HomeNetwork home_{[] { return std::string(kHomeHost); }};
  ApiContext api_;
  http::Router router_;
  std::unique_ptr<http::HttpServer> server_;
  std::uint16_t port_ = 0;
};

}  // namespace daybreak::testing
