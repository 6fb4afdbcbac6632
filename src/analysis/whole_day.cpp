#include "analysis/whole_day.hpp"

#include <algorithm>
#include <set>

#include "analysis/descriptive.hpp"

namespace daybreak::analysis {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;

constexpr std::size_t kMaxRows = 13;

LocalDate bucket_start(LocalDate d, Bucket b) {
  switch (b) {
    case Bucket::week: {
      const weekday wd{sys_days{d}};
      return add_days(d, -static_cast<int>((wd.c_encoding() + 6) % 7));  // back to Monday
    }
    case Bucket::month:
      return d.year() / d.month() / 1;
    case Bucket::quarter: {
      const unsigned first = (static_cast<unsigned>(d.month()) - 1) / 3 * 3 + 1;
      return d.year() / month{first} / 1;
    }
    case Bucket::year:
      return d.year() / January / 1;
  }
  return d;
}

LocalDate bucket_end(LocalDate start, Bucket b) {
  switch (b) {
    case Bucket::week:
      return add_days(start, 6);
    case Bucket::month:
      return LocalDate{start.year() / start.month() / last};
    case Bucket::quarter: {
      const year_month_day_last end{start.year() / (start.month() + months{2}) / last};
      return LocalDate{end};
    }
    case Bucket::year:
      return start.year() / December / 31;
  }
  return start;
}

// The finest bucket that keeps the table to kMaxRows rows.
Bucket choose_bucket(LocalDate from, LocalDate to) {
  for (const Bucket b : {Bucket::week, Bucket::month, Bucket::quarter}) {
    std::size_t rows = 0;
    for (LocalDate d = bucket_start(from, b); d <= to; d = add_days(bucket_end(d, b), 1)) ++rows;
    if (rows <= kMaxRows) return b;
  }
  return Bucket::year;
}

std::optional<Estimate> mean_interval(const std::vector<double>& y, const std::vector<std::int64_t>& day) {
  if (y.size() < kMinForInterval) return std::nullopt;
  const std::vector<double> ones(y.size(), 1.0);
  const auto fit = hac_regression(ones, 1, y, day, newey_west_lag(y.size()));
  if (!fit) return std::nullopt;
  return coefficient(*fit, 0);
}

MedicationMasking medication_masking(const DiarySeries& series) {
  MedicationMasking m;
  m.untimed = series.untimed_medications;
  std::set<std::string> names;
  const LocalTime range_from = at(series.from, 0min) - kMedicationWindow;
  const LocalTime range_to = at(add_days(series.to, 1), 0min);
  for (const auto& med : series.medications) {
    if (med.at < range_from || med.at >= range_to) continue;
    ++m.timed;
    names.insert(med.name);
  }
  m.names.assign(names.begin(), names.end());
  if (m.timed == 0) return m;

  // Rows: afternoon and evening entries of days with a morning entry. The
  // morning, rated on waking before the day's doses, is the day's baseline:
  // people take medication on bad days, and comparing bad days with good ones
  // would hide what the medication does. So each row is compared only with
  // rows of days that began with the same morning pain: columns are covered,
  // one indicator per morning pain level seen (no intercept), and evening
  // (against afternoon) when both occur.
  std::array<bool, 11> levels{};
  bool afternoons = false;
  bool evenings = false;
  for (const auto& d : series.days) {
    const auto& morning = d.pain[static_cast<std::size_t>(Period::morning)];
    if (!morning) continue;
    const bool afternoon = d.pain[static_cast<std::size_t>(Period::afternoon)].has_value();
    const bool evening = d.pain[static_cast<std::size_t>(Period::evening)].has_value();
    if (afternoon || evening) levels[static_cast<std::size_t>(*morning)] = true;
    afternoons = afternoons || afternoon;
    evenings = evenings || evening;
  }
  std::vector<std::size_t> level_column(levels.size(), 0);
  std::size_t k = 1;
  for (std::size_t v = 0; v < levels.size(); ++v) {
    if (levels[v]) level_column[v] = k++;
  }
  const bool evening_column = afternoons && evenings;
  if (evening_column) ++k;
  std::vector<double> x;
  std::vector<double> y;
  std::vector<std::int64_t> day;
  std::vector<double> covered_pain;
  std::vector<double> uncovered_pain;
  std::size_t days_used = 0;  // days with a row (rows come day by day)
  for (const auto& d : series.days) {
    const auto& morning = d.pain[static_cast<std::size_t>(Period::morning)];
    if (!morning) continue;
    for (const Period period : {Period::afternoon, Period::evening}) {
      const auto& pain = d.pain[static_cast<std::size_t>(period)];
      if (!pain) continue;
      // A dose at t covers [t, t + window): it overlaps the span when from - window < t < to.
      const PeriodSpan span = period_span(d, period);
      const auto it =
          std::upper_bound(series.medications.begin(), series.medications.end(), span.from - kMedicationWindow,
                           [](LocalTime t, const TimedMedication& med) { return t < med.at; });
      const bool covered = it != series.medications.end() && it->at < span.to;
      (covered ? covered_pain : uncovered_pain).push_back(*pain);
      const std::size_t row = x.size();
      x.resize(row + k, 0.0);
      x[row] = covered ? 1.0 : 0.0;
      x[row + level_column[static_cast<std::size_t>(*morning)]] = 1.0;
      if (evening_column && period == Period::evening) x[row + k - 1] = 1.0;
      y.push_back(*pain);
      const std::int64_t n = day_number(d.date);
      if (day.empty() || day.back() != n) ++days_used;
      day.push_back(n);
    }
  }
  m.covered = covered_pain.size();
  m.uncovered = uncovered_pain.size();
  m.covered_mean = mean(covered_pain);
  m.uncovered_mean = mean(uncovered_pain);
  if (m.covered < kMinEntriesPerGroup || m.uncovered < kMinEntriesPerGroup) return m;
  const auto fit = hac_regression(x, k, y, day, newey_west_lag(days_used));
  if (fit) m.difference = coefficient(*fit, 0);
  return m;
}

}  // namespace

PeriodSpan period_span(const DayRecord& day, Period period) {
  switch (period) {
    case Period::night:
      if (day.bedtime && day.wake_time && *day.bedtime < *day.wake_time) return {*day.bedtime, *day.wake_time};
      return {at(add_days(day.date, -1), 23h), at(day.date, 7h)};
    case Period::morning: {
      const LocalTime woke = day.wake_time.value_or(at(day.date, 7h));
      return {woke, woke + 1h};
    }
    case Period::afternoon:
      return {at(day.date, 12h), at(day.date, 18h)};
    case Period::evening:
      return {at(day.date, 18h), at(day.date, 23h)};
  }
  return {at(day.date, 0h), at(day.date, 24h)};
}

WholeDay analyze_whole_day(const DiarySeries& series) {
  WholeDay w;
  if (series.days.empty()) return w;
  for (std::size_t p = 0; p < 4; ++p) {
    std::vector<double> y;
    std::vector<std::int64_t> day;
    for (const auto& d : series.days) {
      if (!d.pain[p]) continue;
      y.push_back(*d.pain[p]);
      day.push_back(day_number(d.date));
    }
    PeriodLevel& level = w.periods[p];
    level.period = static_cast<Period>(p);
    level.n = y.size();
    level.mean = mean(y);
    level.interval = mean_interval(y, day);
  }

  w.bucket = choose_bucket(series.from, series.to);
  for (LocalDate start = bucket_start(series.from, w.bucket); start <= series.to;
       start = add_days(bucket_end(start, w.bucket), 1)) {
    BucketRow row;
    row.from = std::max(start, series.from);
    row.to = std::min(bucket_end(start, w.bucket), series.to);
    std::array<double, 4> sum{};
    for (LocalDate d = row.from; d <= row.to; d = add_days(d, 1)) {
      const DayRecord& rec = *series.day(d);
      for (std::size_t p = 0; p < 4; ++p) {
        if (!rec.pain[p]) continue;
        sum[p] += *rec.pain[p];
        ++row.n[p];
      }
    }
    bool any = false;
    for (std::size_t p = 0; p < 4; ++p) {
      if (row.n[p] == 0) continue;
      row.mean[p] = sum[p] / static_cast<double>(row.n[p]);
      any = true;
    }
    if (any) w.rows.push_back(row);
  }

  std::vector<double> mornings;
  std::vector<double> afternoons;
  std::vector<double> evenings;
  for (const auto& d : series.days) {
    const auto& morning = d.pain[static_cast<std::size_t>(Period::morning)];
    const auto& afternoon = d.pain[static_cast<std::size_t>(Period::afternoon)];
    const auto& evening = d.pain[static_cast<std::size_t>(Period::evening)];
    if (!morning || (!afternoon && !evening)) continue;
    ++w.all_day.days;
    mornings.push_back(*morning);
    if (afternoon) afternoons.push_back(*afternoon);
    if (evening) evenings.push_back(*evening);
    const bool stayed = (!afternoon || *afternoon >= 1.0) && (!evening || *evening >= 1.0);
    if (stayed) ++w.all_day.pain_stayed;
  }
  w.all_day.morning_mean = mean(mornings);
  if (!afternoons.empty()) w.all_day.afternoon_mean = mean(afternoons);
  if (!evenings.empty()) w.all_day.evening_mean = mean(evenings);

  w.medication = medication_masking(series);
  return w;
}

}  // namespace daybreak::analysis
