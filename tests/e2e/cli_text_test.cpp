// What the command line prints, checked where an outside tester found it
// wrong.
#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "domain/text.hpp"
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

std::string repeated(std::string_view s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

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

// Found from outside: `log` shows a long note shortened to 40 bytes, so a
// Japanese note printed a broken character (iconv: illegal input sequence)
// and an emoji note a replacement character. The stored note was whole.
TEST_F(CliText, ALongNoteIsShortenedBetweenCharactersNotInsideOne) {
  struct Case {
    std::string period, note, shown;  // shown: its first 40 characters
  };
  const Case cases[] = {
      // 56 characters of 3 bytes: byte 40 falls inside the fourteenth.
      {"morning", repeated("日本語のノート", 8), repeated("日本語のノート", 5) + "日本語のノ"},
      // byte 40 falls inside the tenth emoji.
      {"evening", "x" + repeated("😀", 50), "x" + repeated("😀", 39)},
  };
  for (const auto& c : cases) {
    const auto r = daybreak(fmt::format("log {} --pain 2 --note '{}'", c.period, c.note));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(utf8_length(r.out)) << "not UTF-8: " << r.out;
    EXPECT_NE(r.out.find("\"" + c.shown + "...\""), std::string::npos) << r.out;
  }
  // The tester's own note, 28 characters, is short enough to show whole.
  const std::string theirs = repeated("日本語のノート", 4);
  const auto r = daybreak(fmt::format("log afternoon --date yesterday --pain 2 --note '{}'", theirs));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"" + theirs + "\""), std::string::npos) << r.out;
}

// Found from outside: `experiment new --a pillow --b ""` answered "b: missing";
// the person typed --b. A refused value is named as the option typed.
TEST_F(CliText, AnErrorNamedTheFieldNotTheOptionTyped) {
  const auto r = daybreak("experiment new --a pillow --b '' --nights 3");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("  --b: missing"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("  --nights: '3' is not allowed"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("  b: "), std::string::npos) << r.err;
}

}  // namespace
}  // namespace daybreak::testing
