#include "domain/entry_fields.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/sleep_item.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

using json = nlohmann::ordered_json;

// What a codec reports when a value is wrong: the offending text and what is allowed.
struct Problem {
  std::string value;
  std::string allowed;
};
using Outcome = std::optional<Problem>;

constexpr std::size_t kMaxNameLength = 60;
constexpr std::size_t kMaxDoseLength = 30;
constexpr std::size_t kMaxFactorNameLength = 40;
constexpr std::size_t kMaxNoteLength = 2000;
constexpr std::size_t kMaxMedications = 20;
constexpr std::size_t kMaxFactors = 30;
constexpr std::size_t kMaxPillows = 6;  // pillow items in one night
constexpr auto kMaxSleep = std::chrono::hours{20};

// ---- codecs: one per kind of value ----------------------------------------
// Each codec reads a trimmed, non-empty text into its Value (parse), writes the
// canonical text back (text), shows it to people (display), converts to JSON
// (to_json) and from a JSON value to text (json_text; nullopt = wrong JSON type).

// A JSON string as text; nullopt for any other JSON type.
std::optional<std::string> json_string(const json& j) {
  if (!j.is_string()) return std::nullopt;
  return j.get<std::string>();
}

template <class B>
struct BoundedCodec {
  using Value = B;
  static constexpr FieldShape shape = FieldShape::number;
  static std::string allowed() { return fmt::format("a whole number from {} to {}", B::min, B::max); }
  static NumberRange range() { return {B::min, B::max, 1}; }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    const auto n = parse_integer(raw);
    const auto v = n ? B::make(*n) : std::nullopt;
    if (!v) return Problem{std::string(raw), allowed()};
    out = *v;
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) { return std::to_string(v.value()); }
  static std::string display(const Value& v, const TimeZone& z) { return text(v, z); }
  static json to_json(const Value& v, const TimeZone&) { return v.value(); }
  static std::optional<std::string> json_text(const json& j) {
    if (!j.is_number_integer()) return std::nullopt;
    return j.dump();
  }
  static bool is_set(const Value&) { return true; }
};

template <class T>
struct TenthsCodec {
  using Value = T;
  static constexpr FieldShape shape = FieldShape::number;
  static std::string allowed() {
    return fmt::format("a number from {} to {} with at most one decimal, e.g. 7.5", format_tenths(T::min_tenths),
                       format_tenths(T::max_tenths));
  }
  static NumberRange range() { return {T::min_tenths / 10.0, T::max_tenths / 10.0, 0.1}; }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    const auto n = parse_tenths(raw);
    const auto v = n ? T::from_tenths(*n) : std::nullopt;
    if (!v) return Problem{std::string(raw), allowed()};
    out = *v;
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) { return format_tenths(v.tenths()); }
  static std::string display(const Value& v, const TimeZone& z) { return text(v, z); }
  static json to_json(const Value& v, const TimeZone&) { return v.value(); }
  static std::optional<std::string> json_text(const json& j) {
    if (j.is_number_integer()) return j.dump();
    if (!j.is_number()) return std::nullopt;
    // Keep one decimal exactly as written; more precision is a range error later.
    const double d = j.get<double>();
    const double tenths = d * 10.0;
    // Far outside any range (1e20 would not fit a long long): left as written,
    // for the range check to refuse. Found by json_entry_fuzz.
    if (!(std::fabs(tenths) < 1e15)) return fmt::format("{}", d);
    if (tenths != static_cast<double>(static_cast<long long>(tenths))) return fmt::format("{}", d);
    return format_tenths(static_cast<long long>(tenths));
  }
  static bool is_set(const Value&) { return true; }
};

struct FlagCodec {
  using Value = bool;
  static constexpr FieldShape shape = FieldShape::flag;
  static std::string allowed() { return "yes or no"; }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    const std::string v = to_lower_ascii(raw);
    if (v == "yes" || v == "true" || v == "1") {
      out = true;
    } else if (v == "no" || v == "false" || v == "0") {
      out = false;
    } else {
      return Problem{std::string(raw), allowed()};
    }
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) { return v ? "yes" : ""; }
  static std::string display(const Value& v, const TimeZone&) { return v ? "yes" : "no"; }
  static json to_json(const Value& v, const TimeZone&) { return v; }
  static std::optional<std::string> json_text(const json& j) {
    if (!j.is_boolean()) return std::nullopt;
    return j.get<bool>() ? "yes" : "no";
  }
  static bool is_set(const Value& v) { return v; }
};

template <class E>
std::string one_of() {
  std::string out = "one of: ";
  const auto& names = Vocabulary<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  return out;
}

template <class E>
struct ChoiceCodec {
  using Value = E;
  static constexpr FieldShape shape = FieldShape::choice;
  static std::string allowed() { return one_of<E>(); }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    const auto v = parse_choice<E>(to_lower_ascii(raw));
    if (!v) return Problem{std::string(raw), allowed()};
    out = *v;
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) { return std::string(name_of(v)); }
  static std::string display(const Value& v, const TimeZone&) { return humanize(name_of(v)); }
  static json to_json(const Value& v, const TimeZone&) { return name_of(v); }
  static std::optional<std::string> json_text(const json& j) { return json_string(j); }
  static bool is_set(const Value&) { return true; }
};

// Lists of strings in JSON become one text joined with ';', the list separator.
std::optional<std::string> json_string_list(const json& j) {
  if (!j.is_array()) return std::nullopt;
  std::vector<std::string> parts;
  for (const auto& item : j) {
    if (!item.is_string()) return std::nullopt;
    parts.push_back(item.get<std::string>());
  }
  return join(parts, ";");
}

template <class E>
struct ChoiceSetCodec {
  using Value = ChoiceSet<E>;
  static constexpr FieldShape shape = FieldShape::choices;
  static std::string allowed() { return "any of: " + one_of<E>().substr(8) + " (separated by commas)"; }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    std::string bad;
    const auto set = choice_set_from_text<E>(raw, &bad);
    if (!set) return Problem{bad, allowed()};
    out = *set;
    return std::nullopt;
  }
  static std::vector<std::string> names(const Value& v) {
    std::vector<std::string> out;
    v.for_each([&](E e) { out.emplace_back(name_of(e)); });
    return out;
  }
  static std::string text(const Value& v, const TimeZone&) { return to_text(v); }
  static std::string display(const Value& v, const TimeZone&) {
    std::vector<std::string> out;
    v.for_each([&](E e) { out.push_back(humanize(name_of(e))); });
    return join(out, ", ");
  }
  static json to_json(const Value& v, const TimeZone&) { return names(v); }
  static std::optional<std::string> json_text(const json& j) { return json_string_list(j); }
  static bool is_set(const Value& v) { return !v.empty(); }
};

// ---- clock times ------------------------------------------------------------

struct TimeWindow {
  LocalTime from;  // inclusive
  LocalTime to;    // exclusive
};

// The wall-clock span a time in this entry may fall in.
TimeWindow window_for(const TimeContext& ctx) {
  using namespace std::chrono_literals;
  if (ctx.period == Period::night) return {at(add_days(ctx.date, -1), 12h), at(ctx.date, 18h)};
  return {at(ctx.date, 0min), at(add_days(ctx.date, 1), 0min)};
}

std::string format_local(LocalTime t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  return format_date(LocalDate{std::chrono::sys_days{day.time_since_epoch()}}) + " " + format_clock(t);
}

std::string time_allowed(const TimeContext& ctx) {
  const TimeWindow w = window_for(ctx);
  using namespace std::chrono_literals;
  // The example in the person's zone: its offset on that day.
  const std::string example = format_with_offset(ctx.zone.resolve(at(ctx.date, 7h + 30min)).first, ctx.zone);
  return fmt::format("a time HH:MM{}, or a date and time such as {} between {} and {}, as the clock read there",
                     ctx.period == Period::night ? " (18:00 or later means the evening before)" : "", example,
                     format_local(w.from), format_local(w.to));
}

Outcome parse_time(std::string_view raw, Instant& out, const TimeContext& ctx) {
  if (const auto clock = parse_clock(raw)) {
    const bool evening_before = ctx.period == Period::night && *clock >= kNightEveningFrom;
    const LocalDate day = evening_before ? add_days(ctx.date, -1) : ctx.date;
    const LocalResolution r = ctx.zone.resolve(at(day, *clock));
    if (r.kind == LocalResolution::Kind::nonexistent) {
      return Problem{std::string(raw), fmt::format("a time that exists on {} in {} (the clocks went forward then)",
                                                   format_date(day), ctx.zone.name())};
    }
    out = r.first;  // when the clocks went back, the first of the two
    return std::nullopt;
  }
  if (const auto instant = parse_instant(raw)) {
    const TimeWindow w = window_for(ctx);
    // The clock where it was written (a diary moved from Adelaide keeps its
    // 23:00 bedtime), else in the person's zone.
    const LocalTime local = written_wall_clock(raw).value_or(ctx.zone.to_local(*instant));
    if (ctx.check_windows && (local < w.from || local >= w.to)) return Problem{std::string(raw), time_allowed(ctx)};
    out = *instant;
    return std::nullopt;
  }
  return Problem{std::string(raw), time_allowed(ctx)};
}

struct TimeCodec {
  using Value = Instant;
  static constexpr FieldShape shape = FieldShape::time;
  static std::string allowed() {
    return "a time HH:MM, or a date and time with its UTC offset such as 2026-11-22T23:10+01:00";
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext& ctx) { return parse_time(raw, out, ctx); }
  static std::string text(const Value& v, const TimeZone& z) { return format_with_offset(v, z); }
  static std::string display(const Value& v, const TimeZone& z) { return format_clock(z.to_local(v)); }
  static json to_json(const Value& v, const TimeZone& z) { return format_with_offset(v, z); }
  static std::optional<std::string> json_text(const json& j) { return json_string(j); }
  static bool is_set(const Value&) { return true; }
};

// ---- names and free text ----------------------------------------------------

// A short name typed by the person: valid UTF-8, no control characters, none of `forbidden`.
Outcome check_name(std::string_view name, std::size_t max_length, std::string_view forbidden, std::string_view what) {
  const auto length = utf8_length(name);
  const bool bad_chars = has_control_chars(name) || name.find_first_of(forbidden) != std::string_view::npos;
  if (name.empty() || !length || *length > max_length || bad_chars) {
    std::string rule = fmt::format("{} of 1 to {} characters", what, max_length);
    if (!forbidden.empty()) {
      rule += " without";
      for (std::size_t i = 0; i < forbidden.size(); ++i) {
        rule += fmt::format("{} '{}'", i == 0 ? "" : (i + 1 == forbidden.size() ? " or" : ","), forbidden[i]);
      }
    }
    return Problem{std::string(name), rule};
  }
  return std::nullopt;
}

// What codecs whose value is a plain string share.
struct PlainString {
  using Value = std::string;
  static std::string text(const Value& v, const TimeZone&) { return v; }
  static std::string display(const Value& v, const TimeZone&) { return v; }
  static json to_json(const Value& v, const TimeZone&) { return v; }
  static std::optional<std::string> json_text(const json& j) { return json_string(j); }
};

struct NoteCodec : PlainString {
  static constexpr FieldShape shape = FieldShape::text;
  static std::string allowed() {
    return fmt::format("text of at most {} characters (line breaks and tabs allowed)", kMaxNoteLength);
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    std::string note;
    note.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {  // Windows line ends become plain ones
      if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      note += raw[i];
    }
    if (const auto problem = text_problem(note, kMaxNoteLength, "\n\t")) {
      return Problem{shorten(raw, 63), allowed() + ": " + *problem};
    }
    out = std::move(note);
    return std::nullopt;
  }
  static bool is_set(const Value& v) { return !v.empty(); }
};

struct ItemCodec : PlainString {
  static constexpr FieldShape shape = FieldShape::text;
  static std::string allowed() { return "the name of one of your sleep items: " + sleep_item_name_rule(); }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    if (!valid_sleep_item_name(raw)) return Problem{std::string(raw), allowed()};
    out = std::string(raw);
    return std::nullopt;
  }
  static bool is_set(const Value&) { return true; }
};

// Pillows: names of sleep items, or "none" (an empty list) for a night
// without any, so that nights without a pillow are compared with nights with.
struct ItemListCodec {
  using Value = std::vector<std::string>;
  static constexpr FieldShape shape = FieldShape::list;
  static std::string allowed() {
    return fmt::format("{}, or up to {} names of your sleep items, separated by commas", kNoSleepItem, kMaxPillows);
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext& ctx) {
    Value items;
    const auto parts = split_list(raw, ",;");
    for (const auto part : parts) {
      if (is_no_sleep_item(part)) {
        if (parts.size() > 1)
          return Problem{std::string(raw), fmt::format("either {} or names, not both", kNoSleepItem)};
        out.clear();
        return std::nullopt;
      }
      std::string name;
      if (auto p = ItemCodec::parse(part, name, ctx)) return Problem{p->value, allowed()};
      if (std::find(items.begin(), items.end(), name) != items.end()) {
        return Problem{name, "each item once"};
      }
      items.push_back(std::move(name));
    }
    if (items.size() > kMaxPillows) return Problem{std::string(raw), allowed()};
    std::sort(items.begin(), items.end());
    out = std::move(items);
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) {
    return v.empty() ? std::string(kNoSleepItem) : join(v, ";");
  }
  static std::string display(const Value& v, const TimeZone&) {
    return v.empty() ? std::string(kNoSleepItem) : join(v, ", ");
  }
  static json to_json(const Value& v, const TimeZone&) { return v; }  // [] for none
  static std::optional<std::string> json_text(const json& j) {
    if (j.is_array() && j.empty()) return std::string(kNoSleepItem);
    return json_string_list(j);
  }
};

// Splits on commas keeping empty parts: "a, , b" -> {"a", "", "b"}.
std::vector<std::string_view> split_keep_empty(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = s.find(sep, start);
    parts.push_back(trim(s.substr(start, end == std::string_view::npos ? s.npos : end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

struct MedicationListCodec {
  using Value = std::vector<Medication>;
  static constexpr FieldShape shape = FieldShape::list;
  static std::string allowed() {
    return "NAME[, DOSE][, TIME] such as 'ibuprofen, 400 mg, 07:30' (no ',' or ';' inside name or dose)";
  }
  static Outcome parse_one(std::string_view raw, Medication& m, const TimeContext& ctx) {
    const auto parts = split_keep_empty(raw, ',');
    if (parts.size() > 3) return Problem{std::string(raw), allowed()};
    if (auto p = check_name(parts[0], kMaxNameLength, ";", "a name")) return Problem{std::string(raw), allowed()};
    m.name = std::string(parts[0]);
    std::string_view dose;
    std::string_view time;
    if (parts.size() == 2) {
      Instant probe;
      (parse_time(parts[1], probe, ctx) ? dose : time) = parts[1];
    } else if (parts.size() == 3) {
      dose = parts[1];
      time = parts[2];
    }
    if (!dose.empty()) {
      Instant probe;
      if (check_name(dose, kMaxDoseLength, ";", "a dose") || !parse_time(dose, probe, ctx).has_value()) {
        return Problem{std::string(raw), "a dose of 1 to 30 characters that is not a time, such as '400 mg'"};
      }
      m.dose = std::string(dose);
    }
    if (!time.empty()) {
      Instant t;
      if (auto p = parse_time(time, t, ctx)) return Problem{std::string(time), p->allowed};
      m.taken_at = t;
    }
    return std::nullopt;
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext& ctx) {
    Value meds;
    for (const auto part : split_list(raw, ";")) {
      Medication m;
      if (auto p = parse_one(part, m, ctx)) return p;
      meds.push_back(std::move(m));
    }
    if (meds.size() > kMaxMedications) {
      return Problem{std::to_string(meds.size()) + " medications", fmt::format("at most {}", kMaxMedications)};
    }
    out = std::move(meds);
    return std::nullopt;
  }
  static std::string one_text(const Medication& m, const TimeZone& z) {
    std::string out = m.name;
    if (!m.dose.empty() || m.taken_at) out += ", " + m.dose;
    if (m.taken_at) out += ", " + format_with_offset(*m.taken_at, z);
    return out;
  }
  static std::string text(const Value& v, const TimeZone& z) {
    std::vector<std::string> parts;
    for (const auto& m : v) parts.push_back(one_text(m, z));
    return join(parts, ";");
  }
  static std::string display(const Value& v, const TimeZone& z) {
    std::vector<std::string> parts;
    for (const auto& m : v) {
      std::string s = m.name;
      if (!m.dose.empty()) s += " " + m.dose;
      if (m.taken_at) s += " at " + format_clock(z.to_local(*m.taken_at));
      parts.push_back(std::move(s));
    }
    return join(parts, "; ");
  }
  static json to_json(const Value& v, const TimeZone& z) {
    json out = json::array();
    for (const auto& m : v) {
      json o = {{"name", m.name}};
      if (!m.dose.empty()) o["dose"] = m.dose;
      if (m.taken_at) o["taken_at"] = format_with_offset(*m.taken_at, z);
      out.push_back(std::move(o));
    }
    return out;
  }
  static std::optional<std::string> json_text(const json& j) {
    if (!j.is_array()) return std::nullopt;
    std::vector<std::string> parts;
    for (const auto& o : j) {
      if (!o.is_object() || !o.contains("name") || !o["name"].is_string()) return std::nullopt;
      for (const auto& [key, value] : o.items()) {
        if ((key != "name" && key != "dose" && key != "taken_at") || !value.is_string()) return std::nullopt;
      }
      parts.push_back(
          fmt::format("{}, {}, {}", o["name"].get<std::string>(), o.value("dose", ""), o.value("taken_at", "")));
    }
    return join(parts, ";");
  }
  static bool is_set(const Value& v) { return !v.empty(); }
};

struct FactorListCodec {
  using Value = std::vector<Factor>;
  static constexpr FieldShape shape = FieldShape::list;
  static std::string allowed() {
    return "NAME=VALUE such as 'caffeine=2' or a NAME alone (meaning yes); names up to 40 characters "
           "without '=', ',' or ';'";
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext&) {
    Value factors;
    for (const auto part : split_list(raw, ";")) {
      const std::size_t eq = part.find('=');
      const std::string name = to_lower_ascii(trim(part.substr(0, eq)));
      const std::string_view value = eq == std::string_view::npos ? "yes" : trim(part.substr(eq + 1));
      if (check_name(name, kMaxFactorNameLength, "=,;", "a name") ||
          check_name(value, kMaxNameLength, ";", "a value")) {
        return Problem{std::string(part), allowed()};
      }
      const bool duplicate =
          std::any_of(factors.begin(), factors.end(), [&](const Factor& f) { return f.name == name; });
      if (duplicate) return Problem{name, "each factor once per entry"};
      factors.push_back({name, std::string(value)});
    }
    if (factors.size() > kMaxFactors) {
      return Problem{std::to_string(factors.size()) + " factors", fmt::format("at most {}", kMaxFactors)};
    }
    std::sort(factors.begin(), factors.end(), [](const Factor& a, const Factor& b) { return a.name < b.name; });
    out = std::move(factors);
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone&) {
    std::vector<std::string> parts;
    for (const auto& f : v) parts.push_back(f.name + "=" + f.value);
    return join(parts, ";");
  }
  static std::string display(const Value& v, const TimeZone&) {
    std::vector<std::string> parts;
    for (const auto& f : v) parts.push_back(f.name + "=" + f.value);
    return join(parts, ", ");
  }
  static json to_json(const Value& v, const TimeZone&) {
    json out = json::object();
    for (const auto& f : v) out[f.name] = f.value;
    return out;
  }
  static std::optional<std::string> json_text(const json& j) {
    if (!j.is_object()) return std::nullopt;
    std::vector<std::string> parts;
    for (const auto& [key, value] : j.items()) {
      if (value.is_string()) {
        parts.push_back(key + "=" + value.get<std::string>());
      } else if (value.is_number() || value.is_boolean()) {
        parts.push_back(key + "=" + (value.is_boolean() ? (value.get<bool>() ? "yes" : "no") : value.dump()));
      } else {
        return std::nullopt;
      }
    }
    return join(parts, ";");
  }
  static bool is_set(const Value& v) { return !v.empty(); }
};

// An optional member: unset until a value is given; empty text clears it.
template <class C>
struct Optional {
  using Value = std::optional<typename C::Value>;
  static constexpr FieldShape shape = C::shape;
  static std::string allowed() { return C::allowed(); }
  static std::optional<NumberRange> range() {
    if constexpr (requires { C::range(); }) {
      return C::range();
    } else {
      return std::nullopt;
    }
  }
  static Outcome parse(std::string_view raw, Value& out, const TimeContext& ctx) {
    typename C::Value v{};
    if (auto p = C::parse(raw, v, ctx)) return p;
    out = std::move(v);
    return std::nullopt;
  }
  static std::string text(const Value& v, const TimeZone& z) { return v ? C::text(*v, z) : std::string(); }
  static std::string display(const Value& v, const TimeZone& z) { return v ? C::display(*v, z) : std::string(); }
  static json to_json(const Value& v, const TimeZone& z) { return v ? C::to_json(*v, z) : json(); }
  static std::optional<std::string> json_text(const json& j) { return C::json_text(j); }
  static bool is_set(const Value& v) { return v.has_value(); }
};

// ---- the catalogue ------------------------------------------------------------

// Type-erased operations on one member of DiaryFields.
struct FieldOps {
  FieldInfo info;
  Outcome (*parse)(DiaryFields&, std::string_view, const TimeContext&);
  void (*clear)(DiaryFields&);
  bool (*is_set)(const DiaryFields&);
  std::string (*text)(const DiaryFields&, const TimeZone&);
  std::string (*display)(const DiaryFields&, const TimeZone&);
  json (*to_json)(const DiaryFields&, const TimeZone&);
  std::optional<std::string> (*json_text)(const json&);
};

struct Spec {
  std::string_view name;
  std::string_view label;
  std::string_view help;
  std::string_view value_name;
  std::string_view unit = {};
  Applies applies = Applies::all;
  bool required = false;
};

// A choice field's words and, where its vocabulary has them, their labels.
struct ChoiceWords {
  std::vector<std::string_view> names;
  std::vector<std::string_view> labels;
};

template <class E>
ChoiceWords words_of() {
  return {{Vocabulary<E>::names.begin(), Vocabulary<E>::names.end()}, labels_of<E>()};
}

template <auto Member, class C>
FieldOps make_field(const Spec& s, ChoiceWords words = {}) {
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(std::declval<DiaryFields&>().*Member)>, typename C::Value>,
                "codec does not match the member's type");
  FieldInfo info{s.name,
                 s.label,
                 s.help,
                 s.value_name,
                 s.unit,
                 s.applies,
                 C::shape,
                 s.required,
                 C::shape == FieldShape::list,
                 C::allowed(),
                 std::move(words.names),
                 std::move(words.labels),
                 std::nullopt};
  if constexpr (requires { C::range(); }) info.range = C::range();
  return FieldOps{
      std::move(info),
      [](DiaryFields& f, std::string_view raw, const TimeContext& ctx) { return C::parse(raw, f.*Member, ctx); },
      [](DiaryFields& f) { f.*Member = typename C::Value{}; },
      [](const DiaryFields& f) { return C::is_set(f.*Member); },
      [](const DiaryFields& f, const TimeZone& z) { return C::text(f.*Member, z); },
      [](const DiaryFields& f, const TimeZone& z) { return C::display(f.*Member, z); },
      [](const DiaryFields& f, const TimeZone& z) { return C::to_json(f.*Member, z); },
      &C::json_text,
  };
}

const std::vector<FieldOps>& catalogue() {
  using F = DiaryFields;
  static const std::vector<FieldOps> fields = [] {
    std::vector<FieldOps> v;
    v.push_back(make_field<&F::pain, BoundedCodec<PainScore>>(
        {"pain", "pain", "pain now (for the night: during the night), 0 = none, 10 = worst imaginable", "0-10", "/10",
         Applies::all, true}));
    v.push_back(make_field<&F::stiffness_minutes, Optional<BoundedCodec<StiffnessMinutes>>>(
        {"stiffness_minutes", "stiffness", "minutes from waking until the stiffness eased", "0-720", " min",
         Applies::morning}));
    v.push_back(make_field<&F::still_stiff, FlagCodec>({"still_stiff", "still stiff",
                                                        "the stiffness had not eased yet when you logged", "yes|no", "",
                                                        Applies::morning}));
    v.push_back(make_field<&F::stiffness_severity, Optional<BoundedCodec<Rating>>>(
        {"stiffness_severity", "stiffness severity", "how severe the stiffness was on waking, 0-10", "0-10", "/10",
         Applies::morning}));
    v.push_back(make_field<&F::signs, ChoiceSetCodec<WarningSign>>(
        {"signs", "warning signs", "warning signs you noticed", "SIGN,..."}, words_of<WarningSign>()));
    v.push_back(make_field<&F::locations, ChoiceSetCodec<BodyLocation>>(
        {"locations", "where", "where you feel it", "PLACE,..."}, words_of<BodyLocation>()));
    v.push_back(make_field<&F::leg_symptoms, ChoiceSetCodec<LegSymptom>>(
        {"leg_symptoms", "leg symptoms", "numbness, tingling or weakness in a leg, with the side", "SYMPTOM,..."},
        words_of<LegSymptom>()));
    // Any period, not only the morning where it is asked: a yes must never be refused.
    v.push_back(make_field<&F::red_flags, Optional<ChoiceCodec<YesNo>>>(
        {"red_flags", "new red-flag symptoms",
         "the safety check: any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms (yes stops the program)",
         "yes|no"},
        words_of<YesNo>()));
    v.push_back(make_field<&F::medications, MedicationListCodec>(
        {"medications", "medication", "medication taken; give the option once per medicine", "NAME[, DOSE][, HH:MM]"}));
    v.push_back(make_field<&F::relief, ChoiceSetCodec<Relief>>(
        {"relief", "relief used", "what else you used for relief", "RELIEF,..."}, words_of<Relief>()));
    v.push_back(make_field<&F::walking_minutes, Optional<BoundedCodec<WalkingMinutes>>>(
        {"walking_minutes", "walking", "minutes spent walking", "0-1440", " min", Applies::day}));
    v.push_back(make_field<&F::sitting_hours, Optional<TenthsCodec<SittingHours>>>(
        {"sitting_hours", "sitting", "hours spent sitting", "0-24", " h", Applies::day}));
    v.push_back(make_field<&F::anxiety, Optional<BoundedCodec<Rating>>>(
        {"anxiety", "anxiety", "how anxious you felt, 0-10", "0-10", "/10", Applies::day}));
    v.push_back(make_field<&F::bedtime, Optional<TimeCodec>>(
        {"bedtime", "bedtime", "when you went to bed", "HH:MM", "", Applies::night}));
    v.push_back(make_field<&F::wake_time, Optional<TimeCodec>>(
        {"wake_time", "woke", "when you woke up for the day", "HH:MM", "", Applies::night}));
    v.push_back(make_field<&F::awakenings, Optional<BoundedCodec<Awakenings>>>(
        {"awakenings", "woken by pain", "how many times pain woke you", "0-20", "x", Applies::night}));
    v.push_back(make_field<&F::sleep_quality, Optional<BoundedCodec<Rating>>>(
        {"sleep_quality", "sleep quality", "how well you slept, 0 = very badly, 10 = very well", "0-10", "/10",
         Applies::night}));
    v.push_back(make_field<&F::sleep_position, Optional<ChoiceCodec<SleepPosition>>>(
        {"sleep_position", "position", "the position you slept in most", "POSITION", "", Applies::night},
        words_of<SleepPosition>()));
    v.push_back(make_field<&F::mattress, Optional<ItemCodec>>(
        {"mattress", "mattress", "the mattress you slept on (a sleep item you named)", "NAME", "", Applies::night}));
    v.push_back(make_field<&F::pillows, Optional<ItemListCodec>>(
        {"pillows", "pillows", "the pillow set-up you used (sleep items you named), or none", "NAME,...", "",
         Applies::night}));
    v.push_back(make_field<&F::room_temperature, Optional<TenthsCodec<RoomTemperature>>>(
        {"room_temperature", "bedroom", "bedroom temperature in degrees C", "0-40", " °C", Applies::night}));
    v.push_back(make_field<&F::humidity, Optional<BoundedCodec<HumidityPercent>>>(
        {"humidity", "humidity", "bedroom humidity in percent", "0-100", "%", Applies::night}));
    v.push_back(make_field<&F::factors, FactorListCodec>(
        {"factors", "factors", "anything else you track, as NAME=VALUE; once per factor", "NAME=VALUE"}));
    v.push_back(make_field<&F::note, NoteCodec>({"note", "note", "a note in your own words", "TEXT"}));
    return v;
  }();
  return fields;
}

const FieldOps* find_ops(std::string_view name) {
  for (const auto& op : catalogue()) {
    if (op.info.name == name) return &op;
  }
  return nullptr;
}

const FieldOps& ops_of(const FieldInfo& info) {
  if (const FieldOps* op = find_ops(info.name)) return *op;
  throw std::logic_error("field not in the catalogue: " + std::string(info.name));
}

// The JSON a field of each shape takes, for errors on a value of another type.
std::string_view json_kind(FieldShape shape) {
  switch (shape) {
    case FieldShape::number:
      return "a JSON number";
    case FieldShape::flag:
      return "JSON true or false";
    case FieldShape::choices:
    case FieldShape::list:
      return "a JSON list of strings";
    case FieldShape::choice:
    case FieldShape::time:
    case FieldShape::text:
      return "a JSON string";
  }
  return "JSON";
}

std::string known_fields() {
  std::vector<std::string> names;
  for (const auto& op : catalogue()) names.emplace_back(op.info.name);
  return "one of: " + join(names, ", ");
}

}  // namespace

std::string diary_day_rule(LocalDate today) {
  return fmt::format("a day from {} to today ({}), written YYYY-MM-DD", format_date(kFirstDiaryDay),
                     format_date(today));
}

bool applies_to(Applies applies, Period period) {
  switch (applies) {
    case Applies::all:
      return true;
    case Applies::morning:
      return period == Period::morning;
    case Applies::day:
      return period != Period::night;
    case Applies::night:
      return period == Period::night;
  }
  return false;
}

std::string_view applies_text(Applies applies) {
  switch (applies) {
    case Applies::all:
      return "every";
    case Applies::morning:
      return "morning";
    case Applies::day:
      return "morning, afternoon and evening";
    case Applies::night:
      return "night";
  }
  return "";
}

std::span<const FieldInfo> diary_fields() {
  static const std::vector<FieldInfo> infos = [] {
    std::vector<FieldInfo> v;
    for (const auto& op : catalogue()) v.push_back(op.info);
    return v;
  }();
  return infos;
}

const FieldInfo* find_diary_field(std::string_view name) {
  for (const auto& info : diary_fields()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

void Draft::set(std::string_view field, std::string raw) { values_.emplace_back(field, std::move(raw)); }
void Draft::clear(std::string_view field) { cleared_.emplace_back(field); }

FieldErrors apply_draft(DiaryFields& fields, const Draft& draft, const TimeContext& ctx, DraftMode mode) {
  FieldErrors errors;
  // Collect the raw text per field; list fields may be given several times.
  // A cleared field has empty text.
  std::map<const FieldOps*, std::string> raw_by_field;
  std::set<const FieldOps*> empty_given;  // already reported: not "missing" too
  for (const auto& name : draft.cleared()) {
    const FieldOps* op = find_ops(name);
    if (op == nullptr) {
      errors.push_back({name, "", known_fields()});
    } else {
      raw_by_field.try_emplace(op);
    }
  }
  for (const auto& [name, raw] : draft.values()) {
    const FieldOps* op = find_ops(name);
    if (op == nullptr) {
      errors.push_back({name, raw, known_fields()});
      continue;
    }
    if (trim(raw).empty()) {
      errors.push_back(
          {name, raw, fmt::format("{} (an empty value is not one; leave the field out instead)", op->info.allowed)});
      empty_given.insert(op);
      continue;
    }
    auto [it, inserted] = raw_by_field.try_emplace(op, raw);
    if (!inserted) {
      if (!op->info.repeatable) {
        errors.push_back({name, raw, "one value (it was given more than once)"});
        continue;
      }
      it->second += (trim(it->second).empty() ? "" : ";") + raw;
    }
  }
  // Then read them in catalogue order, so errors come out in a stable order.
  for (const auto& op : catalogue()) {
    const auto found = raw_by_field.find(&op);
    if (found == raw_by_field.end()) {
      if (mode == DraftMode::create && op.info.required && !empty_given.contains(&op))
        errors.push_back({std::string(op.info.name), "", op.info.allowed});
      continue;
    }
    const std::string_view raw = trim(found->second);
    if (raw.empty()) {
      if (op.info.required) {
        errors.push_back({std::string(op.info.name), "", op.info.allowed});
      } else {
        op.clear(fields);
      }
      continue;
    }
    if (auto problem = op.parse(fields, raw, ctx)) {
      errors.push_back({std::string(op.info.name), std::move(problem->value), std::move(problem->allowed)});
    }
  }
  return errors;
}

FieldErrors check_fields(const DiaryFields& fields, const TimeContext& ctx) {
  FieldErrors errors;
  for (const auto& op : catalogue()) {
    if (op.is_set(fields) && !applies_to(op.info.applies, ctx.period)) {
      errors.push_back({std::string(op.info.name), op.display(fields, ctx.zone),
                        fmt::format("nothing: it belongs to {} entries, not {}", applies_text(op.info.applies),
                                    name_of(ctx.period))});
    }
  }
  if (fields.bedtime && fields.wake_time) {
    const auto& z = ctx.zone;
    if (*fields.wake_time <= *fields.bedtime) {
      errors.push_back({"wake_time", format_clock(z.to_local(*fields.wake_time)),
                        fmt::format("a time after bedtime ({})", format_clock(z.to_local(*fields.bedtime)))});
    } else if (*fields.wake_time - *fields.bedtime > kMaxSleep) {
      errors.push_back({"wake_time", format_clock(z.to_local(*fields.wake_time)),
                        fmt::format("at most {} hours after bedtime ({})", kMaxSleep.count(),
                                    format_clock(z.to_local(*fields.bedtime)))});
    }
  }
  return errors;
}

std::string field_text(const DiaryFields& fields, const FieldInfo& field, const TimeZone& zone) {
  return ops_of(field).text(fields, zone);
}

std::string field_display(const DiaryFields& fields, const FieldInfo& field, const TimeZone& zone) {
  return ops_of(field).display(fields, zone);
}

bool field_is_set(const DiaryFields& fields, const FieldInfo& field) { return ops_of(field).is_set(fields); }

json fields_to_json(const DiaryFields& fields, const TimeZone& zone) {
  json out = json::object();
  for (const auto& op : catalogue()) {
    if (op.is_set(fields)) out[std::string(op.info.name)] = op.to_json(fields, zone);
  }
  return out;
}

json entry_to_json(const DiaryEntry& entry, const TimeZone& zone) {
  return json{{"id", entry.id.value},
              {"date", format_date(entry.date)},
              {"period", name_of(entry.period)},
              {"revision", entry.revision},
              {"created_at", format_utc(entry.created_at)},
              {"updated_at", format_utc(entry.updated_at)},
              {"fields", fields_to_json(entry.fields, zone)}};
}

FieldErrors draft_from_json(Draft& draft, const json& object) {
  if (!object.is_object()) return {{"fields", object.dump(), "a JSON object of diary fields"}};
  FieldErrors errors;
  for (const auto& [key, value] : object.items()) {
    const FieldOps* op = find_ops(key);
    if (op == nullptr) {
      // A key that is empty still gets an error that names where it was.
      if (key.empty()) {
        errors.push_back({"fields", "\"\": " + value.dump(), "a field name, " + known_fields()});
      } else {
        errors.push_back({key, value.dump(), known_fields()});
      }
      continue;
    }
    if (value.is_null()) {
      draft.clear(key);
      continue;
    }
    auto text = op->json_text(value);
    if (!text) {
      errors.push_back({key, value.dump(), fmt::format("{}, as {}", op->info.allowed, json_kind(op->info.shape))});
      continue;
    }
    // A form's emptied text box sends "": it removes the value, as null does.
    if (trim(*text).empty()) {
      draft.clear(key);
    } else {
      draft.set(key, std::move(*text));
    }
  }
  return errors;
}

FieldErrors fields_from_json(DiaryFields& fields, const json& object, const TimeContext& ctx, DraftMode mode) {
  if (!object.is_object()) return {{"entry", object.dump(), "a JSON object of diary fields"}};
  Draft draft;
  FieldErrors errors = draft_from_json(draft, object);
  auto more = apply_draft(fields, draft, ctx, mode);
  errors.insert(errors.end(), more.begin(), more.end());
  return errors;
}

}  // namespace daybreak
