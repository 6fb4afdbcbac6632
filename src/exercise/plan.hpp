// A session plan: one routine expanded, for one person's levels, into the
// exact list of timed steps that a player (terminal or web) plays in order.
// Computed once; its JSON form is documented in docs/session-plan.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exercise/dose.hpp"
#include "exercise/library.hpp"

namespace daybreak {

// The person's level on each exercise's ladder, by exercise id. An exercise
// not listed is at level 1.
using ExerciseLevels = std::map<std::string, int, std::less<>>;

// Seconds the player gives before each exercise, and to change sides. They are
// about comfort, not dose: the person can pause whenever they need more.
inline constexpr int kReadySeconds = 10;
inline constexpr int kReadyNewPositionSeconds = 20;  // e.g. from the bed to the floor
inline constexpr int kSwitchSidesSeconds = 5;

struct PlanExercise {
  std::string id;
  std::string name;
  ExerciseKind kind = ExerciseKind::mobility;
  Position position = Position::floor;
  Sides sides = Sides::both;
  int level = 1;                          // on this exercise's ladder
  int levels = 1;                         // rungs on the ladder
  std::optional<std::string> instead_of;  // the routine's exercise, when its ladder moved on to this one
  Dose dose;                              // as played: the level's dose with the routine's fixed parts
  std::string note;                       // from the routine
  std::vector<std::string> instructions;  // the exercise's steps
  std::size_t first_step = 0;             // index into SessionPlan::steps
  std::size_t step_count = 0;
  bool operator==(const PlanExercise&) const = default;
};

struct PlanStep {
  std::size_t exercise = 0;  // index into SessionPlan::exercises
  StepType type = StepType::ready;
  Side side = Side::none;
  int set = 0;  // 1-based, 0 when the step is not part of a set (ready)
  int sets = 0;
  int rep = 0;  // holds: which hold, 1-based; 0 for a set of reps
  int reps = 0;
  int seconds = 0;
  int rep_seconds = 0;  // reps: seconds per rep, to count them while playing
  std::string cue;
  bool operator==(const PlanStep&) const = default;
};

struct SessionPlan {
  std::string program_id;
  std::string program_name;
  int stage = 1;
  RoutineKind routine = RoutineKind::morning;
  std::string title;
  std::string intro;
  std::vector<PlanExercise> exercises;
  std::vector<PlanStep> steps;

  [[nodiscard]] int total_seconds() const;
  [[nodiscard]] int work_steps() const;
  bool operator==(const SessionPlan&) const = default;
};

// Expands `kind` of `stage` (ignored for the flare routine, but recorded) of
// `program` from a checked library. Pure: the same inputs give the same plan.
[[nodiscard]] SessionPlan expand_plan(const ContentLibrary& library, const Program& program, int stage,
                                      RoutineKind kind, const ExerciseLevels& levels);

// The exercise played for `exercise` at the person's level: itself, or where
// the top rung of its ladder moves on to (followed to the end).
[[nodiscard]] const Exercise& played_exercise(const ContentLibrary& library, const Exercise& exercise,
                                              const ExerciseLevels& levels);

[[nodiscard]] int level_of(const ExerciseLevels& levels, std::string_view exercise_id);

// The words for steps, one wording for the terminal player, the web player
// and the session log. What a step asks: "Set 1 of 2, hold 3 of 8, left
// side"; with `rep`, the repetition being played ("8 reps, rep 3 of 8").
[[nodiscard]] std::string step_words(const PlanStep& step, std::optional<int> rep = std::nullopt);
// "left side", "right side", "left and right in turn", or "" for no side.
[[nodiscard]] std::string_view side_words(Side side);
// The step with its exercise: "Abdominal brace: set 1 of 2, hold 3 of 8, left
// side"; a ready step names the position ("Bird dog: get ready (on hands and knees)").
[[nodiscard]] std::string describe_step(const SessionPlan& plan, const PlanStep& step);

}  // namespace daybreak
