// What a person can do next about a refusal or a finding, as an action and its
// arguments, not as words of one interface: the command line shows it as a
// command (`daybreak screen`), the web app as a button (Safety check). The
// core's messages say why; the hint says where to go.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/choices.hpp"

namespace daybreak {

enum class HintAction : std::uint8_t {
  safety_check,        // the warning-sign questions
  leg_check,           // the leg questions after leg symptoms
  flare_session,       // the flare-day routine
  add_sleep_item,      // kind: mattress or pillow
  content_check,       // why the exercise content cannot be loaded
  list_exercises,      // the exercise library
  progress_status,     // where the program stands and what is left
  progress_confirm,    // confirm the stage change that is waiting
  new_experiment,      // a: first condition, b: second (both optional)
  stop_experiment,     // id
  show_questionnaire,  // id
  set_axspa,           // say that a doctor diagnosed axial spondyloarthritis
};

template <>
struct Vocabulary<HintAction> {
  static constexpr std::string_view kind = "hint";
  static constexpr std::array<std::string_view, 12> names = {"safety_check",    "leg_check",          "flare_session",
                                                             "add_sleep_item",  "content_check",      "list_exercises",
                                                             "progress_status", "progress_confirm",   "new_experiment",
                                                             "stop_experiment", "show_questionnaire", "set_axspa"};
};

struct Hint {
  using Args = std::vector<std::pair<std::string, std::string>>;
  Hint(HintAction a, Args arguments = {}) : action(a), args(std::move(arguments)) {}  // NOLINT: {action} reads well

  HintAction action;
  Args args;  // in the order an interface shows them

  [[nodiscard]] std::optional<std::string_view> arg(std::string_view key) const {
    for (const auto& [k, v] : args) {
      if (k == key) return v;
    }
    return std::nullopt;
  }
  bool operator==(const Hint&) const = default;
};

// {"action": "stop_experiment", "args": {"id": "3"}}: the shape of `hint` in
// the HTTP API's problems and findings (docs/openapi.yaml).
[[nodiscard]] nlohmann::ordered_json hint_to_json(const Hint& hint);

}  // namespace daybreak
