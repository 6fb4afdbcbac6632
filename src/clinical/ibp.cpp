#include "clinical/ibp.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace daybreak {
namespace {

// Our own words for each item of ASAS 2009 (Sieper et al., Ann Rheum Dis
// 2009;68:784) and Berlin (Rudwaleit et al., Arthritis Rheum 2006;54:569).
constexpr std::array<IbpQuestionInfo, 10> kIbpQuestions = {{
    {IbpQuestion::chronic, "Have you had back pain for more than 3 months?", "back pain for more than 3 months"},
    {IbpQuestion::onset_before_40, "Did your back pain first start before you were 40?",
     "it began before the age of 40"},
    {IbpQuestion::gradual_onset, "Did it come on gradually, rather than suddenly?", "it came on gradually"},
    {IbpQuestion::better_with_exercise, "Does it get better when you exercise or move about?",
     "it eases with exercise"},
    {IbpQuestion::not_better_with_rest, "Does it stay the same, or get worse, when you rest?",
     "it does not ease with rest"},
    {IbpQuestion::night_pain, "Do you have back pain at night that gets better once you get up?",
     "pain at night that improves on getting up"},
    {IbpQuestion::morning_stiffness, "Is your back usually stiff for more than 30 minutes after you wake?",
     "stiffness on waking lasting more than 30 minutes"},
    {IbpQuestion::second_half_waking, "Does back pain wake you in the second half of the night, in the early hours?",
     "woken by back pain in the second half of the night"},
    {IbpQuestion::alternating_buttock, "Do you have buttock pain that switches between the left and right side?",
     "buttock pain that alternates between sides"},
    {IbpQuestion::under_50, "Are you under 50?", "under 50"},
}};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

// 45 -> "45", 30.5 -> "30.5", -1.5 -> "-1.5"
std::string number(double v) {
  return v == static_cast<double>(static_cast<long long>(v)) ? fmt::format("{}", static_cast<long long>(v))
                                                             : fmt::format("{:.1f}", v);
}

std::string not_enough(std::size_t have, int need, std::string_view what) {
  return fmt::format("{} {} in the last {} days; {} needed", have, what, kIbpDiaryWindowDays, need);
}

DiaryFinding stiffness_finding(std::span<const DiaryEntry> entries) {
  std::vector<double> minutes;
  for (const auto& e : entries) {
    // A morning still stiff when logged counts with the minutes given, a lower bound.
    if (e.period == Period::morning && e.fields.stiffness_minutes)
      minutes.push_back(e.fields.stiffness_minutes->value());
  }
  if (minutes.empty()) return {};
  if (std::ssize(minutes) < kMinStiffnessMornings)
    return {std::nullopt, not_enough(minutes.size(), kMinStiffnessMornings, "mornings with stiffness minutes")};
  const double m = median(minutes);
  return {m > kStiffnessOverMinutes, fmt::format("median {} min over {} mornings", number(m), minutes.size())};
}

DiaryFinding night_finding(std::span<const DiaryEntry> entries) {
  int nights = 0;
  int woken = 0;
  for (const auto& e : entries) {
    if (e.period != Period::night || !e.fields.awakenings) continue;
    ++nights;
    if (e.fields.awakenings->value() > 0) ++woken;
  }
  if (nights == 0) return {};
  if (nights < kMinNights)
    return {std::nullopt, not_enough(static_cast<std::size_t>(nights), kMinNights, "nights with awakenings logged")};
  // At least half the nights: a regular pattern, not the odd bad night. [D]
  return {2 * woken >= nights, fmt::format("pain woke you on {} of {} nights", woken, nights)};
}

DiaryFinding exercise_finding(std::span<const SessionPain> sessions) {
  if (sessions.empty()) return {};
  if (std::ssize(sessions) < kMinSessions)
    return {std::nullopt, not_enough(sessions.size(), kMinSessions, "sessions with pain before and after")};
  std::vector<double> drops;
  for (const auto& s : sessions) drops.push_back(s.before.value() - s.after.value());
  const double m = median(drops);
  const std::string how = m >= 0 ? fmt::format("eased by a median of {} point{}", number(m), m == 1 ? "" : "s")
                                 : fmt::format("rose by a median of {} point{}", number(-m), m == -1 ? "" : "s");
  return {m >= kSessionEasePoints, fmt::format("pain {} across {} sessions", how, sessions.size())};
}

DiaryFinding rest_finding(std::span<const DiaryEntry> entries) {
  std::vector<const DiaryEntry*> sorted;
  for (const auto& e : entries) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const DiaryEntry* a, const DiaryEntry* b) {
    return std::tie(a->date, a->period) < std::tie(b->date, b->period);
  });
  std::vector<double> changes;
  int not_eased = 0;
  for (std::size_t i = 0; i + 1 < sorted.size(); ++i) {
    const DiaryEntry& now = *sorted[i];
    const DiaryEntry& next = *sorted[i + 1];
    // Rest in one period of the day, judged by the pain of the next period the same day.
    if (!now.fields.relief.contains(Relief::rest) || now.period == Period::night || next.date != now.date) continue;
    const int change = next.fields.pain.value() - now.fields.pain.value();
    changes.push_back(change);
    if (change >= 0) ++not_eased;
  }
  if (changes.empty()) return {};
  if (std::ssize(changes) < kMinRestOccasions)
    return {std::nullopt,
            not_enough(changes.size(), kMinRestOccasions, "rests followed by a later rating the same day")};
  return {median(changes) >= 0, fmt::format("after rest, pain did not ease {} of {} times", not_eased, changes.size())};
}

DiaryFinding buttock_finding(std::span<const DiaryEntry> entries) {
  std::map<LocalDate, std::pair<bool, bool>> days;  // left, right
  for (const auto& e : entries) {
    auto& [left, right] = days[e.date];
    left = left || e.fields.locations.contains(BodyLocation::buttock_left);
    right = right || e.fields.locations.contains(BodyLocation::buttock_right);
  }
  int left_only = 0;
  int right_only = 0;
  for (const auto& [day, sides] : days) {
    if (sides.first && !sides.second) ++left_only;
    if (sides.second && !sides.first) ++right_only;
  }
  if (left_only == 0 && right_only == 0) return {};
  return {left_only > 0 && right_only > 0,
          fmt::format("buttock pain on the left only on {} day{}, on the right only on {} day{}", left_only,
                      left_only == 1 ? "" : "s", right_only, right_only == 1 ? "" : "s")};
}

IbpCriterion criterion(std::string_view id, IbpQuestion q) { return {id, ibp_question(q).label, false, {}}; }

void by_answer(IbpCriterion& c, const IbpAnswers& answers, IbpQuestion q) {
  if (!answers.yes(q)) return;
  c.met = true;
  c.because.emplace_back("you said yes");
}

void by_diary(IbpCriterion& c, const DiaryFinding& f) {
  if (f.met != true) return;
  c.met = true;
  c.because.push_back("your diary: " + f.detail);
}

int count_met(const std::vector<IbpCriterion>& set) {
  return static_cast<int>(std::count_if(set.begin(), set.end(), [](const IbpCriterion& c) { return c.met; }));
}

}  // namespace

std::span<const IbpQuestionInfo> ibp_questions() { return kIbpQuestions; }

const IbpQuestionInfo& ibp_question(IbpQuestion q) { return kIbpQuestions.at(static_cast<std::size_t>(q)); }

bool IbpAnswers::empty() const {
  return std::none_of(answers_.begin(), answers_.end(), [](const auto& a) { return a.has_value(); });
}

IbpDiaryEvidence ibp_diary_evidence(std::span<const DiaryEntry> entries, std::span<const SessionPain> sessions) {
  return {stiffness_finding(entries), night_finding(entries), exercise_finding(sessions), rest_finding(entries),
          buttock_finding(entries)};
}

IbpResult evaluate_ibp(const IbpAnswers& answers, const IbpDiaryEvidence& diary) {
  using Q = IbpQuestion;
  IbpResult r;

  // ASAS 2009: 4 of 5, for chronic back pain (more than 3 months).
  auto onset = criterion("asas_onset_before_40", Q::onset_before_40);
  by_answer(onset, answers, Q::onset_before_40);
  auto gradual = criterion("asas_gradual_onset", Q::gradual_onset);
  by_answer(gradual, answers, Q::gradual_onset);
  auto exercise = criterion("asas_better_with_exercise", Q::better_with_exercise);
  by_answer(exercise, answers, Q::better_with_exercise);
  by_diary(exercise, diary.better_with_exercise);
  auto rest = criterion("asas_not_better_with_rest", Q::not_better_with_rest);
  by_answer(rest, answers, Q::not_better_with_rest);
  by_diary(rest, diary.not_better_with_rest);
  auto night = criterion("asas_night_pain", Q::night_pain);
  by_answer(night, answers, Q::night_pain);
  r.asas = {onset, gradual, exercise, rest, night};

  // Berlin: 2 of 4, for chronic back pain in people under 50.
  auto stiffness = criterion("berlin_morning_stiffness", Q::morning_stiffness);
  by_answer(stiffness, answers, Q::morning_stiffness);
  by_diary(stiffness, diary.morning_stiffness);
  IbpCriterion exercise_not_rest{
      "berlin_exercise_not_rest", "it eases with exercise but not with rest", exercise.met && rest.met, {}};
  if (exercise_not_rest.met) {
    for (const auto& b : exercise.because) exercise_not_rest.because.push_back("exercise: " + b);
    for (const auto& b : rest.because) exercise_not_rest.because.push_back("rest: " + b);
  }
  auto waking = criterion("berlin_second_half_waking", Q::second_half_waking);
  by_answer(waking, answers, Q::second_half_waking);
  // The diary knows pain woke the person, not when: a "no" to the timing
  // question wins, and without a yes the item says only what the diary knows.
  if (!answers.no(Q::second_half_waking)) {
    by_diary(waking, diary.night_waking);
    if (waking.met && !answers.yes(Q::second_half_waking)) {
      waking.label = "woken by back pain at night";
      waking.because.back() += "; it does not record when in the night (the full check asks)";
    }
  }
  auto buttock = criterion("berlin_alternating_buttock", Q::alternating_buttock);
  by_answer(buttock, answers, Q::alternating_buttock);
  by_diary(buttock, diary.alternating_buttock);
  r.berlin = {stiffness, exercise_not_rest, waking, buttock};

  r.asas_met = count_met(r.asas);
  r.berlin_met = count_met(r.berlin);
  r.berlin_applies = !answers.no(Q::under_50);
  r.answered = !answers.empty();

  if (answers.no(Q::chronic)) {
    r.outcome = IbpOutcome::not_applicable;
    r.note = "These criteria are for back pain that has lasted more than 3 months; daybreak will ask again later.";
    return r;
  }
  if (!r.berlin_applies) {
    r.note = "The Berlin criteria were made for people under 50, so only the ASAS criteria are used.";
  }
  const bool positive = r.asas_met >= kAsasNeeded || (r.berlin_applies && r.berlin_met >= kBerlinNeeded);
  r.outcome = positive ? IbpOutcome::positive : IbpOutcome::negative;
  return r;
}

std::vector<std::string> ibp_reasons(const IbpResult& result) {
  std::vector<std::string> reasons;
  const auto add = [&](const IbpCriterion& c) {
    if (!c.met) return;
    std::string because;
    for (const auto& b : c.because) because += (because.empty() ? "" : "; ") + b;
    reasons.push_back(fmt::format("{} ({})", c.label, because));
  };
  for (const auto& c : result.asas) add(c);
  for (const auto& c : result.berlin) {
    // Berlin's exercise-and-rest item repeats ASAS items 3 and 4, listed already.
    if (c.id != "berlin_exercise_not_rest") add(c);
  }
  return reasons;
}

}  // namespace daybreak
