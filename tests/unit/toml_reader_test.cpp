#include "content/toml_reader.hpp"

#include <gtest/gtest.h>

namespace daybreak {
namespace {

enum class Colour : std::uint8_t { red, green };

}  // namespace

template <>
struct Vocabulary<Colour> {
  [[maybe_unused]] static constexpr std::string_view kind = "colour";
  static constexpr std::array<std::string_view, 2> names = {"red", "green"};
};

namespace {

TomlDocument parse(std::string_view text) {
  auto doc = TomlDocument::parse(text, "test.toml");
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().text());
  return std::move(doc).value();
}

std::vector<std::string> texts(const ContentErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.text());
  return out;
}

TEST(TomlReader, ReadsTypedValuesWithinBounds) {
  const auto doc = parse(R"(
name = "bird dog"
sets = 3
in_bed = true
cues = ["slow", "level pelvis"]
colour = "green"
[dose]
hold = 10
[[step]]
text = "one"
[[step]]
text = "two"
)");
  ContentErrors errors;
  TableReader root(doc, errors);
  EXPECT_EQ(root.text("name"), "bird dog");
  EXPECT_EQ(root.integer("sets", 1, 10), 3);
  EXPECT_EQ(root.boolean("in_bed"), true);
  EXPECT_EQ(root.texts("cues"), (std::vector<std::string>{"slow", "level pelvis"}));
  EXPECT_EQ(root.choice<Colour>("colour"), Colour::green);
  auto dose = root.table("dose");
  ASSERT_TRUE(dose);
  EXPECT_EQ(dose->integer("hold", 1, 120), 10);
  dose->finish();
  const auto steps = root.tables("step");
  ASSERT_TRUE(steps);
  ASSERT_EQ(steps->size(), 2U);
  EXPECT_EQ(std::vector<TableReader>(*steps)[1].path(), "step[1]");
  EXPECT_FALSE(root.text("missing", TableReader::Need::optional));
  root.finish();
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(texts(errors));
}

TEST(TomlReader, EveryProblemNamesFileLineFieldValueAndWhatIsAllowed) {
  const auto doc = parse(R"(name = ""
sets = 12
in_bed = "yes"
colour = "blue"
typo = 1
[dose]
hold = 2.5
)");
  ContentErrors errors;
  TableReader root(doc, errors);
  (void)root.text("name");
  (void)root.integer("sets", 1, 10);
  (void)root.boolean("in_bed");
  (void)root.choice<Colour>("colour");
  (void)root.text("title");
  auto dose = root.table("dose");
  (void)dose->integer("hold", 1, 120);
  dose->finish();
  root.finish();
  EXPECT_EQ(texts(errors), (std::vector<std::string>{
                               "test.toml:1:8: name: '' is not allowed; allowed: text of 1 to 200 characters",
                               "test.toml:2:8: sets: '12' is not allowed; allowed: a whole number from 1 to 10",
                               "test.toml:3:10: in_bed: 'yes' is not allowed; allowed: true or false",
                               "test.toml:4:10: colour: 'blue' is not allowed; allowed: one of: red, green",
                               "test.toml:1:1: title: missing; allowed: text of 1 to 200 characters",
                               "test.toml:7:8: dose.hold: '2.5' is not allowed; allowed: a whole number from 1 to 120",
                               "test.toml:5:1: typo: 'typo' is not allowed; allowed: no such key here (check the "
                               "spelling; see docs/content-authoring.md)",
                           }));
}

TEST(TomlReader, SyntaxErrorsCarryTheirPosition) {
  const auto doc = TomlDocument::parse("a = 1\nb = [1, 2\n", "broken.toml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().file, "broken.toml");
  EXPECT_GE(doc.error().line, 2U);
  EXPECT_NE(doc.error().text().find("valid TOML"), std::string::npos);
  EXPECT_FALSE(TomlDocument::load("/nonexistent/x.toml").ok());
}

// Found by toml_content_fuzz: toml++ asserted (debug) or assumed (release)
// that a table header starts with a key character.
TEST(TomlReader, ATableHeaderWithABadFirstCharacterIsASyntaxErrorNotACrash) {
  for (const std::string_view text : {"[%]\n", "[[ %]]\n", "a = 1\n[ #]\n", "[ ,]\n"}) {
    const auto doc = TomlDocument::parse(text, "bad.toml");
    ASSERT_FALSE(doc.ok()) << text;
    EXPECT_EQ(doc.error().file, "bad.toml");
    EXPECT_NE(doc.error().text().find("valid TOML"), std::string::npos) << doc.error().text();
  }
}

// Found by toml_content_fuzz: toml++ 3.3 reached an "unreachable" (undefined
// behaviour) on some characters beyond ASCII where whitespace may stand, such
// as U+3001. Outside quotes and comments TOML allows none: refused first.
TEST(TomlReader, ACharacterBeyondAsciiOutsideQuotesIsASyntaxErrorWithItsPlace) {
  const auto doc = TomlDocument::parse("a = 1\nb = 2 \u3001\n", "stray.toml");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().line, 2U);
  EXPECT_EQ(doc.error().column, 7U);
  EXPECT_NE(doc.error().text().find("valid TOML"), std::string::npos) << doc.error().text();
  // Inside strings and comments they are welcome.
  const auto fine = TomlDocument::parse(
      "name = \"Kn\u00e4\u3001\" # caf\u00e9\u3001\nnote = '\u3001'\ntext = \"\"\"\n\u3001 \\\" \u3001\"\"\"\n"
      "lit = '''\n\u3001'''\n",
      "fine.toml");
  EXPECT_TRUE(fine.ok()) << (fine.ok() ? "" : fine.error().text());
}

}  // namespace
}  // namespace daybreak
