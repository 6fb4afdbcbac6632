// The human view of insights and experiment reports: headings, paragraphs
// wrapped to the terminal's usual width, and aligned tables.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/insights.hpp"

namespace daybreak {

inline constexpr std::size_t kTextWidth = 78;

// `text` broken at spaces into lines of at most `width` characters (longer
// words stay whole), each starting with `indent`.
[[nodiscard]] std::string wrap(std::string_view text, std::size_t width, std::string_view indent);

void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent);
void print_sections(std::ostream& out, const std::vector<analysis::Section>& sections);

}  // namespace daybreak
