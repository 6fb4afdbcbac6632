#include "app/progression_safety.hpp"

namespace daybreak {

ProgressionSafety progression_safety(const Store& /*store*/, UserId /*user*/, Instant /*now*/) {
  // After issue 5 is merged:
  //   const SafetyGate gate = safety_gate(store, user, now);
  //   return {gate.state.progression_allowed(), "an urgent or emergency flag is open"};
  return {};
}

}  // namespace daybreak
