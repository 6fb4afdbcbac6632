// Clocks: the real one, and a fixed one for tests and demos (DAYBREAK_FAKE_NOW).
#pragma once

#include "domain/time.hpp"

namespace daybreak {

class SystemClock final : public Clock {
 public:
  [[nodiscard]] Instant now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Instant t) : now_(t) {}
  [[nodiscard]] Instant now() const override { return now_; }
  void set(Instant t) { now_ = t; }
  void advance(std::chrono::seconds d) { now_ += d; }

 private:
  Instant now_;
};

}  // namespace daybreak
