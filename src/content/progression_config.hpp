// Reads the progression rule's numbers from `config.toml` in the data
// directory: a [progression] table whose keys are ProgressionConfig's
// (progression/config.hpp). Keys left out keep their sourced defaults; every
// bad key or value is an error naming file, line, key and what is allowed.
// Other tables of the file belong to other capabilities and are left to them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "content/toml_reader.hpp"
#include "progression/config.hpp"

namespace daybreak {

inline constexpr std::string_view kConfigFileName = "config.toml";

[[nodiscard]] Result<ProgressionConfig, ContentErrors> parse_progression_config(std::string_view text,
                                                                                std::string file_name);
// The defaults when the file does not exist.
[[nodiscard]] Result<ProgressionConfig, ContentErrors> load_progression_config(const std::filesystem::path& data_dir);

}  // namespace daybreak
