// The plain sentence stored with every decision, built from the person's own
// numbers: "Morning pain was 3 after Tuesday's morning session, your usual is
// 4, and you felt at most 3/10 during it: Glute bridge: holds go from 20 to 25 s."
// Pure; pinned by golden files (tests/unit/progression_golden/).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "exercise/library.hpp"
#include "progression/decision.hpp"
#include "progression/ladder.hpp"
#include "progression/record.hpp"

namespace daybreak {

[[nodiscard]] std::string decision_sentence(const DecisionInputs& in, const RuleVerdict& verdict,
                                            const std::vector<LevelChange>& changes, const ProgressionConfig& config,
                                            const ContentLibrary& library);

// The same decision for a clinician's report: in the third person and in a
// clinician's terms, built from what was stored with it (its inputs, reasons,
// level changes, note and author), never from the sentence the person was
// shown: "Step up after the morning session: next-morning pain 3 (baseline
// 4), stiffness 25 min (baseline 30 min), pain during the session at most
// 3/10. Glute bridge: reps go from 8 to 10."
//
// A clinician not shown the person's diary reads the decision without the
// diary's numbers (the verdict, the routine and the level changes):
// "No change after the morning session." (DiaryNumbers::withheld)
enum class DiaryNumbers : std::uint8_t { shown, withheld };
[[nodiscard]] std::string clinician_decision_sentence(const DecisionRecord& decision, const Program& program,
                                                      const ProgressionConfig& config, const ContentLibrary& library,
                                                      DiaryNumbers numbers = DiaryNumbers::shown);

// "3", "3.5": a baseline or a mean as people read it.
[[nodiscard]] std::string number_text(double v);

}  // namespace daybreak
