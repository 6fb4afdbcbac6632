// The safety check over HTTP: the gate, the questions, and a check recorded
// from the browser that opens (or closes) the way to a guided session. Every
// bad value is refused with the field named, and nothing is stored.
#include <set>

#include <fmt/format.h>

#include "api_fixture.hpp"
#include "app/safety.hpp"
#include "support/safety_fixtures.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class SafetyApi : public ApiTest {
 protected:
  // Every question of the full check answered no, as the web app sends it.
  static Json all_no() {
    Json answers = Json::object();
    for (const auto& a : all_no_answers()) answers[a.question] = "no";
    return answers;
  }
  // Every answer no, but yes to each question of the back pain pattern (the
  // inflammatory back pain screen's): a check with these makes it positive.
  Json back_pain_pattern_yes() {
    Json answers = all_no();
    const Json questions = get("/api/safety/questions").json();  // kept: a range over a temporary's member dangles
    for (const auto& q : questions["questions"]) {
      if (q["group"] == "back_pain_pattern") answers[q["id"].get<std::string>()] = "yes";
    }
    return answers;
  }
  std::size_t stored_checks() { return screening_history(store_, user_.id).size(); }
  std::string status() { return get("/api/safety").json()["status"].get<std::string>(); }
};

TEST_F(SafetyApi, BeforeTheFirstCheckTheGateSaysACheckIsNeeded) {
  const auto r = get("/api/safety");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["status"], "check_needed");
  EXPECT_EQ(j["session_allowed"], false);
  ASSERT_FALSE(j["reasons"].empty());
  EXPECT_TRUE(j["last_full_check"].is_null());
  EXPECT_TRUE(j["unchecked_leg_entries"].is_array());
  EXPECT_TRUE(j.contains("emergency_number"));
  EXPECT_TRUE(j.contains("ibp"));
}

TEST_F(SafetyApi, TheQuestionsComeInTheOrderTheCheckAsksThem) {
  const auto full = get("/api/safety/questions");
  ASSERT_EQ(full.status, 200) << full.body;
  const Json qs = full.json()["questions"];
  const auto flags = red_flag_questions();
  ASSERT_GE(qs.size(), flags.size());
  for (std::size_t i = 0; i < flags.size(); ++i) {
    EXPECT_EQ(qs[i]["id"], std::string(flags[i].id));
    EXPECT_EQ(qs[i]["question"], std::string(flags[i].question));
  }
  // Never answered: the back pain pattern questions come after the warning signs.
  EXPECT_EQ(qs.back()["group"], "back_pain_pattern");

  const auto legs = get("/api/safety/questions?check=legs");
  ASSERT_EQ(legs.status, 200) << legs.body;
  EXPECT_EQ(legs.json()["questions"].size(), kLegCheckFlags.size());

  const auto bad = get("/api/safety/questions?check=arms");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.json()["errors"][0]["field"], "check");
  EXPECT_EQ(bad.json()["errors"][0]["value"], "arms");
}

// Found from outside: a check whose answers made the inflammatory back pain
// screen positive said so in the terminal ("Something to mention to your
// doctor", with the features and the rheumatologist) and nowhere in the web
// app: a person using only their phone was never told. The check's answer
// now carries the CLI's message, in its words, for the web app to show.
TEST_F(SafetyApi, APositiveInflammatoryBackPainScreenWasSaidInTheTerminalOnly) {
  // Not positive (its questions not answered yet): no message.
  const auto plain = post("/api/safety/checks", Json{{"check", "full"}, {"answers", all_no()}}.dump());
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_NE(plain.json()["ibp"]["outcome"], "positive") << plain.body;
  EXPECT_FALSE(plain.json()["ibp"].contains("message")) << plain.body;

  const auto r = post("/api/safety/checks", Json{{"check", "full"}, {"answers", back_pain_pattern_yes()}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const Json ibp = r.json()["ibp"];
  ASSERT_EQ(ibp["outcome"], "positive") << r.body;
  EXPECT_EQ(ibp["message"]["title"], "Something to mention to your doctor.");
  const Json blocks = ibp["message"]["blocks"];
  ASSERT_GE(blocks.size(), 3U) << blocks.dump();
  EXPECT_EQ(blocks[0]["text"], "Some features of your back pain are typical of inflammatory back pain:");
  EXPECT_FALSE(blocks[1]["list"].empty()) << blocks.dump();
  EXPECT_NE(blocks[2]["text"].get<std::string>().find("worth mentioning \"inflammatory back pain\" to your doctor"),
            std::string::npos)
      << blocks.dump();
}

// Found from outside: the message was said after the check only. `screen
// status` says it at rest too, as long as the screen stays positive; GET
// /api/safety (the web app's safety screen) said nothing.
TEST_F(SafetyApi, APositiveScreenWasSaidAtRestInTheTerminalOnly) {
  // The first check (its screen's questions come with the next).
  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", all_no()}}.dump()).status, 201);
  EXPECT_FALSE(get("/api/safety").json()["ibp"].contains("message"));  // not positive: none
  const auto checked = post("/api/safety/checks", Json{{"check", "full"}, {"answers", back_pain_pattern_yes()}}.dump());
  ASSERT_EQ(checked.status, 201) << checked.body;
  ASSERT_EQ(checked.json()["ibp"]["outcome"], "positive") << checked.body;
  const Json ibp = get("/api/safety").json()["ibp"];
  ASSERT_EQ(ibp["outcome"], "positive") << ibp.dump();
  EXPECT_EQ(ibp["message"]["title"], "Something to mention to your doctor.") << ibp.dump();
  EXPECT_EQ(ibp["message"]["blocks"][0]["text"],
            "Some features of your back pain are typical of inflammatory back pain:");
}

TEST_F(SafetyApi, AllNoRecordsTheCheckAndASessionMayStart) {
  ASSERT_EQ(get("/api/session-plans/morning").status, 409);
  const auto r = post("/api/safety/checks", Json{{"check", "full"}, {"answers", all_no()}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["check"]["kind"], "full");
  EXPECT_EQ(j["check"]["result"], "no_flags");
  EXPECT_EQ(j["check"]["answers"]["fever"], "no");
  EXPECT_EQ(j["safety"]["status"], "ok");
  EXPECT_EQ(j["safety"]["session_allowed"], true);
  EXPECT_EQ(stored_checks(), 1U);
  EXPECT_EQ(status(), "ok");
  const auto plan = get("/api/session-plans/morning");
  EXPECT_EQ(plan.status, 200) << plan.body;
}

TEST_F(SafetyApi, AnEmergencyYesLocksAndMayEndTheCheck) {
  // The questions after an emergency yes may be left out.
  const auto r = post("/api/safety/checks", Json{{"check", "full"}, {"answers", {{"both_legs", "yes"}}}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["check"]["result"], "emergency");
  EXPECT_EQ(r.json()["safety"]["status"], "locked");
  EXPECT_EQ(r.json()["safety"]["emergency"][0]["question"], "both_legs");
  EXPECT_EQ(status(), "locked");
  EXPECT_EQ(get("/api/session-plans/morning").status, 409);
  EXPECT_EQ(get("/api/session-plans/flare").status, 409);
}

// The emergency number and the axSpA answer, set from More as `daybreak setup`
// sets them; a bad value is named and changes nothing.
TEST_F(SafetyApi, TheEmergencyNumberAndTheAxspaAnswerAreSetFromTheWebApp) {
  const Json before = get("/api/safety/settings").json();
  EXPECT_EQ(before["emergency_number"], "112");  // Europe/Berlin's
  EXPECT_EQ(before["emergency_number_chosen"], false);
  EXPECT_TRUE(before["axspa_diagnosis"].is_null());

  const auto set = patch("/api/safety/settings", R"({"emergency_number": "999", "axspa_diagnosis": "yes"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json()["emergency_number"], "999");
  EXPECT_EQ(set.json()["emergency_number_chosen"], true);
  EXPECT_EQ(set.json()["axspa_diagnosis"], "yes");
  EXPECT_EQ(get("/api/safety").json()["emergency_number"], "999");  // what the stop screen calls

  const auto bad =
      patch("/api/safety/settings", R"({"emergency_number": "call me", "axspa_diagnosis": "maybe", "x": 1})");
  ASSERT_EQ(bad.status, 422) << bad.body;
  const Json problem = bad.json();
  std::set<std::string> named;
  for (const auto& e : problem["errors"]) named.insert(e["field"].get<std::string>());
  EXPECT_EQ(named, (std::set<std::string>{"emergency_number", "axspa_diagnosis", "x"}));
  EXPECT_EQ(get("/api/safety/settings").json(), set.json());  // nothing changed
}

TEST_F(SafetyApi, AnUrgentYesPausesToTheGentleRoutine) {
  Json answers = all_no();
  answers["fever"] = "yes";
  const auto r = post("/api/safety/checks", Json{{"check", "full"}, {"answers", answers}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["check"]["result"], "urgent");
  EXPECT_EQ(r.json()["safety"]["status"], "paused");
  EXPECT_EQ(get("/api/session-plans/morning").status, 409);
  EXPECT_EQ(get("/api/session-plans/flare").status, 200);
}

// `log --red-flags yes` shows the stop screen at once; POST /api/entries
// answered a plain 201, and a client had to know to ask /api/safety.
TEST_F(SafetyApi, AnEntryThatSaysYesToTheOneTapCheckAnswersWithTheClosedGate) {
  pass_safety_check(store_, user_.id, fixed_now() - std::chrono::hours{1}, berlin());
  const auto plain = post("/api/entries", R"({"period": "morning", "fields": {"pain": 4, "red_flags": "no"}})");
  ASSERT_EQ(plain.status, 201) << plain.body;
  EXPECT_FALSE(plain.json().contains("safety")) << plain.body;
  const auto yes = post("/api/entries", R"({"period": "afternoon", "fields": {"pain": 6, "red_flags": "yes"}})");
  ASSERT_EQ(yes.status, 201) << yes.body;
  const Json gate = yes.json()["safety"];
  EXPECT_EQ(gate["status"], "locked") << yes.body;
  EXPECT_FALSE(gate["session_allowed"].get<bool>());
  EXPECT_EQ(gate["emergency_number"], "112");
  ASSERT_EQ(gate["emergency"].size(), 1U) << yes.body;
  Json asked = get("/api/safety").json();
  asked.erase("ibp");
  EXPECT_EQ(gate, asked) << "the same gate as GET /api/safety";
}

// `daybreak import` shows the stop screen for a yes the file brings in; the
// API's import answered only counts, and the web app said nothing.
TEST_F(SafetyApi, AnImportThatBringsInAYesAnswersWithTheClosedGate) {
  pass_safety_check(store_, user_.id, fixed_now() - std::chrono::hours{1}, berlin());
  const auto quiet =
      http(port_, "POST", "/api/import/csv", "date,period,pain,red_flags\n2026-11-22,morning,4,no\n", "text/csv");
  ASSERT_EQ(quiet.status, 200) << quiet.body;
  EXPECT_FALSE(quiet.json().contains("safety")) << quiet.body;
  const auto flagged =
      http(port_, "POST", "/api/import/csv", "date,period,pain,red_flags\n2026-11-22,afternoon,6,yes\n", "text/csv");
  ASSERT_EQ(flagged.status, 200) << flagged.body;
  EXPECT_EQ(flagged.json()["safety"]["status"], "locked") << flagged.body;
  EXPECT_EQ(flagged.json()["safety"]["emergency_number"], "112");
}

// Leg symptoms in the diary wait for the leg questions; answered no, the
// check is tied to that entry and the entry is no longer waiting.
TEST_F(SafetyApi, TheLegCheckFollowsTheEntryThatNotedLegSymptoms) {
  pass_safety_check(store_, user_.id, fixed_now() - std::chrono::hours{1}, berlin());
  const auto created =
      post("/api/entries", R"({"period": "morning", "fields": {"pain": 4, "leg_symptoms": ["numbness_left"]}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json()["entry"]["id"].get<std::int64_t>();
  ASSERT_EQ(get("/api/safety").json()["unchecked_leg_entries"], Json::array({id}));

  Json answers = Json::object();
  const Json legs = get("/api/safety/questions?check=legs").json();
  for (const auto& q : legs["questions"]) answers[q["id"].get<std::string>()] = "no";
  const auto r = post("/api/safety/checks", Json{{"check", "legs"}, {"answers", answers}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["check"]["kind"], "legs");
  EXPECT_EQ(r.json()["check"]["entry"], id);
  EXPECT_TRUE(r.json()["safety"]["unchecked_leg_entries"].empty()) << r.body;
  EXPECT_EQ(status(), "ok");
}

// Found by a clinician-minded review: mornings gone from 3 to 6-8 asked
// nothing until the weekly check (clinical-facts 8.2: "whenever pain
// pattern changes sharply"). The API and so the web app say why the
// questions come again, as the CLI does.
TEST_F(SafetyApi, ASharpRiseInMorningPainAsksTheFullCheckAgain) {
  pass_safety_check(store_, user_.id, fixed_now() - std::chrono::hours{1}, berlin());
  std::string csv = "date,period,pain\n";
  for (int d = 6; d <= 19; ++d) csv += fmt::format("2026-11-{:02},morning,3\n", d);
  ASSERT_EQ(http(port_, "POST", "/api/import/csv", csv, "text/csv").status, 200);
  EXPECT_EQ(status(), "ok") << "steady mornings ask nothing";
  const auto rose =
      http(port_, "POST", "/api/import/csv",
           "date,period,pain\n2026-11-20,morning,6\n2026-11-21,morning,7\n2026-11-22,morning,8\n", "text/csv");
  ASSERT_EQ(rose.status, 200) << rose.body;
  const Json gate = get("/api/safety").json();
  EXPECT_EQ(gate["status"], "check_needed") << gate.dump();
  ASSERT_FALSE(gate["reasons"].empty());
  EXPECT_EQ(gate["reasons"][0],
            "your morning pain has risen sharply (6, 7, 8 on the mornings of 2026-11-20 to 2026-11-22, against a usual "
            "3): the safety questions come again");
}

TEST_F(SafetyApi, EveryBadValueIsNamedAndNothingIsStored) {
  struct Case {
    Json body;
    std::string field;
  };
  Json no_fever = all_no();
  no_fever.erase("fever");
  Json maybe = all_no();
  maybe["fever"] = "maybe";
  Json boolean = all_no();
  boolean["fever"] = true;
  Json stranger = all_no();
  stranger["elbow"] = "no";
  const std::vector<Case> cases = {
      {Json{{"answers", all_no()}}, "check"},
      {Json{{"check", "arms"}, {"answers", all_no()}}, "check"},
      {Json{{"check", 1}, {"answers", all_no()}}, "check"},
      {Json{{"check", "full"}}, "answers"},
      {Json{{"check", "full"}, {"answers", Json::array()}}, "answers"},
      {Json{{"check", "full"}, {"answers", maybe}}, "answers.fever"},
      {Json{{"check", "full"}, {"answers", boolean}}, "answers.fever"},
      {Json{{"check", "full"}, {"answers", no_fever}}, "answers.fever"},
      {Json{{"check", "full"}, {"answers", stranger}}, "answers.elbow"},
      {Json{{"check", "full"}, {"answers", all_no()}, {"entry", 3}}, "entry"},
      {Json{{"check", "legs"}, {"answers", Json::object()}, {"entry", "x"}}, "entry"},
      {Json{{"check", "full"}, {"answers", all_no()}, {"colour", "red"}}, "colour"},
  };
  for (const auto& c : cases) {
    const auto r = post("/api/safety/checks", c.body.dump());
    ASSERT_EQ(r.status, 422) << c.body.dump() << "\n" << r.body;
    EXPECT_NE(r.header("content-type").find("application/problem+json"), std::string::npos);
    bool named = false;
    const Json problem = r.json();
    for (const auto& e : problem["errors"]) {
      if (e["field"] == c.field) {
        named = true;
        EXPECT_FALSE(e["allowed"].get<std::string>().empty()) << r.body;
      }
    }
    EXPECT_TRUE(named) << c.field << " not named: " << r.body;
  }
  EXPECT_EQ(stored_checks(), 0U);
  EXPECT_EQ(status(), "check_needed");
}

// The person says a clinician has seen them: the emergency lock lifts, as
// with `daybreak screen ack --seen-clinician`, and the next check is asked.
TEST_F(SafetyApi, AClinicianSeenLiftsTheLockAndSaysWhatComesNext) {
  // Nothing waits for a review yet: refused, and nothing recorded.
  const auto early = post("/api/safety/clinician", R"({"seen_clinician": true})");
  ASSERT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(stored_checks(), 0U);

  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", {{"both_legs", "yes"}}}}.dump()).status,
            201);
  ASSERT_EQ(status(), "locked");
  const std::size_t before = stored_checks();
  for (const char* body : {R"({})", R"({"seen_clinician": false})", R"({"seen_clinician": "yes"})",
                           R"({"seen_clinician": true, "when": "today"})"}) {
    const auto r = post("/api/safety/clinician", body);
    ASSERT_EQ(r.status, 422) << body << "\n" << r.body;
    const Json e = r.json()["errors"][0];
    EXPECT_TRUE(e["field"] == "seen_clinician" || e["field"] == "when") << r.body;
    EXPECT_FALSE(e["allowed"].get<std::string>().empty());
  }
  EXPECT_EQ(stored_checks(), before);
  EXPECT_EQ(status(), "locked");

  const auto r = post("/api/safety/clinician", R"({"seen_clinician": true})");
  ASSERT_EQ(r.status, 201) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["event"]["kind"], "clinician_seen");
  EXPECT_EQ(j["event"]["result"], "acknowledged");
  EXPECT_TRUE(j["safety"]["emergency"].empty()) << r.body;
  // The check stopped at its emergency answer: the full check is still to do.
  EXPECT_EQ(j["safety"]["status"], "check_needed") << r.body;
  EXPECT_FALSE(j["safety"]["last_clinician_review"].is_null());
  EXPECT_EQ(stored_checks(), before + 1);
  EXPECT_EQ(get("/api/safety").json()["status"], j["safety"]["status"]);

  // Reviewed once: a second confirmation has nothing to close.
  EXPECT_EQ(post("/api/safety/clinician", R"({"seen_clinician": true})").status, 409);
  EXPECT_EQ(stored_checks(), before + 1);
}

}  // namespace
}  // namespace daybreak::testing
