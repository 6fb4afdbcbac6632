#include "analysis/insights.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak::analysis {
namespace {

// "your" to the person, "their" to a clinician; "you" and "they" take the
// same verbs ("you do", "they do").
std::string_view your(Voice v) { return v == Voice::person ? "your" : "their"; }
std::string_view you(Voice v) { return v == Voice::person ? "you" : "they"; }
std::string_view you_object(Voice v) { return v == Voice::person ? "you" : "them"; }

constexpr double kDaysPerMonth = 30.0;

std::string signed_decimal(double v) {
  const std::string s = one_decimal(v);
  return s.front() == '-' || s == "0.0" ? s : "+" + s;
}

}  // namespace

std::string interval_text(double lower, double upper) {
  const bool excludes_zero = lower > 0.0 || upper < 0.0;
  int decimals = 1;
  const auto looks_zero = [&](double v) { return std::fabs(v) < 0.5 * std::pow(10.0, -decimals); };
  while (excludes_zero && decimals < 3 && (looks_zero(lower) || looks_zero(upper))) ++decimals;
  const auto end = [&](double v) {
    return looks_zero(v) ? fmt::format("{:.{}f}", 0.0, decimals) : fmt::format("{:+.{}f}", v, decimals);
  };
  std::string text = fmt::format("95% interval {} to {}", end(lower), end(upper));
  if (excludes_zero && (looks_zero(lower) || looks_zero(upper))) text += ", just excluding 0";
  return text;
}

namespace {

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string capitalized(std::string s) {
  if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s.front() = static_cast<char>(s.front() - 'a' + 'A');
  return s;
}

std::string bucket_label(LocalDate d, Bucket b) {
  switch (b) {
    case Bucket::week:
      return format_date(d);
    case Bucket::month:
      return format_date(d).substr(0, 7);
    case Bucket::quarter:
      return fmt::format("{} Q{}", static_cast<int>(d.year()), (static_cast<unsigned>(d.month()) - 1) / 3 + 1);
    case Bucket::year:
      return fmt::format("{}", static_cast<int>(d.year()));
  }
  return format_date(d);
}

std::string_view bucket_name(Bucket b) {
  switch (b) {
    case Bucket::week:
      return "week from";
    case Bucket::month:
      return "month";
    case Bucket::quarter:
      return "quarter";
    case Bucket::year:
      return "year";
  }
  return "";
}

// ---- the whole day ------------------------------------------------------------

std::string all_day_text(const AllDay& a, Voice v) {
  if (a.days == 0) {
    return "To see whether the pain stays after the morning, log the afternoon or the evening as well on some days.";
  }
  const double share = 100.0 * static_cast<double>(a.pain_stayed) / static_cast<double>(a.days);
  const std::string later = later_periods_text(a);
  std::string text = fmt::format(
      "Of the {} {} logged the afternoon or evening as well, the pain had not gone after the morning on {} "
      "({:.0f}%): {}, against {} in those mornings.",
      count(a.days, "day", "days"), you(v), a.pain_stayed, share, later, one_decimal(a.morning_mean));
  // A pattern is read only from enough days (as the periods' intervals are).
  if (a.days < kMinForInterval) {
    return text + fmt::format(" With fewer than {} such days, that says little yet.", kMinForInterval);
  }
  text += share >= 50.0
              ? fmt::format(" Even if it feels like a morning problem, the pain is with {} for much of the day.",
                            you_object(v))
              : " On most of those days the pain had eased to nothing later on.";
  return text;
}

std::string medication_text(const MedicationMasking& m, Voice v) {
  const auto untimed = [&] {
    if (m.untimed == 0) return std::string();
    return fmt::format(" {} logged without a time could not be placed and were left out.",
                       count(m.untimed, "medication", "medications"));
  };
  if (m.timed == 0) {
    if (m.untimed == 0) return "No medication was logged in this range.";
    return fmt::format(
        "{} logged without a time, so the hours after them cannot be compared with the rest; add the "
        "time (e.g. --medications \"ibuprofen, 400 mg, 07:30\") to see what medication may mask.",
        capitalized(count(m.untimed, "medication was", "medications were")));
  }
  const std::string hours = fmt::format("{} hours", kMedicationWindow.count());
  if (!m.difference) {
    return fmt::format(
               "{} of {} afternoon and evening entries fell within {} after a medication and {} did not; at "
               "least {} of each are needed to compare them.",
               m.covered, your(v), hours, m.uncovered, kMinEntriesPerGroup) +
           untimed();
  }
  const Estimate& d = *m.difference;
  std::string text = fmt::format(
      "In the {} after a medication ({}), {} afternoon and evening pain averaged {} ({}) against {} at other "
      "times ({}). Compared with days that began with the same morning pain, that is {} points ({}).",
      hours, join(m.names, ", "), your(v), one_decimal(m.covered_mean), count(m.covered, "entry", "entries"),
      one_decimal(m.uncovered_mean), count(m.uncovered, "entry", "entries"), signed_decimal(d.value),
      interval_text(d.lower, d.upper));
  if (d.upper < 0.0) {
    text += fmt::format(
        " Medication seems to mask part of the pain: the hours without it show more truly what {} back is doing.",
        your(v));
  } else if (d.lower > 0.0) {
    text +=
        " Pain was higher after medication even so: doses probably followed the pain rather than the other way "
        "round.";
  } else {
    text += " No clear masking shows.";
  }
  text += " Every medication logged with a time counts: the diary cannot tell painkillers from others." + untimed();
  return text;
}

Section whole_day_section(const Insights& in) {
  Section s{"whole_day", "The whole day", {}};
  const WholeDay& w = in.whole_day;
  if (in.entries == 0) {
    s.blocks.push_back({"Nothing is logged in this range yet.", {}});
    return s;
  }
  std::vector<std::vector<std::string>> levels = {{"period", "entries", "mean pain", "95% interval"}};
  for (const auto& p : w.periods) {
    std::vector<std::string> row = {std::string(name_of(p.period)), std::to_string(p.n),
                                    p.n > 0 ? one_decimal(p.mean) : "-", "-"};
    if (p.interval) row[3] = fmt::format("{} to {}", one_decimal(p.interval->lower), one_decimal(p.interval->upper));
    levels.push_back(std::move(row));
  }
  s.blocks.push_back({"", std::move(levels)});
  s.blocks.push_back({all_day_text(w.all_day, in.voice), {}});
  if (w.rows.size() > 1) {
    std::vector<std::vector<std::string>> table = {
        {std::string(bucket_name(w.bucket)), "night", "morning", "afternoon", "evening"}};
    for (const auto& r : w.rows) {
      std::vector<std::string> row = {bucket_label(r.from, w.bucket)};
      for (const auto& m : r.mean) row.push_back(m ? one_decimal(*m) : "-");
      table.push_back(std::move(row));
    }
    s.blocks.push_back(
        {fmt::format("Mean pain by {} and period:", w.bucket == Bucket::week ? "week" : bucket_name(w.bucket)), {}});
    s.blocks.push_back({"", std::move(table)});
  }
  s.blocks.push_back({medication_text(w.medication, in.voice), {}});
  return s;
}

// ---- mornings ------------------------------------------------------------------

std::string amount(MorningMeasure m, double v) {
  if (m == MorningMeasure::stiffness_minutes) return fmt::format("{:.0f} minutes", std::fabs(v));
  return fmt::format("{} points", one_decimal(std::fabs(v)));
}

std::string shift_size(MorningMeasure m, double v) {
  if (m == MorningMeasure::stiffness_minutes) return fmt::format("{:.0f} minutes", v);
  return v == 1.0 ? std::string("1 point") : fmt::format("{} points", one_decimal(v));
}

std::string level(MorningMeasure m, double v) {
  if (m == MorningMeasure::stiffness_minutes) return fmt::format("{:.0f} minutes", v);
  return one_decimal(v);
}

Section mornings_section(const Insights& in) {
  Section s{"mornings", "Where mornings are heading", {}};
  for (const auto& o : in.outlook) {
    s.blocks.push_back({describe_trend(o), {}});
    for (auto& line : describe_shifts(o, in.voice)) s.blocks.push_back({std::move(line), {}});
  }
  return s;
}

// ---- factors ------------------------------------------------------------------

bool binary_yes(const FactorSeries& f, const Comparison& c) { return f.kind == FactorKind::binary && c.level == "yes"; }

std::string subject(const FactorSeries& f, const Comparison& c, Voice v) {
  const std::string_view when = f.night ? "nights" : "days";
  if (binary_yes(f, c)) {
    if (f.key == "evening_routine") return fmt::format("days {} did the evening routine", you(v));
    if (f.key == "bedtime_medication") return "nights with medication at bedtime";
    return fmt::format("{} with {}", when, f.label);
  }
  return fmt::format("{} with {} '{}'", when, f.label, c.level);
}

std::string comparator(const FactorSeries& f, const Comparison& c) {
  if (f.kind == FactorKind::binary) return f.night ? "nights without" : "days without";
  if (!c.other.empty()) return fmt::format("'{}'", c.other);
  return fmt::format("the other {}", f.night ? "nights" : "days");
}

}  // namespace

std::string short_date(LocalDate d) {
  return fmt::format("{} {} {}", static_cast<unsigned>(d.day()), short_month_name(d), static_cast<int>(d.year()));
}

std::string one_decimal(double v) {
  if (std::fabs(v) < 0.05) return "0.0";
  return fmt::format("{:.1f}", v);
}

std::string later_periods_text(const AllDay& a) {
  if (a.afternoon_mean && a.evening_mean) {
    return fmt::format("afternoons averaged {} and evenings {}", one_decimal(*a.afternoon_mean),
                       one_decimal(*a.evening_mean));
  }
  if (a.afternoon_mean) return fmt::format("afternoons averaged {}", one_decimal(*a.afternoon_mean));
  return fmt::format("evenings averaged {}", one_decimal(a.evening_mean.value_or(0.0)));
}

std::string p_text(double p) {
  if (p < 0.001) return "p < 0.001";
  if (p < 0.01) return fmt::format("p = {:.3f}", p);
  return fmt::format("p = {:.2f}", p);
}

// A trend the words count as one: the test finds it steady and its interval
// leaves out no change (describe_trend() says "falling" or "rising").
bool counted_trend(const Trend& t) {
  const bool excludes_zero = t.slope.lower > 0.0 || t.slope.upper < 0.0;
  return t.enough && t.test.p_value < kTrendAlpha && t.slope.slope != 0.0 && excludes_zero;
}

std::string describe_trend(const MeasureOutlook& o) {
  const Trend& t = o.trend;
  const std::string label = capitalized(std::string(measure_label(o.measure)));
  if (!t.enough) {
    return fmt::format("{}: too few mornings {} to judge a trend ({} logged, at least {} needed).", label,
                       days_between(t.from, t.to) + 1 >= kTrendWindowDays
                           ? fmt::format("in the last {} weeks", kTrendWindowDays / 7)
                           : std::string("in this range"),
                       t.mornings, kMinTrendMornings);
  }
  const double per_month = t.slope.slope * kDaysPerMonth;
  const double lower = t.slope.lower * kDaysPerMonth;
  const double upper = t.slope.upper * kDaysPerMonth;
  const bool minutes = o.measure == MorningMeasure::stiffness_minutes;
  const auto rate = [&](double v) { return minutes ? fmt::format("{:.0f}", v) : one_decimal(v); };
  const std::string unit = std::string(measure_unit(o.measure));
  const bool whole_window = days_between(t.from, t.to) + 1 >= kTrendWindowDays;
  const std::string window =
      whole_window ? fmt::format("over the last {} weeks ({}, {} to {})", kTrendWindowDays / 7,
                                 count(t.mornings, "morning", "mornings"), short_date(t.from), short_date(t.to))
                   : fmt::format("from {} to {} ({})", short_date(t.from), short_date(t.to),
                                 count(t.mornings, "morning", "mornings"));
  const std::string interval = fmt::format("95% interval {} to {} {} a month{}", rate(lower), rate(upper), unit,
                                           t.slope.resampled ? ", from resampling the days, as whole numbers tie" : "");
  const bool excludes_zero = t.slope.lower > 0.0 || t.slope.upper < 0.0;
  if (t.test.p_value < kTrendAlpha && per_month != 0.0 && !excludes_zero) {
    // The test and the interval disagree: the words follow the interval.
    return fmt::format(
        "{} {}: no clear trend. The trend test leans towards {} ({}, allowing for day-to-day correlation), but "
        "the best estimate, {} {} a month ({}), is compatible with no change, so it is not counted as a trend.",
        label, window, per_month < 0 ? "a fall" : "a rise", p_text(t.test.p_value), rate(per_month), unit, interval);
  }
  if (counted_trend(t)) {
    return fmt::format(
        "{} {}: {} by about {} a month ({}), from about {} to about {}. A trend this steady is unlikely to be "
        "chance ({}, allowing for day-to-day correlation); lower is better, so this is {}.",
        label, window, per_month < 0 ? "falling" : "rising", amount(o.measure, per_month), interval,
        level(o.measure, t.start_level), level(o.measure, t.end_level), p_text(t.test.p_value),
        per_month < 0 ? "an improvement" : "a worsening");
  }
  if (excludes_zero && per_month != 0.0) {
    // The interval leans one way, the trend test does not: a trend is claimed
    // only when both agree, and the words do not call an interval that
    // excludes 0 "compatible with no change".
    return fmt::format(
        "{} {}: no clear trend. The best estimate is {} {} a month ({}), leaning towards {}, but the trend test "
        "does not find it steady enough to rule out chance ({}, allowing for day-to-day correlation), so it is "
        "not counted as a trend.",
        label, window, rate(per_month), unit, interval, per_month < 0 ? "a fall" : "a rise", p_text(t.test.p_value));
  }
  return fmt::format(
      "{} {}: no clear trend. The best estimate is {} {} a month ({}), which is compatible with no change ({}, "
      "allowing for day-to-day correlation).",
      label, window, rate(per_month), unit, interval, p_text(t.test.p_value));
}

std::vector<std::string> describe_shifts(const MeasureOutlook& o, Voice v) {
  const ShiftHistory& h = o.history;
  const std::string label = std::string(measure_label(o.measure));
  const ShiftOptions defaults;
  if (!h.enough) {
    return {fmt::format("Shifts in {}: at least {} mornings are needed to look for them ({} so far).", label,
                        2 * defaults.min_segment, h.mornings)};
  }
  if (h.shifts.empty()) {
    // Only shifts of at least min_shift are reported, so this sentence must
    // not claim that nothing moved: it gives both ends.
    const std::string first = level(o.measure, h.first_mean);
    const std::string last = level(o.measure, h.last_mean);
    // A segment that is a line says the mornings moved gradually (a steady
    // trend, or a fall that levels off), which is why ends further apart
    // than the smallest shift can come with no shift.
    const bool gradual = std::any_of(h.segments.begin(), h.segments.end(), [](const auto& s) { return s.sloped(); });
    // Or the trend above, over these same mornings, is a steady one: the
    // shift search's levels may not pay for a line on a short noisy diary
    // (its noise estimate then holds the trend too), and the ends alone,
    // points apart under "no shift", read as a contradiction of it.
    const bool steady = counted_trend(o.trend) && o.trend.mornings == h.mornings;
    const std::string how =
        gradual  ? "; a gradual change fits these mornings better than a sudden shift"
        : steady ? fmt::format("; they changed gradually, as the steady {} above says, not in a sudden shift",
                               o.trend.slope.slope < 0.0 ? "fall" : "rise")
                 : "";
    const std::string ends =
        first == last ? fmt::format("about {} in the first two weeks and in the last two", first)
                      : fmt::format("about {} in the first two weeks, about {} in the last two{}", first, last, how);
    return {fmt::format("No shift of {} or more in {} across {}{}: {}.", shift_size(o.measure, h.min_shift), label,
                        count(h.mornings, "morning", "mornings"), h.weekly ? " (in weekly means)" : "", ends)};
  }
  std::vector<std::string> lines;
  for (const auto& shift : h.shifts) {
    lines.push_back(fmt::format("{} {} {} mornings shifted: {} went from about {} to about {} ({}).",
                                h.weekly ? "In the week of" : "Around", short_date(shift.first_day), your(v), label,
                                level(o.measure, shift.before), level(o.measure, shift.after),
                                shift.after < shift.before ? "better" : "worse"));
  }
  return lines;
}

std::string describe_comparison(const FactorEffects& e, const Comparison& c, Voice v) {
  const FactorSeries& f = e.factors[c.factor];
  if (!c.effect) {
    const std::string what = f.kind == FactorKind::categorical ? fmt::format("{} '{}'", f.label, c.level) : f.label;
    return fmt::format("{}: no number shown: {}.", capitalized(what), c.withheld);
  }
  const Estimate& d = *c.effect;
  const std::string size =
      one_decimal(std::fabs(d.value)) == "0.0"
          ? std::string("no different")
          : fmt::format("{} points {}", one_decimal(std::fabs(d.value)), d.value < 0 ? "lower" : "higher");
  const std::string interval = interval_text(d.lower, d.upper);
  if (f.kind == FactorKind::numeric) {
    return fmt::format("{} went with next-morning pain {} ({}; {}).", capitalized(f.per_label), size, interval,
                       count(c.n, "morning", "mornings"));
  }
  return fmt::format("Mornings after {} had pain {} than after {} ({}; {} and {} mornings).", subject(f, c, v), size,
                     comparator(f, c), interval, c.n, c.n_other);
}

std::optional<ExperimentIdea> experiment_idea(const FactorEffects& e, const Comparison& c) {
  const FactorSeries& f = e.factors[c.factor];
  if (f.kind == FactorKind::numeric) return std::nullopt;
  // When to take a medicine is for the person and their doctor to decide,
  // not a coin's: no personal trial is offered for it.
  if (f.key == "bedtime_medication") return std::nullopt;
  if (f.kind == FactorKind::binary) return ExperimentIdea{f.label, "no " + f.label};
  const std::string other = c.other.empty() ? "not " + c.level : c.other;
  return ExperimentIdea{fmt::format("{}: {}", f.label, c.level), fmt::format("{}: {}", f.label, other)};
}

}  // namespace daybreak::analysis

namespace daybreak::analysis {
namespace {

std::string note_cell(const FactorSeries& f, const Comparison& c) {
  std::vector<std::string> notes;
  if (c.effect && c.stands_out) notes.push_back("stands out");
  if (!c.effect) notes.push_back(c.withheld_short);
  if (f.exploratory) notes.push_back("exploratory");
  return join(notes, "; ");
}

std::vector<std::string> effect_cells(const Comparison& c) {
  if (!c.effect) return {"-", "-"};
  return {signed_decimal(c.effect->value),
          fmt::format("{} to {}", signed_decimal(c.effect->lower), signed_decimal(c.effect->upper))};
}

// One row per comparison; factors with several levels get a row of their own
// with the levels indented under it.
void comparison_rows(const FactorEffects& e, std::vector<std::vector<std::string>>& rows) {
  std::optional<std::size_t> last_factor;
  for (const auto& c : e.comparisons) {
    const FactorSeries& f = e.factors[c.factor];
    const auto effect = effect_cells(c);
    if (f.kind == FactorKind::numeric) {
      rows.push_back(
          {fmt::format("{}, per {}", f.label, f.per_unit), std::to_string(c.n), effect[0], effect[1], note_cell(f, c)});
    } else if (f.kind == FactorKind::binary) {
      rows.push_back({f.label, fmt::format("{} vs {}", c.n, c.n_other), effect[0], effect[1], note_cell(f, c)});
    } else {
      if (last_factor != c.factor) rows.push_back({f.label});
      const std::string level = c.other.empty() ? c.level : fmt::format("{} (vs {})", c.level, c.other);
      rows.push_back({"  " + level, fmt::format("{} vs {}", c.n, c.n_other), effect[0], effect[1], note_cell(f, c)});
    }
    last_factor = c.factor;
  }
}

Section factors_section(const Insights& in) {
  Section s{"factors", "What goes with better mornings", {}};
  const FactorEffects& e = in.factors;
  if (e.comparisons.empty()) {
    s.blocks.push_back(
        {in.voice == Voice::person
             ? "Nothing to compare yet. Log your sleep position, mattress and pillows with the night, walking and "
               "sitting with the day, or your own factors (--factor caffeine=2), and this shows how each goes with "
               "the next morning."
             : "Nothing to compare yet: once they log their sleep position, mattress and pillows with the night, "
               "walking and sitting with the day, or factors of their own, this shows how each goes with the next "
               "morning.",
         {}});
    return s;
  }
  s.blocks.push_back(
      {"How next-morning pain differed with each factor, in points (0-10; a minus means better mornings): each "
       "level against all other mornings, or per unit of an amount. A night goes with the morning after it, a "
       "day's walking and sitting with the next morning.",
       {}});
  std::vector<std::vector<std::string>> table = {{"", "mornings", "difference", "95% interval", ""}};
  comparison_rows(e, table);
  const bool exploratory = std::any_of(e.comparisons.begin(), e.comparisons.end(),
                                       [&](const Comparison& c) { return e.factors[c.factor].exploratory; });
  s.blocks.push_back({"", std::move(table)});
  const bool any_withheld =
      std::any_of(e.comparisons.begin(), e.comparisons.end(), [](const Comparison& c) { return !c.effect; });
  if (any_withheld) {
    s.blocks.push_back(
        {fmt::format("No number is shown where a level has fewer than {} mornings ({} for amounts such as walking): "
                     "its interval would be wider than the 2 points that matter, so it could not tell anything apart.",
                     kMinMorningsPerLevel, kMinMorningsNumeric),
         {}});
  }

  // The best candidate for an experiment: a two-condition comparison with a number, smallest p first.
  const Comparison* best = nullptr;
  std::size_t standing_out = 0;
  for (const auto& c : e.comparisons) {
    if (!c.effect) continue;
    if (c.stands_out) {
      ++standing_out;
      std::string sentence = describe_comparison(e, c, in.voice);
      sentence.front() = static_cast<char>(std::tolower(static_cast<unsigned char>(sentence.front())));
      s.blocks.push_back({"Worth testing: " + sentence, {}});
    }
    if (!experiment_idea(e, c)) continue;
    if (best == nullptr || c.effect->p_value < best->effect->p_value) best = &c;
  }
  if (e.tested > 0) {
    const std::string family =
        e.tested == 2 ? std::string("both comparisons") : fmt::format("all {} comparisons", e.tested);
    if (standing_out == 0) {
      s.blocks.push_back(
          {fmt::format("None of these differences stands out once {} are taken into account "
                       "(Benjamini-Hochberg, {:.0f}% false discovery rate): they may well be chance.",
                       e.tested == 1 ? std::string("the comparison") : family, 100 * kFalseDiscoveryRate),
           {}});
    } else {
      s.blocks.push_back(
          {fmt::format("'Stands out' means it holds up after {} are taken into account "
                       "(Benjamini-Hochberg, {:.0f}% false discovery rate).",
                       e.tested == 1 ? std::string("the comparison") : family, 100 * kFalseDiscoveryRate),
           {}});
    }
  }
  if (best != nullptr) {
    const auto idea = experiment_idea(e, *best);
    s.blocks.push_back({fmt::format("{} To find out whether it is a cause, test it in a personal experiment.",
                                    best->stands_out ? "This is a hypothesis, not a finding."
                                    : in.voice == Voice::person
                                        ? "If one of them still makes you curious, a hypothesis is worth a test."
                                        : "If one of them still seems worth knowing, a hypothesis is worth a test."),
                        {},
                        Hint{HintAction::new_experiment, {{"a", idea->a}, {"b", idea->b}}}});
  }
  s.blocks.push_back(
      {fmt::format("These are associations in {} own diary, not causes: a pillow tried when the pain peaked looks "
                   "good as the pain settles by itself, and what {} do may follow how {} feel rather than the other "
                   "way round.",
                   your(in.voice), you(in.voice), you(in.voice)),
       {}});
  if (exploratory) {
    s.blocks.push_back(
        {"Bedroom temperature and humidity are exploratory: no study has linked them with back pain.", {}});
  }
  return s;
}

Section adherence_section(const Insights& in) {
  Section s{"adherence", "Adherence", {}};
  const Adherence& a = in.adherence;
  if (!a.shared) {
    s.blocks.push_back(
        {"The guided sessions are part of the program, which is not shared, so adherence is not shown.", {}});
    return s;
  }
  if (!a.has_sessions) {
    s.blocks.push_back({fmt::format("No guided sessions are recorded, so there is nothing to show yet. Once {} do "
                                    "the morning and evening routines, this shows how many {} do each week and how "
                                    "the evening routine goes with the next morning.",
                                    you(in.voice), you(in.voice)),
                        {}});
    return s;
  }
  // The rate over the days it covers, said with its sum: a week just begun
  // or a range that starts mid-week is not a week of misses.
  std::string text = fmt::format("{} completed in this range ({} started).",
                                 capitalized(count(a.completed, "session", "sessions")), a.started);
  // Days daybreak itself refused sessions are not days missed.
  const int held = a.paused_days + a.locked_days;
  const std::string counted_days =
      held > 0 ? fmt::format("{} from {} to {} that exercise was not {}",
                             count(static_cast<std::size_t>(a.days), "day", "days"),
                             a.counted_from ? short_date(*a.counted_from) : "",
                             a.counted_to ? short_date(*a.counted_to) : "", held_words(a.paused_days, a.locked_days))
               : fmt::format("{} from {} to {}", count(static_cast<std::size_t>(a.days), "day", "days"),
                             a.counted_from ? short_date(*a.counted_from) : "",
                             a.counted_to ? short_date(*a.counted_to) : "");
  if (a.counted_from && a.counted_to && a.per_week) {
    text += fmt::format(" About {} a week: {} over the {} ({} \u00f7 {} \u00d7 7).", one_decimal(*a.per_week),
                        count(a.counted, "session", "sessions"), counted_days, a.counted, a.days);
  } else if (a.counted_from && a.counted_to) {
    text += fmt::format(" {} over the {}: a weekly rate needs {} days.",
                        capitalized(count(a.counted, "session", "sessions")), counted_days, kMinAdherenceDays);
  } else {
    text += " No day since the first session is over yet, so there is no weekly rate yet.";
  }
  if (held > 0) {
    text += fmt::format(" The {} it was {} {} not counted{}.", count(static_cast<std::size_t>(held), "day", "days"),
                        held_words(a.paused_days, a.locked_days), held == 1 ? "is" : "are",
                        a.held_completed > 0
                            ? fmt::format(", nor the {} done on them", count(a.held_completed, "session", "sessions"))
                            : "");
  }
  if (!a.recent.empty() && a.recent.back().in_progress()) {
    text += a.later > 0 ? fmt::format(" Today is not over, so it is not counted yet ({} so far).",
                                      count(a.later, "session", "sessions"))
                        : " Today is not over, so it is not counted yet.";
  }
  s.blocks.push_back({text, {}});
  std::vector<std::vector<std::string>> table = {{"week from", "sessions done", "days counted"}};
  for (const auto& w : a.recent) {
    std::string days = fmt::format("{}{}", w.days, w.in_progress() ? " so far" : "");
    if (w.paused > 0 && w.locked > 0) {
      days += fmt::format(" ({} paused, {} locked)", w.paused, w.locked);
    } else if (w.held() > 0) {
      days += fmt::format(" ({} {})", w.held(), w.locked > 0 ? "locked" : "paused");
    }
    table.push_back({format_date(w.monday), std::to_string(w.completed + w.later + w.held_completed), days});
  }
  s.blocks.push_back({"", std::move(table)});
  if (const Comparison* c = find_comparison(in.factors, "evening_routine", "yes")) {
    // Not yet comparable: said as what it is about (not "Evening routine
    // done: no number shown: ..." the factor table's shorthand).
    s.blocks.push_back(
        {!c->effect ? fmt::format("Whether mornings are better after the evening routine cannot be "
                                  "told yet: {}.",
                                  c->withheld)
                    : describe_comparison(in.factors, *c, in.voice) + (c->stands_out ? "" : " This may be chance."),
         {}});
  }
  return s;
}

}  // namespace

std::vector<Section> describe(const Insights& in) {
  return {whole_day_section(in), mornings_section(in), factors_section(in), adherence_section(in)};
}

Insights build_insights(std::span<const DiaryEntry> entries, LocalDate from, LocalDate to, const TimeZone& zone,
                        const std::optional<std::vector<RoutineSession>>& sessions, const AdherenceCalendar& calendar) {
  Insights in;
  in.from = from;
  in.to = to;
  const DiarySeries series = build_series(entries, from, to, zone);
  in.entries = series.entries;
  for (const auto& d : series.days) {
    if (std::any_of(d.pain.begin(), d.pain.end(), [](const auto& p) { return p.has_value(); })) ++in.days_logged;
  }
  in.whole_day = analyze_whole_day(series);
  for (const auto m : {MorningMeasure::pain, MorningMeasure::stiffness_minutes, MorningMeasure::stiffness_severity}) {
    MeasureOutlook o = analyze_measure(series, m);
    if (m == MorningMeasure::pain || o.mornings > 0) in.outlook.push_back(std::move(o));
  }
  in.factors = analyze_factors(series, diary_factors(series, evening_routine_days(sessions)));
  in.adherence = analyze_adherence(series, sessions, calendar);
  return in;
}

}  // namespace daybreak::analysis
