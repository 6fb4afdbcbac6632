// The report of a personal experiment, from its design, the nights logged and
// the morning entries, worded after CENT 2015 (the CONSORT extension for
// n-of-1 trials, Vohra et al., BMJ 350:h1738): design, randomisation, the flow
// of nights, each outcome with its interval, and a plain verdict.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analysis/insights.hpp"
#include "analysis/morning_trend.hpp"
#include "analysis/n_of_one.hpp"
#include "domain/experiment.hpp"

namespace daybreak::analysis {

// The NRS minimal important change: 2 points (Ostelo 2008, Spine 33:90;
// Farrar 2001, Pain 94:149), and the smallest change people perceive: 1 point
// (Salaffi 2004). The report gives the chance of each.
inline constexpr double kPainMinimalImportantChange = 2.0;
inline constexpr std::array<double, 2> kPainThresholds = {1.0, 2.0};

struct ExperimentNightRow {
  NightPlan plan;
  std::optional<bool> followed;  // nullopt: not recorded
  std::string note;
  std::optional<double> pain;
  std::optional<double> stiffness_minutes;
  std::optional<double> stiffness_severity;
};

struct PeriodSummary {
  int pair = 0;
  int period = 0;
  Condition condition = Condition::a;
  LocalDate from;
  LocalDate to;  // the last night so far
  int nights = 0;
  int washout = 0;
  int with_outcome = 0;  // counted nights (not washout) with a morning entry
  int followed = 0;
  int not_followed = 0;
  std::optional<double> mean_pain;  // over the counted nights
};

struct NightFlow {
  int planned = 0;       // nights in the schedule up to its end (or stop)
  int past = 0;          // nights whose morning has come
  int washout = 0;       // of those, left out by design
  int counted = 0;       // past - washout
  int with_outcome = 0;  // counted nights with a morning entry
  int missing = 0;       // counted nights without one
  int followed = 0;      // of all past nights, as recorded
  int not_followed = 0;
  int unrecorded = 0;
};

struct OutcomeResult {
  MorningMeasure measure = MorningMeasure::pain;
  std::size_t n_a = 0;
  std::size_t n_b = 0;
  double mean_a = 0.0;
  double mean_b = 0.0;
  BlockPairAnalysis analysis;
};

struct ExperimentReport {
  Experiment experiment;
  ExperimentStatus status = ExperimentStatus::running;
  LocalDate today;
  LocalDate coming_night;
  NightFlow flow;
  std::vector<ExperimentNightRow> nights;     // past nights only
  std::vector<PeriodSummary> periods;         // periods with at least one past night
  std::vector<OutcomeResult> outcomes;        // pain first; stiffness measures when logged
  std::optional<OutcomeResult> per_protocol;  // pain on followed nights only, when any night was not followed
  Verdict verdict = Verdict::too_little_data;
  bool interim = true;  // the schedule has not ended
};

// `mornings`: the person's morning entries over the experiment's nights (others are ignored).
// `today` is the diary day now; nights after it have not happened.
[[nodiscard]] ExperimentReport build_experiment_report(const Experiment& experiment,
                                                       std::span<const ExperimentNight> logged,
                                                       std::span<const DiaryEntry> mornings, LocalDate today,
                                                       LocalDate coming_night);

[[nodiscard]] std::vector<Section> describe_experiment(const ExperimentReport& report);
[[nodiscard]] std::string verdict_key(Verdict v);  // "a_better_important"...
[[nodiscard]] std::string verdict_text(const ExperimentReport& report);

}  // namespace daybreak::analysis
