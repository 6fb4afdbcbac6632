// config.toml's [progression] table: keys left out keep their sourced
// defaults, every bad key or value is named with its line, and other
// capabilities' tables are left alone.
#include "content/progression_config.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace daybreak {
namespace {

TEST(ProgressionConfigFile, NoFileMeansTheDefaults) {
  testing::TempDir dir;
  const auto c = load_progression_config(dir.path());
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, ProgressionConfig{});
}

TEST(ProgressionConfigFile, KeysOverrideTheDefaults) {
  testing::TempDir dir;
  testing::write_file(dir / "config.toml",
                      "[safety]\nemergency_number = \"112\"\n\n[progression]\nmorning_pain_rise = 3\n"
                      "min_days_between_step_ups = 5\n");
  const auto c = load_progression_config(dir.path());
  ASSERT_TRUE(c.ok()) << c.error().front().text();
  ProgressionConfig expected;
  expected.morning_pain_rise = 3;
  expected.min_days_between_step_ups = 5;
  EXPECT_EQ(*c, expected);
}

TEST(ProgressionConfigFile, EveryProblemIsNamedWithItsLine) {
  const auto c = parse_progression_config(
      "[progression]\npain_during_ceiling = 10\nbaseline_mornings = 5\nmin_baseline_mornings = 6\nspeed = 2\n",
      "config.toml");
  ASSERT_FALSE(c.ok());
  std::vector<std::string> texts;
  for (const auto& e : c.error()) texts.push_back(e.text());
  EXPECT_EQ(texts,
            (std::vector<std::string>{
                "config.toml:2:23: progression.pain_during_ceiling: '10' is not allowed; allowed: a whole "
                "number from 1 to 9",
                "config.toml:5:1: progression.speed: 'speed' is not allowed; allowed: no such key here (check the "
                "spelling; see docs/content-authoring.md)",
                "config.toml:4:25: progression.min_baseline_mornings: '6' is not allowed; allowed: a whole "
                "number from 1 to 5"}));
}

TEST(ProgressionConfigFile, ASyntaxErrorOrAWrongTypeIsRefused) {
  EXPECT_FALSE(parse_progression_config("[progression\n", "config.toml").ok());
  EXPECT_FALSE(parse_progression_config("progression = 3\n", "config.toml").ok());
  EXPECT_FALSE(parse_progression_config("[progression]\nweekly_days = \"seven\"\n", "config.toml").ok());
}

}  // namespace
}  // namespace daybreak
