// What happened in a guided session: pain before, each step done, skipped or
// not reached, the pain during each exercise, why it stopped, and how long it took.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/bounded.hpp"
#include "exercise/vocabulary.hpp"

namespace daybreak {

enum class StepOutcome : std::uint8_t { done, skipped, not_reached };

// One letter per step, for storage and JSON: "ddsd--".
[[nodiscard]] char outcome_letter(StepOutcome o);
[[nodiscard]] std::optional<StepOutcome> outcome_from_letter(char c);
[[nodiscard]] std::string outcome_letters(const std::vector<StepOutcome>& outcomes);
[[nodiscard]] std::optional<std::vector<StepOutcome>> outcomes_from_letters(std::string_view letters);

struct SessionResult {
  PainScore pain_before;
  std::vector<StepOutcome> steps;                     // one per plan step
  std::vector<std::optional<PainScore>> pain_during;  // one per plan exercise; the "comfort check"
  std::optional<StopReason> stop_reason;              // none when the session ran to its end
  std::chrono::seconds duration{0};                   // on the session's clock, pauses included

  bool operator==(const SessionResult&) const = default;
};

// Counts over the work steps (reps, holds, timed) of a plan.
struct WorkCounts {
  int total = 0;
  int done = 0;
  int skipped = 0;
};

}  // namespace daybreak
