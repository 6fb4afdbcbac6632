#include "content/progression_config.hpp"

#include <system_error>

#include <array>

namespace daybreak {
namespace {

// Each key with the widest range it may take alone; ranges that depend on
// other keys are checked together by ProgressionConfig::check().
struct Key {
  std::string_view name;
  int ProgressionConfig::*member;
  int lo;
  int hi;
};

constexpr std::array<Key, 13> kKeys = {{
    {"pain_during_ceiling", &ProgressionConfig::pain_during_ceiling, 1, 9},
    {"pain_after_ceiling", &ProgressionConfig::pain_after_ceiling, 1, 9},
    {"morning_pain_rise", &ProgressionConfig::morning_pain_rise, 1, 5},
    {"stiffness_rise_minutes", &ProgressionConfig::stiffness_rise_minutes, 5, 240},
    {"baseline_mornings", &ProgressionConfig::baseline_mornings, 3, 28},
    {"min_baseline_mornings", &ProgressionConfig::min_baseline_mornings, 1, 28},
    {"baseline_lookback_days", &ProgressionConfig::baseline_lookback_days, 3, 365},
    {"good_sessions_to_step_up", &ProgressionConfig::good_sessions_to_step_up, 1, 10},
    {"min_days_between_step_ups", &ProgressionConfig::min_days_between_step_ups, 1, 28},
    {"weekly_days", &ProgressionConfig::weekly_days, 3, 28},
    {"weekly_pain_rise_tenths", &ProgressionConfig::weekly_pain_rise_tenths, 0, 30},
    {"weekly_stiffness_rise_minutes", &ProgressionConfig::weekly_stiffness_rise_minutes, 0, 120},
    {"weekly_min_mornings", &ProgressionConfig::weekly_min_mornings, 1, 28},
}};

Result<ProgressionConfig, ContentErrors> read_config(const TomlDocument& doc) {
  ContentErrors errors;
  ProgressionConfig config;
  TableReader root(doc, errors);
  auto table = root.table("progression", TableReader::Need::optional);
  if (!table) {
    if (!errors.empty()) return fail(std::move(errors));  // there, but not a table
    return config;
  }
  for (const Key& k : kKeys) {
    if (const auto v = table->integer(k.name, k.lo, k.hi, TableReader::Need::optional)) {
      config.*k.member = static_cast<int>(*v);
    }
  }
  table->finish();
  for (const FieldError& e : config.check()) table->problem(e.field, e.value, e.allowed);
  if (!errors.empty()) return fail(std::move(errors));
  return config;
}

}  // namespace

Result<ProgressionConfig, ContentErrors> parse_progression_config(std::string_view text, std::string file_name) {
  auto doc = TomlDocument::parse(text, std::move(file_name));
  if (!doc) return fail(ContentErrors{doc.error()});
  return read_config(*doc);
}

Result<ProgressionConfig, ContentErrors> load_progression_config(const std::filesystem::path& data_dir) {
  const auto path = data_dir / kConfigFileName;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return ProgressionConfig{};
  auto doc = TomlDocument::load(path);
  if (!doc) return fail(ContentErrors{doc.error()});
  return read_config(*doc);
}

}  // namespace daybreak
