#include "cli/hint_command.hpp"

#include <fmt/format.h>

namespace daybreak {
namespace {

std::string arg_or(const Hint& hint, std::string_view key, std::string_view otherwise) {
  return std::string(hint.arg(key).value_or(otherwise));
}

}  // namespace

std::string command_for(const Hint& hint) {
  switch (hint.action) {
    case HintAction::safety_check:
      return "daybreak screen";
    case HintAction::leg_check:
      return "daybreak screen legs";
    case HintAction::flare_session:
      return "daybreak session flare";
    case HintAction::add_sleep_item:
      return fmt::format("daybreak item add {} NAME", arg_or(hint, "kind", "mattress|pillow"));
    case HintAction::content_check:
      return "daybreak content check";
    case HintAction::list_exercises:
      return "daybreak exercise list";
    case HintAction::progress_status:
      return "daybreak progress";
    case HintAction::progress_confirm:
      return "daybreak progress confirm";
    case HintAction::new_experiment: {
      const auto a = hint.arg("a");
      const auto b = hint.arg("b");
      if (a && b) return fmt::format("daybreak experiment new --a \"{}\" --b \"{}\"", *a, *b);
      return "daybreak experiment new --a ... --b ...";
    }
    case HintAction::stop_experiment:
      return fmt::format("daybreak experiment stop {}", arg_or(hint, "id", "ID"));
    case HintAction::show_questionnaire:
      return fmt::format("daybreak questionnaire show {}", arg_or(hint, "id", "ID"));
    case HintAction::set_axspa:
      return "daybreak setup --axspa yes";
  }
  return "daybreak --help";
}

}  // namespace daybreak
