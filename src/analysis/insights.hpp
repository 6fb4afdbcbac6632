// Insights from a person's own diary: the whole day, where mornings are
// heading, what goes with better mornings, and adherence. Built from plain
// data (entries, sessions) with no I/O; worded here once, for the CLI, the
// JSON output and, later, the web app alike.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/adherence.hpp"
#include "analysis/diary_series.hpp"
#include "analysis/factor_effects.hpp"
#include "analysis/morning_trend.hpp"
#include "analysis/whole_day.hpp"
#include "domain/hint.hpp"

namespace daybreak::analysis {

// Whom the words speak to: the person ("your mornings"), or a clinician
// reading a person's insights, to whom they speak of the person ("their
// mornings"), as the report does.
enum class Voice { person, clinician };

struct Insights {
  Voice voice = Voice::person;
  LocalDate from;
  LocalDate to;
  std::size_t entries = 0;
  std::size_t days_logged = 0;
  WholeDay whole_day;
  std::vector<MeasureOutlook> outlook;  // pain always; stiffness measures when logged
  FactorEffects factors;
  Adherence adherence;
};

// `entries` sorted by date and period, from the day before `from` (for
// medication taken the evening before) to `to`. `sessions` is nullopt when no
// session data exists at all; `calendar` says which days adherence counts.
[[nodiscard]] Insights build_insights(std::span<const DiaryEntry> entries, LocalDate from, LocalDate to,
                                      const TimeZone& zone, const std::optional<std::vector<RoutineSession>>& sessions,
                                      const AdherenceCalendar& calendar);

// ---- words ------------------------------------------------------------------

// A paragraph, or a table (rows of cells, the first row its header).
struct Block {
  std::string text;
  std::vector<std::vector<std::string>> table;
  std::optional<Hint> hint = {};  // what the paragraph suggests doing next
};

// A section as people read it.
struct Section {
  std::string key;  // "whole_day", "mornings", "factors", "adherence"
  std::string heading;
  std::vector<Block> blocks;
};

[[nodiscard]] std::vector<Section> describe(const Insights& insights);

// Sentences about single results, also used in the JSON output.
[[nodiscard]] std::string describe_trend(const MeasureOutlook& outlook);
[[nodiscard]] std::vector<std::string> describe_shifts(const MeasureOutlook& outlook, Voice voice = Voice::person);
[[nodiscard]] std::string describe_comparison(const FactorEffects& effects, const Comparison& c,
                                              Voice voice = Voice::person);
// The experiment that would test a comparison: the two conditions, A and B.
struct ExperimentIdea {
  std::string a;
  std::string b;
};
[[nodiscard]] std::optional<ExperimentIdea> experiment_idea(const FactorEffects& effects, const Comparison& c);

// "12 Oct 2026"
[[nodiscard]] std::string short_date(LocalDate d);
// One decimal, never "-0.0".
[[nodiscard]] std::string one_decimal(double v);
// "95% interval +0.2 to +1.4": an interval that excludes 0 gets the decimals
// (up to 3) that show it, "+0.03 to +1.20", else ", just excluding 0".
[[nodiscard]] std::string interval_text(double lower, double upper);
// "afternoons averaged 3.1 and evenings 2.8" (the later periods logged), for
// the whole-day words of insights and of the report.
[[nodiscard]] std::string later_periods_text(const AllDay& all_day);
// "p = 0.004", "p < 0.001"
[[nodiscard]] std::string p_text(double p);

}  // namespace daybreak::analysis
