#include "cli/text_layout.hpp"

#include "domain/text.hpp"

namespace daybreak {
namespace {

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::size_t visible_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b && i + 1 < text.size() && text[i + 1] == '[') {
      i += 2;
      while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7e)) ++i;
      continue;
    }
    if (!continuation(c)) ++width;
  }
  return width;
}

std::string fit(std::string_view text, std::size_t width) { return shorten(text, width); }

std::string pad(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t w = visible_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (const auto word : split_list(text, " \n")) {
    if (!line.empty() && visible_width(line) + 1 + visible_width(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += fit(word, width);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string wrap_indented(std::string_view text, std::size_t width, std::string_view indent,
                          std::string_view first_indent) {
  const std::string_view first = first_indent.empty() ? indent : first_indent;
  std::string out;
  const auto lines = wrap(text, width - indent.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += std::string(i == 0 ? first : indent) + lines[i] + "\n";
  }
  return out;
}

}  // namespace daybreak
