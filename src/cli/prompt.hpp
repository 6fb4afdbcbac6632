// Asking the person a question on the terminal: prompts go to stderr, answers come from stdin.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cli/command.hpp"

namespace daybreak {

// Asks a yes/no question; anything but y or yes (or end of input) means no.
[[nodiscard]] bool confirm(Io& io, std::string_view question);

// Asks until `problem` accepts the answer (returns nullopt); shows its complaint
// otherwise. Returns the trimmed answer, or nullopt at end of input.
[[nodiscard]] std::optional<std::string> ask_valid(
    Io& io, std::string_view question, const std::function<std::optional<std::string>(const std::string&)>& problem);

}  // namespace daybreak
