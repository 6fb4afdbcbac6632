// A whole number on the command line (an entry's number, a port, a count of
// days): anything else is refused naming the value and what is allowed, the
// way a diary field is ("--port: '70000' is not allowed; allowed: a whole
// number from 0 to 65535"), never CLI11's own wording.
#pragma once

#include <cstdint>
#include <optional>

#include <CLI/Validators.hpp>

namespace daybreak {

// From `lo`, and up to `hi` when given.
[[nodiscard]] CLI::Validator whole_number(std::int64_t lo, std::optional<std::int64_t> hi = std::nullopt);

}  // namespace daybreak
