// Insights and experiment reports as JSON, for scripts and the web app: every
// number, and the same sentences the CLI prints.
#pragma once

#include <nlohmann/json.hpp>

#include "analysis/experiment_report.hpp"
#include "analysis/insights.hpp"

namespace daybreak::analysis {

[[nodiscard]] nlohmann::ordered_json estimate_to_json(const Estimate& e);
[[nodiscard]] nlohmann::ordered_json insights_to_json(const Insights& insights);
[[nodiscard]] nlohmann::ordered_json experiment_to_json(const Experiment& e, LocalDate coming_night);
[[nodiscard]] nlohmann::ordered_json experiment_report_to_json(const ExperimentReport& report);

}  // namespace daybreak::analysis
