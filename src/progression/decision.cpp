#include "progression/decision.hpp"

#include <algorithm>
#include <numeric>

namespace daybreak {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

Baseline baseline_before(std::span<const MorningReading> mornings, LocalDate day, const ProgressionConfig& config) {
  const LocalDate oldest = add_days(day, -config.baseline_lookback_days);
  std::vector<double> pains;
  std::vector<double> stiffness;
  Baseline b;
  // Newest first, so that the last `baseline_mornings` are the ones taken.
  for (auto it = mornings.rbegin(); it != mornings.rend(); ++it) {
    if (it->date > day) continue;
    if (it->date < oldest || static_cast<int>(pains.size()) == config.baseline_mornings) break;
    pains.push_back(it->pain);
    // Stiffness not yet eased is only a lower bound: it cannot describe the usual morning.
    if (it->stiffness_minutes && !it->still_stiff) stiffness.push_back(*it->stiffness_minutes);
    if (!b.last) b.last = it->date;
    b.first = it->date;
  }
  b.mornings = static_cast<int>(pains.size());
  b.stiffness_mornings = static_cast<int>(stiffness.size());
  if (b.mornings >= config.min_baseline_mornings) b.pain = median(pains);
  if (b.stiffness_mornings >= config.min_baseline_mornings) b.stiffness = median(stiffness);
  return b;
}

std::optional<WeeklyCheck> weekly_check(std::span<const MorningReading> mornings, LocalDate last_day,
                                        const ProgressionConfig& config) {
  const LocalDate this_first = add_days(last_day, -(config.weekly_days - 1));
  const LocalDate previous_first = add_days(this_first, -config.weekly_days);
  struct Span {
    std::vector<double> pain, stiffness;
  } now, before;
  for (const MorningReading& m : mornings) {
    if (m.date < previous_first || m.date > last_day) continue;
    Span& s = m.date >= this_first ? now : before;
    s.pain.push_back(m.pain);
    if (m.stiffness_minutes && !m.still_stiff) s.stiffness.push_back(*m.stiffness_minutes);
  }
  const auto enough = [&](const std::vector<double>& v) {
    return static_cast<int>(v.size()) >= config.weekly_min_mornings;
  };
  if (!enough(now.pain) || !enough(before.pain)) return std::nullopt;
  const auto mean = [](const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  };
  WeeklyCheck w;
  w.last_day = last_day;
  w.this_mornings = static_cast<int>(now.pain.size());
  w.previous_mornings = static_cast<int>(before.pain.size());
  w.this_pain = mean(now.pain);
  w.previous_pain = mean(before.pain);
  if (enough(now.stiffness) && enough(before.stiffness)) {
    w.this_stiffness = mean(now.stiffness);
    w.previous_stiffness = mean(before.stiffness);
  }
  // A rise at least this big, so that one morning's point in a week of whole
  // numbers (1/7 of a point) is not read as a trend (config.hpp says why).
  const auto rose = [](double now_mean, double before_mean, double by) {
    return now_mean > before_mean && now_mean - before_mean >= by - 1e-9;
  };
  w.pain_rising = rose(w.this_pain, w.previous_pain, config.weekly_pain_rise_tenths / 10.0);
  w.stiffness_rising = w.this_stiffness && w.previous_stiffness &&
                       rose(*w.this_stiffness, *w.previous_stiffness, config.weekly_stiffness_rise_minutes);
  return w;
}

RuleVerdict decide(const DecisionInputs& in, const ProgressionConfig& config) {
  RuleVerdict out;
  if (!in.progression_allowed) {
    out.verdict = Verdict::paused;
    out.reasons.insert(Why::safety_pause);
    return out;
  }

  // Signs of too much: any one steps back (clinical-facts.md 9).
  if (in.pain_during && *in.pain_during > config.pain_during_ceiling) out.reasons.insert(Why::pain_during_high);
  if (in.stopped_for_pain) out.reasons.insert(Why::stopped_for_pain);
  if (in.pain_after && *in.pain_after > config.pain_after_ceiling) out.reasons.insert(Why::pain_after_high);
  const MorningReading* m = in.next_morning ? &*in.next_morning : nullptr;
  if (m && in.baseline.pain && m->pain >= *in.baseline.pain + config.morning_pain_rise) {
    out.reasons.insert(Why::morning_pain_up);
  }
  // Minutes not yet eased are a lower bound: already that many is enough to tell.
  if (m && m->stiffness_minutes && in.baseline.stiffness &&
      *m->stiffness_minutes >= *in.baseline.stiffness + config.stiffness_rise_minutes) {
    out.reasons.insert(Why::stiffness_up);
  }
  if (in.weekly && in.weekly->rising()) out.reasons.insert(Why::weekly_rise);
  if (!out.reasons.empty()) {
    out.verdict = Verdict::step_back;
    out.only_painful_exercises = out.reasons == ChoiceSet<Why>{Why::pain_during_high} && !in.painful_exercises.empty();
    out.offer_flare = out.reasons.contains(Why::morning_pain_up) || out.reasons.contains(Why::stiffness_up);
    return out;
  }

  // Missing data is never read as good news: repeat, and the streak starts again.
  out.verdict = Verdict::repeat;
  if (!m) {
    out.reasons.insert(Why::no_next_morning);
    return out;
  }
  if (!in.baseline.pain) {
    out.reasons.insert(Why::no_baseline);
    return out;
  }
  if (m->pain > *in.baseline.pain) {
    out.reasons.insert(Why::above_baseline);
    return out;
  }
  // Someone who does not time their stiffness is judged on pain alone; someone
  // who usually does, but not this morning, waits for a morning that says.
  if (in.baseline.stiffness) {
    if (!m->stiffness_minutes || m->still_stiff) {
      out.reasons.insert(Why::stiffness_unknown);
      return out;
    }
    if (*m->stiffness_minutes > *in.baseline.stiffness) {
      out.reasons.insert(Why::above_baseline);
      return out;
    }
  }

  out.good_sessions_after = in.good_sessions_before + 1;
  if (out.good_sessions_after < config.good_sessions_to_step_up) {
    out.reasons.insert(Why::good_once);
    return out;
  }
  if (in.last_step_up && days_between(*in.last_step_up, in.session_date) < config.min_days_between_step_ups) {
    out.reasons.insert(Why::too_soon);  // the streak is kept: the next good session may step up
    return out;
  }
  out.verdict = Verdict::step_up;
  out.reasons.insert(Why::good_streak);
  out.good_sessions_after = 0;
  return out;
}

bool next_morning_overdue(LocalDate session_date, LocalDate today) { return days_between(session_date, today) >= 2; }

}  // namespace daybreak
