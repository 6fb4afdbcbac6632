// The red-flag catalogue is exactly clinical.md's list, each item sourced.
#include "clinical/red_flags.hpp"

#include <gtest/gtest.h>

#include <set>

#include "clinical/screening.hpp"

namespace daybreak {
namespace {

TEST(RedFlags, AreClinicalMdsSixEmergencyAndSixUrgentItemsInOrder) {
  const auto questions = red_flag_questions();
  ASSERT_EQ(questions.size(), 12U);
  const std::vector<std::string_view> emergency = {"both_legs",       "saddle_numbness", "bladder_bowel",
                                                   "sexual_function", "leg_weakness",    "major_accident"};
  const std::vector<std::string_view> urgent = {"fever",      "weight_loss",      "cancer_history",
                                                "night_pain", "bone_risk_trauma", "age_at_onset"};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(questions[i].id, emergency[i]);
    EXPECT_EQ(questions[i].level, FlagLevel::emergency) << questions[i].id;
    EXPECT_EQ(questions[i + 6].id, urgent[i]);
    EXPECT_EQ(questions[i + 6].level, FlagLevel::urgent) << questions[i + 6].id;
  }
}

TEST(RedFlags, EachHasAQuestionALabelAndASourceAndMatchesItsName) {
  std::set<std::string_view> ids;
  for (std::size_t i = 0; i < red_flag_questions().size(); ++i) {
    const auto& q = red_flag_questions()[i];
    EXPECT_TRUE(ids.insert(q.id).second) << q.id;
    EXPECT_EQ(q.id, name_of(static_cast<RedFlag>(i)));
    EXPECT_EQ(&question_for(static_cast<RedFlag>(i)), &q);
    EXPECT_EQ(q.question.back(), '?') << q.id;
    EXPECT_FALSE(q.label.empty()) << q.id;
    EXPECT_FALSE(q.source.empty()) << q.id;
    EXPECT_EQ(find_safety_question(q.id), &q);
  }
  EXPECT_EQ(find_safety_question("new_symptoms"), &kQuickCheck);
  EXPECT_EQ(find_safety_question("ibp_chronic"), nullptr);
}

TEST(RedFlags, EmergencyQuestionsAskAboutWhatIsNewSoAssessedSymptomsDoNotRelock) {
  for (const auto& q : red_flag_questions()) {
    // Worsening weakness is new by definition.
    if (q.level != FlagLevel::emergency || q.id == "leg_weakness") continue;
    EXPECT_NE(q.question.find("NEW"), std::string_view::npos) << q.id;
  }
}

// Issue 15.3: "Did this back pain start after a major accident?" locked, every
// week, a person whose long-standing pain began after an old crash.
TEST(RedFlags, MajorAccidentAsksAboutARecentInjuryNotHowOldPainBegan) {
  const std::string_view q = question_for(RedFlag::major_accident).question;
  EXPECT_NE(q.find("NEW"), std::string_view::npos) << q;
  EXPECT_NE(q.find("last few weeks"), std::string_view::npos) << q;
  EXPECT_EQ(q.find("start after"), std::string_view::npos) << q;
}

TEST(RedFlags, TheLegCheckAsksTheFiveCaudaEquinaQuestions) {
  std::set<std::string_view> asked;
  for (const RedFlag f : kLegCheckFlags) asked.insert(question_for(f).id);
  EXPECT_EQ(asked, (std::set<std::string_view>{"both_legs", "leg_weakness", "saddle_numbness", "bladder_bowel",
                                               "sexual_function"}));
}

TEST(RedFlags, AnswersAreJudgedByTheHighestLevelRaised) {
  EXPECT_EQ(judge_answers({{"fever", YesNo::no}, {"both_legs", YesNo::no}}).result, ScreenResult::no_flags);
  const ScreenVerdict urgent =
      judge_answers({{"fever", YesNo::yes}, {"weight_loss", YesNo::yes}, {"both_legs", YesNo::no}});
  EXPECT_EQ(urgent.result, ScreenResult::urgent);
  EXPECT_EQ(urgent.raised, (std::vector<std::string>{"fever", "weight_loss"}));
  const ScreenVerdict both =
      judge_answers({{"fever", YesNo::yes}, {"bladder_bowel", YesNo::yes}, {"night_pain", YesNo::yes}});
  EXPECT_EQ(both.result, ScreenResult::emergency);
  EXPECT_EQ(both.raised.size(), 3U);
  // Inflammatory back pain answers raise nothing.
  EXPECT_EQ(judge_answers({{"ibp_chronic", YesNo::yes}}).result, ScreenResult::no_flags);
  EXPECT_EQ(judge_answers({{"new_symptoms", YesNo::yes}}).result, ScreenResult::emergency);
}

TEST(Screening, EveryKindHasAShortNameForPeopleThatFitsTheHistoryColumn) {
  std::set<std::string_view> names;
  for (const auto kind : {ScreenKind::full, ScreenKind::quick, ScreenKind::legs, ScreenKind::clinician_seen}) {
    const std::string_view name = check_name(kind);
    EXPECT_FALSE(name.empty()) << name_of(kind);
    EXPECT_LE(name.size(), 14U) << name;  // `screen history` pads the column to 14
    EXPECT_TRUE(names.insert(name).second) << name;
  }
  EXPECT_EQ(check_name(ScreenKind::clinician_seen), "clinician seen");
}

}  // namespace
}  // namespace daybreak
