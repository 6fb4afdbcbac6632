// `daybreak serve` as a person runs it: the real binaries, a fresh data
// directory, the address printed, requests answered, a clean stop on SIGTERM.
#include <chrono>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "raw_http.hpp"
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

TEST(ServeProcess, StartsAnswersAndStopsCleanly) {
  TempDir dir;
  const std::filesystem::path binary = DAYBREAK_BINARY;
  write_file(dir / "out", "");
  Child child("exec daybreak serve --port 0", {dir.path(), test_environment(dir.path(), binary.parent_path()), ""},
              dir / "out", dir / "err");
  const std::uint16_t port = wait_for_address(dir / "out");
  ASSERT_NE(port, 0);

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

}  // namespace
}  // namespace daybreak::testing
