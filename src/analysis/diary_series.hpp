// The diary laid out by day for analysis: one record per calendar day with the
// numbers insights need, and the lag rules that tie each exposure to the
// morning it may have affected.
//
// Lags (a night belongs to the day you wake up on):
//  - night fields (sleep position, mattress, pillows, bedroom temperature and
//    humidity, medication at bedtime, factors logged with the night) of diary
//    day D go with the morning of the same day D;
//  - day fields (walking minutes, sitting hours, factors logged in the morning,
//    afternoon or evening) of day D go with the morning of day D + 1;
//  - the evening routine done on day D goes with the morning of day D + 1.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/diary_entry.hpp"

namespace daybreak::analysis {

struct DayRecord {
  LocalDate date;
  std::array<std::optional<double>, 4> pain;  // by Period: night, morning, afternoon, evening

  // the morning
  std::optional<double> stiffness_minutes;  // left out when "still stiff" was logged without minutes
  std::optional<double> stiffness_severity;

  // the night that ended this morning
  std::optional<SleepPosition> sleep_position;
  std::optional<std::string> mattress;
  std::optional<std::string> pillows;  // the set-up: names joined with " + "
  std::optional<double> room_temperature;
  std::optional<double> humidity;
  std::optional<bool> bedtime_medication;  // set when the night was logged
  std::vector<Factor> night_factors;

  // the day (its effect shows the next morning)
  std::optional<double> walking_minutes;  // summed over the day's entries
  std::optional<double> sitting_hours;
  std::vector<Factor> day_factors;  // the latest period's value when logged more than once

  // wall-clock anchors used to place medication (local time)
  std::optional<LocalTime> bedtime;
  std::optional<LocalTime> wake_time;
};

// A medication with a known time, in local wall-clock time.
struct TimedMedication {
  LocalTime at;
  std::string name;
};

struct DiarySeries {
  LocalDate from;
  LocalDate to;
  std::vector<DayRecord> days;               // every day from `from` to `to`, in order
  std::vector<TimedMedication> medications;  // sorted by time
  std::size_t untimed_medications = 0;       // logged without a time: cannot be placed
  std::size_t entries = 0;

  // The record of `date`, or nullptr outside the range.
  [[nodiscard]] const DayRecord* day(LocalDate date) const;
};

// A medication counts as "at bedtime" if taken from 3 hours before bedtime to
// 1 hour after (20:00 to 01:00 when no bedtime was logged). A design choice,
// not a clinical rule: it separates a planned bedtime dose from one taken on
// waking in pain at night.
inline constexpr std::chrono::minutes kBedtimeDoseBefore{180};
inline constexpr std::chrono::minutes kBedtimeDoseAfter{60};

// Builds the series for [from, to] from entries sorted by date and period
// (as StoreReader::entries_between returns them). Entries outside the range
// are ignored; the evening before `from` is read for medication placement.
[[nodiscard]] DiarySeries build_series(std::span<const DiaryEntry> entries, LocalDate from, LocalDate to,
                                       const TimeZone& zone);

}  // namespace daybreak::analysis
