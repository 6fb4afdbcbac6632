// Moving one routine item up or down its dose ladder: a level up, a level
// down, or across to the harder or easier exercise where the ladder moves on
// (see docs/content-authoring.md, "levels"). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/library.hpp"
#include "exercise/plan.hpp"

namespace daybreak {

// One exercise's level before and after a decision, and what that means for
// the person ("Glute bridge: holds go from 20 to 25 s").
struct LevelChange {
  std::string exercise;  // whose level changes
  int from = 1;
  int to = 1;
  std::string what;
  bool operator==(const LevelChange&) const = default;
};

// The exercises from the routine's `listed` one to the one played at the
// person's levels, following the ladders that move on. Never empty.
[[nodiscard]] std::vector<const Exercise*> ladder_chain(const ContentLibrary& library, const Exercise& listed,
                                                        const ExerciseLevels& levels);

// One step up: the played exercise's next level (its top may move on to the
// harder exercise). nullopt at the top of the last ladder.
[[nodiscard]] std::optional<LevelChange> step_up(const ContentLibrary& library, const RoutineItem& item,
                                                 const ExerciseLevels& levels);
// One step back: the played exercise's level below, or back from the harder
// exercise to the one it moved on from. nullopt at level 1 of the listed one.
[[nodiscard]] std::optional<LevelChange> step_back(const ContentLibrary& library, const RoutineItem& item,
                                                   const ExerciseLevels& levels);
// Sets `exercise` to `level`, for an override.
[[nodiscard]] LevelChange set_level(const ContentLibrary& library, const Exercise& exercise, int level,
                                    const ExerciseLevels& levels);

// Whether a played exercise at `level` is as far as its ladder goes.
[[nodiscard]] bool at_top_of_ladder(const Exercise& exercise, int level);

// "holds go from 20 to 25 s", "reps go from 8 to 10 and sets from 1 to 2"
[[nodiscard]] std::string dose_change(const Dose& from, const Dose& to);

}  // namespace daybreak
