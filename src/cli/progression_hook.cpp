#include "cli/progression_hook.hpp"

#include <cstdlib>
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/hint_command.hpp"
#include "cli/text_layout.hpp"
#include "content/library_loader.hpp"

namespace daybreak {

AppResult<ProgressionConfig> progression_config(const CommandContext& ctx) { return progression_config(ctx.data_dir); }

ProgressionContext progression_context(const CommandContext& ctx, const ContentLibrary& library,
                                       const ProgressionConfig& config) {
  return progression_context(ctx.store, ctx.user.id, library, config, ctx.zone, ctx.now());
}

void print_decisions_made(std::ostream& out, const std::vector<DecisionRecord>& made) {
  for (const DecisionRecord& d : made) {
    out << (d.routine ? fmt::format("Progression, {} routine:\n", name_of(*d.routine)) : "Progression:\n")
        << wrap_indented(d.sentence, 80, "  ");
    if (const auto next = next_step(d)) out << "  next: " << command_for(*next) << "\n";
  }
}

void decide_after_saving(CommandContext& ctx, const ContentLibrary* library) {
  const auto config = progression_config(ctx);
  if (!config) {
    report(ctx.io, config.error());
    return;
  }
  std::optional<ContentLibrary> loaded;
  const auto content = [&]() -> const ContentLibrary* {
    if (library != nullptr) return library;
    const char* dir = std::getenv("DAYBREAK_CONTENT");
    auto found = dir != nullptr && *dir != '\0' ? load_content_dir(dir) : load_builtin_content();
    if (!found) return nullptr;
    loaded = std::move(found).value();
    return &*loaded;
  };
  const auto made = decide_after_saving(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, *config, content);
  if (!made) {
    report(ctx.io, made.error());
    return;
  }
  print_decisions_made(ctx.io.err, *made);
}

}  // namespace daybreak
