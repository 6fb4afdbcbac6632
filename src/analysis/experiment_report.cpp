#include "analysis/experiment_report.hpp"

#include <map>

#include <fmt/format.h>

#include "analysis/descriptive.hpp"

namespace daybreak::analysis {
namespace {

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string signed_one(double v) {
  const std::string s = one_decimal(v);
  return s.front() == '-' || s == "0.0" ? s : "+" + s;
}

std::string percent(double p) {
  if (p < 0.005) return "under 1%";
  if (p > 0.995) return "over 99%";
  return fmt::format("{:.0f}%", 100.0 * p);
}

std::string measure_value(MorningMeasure m, double v) {
  return m == MorningMeasure::stiffness_minutes ? fmt::format("{:.0f} min", v) : one_decimal(v);
}

std::string measure_difference(MorningMeasure m, double v) {
  if (m != MorningMeasure::stiffness_minutes) return signed_one(v);
  const std::string s = fmt::format("{:.0f}", v);
  return (s.front() == '-' || s == "0" ? s : "+" + s) + " min";
}

OutcomeResult analyze_outcome(const Experiment& e, const std::vector<ExperimentNightRow>& rows, MorningMeasure m,
                              bool followed_only) {
  OutcomeResult o;
  o.measure = m;
  std::vector<PairOutcomes> pairs(static_cast<std::size_t>(e.design.pairs));
  std::vector<double> a;
  std::vector<double> b;
  for (const auto& row : rows) {
    if (row.plan.washout) continue;
    if (followed_only && row.followed != true) continue;
    const std::optional<double> v = m == MorningMeasure::pain                ? row.pain
                                    : m == MorningMeasure::stiffness_minutes ? row.stiffness_minutes
                                                                             : row.stiffness_severity;
    if (!v) continue;
    auto& pair = pairs[static_cast<std::size_t>(row.plan.pair)];
    (row.plan.condition == Condition::a ? pair.a : pair.b).push_back(*v);
    (row.plan.condition == Condition::a ? a : b).push_back(*v);
  }
  o.n_a = a.size();
  o.n_b = b.size();
  o.mean_a = mean(a);
  o.mean_b = mean(b);
  const std::span<const double> thresholds =
      m == MorningMeasure::pain ? std::span<const double>(kPainThresholds) : std::span<const double>();
  o.analysis = analyze_block_pairs(pairs, thresholds);
  return o;
}

}  // namespace

ExperimentReport build_experiment_report(const Experiment& e, std::span<const ExperimentNight> logged,
                                         std::span<const DiaryEntry> mornings, LocalDate today,
                                         LocalDate coming_night) {
  ExperimentReport r;
  r.experiment = e;
  r.today = today;
  r.coming_night = coming_night;
  r.status = status_of(e, coming_night);
  r.interim = r.status == ExperimentStatus::running || r.status == ExperimentStatus::planned;
  std::map<LocalDate, const ExperimentNight*> by_night;
  for (const auto& n : logged) by_night[n.night] = &n;
  std::map<LocalDate, const DiaryEntry*> morning_of;
  for (const auto& m : mornings) {
    if (m.period == Period::morning) morning_of[m.date] = &m;
  }

  const LocalDate end = e.end_night();
  std::map<int, PeriodSummary> periods;
  for (const NightPlan& plan : schedule(e.design)) {
    if (plan.night > end) break;
    ++r.flow.planned;
    if (plan.night > today) continue;
    ExperimentNightRow row;
    row.plan = plan;
    if (const auto it = by_night.find(plan.night); it != by_night.end()) {
      row.followed = it->second->followed;
      row.note = it->second->note;
    }
    if (const auto it = morning_of.find(plan.night); it != morning_of.end()) {
      const DiaryFields& f = it->second->fields;
      row.pain = f.pain.value();
      if (f.stiffness_minutes) row.stiffness_minutes = f.stiffness_minutes->value();
      if (f.stiffness_severity) row.stiffness_severity = f.stiffness_severity->value();
    }

    NightFlow& flow = r.flow;
    ++flow.past;
    if (plan.washout) {
      ++flow.washout;
    } else {
      ++flow.counted;
      ++(row.pain ? flow.with_outcome : flow.missing);
    }
    if (!row.followed) {
      ++flow.unrecorded;
    } else {
      ++(*row.followed ? flow.followed : flow.not_followed);
    }

    auto [it, fresh] = periods.try_emplace(plan.period);
    PeriodSummary& p = it->second;
    if (fresh) {
      p.pair = plan.pair;
      p.period = plan.period;
      p.condition = plan.condition;
      p.from = plan.night;
    }
    p.to = plan.night;
    ++p.nights;
    if (plan.washout) ++p.washout;
    if (!plan.washout && row.pain) ++p.with_outcome;
    if (row.followed) ++(*row.followed ? p.followed : p.not_followed);
    r.nights.push_back(std::move(row));
  }
  for (auto& [index, p] : periods) {
    std::vector<double> pain;
    for (const auto& row : r.nights) {
      if (row.plan.period == index && !row.plan.washout && row.pain) pain.push_back(*row.pain);
    }
    if (!pain.empty()) p.mean_pain = mean(pain);
    r.periods.push_back(p);
  }

  for (const auto m : {MorningMeasure::pain, MorningMeasure::stiffness_minutes, MorningMeasure::stiffness_severity}) {
    OutcomeResult o = analyze_outcome(e, r.nights, m, false);
    if (m == MorningMeasure::pain || o.n_a + o.n_b > 0) r.outcomes.push_back(std::move(o));
  }
  if (r.flow.not_followed > 0) r.per_protocol = analyze_outcome(e, r.nights, MorningMeasure::pain, true);
  r.verdict = judge(r.outcomes.front().analysis, kPainMinimalImportantChange, static_cast<std::size_t>(kMinPairs));
  return r;
}

std::string verdict_key(Verdict v) {
  switch (v) {
    case Verdict::too_little_data:
      return "too_little_data";
    case Verdict::a_better_important:
      return "a_better_important";
    case Verdict::a_better_unclear_size:
      return "a_better_unclear_size";
    case Verdict::a_better_small:
      return "a_better_small";
    case Verdict::no_important_difference:
      return "no_important_difference";
    case Verdict::b_better_small:
      return "b_better_small";
    case Verdict::b_better_unclear_size:
      return "b_better_unclear_size";
    case Verdict::b_better_important:
      return "b_better_important";
    case Verdict::inconclusive:
      return "inconclusive";
  }
  return "";
}

std::string verdict_text(const ExperimentReport& r) {
  const ExperimentDesign& d = r.experiment.design;
  const BlockPairAnalysis& pain = r.outcomes.front().analysis;
  const std::string a = fmt::format("A ({})", d.condition_a);
  const std::string b = fmt::format("B ({})", d.condition_b);
  const std::string mic = fmt::format("{:.0f} points", kPainMinimalImportantChange);
  std::string text;
  switch (r.verdict) {
    case Verdict::too_little_data:
      text = pain.complete_pairs < static_cast<std::size_t>(kMinPairs)
                 ? fmt::format("{}: {} with mornings logged under both conditions so far; at least {} are needed.",
                               r.interim ? "Too early to judge" : "Inconclusive",
                               plural(static_cast<int>(pain.complete_pairs), "pair", "pairs"), kMinPairs)
                 : "Inconclusive: the pairs all gave the same difference, so its uncertainty cannot be estimated.";
      break;
    case Verdict::a_better_important:
      text = fmt::format(
          "{} helped: morning pain was lower with it by more than {}, the smallest change that matters to people "
          "with back pain.",
          a, mic);
      break;
    case Verdict::a_better_unclear_size:
      text = fmt::format(
          "{} probably helped: morning pain was lower with it, but the interval runs from a trivial difference to "
          "one of more than {}, so how much it matters is uncertain.",
          a, mic);
      break;
    case Verdict::a_better_small:
      text = fmt::format("{} helped a little: morning pain was lower with it, but by less than the {} that matter.", a,
                         mic);
      break;
    case Verdict::no_important_difference:
      text = fmt::format(
          "No important difference: any difference between {} and {} is smaller than {} either way, the smallest "
          "change that matters.",
          a, b, mic);
      break;
    case Verdict::b_better_small:
      text = fmt::format("{} was a little better: morning pain was lower with it, but by less than the {} that matter.",
                         b, mic);
      break;
    case Verdict::b_better_unclear_size:
      text = fmt::format(
          "{} was probably better: morning pain was lower with it, but the interval runs from a trivial difference "
          "to one of more than {}.",
          b, mic);
      break;
    case Verdict::b_better_important:
      text = fmt::format("{} was better: morning pain was lower with it by more than {}.", b, mic);
      break;
    case Verdict::inconclusive:
      text = fmt::format(
          "Inconclusive: the results fit both no difference and a difference of {} or more. More pairs would "
          "narrow the interval.",
          mic);
      break;
  }
  if (r.interim && r.verdict != Verdict::too_little_data) {
    text +=
        " This is an interim look: judge the experiment when it ends, because stopping when it happens to look "
        "good makes effects seem larger than they are.";
  }
  return text;
}

std::vector<Section> describe_experiment(const ExperimentReport& r) {
  const Experiment& e = r.experiment;
  const ExperimentDesign& d = e.design;
  std::vector<Section> sections;

  Section design{"design", fmt::format("Experiment {}: {}", e.id.value, d.title), {}};
  design.blocks.push_back(
      {fmt::format("A personal randomised trial (n-of-1) of A, {}, against B, {}.", d.condition_a, d.condition_b), {}});
  std::string status;
  switch (r.status) {
    case ExperimentStatus::planned:
      status = fmt::format("planned: the first night is the one before {}", short_date(d.first_night));
      break;
    case ExperimentStatus::running:
      status = fmt::format("running, {} of {} nights done", r.flow.past, d.total_nights());
      break;
    case ExperimentStatus::finished:
      status = fmt::format("finished after the night before {}", short_date(d.last_night()));
      break;
    case ExperimentStatus::stopped:
      status = fmt::format("stopped early, after {} of {} nights{}", r.flow.planned, d.total_nights(),
                           e.stop_reason.empty() ? "" : fmt::format(" ({})", e.stop_reason));
      break;
  }
  design.blocks.push_back({fmt::format("Status: {}.", status), {}});
  design.blocks.push_back(
      {fmt::format(
           "{} pairs of two periods of {} nights ({} nights, from the night before {} to the night "
           "before {}); each pair holds A and B, in random order. {}",
           d.pairs, d.period_nights, d.total_nights(), short_date(d.first_night), short_date(d.last_night()),
           d.washout_nights == 0
               ? std::string("No nights are left out as washout.")
               : fmt::format("The first {} of each period {} left out as washout, so that the condition before "
                             "does not spill over.",
                             d.washout_nights == 1 ? std::string("night") : plural(d.washout_nights, "night", "nights"),
                             d.washout_nights == 1 ? "is" : "are")),
       {}});
  design.blocks.push_back(
      {fmt::format("Randomisation: the order within each pair was drawn from seed {} (std::mt19937_64) and stored "
                   "with the experiment; daybreak shows only the coming night's condition.",
                   d.seed),
       {}});
  design.blocks.push_back(
      {"Outcomes: the morning entry after each night; morning pain first, stiffness second. Not blinded: you know "
       "which condition you are in, and expectations can colour how a morning feels.",
       {}});
  sections.push_back(std::move(design));

  Section nights{"nights", "Nights", {}};
  const NightFlow& f = r.flow;
  if (f.past == 0) {
    nights.blocks.push_back({"No night has passed yet.", {}});
  } else {
    nights.blocks.push_back(
        {fmt::format("{} of {} nights so far: {} left out as washout, {} counted; {} of the counted nights have a "
                     "morning entry, {} {} missing. Condition followed on {} nights, not followed on {}, not "
                     "recorded on {}.",
                     f.past, f.planned, f.washout, f.counted, f.with_outcome, f.missing, f.missing == 1 ? "is" : "are",
                     f.followed, f.not_followed, f.unrecorded),
         {}});
    std::vector<std::vector<std::string>> table = {
        {"pair", "period", "condition", "nights", "counted", "mornings", "followed", "mean pain"}};
    for (const auto& p : r.periods) {
      table.push_back({std::to_string(p.pair + 1), std::to_string(p.period + 1), std::string(name_of(p.condition)),
                       fmt::format("{} to {}", format_date(p.from).substr(5), format_date(p.to).substr(5)),
                       std::to_string(p.nights - p.washout), std::to_string(p.with_outcome),
                       fmt::format("{} of {}", p.followed, p.nights), p.mean_pain ? one_decimal(*p.mean_pain) : "-"});
    }
    nights.blocks.push_back({"", std::move(table)});
  }
  sections.push_back(std::move(nights));

  Section results{"results", "Results", {}};
  std::vector<std::vector<std::string>> table = {{"outcome", "A", "B", "A minus B", "95% interval", "randomisation p"}};
  for (const auto& o : r.outcomes) {
    const BlockPairAnalysis& a = o.analysis;
    table.push_back({std::string(measure_label(o.measure)),
                     o.n_a > 0 ? fmt::format("{} ({})", measure_value(o.measure, o.mean_a), o.n_a) : "-",
                     o.n_b > 0 ? fmt::format("{} ({})", measure_value(o.measure, o.mean_b), o.n_b) : "-",
                     a.complete_pairs > 0 ? measure_difference(o.measure, a.estimate) : "-",
                     a.estimable ? fmt::format("{} to {}", measure_difference(o.measure, a.lower),
                                               measure_difference(o.measure, a.upper))
                                 : "-",
                     a.complete_pairs > 0 ? fmt::format("{:.2f}", a.randomization_p_value) : "-"});
  }
  results.blocks.push_back({"", std::move(table)});
  const BlockPairAnalysis& pain = r.outcomes.front().analysis;
  if (pain.complete_pairs > 0) {
    results.blocks.push_back(
        {fmt::format("Means per night with the number of nights in brackets. The difference is the mean of the "
                     "{} within-pair differences, with a t interval over pairs; the randomisation test asks how often "
                     "the {} possible orders would give a difference as large.",
                     pain.complete_pairs, pain.assignments),
         {}});
  }
  if (pain.estimable) {
    const ThresholdChance& one = pain.chances[0];
    const ThresholdChance& two = pain.chances[1];
    results.blocks.push_back(
        {fmt::format("Chance that A lowers morning pain by at least 1 point: {}; by at least 2 points: {}. Chance "
                     "that it raises it by at least 1 point: {}; by at least 2: {}. (From the pair differences, "
                     "taking every true difference as equally likely beforehand.)",
                     percent(one.a_lower), percent(two.a_lower), percent(one.a_higher), percent(two.a_higher)),
         {}});
  }
  if (pain.complete_pairs > 0) {
    results.blocks.push_back(
        {fmt::format("With {} the randomisation test cannot go below p = {:.2f}: a small personal trial is judged "
                     "by its interval more than by its p-value.",
                     plural(static_cast<int>(pain.complete_pairs), "complete pair", "complete pairs"),
                     pain.smallest_possible_p),
         {}});
  }
  if (r.per_protocol) {
    const BlockPairAnalysis& pp = r.per_protocol->analysis;
    // Not estimable: too few complete pairs, or pairs that all differ alike (no spread to estimate from).
    std::string text;
    if (pp.estimable) {
      text = fmt::format("Counting only the nights the condition was followed: {} points (95% interval {} to {}).",
                         signed_one(pp.estimate), signed_one(pp.lower), signed_one(pp.upper));
    } else if (pp.complete_pairs < 2) {
      text = fmt::format("Counting only the nights the condition was followed leaves {}, too few to estimate.",
                         plural(static_cast<int>(pp.complete_pairs), "complete pair", "complete pairs"));
    } else {
      text = fmt::format(
          "Counting only the nights the condition was followed: {} points in each of the {} complete pairs, so "
          "its uncertainty cannot be estimated.",
          signed_one(pp.estimate), pp.complete_pairs);
    }
    results.blocks.push_back({std::move(text), {}});
  }
  sections.push_back(std::move(results));

  Section verdict{"verdict", "Verdict", {}};
  verdict.blocks.push_back({verdict_text(r), {}});
  verdict.blocks.push_back(
      {"It applies to you, under the conditions you tried; it says nothing about other people. Things that changed "
       "at the same time (a flare-up settling, the weather, other treatment) can still mislead.",
       {}});
  sections.push_back(std::move(verdict));
  return sections;
}

}  // namespace daybreak::analysis
