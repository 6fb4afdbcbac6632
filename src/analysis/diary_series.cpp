#include "analysis/diary_series.hpp"

#include <algorithm>

#include "domain/sleep_item.hpp"
#include "domain/text.hpp"

namespace daybreak::analysis {
namespace {

using namespace std::chrono_literals;

void add(std::optional<double>& total, double value) { total = total.value_or(0.0) + value; }

void merge_factors(std::vector<Factor>& into, const std::vector<Factor>& from) {
  for (const auto& f : from) {
    const auto it = std::find_if(into.begin(), into.end(), [&](const Factor& g) { return g.name == f.name; });
    if (it == into.end()) {
      into.push_back(f);
    } else {
      it->value = f.value;  // entries come in period order: the later period wins
    }
  }
}

bool any_between(const std::vector<TimedMedication>& meds, LocalTime from, LocalTime to) {
  const auto it =
      std::lower_bound(meds.begin(), meds.end(), from, [](const TimedMedication& m, LocalTime t) { return m.at < t; });
  return it != meds.end() && it->at <= to;
}

}  // namespace

const DayRecord* DiarySeries::day(LocalDate date) const {
  if (date < from || date > to) return nullptr;
  return &days[static_cast<std::size_t>(days_between(from, date))];
}

DiarySeries build_series(std::span<const DiaryEntry> entries, LocalDate from, LocalDate to, const TimeZone& zone) {
  DiarySeries s;
  s.from = from;
  s.to = to;
  if (to < from) return s;
  s.days.resize(static_cast<std::size_t>(days_between(from, to)) + 1);
  for (std::size_t i = 0; i < s.days.size(); ++i) s.days[i].date = add_days(from, static_cast<int>(i));

  for (const auto& e : entries) {
    const DiaryFields& f = e.fields;
    const bool in_range = e.date >= from && e.date <= to;
    for (const auto& m : f.medications) {
      if (m.taken_at) {
        s.medications.push_back({zone.to_local(*m.taken_at), m.name});
      } else if (in_range) {
        ++s.untimed_medications;
      }
    }
    if (!in_range) continue;
    ++s.entries;
    DayRecord& d = s.days[static_cast<std::size_t>(days_between(from, e.date))];
    d.pain[static_cast<std::size_t>(e.period)] = f.pain.value();
    switch (e.period) {
      case Period::morning:
        if (f.stiffness_minutes) d.stiffness_minutes = f.stiffness_minutes->value();
        if (f.stiffness_severity) d.stiffness_severity = f.stiffness_severity->value();
        break;
      case Period::night:
        d.sleep_position = f.sleep_position;
        d.mattress = f.mattress;
        if (f.pillows) d.pillows = f.pillows->empty() ? std::string(kNoSleepItem) : join(*f.pillows, " + ");
        if (f.room_temperature) d.room_temperature = f.room_temperature->value();
        if (f.humidity) d.humidity = f.humidity->value();
        d.night_factors = f.factors;
        if (f.bedtime) d.bedtime = zone.to_local(*f.bedtime);
        if (f.wake_time) d.wake_time = zone.to_local(*f.wake_time);
        break;
      case Period::afternoon:
      case Period::evening:
        break;
    }
    if (e.period != Period::night) {
      if (f.walking_minutes) add(d.walking_minutes, f.walking_minutes->value());
      if (f.sitting_hours) add(d.sitting_hours, f.sitting_hours->value());
      merge_factors(d.day_factors, f.factors);
    }
  }
  std::sort(s.medications.begin(), s.medications.end(),
            [](const TimedMedication& a, const TimedMedication& b) { return a.at < b.at; });

  for (auto& d : s.days) {
    if (!d.pain[static_cast<std::size_t>(Period::night)]) continue;
    const LocalTime bedtime = d.bedtime.value_or(at(add_days(d.date, -1), 22h));
    const LocalTime from_time = d.bedtime ? bedtime - kBedtimeDoseBefore : at(add_days(d.date, -1), 20h);
    const LocalTime to_time = d.bedtime ? bedtime + kBedtimeDoseAfter : at(d.date, 1h);
    d.bedtime_medication = any_between(s.medications, from_time, to_time);
  }
  return s;
}

}  // namespace daybreak::analysis
