// Questionnaire use cases against a real SQLite database: offering BASDAI,
// storing scored responses, history with change judged, PSFS like with like,
// and licensed wording files.
#include "app/questionnaires.hpp"

#include <gtest/gtest.h>

#include "app/diary.hpp"
#include "app/safety.hpp"
#include "content/instruments.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

class QuestionnaireUse : public ::testing::Test {
 protected:
  QuestionnaireUse() : store_(SqliteOptions{dir_ / "daybreak.db"}) {
    user_ = ensure_local_user(store_, now_, "Europe/Berlin").id;
  }

  AppResult<QuestionnaireResponse> take(std::string_view id, std::string_view answers, Instant at) {
    const Instrument& ins = *find_instrument(id);
    auto parsed = parse_answers(ins, answers);
    EXPECT_TRUE(parsed.ok());
    return record_response(store_, at, user_, ins, *parsed, "cli");
  }

  testing::TempDir dir_;
  SqliteStore store_;
  UserId user_;
  Instant now_ = testing::fixed_now();
};

TEST_F(QuestionnaireUse, BasdaiIsOfferedOnlyAfterAnAxialSpondyloarthritisDiagnosisIsReported) {
  auto offers = instrument_offers(store_, user_);
  ASSERT_EQ(offers.size(), 7U);
  EXPECT_EQ(offers.back().instrument->id, "basdai");
  EXPECT_FALSE(offers.back().offered);
  const auto refused = take("basdai", "1=4,2=4,3=4,4=4,5=4,6=60", now_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_TRUE(store_.read()->questionnaire_responses(user_, "").empty());

  ASSERT_TRUE(change_settings(store_, now_, user_, SettingsChange{{}, {}, YesNo::yes}).ok());
  EXPECT_TRUE(instrument_offers(store_, user_).back().offered);
  const auto taken = take("basdai", "1=4,2=4,3=4,4=4,5=4,6=60", now_);
  ASSERT_TRUE(taken.ok());
  EXPECT_DOUBLE_EQ(taken->score.value, (16 + (4 + 5.0) / 2) / 5);
}

TEST_F(QuestionnaireUse, AResponseIsStoredWithItsScoreAndBadAnswersStoreNothing) {
  const auto odi = take("odi", "1=2,2=1,3=3,4=2,5=2,6=1,7=2,8=skip,9=2,10=1", now_);
  ASSERT_TRUE(odi.ok());
  EXPECT_EQ(odi->version, "2.1a");
  const auto stored = store_.read()->questionnaire_responses(user_, "odi");
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored[0], *odi);
  const Instrument& ins = *find_instrument("start_back");
  const auto bad = record_response(store_, now_, user_, ins, {{"leg_pain", "maybe", {}}}, "cli");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 9U);  // the bad code and the 8 unanswered items
  EXPECT_TRUE(store_.read()->questionnaire_responses(user_, "start_back").empty());
}

TEST_F(QuestionnaireUse, HistoryJudgesTheLatestAgainstTheFirstAndThePrevious) {
  ASSERT_TRUE(take("odi", "1=3,2=2,3=3,4=2,5=3,6=2,7=3,8=2,9=3,10=2", now_).ok());             // 50%
  ASSERT_TRUE(take("odi", "1=3,2=2,3=2,4=2,5=2,6=2,7=2,8=2,9=2,10=2", now_ + days{14}).ok());  // 42%
  ASSERT_TRUE(take("odi", "1=2,2=2,3=2,4=2,5=2,6=1,7=2,8=1,9=2,10=2", now_ + days{28}).ok());  // 36%
  const auto histories = questionnaire_history(store_, user_, "odi");
  ASSERT_TRUE(histories.ok());
  ASSERT_EQ(histories->size(), 1U);
  const ScoreHistory& h = histories->front();
  EXPECT_EQ(h.responses.size(), 3U);
  EXPECT_EQ(h.since_first->sentence, "ODI fell 14 points: an important improvement");
  EXPECT_EQ(h.since_previous->sentence, "ODI fell 6 points: less than the 10 points that count as an important change");
  EXPECT_FALSE(questionnaire_history(store_, user_, "sf36").ok());
}

TEST_F(QuestionnaireUse, PsfsComparesOnlyTheActivitiesRatedBothTimes) {
  ASSERT_TRUE(take("psfs", "putting on socks=2; lifting shopping=3; gardening=4", now_).ok());
  EXPECT_EQ(previous_activities(store_, user_),
            (std::vector<std::string>{"putting on socks", "lifting shopping", "gardening"}));
  // Gardening dropped, cycling added; socks and shopping re-rated (names in any case).
  ASSERT_TRUE(take("psfs", "Putting on socks=5; lifting shopping=6; cycling=1", now_ + days{21}).ok());
  const auto histories = questionnaire_history(store_, user_, "psfs");
  ASSERT_TRUE(histories.ok());
  const ScoreHistory& h = histories->front();
  ASSERT_EQ(h.activities.size(), 2U);
  EXPECT_EQ(h.activities[0].activity, "Putting on socks");
  EXPECT_EQ(h.activities[0].before, 2);
  EXPECT_EQ(h.activities[0].after, 5);
  EXPECT_EQ(h.not_compared, (std::vector<std::string>{"cycling", "gardening"}));
  // Matched means: 2.5 -> 5.5, not the raw means 3 -> 4.
  EXPECT_DOUBLE_EQ(h.since_first->baseline, 2.5);
  EXPECT_DOUBLE_EQ(h.since_first->latest, 5.5);
  EXPECT_EQ(h.since_first->sentence, "PSFS rose 3 points: an important improvement");
}

TEST_F(QuestionnaireUse, ALicensedWordingFileIsLaidOverTheLabels) {
  // Placeholder text: the real wording is not ours to ship.
  testing::write_file(dir_ / "odi.toml", R"(instrument = "odi"
version = "2.1a"
notice = "Wording licensed for testing only."

[[item]]
id = "pain_intensity"
text = "Section 1 text"
options = ["s0", "s1", "s2", "s3", "s4", "s5"]
)");
  const auto ins = load_instrument("odi", std::nullopt, dir_.path());
  ASSERT_TRUE(ins.ok()) << ins.error().message;
  EXPECT_EQ(ins->items[0].text, "Section 1 text");
  EXPECT_EQ(ins->items[0].anchors.back(), "s5");
  EXPECT_EQ(ins->wording_notice, "Wording licensed for testing only.");
  EXPECT_TRUE(ins->items[1].text.empty());

  testing::write_file(dir_ / "bad.toml", R"(instrument = "odi"
version = "2.0"
notice = "x"

[[item]]
id = "pain_intensity"
text = "t"
options = ["only one"]

[[item]]
id = "stairs"
text = "t"
)");
  const auto bad = load_instrument("odi", dir_ / "bad.toml", std::nullopt);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.error().details.size(), 3U);
  EXPECT_NE(bad.error().details[0].find("bad.toml:2:11: version: '2.0' is not allowed"), std::string::npos)
      << bad.error().details[0];
  EXPECT_NE(bad.error().details[1].find("item[0].options: '1 texts' is not allowed; allowed: 6 texts"),
            std::string::npos)
      << bad.error().details[1];
  EXPECT_NE(bad.error().details[2].find("item[1].id: 'stairs'"), std::string::npos) << bad.error().details[2];
  EXPECT_FALSE(load_instrument("sf36", std::nullopt, std::nullopt).ok());
}

}  // namespace
}  // namespace daybreak
