// Whether a change in a questionnaire score matters, judged against the
// instrument's minimal important change and said in plain words:
// "ODI fell 14 points: an important improvement".
#pragma once

#include <optional>
#include <string>

#include "clinical/instrument.hpp"

namespace daybreak {

struct ScoreChange {
  enum class Verdict { unchanged, within, important_improvement, important_worsening, no_threshold };
  double baseline = 0;
  double latest = 0;
  double change = 0;              // latest - baseline
  std::optional<double> percent;  // change as a percentage of the baseline (none when it is 0)
  Verdict verdict = Verdict::unchanged;
  std::string sentence;
};

// The minimal important changes in clinical.md "Questionnaires": NRS 2 points
// or 30%; ODI 10 points; RMDQ 5 points or 30%; PSFS 2 points (mean). Each
// definition carries its own, with the source.
[[nodiscard]] ScoreChange judge_change(const Instrument& instrument, double baseline, double latest);
// The threshold in words: "10 points", "5 points or 30%", "2 points or 30% of
// at least 1 point".
[[nodiscard]] std::string minimal_change_words(const MinimalChange& mic, int decimals);

}  // namespace daybreak
