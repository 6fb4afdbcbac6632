// A device the person paired with daybreak (their phone), so it may reach
// `daybreak serve` over the home network. The device keeps a long-lived token;
// daybreak keeps only the token's SHA-256, so a copy of the data file never
// lets anyone in.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

using DeviceId = Id<struct DeviceTag>;

inline constexpr std::size_t kMaxDeviceName = 60;

struct Device {
  DeviceId id;
  UserId user;
  std::string name;
  Instant created_at;
  std::optional<Instant> last_seen_at;
  std::optional<Instant> revoked_at;  // set: the token no longer opens anything

  [[nodiscard]] bool revoked() const { return revoked_at.has_value(); }
};

}  // namespace daybreak
