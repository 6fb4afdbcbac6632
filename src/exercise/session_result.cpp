#include "exercise/session_result.hpp"

namespace daybreak {

char outcome_letter(StepOutcome o) {
  switch (o) {
    case StepOutcome::done:
      return 'd';
    case StepOutcome::skipped:
      return 's';
    case StepOutcome::not_reached:
      return '-';
  }
  return '-';
}

std::optional<StepOutcome> outcome_from_letter(char c) {
  switch (c) {
    case 'd':
      return StepOutcome::done;
    case 's':
      return StepOutcome::skipped;
    case '-':
      return StepOutcome::not_reached;
    default:
      return std::nullopt;
  }
}

std::string outcome_letters(const std::vector<StepOutcome>& outcomes) {
  std::string out;
  out.reserve(outcomes.size());
  for (const auto o : outcomes) out += outcome_letter(o);
  return out;
}

std::optional<std::vector<StepOutcome>> outcomes_from_letters(std::string_view letters) {
  std::vector<StepOutcome> out;
  out.reserve(letters.size());
  for (const char c : letters) {
    const auto o = outcome_from_letter(c);
    if (!o) return std::nullopt;
    out.push_back(*o);
  }
  return out;
}

}  // namespace daybreak
