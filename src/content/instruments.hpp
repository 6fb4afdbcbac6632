// Questionnaire definitions read from TOML (content/questionnaires/*.toml),
// the built-in set compiled into the binary, and licensed wording files that
// an installation may lay over the short labels (docs/questionnaires.md).
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "clinical/instrument.hpp"
#include "content/toml_reader.hpp"

namespace daybreak {

// Reads and checks one definition. Every problem names file, line and field.
[[nodiscard]] Result<Instrument, ContentErrors> read_instrument(const TomlDocument& document);

// The definitions shipped with daybreak, in a fixed order. Loaded once; a
// broken built-in definition is a programming error (a test loads them all).
[[nodiscard]] const std::vector<Instrument>& builtin_instruments();
[[nodiscard]] const Instrument* find_instrument(std::string_view id);

// Lays the wording of `document` (a licensed wording file) over `instrument`:
// item texts, option or statement texts, and the copyright notice. The file
// must name the instrument and version, and match its items exactly.
[[nodiscard]] Status<ContentErrors> apply_wording(Instrument& instrument, const TomlDocument& document);

}  // namespace daybreak
