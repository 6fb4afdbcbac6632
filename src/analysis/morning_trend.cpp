#include "analysis/morning_trend.hpp"

namespace daybreak::analysis {

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
    trend.start_level = trend.slope.intercept;
    trend.end_level = trend.slope.intercept + trend.slope.slope * days_between(trend.from, trend.to);
  }

  ShiftHistory& h = o.history;
  ShiftOptions options;
  // Minutes need their own smallest shift worth a sentence: a quarter of an
  // hour, half the 30 minutes that clinical.md's progression rule reacts to.
  if (measure == MorningMeasure::stiffness_minutes) options.min_shift = 15.0;
  h.mornings = values.size();
  h.enough = h.mornings >= 2 * options.min_segment;
  if (h.enough) {
    h.fit = detect_mean_shifts(values, options);
    h.segments = h.fit.segments;
    for (std::size_t i = 0; i < h.segments.size(); ++i) {
      h.segment_from.push_back(dates[h.segments[i].begin]);
      h.segment_to.push_back(dates[h.segments[i].end - 1]);
      if (i == 0) continue;
      h.shifts.push_back({dates[h.segments[i].begin], h.segments[i - 1].mean, h.segments[i].mean});
    }
  }
  return o;
}

}  // namespace daybreak::analysis
