// The words a person sees after a safety check, shared by every interface.
// Plain language, no diagnosis, and never "no red flags means nothing serious"
// (clinical.md "Safety"; Finucane 2020: absence of red flags does not exclude
// serious disease).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "clinical/emergency_numbers.hpp"
#include "clinical/ibp.hpp"
#include "clinical/safety_state.hpp"

namespace daybreak {

struct SafetyMessage {
  std::string title;
  std::vector<std::string> lines;  // "" is a blank line
};

// Any emergency flag: emergency care now. Exercise is locked.
[[nodiscard]] SafetyMessage stop_message(std::span<const FlagReport> reports, const EmergencyContact& contact);
// Urgent flags: a doctor within 24 hours. Progression paused, gentle movement only.
[[nodiscard]] SafetyMessage urgent_message(std::span<const FlagReport> reports, const EmergencyContact& contact);
// A check with every answer no.
[[nodiscard]] SafetyMessage no_flags_message();
// A positive inflammatory back pain screen (the result must be positive). It
// does not change exercise, and says so in the words of the gate's `status`
// (never "carry on" while the program is paused).
[[nodiscard]] SafetyMessage ibp_message(const IbpResult& result, SafetyStatus status);

// "Call 112 now, or go to the nearest emergency department."
[[nodiscard]] std::string call_now(const EmergencyContact& contact);

}  // namespace daybreak
