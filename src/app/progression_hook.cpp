#include "app/progression_hook.hpp"

#include <fmt/format.h>

#include "app/progression_safety.hpp"
#include "content/progression_config.hpp"
#include "store/store_error.hpp"

namespace daybreak {

AppResult<ProgressionConfig> progression_config(const std::filesystem::path& data_dir) {
  auto loaded = load_progression_config(data_dir);
  if (loaded) return std::move(loaded).value();
  AppError error = invalid(
      fmt::format("{} has a problem; the progression rule was not changed", (data_dir / kConfigFileName).string()));
  for (const auto& p : loaded.error()) error.details.push_back(p.text());
  return fail(std::move(error));
}

ProgressionContext progression_context(const Store& store, UserId user, const ContentLibrary& library,
                                       const ProgressionConfig& config, const TimeZone& zone, Instant now) {
  return {library, config, zone, progression_safety(store, user, now, zone)};
}

AppResult<std::vector<DecisionRecord>> decide_after_saving(Store& store, const WriteMeta& meta, UserId user,
                                                           const TimeZone& zone, const ProgressionConfig& config,
                                                           const ContentSource& content) {
  try {
    if (!progression_due(store, user, config, zone, meta.at)) return std::vector<DecisionRecord>{};
    const ContentLibrary* library = content();
    if (library == nullptr) {
      return fail(
          with_hint(invalid("the content cannot be loaded, so progression waits"), {HintAction::content_check}));
    }
    return decide_progression(store, meta, user, progression_context(store, user, *library, config, zone, meta.at));
  } catch (const StoreError& e) {
    // The save before this was committed on its own; the decision is made next time.
    return fail(storage_error(fmt::format("progression waits: {}", e.what())));
  }
}

}  // namespace daybreak
