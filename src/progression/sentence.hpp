// The plain sentence stored with every decision, built from the person's own
// numbers: "Morning pain was 3 after Tuesday's morning session, your usual is
// 4, and you felt at most 3/10 during it: Glute bridge: holds go from 20 to 25 s."
// Pure; pinned by golden files (tests/unit/progression_golden/).
#pragma once

#include <string>
#include <vector>

#include "exercise/library.hpp"
#include "progression/decision.hpp"
#include "progression/ladder.hpp"

namespace daybreak {

[[nodiscard]] std::string decision_sentence(const DecisionInputs& in, const RuleVerdict& verdict,
                                            const std::vector<LevelChange>& changes, const ProgressionConfig& config,
                                            const ContentLibrary& library);

// "3", "3.5": a baseline or a mean as people read it.
[[nodiscard]] std::string number_text(double v);

}  // namespace daybreak
