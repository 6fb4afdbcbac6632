// The `serve` command that daybreak-serve runs.
#pragma once

#include <memory>

#include "cli/command.hpp"

namespace daybreak {

[[nodiscard]] std::unique_ptr<Command> serve_command();

}  // namespace daybreak
