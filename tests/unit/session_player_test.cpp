// The session player's state machine, driven by keys at chosen times: the
// questions, pause, skip, next, stop with a reason, Ctrl-C, and what it records.
#include "exercise/session_player.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "exercise/plan.hpp"

namespace daybreak {
namespace {

using namespace std::chrono_literals;

// Two exercises: "hold" (ready 10, hold 5, relax 5, hold 5) and "reps"
// (ready 10, reps 20): 55 s in all, 3 work steps.
PlanStep step(std::size_t exercise, StepType type, int seconds, int rep = 0, int reps = 0) {
  PlanStep s;
  s.exercise = exercise;
  s.type = type;
  s.seconds = seconds;
  if (is_work(type)) s.set = s.sets = 1;
  s.rep = rep;
  s.reps = reps;
  return s;
}

SessionPlan two_exercises() {
  SessionPlan plan;
  plan.program_id = "test";
  plan.title = "Test";
  plan.exercises.resize(2);
  plan.exercises[0].id = plan.exercises[0].name = "hold";
  plan.exercises[0].step_count = 4;
  plan.exercises[1].id = plan.exercises[1].name = "reps";
  plan.exercises[1].first_step = 4;
  plan.exercises[1].step_count = 2;
  plan.steps = {step(0, StepType::ready, 10),     step(0, StepType::hold, 5, 1, 2), step(0, StepType::relax, 5),
                step(0, StepType::hold, 5, 2, 2), step(1, StepType::ready, 10),     step(1, StepType::reps, 20, 0, 5)};
  return plan;
}

void type(SessionPlayer& p, std::string_view keys, SessionTime at) {
  for (const char k : keys) p.press(k, at);
}

std::string letters(const SessionPlayer& p) { return outcome_letters(p.result().steps); }

class Player : public ::testing::Test {
 protected:
  SessionPlan plan_ = two_exercises();
  SessionPlayer player_{plan_};

  void start(int pain = 4) { type(player_, std::to_string(pain) + "\n", 0ms); }
};

TEST_F(Player, AsksPainFirstAndRefusesWhatIsNotZeroToTen) {
  EXPECT_EQ(player_.phase(), PlayerPhase::pain_before);
  type(player_, "11\n", 0ms);
  EXPECT_EQ(player_.phase(), PlayerPhase::pain_before);
  EXPECT_TRUE(player_.complaint());
  type(player_, "\n", 0ms);  // nothing typed is no answer either
  EXPECT_EQ(player_.phase(), PlayerPhase::pain_before);
  type(player_, "9", 0ms);
  EXPECT_FALSE(player_.complaint());  // typing clears the complaint
  player_.press(keys::backspace, 0ms);
  type(player_, "3\n", 0ms);
  EXPECT_EQ(player_.phase(), PlayerPhase::playing);
  EXPECT_EQ(player_.result().pain_before.value(), 3);
  EXPECT_EQ(player_.step_index(), 0U);
}

TEST_F(Player, RunsToTheEndAskingTheComfortCheckAfterEachExercise) {
  start();
  player_.advance(24'999ms);
  EXPECT_EQ(player_.step_index(), 3U);
  EXPECT_EQ(player_.step_remaining(24'999ms), 1ms);
  EXPECT_EQ(player_.next_deadline(), 25'000ms);
  player_.advance(60s);  // time runs over the end of the first exercise: the question stops it
  EXPECT_EQ(player_.phase(), PlayerPhase::comfort);
  EXPECT_EQ(player_.asking_about(), 0U);
  EXPECT_EQ(player_.elapsed(60s), 60s);
  type(player_, "2\n", 61s);
  EXPECT_EQ(player_.phase(), PlayerPhase::playing);
  EXPECT_EQ(player_.step_index(), 4U);
  player_.advance(61s + 30s);
  EXPECT_EQ(player_.phase(), PlayerPhase::comfort);
  player_.press(keys::enter, 100s);  // Enter alone: no answer
  EXPECT_EQ(player_.phase(), PlayerPhase::finished);
  const SessionResult r = player_.result();
  EXPECT_EQ(letters(player_), "dddddd");
  EXPECT_EQ(r.pain_during, (std::vector<std::optional<PainScore>>{PainScore::make(2), std::nullopt}));
  EXPECT_FALSE(r.stop_reason);
  EXPECT_EQ(r.duration, 100s);
  EXPECT_EQ(player_.work_counts().done, 3);
}

TEST_F(Player, PauseFreezesTheStepAndTheClockKeepsTheTime) {
  start();
  player_.advance(4s);
  player_.press(keys::pause, 4s);
  EXPECT_EQ(player_.phase(), PlayerPhase::paused);
  EXPECT_FALSE(player_.next_deadline());
  player_.advance(100s);
  EXPECT_EQ(player_.step_remaining(100s), 6s);
  EXPECT_EQ(player_.step_index(), 0U);
  player_.press(keys::pause, 100s);
  player_.advance(106s);
  EXPECT_EQ(player_.step_index(), 1U);
  EXPECT_EQ(player_.elapsed(106s), 106s);  // pauses count in the session's length
  const auto events = player_.take_events();
  ASSERT_GE(events.size(), 4U);
  EXPECT_EQ(events[2].kind, PlayerEvent::Kind::paused);
  EXPECT_EQ(events[2].at, 4s);
  EXPECT_EQ(events[3].kind, PlayerEvent::Kind::resumed);
}

TEST_F(Player, SkipMovesOnAndResumesAndNextSkipsTheRestOfTheExercise) {
  start();
  player_.press(keys::pause, 1s);
  player_.press(keys::skip, 2s);
  EXPECT_EQ(player_.phase(), PlayerPhase::playing);
  EXPECT_EQ(player_.step_index(), 1U);
  player_.advance(7s);  // the hold is done
  player_.press(keys::next_exercise, 8s);
  EXPECT_EQ(player_.phase(), PlayerPhase::comfort) << "part of the exercise was done";
  type(player_, "1\n", 8s);
  player_.press(keys::next_exercise, 9s);  // nothing of "reps" was done: no question, the end
  EXPECT_EQ(player_.phase(), PlayerPhase::finished);
  EXPECT_EQ(letters(player_), "sdssss");
  EXPECT_EQ(player_.result().pain_during[1], std::nullopt);
}

TEST_F(Player, QuitAsksWhyThenTheComfortCheckOnTheExerciseInHand) {
  start();
  player_.advance(12s);  // 2 s into the first hold
  player_.press(keys::quit, 12s);
  EXPECT_EQ(player_.phase(), PlayerPhase::stop_reason);
  player_.press('x', 13s);
  EXPECT_TRUE(player_.complaint());
  player_.press(keys::escape, 14s);  // changed my mind
  EXPECT_EQ(player_.phase(), PlayerPhase::playing);
  EXPECT_EQ(player_.step_remaining(14s), 3s) << "the step did not run while asking";
  player_.press(keys::quit, 14s);
  player_.press('p', 15s);
  EXPECT_EQ(player_.phase(), PlayerPhase::comfort);
  EXPECT_EQ(player_.asking_about(), 0U);
  type(player_, "7\n", 16s);
  EXPECT_EQ(player_.phase(), PlayerPhase::finished);
  const SessionResult r = player_.result();
  EXPECT_EQ(r.stop_reason, StopReason::pain);
  EXPECT_EQ(letters(player_), "d-----");
  EXPECT_EQ(r.pain_during[0], PainScore::make(7));
  EXPECT_EQ(player_.over_ceiling(), 0U);  // 7 is above the 5/10 ceiling (clinical.md)
  EXPECT_EQ(r.duration, 16s);
}

TEST_F(Player, QuitBeforeAnyWorkEndsWithoutAQuestion) {
  start();
  player_.press(keys::quit, 1s);
  player_.press('t', 2s);
  EXPECT_EQ(player_.phase(), PlayerPhase::finished);
  EXPECT_EQ(player_.result().stop_reason, StopReason::time);
  EXPECT_EQ(letters(player_), "------");
}

TEST_F(Player, CtrlCStopsAtOnceAsOtherAndLeavingAtTheFirstQuestionCancels) {
  start();
  player_.advance(30s);
  ASSERT_EQ(player_.phase(), PlayerPhase::comfort);
  player_.press(keys::interrupt, 30s);
  EXPECT_EQ(player_.phase(), PlayerPhase::finished);
  EXPECT_EQ(player_.result().stop_reason, StopReason::other);
  EXPECT_EQ(letters(player_), "dddd--");

  SessionPlayer other(plan_);
  other.press(keys::quit, 0ms);
  EXPECT_EQ(other.phase(), PlayerPhase::cancelled);
  EXPECT_TRUE(other.over());
}

TEST_F(Player, ARatingAtOrBelowTheCeilingClearsTheWarning) {
  start();
  player_.advance(30s);
  type(player_, "6\n", 30s);
  EXPECT_EQ(player_.over_ceiling(), 0U);
  player_.advance(70s);
  type(player_, "5\n", 70s);
  EXPECT_FALSE(player_.over_ceiling());
}

TEST_F(Player, ProgressCountsPlannedSecondsAndTheClockNeverRunsBackwards) {
  start();
  player_.advance(12s);
  EXPECT_EQ(player_.progress(12s), 12s);
  player_.advance(5s);  // earlier than before: ignored
  EXPECT_EQ(player_.step_index(), 1U);
  EXPECT_EQ(player_.progress(12s), 12s);
}

// ---- the shared cases ----------------------------------------------------------
// tests/data/player_cases.json is played by this player and by the web app's
// (web/tests/player.test.ts), so that the two cannot drift apart.

using nlohmann::json;

json shared_cases() {
  const auto path = std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "player_cases.json";
  std::ifstream in(path);
  return json::parse(in);
}

SessionPlan shared_plan(const json& shared) {
  SessionPlan plan;
  plan.program_id = "test";
  plan.title = "Test";
  for (const auto& e : shared.at("plan")) {
    PlanExercise ex;
    ex.id = ex.name = e.at("exercise").get<std::string>();
    ex.first_step = plan.steps.size();
    for (const auto& s : e.at("steps")) {
      const auto type = parse_choice<StepType>(s.at(0).get<std::string>());
      if (!type) throw std::runtime_error("a step type the player does not know: " + s.at(0).dump());
      plan.steps.push_back(step(plan.exercises.size(), *type, s.at(1).get<int>()));
    }
    ex.step_count = plan.steps.size() - ex.first_step;
    plan.exercises.push_back(std::move(ex));
  }
  return plan;
}

std::string phase_word(PlayerPhase phase) {
  constexpr std::array<std::string_view, 7> words = {"pain_before", "playing",  "paused",   "comfort",
                                                     "stop_reason", "finished", "cancelled"};
  return std::string(words.at(static_cast<std::size_t>(phase)));
}

// One action as keys: what a person presses to do it in the terminal.
void play(SessionPlayer& p, const json& a) {
  const SessionTime at{a.at("at").get<std::int64_t>()};
  const std::string what = a.at("do").get<std::string>();
  const auto answer = [&] { return a.at("pain").is_null() ? std::string() : std::to_string(a.at("pain").get<int>()); };
  if (what == "begin" || what == "comfort") {
    type(p, answer() + "\n", at);
  } else if (what == "advance") {
    p.advance(at);
  } else if (what == "pause") {
    p.press(keys::pause, at);
  } else if (what == "skip_step") {
    p.press(keys::skip, at);
  } else if (what == "skip_exercise") {
    p.press(keys::next_exercise, at);
  } else if (what == "ask_stop" || what == "cancel") {
    p.press(keys::quit, at);
  } else if (what == "carry_on") {
    p.press(keys::escape, at);
  } else if (what == "stop") {
    p.press(a.at("reason").get<std::string>().at(0), at);  // p, t or o
  } else {
    FAIL() << "an action the shared cases do not know: " << what;
  }
}

json result_json(const SessionResult& r) {
  json pain_during = json::array();
  for (const auto& p : r.pain_during) pain_during.push_back(p ? json(p->value()) : json());
  return json{{"pain_before", r.pain_before.value()},
              {"steps", outcome_letters(r.steps)},
              {"pain_during", pain_during},
              {"stop_reason", r.stop_reason ? json(name_of(*r.stop_reason)) : json()},
              {"duration_seconds", r.duration.count()}};
}

TEST(SharedPlayerCases, EachCasePlaysAsTheWebPlayerPlaysIt) {
  const json shared = shared_cases();
  ASSERT_GE(shared.at("cases").size(), 5U);
  for (const auto& c : shared.at("cases")) {
    const std::string name = c.at("name").get<std::string>();
    const SessionPlan plan = shared_plan(shared);
    SessionPlayer p(plan);
    std::size_t n = 0;
    for (const auto& a : c.at("script")) {
      play(p, a);
      const SessionTime at{a.at("at").get<std::int64_t>()};
      const std::string where = fmt::format("{}: step {} ({} at {})", name, ++n, a.at("do").get<std::string>(),
                                            a.at("at").get<std::int64_t>());
      const json e = a.value("expect", json::object());
      if (e.contains("phase")) {
        EXPECT_EQ(phase_word(p.phase()), e.at("phase").get<std::string>()) << where;
      }
      if (e.contains("step")) {
        EXPECT_EQ(p.step_index(), e.at("step").get<std::size_t>()) << where;
      }
      if (e.contains("asking_about")) {
        EXPECT_EQ(p.asking_about(), e.at("asking_about").get<std::size_t>()) << where;
      }
      if (e.contains("step_remaining")) {
        EXPECT_EQ(p.step_remaining(at).count(), e.at("step_remaining").get<std::int64_t>()) << where;
      }
      if (e.contains("over_ceiling")) {
        EXPECT_EQ(p.over_ceiling(), e.at("over_ceiling").get<std::size_t>()) << where;
      }
    }
    if (c.contains("result")) {
      EXPECT_EQ(result_json(p.result()), c.at("result")) << name;
    }
    if (c.contains("work")) {
      const WorkCounts w = p.work_counts();
      EXPECT_EQ((json{{"total", w.total}, {"done", w.done}, {"skipped", w.skipped}}), c.at("work")) << name;
    }
  }
}

}  // namespace
}  // namespace daybreak
