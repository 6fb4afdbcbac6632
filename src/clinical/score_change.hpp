// Whether a change in a questionnaire score matters, judged against the
// instrument's minimal important change and said in plain words:
// "ODI fell 14 points: an important improvement".
#pragma once

#include <optional>
#include <string>

#include "clinical/instrument.hpp"
#include "domain/time.hpp"

namespace daybreak {

struct ScoreChange {
  // too_soon: the scores were taken less than kDaysToJudgeAChange apart.
  enum class Verdict { unchanged, within, important_improvement, important_worsening, no_threshold, too_soon };
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

// How far apart two scores must be for their change to be judged. The
// minimal important changes were measured between assessments weeks apart
// (Ostelo 2008), and a questionnaire filled in again within days is a second
// look or a correction more than a change the person has lived through. A
// week is a design choice (no source gives a shortest interval); it is the
// pain rating's own recall period.
inline constexpr int kDaysToJudgeAChange = 7;

// The change between two scores taken at `earlier` and `later`: as above
// from kDaysToJudgeAChange days apart; closer together, described and not
// judged ("RMDQ fell 6 points (33%) within a day: an important change is
// judged between scores a week or more apart").
[[nodiscard]] ScoreChange judge_change(const Instrument& instrument, double baseline, double latest, Instant earlier,
                                       Instant later);
// The threshold in words: "10 points", "5 points or 30%", "2 points or 30% of
// at least 1 point".
[[nodiscard]] std::string minimal_change_words(const MinimalChange& mic, int decimals);

}  // namespace daybreak
