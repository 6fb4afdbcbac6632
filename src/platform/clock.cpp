#include "platform/clock.hpp"

namespace daybreak {

Instant SystemClock::now() const { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace daybreak
