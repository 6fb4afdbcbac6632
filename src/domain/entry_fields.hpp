// The catalogue of diary fields: for each one its name, range, the periods it
// belongs to, and how it is read from text or JSON and written back. The CLI
// options, the CSV columns, the JSON keys and the validation all come from here.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/diary_entry.hpp"
#include "domain/field_error.hpp"
#include "domain/time.hpp"

namespace daybreak {

// The periods a field belongs to. "day" is morning, afternoon and evening.
enum class Applies { all, morning, day, night };
[[nodiscard]] bool applies_to(Applies applies, Period period);
[[nodiscard]] std::string_view applies_text(Applies applies);

enum class FieldShape { number, flag, choice, choices, time, text, list };

// The range of a number field, for forms: pain is {0, 10, 1}, sitting hours {0, 24, 0.1}.
struct NumberRange {
  double min = 0;
  double max = 0;
  double step = 1;
};

struct FieldInfo {
  std::string_view name;        // JSON key and CSV column; the CLI option is --name with '-' for '_'
  std::string_view label;       // for people
  std::string_view help;        // one line for --help
  std::string_view value_name;  // placeholder in help, e.g. "0-10" or "HH:MM"
  std::string_view unit;        // appended when displayed, e.g. " min"
  Applies applies = Applies::all;
  FieldShape shape = FieldShape::number;
  bool required = false;
  bool repeatable = false;                      // a list: the option may be given more than once
  std::string allowed;                          // what a valid value looks like, in plain words
  std::vector<std::string_view> choices;        // for choice fields: every allowed word
  std::vector<std::string_view> choice_labels;  // what a form shows for each, where more than the word
  std::optional<NumberRange> range;             // for number fields
};

// Every field, in display and CSV column order.
[[nodiscard]] std::span<const FieldInfo> diary_fields();
[[nodiscard]] const FieldInfo* find_diary_field(std::string_view name);

// The first day a diary entry may have (today is the last, see the app layer).
inline constexpr LocalDate kFirstDiaryDay{std::chrono::year{1970}, std::chrono::January, std::chrono::day{1}};
// "a day from 1970-01-01 to today (2026-11-23), written YYYY-MM-DD", for messages.
[[nodiscard]] std::string diary_day_rule(LocalDate today);

// What clock times in an entry are relative to. In a night entry a bare time
// from 18:00 on belongs to the evening before the diary day (bedtime 23:10);
// earlier times belong to the diary day itself (wake time 06:40).
struct TimeContext {
  LocalDate date;
  Period period = Period::morning;
  const TimeZone& zone;
  bool check_windows = true;  // false only when reading back what daybreak itself stored
};
inline constexpr Minutes kNightEveningFrom{18 * 60};

// Raw text per field, as typed on the command line or read from a CSV cell.
// A list field given several times collects all. A value must not be empty
// (`--awakenings ''` is an error, not a silent "unset"): removing a value is
// said with clear() (`--clear`, JSON null, an empty CSV cell).
class Draft {
 public:
  void set(std::string_view field, std::string raw);
  void clear(std::string_view field);
  [[nodiscard]] bool empty() const { return values_.empty() && cleared_.empty(); }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& values() const { return values_; }
  [[nodiscard]] const std::vector<std::string>& cleared() const { return cleared_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> cleared_;
};

enum class DraftMode { create, edit };

// Reads every value of `draft` into `fields`. Returns every problem at once;
// on any problem `fields` must be discarded. Unknown field names are problems.
[[nodiscard]] FieldErrors apply_draft(DiaryFields& fields, const Draft& draft, const TimeContext& ctx, DraftMode mode);

// Rules that look at more than one field: which period a field belongs to,
// wake time after bedtime. Run after apply_draft and before anything is stored.
[[nodiscard]] FieldErrors check_fields(const DiaryFields& fields, const TimeContext& ctx);

// Canonical text of one field ("" when not set): apply_draft reads it back to the same value.
[[nodiscard]] std::string field_text(const DiaryFields& fields, const FieldInfo& field, const TimeZone& zone);
// The same value for people: "45 min", "back left, buttock left", "23:10".
[[nodiscard]] std::string field_display(const DiaryFields& fields, const FieldInfo& field, const TimeZone& zone);
[[nodiscard]] bool field_is_set(const DiaryFields& fields, const FieldInfo& field);

// JSON object holding every set field (unset fields are left out).
[[nodiscard]] nlohmann::ordered_json fields_to_json(const DiaryFields& fields, const TimeZone& zone);
// An entry for scripts and the API: id, date, period, revision, created_at,
// updated_at, and "fields" as fields_to_json gives them.
[[nodiscard]] nlohmann::ordered_json entry_to_json(const DiaryEntry& entry, const TimeZone& zone);

// Reads a JSON object of fields, as fields_to_json writes them, into a Draft:
// checks the names and the JSON types ("pain" must be a number); null clears a
// field. The values themselves are checked when the draft is applied.
[[nodiscard]] FieldErrors draft_from_json(Draft& draft, const nlohmann::ordered_json& object);

// Reads a JSON object like the one above into `fields`, with the same checks as
// apply_draft plus JSON type checks ("pain" must be a number).
[[nodiscard]] FieldErrors fields_from_json(DiaryFields& fields, const nlohmann::ordered_json& object,
                                           const TimeContext& ctx, DraftMode mode);

}  // namespace daybreak
