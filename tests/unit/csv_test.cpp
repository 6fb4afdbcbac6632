#include "report/csv.hpp"

#include <gtest/gtest.h>

namespace daybreak {
namespace {

TEST(Csv, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  const auto r = read_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\r\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3U);
  EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ((*r)[2].fields, (std::vector<std::string>{"last", "", ""}));
  EXPECT_EQ((*r)[0].line, 1U);
  EXPECT_EQ((*r)[1].line, 2U);
  EXPECT_EQ((*r)[2].line, 4U);  // the quoted line break took a line
}

TEST(Csv, AcceptsPlainLineFeedsBlankLinesAndAByteOrderMark) {
  const auto r = read_csv("\xEF\xBB\xBFh1,h2\n\n1,2\n3,4");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3U);
  EXPECT_EQ((*r)[0].fields[0], "h1");
  EXPECT_EQ((*r)[1].line, 3U);
  EXPECT_EQ((*r)[2].fields, (std::vector<std::string>{"3", "4"}));
}

TEST(Csv, MalformedQuotingIsAnErrorWithItsLine) {
  const auto stray = read_csv("a,b\r\nok,fine\r\nbad\"quote,x\r\n");
  ASSERT_FALSE(stray.ok());
  EXPECT_EQ(stray.error().line, 3U);
  const auto unclosed = read_csv("a,b\r\n1,\"never closed\r\n");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_EQ(unclosed.error().line, 2U);
  const auto after_quote = read_csv("a\r\n\"x\"y\r\n");
  EXPECT_FALSE(after_quote.ok());
}

TEST(Csv, WritesRfc4180WithCrlfAndMinimalQuoting) {
  std::string out;
  append_csv_record(out, {"plain", "with,comma", "with \"quote\"", "two\nlines", ""});
  EXPECT_EQ(out, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\r\n");
  const auto back = read_csv(out);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ((*back)[0].fields, (std::vector<std::string>{"plain", "with,comma", "with \"quote\"", "two\nlines", ""}));
}

}  // namespace
}  // namespace daybreak
