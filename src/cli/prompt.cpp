#include "cli/prompt.hpp"

#include <istream>
#include <ostream>

#include "domain/text.hpp"

namespace daybreak {

namespace {

// Reads one answer. Off a terminal the answer is not echoed by anyone, so we
// echo it, keeping the transcript on stderr readable.
bool read_answer(Io& io, std::string& answer) {
  if (!std::getline(io.in, answer)) {
    if (!io.interactive) io.err << "\n";
    return false;
  }
  if (!io.interactive) io.err << answer << "\n";
  return true;
}

}  // namespace

bool confirm(Io& io, std::string_view question) {
  io.err << question << " [y/N] " << std::flush;
  std::string answer;
  if (!read_answer(io, answer)) return false;
  const std::string a = to_lower_ascii(trim(answer));
  return a == "y" || a == "yes";
}

std::optional<std::string> ask_valid(Io& io, std::string_view question,
                                     const std::function<std::optional<std::string>(const std::string&)>& problem) {
  for (;;) {
    io.err << question << ": " << std::flush;
    std::string line;
    if (!read_answer(io, line)) return std::nullopt;
    std::string answer(trim(line));
    const auto complaint = problem(answer);
    if (!complaint) return answer;
    io.err << "  " << *complaint << "\n";
  }
}

}  // namespace daybreak
