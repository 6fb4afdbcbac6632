// The clinician report's own few numbers (see report_numbers.hpp).
#include "app/report_numbers.hpp"

#include <algorithm>
#include <limits>

namespace daybreak {
namespace {

std::optional<double> highest_pain(const analysis::DayRecord& day) {
  std::optional<double> out;
  for (const auto& p : day.pain) {
    if (p && (!out || *p > *out)) out = p;
  }
  return out;
}

MorningWindow window_of(const std::vector<const analysis::DayRecord*>& days, analysis::MorningMeasure measure) {
  MorningWindow w;
  w.first = days.front()->date;
  w.last = days.back()->date;
  w.mornings = days.size();
  double sum = 0;
  for (const analysis::DayRecord* d : days) {
    sum += *analysis::measure_of(*d, measure);
    w.worst = std::max(w.worst, highest_pain(*d).value_or(0));
  }
  w.mean = sum / static_cast<double>(days.size());
  return w;
}

}  // namespace

MorningChange morning_change(const analysis::DiarySeries& series, analysis::MorningMeasure measure) {
  std::vector<const analysis::DayRecord*> logged;
  for (const analysis::DayRecord& d : series.days) {
    if (analysis::measure_of(d, measure)) logged.push_back(&d);
  }
  MorningChange c;
  c.mornings = logged.size();
  if (logged.empty()) return c;
  const std::size_t n = std::min(logged.size(), kReportWindowMornings);
  c.first = window_of({logged.begin(), logged.begin() + static_cast<std::ptrdiff_t>(n)}, measure);
  c.last = window_of({logged.end() - static_cast<std::ptrdiff_t>(n), logged.end()}, measure);
  return c;
}

std::vector<std::optional<double>> rolling_morning_mean(const analysis::DiarySeries& series) {
  std::vector<std::optional<double>> out(series.days.size());
  double sum = 0;
  std::size_t count = 0;
  const auto window = static_cast<std::size_t>(kRollingDays);
  for (std::size_t i = 0; i < series.days.size(); ++i) {
    if (const auto& p = series.days[i].pain[static_cast<std::size_t>(Period::morning)]) {
      sum += *p;
      ++count;
    }
    if (i >= window) {
      if (const auto& p = series.days[i - window].pain[static_cast<std::size_t>(Period::morning)]) {
        sum -= *p;
        --count;
      }
    }
    if (count >= kRollingMinMornings) out[i] = sum / static_cast<double>(count);
  }
  return out;
}

std::optional<WorstPain> worst_pain(const analysis::DiarySeries& series) {
  std::optional<WorstPain> out;
  for (const analysis::DayRecord& d : series.days) {
    const auto high = highest_pain(d);
    if (high && (!out || *high > out->pain)) out = WorstPain{*high, d.date};
  }
  return out;
}

std::vector<DecisionRecord> decisions_between(const Store& store, UserId user, std::string_view program, LocalDate from,
                                              LocalDate to) {
  auto decisions = store.read()->decisions(user, program, std::nullopt, std::numeric_limits<int>::max());
  std::erase_if(decisions, [&](const DecisionRecord& d) { return d.date < from || d.date > to; });
  std::reverse(decisions.begin(), decisions.end());  // the store gives the newest first
  return decisions;
}

}  // namespace daybreak
