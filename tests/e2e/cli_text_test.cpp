// What the command line prints, checked where an outside tester found it
// wrong.
#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

class CliText : public ::testing::Test {
 protected:
  ProcessResult daybreak(const std::string& args) {
    const std::filesystem::path binary = DAYBREAK_BINARY;
    return run_shell("daybreak " + args, {dir_.path(), test_environment(dir_.path(), binary.parent_path()), ""});
  }

  TempDir dir_;
};

// Found from outside: `show` printed "new red-flag symptomsno": the label is
// longer than the 20 columns the labels had, and ran into its value.
TEST_F(CliText, EveryLabelOfAnEntryStandsApartFromItsValueInOneColumn) {
  ASSERT_EQ(daybreak("log morning --pain 3 --red-flags no").exit_code, 0);
  const std::string shown = daybreak("show 1").out;
  const auto value_column = [&](std::string_view label, std::string_view value) {
    const std::size_t line = shown.find("\n  " + std::string(label) + " ");
    EXPECT_NE(line, std::string::npos) << "no '" << label << "' apart from its value in:\n" << shown;
    const std::size_t at = shown.find(value, line + 3 + label.size());
    EXPECT_EQ(shown.find_first_not_of(' ', line + 3 + label.size()), at) << shown;
    return at - line;
  };
  EXPECT_EQ(value_column("new red-flag symptoms", "no"), value_column("pain", "3/10")) << shown;
}

}  // namespace
}  // namespace daybreak::testing
