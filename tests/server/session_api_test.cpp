// The program and guided sessions over HTTP: the plan is the one the terminal
// player plays, a result is checked against it and stored once per key, and
// every refusal names the fields.
#include <algorithm>

#include "api_fixture.hpp"
#include "app/session.hpp"
#include "exercise/json.hpp"
#include "report/handout_pdf.hpp"
#include "support/safety_fixtures.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class SessionApi : public ApiTest {
 protected:
  // Sessions start only after the safety check (clinical.md "Safety").
  SessionApi() { pass_safety_check(store_, user_.id, fixed_now() - std::chrono::hours{1}, berlin()); }

  // What the web player sends after playing `plan` to its end.
  static Json finished(const Json& plan) {
    Json during = Json::array();
    for (std::size_t i = 0; i < plan["exercises"].size(); ++i) during.push_back(i == 0 ? Json(2) : Json(nullptr));
    return Json{{"program", plan["program"]},
                {"stage", plan["stage"]},
                {"routine", plan["routine"]},
                {"started_at", "2026-11-23T06:10:00Z"},
                {"pain_before", 4},
                {"steps", std::string(plan["steps"].size(), 'd')},
                {"pain_during", during},
                {"stop_reason", nullptr},
                {"duration_seconds", plan["total_seconds"]}};
  }
};

// The gate (issue 5) answers before a plan is served (issue 3, 7); a session
// already played is stored even when a check fell due meanwhile.
TEST_F(SessionApi, APlanWaitsForTheSafetyCheckButAPlayedSessionIsAlwaysStored) {
  const Json plan = get("/api/session-plans/morning").json();
  clock_.advance(std::chrono::days{8});  // the weekly check is now due
  const auto refused = get("/api/session-plans/morning");
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.json()["details"][0].get<std::string>().find("the weekly safety check is due"), std::string::npos)
      << refused.body;
  const auto saved = post("/api/sessions", finished(plan).dump());
  EXPECT_EQ(saved.status, 201) << saved.body;
}

// Issue 15.2: POST /api/sessions stored (201) a session begun after an
// emergency answer, from a plan fetched before the lock; and a morning
// routine begun during a pause. Judged at the session's start.
TEST_F(SessionApi, ASessionBegunAfterALockOrDuringAPauseIsRefusedOneBegunBeforeIsStored) {
  const Json morning = get("/api/session-plans/morning").json();
  const Json flare = get("/api/session-plans/flare").json();
  const auto begun = [](Json body, const char* at) {
    body["started_at"] = at;
    return body.dump();
  };
  Json answers = Json::object();
  for (const auto& a : all_no_answers()) answers[a.question] = "no";
  answers["fever"] = "yes";  // 06:30: paused
  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", answers}}.dump()).status, 201);
  const auto paused = post("/api/sessions", begun(finished(morning), "2026-11-23T06:31:00Z"));
  EXPECT_EQ(paused.status, 409) << paused.body;
  EXPECT_NE(paused.body.find("paused"), std::string::npos) << paused.body;
  EXPECT_EQ(post("/api/sessions", begun(finished(flare), "2026-11-23T06:32:00Z")).status, 201);

  clock_.advance(std::chrono::minutes{10});
  answers["both_legs"] = "yes";  // 06:40: locked
  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", answers}}.dump()).status, 201);
  const auto locked = post("/api/sessions", begun(finished(flare), "2026-11-23T06:41:00Z"));
  EXPECT_EQ(locked.status, 409) << locked.body;
  EXPECT_NE(locked.body.find("emergency"), std::string::npos) << locked.body;
  EXPECT_EQ(post("/api/sessions", begun(finished(morning), "2026-11-23T06:10:00Z")).status, 201)
      << "begun before the pause and the lock: history";
  EXPECT_EQ(get("/api/sessions").json()["sessions"].size(), 2U);
}

// The core speaks no command line: a refusal carries what to do next as a hint
// (a button in the web app), and its words name no `daybreak` command.
TEST_F(SessionApi, ARefusedPlanSaysWhatToDoNextAsAHintNotAsACommand) {
  clock_.advance(std::chrono::days{8});  // the weekly check is now due
  const auto due = get("/api/session-plans/morning");
  ASSERT_EQ(due.status, 409) << due.body;
  EXPECT_EQ(due.json()["hint"], (Json{{"action", "safety_check"}, {"args", Json::object()}})) << due.body;
  EXPECT_EQ(due.json()["detail"].get<std::string>().find("daybreak "), std::string::npos) << due.body;

  Json answers = Json::object();
  for (const auto& a : all_no_answers()) answers[a.question] = "no";
  answers["fever"] = "yes";  // paused: only the flare-day routine
  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", answers}}.dump()).status, 201);
  const auto paused = get("/api/session-plans/morning");
  ASSERT_EQ(paused.status, 409) << paused.body;
  EXPECT_EQ(paused.json()["hint"]["action"], "flare_session") << paused.body;

  answers["both_legs"] = "yes";  // locked: nothing to start, so no hint
  ASSERT_EQ(post("/api/safety/checks", Json{{"check", "full"}, {"answers", answers}}.dump()).status, 201);
  const auto locked = get("/api/session-plans/flare");
  ASSERT_EQ(locked.status, 409) << locked.body;
  EXPECT_FALSE(locked.json().contains("hint")) << locked.body;
}

TEST_F(SessionApi, TheProgramShowsTheStageAndItsRoutines) {
  const auto r = get("/api/program");
  ASSERT_EQ(r.status, 200) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["stage"], 1);
  EXPECT_GE(j["stages"].get<int>(), 2);
  ASSERT_EQ(j["routines"].size(), 3U);
  EXPECT_EQ(j["routines"][0]["routine"], "morning");
  EXPECT_EQ(j["routines"][1]["routine"], "evening");
  EXPECT_EQ(j["routines"][2]["routine"], "flare");
  EXPECT_GT(j["routines"][0]["total_seconds"].get<int>(), 60);
  const auto bad = get("/api/program?program=nope");
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "program");
}

TEST_F(SessionApi, ThePlanIsTheOneTheTerminalPlays) {
  const auto r = get("/api/session-plans/morning");
  ASSERT_EQ(r.status, 200) << r.body;
  Json served = r.json();
  const auto expected = session_plan(store_, content(), user_.id, SessionChoice{RoutineKind::morning, {}, {}});
  ASSERT_TRUE(expected.ok());
  // Each step gains its words and each exercise its figure (issue 22); the
  // rest is plan_to_json's, key for key.
  ASSERT_EQ(served["steps"].size(), expected->steps.size());
  EXPECT_EQ(served["steps"][0]["text"], describe_step(*expected, expected->steps[0]));
  for (auto& s : served["steps"]) s.erase("text");
  const Json& figure = served["exercises"][0]["figure"];
  EXPECT_EQ(figure, figure_to_json(*content().exercise(expected->exercises[0].id)));
  EXPECT_EQ(figure["surface"], "bed");  // abdominal_brace, in bed
  EXPECT_GE(figure["poses"].size(), 2U);
  EXPECT_EQ(figure["poses"][0]["hip"].size(), 2U);  // [near, far]
  for (auto& e : served["exercises"]) e.erase("figure");
  EXPECT_EQ(served, plan_to_json(*expected));
  EXPECT_EQ(served["format"], "daybreak-plan/1");

  EXPECT_EQ(get("/api/session-plans/evening?stage=2").json()["stage"], 2);
  const auto bad = get("/api/session-plans/lunch?stage=0");
  ASSERT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["errors"].size(), 2U);  // routine and stage at once
  EXPECT_EQ(get("/api/session-plans/morning?stage=99").status, 400);
}

// Issue 22: the exercise library. Every exercise of the content, each as
// `daybreak exercise show --json` prints it, with the routines that have it.
TEST_F(SessionApi, TheLibraryListsEveryExerciseWithItsFigureAndWhereItIsUsed) {
  const auto r = get("/api/exercises");
  ASSERT_EQ(r.status, 200) << r.body;
  Json list = r.json()["exercises"];
  ASSERT_EQ(list.size(), content().exercises().size());
  EXPECT_EQ(list.size(), 31U);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Exercise& e = content().exercises()[i];
    EXPECT_GE(list[i]["figure"]["poses"].size(), 2U) << e.id;
    EXPECT_EQ(list[i]["used_in"], exercise_uses_to_json(e.id, content())) << e.id;
    list[i].erase("used_in");
    EXPECT_EQ(list[i], exercise_to_json(e)) << e.id;
  }

  // The brace starts every stage's morning, in bed; the page names each routine.
  const auto brace = get("/api/exercises/abdominal_brace");
  ASSERT_EQ(brace.status, 200) << brace.body;
  const Json uses = brace.json()["used_in"];
  ASSERT_FALSE(uses.empty());
  EXPECT_EQ(uses[0]["program"], "daybreak");
  EXPECT_EQ(uses[0]["stage"], 1);
  EXPECT_EQ(uses[0]["routine"], "morning");
  EXPECT_EQ(uses[0]["title"], content().default_program().stage(1).morning.title);
  const auto in_flare = [](const Json& u) { return u["routine"] == "flare" && u["stage"].is_null(); };
  const Json walking = get("/api/exercises/walking").json()["used_in"];
  EXPECT_TRUE(std::any_of(walking.begin(), walking.end(), in_flare)) << walking.dump();

  // Variants name each other.
  const Json bird_dog = get("/api/exercises/bird_dog").json();
  EXPECT_EQ(bird_dog["easier"], "quadruped_leg_reach");
  EXPECT_EQ(get("/api/exercises/quadruped_leg_reach").json()["harder"], "bird_dog");

  const auto missing = get("/api/exercises/nope");
  ASSERT_EQ(missing.status, 404) << missing.body;
  EXPECT_NE(missing.body.find("there is no exercise 'nope'"), std::string::npos) << missing.body;
}

// Issue 22: the home program to print, the same PDF as `daybreak program print`.
TEST_F(SessionApi, TheHomeProgramIsAPdfOfTheStageToPrint) {
  const auto r = get("/api/program/handout.pdf");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"daybreak-program-stage-1.pdf\"");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.body.substr(0, 5), "%PDF-");
  const Program& p = content().default_program();
  const auto direct = handout_pdf(make_handout(content(), p, 3, {}, clock_.now(), berlin()), Paper::letter);
  ASSERT_TRUE(direct.ok()) << direct.error();
  const auto three = get("/api/program/handout.pdf?stage=3&paper=letter");
  ASSERT_EQ(three.status, 200);
  EXPECT_EQ(three.header("content-disposition"), "attachment; filename=\"daybreak-program-stage-3.pdf\"");
  EXPECT_EQ(three.body, *direct);
  const auto bad = get("/api/program/handout.pdf?stage=9&paper=a5");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.json()["errors"].size(), 1U);  // the paper first; the stage once it is known
  EXPECT_EQ(get("/api/program/handout.pdf?stage=9").json()["errors"][0]["allowed"], "a stage from 1 to 4");
}

TEST_F(SessionApi, AResultIsStoredOncePerKeyAndListed) {
  const Json plan = get("/api/session-plans/morning").json();
  const Json body = finished(plan);
  const auto saved = post("/api/sessions", body.dump(), "Idempotency-Key: 5d1c\r\n");
  ASSERT_EQ(saved.status, 201) << saved.body;
  const Json s = saved.json();
  EXPECT_EQ(s["routine"], "morning");
  EXPECT_EQ(s["pain_before"], 4);
  EXPECT_EQ(s["completed"], true);
  EXPECT_EQ(s["channel"], "api");
  EXPECT_EQ(s["started_at"], "2026-11-23T06:10:00Z");
  EXPECT_EQ(s["exercises"][0]["pain_during"], 2);
  EXPECT_EQ(s["work_steps"]["done"], plan["work_steps"]);

  const auto again = post("/api/sessions", body.dump(), "Idempotency-Key: 5d1c\r\n");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json()["id"], s["id"]);
  Json other = body;
  other["pain_before"] = 6;
  EXPECT_EQ(post("/api/sessions", other.dump(), "Idempotency-Key: 5d1c\r\n").status, 409);

  const Json list = get("/api/sessions").json();
  ASSERT_EQ(list["sessions"].size(), 1U);
  Json listed = s;
  listed.erase("progression");  // what the save decided (issue 4) is not part of the session
  EXPECT_EQ(list["sessions"][0], listed);
  EXPECT_EQ(get("/api/sessions?limit=0").status, 400);
}

TEST_F(SessionApi, AStoppedSessionNeedsItsReason) {
  const Json plan = get("/api/session-plans/evening").json();
  Json body = finished(plan);
  std::string steps(plan["steps"].size(), '-');
  steps[0] = 'd';
  body["steps"] = steps;
  const auto no_reason = post("/api/sessions", body.dump());
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.json()["errors"][0]["field"], "stop_reason");
  body["stop_reason"] = "pain";
  const auto stopped = post("/api/sessions", body.dump());
  ASSERT_EQ(stopped.status, 201) << stopped.body;
  EXPECT_EQ(stopped.json()["stop_reason"], "pain");
  EXPECT_EQ(stopped.json()["completed"], false);
}

TEST_F(SessionApi, EveryBadValueIsNamedAndNothingIsStored) {
  const Json plan = get("/api/session-plans/morning").json();
  Json body = finished(plan);
  body["pain_before"] = 11;
  body["steps"] = "dx";
  body["pain_during"] = Json::array({12});
  body["stop_reason"] = "bored";
  body["duration_seconds"] = -1;
  body["started_at"] = "2027-01-01T00:00:00Z";  // after now
  body["colour"] = "red";
  const auto r = post("/api/sessions", body.dump());
  ASSERT_EQ(r.status, 422) << r.body;
  std::vector<std::string> fields;
  const Json errors = r.json()["errors"];
  for (const auto& e : errors) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"colour", "started_at", "pain_before", "steps", "pain_during",
                                              "stop_reason", "duration_seconds"}));
  // The right shape, but not this plan's: one outcome per step is checked.
  Json short_steps = finished(plan);
  short_steps["steps"] = "dd";
  const auto mismatch = post("/api/sessions", short_steps.dump());
  ASSERT_EQ(mismatch.status, 422);
  EXPECT_EQ(mismatch.json()["errors"][0]["field"], "steps");
  EXPECT_EQ(get("/api/sessions").json()["sessions"].size(), 0U);
}

}  // namespace
}  // namespace daybreak::testing
