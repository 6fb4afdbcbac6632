#include "cli/sections.hpp"

#include <algorithm>
#include <ostream>

#include "cli/hint_command.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

std::size_t width_of(std::string_view s) { return utf8_length(s).value_or(s.size()); }

bool numeric_cell(std::string_view s) {
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) s.remove_prefix(1);
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

// Columns of numbers (after the first) are right-aligned; "-" and empty cells do not count.
std::vector<bool> right_aligned(const std::vector<std::vector<std::string>>& rows, std::size_t columns) {
  std::vector<bool> right(columns, false);
  for (std::size_t c = 1; c < columns; ++c) {
    bool any = false;
    bool all = true;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (c >= rows[r].size() || rows[r][c].empty() || rows[r][c] == "-") continue;
      any = true;
      all = all && numeric_cell(rows[r][c]);
    }
    right[c] = any && all;
  }
  return right;
}

}  // namespace

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
  std::string out;
  std::string line(indent);
  std::size_t line_width = width_of(indent);
  bool empty = true;
  for (const auto word : split_list(text, " ")) {
    const std::size_t w = width_of(word);
    if (!empty && line_width + 1 + w > width) {
      out += line + "\n";
      line = std::string(indent);
      line_width = width_of(indent);
      empty = true;
    }
    if (!empty) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
    empty = false;
  }
  if (!empty) out += line + "\n";
  return out;
}

void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows, std::string_view indent) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  const auto right = right_aligned(rows, widths.size());
  for (const auto& row : rows) {
    std::string line(indent);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const std::string pad(widths[i] - width_of(row[i]), ' ');
      line += right[i] ? pad + row[i] : row[i] + pad;
      if (i + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

void print_sections(std::ostream& out, const std::vector<analysis::Section>& sections) {
  for (const auto& s : sections) {
    out << "\n" << s.heading << "\n";
    bool first = true;
    bool introduces = false;  // the paragraph before ends with ':' and leads into a table
    for (const auto& b : s.blocks) {
      if (!first && !(introduces && !b.table.empty())) out << "\n";
      first = false;
      introduces = b.table.empty() && !b.text.empty() && b.text.back() == ':';
      if (b.table.empty()) {
        out << wrap(b.text, kTextWidth, "  ");
        if (b.hint) out << "  next: " << command_for(*b.hint) << "\n";
      } else {
        print_table(out, b.table, "  ");
      }
    }
  }
}

}  // namespace daybreak
