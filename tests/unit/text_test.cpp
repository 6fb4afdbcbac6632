#include "domain/text.hpp"

#include <gtest/gtest.h>

namespace daybreak {
namespace {

TEST(Text, TrimRemovesSurroundingWhitespaceOnly) {
  EXPECT_EQ(trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("   "), "");
}

TEST(Text, SplitListTrimsAndDropsEmptyParts) {
  const auto parts = split_list(" a, b ;;c ,", ",;");
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[1], "b");
  EXPECT_EQ(parts[2], "c");
  EXPECT_TRUE(split_list("", ",").empty());
}

TEST(Text, Utf8LengthCountsCodePointsAndRejectsMalformedText) {
  EXPECT_EQ(utf8_length("abc"), 3U);
  EXPECT_EQ(utf8_length("Ærø 😀"), 5U);
  EXPECT_FALSE(utf8_length("\xC3"));              // truncated
  EXPECT_FALSE(utf8_length("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(utf8_length("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(utf8_length("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(utf8_length("\xFF"));
}

// Shortened text stays text: cut between characters, never inside a UTF-8
// sequence nor between a character and the marks drawn with it.
TEST(Text, ShortenedTextIsCutBetweenCharactersOnly) {
  EXPECT_EQ(shorten("short", 5), "short");
  EXPECT_EQ(shorten("a longer note", 8), "a lon...");
  EXPECT_EQ(shorten("abcdef", 2), "ab");  // no room for the dots
  EXPECT_EQ(shorten("日本語のノート", 7), "日本語のノート");
  EXPECT_EQ(shorten("日本語のノート", 6), "日本語...");
  EXPECT_EQ(shorten("x😀😀😀😀", 4), "x...");
  for (std::size_t n = 0; n < 12; ++n) {
    EXPECT_TRUE(utf8_length(shorten("Ærø 😀 日本語のノート", n))) << n;
  }

  EXPECT_EQ(utf8_prefix("cafe\u0301s", 4), "caf");  // not the e without its accent
  EXPECT_EQ(utf8_prefix("cafe\u0301s", 5), "cafe\u0301");
  EXPECT_EQ(utf8_prefix("ok 👍🏽!", 4), "ok ");  // nor the thumb without its skin tone
  const std::string family = "👩\u200D👩\u200D👧";      // one emoji of five code points
  EXPECT_EQ(utf8_prefix("a" + family + "b", 3), "a");
  EXPECT_EQ(utf8_prefix("a" + family + "b", 6), "a" + family);
  EXPECT_EQ(utf8_prefix("🇩🇪🇫🇷", 1), "");  // flags are pairs
  EXPECT_EQ(utf8_prefix("🇩🇪🇫🇷", 3), "🇩🇪");
  // Bytes that are not UTF-8 count one each, and are kept as they were.
  EXPECT_EQ(utf8_prefix("a\xFF\xFE"
                        "b",
                        3),
            "a\xFF\xFE");
  EXPECT_EQ(shorten("\xC3", 5), "\xC3");
}

TEST(Text, ControlCharactersAreFoundUnlessAllowed) {
  EXPECT_FALSE(has_control_chars("plain text"));
  EXPECT_TRUE(has_control_chars("bell\a"));
  EXPECT_TRUE(has_control_chars("line\nbreak"));
  EXPECT_FALSE(has_control_chars("line\nbreak\ttab", "\n\t"));
  EXPECT_TRUE(has_control_chars(std::string("nul\0", 4), "\n"));
  EXPECT_TRUE(has_control_chars("del\x7F"));
}

TEST(Text, IntegersAreParsedStrictly) {
  EXPECT_EQ(parse_integer("42"), 42);
  EXPECT_EQ(parse_integer("+7"), 7);
  EXPECT_EQ(parse_integer("-3"), -3);
  EXPECT_FALSE(parse_integer(""));
  EXPECT_FALSE(parse_integer("4.0"));
  EXPECT_FALSE(parse_integer("4 "));
  EXPECT_FALSE(parse_integer("four"));
  EXPECT_FALSE(parse_integer("99999999999999999999"));
}

TEST(Text, TenthsKeepOneDecimalExactly) {
  EXPECT_EQ(parse_tenths("7"), 70);
  EXPECT_EQ(parse_tenths("7.5"), 75);
  EXPECT_EQ(parse_tenths("0.1"), 1);
  EXPECT_EQ(parse_tenths("-2.5"), -25);
  EXPECT_EQ(parse_tenths("-0.5"), -5);
  EXPECT_FALSE(parse_tenths("7.25"));
  EXPECT_FALSE(parse_tenths("7."));
  EXPECT_FALSE(parse_tenths(".5"));
  EXPECT_FALSE(parse_tenths("7,5"));
  EXPECT_EQ(format_tenths(75), "7.5");
  EXPECT_EQ(format_tenths(70), "7.0");
  EXPECT_EQ(format_tenths(-5), "-0.5");
}

TEST(Text, HumanizeAndLowerCase) {
  EXPECT_EQ(humanize("back_left"), "back left");
  EXPECT_EQ(to_lower_ascii("MiXeD Ø"), "mixed Ø");
}

}  // namespace
}  // namespace daybreak
