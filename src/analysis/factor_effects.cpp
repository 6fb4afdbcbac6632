#include "analysis/factor_effects.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analysis/descriptive.hpp"
#include "analysis/multiple_testing.hpp"
#include "domain/text.hpp"

namespace daybreak::analysis {
namespace {

std::optional<double> morning_pain(const DiarySeries& s, LocalDate date) {
  const DayRecord* d = s.day(date);
  if (d == nullptr) return std::nullopt;
  return d->pain[static_cast<std::size_t>(Period::morning)];
}

std::optional<double> number_of(std::string_view text) {
  double v = 0.0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return v;
}

bool is_yes_no(std::string_view v) { return v == "yes" || v == "no"; }

FactorSeries numeric(std::string key, std::string label, bool night, double per, std::string per_label,
                     std::string per_unit, bool exploratory = false) {
  FactorSeries f;
  f.per_unit = std::move(per_unit);
  f.key = std::move(key);
  f.label = std::move(label);
  f.kind = FactorKind::numeric;
  f.night = night;
  f.per = per;
  f.per_label = std::move(per_label);
  f.exploratory = exploratory;
  return f;
}

FactorSeries categorical(std::string key, std::string label, FactorKind kind, bool night) {
  FactorSeries f;
  f.key = std::move(key);
  f.label = std::move(label);
  f.kind = kind;
  f.night = night;
  return f;
}

// User-defined factors: numeric when every value is a number; yes/no when
// every value is yes or no (a tag logged alone means yes; on days the
// relevant entry was logged without it, it counts as no); otherwise levels.
void add_user_factors(const DiarySeries& s, std::vector<FactorSeries>& out) {
  struct Seen {
    bool night = false;
    bool day = false;
    bool all_numbers = true;
    bool all_yes_no = true;
  };
  std::map<std::string, Seen> seen;
  for (const auto& d : s.days) {
    for (const auto& f : d.night_factors) {
      auto& x = seen[f.name];
      x.night = true;
      x.all_numbers = x.all_numbers && number_of(f.value).has_value();
      x.all_yes_no = x.all_yes_no && is_yes_no(f.value);
    }
    for (const auto& f : d.day_factors) {
      auto& x = seen[f.name];
      x.day = true;
      x.all_numbers = x.all_numbers && number_of(f.value).has_value();
      x.all_yes_no = x.all_yes_no && is_yes_no(f.value);
    }
  }
  for (const auto& entry : seen) {
    // Named, not a structured binding: clang 14 cannot capture those in a lambda.
    const auto& name = entry.first;
    const auto& x = entry.second;
    // Logged with nights and with days alike: the night's value is the one
    // nearest to the morning, so the day's is used only when no night has it.
    const FactorKind kind = x.all_numbers  ? FactorKind::numeric
                            : x.all_yes_no ? FactorKind::binary
                                           : FactorKind::categorical;
    FactorSeries f = kind == FactorKind::numeric
                         ? numeric("factor:" + name, name, x.night, 1.0, fmt::format("each 1 more of {}", name), "1")
                         : categorical("factor:" + name, name, kind, x.night);
    for (const auto& d : s.days) {
      const auto& list = x.night ? d.night_factors : d.day_factors;
      const bool logged = x.night ? d.pain[static_cast<std::size_t>(Period::night)].has_value()
                                  : d.pain[1].has_value() || d.pain[2].has_value() || d.pain[3].has_value();
      const LocalDate morning = x.night ? d.date : add_days(d.date, 1);
      const auto it = std::find_if(list.begin(), list.end(), [&](const Factor& g) { return g.name == name; });
      if (it != list.end()) {
        f.points.push_back({morning, kind == FactorKind::numeric ? "" : it->value,
                            kind == FactorKind::numeric ? *number_of(it->value) : 0.0});
      } else if (kind == FactorKind::binary && logged) {
        f.points.push_back({morning, "no", 0.0});
      }
    }
    out.push_back(std::move(f));
  }
}

Estimate fit_effect(const std::vector<double>& x, const std::vector<double>& y, const std::vector<std::int64_t>& day,
                    double per, bool& ok) {
  std::vector<double> rows;
  rows.reserve(2 * x.size());
  for (const double v : x) rows.insert(rows.end(), {1.0, v});
  const auto fit = hac_regression(rows, 2, y, day, newey_west_lag(y.size()));
  ok = fit.has_value();
  if (!ok) return {};
  Estimate e = coefficient(*fit, 1);
  e.value *= per;
  e.standard_error *= per;
  e.lower *= per;
  e.upper *= per;
  return e;
}

// "only 6 mornings (at least 10 needed)"; `what` is plural, its first word loses
// its 's' for one ("1 morning with a value").
std::string too_few(std::size_t n, std::size_t needed, std::string_view what) {
  if (n == 0) return fmt::format("no {} (at least {} needed)", what, needed);
  std::string words(what);
  if (n == 1) words.erase(words.find('s'), 1);
  return fmt::format("only {} {} (at least {} needed)", n, words, needed);
}

}  // namespace

std::vector<FactorSeries> diary_factors(const DiarySeries& s, const std::optional<EveningRoutineDays>& routines) {
  std::vector<FactorSeries> out;
  auto position = categorical("sleep_position", "sleep position", FactorKind::categorical, true);
  auto mattress = categorical("mattress", "mattress", FactorKind::categorical, true);
  auto pillows = categorical("pillows", "pillow set-up", FactorKind::categorical, true);
  auto temperature = numeric("room_temperature", "bedroom temperature", true, 1.0, "each degree warmer in the bedroom",
                             "degree", true);
  auto humidity =
      numeric("humidity", "bedroom humidity", true, 10.0, "each 10% more humidity in the bedroom", "10%", true);
  auto bedtime_dose = categorical("bedtime_medication", "medication at bedtime", FactorKind::binary, true);
  auto sitting = numeric("sitting_hours", "sitting", false, 1.0, "each extra hour of sitting", "hour");
  auto walking = numeric("walking_minutes", "walking", false, 30.0, "each extra 30 minutes of walking", "30 min");
  for (const auto& d : s.days) {
    const LocalDate next = add_days(d.date, 1);
    if (d.sleep_position) position.points.push_back({d.date, humanize(name_of(*d.sleep_position)), 0.0});
    if (d.mattress) mattress.points.push_back({d.date, *d.mattress, 0.0});
    if (d.pillows) pillows.points.push_back({d.date, *d.pillows, 0.0});
    if (d.room_temperature) temperature.points.push_back({d.date, "", *d.room_temperature});
    if (d.humidity) humidity.points.push_back({d.date, "", *d.humidity});
    if (d.bedtime_medication) bedtime_dose.points.push_back({d.date, *d.bedtime_medication ? "yes" : "no", 0.0});
    if (d.sitting_hours) sitting.points.push_back({next, "", *d.sitting_hours});
    if (d.walking_minutes) walking.points.push_back({next, "", *d.walking_minutes});
  }
  for (auto* f : {&position, &mattress, &pillows, &temperature, &humidity, &bedtime_dose}) out.push_back(std::move(*f));
  if (routines) {
    auto routine = categorical("evening_routine", "evening routine done", FactorKind::binary, false);
    for (const auto& d : s.days) {
      if (d.date < routines->first) continue;
      const bool done = std::binary_search(routines->done.begin(), routines->done.end(), d.date);
      routine.points.push_back({add_days(d.date, 1), done ? "yes" : "no", 0.0});
    }
    out.push_back(std::move(routine));
  }
  out.push_back(std::move(sitting));
  out.push_back(std::move(walking));
  add_user_factors(s, out);
  return out;
}

FactorEffects analyze_factors(const DiarySeries& s, std::vector<FactorSeries> factors) {
  FactorEffects result;
  result.factors = std::move(factors);
  for (std::size_t fi = 0; fi < result.factors.size(); ++fi) {
    FactorSeries& f = result.factors[fi];
    // Exposure and outcome, in day order.
    std::vector<std::int64_t> day;
    std::vector<double> pain;
    std::vector<const FactorSeries::Point*> points;
    for (const auto& p : f.points) {
      const auto outcome = morning_pain(s, p.morning);
      if (!outcome) continue;
      day.push_back(day_number(p.morning));
      pain.push_back(*outcome);
      points.push_back(&p);
    }
    result.mornings.push_back(pain.size());

    if (f.kind == FactorKind::numeric) {
      Comparison c;
      c.factor = fi;
      c.n = pain.size();
      c.mean = mean(pain);
      std::vector<double> x;
      for (const auto* p : points) x.push_back(p->value);
      const std::set<double> distinct(x.begin(), x.end());
      if (c.n < kMinMorningsNumeric) {
        c.withheld = too_few(c.n, kMinMorningsNumeric, "mornings with a value");
        c.withheld_short = "too few mornings";
      } else if (distinct.size() < kMinDistinctValues) {
        c.withheld = fmt::format("only {} different value{} (at least {} needed)", distinct.size(),
                                 distinct.size() == 1 ? "" : "s", kMinDistinctValues);
        c.withheld_short = "too few values";
      } else {
        bool ok = false;
        const Estimate e = fit_effect(x, pain, day, f.per, ok);
        if (ok) {
          c.effect = e;
        } else {
          c.withheld = "the values do not vary enough to fit a line";
          c.withheld_short = "no spread";
        }
      }
      if (c.n > 0) result.comparisons.push_back(std::move(c));
      f.points.clear();
      continue;
    }

    // Levels by how often they occur (then by name), for a stable order.
    std::map<std::string, std::size_t> counts;
    for (const auto* p : points) ++counts[p->level];
    std::vector<std::pair<std::string, std::size_t>> levels(counts.begin(), counts.end());
    std::stable_sort(levels.begin(), levels.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> compared;
    if (f.kind == FactorKind::binary) {
      if (!points.empty()) compared.push_back("yes");
    } else if (levels.size() == 2) {
      compared.push_back(levels[1].first);  // the less usual one, against the usual
    } else if (levels.size() > 2) {
      for (const auto& [level, count] : levels) compared.push_back(level);
    } else if (levels.size() == 1) {
      // One level only (a knee pillow logged on the nights it was used, and
      // nothing on the others): nothing to compare it with, and the output
      // says why rather than leaving the factor out.
      Comparison c;
      c.factor = fi;
      c.level = levels[0].first;
      c.n = levels[0].second;
      c.withheld = fmt::format(
          "every morning with a {} logged has the same one, so there is nothing to compare it with; a night "
          "that leaves it blank counts as unknown, not as without it (a night without a pillow says none)",
          f.label);
      c.withheld_short = "only one kind logged";
      result.comparisons.push_back(std::move(c));
    }
    for (const auto& level : compared) {
      Comparison c;
      c.factor = fi;
      c.level = level;
      if (f.kind == FactorKind::categorical && levels.size() == 2) c.other = levels[0].first;
      std::vector<double> x;
      std::vector<double> in_level;
      std::vector<double> others;
      for (std::size_t i = 0; i < points.size(); ++i) {
        const bool here = points[i]->level == level;
        x.push_back(here ? 1.0 : 0.0);
        (here ? in_level : others).push_back(pain[i]);
      }
      c.n = in_level.size();
      c.n_other = others.size();
      c.mean = mean(in_level);
      c.mean_other = mean(others);
      if (c.n < kMinMorningsPerLevel) {
        c.withheld = too_few(c.n, kMinMorningsPerLevel, "mornings");
        c.withheld_short = "too few mornings";
      } else if (c.n_other < kMinMorningsPerLevel) {
        c.withheld = too_few(c.n_other, kMinMorningsPerLevel, "mornings to compare with");
        c.withheld_short = "too few to compare";
      } else {
        bool ok = false;
        const Estimate e = fit_effect(x, pain, day, 1.0, ok);
        if (ok) c.effect = e;
      }
      result.comparisons.push_back(std::move(c));
    }
    f.points.clear();
  }

  std::vector<double> p;
  std::vector<std::size_t> tested;
  for (std::size_t i = 0; i < result.comparisons.size(); ++i) {
    if (!result.comparisons[i].effect) continue;
    p.push_back(result.comparisons[i].effect->p_value);
    tested.push_back(i);
  }
  const auto q = benjamini_hochberg(p);
  for (std::size_t j = 0; j < tested.size(); ++j) {
    Comparison& c = result.comparisons[tested[j]];
    c.q_value = q[j];
    c.stands_out = q[j] <= kFalseDiscoveryRate;
  }
  result.tested = tested.size();
  return result;
}

const Comparison* find_comparison(const FactorEffects& effects, std::string_view key, std::string_view level) {
  for (const auto& c : effects.comparisons) {
    if (effects.factors[c.factor].key == key && c.level == level) return &c;
  }
  return nullptr;
}

}  // namespace daybreak::analysis
