#include "analysis/morning_trend.hpp"

#include <chrono>
#include <numeric>
#include <utility>

namespace daybreak::analysis {
namespace {

LocalDate week_start(LocalDate d) {
  const std::chrono::weekday wd{std::chrono::sys_days{d}};
  return add_days(d, -static_cast<int>((wd.c_encoding() + 6) % 7));
}

// The series PELT searches: one value per morning, or one per week.
struct Searched {
  std::vector<double> values;
  std::vector<double> x;         // when: days from the first morning (a week's: the mean of its mornings')
  std::vector<LocalDate> first;  // the first morning behind each value
  std::vector<LocalDate> last;
  std::vector<std::size_t> mornings;
  std::size_t covered = 0;  // mornings behind all values
};

Searched daily(const std::vector<double>& values, const std::vector<LocalDate>& dates) {
  std::vector<double> x;
  x.reserve(dates.size());
  for (const LocalDate d : dates) x.push_back(static_cast<double>(days_between(dates.front(), d)));
  return {values, std::move(x), dates, dates, std::vector<std::size_t>(values.size(), 1), values.size()};
}

// Monday-to-Sunday means of the weeks with at least kMinMorningsPerWeek mornings.
Searched weekly(const std::vector<double>& values, const std::vector<LocalDate>& dates) {
  Searched s;
  for (std::size_t i = 0; i < values.size();) {
    const LocalDate monday = week_start(dates[i]);
    double sum = 0.0;
    double days = 0.0;
    std::size_t j = i;
    for (; j < values.size() && week_start(dates[j]) == monday; ++j) {
      sum += values[j];
      days += static_cast<double>(days_between(dates.front(), dates[j]));
    }
    if (j - i >= kMinMorningsPerWeek) {
      s.values.push_back(sum / static_cast<double>(j - i));
      s.x.push_back(days / static_cast<double>(j - i));
      s.first.push_back(dates[i]);
      s.last.push_back(dates[j - 1]);
      s.mornings.push_back(j - i);
      s.covered += j - i;
    }
    i = j;
  }
  return s;
}

}  // namespace

std::string_view measure_key(MorningMeasure m) {
  switch (m) {
    case MorningMeasure::pain:
      return "pain";
    case MorningMeasure::stiffness_minutes:
      return "stiffness_minutes";
    case MorningMeasure::stiffness_severity:
      return "stiffness_severity";
  }
  return "";
}

std::string_view measure_label(MorningMeasure m) {
  switch (m) {
    case MorningMeasure::pain:
      return "morning pain";
    case MorningMeasure::stiffness_minutes:
      return "morning stiffness";
    case MorningMeasure::stiffness_severity:
      return "stiffness severity";
  }
  return "";
}

std::string_view measure_unit(MorningMeasure m) {
  return m == MorningMeasure::stiffness_minutes ? "minutes" : "points";
}

std::optional<double> measure_of(const DayRecord& day, MorningMeasure m) {
  switch (m) {
    case MorningMeasure::pain:
      return day.pain[static_cast<std::size_t>(Period::morning)];
    case MorningMeasure::stiffness_minutes:
      return day.stiffness_minutes;
    case MorningMeasure::stiffness_severity:
      return day.stiffness_severity;
  }
  return std::nullopt;
}

MeasureOutlook analyze_measure(const DiarySeries& series, MorningMeasure measure) {
  MeasureOutlook o;
  o.measure = measure;
  std::vector<double> values;
  std::vector<LocalDate> dates;
  for (const auto& d : series.days) {
    if (const auto v = measure_of(d, measure)) {
      values.push_back(*v);
      dates.push_back(d.date);
    }
  }
  o.mornings = values.size();

  Trend& trend = o.trend;
  trend.to = series.to;
  trend.from = std::max(series.from, add_days(series.to, -(kTrendWindowDays - 1)));
  std::vector<double> t;
  std::vector<double> y;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (dates[i] < trend.from) continue;
    t.push_back(static_cast<double>(days_between(trend.from, dates[i])));
    y.push_back(values[i]);
  }
  trend.mornings = y.size();
  trend.enough = trend.mornings >= kMinTrendMornings;
  if (trend.enough) {
    const double slope = theil_sen_slope(t, y);
    trend.test = mann_kendall_hamed_rao(t, y, slope);
    trend.slope = theil_sen(t, y, trend.test.variance * trend.test.correction);
    // Ties between whole-point scores put many pairwise slopes at exactly 0,
    // which can collapse Sen's interval to a point or pin an end of it to 0:
    // then it is resampled.
    const TheilSen& sen = trend.slope;
    if (sen.lower == sen.upper || sen.lower == 0.0 || sen.upper == 0.0) {
      smoothed_bootstrap_interval(t, y, trend.slope);
    }
    trend.start_level = trend.slope.intercept;
    trend.end_level = trend.slope.intercept + trend.slope.slope * days_between(trend.from, trend.to);
  }

  ShiftHistory& h = o.history;
  ShiftOptions options;
  // Minutes need their own smallest shift worth a sentence: a quarter of an
  // hour, half the 30 minutes that clinical.md's progression rule reacts to.
  if (measure == MorningMeasure::stiffness_minutes) options.min_shift = 15.0;
  h.mornings = values.size();
  h.min_shift = options.min_shift;
  h.enough = h.mornings >= 2 * options.min_segment;
  if (!h.enough) return o;
  // The two ends, so that "no shift" never reads as "no change".
  const auto ends = static_cast<std::ptrdiff_t>(options.min_segment);
  h.first_mean = std::accumulate(values.begin(), values.begin() + ends, 0.0) / static_cast<double>(ends);
  h.last_mean = std::accumulate(values.end() - ends, values.end(), 0.0) / static_cast<double>(ends);

  // Long diaries are searched in weekly means, unless too few of their
  // mornings fall in weeks full enough to average (a sparse diary stays daily).
  Searched searched = daily(values, dates);
  if (values.size() > kDailyShiftLimit) {
    Searched weeks = weekly(values, dates);
    if (2 * weeks.covered >= values.size() && weeks.values.size() >= 2 * kMinWeeksPerSegment) {
      searched = std::move(weeks);
      h.weekly = true;
      options.min_segment = kMinWeeksPerSegment;
    }
  }
  h.fit = detect_shifts(searched.x, searched.values, options);
  h.segments = h.fit.segments;
  for (std::size_t i = 0; i < h.segments.size(); ++i) {
    const MeanSegment& seg = h.segments[i];
    h.segment_from.push_back(searched.first[seg.begin]);
    h.segment_to.push_back(searched.last[seg.end - 1]);
    std::size_t n = 0;
    for (std::size_t k = seg.begin; k < seg.end; ++k) n += searched.mornings[k];
    h.segment_mornings.push_back(n);
    if (!seg.step) continue;  // the first segment, or a bend
    h.shifts.push_back({searched.first[seg.begin], h.segments[i - 1].last, seg.first});
  }
  return o;
}

}  // namespace daybreak::analysis
