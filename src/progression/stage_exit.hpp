// When a stage is done (clinical.md "Progression"): its exercises held at
// their top level for a set number of sessions, at least a set number of days
// in the stage, and morning pain and stiffness not rising. The numbers come
// from the program's content; the person confirms the move.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/program.hpp"
#include "progression/decision.hpp"

namespace daybreak {

struct StageProgress {
  int stage = 1;
  int stage_count = 1;
  std::optional<ExitCriteria> exit;  // none for the last stage
  LocalDate since;                   // the day the stage began (or its first session)
  int days_in_stage = 0;
  int top_level_sessions = 0;  // the latest sessions in a row with every exercise at its ladder's top
  // The session day of the latest step back or flare in the stage: its
  // readiness starts again, and top-level sessions count from the day after.
  std::optional<LocalDate> reset_after;
  std::optional<WeeklyCheck> mornings;
  // What counts as rising (ProgressionConfig), to say so beside the numbers.
  double pain_rise = 0.5;
  int stiffness_rise_minutes = 10;
  // A safety check is open: moving on waits (clinical.md "Safety"), so the
  // stage is not done whatever else is met.
  bool paused_for_safety = false;
  // Whether the reader may see the morning numbers (a clinician without the
  // diary sees whether mornings rose, not the pain behind it).
  bool mornings_shown = true;

  [[nodiscard]] bool days_met() const { return exit && days_in_stage >= exit->min_days; }
  [[nodiscard]] bool sessions_met() const { return exit && top_level_sessions >= exit->top_level_sessions; }
  // Missing mornings are never read as good news: no weekly comparison, not met.
  [[nodiscard]] bool mornings_met() const { return mornings && !mornings->rising(); }
  [[nodiscard]] bool met() const { return days_met() && sessions_met() && mornings_met() && !paused_for_safety; }
};

// "Stage 1 is done: 16 days in it (at least 14), 7 sessions at the top level
// (6 needed), mornings not rising (pain 2.9 against 3.1). ..."
[[nodiscard]] std::string stage_proposal_sentence(const StageProgress& progress, const Program& program);
// Each criterion of the stage's exit, met or not ("at least 14 days in the
// stage: 3 so far"); none for the last stage.
struct StageCriterion {
  bool met = false;
  std::string text;
};
[[nodiscard]] std::vector<StageCriterion> stage_criteria(const StageProgress& progress);
// One line per criterion, "[x] " or "[ ] " before it, for `daybreak progress`.
[[nodiscard]] std::vector<std::string> stage_criteria_lines(const StageProgress& progress);

}  // namespace daybreak
