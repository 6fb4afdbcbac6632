// The environment ctest gives every C++ test (tests/CMakeLists.txt,
// DAYBREAK_TEST_ENV): Berlin's time zone, and UTF-8 whatever the machine's
// locale. Before, only TZ arrived: LANG and LC_ALL were lost on the way.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace daybreak {
namespace {

std::string variable(const char* name) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before any thread starts
  return value == nullptr ? std::string() : std::string(value);
}

TEST(TestEnvironment, LangAndLcAllReachTheTests) {
  if (variable("TZ").empty()) GTEST_SKIP() << "run by hand, not by ctest: no environment was given";
  EXPECT_EQ(variable("TZ"), "Europe/Berlin");
  EXPECT_EQ(variable("LANG"), "C.UTF-8");
  EXPECT_EQ(variable("LC_ALL"), "C.UTF-8");
}

}  // namespace
}  // namespace daybreak
