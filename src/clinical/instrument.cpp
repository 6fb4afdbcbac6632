#include "clinical/instrument.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

// Scores are rounded here so that a band edge is not missed by a binary
// fraction: BASDAI's 0.2 weights can give 3.9999999999999996 for 4.
double tidy(double v) { return std::round(v * 1e6) / 1e6; }

double item_max(const InstrumentItem& item) {
  switch (item.kind) {
    case ItemKind::choice: {
      double best = 0;
      for (const auto& o : item.options) best = std::max(best, o.score);
      return best;
    }
    case ItemKind::number:
      return item.max;
    case ItemKind::minutes:
      return static_cast<double>(std::min(item.max, item.minutes_cap)) / item.minutes_per_point;
  }
  return 0;
}

double item_min(const InstrumentItem& item) {
  switch (item.kind) {
    case ItemKind::choice: {
      double least = item.options.empty() ? 0 : item.options.front().score;
      for (const auto& o : item.options) least = std::min(least, o.score);
      return least;
    }
    case ItemKind::number:
      return item.min;
    case ItemKind::minutes:
      return static_cast<double>(std::min(item.min, item.minutes_cap)) / item.minutes_per_point;
  }
  return 0;
}

bool holds(const BandCondition& c, double total, const std::vector<SubscaleScore>& subscales) {
  double v = total;
  if (c.score != "total") {
    const auto it = std::find_if(subscales.begin(), subscales.end(), [&](const auto& s) { return s.id == c.score; });
    if (it == subscales.end()) return false;
    v = it->value;
  }
  switch (c.op) {
    case BandCondition::Op::le:
      return v <= c.value;
    case BandCondition::Op::lt:
      return v < c.value;
    case BandCondition::Op::ge:
      return v >= c.value;
    case BandCondition::Op::gt:
      return v > c.value;
  }
  return false;
}

std::string band_of(const Instrument& instrument, double value, const std::vector<SubscaleScore>& subscales) {
  for (const auto& band : instrument.bands) {
    if (!band.when || holds(*band.when, value, subscales)) return band.id;
  }
  return "";
}

// The band is judged on the unrounded score. Where rounding for display
// would carry it across a band edge (BASDAI 3.95 shown as 4.0 but below 4),
// a note says so, so the number and the words never seem to disagree.
void assign_band(const Instrument& instrument, InstrumentScore& s) {
  s.band = band_of(instrument, s.value, s.subscales);
  const double shown = round_half_away(s.value, instrument.decimals);
  if (shown == s.value || band_of(instrument, shown, s.subscales) == s.band) return;
  const Band* band = find_band(instrument, s.band);
  s.notes.push_back(fmt::format("{} before rounding: {} (the band is judged on the unrounded score)",
                                format_amount(s.value, 6) + instrument.unit, band ? band->label : s.band));
}

std::string activity_rule(const ActivityRule& a) {
  return fmt::format("1 to {} activities you named, each rated a whole number from {} to {} ({})", a.max_activities,
                     a.min, a.max, a.anchors);
}

std::string activity_name_rule() {
  return fmt::format("the name of an activity, 1 to {} characters, without ',', ';' or '='", kMaxActivityName);
}

bool valid_activity_name(std::string_view name) {
  const auto length = utf8_length(name);
  return length && *length >= 1 && *length <= kMaxActivityName && !has_control_chars(name) &&
         name.find_first_of(",;=") == std::string_view::npos && trim(name) == name;
}

Result<InstrumentScore, FieldErrors> score_activities(const Instrument& instrument, const ActivityRule& rule,
                                                      const std::vector<ItemAnswer>& answers) {
  FieldErrors errors;
  if (answers.empty() || std::ssize(answers) > rule.max_activities) {
    errors.push_back({"activities", fmt::format("{} activities", answers.size()), activity_rule(rule)});
  }
  std::set<std::string> seen;
  double sum = 0;
  for (const auto& a : answers) {
    if (!valid_activity_name(a.item)) {
      errors.push_back({"activity", a.item, activity_name_rule()});
      continue;
    }
    if (!seen.insert(to_lower_ascii(a.item)).second) {
      errors.push_back({a.item, a.item, std::string(kEachActivityOnce)});
      continue;
    }
    if (!a.value || *a.value < rule.min || *a.value > rule.max) {
      errors.push_back({a.item, a.value ? std::to_string(*a.value) : a.choice.value_or(""),
                        fmt::format("a whole number from {} to {} ({})", rule.min, rule.max, rule.anchors)});
      continue;
    }
    sum += *a.value;
  }
  if (!errors.empty()) return fail(std::move(errors));
  InstrumentScore s;
  s.answered = static_cast<int>(answers.size());
  s.value = tidy(sum / s.answered);
  assign_band(instrument, s);
  return s;
}

}  // namespace

const InstrumentItem* Instrument::find_item(std::string_view id_or_number) const {
  for (const auto& item : items) {
    if (item.id == id_or_number) return &item;
  }
  const auto n = parse_integer(id_or_number);
  if (n && *n >= 1 && *n <= std::ssize(items)) return &items[static_cast<std::size_t>(*n - 1)];
  return nullptr;
}

double Instrument::max_score() const {
  if (activities) return activities->max;
  double total = 0;
  for (const auto& item : items) {
    switch (rule) {
      case ScoringRule::percent:
        return 100;
      case ScoringRule::sum:
        total += item_max(item);
        break;
      case ScoringRule::mean:
        total = std::max(total, item_max(item));
        break;
      case ScoringRule::weighted_sum:
        total += item.weight * item_max(item);
        break;
    }
  }
  return tidy(total);
}

double Instrument::min_score() const {
  if (activities) return activities->min;
  double total = 0;
  bool first = true;
  for (const auto& item : items) {
    switch (rule) {
      case ScoringRule::percent:
        return 0;
      case ScoringRule::sum:
        total += item_min(item);
        break;
      case ScoringRule::mean:
        total = first ? item_min(item) : std::min(total, item_min(item));
        break;
      case ScoringRule::weighted_sum:
        total += item.weight * item_min(item);
        break;
    }
    first = false;
  }
  return tidy(total);
}

std::string item_allowed(const InstrumentItem& item) {
  std::string allowed;
  switch (item.kind) {
    case ItemKind::choice: {
      std::vector<std::string> codes;
      for (const auto& o : item.options) codes.push_back(o.code);
      allowed = "one of: " + join(codes, ", ");
      break;
    }
    case ItemKind::number:
      allowed = fmt::format("a whole number from {} to {}", item.min, item.max);
      break;
    case ItemKind::minutes:
      allowed = fmt::format("minutes, a whole number from {} to {}", item.min, item.max);
      break;
  }
  if (!item.required) allowed += ", or skip";
  return allowed;
}

const Band* find_band(const Instrument& instrument, std::string_view id) {
  for (const auto& b : instrument.bands) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

double round_half_away(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  // The nudge makes a decimal half (3.95, 5.05, stored a hair below) round
  // away from zero like the written number, not like its binary neighbour.
  const double q = value * scale;
  return std::round(q + std::copysign(1e-9, q)) / scale;
}

namespace {

std::string fixed(double value, int decimals) {
  std::string s = fmt::format("{:.{}f}", round_half_away(value, decimals), decimals);
  if (s.starts_with('-') && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);  // "-0.0"
  return s;
}

}  // namespace

std::string format_amount(double value, int decimals) {
  std::string s = fixed(value, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

std::string format_score(const Instrument& instrument, double value) {
  return fixed(value, instrument.decimals) + instrument.unit;
}

Result<InstrumentScore, FieldErrors> score_answers(const Instrument& instrument,
                                                   const std::vector<ItemAnswer>& answers) {
  if (instrument.activities) return score_activities(instrument, *instrument.activities, answers);

  FieldErrors errors;
  std::vector<const ItemAnswer*> by_item(instrument.items.size(), nullptr);
  for (const auto& a : answers) {
    const auto it = std::find_if(instrument.items.begin(), instrument.items.end(),
                                 [&](const InstrumentItem& i) { return i.id == a.item; });
    if (it == instrument.items.end()) {
      std::vector<std::string> ids;
      for (const auto& i : instrument.items) ids.push_back(i.id);
      errors.push_back({a.item, a.choice.value_or(a.value ? std::to_string(*a.value) : ""),
                        "an item of the " + instrument.abbreviation + ": " + join(ids, ", ")});
      continue;
    }
    auto& slot = by_item[static_cast<std::size_t>(it - instrument.items.begin())];
    if (slot != nullptr) {
      errors.push_back({a.item, a.choice.value_or(a.value ? std::to_string(*a.value) : ""),
                        "one answer (it was given more than once)"});
      continue;
    }
    slot = &a;
  }

  InstrumentScore s;
  std::vector<double> scores(instrument.items.size(), 0.0);
  std::vector<bool> answered(instrument.items.size(), false);
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    const InstrumentItem& item = instrument.items[i];
    const ItemAnswer* a = by_item[i];
    if (a == nullptr || (!a->choice && !a->value)) {
      if (item.required) {
        errors.push_back({item.id, "", item_allowed(item)});
      } else {
        ++s.skipped;
      }
      continue;
    }
    switch (item.kind) {
      case ItemKind::choice: {
        const auto o = std::find_if(item.options.begin(), item.options.end(),
                                    [&](const ItemOption& opt) { return a->choice && opt.code == *a->choice; });
        if (o == item.options.end()) {
          errors.push_back(
              {item.id, a->choice.value_or(a->value ? std::to_string(*a->value) : ""), item_allowed(item)});
          continue;
        }
        scores[i] = o->score;
        break;
      }
      case ItemKind::number:
      case ItemKind::minutes: {
        if (!a->value || *a->value < item.min || *a->value > item.max) {
          errors.push_back(
              {item.id, a->value ? std::to_string(*a->value) : a->choice.value_or(""), item_allowed(item)});
          continue;
        }
        scores[i] = item.kind == ItemKind::number
                        ? *a->value
                        : static_cast<double>(std::min(*a->value, item.minutes_cap)) / item.minutes_per_point;
        break;
      }
    }
    answered[i] = true;
    ++s.answered;
  }
  if (instrument.rule != ScoringRule::sum && s.answered == 0 && errors.empty()) {
    errors.push_back({"answers", "", "at least one answered item"});
  }
  if (!errors.empty()) return fail(std::move(errors));

  double total = 0;
  double possible = 0;
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    const InstrumentItem& item = instrument.items[i];
    switch (instrument.rule) {
      case ScoringRule::sum:
      case ScoringRule::mean:
        total += scores[i];
        break;
      case ScoringRule::percent:
        total += scores[i];
        if (answered[i]) possible += item_max(item);
        break;
      case ScoringRule::weighted_sum:
        total += item.weight * scores[i];
        break;
    }
  }
  switch (instrument.rule) {
    case ScoringRule::sum:
    case ScoringRule::weighted_sum:
      s.value = tidy(total);
      break;
    case ScoringRule::percent:
      // ODI 2.1a: each unanswered section takes 5 off the denominator (clinical-facts.md 1).
      s.value = tidy(100.0 * total / possible);
      break;
    case ScoringRule::mean:
      s.value = tidy(total / s.answered);
      break;
  }
  for (const auto& sub : instrument.subscales) {
    double v = 0;
    for (std::size_t i = 0; i < instrument.items.size(); ++i) {
      const auto& tags = instrument.items[i].constructs;
      if (std::find(tags.begin(), tags.end(), sub.construct) != tags.end()) v += scores[i];
    }
    s.subscales.push_back({sub.id, tidy(v)});
  }
  assign_band(instrument, s);
  if (instrument.max_skipped && s.skipped > *instrument.max_skipped) {
    s.notes.push_back(fmt::format("{} of {} items skipped (more than {}): read this score with care", s.skipped,
                                  instrument.items.size(), *instrument.max_skipped));
  }
  return s;
}

namespace {

// Every pair the text holds, and the problems with its form.
std::pair<std::vector<ItemAnswer>, FieldErrors> answers_in(const Instrument& instrument, std::string_view text) {
  FieldErrors errors;
  std::vector<ItemAnswer> answers;
  const std::string form = instrument.activities ? "ACTIVITY=RATING pairs separated by ';' or ',', e.g. "
                                                   "\"putting on socks=4; walking 30 minutes=6\""
                                                 : "ID=VALUE pairs separated by commas, e.g. 1=2,2=skip";
  for (const auto part : split_list(text, instrument.activities ? ";," : ",;")) {
    const auto eq = part.find('=');
    if (eq == std::string_view::npos) {
      errors.push_back({"answers", std::string(part), form});
      continue;
    }
    const std::string_view key = trim(part.substr(0, eq));
    const std::string value = to_lower_ascii(trim(part.substr(eq + 1)));
    const auto n = parse_integer(value);
    const std::optional<int> number =
        n ? std::optional<int>(static_cast<int>(std::clamp<long long>(*n, -100000, 100000))) : std::nullopt;
    if (instrument.activities) {
      answers.push_back({std::string(key), number ? std::nullopt : std::optional<std::string>(value), number});
      continue;
    }
    const InstrumentItem* item = instrument.find_item(key);
    if (item == nullptr) {
      errors.push_back(
          {std::string(key), value, fmt::format("an item id or its number from 1 to {}", instrument.items.size())});
      continue;
    }
    ItemAnswer a{item->id, std::nullopt, std::nullopt};
    if (value == "skip") {
      if (item->required) errors.push_back({item->id, value, item_allowed(*item)});
    } else if (item->kind == ItemKind::choice || !number) {
      a.choice = value;  // for a number item, rejected by score_answers with what is allowed
    } else {
      a.value = number;
    }
    answers.push_back(std::move(a));
  }
  return {std::move(answers), std::move(errors)};
}

}  // namespace

Result<std::vector<ItemAnswer>, FieldErrors> parse_answers(const Instrument& instrument, std::string_view text) {
  auto [answers, errors] = answers_in(instrument, text);
  if (!errors.empty()) return fail(std::move(errors));
  return std::move(answers);
}

Result<std::vector<ItemAnswer>, FieldErrors> read_answers(const Instrument& instrument, std::string_view text) {
  auto [answers, errors] = answers_in(instrument, text);
  if (auto scored = score_answers(instrument, answers); !scored) {
    errors.insert(errors.end(), scored.error().begin(), scored.error().end());
  }
  if (!errors.empty()) return fail(std::move(errors));
  return std::move(answers);
}

}  // namespace daybreak
