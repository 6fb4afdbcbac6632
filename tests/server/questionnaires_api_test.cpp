// Questionnaires over HTTP: the offers (BASDAI only with a reported axSpA
// diagnosis), one instrument with its items (and a licensed wording file from
// the data directory, as the CLI finds it), responses scored and stored, the
// change since the first judged against the minimal important change, the
// PSFS re-rating its activities, and every wrong answer refused by name with
// nothing stored.
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "api_fixture.hpp"
#include "app/questionnaires.hpp"
#include "app/safety.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class QuestionnairesApi : public ApiTest {
 protected:
  std::size_t stored() {
    const auto histories = questionnaire_history(store_, user_.id, "");
    std::size_t n = 0;
    for (const auto& h : histories.value()) n += h.responses.size();
    return n;
  }
  HttpReply take(std::string_view id, const Json& body) {
    return post(fmt::format("/api/questionnaires/{}/responses", id), body.dump());
  }
  static Json odi_answers() {
    return Json{{"pain_intensity", 2}, {"personal_care", 1}, {"lifting", 3},  {"walking", 2},
                {"sitting", 2},        {"standing", 1},      {"sleeping", 2}, {"sex_life", nullptr},
                {"social_life", 2},    {"travelling", 1}};
  }
  // The error named `field` in a problem, or null.
  static Json error_named(const Json& problem, std::string_view field) {
    for (const auto& e : problem["errors"]) {
      if (e["field"] == field) return e;
    }
    return nullptr;
  }
};

TEST_F(QuestionnairesApi, TheListSaysWhichAreOfferedAndWhyNot) {
  const auto r = get("/api/questionnaires");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json list = r.json();
  ASSERT_EQ(list.size(), 7U);
  std::map<std::string, Json> by_id;
  for (const auto& q : list) by_id[q["id"].get<std::string>()] = q;
  EXPECT_EQ(by_id["odi"]["offered"], true);
  EXPECT_EQ(by_id["odi"]["licensed_wording"], true);
  EXPECT_FALSE(by_id["odi"].contains("last"));
  EXPECT_EQ(by_id["basdai"]["offered"], false);
  EXPECT_NE(by_id["basdai"]["why_not"].get<std::string>().find("axial spondyloarthritis"), std::string::npos);

  ASSERT_EQ(take("nrs_pain", Json{{"answers", {{"pain", 6}}}}).status, 201);
  int with_last = 0;
  for (const auto& q : get("/api/questionnaires").json()) {
    if (!q.contains("last")) continue;
    ++with_last;
    EXPECT_EQ(q["id"], "nrs_pain");
    EXPECT_EQ(q["last"]["shown"], "6/10");
  }
  EXPECT_EQ(with_last, 1);
}

TEST_F(QuestionnairesApi, AnInstrumentShowsItsItemsAnswerKindsAndRangesButNoInventedWording) {
  const auto odi = get("/api/questionnaires/odi");
  ASSERT_EQ(odi.status, 200) << odi.body;
  const Json j = odi.json();
  EXPECT_EQ(j["abbreviation"], "ODI");
  EXPECT_EQ(j["scoring"], "percent");
  EXPECT_EQ(j["minimal_important_change"]["points"], 10.0);
  ASSERT_EQ(j["items"].size(), 10U);
  EXPECT_EQ(j["items"][0]["kind"], "number");
  EXPECT_EQ(j["items"][0]["min"], 0);
  EXPECT_EQ(j["items"][0]["max"], 5);
  EXPECT_EQ(j["items"][0]["required"], false);
  // Labels only: the copyrighted wording is not shipped.
  for (const auto& item : j["items"]) EXPECT_FALSE(item.contains("text")) << item.dump();
  EXPECT_FALSE(j.contains("wording_notice"));
  EXPECT_EQ(j["bands"].size(), 5U);

  const Json start = get("/api/questionnaires/start_back").json();
  EXPECT_EQ(start["items"][0]["kind"], "choice");
  EXPECT_EQ(start["items"][0]["options"][0]["code"], "agree");
  EXPECT_FALSE(start.contains("minimal_important_change"));
  EXPECT_FALSE(start["change_note"].get<std::string>().empty());

  const Json psfs = get("/api/questionnaires/psfs").json();
  EXPECT_EQ(psfs["activities"]["max_activities"], 5);
  EXPECT_EQ(psfs["activities"]["max"], 10);

  const auto missing = get("/api/questionnaires/sf36");
  EXPECT_EQ(missing.status, 404) << missing.body;
}

TEST_F(QuestionnairesApi, ALicensedWordingFileInTheDataDirectoryIsShownWithItsNotice) {
  std::filesystem::create_directories(dir_ / "wording");
  std::ofstream(dir_ / "wording" / "odi.toml")
      << "instrument = \"odi\"\nversion = \"2.1a\"\nnotice = \"Placeholder wording for this test only.\"\n"
         "[[item]]\nid = \"pain_intensity\"\ntext = \"Section 1 (placeholder)\"\n"
         "options = [\"first\", \"second\", \"third\", \"fourth\", \"fifth\", \"sixth\"]\n";
  const auto r = get("/api/questionnaires/odi");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["wording_notice"], "Placeholder wording for this test only.");
  EXPECT_EQ(j["items"][0]["text"], "Section 1 (placeholder)");
  EXPECT_EQ(j["items"][0]["anchors"][5], "sixth");
  EXPECT_FALSE(j["items"][1].contains("text"));

  std::ofstream(dir_ / "wording" / "rmdq.toml") << "instrument = \"odi\"\nversion = \"9\"\n";
  const auto bad = get("/api/questionnaires/rmdq");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.json()["detail"].get<std::string>().find("rmdq.toml"), std::string::npos) << bad.body;
}

TEST_F(QuestionnairesApi, AResponseIsScoredStoredAndTheChangeJudgedAgainstTheMinimalImportantChange) {
  const auto first = take("odi", Json{{"answers", odi_answers()}, {"from_paper", true}});
  ASSERT_EQ(first.status, 201) << first.body;
  Json j = first.json();
  EXPECT_EQ(j["instrument"], "odi");
  EXPECT_EQ(j["channel"], "paper");
  EXPECT_EQ(j["shown"], "35.6%");
  EXPECT_EQ(j["band"], "moderate");
  EXPECT_FALSE(j["band_label"].get<std::string>().empty());
  EXPECT_EQ(j["answered"], 9);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_FALSE(j.contains("since_first"));
  EXPECT_EQ(stored(), 1U);

  clock_.advance(std::chrono::days{28});
  Json better = odi_answers();
  better["lifting"] = 1;
  better["walking"] = 1;
  better["sitting"] = 1;
  better["sleeping"] = 1;
  better["social_life"] = 1;
  const auto second = take("odi", Json{{"answers", better}});
  ASSERT_EQ(second.status, 201) << second.body;
  j = second.json();
  EXPECT_EQ(j["channel"], "api");
  EXPECT_EQ(j["since_first"]["verdict"], "important_improvement") << second.body;
  EXPECT_EQ(j["since_first"]["sentence"], "ODI fell 13.3 points: an important improvement");
  EXPECT_EQ(stored(), 2U);

  const auto history = get("/api/questionnaires/history?id=odi");
  ASSERT_EQ(history.status, 200) << history.body;
  const Json h = history.json();
  ASSERT_EQ(h.size(), 1U);
  EXPECT_EQ(h[0]["instrument"], "odi");
  ASSERT_EQ(h[0]["responses"].size(), 2U);
  EXPECT_EQ(h[0]["responses"][0]["shown"], "35.6%");
  EXPECT_EQ(h[0]["since_first"]["verdict"], "important_improvement");
  EXPECT_EQ(h[0]["since_previous"]["verdict"], "important_improvement");

  // A small change is judged too: less than the minimal important change.
  const auto nrs1 = take("nrs_pain", Json{{"answers", {{"pain", 6}}}});
  ASSERT_EQ(nrs1.status, 201) << nrs1.body;
  clock_.advance(std::chrono::days{7});
  const auto nrs2 = take("nrs_pain", Json{{"answers", {{"pain", 5}}}});
  ASSERT_EQ(nrs2.status, 201) << nrs2.body;
  EXPECT_EQ(nrs2.json()["since_first"]["verdict"], "within");
  EXPECT_NE(nrs2.json()["since_first"]["sentence"].get<std::string>().find("less than the 2 points or 30%"),
            std::string::npos);

  const Json all = get("/api/questionnaires/history").json();
  EXPECT_EQ(all.size(), 2U);
  EXPECT_EQ(get("/api/questionnaires/history?id=sf36").status, 404);
}

// Found from outside: an RMDQ filled in again minutes later, with six fewer
// statements ticked, read "an important improvement". The minimal important
// change is measured between assessments weeks apart: closer together the
// change is described, not judged.
TEST_F(QuestionnairesApi, TwoRmdqScoresMinutesApartWereAnImportantImprovement) {
  const Json nine{{"answers",
                   {{"1", "yes"},
                    {"2", "yes"},
                    {"3", "yes"},
                    {"4", "yes"},
                    {"5", "yes"},
                    {"6", "yes"},
                    {"7", "yes"},
                    {"8", "yes"},
                    {"9", "yes"}}}};
  const Json three{{"answers", {{"1", "yes"}, {"2", "yes"}, {"3", "yes"}}}};
  ASSERT_EQ(take("rmdq", nine).status, 201);
  clock_.advance(std::chrono::minutes{5});
  const auto again = take("rmdq", three);
  ASSERT_EQ(again.status, 201) << again.body;
  const Json change = again.json()["since_first"];
  EXPECT_EQ(change["verdict"], "too_soon") << again.body;
  EXPECT_EQ(change["sentence"],
            "RMDQ fell 6 points (67%) within a day: an important change is judged between scores a week or more "
            "apart");
  EXPECT_EQ(get("/api/questionnaires/history?id=rmdq").json()[0]["since_previous"]["verdict"], "too_soon");

  // Six days on, still too soon; a week after the first, judged.
  clock_.advance(std::chrono::days{6});
  const auto week = take("rmdq", three);
  ASSERT_EQ(week.status, 201) << week.body;
  EXPECT_EQ(week.json()["since_first"]["verdict"], "too_soon") << week.body;
  EXPECT_NE(week.json()["since_first"]["sentence"].get<std::string>().find("in 6 days"), std::string::npos);
  clock_.advance(std::chrono::days{1});
  const auto judged = take("rmdq", three);
  ASSERT_EQ(judged.status, 201) << judged.body;
  EXPECT_EQ(judged.json()["since_first"]["verdict"], "important_improvement") << judged.body;
  EXPECT_EQ(get("/api/questionnaires/history?id=rmdq").json()[0]["since_previous"]["verdict"], "unchanged");
}

TEST_F(QuestionnairesApi, StartBackChangesGroupRatherThanScore) {
  const Json medium{{"leg_pain", "agree"},
                    {"shoulder_neck_pain", "disagree"},
                    {"walking", "agree"},
                    {"dressing", "agree"},
                    {"fear", "agree"},
                    {"worry", "disagree"},
                    {"catastrophising", "agree"},
                    {"low_mood", "disagree"},
                    {"bothersomeness", 4}};
  const auto first = take("start_back", Json{{"answers", medium}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["band"], "medium");
  Json low = medium;
  for (const char* item : {"walking", "dressing", "catastrophising"}) low[item] = "disagree";
  low["bothersomeness"] = "2";
  const auto second = take("start_back", Json{{"answers", low}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["since_first"]["sentence"], "STarT Back: from medium risk to low risk");
}

TEST_F(QuestionnairesApi, ThePsfsRatesTheSameActivitiesAgain) {
  EXPECT_EQ(get("/api/questionnaires/psfs/activities").json()["activities"], Json::array());
  const auto first = take("psfs", Json{{"activities",
                                        {{{"activity", "putting on socks"}, {"rating", 2}},
                                         {{"activity", "lifting the shopping"}, {"rating", 3}},
                                         {{"activity", "gardening"}, {"rating", 4}}}}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json()["shown"], "3.0/10");
  EXPECT_EQ(get("/api/questionnaires/psfs/activities").json()["activities"],
            Json::array({"putting on socks", "lifting the shopping", "gardening"}));
  clock_.advance(std::chrono::days{14});

  const auto second = take("psfs", Json{{"activities",
                                         {{{"activity", "putting on socks"}, {"rating", 5}},
                                          {{"activity", "lifting the shopping"}, {"rating", 6}},
                                          {{"activity", "gardening"}, {"rating", 4}},
                                          {{"activity", "cycling"}, {"rating", 1}}}}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(second.json()["since_first"]["sentence"], "PSFS rose 2 points: an important improvement");
  const Json h = get("/api/questionnaires/history?id=psfs").json();
  ASSERT_EQ(h[0]["compared_activities"].size(), 3U);
  EXPECT_EQ(h[0]["compared_activities"][0]["after"], 5);
  EXPECT_EQ(h[0]["not_compared"], Json::array({"cycling"}));
}

TEST_F(QuestionnairesApi, EveryWrongAnswerIsNamedAndNothingIsStored) {
  struct Case {
    std::string id;
    Json body;
    std::vector<std::string> fields;
  };
  Json odi_bad = odi_answers();
  odi_bad["pain_intensity"] = 6;
  odi_bad["personal_care"] = "lots";
  odi_bad["elbow"] = 1;
  Json odi_types = odi_answers();
  odi_types["lifting"] = true;
  odi_types["walking"] = 2.5;
  const Json socks{{"activity", "putting on socks"}, {"rating", 2}};
  const std::vector<Case> cases = {
      {"odi", Json{{"answers", odi_bad}}, {"answers.pain_intensity", "answers.personal_care", "answers.elbow"}},
      {"odi", Json{{"answers", odi_types}}, {"answers.lifting", "answers.walking"}},
      {"nrs_pain", Json{{"answers", Json::object()}}, {"answers.pain"}},
      {"nrs_pain", Json{{"answers", {{"pain", 11}}}}, {"answers.pain"}},
      {"nrs_pain", Json::object(), {"answers"}},
      {"nrs_pain", Json{{"answers", Json::array({5})}}, {"answers"}},
      {"nrs_pain", Json{{"answers", {{"pain", 5}}}, {"from_paper", "yes"}}, {"from_paper"}},
      {"nrs_pain", Json{{"answers", {{"pain", 5}}}, {"colour", "red"}}, {"colour"}},
      {"nrs_pain", Json{{"answers", {{"pain", 5}}}, {"activities", Json::array({socks})}}, {"activities"}},
      {"start_back", Json{{"answers", {{"leg_pain", "maybe"}}}}, {"answers.leg_pain", "answers.bothersomeness"}},
      {"psfs", Json::object(), {"activities"}},
      {"psfs", Json{{"activities", Json::array()}}, {"activities"}},
      {"psfs", Json{{"activities", Json::array({socks, socks, socks, socks, socks, socks})}}, {"activities"}},
      {"psfs", Json{{"activities", {{{"activity", "gardening"}, {"rating", 11}}}}}, {"activities.0.rating"}},
      {"psfs", Json{{"activities", {socks, {{"activity", "a;b"}, {"rating", 1}}}}}, {"activities.1.activity"}},
      {"psfs",
       Json{{"activities", {socks, {{"activity", "Putting on socks"}, {"rating", 1}}}}},
       {"activities.1.activity"}},
      {"psfs",
       Json{{"activities", {{{"activity", 3}, {"rating", "x"}, {"when", 1}}}}},
       {"activities.0.activity", "activities.0.rating", "activities.0.when"}},
      {"psfs", Json{{"activities", {socks}}, {"answers", {{"pain", 1}}}}, {"answers"}},
  };
  for (const auto& c : cases) {
    const auto r = take(c.id, c.body);
    ASSERT_EQ(r.status, 422) << c.id << " " << c.body.dump() << "\n" << r.body;
    EXPECT_NE(r.header("content-type").find("application/problem+json"), std::string::npos);
    const Json problem = r.json();
    for (const auto& field : c.fields) {
      const Json e = error_named(problem, field);
      ASSERT_FALSE(e.is_null()) << field << " not named: " << r.body;
      EXPECT_FALSE(e["allowed"].get<std::string>().empty()) << r.body;
    }
  }
  // The repeated activity is named with the name given (it was "").
  const auto twice = take("psfs", Json{{"activities", {socks, {{"activity", "Putting on socks"}, {"rating", 1}}}}});
  EXPECT_EQ(error_named(twice.json(), "activities.1.activity")["value"], "Putting on socks") << twice.body;
  EXPECT_EQ(stored(), 0U);
  EXPECT_EQ(get("/api/questionnaires/history").json(), Json::array());
}

TEST_F(QuestionnairesApi, AnInstrumentNotOfferedIsRefusedUntilTheDiagnosisIsReported) {
  const Json basdai{{"answers",
                     {{"fatigue", 4},
                      {"spinal_pain", 5},
                      {"joint_pain", 2},
                      {"tenderness", 3},
                      {"stiffness_severity", 6},
                      {"stiffness_minutes", 90}}}};
  const auto refused = take("basdai", basdai);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.json()["detail"].get<std::string>().find("nothing was saved"), std::string::npos);
  EXPECT_EQ(stored(), 0U);

  ASSERT_TRUE(
      change_settings(store_, fixed_now(), user_.id, SettingsChange{std::nullopt, std::nullopt, YesNo::yes}).ok());
  const auto taken = take("basdai", basdai);
  ASSERT_EQ(taken.status, 201) << taken.body;
  EXPECT_EQ(taken.json()["shown"], "4.2/10");
  EXPECT_EQ(stored(), 1U);

  EXPECT_EQ(take("sf36", Json{{"answers", Json::object()}}).status, 404);
}

}  // namespace
}  // namespace daybreak::testing
