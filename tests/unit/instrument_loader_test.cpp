// Questionnaire definitions are checked on load; every problem names the
// file, line and field, and copyrighted wording cannot slip into a definition.
#include "content/instruments.hpp"

#include <gtest/gtest.h>

namespace daybreak {
namespace {

std::vector<std::string> problems(std::string_view text) {
  auto doc = TomlDocument::parse(text, "test.toml");
  if (!doc) return {doc.error().text()};
  auto ins = read_instrument(*doc);
  std::vector<std::string> out;
  if (!ins) {
    for (const auto& e : ins.error()) out.push_back(e.text());
  }
  return out;
}

constexpr std::string_view kHeader = R"(id = "demo"
name = "Demo"
abbreviation = "D"
version = "1"
description = "d"
recall = "today"
source = "s"
licence = "l"
)";

TEST(InstrumentLoader, AMinimalDefinitionLoads) {
  const std::string text = std::string(kHeader) + R"(licensed_wording = false
[scoring]
rule = "sum"
decimals = 0
better = "lower"
[[item]]
id = "q"
label = "Q"
kind = "number"
min = 0
max = 10
)";
  EXPECT_TRUE(problems(text).empty()) << problems(text).front();
}

TEST(InstrumentLoader, CopyrightedWordingIsRefusedInALicensedInstrument) {
  const std::string text = std::string(kHeader) + R"(licensed_wording = true
[scoring]
rule = "sum"
decimals = 0
better = "lower"
[[item]]
id = "q"
label = "Q"
text = "The copyrighted sentence"
kind = "number"
min = 0
max = 5
)";
  const auto p = problems(text);
  ASSERT_EQ(p.size(), 1U);
  EXPECT_EQ(p[0],
            "test.toml:17:8: item[0].text: 'The copyrighted sentence' is not allowed; allowed: nothing: this "
            "instrument's wording is copyrighted; ship its label only and load the wording from a licensed wording "
            "file");
}

TEST(InstrumentLoader, EveryProblemIsReportedWithItsPlace) {
  const std::string text = std::string(kHeader) + R"(licensed_wording = false
[scoring]
rule = "median"
decimals = 0
better = "lower"
[[subscale]]
id = "s"
label = "S"
construct = "nothing_tags_this"
[[band]]
id = "a"
label = "A"
[[band]]
id = "b"
label = "B"
when = "total = 3"
[[item]]
id = "Q 1"
label = "Q"
kind = "choice"
options = "missing_set"
colour = "red"
)";
  const auto p = problems(text);
  ASSERT_EQ(p.size(), 7U) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0].substr(0, 45), "test.toml:11:8: scoring.rule: 'median' is not");
  EXPECT_NE(p[1].find("item[0].id: 'Q 1'"), std::string::npos);
  EXPECT_NE(p[2].find("item[0].options: 'missing_set'"), std::string::npos);
  EXPECT_NE(p[3].find("item[0].colour"), std::string::npos);
  EXPECT_NE(p[4].find("subscale[0].construct: 'nothing_tags_this'"), std::string::npos);
  EXPECT_NE(p[5].find("band[0].when: missing; allowed: a condition: only the last band may have none"),
            std::string::npos);
  EXPECT_NE(p[6].find("band[1].when: 'total = 3'"), std::string::npos);
}

}  // namespace
}  // namespace daybreak
