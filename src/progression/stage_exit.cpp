#include "progression/stage_exit.hpp"

#include <fmt/format.h>

#include "progression/sentence.hpp"

namespace daybreak {

std::string stage_proposal_sentence(const StageProgress& p, const Program& program) {
  const WeeklyCheck& w = *p.mornings;
  return fmt::format(
      "Stage {} is done: {} days in it (at least {}), {} sessions with every exercise at its top level ({} "
      "needed), and mornings not rising (pain {} over the last week against {} the week before). Stage {}, \"{}\", "
      "is ready when you are.",
      p.stage, p.days_in_stage, p.exit->min_days, p.top_level_sessions, p.exit->top_level_sessions,
      number_text(w.this_pain), number_text(w.previous_pain), p.stage + 1, program.stage(p.stage + 1).name);
}

std::vector<StageCriterion> stage_criteria(const StageProgress& p) {
  if (!p.exit) return {};
  std::string mornings = !p.mornings_shown ? std::string("the diary is not shared, so its numbers are not shown")
                         : p.mornings
                             ? fmt::format("morning pain {} this week, {} the week before",
                                           number_text(p.mornings->this_pain), number_text(p.mornings->previous_pain))
                             : std::string("not enough mornings logged in the last two weeks to tell");
  std::vector<StageCriterion> criteria = {
      {p.days_met(), fmt::format("at least {} days in the stage: {} so far", p.exit->min_days, p.days_in_stage)},
      {p.sessions_met(),
       fmt::format("{} sessions with every exercise at its top level: {} so far{}", p.exit->top_level_sessions,
                   p.top_level_sessions,
                   p.reset_after ? fmt::format(" (counted again after the step back for the session of {})",
                                               format_date(*p.reset_after))
                                 : std::string())},
      {p.mornings_met(), fmt::format("mornings not rising (a rise is {} points of pain or {} minutes of stiffness): {}",
                                     number_text(p.pain_rise), p.stiffness_rise_minutes, mornings)}};
  if (p.paused_for_safety) {
    criteria.push_back({false,
                        "no safety check open: one is, and moving on waits until a clinician has seen the "
                        "warning sign"});
  }
  return criteria;
}

std::vector<std::string> stage_criteria_lines(const StageProgress& p) {
  if (!p.exit) return {"the last stage: keep it up"};
  std::vector<std::string> lines;
  for (const StageCriterion& c : stage_criteria(p))
    lines.push_back(fmt::format("{} {}", c.met ? "[x]" : "[ ]", c.text));
  return lines;
}

}  // namespace daybreak
