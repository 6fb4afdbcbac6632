// Progression's part in the commands that save what it decides from:
// after a diary entry or a session is saved, the decisions that became
// decidable are made (app/progression_hook.hpp) and told on stderr.
#pragma once

#include "app/progression_hook.hpp"
#include "cli/command.hpp"

namespace daybreak {

// The rule's numbers: config.toml in the data directory, else the defaults.
[[nodiscard]] AppResult<ProgressionConfig> progression_config(const CommandContext& ctx);
[[nodiscard]] ProgressionContext progression_context(const CommandContext& ctx, const ContentLibrary& library,
                                                     const ProgressionConfig& config);

// Makes what is decidable now. `library` is the content the command already
// loaded, if any; otherwise the content ($DAYBREAK_CONTENT or built-in) is
// loaded only when something is due. Problems are told, never fatal: what the
// command saved stays saved and the decision is made next time.
void decide_after_saving(CommandContext& ctx, const ContentLibrary* library = nullptr);

// "Progression, morning routine:" and the sentence below it, for each decision.
void print_decisions_made(std::ostream& out, const std::vector<DecisionRecord>& made);

}  // namespace daybreak
