#include "domain/experiment.hpp"

#include <random>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

void check_text(FieldErrors& errors, std::string_view field, std::string_view value, std::size_t max, bool required) {
  const auto length = utf8_length(value);
  const bool bad =
      (required && value.empty()) || !length || *length > max || has_control_chars(value) || value != trim(value);
  if (bad) {
    errors.push_back({std::string(field), std::string(value),
                      fmt::format("text of {} to {} characters, without line breaks or leading or trailing spaces",
                                  required ? 1 : 0, max)});
  }
}

void check_range(FieldErrors& errors, std::string_view field, int value, int lo, int hi, std::string_view why) {
  if (value < lo || value > hi) {
    errors.push_back(
        {std::string(field), std::to_string(value), fmt::format("a whole number from {} to {}{}", lo, hi, why)});
  }
}

}  // namespace

FieldErrors check_design(const ExperimentDraft& d) {
  FieldErrors errors;
  check_text(errors, "title", d.title, kMaxTitleLength, false);
  check_text(errors, "a", d.condition_a, kMaxConditionLength, true);
  check_text(errors, "b", d.condition_b, kMaxConditionLength, true);
  if (!d.condition_a.empty() && d.condition_a == d.condition_b) {
    errors.push_back({"b", d.condition_b, "a condition different from A"});
  }
  check_range(errors, "pairs", d.pairs, kMinPairs, kMaxPairs,
              " (at least 3 pairs: one comparison of A and B is easily fooled by chance and by drift)");
  check_range(errors, "nights", d.period_nights, kMinPeriodNights, kMaxPeriodNights,
              " (at least 5 nights, so that each period outlasts any carry-over)");
  // Nights out of range are told above: the washout is then held to the most
  // nights may be, not to a value already refused (nights 3 said "washout:
  // a whole number from 0 to 0").
  const bool nights_ok = d.period_nights >= kMinPeriodNights && d.period_nights <= kMaxPeriodNights;
  const int max_washout = (nights_ok ? d.period_nights : kMaxPeriodNights) - kMinAnalysedNightsPerPeriod;
  if (d.washout_nights < 0 || d.washout_nights > std::max(0, max_washout)) {
    errors.push_back({"washout", std::to_string(d.washout_nights),
                      fmt::format("a whole number from 0 to {} (at least {} nights of each period must count)",
                                  std::max(0, max_washout), kMinAnalysedNightsPerPeriod)});
  }
  if (d.seed && *d.seed > kMaxSeed) {
    errors.push_back({"seed", std::to_string(*d.seed), fmt::format("a whole number from 0 to {}", kMaxSeed)});
  }
  return errors;
}

std::vector<Condition> pair_orders(std::uint64_t seed, int pairs) {
  std::mt19937_64 engine(seed);
  std::vector<Condition> orders;
  for (int i = 0; i < pairs; ++i) orders.push_back((engine() >> 63) != 0 ? Condition::b : Condition::a);
  return orders;
}

std::string orders_text(const std::vector<Condition>& orders) {
  std::string out;
  for (const Condition c : orders) {
    if (!out.empty()) out += ' ';
    out += c == Condition::a ? "AB" : "BA";
  }
  return out;
}

std::optional<std::vector<Condition>> orders_from_text(std::string_view text) {
  std::vector<Condition> orders;
  for (const auto part : split_list(text, " ")) {
    if (part == "AB") {
      orders.push_back(Condition::a);
    } else if (part == "BA") {
      orders.push_back(Condition::b);
    } else {
      return std::nullopt;
    }
  }
  return orders;
}

ExperimentDesign make_design(const ExperimentDraft& d, std::uint64_t seed, LocalDate first_night) {
  ExperimentDesign design;
  design.condition_a = d.condition_a;
  design.condition_b = d.condition_b;
  design.title = d.title.empty() ? fmt::format("{} vs {}", d.condition_a, d.condition_b) : d.title;
  design.first_night = first_night;
  design.pairs = d.pairs;
  design.period_nights = d.period_nights;
  design.washout_nights = d.washout_nights;
  design.seed = seed;
  design.first_in_pair = pair_orders(seed, d.pairs);
  return design;
}

std::optional<NightPlan> plan_for(const ExperimentDesign& design, LocalDate night) {
  const int index = days_between(design.first_night, night);
  if (index < 0 || index >= design.total_nights()) return std::nullopt;
  NightPlan p;
  p.night = night;
  p.index = index;
  p.period = index / design.period_nights;
  p.pair = p.period / 2;
  p.night_in_period = index % design.period_nights;
  const Condition first = design.first_in_pair.at(static_cast<std::size_t>(p.pair));
  const bool second_half = p.period % 2 == 1;
  p.condition = second_half ? (first == Condition::a ? Condition::b : Condition::a) : first;
  p.washout = p.night_in_period < design.washout_nights;
  return p;
}

std::vector<NightPlan> schedule(const ExperimentDesign& design) {
  std::vector<NightPlan> plans;
  for (int i = 0; i < design.total_nights(); ++i) plans.push_back(*plan_for(design, add_days(design.first_night, i)));
  return plans;
}

LocalDate Experiment::end_night() const { return stopped_after ? *stopped_after : design.last_night(); }

bool share_a_night(const Experiment& a, const Experiment& b) {
  const auto counts_none = [](const Experiment& e) { return e.end_night() < e.design.first_night; };
  if (counts_none(a) || counts_none(b)) return false;
  return a.design.first_night <= b.end_night() && b.design.first_night <= a.end_night();
}

LocalDate tonight(LocalTime now) {
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const LocalDate today{std::chrono::sys_days{day.time_since_epoch()}};
  return now - day < kNightTurnsAt ? today : add_days(today, 1);
}

ExperimentStatus status_of(const Experiment& e, LocalDate coming_night) {
  if (e.stopped_at) return ExperimentStatus::stopped;
  if (coming_night < e.design.first_night) return ExperimentStatus::planned;
  if (coming_night > e.design.last_night()) return ExperimentStatus::finished;
  return ExperimentStatus::running;
}

}  // namespace daybreak
