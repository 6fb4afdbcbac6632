// Plan expansion: the exact step list for each shape of dose and side, the
// person's levels and ladders, and golden plans of the built-in program (as
// text for people, and in the JSON form the web player reads).
// DAYBREAK_UPDATE_GOLDEN=1 rewrites tests/unit/plan_golden/; read the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "content/library_loader.hpp"
#include "exercise/json.hpp"
#include "exercise/plan.hpp"
#include "unit/builtin.hpp"

namespace daybreak {
namespace {

const std::filesystem::path kGoldenDir = std::filesystem::path(__FILE__).parent_path() / "plan_golden";

using testing::builtin;

Exercise exercise(std::string id, ExerciseKind kind, Sides sides, Dose dose, Position position = Position::floor) {
  Exercise e;
  e.id = id;
  e.name = id;
  e.kind = kind;
  e.position = position;
  e.sides = sides;
  e.steps = {"Start like this."};
  e.cues = {"cue one", "cue two"};
  e.cautions = {"careful"};
  e.levels = {{dose, std::nullopt}};
  return e;
}

Program one_routine(std::vector<RoutineItem> items) {
  Program p;
  p.id = "test";
  p.name = "Test";
  Stage s;
  s.morning = Routine{RoutineKind::morning, "Morning", "intro", std::move(items)};
  s.evening = s.morning;
  p.stages = {s};
  p.flare = s.morning;
  return p;
}

// "ready 10 | hold L 1/1 1/2 5 | relax 3 | ...": the shape of a plan.
std::string shape(const SessionPlan& plan) {
  std::string out;
  for (const auto& s : plan.steps) {
    if (!out.empty()) out += " | ";
    out += std::string(name_of(s.type));
    if (s.side == Side::left) out += " L";
    if (s.side == Side::right) out += " R";
    if (s.side == Side::alternating) out += " LR";
    if (is_work(s.type)) out += fmt::format(" {}/{} {}/{}", s.set, s.sets, s.rep, s.reps);
    out += fmt::format(" {}", s.seconds);
  }
  return out;
}

TEST(PlanExpansion, HoldsOnEachSideThenTheOtherWithRelaxSwitchAndRest) {
  const Dose dose{
      .sets = 2, .reps = 2, .hold_seconds = 10, .minutes = 0, .tempo = {}, .relax_seconds = 3, .rest_seconds = 20};
  const ContentLibrary lib({exercise("side_hold", ExerciseKind::activation, Sides::each, dose)}, {});
  const Program p = one_routine({{"side_hold", {}, ""}});
  const SessionPlan plan = expand_plan(lib, p, 1, RoutineKind::morning, {});
  EXPECT_EQ(shape(plan),
            "ready 10 | hold L 1/2 1/2 10 | relax L 3 | hold L 1/2 2/2 10 | switch_sides R 5 | hold R 1/2 1/2 10 | "
            "relax R 3 | hold R 1/2 2/2 10 | rest 20 | hold L 2/2 1/2 10 | relax L 3 | hold L 2/2 2/2 10 | "
            "switch_sides R 5 | hold R 2/2 1/2 10 | relax R 3 | hold R 2/2 2/2 10");
  EXPECT_EQ(plan.work_steps(), 8);
  EXPECT_EQ(plan.total_seconds(), 10 + 8 * 10 + 4 * 3 + 2 * 5 + 20);
  // Cues take turns over the work steps; the ready step shows the first instruction.
  EXPECT_EQ(plan.steps[0].cue, "Start like this.");
  EXPECT_EQ(plan.steps[1].cue, "cue one");
  EXPECT_EQ(plan.steps[3].cue, "cue two");
  EXPECT_EQ(plan.steps[4].cue, "Change sides: now the right side.");
  EXPECT_EQ(plan.steps[8].cue, "Rest. Next: set 2 of 2.");
  ASSERT_EQ(plan.exercises.size(), 1U);
  EXPECT_EQ(plan.exercises[0].first_step, 0U);
  EXPECT_EQ(plan.exercises[0].step_count, plan.steps.size());
}

TEST(PlanExpansion, AlternatingHoldsTakeTurnsAndRepsAreOneStepPerSet) {
  const Dose holds{
      .sets = 1, .reps = 2, .hold_seconds = 8, .minutes = 0, .tempo = {}, .relax_seconds = 2, .rest_seconds = 0};
  const Dose reps{.sets = 2,
                  .reps = 10,
                  .hold_seconds = 0,
                  .minutes = 0,
                  .tempo = {2, 0, 2},
                  .relax_seconds = 5,
                  .rest_seconds = 30};
  const Dose walk{
      .sets = 1, .reps = 0, .hold_seconds = 0, .minutes = 4, .tempo = {}, .relax_seconds = 5, .rest_seconds = 30};
  const ContentLibrary lib({exercise("dog", ExerciseKind::activation, Sides::alternate, holds),
                            exercise("slides", ExerciseKind::activation, Sides::alternate, reps, Position::in_bed),
                            exercise("tilt", ExerciseKind::mobility, Sides::both, reps, Position::in_bed),
                            exercise("walk", ExerciseKind::aerobic, Sides::both, walk, Position::standing)},
                           {});
  const Program p = one_routine({{"dog", {}, ""}, {"slides", {}, ""}, {"tilt", {}, "small range"}, {"walk", {}, ""}});
  const SessionPlan plan = expand_plan(lib, p, 1, RoutineKind::morning, {});
  EXPECT_EQ(shape(plan),
            "ready 10 | hold L 1/1 1/2 8 | relax L 2 | hold R 1/1 1/2 8 | relax R 2 | hold L 1/1 2/2 8 | relax L 2 | "
            "hold R 1/1 2/2 8 | "
            // a new position (floor -> bed) gives more time to get ready
            "ready 20 | reps LR 1/2 0/10 80 | rest 30 | reps LR 2/2 0/10 80 | "
            "ready 10 | reps 1/2 0/10 40 | rest 30 | reps 2/2 0/10 40 | "
            "ready 20 | timed 1/1 0/0 240");
  const PlanStep& tilt_ready = plan.steps[plan.exercises[2].first_step];
  EXPECT_EQ(tilt_ready.cue, "small range");  // the routine's note, when there is one
  EXPECT_EQ(plan.steps[plan.exercises[1].first_step + 1].rep_seconds, 4);
}

TEST(PlanExpansion, UsesThePersonsLevelsClampedToTheLadder) {
  Exercise e = exercise(
      "bridge", ExerciseKind::strength, Sides::both,
      {.sets = 2, .reps = 8, .hold_seconds = 0, .minutes = 0, .tempo = {}, .relax_seconds = 0, .rest_seconds = 30});
  Dose more = e.levels[0].dose;
  more.reps = 12;
  e.levels.push_back({more, std::nullopt});
  const ContentLibrary lib({e}, {});
  const Program p = one_routine({{"bridge", {}, ""}});
  EXPECT_EQ(expand_plan(lib, p, 1, RoutineKind::morning, {}).exercises[0].dose.reps, 8);
  EXPECT_EQ(expand_plan(lib, p, 1, RoutineKind::morning, {{"bridge", 2}}).exercises[0].dose.reps, 12);
  // A level past the top (the content changed since) plays the top; stale ids are ignored.
  const auto plan = expand_plan(lib, p, 1, RoutineKind::morning, {{"bridge", 9}, {"gone", 3}});
  EXPECT_EQ(plan.exercises[0].dose.reps, 12);
  EXPECT_EQ(plan.exercises[0].level, 2);
  EXPECT_EQ(plan.exercises[0].levels, 2);
  // A dose the routine fixes wins over the level.
  DosePatch fixed;
  fixed.sets = 1;
  const auto one_set = expand_plan(lib, one_routine({{"bridge", fixed, ""}}), 1, RoutineKind::morning, {});
  EXPECT_EQ(one_set.exercises[0].dose.sets, 1);
  EXPECT_EQ(one_set.work_steps(), 1);
}

TEST(PlanExpansion, ATopRungThatMovesOnPlaysTheNextExerciseAtItsOwnLevel) {
  const ContentLibrary& lib = builtin();
  const Program& p = lib.default_program();
  const auto plan = expand_plan(lib, p, 1, RoutineKind::morning, {{"heel_slides", 4}, {"supine_march", 2}});
  const auto it = std::find_if(plan.exercises.begin(), plan.exercises.end(),
                               [](const PlanExercise& e) { return e.id == "supine_march"; });
  ASSERT_NE(it, plan.exercises.end());
  EXPECT_EQ(it->instead_of, "heel_slides");
  EXPECT_EQ(it->level, 2);
  EXPECT_EQ(it->dose.reps, 10);
  EXPECT_EQ(played_exercise(lib, *lib.exercise("glute_bridge"), {{"glute_bridge", 5}}).id, "single_leg_bridge");
}

// ---- golden plans of the built-in program ---------------------------------

std::string as_text(const SessionPlan& plan) {
  std::string out = fmt::format("{}, stage {}, {}: {} steps, {} work steps, {} s\n", plan.program_id, plan.stage,
                                name_of(plan.routine), plan.steps.size(), plan.work_steps(), plan.total_seconds());
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& s = plan.steps[i];
    if (s.type == StepType::ready) {
      const PlanExercise& e = plan.exercises[s.exercise];
      out += fmt::format("\n{} (level {} of {}{}): {}\n", e.id, e.level, e.levels,
                         e.instead_of ? ", instead of " + *e.instead_of : "", describe_dose(e.dose, e.sides));
    }
    out += fmt::format("{:>3} {:>4} s  {}  | {}\n", i + 1, s.seconds, describe_step(plan, s), s.cue);
  }
  return out;
}

void check_golden(const std::string& name, const std::string& actual) {
  const auto path = kGoldenDir / name;
  const char* update = std::getenv("DAYBREAK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(kGoldenDir);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; run with DAYBREAK_UPDATE_GOLDEN=1";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str()) << "plan golden " << path;
}

class BuiltinPlans : public ::testing::Test {
 protected:
  static const ContentLibrary& lib() { return builtin(); }
  static ExerciseLevels top_levels() {
    ExerciseLevels levels;
    for (const Exercise& e : lib().exercises()) levels[e.id] = e.level_count();
    return levels;
  }
};

TEST_F(BuiltinPlans, Stage1MorningAtLevelOne) {
  const auto plan = expand_plan(lib(), lib().default_program(), 1, RoutineKind::morning, {});
  check_golden("stage1-morning.txt", as_text(plan));
  check_golden("stage1-morning.json", plan_to_json(plan).dump(2) + "\n");
}

TEST_F(BuiltinPlans, Stage2EveningAtTheTopOfEveryLadder) {
  check_golden("stage2-evening-top.txt",
               as_text(expand_plan(lib(), lib().default_program(), 2, RoutineKind::evening, top_levels())));
}

TEST_F(BuiltinPlans, FlareDayWithItsFixedDoses) {
  check_golden("flare.txt", as_text(expand_plan(lib(), lib().default_program(), 3, RoutineKind::flare, {})));
}

TEST_F(BuiltinPlans, TheJsonFormReadsBackToTheSamePlan) {
  const Program& p = lib().default_program();
  for (int stage = 1; stage <= p.stage_count(); ++stage) {
    for (const auto kind : {RoutineKind::morning, RoutineKind::evening, RoutineKind::flare}) {
      const SessionPlan plan = expand_plan(lib(), p, stage, kind, top_levels());
      const auto back = plan_from_json(nlohmann::ordered_json::parse(plan_to_json(plan).dump()));
      ASSERT_TRUE(back.ok()) << back.error();
      EXPECT_EQ(*back, plan) << "stage " << stage << " " << name_of(kind);
    }
  }
  auto json = plan_to_json(expand_plan(lib(), p, 1, RoutineKind::morning, {}));
  json["format"] = "daybreak-plan/2";
  EXPECT_FALSE(plan_from_json(json).ok());
  json["format"] = "daybreak-plan/1";
  json["steps"][0]["exercise"] = 99;
  EXPECT_EQ(plan_from_json(json).error(), "steps[0].exercise: 99 names no exercise");
}

}  // namespace
}  // namespace daybreak
