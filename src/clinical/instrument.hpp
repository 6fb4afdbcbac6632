// A standard questionnaire as data (items, options, constructs, the scoring
// rule, bands, the minimal important change, source and licence), and the
// one engine that validates and scores a set of answers for any of them.
// Definitions live in content/questionnaires/*.toml.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/choices.hpp"
#include "domain/field_error.hpp"
#include "domain/result.hpp"

namespace daybreak {

// choice: one of the options, each with its score; number: a whole number in
// [min, max], scored as itself; minutes: a duration scored as
// min(minutes, minutes_cap) / minutes_per_point (BASDAI question 6).
enum class ItemKind : std::uint8_t { choice, number, minutes };

template <>
struct Vocabulary<ItemKind> {
  static constexpr std::string_view kind = "item kind";
  static constexpr std::array<std::string_view, 3> names = {"choice", "number", "minutes"};
};

struct ItemOption {
  std::string code;   // what is typed or stored: "yes", "agree", "4"
  std::string label;  // short, for people
  double score = 0;
};

struct InstrumentItem {
  std::string id;
  std::string label;  // a short label (never the copyrighted wording)
  std::string text;   // the question: our own words, or the licensed wording once loaded; may be empty
  std::vector<std::string> constructs;  // what it measures: "psychosocial", "disability"...
  ItemKind kind = ItemKind::number;
  std::vector<ItemOption> options;   // choice
  std::vector<std::string> anchors;  // number: one text per value from min to max (licensed wording), or empty
  int min = 0;                       // number, minutes
  int max = 10;
  int minutes_cap = 0;  // minutes
  int minutes_per_point = 1;
  bool required = true;  // skipped items: excluded (percent, mean) or scored 0 (sum)
  double weight = 1;     // weighted_sum
};

// sum: the item scores added; percent: 100 * sum / (item maximum * answered
// items) (ODI 2.1a); mean: the mean of the answered items (PSFS); weighted_sum:
// each score times its item's weight (BASDAI).
enum class ScoringRule : std::uint8_t { sum, percent, mean, weighted_sum };

template <>
struct Vocabulary<ScoringRule> {
  static constexpr std::string_view kind = "scoring rule";
  static constexpr std::array<std::string_view, 4> names = {"sum", "percent", "mean", "weighted_sum"};
};

enum class Better : std::uint8_t { lower, higher };

template <>
struct Vocabulary<Better> {
  static constexpr std::string_view kind = "direction";
  static constexpr std::array<std::string_view, 2> names = {"lower", "higher"};
};

// A subscale: the sum of the items tagged with a construct (never by position:
// STarT Back's item order differs between versions, clinical-facts.md 3).
struct Subscale {
  std::string id;
  std::string label;
  std::string construct;
};

// "total <= 3", "psychosocial >= 4": a condition on the score or a subscale.
struct BandCondition {
  enum class Op : std::uint8_t { le, lt, ge, gt };
  std::string score;  // "total" or a subscale id
  Op op = Op::le;
  double value = 0;
};

// Bands are tried in order; the first whose condition holds (or that has
// none) names the result.
struct Band {
  std::string id;
  std::string label;
  std::optional<BandCondition> when;
};

struct MinimalChange {
  std::optional<double> points;   // an absolute change of at least this much
  std::optional<double> percent;  // or at least this percentage of the baseline
  // A percentage counts only with a change of at least this many points: at
  // a low baseline, 30% of 1 is a change no one notices.
  std::optional<double> percent_needs_points;
  std::string source;
};

// PSFS: the person names their own activities and rates each.
struct ActivityRule {
  int max_activities = 5;
  int min = 0;
  int max = 10;
  std::string anchors;  // "0 = unable to do it, 10 = able to do it as before the problem"
};

struct Instrument {
  std::string id;            // "odi"
  std::string name;          // "Oswestry Disability Index"
  std::string abbreviation;  // "ODI"
  std::string version;       // "2.1a"
  std::string description;
  std::string recall;  // the period asked about: "today", "the past week"
  std::string source;
  std::string licence;
  bool licensed_wording = false;  // item wording is copyrighted: ship labels, load text from a licensed file
  std::string offered_to;         // "" everyone; "axspa": only people who report an axial SpA diagnosis
  std::vector<InstrumentItem> items;
  std::optional<ActivityRule> activities;
  ScoringRule rule = ScoringRule::sum;
  int decimals = 0;
  std::string unit;  // appended to scores: "%", "/10", ""
  Better better = Better::lower;
  std::optional<int> max_skipped;  // more skipped items than this, and the score is flagged
  std::vector<Subscale> subscales;
  std::vector<Band> bands;
  std::optional<MinimalChange> change;
  std::string change_note;     // said when there is no minimal important change
  std::string wording_notice;  // set when a licensed wording file was loaded: its copyright notice

  [[nodiscard]] const InstrumentItem* find_item(std::string_view id_or_number) const;
  [[nodiscard]] double max_score() const;
  [[nodiscard]] double min_score() const;
};

// One answer. Choice items carry `choice`; number and minutes items, and PSFS
// activities, carry `value`; a skipped item carries neither.
struct ItemAnswer {
  std::string item;  // item id; for PSFS, the activity as the person named it
  std::optional<std::string> choice;
  std::optional<int> value;
  bool operator==(const ItemAnswer&) const = default;
};

struct SubscaleScore {
  std::string id;
  double value = 0;
  bool operator==(const SubscaleScore&) const = default;
};

struct InstrumentScore {
  double value = 0;
  std::string band;  // band id, "" when the instrument has no bands
  std::vector<SubscaleScore> subscales;
  int answered = 0;
  int skipped = 0;
  std::vector<std::string> notes;  // "3 sections skipped: read this score with care"
  bool operator==(const InstrumentScore&) const = default;
};

// Checks every answer (unknown items, codes, ranges, missing required items,
// PSFS activity names) and scores them. Every problem is reported at once.
[[nodiscard]] Result<InstrumentScore, FieldErrors> score_answers(const Instrument& instrument,
                                                                 const std::vector<ItemAnswer>& answers);

// Reads "ID=VALUE, ID=VALUE" (an item by id or by its number on the form;
// VALUE an option code, a number, or "skip"). For PSFS: "ACTIVITY=RATING; ...".
// Only the form is checked here (pairs, known items); values are checked by
// score_answers, so a value that is not a number reads as a choice it rejects.
[[nodiscard]] Result<std::vector<ItemAnswer>, FieldErrors> parse_answers(const Instrument& instrument,
                                                                         std::string_view text);
// parse_answers then score_answers, reporting the problems of both at once.
[[nodiscard]] Result<std::vector<ItemAnswer>, FieldErrors> read_answers(const Instrument& instrument,
                                                                        std::string_view text);

// What an item accepts, in plain words: "one of: yes, no", "a whole number from 0 to 5, or skip".
[[nodiscard]] std::string item_allowed(const InstrumentItem& item);
[[nodiscard]] const Band* find_band(const Instrument& instrument, std::string_view id);
// A score as shown, always with the instrument's decimals: "35.6%", "12",
// "4.0/10". Halves round away from zero as written: 3.95 -> 4.0, 5.05 -> 5.1.
[[nodiscard]] std::string format_score(const Instrument& instrument, double value);
// A number with at most `decimals` digits after the point, without trailing zeros: 14, 2.5.
[[nodiscard]] std::string format_amount(double value, int decimals);
// `value` rounded to `decimals` digits, a decimal half away from zero.
[[nodiscard]] double round_half_away(double value, int decimals);

inline constexpr std::size_t kMaxActivityName = 60;
// The rule an activity named twice breaks (the field and the value are its name).
inline constexpr std::string_view kEachActivityOnce = "each activity once";

}  // namespace daybreak
