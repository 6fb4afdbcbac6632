// Where daybreak keeps its data.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace daybreak {

// The data directory: --data-dir, else $DAYBREAK_HOME, else $XDG_DATA_HOME/daybreak,
// else $HOME/.local/share/daybreak. Empty values count as unset.
[[nodiscard]] std::filesystem::path resolve_data_dir(const std::optional<std::string>& flag, const char* daybreak_home,
                                                     const char* xdg_data_home, const char* home);

// Creates `dir` (and parents) readable by its owner only. Throws std::filesystem::filesystem_error.
void ensure_private_dir(const std::filesystem::path& dir);

// Writes `bytes` to `path`, readable by its owner only, through `path.partial`
// synced and renamed into place, so an interrupted write never leaves half a
// file. Whatever sits at `path.partial` (a stale file, a symlink planted
// there) is removed, never followed. Throws std::filesystem::filesystem_error.
void write_private_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace daybreak
