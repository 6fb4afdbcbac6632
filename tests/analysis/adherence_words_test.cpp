// The adherence section's words about the evening routine and the next
// morning, when there are too few mornings to compare.
#include <gtest/gtest.h>

#include "analysis/insights.hpp"
#include "synthetic_diary.hpp"

namespace daybreak::analysis {
namespace {

using testing::berlin;
using testing::SyntheticDiary;

// Bug: with the evening routine done only a few times, the section ended
// "Evening routine done: no number shown: no mornings (at least 10 needed)."
TEST(AdherenceWords, TooFewEveningRoutinesSayWhatCannotBeToldYetNotNoNumberShown) {
  SyntheticDiary d;
  d.days = 30;
  d.seed = 3;
  const auto entries = d.build();
  std::vector<RoutineSession> sessions;
  for (int i = 0; i < d.days; ++i) sessions.push_back({add_days(d.start, i), Routine::morning, true});
  sessions.push_back({add_days(d.start, 3), Routine::evening, true});
  const LocalDate to = add_days(d.start, d.days - 1);
  const Insights in = build_insights(entries, d.start, to, berlin(), sessions, {add_days(to, 1)});
  const Comparison* c = find_comparison(in.factors, "evening_routine", "yes");
  ASSERT_NE(c, nullptr);
  ASSERT_FALSE(c->effect);
  const std::string said = describe(in)[3].blocks.back().text;
  EXPECT_EQ(said.find("no number shown"), std::string::npos) << said;
  EXPECT_EQ(said,
            "Whether mornings are better after the evening routine cannot be told yet: only 1 morning (at least 10 "
            "needed).");
}

}  // namespace
}  // namespace daybreak::analysis
