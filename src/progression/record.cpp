#include "progression/record.hpp"

#include <cstdint>
#include <limits>
#include <type_traits>

#include <nlohmann/json.hpp>

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json optional_json(const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); }
Json optional_json(const std::optional<LocalDate>& d) { return d ? Json(format_date(*d)) : Json(nullptr); }

Json morning_json(const MorningReading& m) {
  return Json{{"date", format_date(m.date)},
              {"pain", m.pain},
              {"stiffness_minutes", optional_json(m.stiffness_minutes)},
              {"still_stiff", m.still_stiff}};
}

// Reading back: every missing or mistyped key is a damaged record.
struct Reader {
  const Json& j;
  std::string error;

  const Json* at(const Json& obj, const char* key) {
    if (!error.empty()) return nullptr;
    if (!obj.is_object() || !obj.contains(key)) {
      error = std::string("missing '") + key + "'";
      return nullptr;
    }
    return &obj.at(key);
  }
  LocalDate date(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr) return {};
    const auto d = v->is_string() ? parse_date(v->get<std::string>()) : std::nullopt;
    if (!d) error = std::string("'") + key + "' is not a date";
    return d.value_or(LocalDate{});
  }
  std::optional<LocalDate> optional_date(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    return date(obj, key);
  }
  template <class T>
  T number(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr) return T{};
    if (!v->is_number()) {
      error = std::string("'") + key + "' is not a number";
      return T{};
    }
    if constexpr (std::is_integral_v<T>) {
      // A whole number within T: casting 1e300, or 2^40, to an int is undefined or wraps.
      const bool fits = v->is_number_unsigned() ? v->template get<std::uint64_t>() <=
                                                      static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                        : v->is_number_integer() ? v->template get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                                                       v->template get<std::int64_t>() <= std::numeric_limits<T>::max()
                                                 : false;
      if (!fits) {
        error = std::string("'") + key + "' is not a whole number in range";
        return T{};
      }
    }
    return v->template get<T>();
  }
  template <class T>
  std::optional<T> optional_number(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    return number<T>(obj, key);
  }
  bool boolean(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr) return false;
    if (!v->is_boolean()) error = std::string("'") + key + "' is not true or false";
    return v->is_boolean() && v->get<bool>();
  }
  std::string text(const Json& obj, const char* key) {
    const Json* v = at(obj, key);
    if (v == nullptr) return {};
    if (!v->is_string()) error = std::string("'") + key + "' is not text";
    return v->is_string() ? v->get<std::string>() : std::string{};
  }
  MorningReading morning(const Json& obj) {
    return {date(obj, "date"), number<int>(obj, "pain"), optional_number<int>(obj, "stiffness_minutes"),
            boolean(obj, "still_stiff")};
  }
};

}  // namespace

Json decision_inputs_to_json(const DecisionInputs& in) {
  const Baseline& b = in.baseline;
  Json weekly = nullptr;
  if (in.weekly) {
    const WeeklyCheck& w = *in.weekly;
    weekly = Json{{"last_day", format_date(w.last_day)},
                  {"this_mornings", w.this_mornings},
                  {"previous_mornings", w.previous_mornings},
                  {"this_pain", w.this_pain},
                  {"previous_pain", w.previous_pain},
                  {"this_stiffness", optional_json(w.this_stiffness)},
                  {"previous_stiffness", optional_json(w.previous_stiffness)},
                  {"pain_rising", w.pain_rising},
                  {"stiffness_rising", w.stiffness_rising}};
  }
  return Json{{"routine", name_of(in.routine)},
              {"session_date", format_date(in.session_date)},
              {"sessions", in.sessions},
              {"baseline", Json{{"mornings", b.mornings},
                                {"pain", optional_json(b.pain)},
                                {"stiffness_mornings", b.stiffness_mornings},
                                {"stiffness", optional_json(b.stiffness)},
                                {"first", optional_json(b.first)},
                                {"last", optional_json(b.last)}}},
              {"next_morning", in.next_morning ? morning_json(*in.next_morning) : Json(nullptr)},
              {"pain_during", optional_json(in.pain_during)},
              {"painful_exercises", in.painful_exercises},
              {"stopped_for_pain", in.stopped_for_pain},
              {"pain_after", optional_json(in.pain_after)},
              {"good_sessions_before", in.good_sessions_before},
              {"last_step_up", optional_json(in.last_step_up)},
              {"weekly", std::move(weekly)},
              {"progression_allowed", in.progression_allowed},
              {"safety_note", in.safety_note}};
}

Result<DecisionInputs, std::string> decision_inputs_from_json(const Json& j) {
  Reader r{j, {}};
  DecisionInputs in;
  const auto routine = parse_choice<RoutineKind>(r.text(j, "routine"));
  if (!routine && r.error.empty()) r.error = "'routine' is not a routine";
  in.routine = routine.value_or(RoutineKind::morning);
  in.session_date = r.date(j, "session_date");
  in.sessions = r.number<int>(j, "sessions");
  if (const Json* b = r.at(j, "baseline")) {
    in.baseline.mornings = r.number<int>(*b, "mornings");
    in.baseline.pain = r.optional_number<double>(*b, "pain");
    in.baseline.stiffness_mornings = r.number<int>(*b, "stiffness_mornings");
    in.baseline.stiffness = r.optional_number<double>(*b, "stiffness");
    in.baseline.first = r.optional_date(*b, "first");
    in.baseline.last = r.optional_date(*b, "last");
  }
  if (const Json* m = r.at(j, "next_morning"); m != nullptr && !m->is_null()) in.next_morning = r.morning(*m);
  in.pain_during = r.optional_number<int>(j, "pain_during");
  if (const Json* p = r.at(j, "painful_exercises")) {
    if (!p->is_array()) r.error = "'painful_exercises' is not a list";
    for (const auto& e : *p) {
      if (e.is_string()) in.painful_exercises.push_back(e.get<std::string>());
    }
  }
  in.stopped_for_pain = r.boolean(j, "stopped_for_pain");
  in.pain_after = r.optional_number<int>(j, "pain_after");
  in.good_sessions_before = r.number<int>(j, "good_sessions_before");
  in.last_step_up = r.optional_date(j, "last_step_up");
  if (const Json* w = r.at(j, "weekly"); w != nullptr && !w->is_null()) {
    WeeklyCheck c;
    c.last_day = r.date(*w, "last_day");
    c.this_mornings = r.number<int>(*w, "this_mornings");
    c.previous_mornings = r.number<int>(*w, "previous_mornings");
    c.this_pain = r.number<double>(*w, "this_pain");
    c.previous_pain = r.number<double>(*w, "previous_pain");
    c.this_stiffness = r.optional_number<double>(*w, "this_stiffness");
    c.previous_stiffness = r.optional_number<double>(*w, "previous_stiffness");
    c.pain_rising = r.boolean(*w, "pain_rising");
    c.stiffness_rising = r.boolean(*w, "stiffness_rising");
    in.weekly = c;
  }
  in.progression_allowed = r.boolean(j, "progression_allowed");
  in.safety_note = r.text(j, "safety_note");
  if (!r.error.empty()) return fail(r.error);
  return in;
}

Json level_changes_to_json(const std::vector<LevelChange>& changes) {
  Json out = Json::array();
  for (const auto& c : changes)
    out.push_back(Json{{"exercise", c.exercise}, {"from", c.from}, {"to", c.to}, {"what", c.what}});
  return out;
}

Result<std::vector<LevelChange>, std::string> level_changes_from_json(const Json& j) {
  if (!j.is_array()) return fail(std::string("the level changes are not a list"));
  Reader r{j, {}};
  std::vector<LevelChange> out;
  for (const auto& c : j) {
    out.push_back({r.text(c, "exercise"), r.number<int>(c, "from"), r.number<int>(c, "to"), r.text(c, "what")});
  }
  if (!r.error.empty()) return fail(r.error);
  return out;
}

std::optional<Hint> next_step(const DecisionRecord& d) {
  if (d.offer_flare) return Hint{HintAction::flare_session, {}};
  if (d.verdict == Verdict::propose) return Hint{HintAction::progress_confirm, {}};
  return std::nullopt;
}

}  // namespace daybreak
