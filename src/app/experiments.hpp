// Personal experiments: create one, say tonight's condition, record whether
// it was followed, stop it, and report on it. Each runs in one transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/experiment_report.hpp"
#include "app/app_error.hpp"
#include "domain/experiment.hpp"
#include "store/store.hpp"

namespace daybreak {

// Where "now" stands for experiments: the diary day, and the night to come
// (see tonight() in domain/experiment.hpp).
struct ExperimentClock {
  Instant now;
  LocalDate today;
  LocalDate coming_night;
};
[[nodiscard]] ExperimentClock experiment_clock(Instant now, const TimeZone& zone);

// A seed drawn from the system's random source, below kMaxSeed: the order of a
// new experiment when the person names no seed.
[[nodiscard]] std::uint64_t draw_seed();

// `random_seed` is used when the draft names none. Only one experiment runs at
// a time: one whose nights overlap another's (not stopped) is refused.
[[nodiscard]] AppResult<Experiment> create_experiment(Store& store, const ExperimentClock& clock, UserId user,
                                                      const ExperimentDraft& draft, std::uint64_t random_seed);

struct TonightPlan {
  Experiment experiment;
  NightPlan plan;
};
[[nodiscard]] AppResult<TonightPlan> experiment_tonight(const Store& store, const ExperimentClock& clock, UserId user);

struct LoggedNight {
  Experiment experiment;
  NightPlan plan;
  ExperimentNight night;
  std::optional<ExperimentNight> previous;  // what was recorded before, if anything
};
// Records whether the condition was followed on the night that belongs to
// diary day `night` (default: last night, the one that ended this morning).
[[nodiscard]] AppResult<LoggedNight> log_experiment_night(Store& store, const ExperimentClock& clock, UserId user,
                                                          std::optional<LocalDate> night, bool followed,
                                                          const std::string& note);

// Stops the planned or running experiment `id` (default: the current one);
// the nights so far still count.
[[nodiscard]] AppResult<Experiment> stop_experiment(Store& store, const ExperimentClock& clock, UserId user,
                                                    std::optional<ExperimentId> id, const std::string& reason);

// The report of experiment `id` (default: the running one, else the latest to have started).
[[nodiscard]] AppResult<analysis::ExperimentReport> experiment_report(const Store& store, const ExperimentClock& clock,
                                                                      UserId user, std::optional<ExperimentId> id);

[[nodiscard]] std::vector<Experiment> list_experiments(const Store& store, UserId user);

}  // namespace daybreak
