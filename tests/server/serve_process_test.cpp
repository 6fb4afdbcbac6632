// `daybreak serve` as a person runs it: the real binaries, a fresh data
// directory, the address printed, requests answered, a clean stop on SIGTERM.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "raw_http.hpp"
#include "support/pg_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

// Waits for `daybreak serve` to print its address; returns the port.
std::uint16_t wait_for_address(const std::filesystem::path& out) {
  const std::regex address(R"(daybreak is running at http://127\.0\.0\.1:(\d+)/)");
  for (int i = 0; i < 200; ++i) {
    std::smatch m;
    const std::string text = read_file(out);
    if (std::regex_search(text, m, address)) return static_cast<std::uint16_t>(std::stoi(m[1]));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "daybreak serve printed no address in 10 s: " << read_file(out);
  return 0;
}

// How many threads a process runs (its main thread among them).
std::size_t threads_of(pid_t pid) {
  const auto tasks = std::filesystem::path("/proc") / std::to_string(pid) / "task";
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(tasks), {}));
}

TEST(ServeProcess, StartsAnswersAndStopsCleanly) {
  TempDir dir;
  const std::filesystem::path binary = DAYBREAK_BINARY;
  write_file(dir / "out", "");
  Child child("exec daybreak serve --port 0", {dir.path(), test_environment(dir.path(), binary.parent_path()), ""},
              dir / "out", dir / "err");
  const std::uint16_t port = wait_for_address(dir / "out");
  ASSERT_NE(port, 0);
  // On the SQLite file, 8 threads serve (their writes share an fsync), and
  // the main thread waits for a signal to stop.
  EXPECT_EQ(threads_of(child.pid()), 9U);

  const auto health = http(port, "GET", "/api/health");
  EXPECT_EQ(health.status, 200);
  const auto today = http(port, "GET", "/api/today");
  EXPECT_EQ(today.json()["date"], "2026-11-23");  // DAYBREAK_FAKE_NOW reaches the server
  const auto page = http(port, "GET", "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html"), std::string::npos);  // the embedded web app
  const auto logged = http(port, "POST", "/api/entries", R"({"period": "morning", "fields": {"pain": 4}})");
  EXPECT_EQ(logged.status, 201);

  child.kill_group(SIGTERM);
  EXPECT_EQ(child.wait(), 0);
  EXPECT_NE(read_file(dir / "err").find("daybreak stopped."), std::string::npos) << read_file(dir / "err");

  // What the server saved is in the diary the CLI reads.
  const auto history =
      run_shell("daybreak today", {dir.path(), test_environment(dir.path(), binary.parent_path()), ""});
  EXPECT_NE(history.out.find("morning    pain 4/10"), std::string::npos) << history.out << history.err;
}

// For nginx on the same computer: a Unix socket instead of a port, said in
// the first line, gone once the server stops.
TEST(ServeProcess, ListensOnAUnixSocketForNginx) {
  TempDir dir;
  const std::filesystem::path binary = DAYBREAK_BINARY;
  const auto socket = dir / "daybreak.sock";
  write_file(dir / "out", "");
  Child child("exec daybreak serve --socket " + socket.string(),
              {dir.path(), test_environment(dir.path(), binary.parent_path()), ""}, dir / "out", dir / "err");
  for (int i = 0; i < 200 && read_file(dir / "out").empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(read_file(dir / "out"), "daybreak is running at unix:" + socket.string() + "\n");
  HttpConnection c(socket);
  EXPECT_EQ(c.request("GET", "/api/today").json()["date"], "2026-11-23");
  EXPECT_EQ(c.request("POST", "/api/entries", R"({"period": "morning", "fields": {"pain": 3}})").status, 201);

  child.kill_group(SIGTERM);
  EXPECT_EQ(child.wait(), 0);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(socket)));
  // --socket and a port or the home network together: refused, nothing started.
  const auto both = run_shell("daybreak serve --socket " + socket.string() + " --port 9000",
                              {dir.path(), test_environment(dir.path(), binary.parent_path()), ""});
  EXPECT_NE(both.exit_code, 0);
  EXPECT_NE(both.err.find("leave out --port"), std::string::npos) << both.err;
  const auto pair = run_shell("daybreak serve --socket " + socket.string() + " --pair",
                              {dir.path(), test_environment(dir.path(), binary.parent_path()), ""});
  EXPECT_NE(pair.err.find("leave out --pair"), std::string::npos) << pair.err;
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(socket)));
}

// A clinic's set-up: two stateless servers on one PostgreSQL database. What a
// browser writes through one it reads through the other at once, the kept
// view of Today included: the write's answer sets the cookie of the version
// it moved the database to, and a server that knows less reads it first.
// The servers here may answer others from what they learned a minute ago
// (--fresh-within 60000), so that only the cookie can make it at once.
TEST(ServeProcess, TwoServersOnOnePostgresqlDatabaseReadEachOthersWritesAtOnce) {
  TempDir dir;
  const std::filesystem::path binary = DAYBREAK_BINARY;
  auto env = test_environment(dir.path(), binary.parent_path());
  env.push_back("DAYBREAK_DATABASE=" + pg_uri(fresh_pg_database()));
  write_file(dir / "out1", "");
  write_file(dir / "out2", "");
  Child one("exec daybreak serve --port 0 --fresh-within 60000", {dir.path(), env, ""}, dir / "out1", dir / "err1");
  Child two("exec daybreak serve --port 0 --fresh-within 60000", {dir.path(), env, ""}, dir / "out2", dir / "err2");
  const std::uint16_t a = wait_for_address(dir / "out1");
  const std::uint16_t b = wait_for_address(dir / "out2");
  ASSERT_NE(a, 0);
  ASSERT_NE(b, 0);
  // On PostgreSQL, one thread per core (at least 2) besides the main one.
  EXPECT_EQ(threads_of(one.pid()), 1 + std::max(2U, std::thread::hardware_concurrency()));
  // The browser's cookie from a write's answer, as its next request sends it.
  const auto seen_cookie = [](const HttpReply& r) {
    const std::string set = r.header("Set-Cookie");
    EXPECT_TRUE(set.starts_with("daybreak_seen=")) << set;
    EXPECT_NE(set.find("HttpOnly; SameSite=Strict"), std::string::npos) << set;
    return "Cookie: " + set.substr(0, set.find(';')) + "\r\n";
  };

  // periods[1] is the morning (night first).
  const auto empty = http(b, "GET", "/api/today");
  EXPECT_FALSE(empty.json()["periods"][1].contains("entry")) << empty.body;  // B keeps its view of an empty morning
  EXPECT_EQ(empty.header("Set-Cookie"), "");                                 // a read sets none
  const auto logged = http(a, "POST", "/api/entries", R"({"period": "morning", "fields": {"pain": 6}})");
  ASSERT_EQ(logged.status, 201) << logged.body;
  const std::string after_log = seen_cookie(logged);
  // Someone else, with no cookie, within the minute: what B learned before.
  EXPECT_FALSE(http(b, "GET", "/api/today").json()["periods"][1].contains("entry"));
  const auto seen = http(b, "GET", "/api/today", {}, "application/json", after_log);
  EXPECT_EQ(seen.json()["periods"][1]["entry"]["fields"]["pain"], 6) << seen.body;
  const auto entry_id = logged.json()["entry"]["id"].get<int>();
  const auto edited = http(b, "PATCH", "/api/entries/" + std::to_string(entry_id), R"({"fields": {"pain": 3}})",
                           "application/json", after_log);
  EXPECT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(http(a, "GET", "/api/today", {}, "application/json", seen_cookie(edited))
                .json()["periods"][1]["entry"]["fields"]["pain"],
            3);
  // A cookie that is not a version is ignored, not refused.
  EXPECT_EQ(http(a, "GET", "/api/today", {}, "application/json", "Cookie: daybreak_seen=x1\r\n").status, 200);

  one.kill_group(SIGTERM);
  two.kill_group(SIGTERM);
  EXPECT_EQ(one.wait(), 0);
  EXPECT_EQ(two.wait(), 0);
  // Nothing was written beside the data folder's (absent) file.
  EXPECT_FALSE(std::filesystem::exists(dir / "data" / "daybreak.db"));
}

}  // namespace
}  // namespace daybreak::testing
