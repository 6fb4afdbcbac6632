// Personal experiments (n-of-1 trials): A against B over block pairs of
// nights, the order within each pair drawn at random from a stored seed, and
// the rules a design must follow (clinical.md "Insights"; clinical-facts.md 12).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/choices.hpp"
#include "domain/field_error.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

using ExperimentId = Id<struct ExperimentTag>;

enum class Condition : std::uint8_t { a, b };

template <>
struct Vocabulary<Condition> {
  static constexpr std::string_view kind = "condition";
  static constexpr std::array<std::string_view, 2> names = {"A", "B"};
};

// Design limits. At least 3 pairs and periods of at least 5 nights
// (clinical-facts.md 12.1: replication beats a single AB; simulation work uses
// 3-4 cycles, Chen and Chen 2014), the first night of each period left out
// by default as an analytic washout (AHRQ n-of-1 guide, Kravitz, Duan et al. 2014).
inline constexpr int kMinPairs = 3;
inline constexpr int kMaxPairs = 12;  // 2^12 orders keep the exact randomisation test instant
inline constexpr int kDefaultPairs = 3;
inline constexpr int kMinPeriodNights = 5;
inline constexpr int kMaxPeriodNights = 28;
inline constexpr int kDefaultPeriodNights = 7;  // clinical-facts.md 12.2 [D]: periods of 5-7 days
inline constexpr int kDefaultWashoutNights = 1;
inline constexpr int kMinAnalysedNightsPerPeriod = 3;  // washout may not eat a period
inline constexpr std::size_t kMaxConditionLength = 60;
inline constexpr std::size_t kMaxTitleLength = 2 * kMaxConditionLength + 4;  // room for "A vs B"
inline constexpr std::size_t kMaxExperimentNote = 500;
// Seeds are below 2^53 so that they survive JSON and JavaScript unchanged.
inline constexpr std::uint64_t kMaxSeed = (std::uint64_t{1} << 53) - 1;

// What a person asks for; checked by check_design.
struct ExperimentDraft {
  std::string title;  // empty: "A vs B"
  std::string condition_a;
  std::string condition_b;
  int pairs = kDefaultPairs;
  int period_nights = kDefaultPeriodNights;
  int washout_nights = kDefaultWashoutNights;
  std::optional<LocalDate> first_night;  // nullopt: tonight
  std::optional<std::uint64_t> seed;     // nullopt: drawn at random by the caller
};

// Every problem of a draft at once (field, value, what is allowed).
[[nodiscard]] FieldErrors check_design(const ExperimentDraft& draft);

struct ExperimentDesign {
  std::string title;
  std::string condition_a;
  std::string condition_b;
  LocalDate first_night;  // the diary day of the first morning after (a night belongs to the day you wake up on)
  int pairs = kDefaultPairs;
  int period_nights = kDefaultPeriodNights;
  int washout_nights = kDefaultWashoutNights;
  std::uint64_t seed = 0;
  std::vector<Condition> first_in_pair;  // the condition of each pair's first period

  [[nodiscard]] int total_nights() const { return 2 * pairs * period_nights; }
  [[nodiscard]] LocalDate last_night() const { return add_days(first_night, total_nights() - 1); }
  [[nodiscard]] const std::string& label(Condition c) const { return c == Condition::a ? condition_a : condition_b; }
  bool operator==(const ExperimentDesign&) const = default;
};

// The order within each pair: one draw per pair from std::mt19937_64 seeded
// with `seed` (its output is fixed by the C++ standard, so a schedule is
// reproducible anywhere): the top bit chooses whether A or B comes first.
[[nodiscard]] std::vector<Condition> pair_orders(std::uint64_t seed, int pairs);

// "AB BA AB" <-> orders, as stored.
[[nodiscard]] std::string orders_text(const std::vector<Condition>& orders);
[[nodiscard]] std::optional<std::vector<Condition>> orders_from_text(std::string_view text);

// A design from a checked draft, the seed and the first night resolved.
[[nodiscard]] ExperimentDesign make_design(const ExperimentDraft& draft, std::uint64_t seed, LocalDate first_night);

// Where one night sits in the schedule.
struct NightPlan {
  LocalDate night;
  int index = 0;   // 0-based from the first night
  int pair = 0;    // 0-based
  int period = 0;  // 0-based, 2 per pair
  int night_in_period = 0;
  Condition condition = Condition::a;
  bool washout = false;  // left out of the analysis
};
[[nodiscard]] std::optional<NightPlan> plan_for(const ExperimentDesign& design, LocalDate night);
[[nodiscard]] std::vector<NightPlan> schedule(const ExperimentDesign& design);

struct Experiment {
  ExperimentId id;
  UserId user;
  ExperimentDesign design;
  Instant created_at;
  std::optional<Instant> stopped_at;
  std::optional<LocalDate> stopped_after;  // the last night that counts, when stopped early
  std::string stop_reason;

  // The last night that counts: the schedule's, or the one it was stopped after.
  [[nodiscard]] LocalDate end_night() const;
};

// Whether two experiments count a night in common (one stopped before its
// first night counts none): only one experiment runs at a time.
[[nodiscard]] bool share_a_night(const Experiment& a, const Experiment& b);

// Whether the condition was followed on one night, as the person said.
struct ExperimentNight {
  ExperimentId experiment;
  LocalDate night;
  bool followed = true;
  std::string note;
  Instant recorded_at;
};

enum class ExperimentStatus : std::uint8_t { planned, running, finished, stopped };

template <>
struct Vocabulary<ExperimentStatus> {
  static constexpr std::string_view kind = "experiment status";
  static constexpr std::array<std::string_view, 4> names = {"planned", "running", "finished", "stopped"};
};

// The night to come: at 05:00 or later it is the coming night, which belongs
// to tomorrow's diary day; before 05:00 it is the night under way (today's).
inline constexpr Minutes kNightTurnsAt{5 * 60};
[[nodiscard]] LocalDate tonight(LocalTime now);

// `coming_night` is tonight(now).
[[nodiscard]] ExperimentStatus status_of(const Experiment& e, LocalDate coming_night);

}  // namespace daybreak
