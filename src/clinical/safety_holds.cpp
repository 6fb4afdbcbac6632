#include "clinical/safety_holds.hpp"

#include <algorithm>

namespace daybreak {

std::vector<SafetyHold> safety_holds(std::span<const ScreeningEvent> events) {
  std::vector<ScreeningEvent> ordered(events.begin(), events.end());
  std::stable_sort(ordered.begin(), ordered.end(), [](const ScreeningEvent& a, const ScreeningEvent& b) {
    return std::tie(a.at, a.id) < std::tie(b.at, b.id);
  });
  std::vector<SafetyHold> holds;
  // One replay, read after each event: safety_state() of every prefix would
  // replay the whole history again for each event (quadratic in them).
  SafetyReplay replay;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    // The state after this event, as the gate saw it until the next one.
    replay.apply(ordered[i]);
    const SafetyStatus status = !replay.emergency().empty() ? SafetyStatus::locked
                                : !replay.urgent().empty()  ? SafetyStatus::paused
                                                            : SafetyStatus::ok;
    SafetyHold* open = holds.empty() || holds.back().to ? nullptr : &holds.back();
    if (open && open->status == status) continue;
    if (open) open->to = ordered[i].at;
    if (status != SafetyStatus::ok) holds.push_back({status, ordered[i].at, std::nullopt});
  }
  return holds;
}

}  // namespace daybreak
