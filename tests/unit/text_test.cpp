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
