// Personal experiments as JSON where the CLI and the HTTP API answer with the
// same shape: the list, tonight's condition, a night just recorded. (The
// experiment itself and its report are analysis/insights_json.hpp.)
#pragma once

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/experiments.hpp"

namespace daybreak {

// Every experiment, oldest first, each as analysis::experiment_to_json.
[[nodiscard]] nlohmann::ordered_json experiments_json(const std::vector<Experiment>& all, LocalDate coming_night);
// {"experiment", "night", "night_number", "nights", "condition", "label", "washout"}
[[nodiscard]] nlohmann::ordered_json tonight_json(const TonightPlan& tonight);
// {"experiment", "night", "condition", "followed", "note"?, "was_followed"?}
[[nodiscard]] nlohmann::ordered_json logged_night_json(const LoggedNight& logged);

}  // namespace daybreak
