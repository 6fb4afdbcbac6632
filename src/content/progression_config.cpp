#include "content/progression_config.hpp"

#include <limits>
#include <system_error>

#include <array>

namespace daybreak {
namespace {

struct Key {
  std::string_view name;
  int ProgressionConfig::*member;
};

constexpr std::array<Key, 13> kKeys = {{
    {"pain_during_ceiling", &ProgressionConfig::pain_during_ceiling},
    {"pain_after_ceiling", &ProgressionConfig::pain_after_ceiling},
    {"morning_pain_rise", &ProgressionConfig::morning_pain_rise},
    {"stiffness_rise_minutes", &ProgressionConfig::stiffness_rise_minutes},
    {"baseline_mornings", &ProgressionConfig::baseline_mornings},
    {"min_baseline_mornings", &ProgressionConfig::min_baseline_mornings},
    {"baseline_lookback_days", &ProgressionConfig::baseline_lookback_days},
    {"good_sessions_to_step_up", &ProgressionConfig::good_sessions_to_step_up},
    {"min_days_between_step_ups", &ProgressionConfig::min_days_between_step_ups},
    {"weekly_days", &ProgressionConfig::weekly_days},
    {"weekly_pain_rise_tenths", &ProgressionConfig::weekly_pain_rise_tenths},
    {"weekly_stiffness_rise_minutes", &ProgressionConfig::weekly_stiffness_rise_minutes},
    {"weekly_min_mornings", &ProgressionConfig::weekly_min_mornings},
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
  constexpr std::int64_t kAny = std::numeric_limits<int>::max();
  for (const Key& k : kKeys) {
    // The ranges, some of which depend on other keys, are checked together below.
    if (const auto v = table->integer(k.name, -kAny, kAny, TableReader::Need::optional)) {
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
