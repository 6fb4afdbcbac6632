// The whole day: pain by period over time, whether pain stays after the
// morning, and how pain looks in the hours after a medication (what it masks).
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "analysis/diary_series.hpp"
#include "analysis/hac_regression.hpp"

namespace daybreak::analysis {

// Fewer logged values than this and no interval is given: a mean of a handful
// of days says little (a design choice; see docs/insights.md).
inline constexpr std::size_t kMinForInterval = 10;

struct PeriodLevel {
  Period period = Period::morning;
  std::size_t n = 0;
  double mean = 0.0;
  std::optional<Estimate> interval;  // of the mean, HAC over days; when n >= kMinForInterval
};

enum class Bucket { week, month, quarter, year };

struct BucketRow {
  LocalDate from;
  LocalDate to;
  std::array<std::optional<double>, 4> mean;  // by period
  std::array<std::size_t, 4> n{};
};

struct AllDay {
  std::size_t days = 0;         // days with a morning and an afternoon or evening logged
  std::size_t pain_stayed = 0;  // of those, days with pain of at least 1 in every later period logged
  double morning_mean = 0.0;    // over those days
  std::optional<double> afternoon_mean;
  std::optional<double> evening_mean;
};

// How long after taking a medication its effect is counted: the usual dosing
// interval of common over-the-counter analgesics is 4 to 6 hours. A design
// choice (the diary does not say what each medication is or does).
inline constexpr std::chrono::hours kMedicationWindow{6};
inline constexpr std::size_t kMinEntriesPerGroup = 10;

// What medication may mask: afternoon and evening pain in the hours after a
// dose against the same periods without one, on days that began with the
// same morning pain.
struct MedicationMasking {
  std::size_t timed = 0;    // medications with a time, in the range
  std::size_t untimed = 0;  // without one: left out
  std::vector<std::string> names;
  std::size_t covered = 0;    // afternoon and evening entries within kMedicationWindow after a dose
  std::size_t uncovered = 0;  // the others (all on days with a morning entry)
  double covered_mean = 0.0;
  double uncovered_mean = 0.0;
  // covered minus uncovered among days of the same morning pain (a fixed
  // effect per morning level) and period, with HAC standard errors over days;
  // set when both groups reach kMinEntriesPerGroup.
  std::optional<Estimate> difference;
};

struct WholeDay {
  std::array<PeriodLevel, 4> periods;
  Bucket bucket = Bucket::month;
  std::vector<BucketRow> rows;  // buckets with at least one entry
  AllDay all_day;
  MedicationMasking medication;
};

// The wall-clock span a period's pain refers to (local time): the night from
// bedtime to waking (else 23:00 to 07:00); the morning, rated on waking, the
// first hour after waking (else 07:00 to 08:00; product.md: "on waking / first
// hour"); the afternoon 12:00 to 18:00; the evening 18:00 to 23:00. A period
// counts as "after a medication" when the kMedicationWindow hours after a dose
// overlap it.
struct PeriodSpan {
  LocalTime from;
  LocalTime to;
};
[[nodiscard]] PeriodSpan period_span(const DayRecord& day, Period period);

[[nodiscard]] WholeDay analyze_whole_day(const DiarySeries& series);

}  // namespace daybreak::analysis
