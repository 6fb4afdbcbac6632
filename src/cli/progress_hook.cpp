#include "cli/progress_hook.hpp"

#include <cstdlib>
#include <ostream>

#include <fmt/format.h>

#include "app/progression_safety.hpp"
#include "cli/text_layout.hpp"
#include "content/library_loader.hpp"
#include "content/progression_config.hpp"

namespace daybreak {

AppResult<ProgressionConfig> progression_config(const CommandContext& ctx) {
  auto loaded = load_progression_config(ctx.data_dir);
  if (loaded) return std::move(loaded).value();
  AppError error = invalid(
      fmt::format("{} has a problem; the progression rule was not changed", (ctx.data_dir / kConfigFileName).string()));
  for (const auto& p : loaded.error()) error.details.push_back(p.text());
  return fail(std::move(error));
}

ProgressionContext progression_context(const CommandContext& ctx, const ContentLibrary& library,
                                       const ProgressionConfig& config) {
  return {library, config, ctx.zone, progression_safety(ctx.store, ctx.user.id, ctx.now())};
}

void print_decisions_made(std::ostream& out, const std::vector<DecisionRecord>& made) {
  for (const DecisionRecord& d : made) {
    out << (d.routine ? fmt::format("Progression, {} routine:\n", name_of(*d.routine)) : "Progression:\n")
        << wrap_indented(d.sentence, 80, "  ");
  }
}

void decide_after_saving(CommandContext& ctx, const ContentLibrary* library) {
  const auto config = progression_config(ctx);
  if (!config) {
    report(ctx.io, config.error());
    return;
  }
  if (!progression_due(ctx.store, ctx.user.id, *config, ctx.zone, ctx.now())) return;
  std::optional<ContentLibrary> loaded;
  if (library == nullptr) {
    const char* dir = std::getenv("DAYBREAK_CONTENT");
    auto content = dir != nullptr && *dir != '\0' ? load_content_dir(dir) : load_builtin_content();
    if (!content) {
      ctx.io.err << "daybreak: the content cannot be loaded, so progression waits; `daybreak content check` says why\n";
      return;
    }
    loaded = std::move(content).value();
    library = &*loaded;
  }
  const auto made = decide_progression(ctx.store, ctx.meta(), ctx.user.id, progression_context(ctx, *library, *config));
  if (!made) {
    report(ctx.io, made.error());
    return;
  }
  print_decisions_made(ctx.io.err, *made);
}

}  // namespace daybreak
