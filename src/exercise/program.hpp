// A staged program: stages, each with a morning and an evening routine and
// the criteria to move on, plus a flare-day routine for a bad morning.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "exercise/dose.hpp"
#include "exercise/vocabulary.hpp"

namespace daybreak {

struct RoutineItem {
  std::string exercise;  // an exercise id
  DosePatch dose;        // fixed by the routine whatever the person's level (usually empty)
  std::string note;      // shown when the exercise starts, e.g. "small range: it is early"
};

struct Routine {
  RoutineKind kind = RoutineKind::morning;
  std::string title;  // "Morning, in bed before you get up"
  std::string intro;  // shown before the first step
  std::vector<RoutineItem> items;
};

// When a stage is done. The progression (a later capability) checks the
// numbers; the person reads the description and confirms the move.
struct ExitCriteria {
  int min_days = 0;            // at least this many days in the stage
  int top_level_sessions = 0;  // sessions done at the top level of the stage's exercises
  std::string description;
};

struct Stage {
  int number = 1;  // 1-based, in file order
  std::string name;
  std::string goal;
  Routine morning;
  Routine evening;
  std::optional<ExitCriteria> exit;  // none only for the last stage

  [[nodiscard]] const Routine& routine(RoutineKind kind) const {
    return kind == RoutineKind::evening ? evening : morning;
  }
};

struct Program {
  std::string id;
  std::string name;
  std::string summary;
  bool is_default = false;
  std::vector<Stage> stages;  // at least one
  Routine flare;              // for a bad morning, whatever the stage

  [[nodiscard]] int stage_count() const { return static_cast<int>(stages.size()); }
  // Stage `number` (1-based), clamped to the program.
  [[nodiscard]] const Stage& stage(int number) const {
    return stages.at(static_cast<std::size_t>(std::clamp(number, 1, stage_count()) - 1));
  }
  [[nodiscard]] const Routine& routine(int stage, RoutineKind kind) const {
    return kind == RoutineKind::flare ? flare : this->stage(stage).routine(kind);
  }
};

}  // namespace daybreak
