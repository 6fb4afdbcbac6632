// This computer's address on the home network, for a paired phone to reach.
#pragma once

#include <optional>
#include <string>

namespace daybreak {

// The first IPv4 address of an interface that is up and not loopback,
// preferring private ranges (10/8, 172.16/12, 192.168/16); nullopt if none.
[[nodiscard]] std::optional<std::string> home_network_address();

}  // namespace daybreak
