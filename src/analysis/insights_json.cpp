#include "analysis/insights_json.hpp"

#include <cmath>

namespace daybreak::analysis {
namespace {

using Json = nlohmann::ordered_json;

// Numbers rounded to what they can mean; JSON readers get no false precision.
double rounded(double v, int digits = 4) {
  const double scale = std::pow(10.0, digits);
  const double r = std::round(v * scale) / scale;
  return r == 0.0 ? 0.0 : r;  // no -0
}

Json optional_number(const std::optional<double>& v) { return v ? Json(rounded(*v)) : Json(nullptr); }

Json date_json(LocalDate d) { return format_date(d); }

std::string_view kind_name(FactorKind k) {
  switch (k) {
    case FactorKind::categorical:
      return "categorical";
    case FactorKind::binary:
      return "yes_no";
    case FactorKind::numeric:
      return "numeric";
  }
  return "";
}

std::string_view bucket_key(Bucket b) {
  switch (b) {
    case Bucket::week:
      return "week";
    case Bucket::month:
      return "month";
    case Bucket::quarter:
      return "quarter";
    case Bucket::year:
      return "year";
  }
  return "";
}

std::string section_text(const std::vector<Section>& sections, std::string_view key) {
  std::string out;
  for (const auto& s : sections) {
    if (s.key != key) continue;
    for (const auto& b : s.blocks) {
      if (b.text.empty() || b.text.back() == ':') continue;  // a table's introduction, without the table
      if (!out.empty()) out += ' ';
      out += b.text;
    }
  }
  return out;
}

Json whole_day_json(const Insights& in, const std::vector<Section>& sections) {
  const WholeDay& w = in.whole_day;
  Json periods = Json::array();
  for (const auto& p : w.periods) {
    Json o{{"period", name_of(p.period)}, {"entries", p.n}, {"mean", p.n > 0 ? Json(rounded(p.mean)) : Json(nullptr)}};
    o["interval"] =
        p.interval ? Json{{"lower", rounded(p.interval->lower)}, {"upper", rounded(p.interval->upper)}} : Json(nullptr);
    periods.push_back(std::move(o));
  }
  Json rows = Json::array();
  for (const auto& r : w.rows) {
    Json o{{"from", date_json(r.from)}, {"to", date_json(r.to)}};
    for (std::size_t p = 0; p < 4; ++p) o[std::string(name_of(static_cast<Period>(p)))] = optional_number(r.mean[p]);
    rows.push_back(std::move(o));
  }
  const MedicationMasking& m = w.medication;
  Json medication{{"window_hours", kMedicationWindow.count()},
                  {"timed", m.timed},
                  {"untimed", m.untimed},
                  {"names", m.names},
                  {"covered_entries", m.covered},
                  {"other_entries", m.uncovered},
                  {"covered_mean", m.covered > 0 ? Json(rounded(m.covered_mean)) : Json(nullptr)},
                  {"other_mean", m.uncovered > 0 ? Json(rounded(m.uncovered_mean)) : Json(nullptr)},
                  {"difference", m.difference ? estimate_to_json(*m.difference) : Json(nullptr)}};
  const AllDay& a = w.all_day;
  return Json{{"periods", periods},
              {"all_day",
               {{"days", a.days},
                {"pain_stayed", a.pain_stayed},
                {"morning_mean", a.days > 0 ? Json(rounded(a.morning_mean)) : Json(nullptr)},
                {"afternoon_mean", optional_number(a.afternoon_mean)},
                {"evening_mean", optional_number(a.evening_mean)}}},
              {"by", bucket_key(w.bucket)},
              {"rows", rows},
              {"medication", medication},
              {"statement", section_text(sections, "whole_day")}};
}

Json outlook_json(const MeasureOutlook& o, Voice voice) {
  const Trend& t = o.trend;
  Json trend{{"from", date_json(t.from)}, {"to", date_json(t.to)}, {"mornings", t.mornings}, {"enough", t.enough}};
  if (t.enough) {
    trend["slope_per_day"] = rounded(t.slope.slope, 6);
    trend["per_month"] = rounded(t.slope.slope * 30.0);
    trend["interval_per_month"] = {{"lower", rounded(t.slope.lower * 30.0)}, {"upper", rounded(t.slope.upper * 30.0)}};
    trend["mann_kendall"] = {{"s", t.test.s},
                             {"variance", rounded(t.test.variance)},
                             {"hamed_rao_factor", rounded(t.test.correction)},
                             {"z", rounded(t.test.z)},
                             {"p_value", rounded(t.test.p_value, 6)}};
  }
  trend["statement"] = describe_trend(o);
  const ShiftHistory& h = o.history;
  Json segments = Json::array();
  for (std::size_t i = 0; i < h.segments.size(); ++i) {
    segments.push_back({{"from", date_json(h.segment_from[i])},
                        {"to", date_json(h.segment_to[i])},
                        {"mornings", h.segment_mornings[i]},
                        {"mean", rounded(h.segments[i].mean)},
                        {"slope_per_day", rounded(h.segments[i].slope, 6)}});
  }
  Json changes = Json::array();
  for (const auto& s : h.shifts) {
    changes.push_back(
        {{"first_day", date_json(s.first_day)}, {"before", rounded(s.before)}, {"after", rounded(s.after)}});
  }
  Json shifts{{"mornings", h.mornings},
              {"enough", h.enough},
              {"weekly", h.weekly},
              {"segments", segments},
              {"changes", changes}};
  if (h.enough) {
    shifts["noise"] = {{"variance", rounded(h.fit.noise_variance)},
                       {"lag1", rounded(h.fit.lag1)},
                       {"penalty", rounded(h.fit.penalty)},
                       {"slope_penalty", rounded(h.fit.slope_penalty)}};
  }
  shifts["statements"] = describe_shifts(o, voice);
  return Json{{"measure", measure_key(o.measure)},
              {"unit", measure_unit(o.measure)},
              {"mornings", o.mornings},
              {"trend", trend},
              {"shifts", shifts}};
}

Json factors_json(const Insights& in) {
  const FactorEffects& e = in.factors;
  Json comparisons = Json::array();
  for (const auto& c : e.comparisons) {
    const FactorSeries& f = e.factors[c.factor];
    Json o{{"factor", f.key},
           {"label", f.label},
           {"kind", kind_name(f.kind)},
           {"exposure", f.night ? "the night before" : "the day before"},
           {"exploratory", f.exploratory}};
    if (f.kind == FactorKind::numeric) {
      o["per"] = f.per;
      o["mornings"] = c.n;
      o["mean"] = rounded(c.mean);
    } else {
      o["level"] = c.level;
      o["other"] = c.other.empty() ? Json(nullptr) : Json(c.other);
      o["mornings"] = c.n;
      o["mornings_other"] = c.n_other;
      o["mean"] = c.n > 0 ? Json(rounded(c.mean)) : Json(nullptr);
      o["mean_other"] = c.n_other > 0 ? Json(rounded(c.mean_other)) : Json(nullptr);
    }
    if (c.effect) {
      o["effect"] = estimate_to_json(*c.effect);
      o["effect"]["q_value"] = rounded(c.q_value, 6);
      o["stands_out"] = c.stands_out;
    } else {
      o["effect"] = nullptr;
      o["withheld"] = c.withheld;
    }
    o["statement"] = describe_comparison(e, c, in.voice);
    if (const auto idea = experiment_idea(e, c)) {
      o["experiment"] = {{"a", idea->a}, {"b", idea->b}};
    }
    comparisons.push_back(std::move(o));
  }
  return Json{{"tested", e.tested},
              {"false_discovery_rate", kFalseDiscoveryRate},
              {"min_mornings_per_level", kMinMorningsPerLevel},
              {"min_mornings_numeric", kMinMorningsNumeric},
              {"comparisons", comparisons}};
}

Json adherence_json(const Insights& in, const std::vector<Section>& sections) {
  const Adherence& a = in.adherence;
  Json o{{"session_data", a.has_sessions}, {"sessions_shared", a.shared}};
  if (a.has_sessions) {
    o["completed"] = a.completed;
    o["started"] = a.started;
    if (a.per_week) o["per_week"] = rounded(*a.per_week);
    // per_week = counted / days * 7, over the days from counted_from to counted_to.
    o["counted"] = a.counted;
    o["days"] = a.days;
    o["counted_from"] = a.counted_from ? date_json(*a.counted_from) : Json(nullptr);
    o["counted_to"] = a.counted_to ? date_json(*a.counted_to) : Json(nullptr);
    // Days a lock or a pause held the program: not counted, not missed.
    o["paused_days"] = a.paused_days;
    o["locked_days"] = a.locked_days;
    o["held_completed"] = a.held_completed;
    Json weeks = Json::array();
    for (const auto& w : a.recent) {
      weeks.push_back({{"from", date_json(w.monday)},
                       {"completed", w.completed + w.later + w.held_completed},
                       {"days", w.days},
                       {"in_progress", w.in_progress()},
                       {"paused", w.paused},
                       {"locked", w.locked}});
    }
    o["weeks"] = weeks;
  }
  o["statement"] = section_text(sections, "adherence");
  return o;
}

}  // namespace

Json estimate_to_json(const Estimate& e) {
  return Json{{"estimate", rounded(e.value)},     {"standard_error", rounded(e.standard_error)},
              {"lower", rounded(e.lower)},        {"upper", rounded(e.upper)},
              {"p_value", rounded(e.p_value, 6)}, {"df", e.df}};
}

Json insights_to_json(const Insights& in) {
  const auto sections = describe(in);
  Json mornings = Json::array();
  for (const auto& o : in.outlook) mornings.push_back(outlook_json(o, in.voice));
  return Json{{"from", date_json(in.from)},
              {"to", date_json(in.to)},
              {"entries", in.entries},
              {"days_logged", in.days_logged},
              {"whole_day", whole_day_json(in, sections)},
              {"mornings", mornings},
              {"factors", factors_json(in)},
              {"adherence", adherence_json(in, sections)}};
}

Json experiment_to_json(const Experiment& e, LocalDate coming_night) {
  const ExperimentDesign& d = e.design;
  Json o{{"id", e.id.value},
         {"title", d.title},
         {"a", d.condition_a},
         {"b", d.condition_b},
         {"status", name_of(status_of(e, coming_night))},
         {"first_night", date_json(d.first_night)},
         {"last_night", date_json(d.last_night())},
         {"pairs", d.pairs},
         {"period_nights", d.period_nights},
         {"washout_nights", d.washout_nights},
         {"seed", d.seed},
         {"created_at", format_utc(e.created_at)}};
  if (e.stopped_at) {
    o["stopped_at"] = format_utc(*e.stopped_at);
    o["stopped_after"] = date_json(*e.stopped_after);
    o["stop_reason"] = e.stop_reason;
  }
  return o;
}

Json experiment_report_to_json(const ExperimentReport& r) {
  Json nights = Json::array();
  for (const auto& n : r.nights) {
    nights.push_back({{"night", date_json(n.plan.night)},
                      {"pair", n.plan.pair + 1},
                      {"period", n.plan.period + 1},
                      {"condition", name_of(n.plan.condition)},
                      {"washout", n.plan.washout},
                      {"followed", n.followed ? Json(*n.followed) : Json(nullptr)},
                      {"pain", optional_number(n.pain)},
                      {"stiffness_minutes", optional_number(n.stiffness_minutes)},
                      {"stiffness_severity", optional_number(n.stiffness_severity)}});
  }
  const auto outcome_json = [](const OutcomeResult& o) {
    const BlockPairAnalysis& a = o.analysis;
    Json j{{"measure", measure_key(o.measure)},
           {"nights_a", o.n_a},
           {"nights_b", o.n_b},
           {"mean_a", o.n_a > 0 ? Json(rounded(o.mean_a)) : Json(nullptr)},
           {"mean_b", o.n_b > 0 ? Json(rounded(o.mean_b)) : Json(nullptr)},
           {"complete_pairs", a.complete_pairs},
           {"pair_differences", Json::array()}};
    for (const double d : a.differences) j["pair_differences"].push_back(rounded(d));
    j["difference"] = a.complete_pairs > 0 ? Json(rounded(a.estimate)) : Json(nullptr);
    if (a.estimable) {
      j["standard_error"] = rounded(a.standard_error);
      j["interval"] = {{"lower", rounded(a.lower)}, {"upper", rounded(a.upper)}};
      j["t_p_value"] = rounded(a.t_p_value, 6);
    }
    if (a.complete_pairs > 0) {
      j["randomization_p_value"] = rounded(a.randomization_p_value, 6);
      j["assignments"] = a.assignments;
    }
    Json chances = Json::array();
    for (const auto& c : a.chances) {
      chances.push_back(
          {{"threshold", c.threshold}, {"a_lower", rounded(c.a_lower)}, {"a_higher", rounded(c.a_higher)}});
    }
    if (!chances.empty()) j["chances"] = chances;
    return j;
  };
  Json outcomes = Json::array();
  for (const auto& o : r.outcomes) outcomes.push_back(outcome_json(o));
  const NightFlow& f = r.flow;
  Json out{{"experiment", experiment_to_json(r.experiment, r.coming_night)},
           {"interim", r.interim},
           {"flow",
            {{"planned", f.planned},
             {"past", f.past},
             {"washout", f.washout},
             {"counted", f.counted},
             {"with_outcome", f.with_outcome},
             {"missing", f.missing},
             {"followed", f.followed},
             {"not_followed", f.not_followed},
             {"unrecorded", f.unrecorded}}},
           {"nights", nights},
           {"outcomes", outcomes}};
  if (r.per_protocol) out["per_protocol"] = outcome_json(*r.per_protocol);
  out["verdict"] = {{"key", verdict_key(r.verdict)},
                    {"minimal_important_change", kPainMinimalImportantChange},
                    {"statement", verdict_text(r)}};
  return out;
}

}  // namespace daybreak::analysis
