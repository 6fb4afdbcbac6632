// A hint as the command line words it: the command that does the next step.
#pragma once

#include <string>

#include "domain/hint.hpp"

namespace daybreak {

// "daybreak screen", "daybreak experiment stop 3", ...
[[nodiscard]] std::string command_for(const Hint& hint);

}  // namespace daybreak
