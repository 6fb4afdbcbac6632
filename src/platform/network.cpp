#include "platform/network.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace daybreak {
namespace {

bool is_private(std::uint32_t host_order) {
  const auto in = [&](std::uint32_t net, int bits) { return (host_order >> (32 - bits)) == (net >> (32 - bits)); };
  return in(0x0A000000U, 8) || in(0xAC100000U, 12) || in(0xC0A80000U, 16);
}

}  // namespace

std::optional<std::string> home_network_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return std::nullopt;
  const std::unique_ptr<ifaddrs, decltype(&freeifaddrs)> owned(list, freeifaddrs);
  std::optional<std::string> fallback;
  for (const ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    if ((a->ifa_flags & IFF_UP) == 0 || (a->ifa_flags & IFF_LOOPBACK) != 0) continue;
    in_addr address{};
    std::memcpy(&address, &reinterpret_cast<const sockaddr_in*>(a->ifa_addr)->sin_addr, sizeof address);
    const std::uint32_t host_order = ntohl(address.s_addr);
    if ((host_order >> 24) == 127 || (host_order >> 16) == 0xA9FE) continue;  // loopback, link-local
    std::array<char, INET_ADDRSTRLEN> text{};
    if (inet_ntop(AF_INET, &address, text.data(), text.size()) == nullptr) continue;
    if (is_private(host_order)) return std::string(text.data());
    if (!fallback) fallback = std::string(text.data());
  }
  return fallback;
}

}  // namespace daybreak
