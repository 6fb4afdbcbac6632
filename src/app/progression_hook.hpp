// Progression's part in what saves the facts it decides from, shared
// by the CLI and the HTTP API: after a diary entry or a session is saved, the
// decisions that became decidable are made, with the rule's numbers from
// config.toml and the safety capability's say. A problem there never undoes
// the save: the decision waits for the next one.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "app/progression.hpp"

namespace daybreak {

// The rule's numbers: config.toml in `data_dir`, else the defaults. A bad file
// is an error naming the file, and each problem (line, key, what is allowed).
[[nodiscard]] AppResult<ProgressionConfig> progression_config(const std::filesystem::path& data_dir);

// What a decision needs besides the store, with safety's say as of `now`.
[[nodiscard]] ProgressionContext progression_context(const Store& store, UserId user, const ContentLibrary& library,
                                                     const ProgressionConfig& config, const TimeZone& zone,
                                                     Instant now);

// The exercises and programs, asked for only when a decision is due (the CLI
// loads them then); nullptr when they cannot be had.
using ContentSource = std::function<const ContentLibrary*()>;

// After a save: makes every decision that became decidable and returns them
// (none when nothing is due; decide_progression is idempotent, so a retried
// save decides nothing twice). An error says why progression waits (the
// content cannot be loaded, the store is busy); what was saved stays saved.
[[nodiscard]] AppResult<std::vector<DecisionRecord>> decide_after_saving(Store& store, const WriteMeta& meta,
                                                                         UserId user, const TimeZone& zone,
                                                                         const ProgressionConfig& config,
                                                                         const ContentSource& content);

}  // namespace daybreak
