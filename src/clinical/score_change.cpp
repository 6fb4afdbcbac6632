#include "clinical/score_change.hpp"

#include <cmath>

#include <fmt/format.h>

namespace daybreak {
namespace {

std::string points(double v, int decimals) {
  const std::string n = format_amount(v, decimals);
  return n + (n == "1" ? " point" : " points");
}

// "RMDQ fell 6 points (33%)": the size of a change, without its judgement.
std::string moved_words(const Instrument& instrument, const ScoreChange& c) {
  std::string moved = fmt::format("{} {} {}", instrument.abbreviation, c.change < 0 ? "fell" : "rose",
                                  points(std::abs(c.change), instrument.decimals));
  if (c.percent && instrument.change && instrument.change->percent) {
    moved += fmt::format(" ({}%)", format_amount(std::round(std::abs(*c.percent)), 0));  // 12.5 -> 13
  }
  return moved;
}

}  // namespace

std::string minimal_change_words(const MinimalChange& mic, int decimals) {
  std::string t;
  if (mic.points) t = points(*mic.points, decimals);
  if (mic.percent) t += (t.empty() ? "" : " or ") + format_amount(*mic.percent, 0) + "%";
  if (mic.percent && mic.percent_needs_points) {
    t += fmt::format(" of at least {}", points(*mic.percent_needs_points, decimals));
  }
  return t;
}

ScoreChange judge_change(const Instrument& instrument, double baseline, double latest) {
  ScoreChange c;
  c.baseline = baseline;
  c.latest = latest;
  // Rounded to what is shown, so the words match the numbers on the screen;
  // the percentage from the values themselves (0.43 of 1.0 is 43%, not 40%).
  c.change = round_half_away(latest - baseline, instrument.decimals);
  if (baseline != 0) c.percent = 100.0 * (latest - baseline) / std::abs(baseline);

  const std::string& name = instrument.abbreviation;
  const double size = std::abs(c.change);
  const std::string shown_size = format_amount(size, instrument.decimals);
  if (shown_size == "0") {
    c.verdict = ScoreChange::Verdict::unchanged;
    c.sentence = fmt::format("{} is unchanged at {}", name, format_score(instrument, latest));
    return c;
  }
  const std::string moved = moved_words(instrument, c);
  if (!instrument.change) {
    c.verdict = ScoreChange::Verdict::no_threshold;
    c.sentence = moved + (instrument.change_note.empty() ? "" : "; " + instrument.change_note);
    return c;
  }
  const MinimalChange& mic = *instrument.change;
  const bool important = (mic.points && size >= *mic.points - 1e-9) ||
                         (mic.percent && c.percent && std::abs(*c.percent) >= *mic.percent - 1e-9 &&
                          size >= mic.percent_needs_points.value_or(0) - 1e-9);
  if (!important) {
    c.verdict = ScoreChange::Verdict::within;
    c.sentence = fmt::format("{}: less than the {} that count as an important change", moved,
                             minimal_change_words(mic, instrument.decimals));
    return c;
  }
  const bool better = instrument.better == Better::lower ? c.change < 0 : c.change > 0;
  c.verdict = better ? ScoreChange::Verdict::important_improvement : ScoreChange::Verdict::important_worsening;
  c.sentence = moved + (better ? ": an important improvement" : ": an important worsening");
  return c;
}

ScoreChange judge_change(const Instrument& instrument, double baseline, double latest, Instant earlier, Instant later) {
  ScoreChange c = judge_change(instrument, baseline, latest);
  const auto days = std::chrono::floor<std::chrono::days>(later - earlier).count();
  if (days >= kDaysToJudgeAChange || c.verdict == ScoreChange::Verdict::unchanged ||
      c.verdict == ScoreChange::Verdict::no_threshold) {
    return c;
  }
  static_assert(kDaysToJudgeAChange == 7, "the words say a week");
  c.verdict = ScoreChange::Verdict::too_soon;
  c.sentence = fmt::format(
      "{} {}: an important change is judged between scores a week or more apart", moved_words(instrument, c),
      days <= 0 ? std::string("within a day") : fmt::format("in {} day{}", days, days == 1 ? "" : "s"));
  return c;
}

}  // namespace daybreak
