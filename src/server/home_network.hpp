// daybreak on the home network: where a paired phone reaches `daybreak serve`,
// and the pairing desk that lets a new one in. Owned by the serve command,
// shared by every request's thread.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/devices.hpp"
#include "store/store.hpp"

namespace daybreak {

// The name of the cookie that carries a paired device's token.
inline constexpr std::string_view kDeviceCookie = "daybreak_device";

class HomeNetwork {
 public:
  // Starts listening on the home network and returns where: "192.168.1.20:8765".
  // Throws std::exception with a sentence for the person when it cannot.
  using Opener = std::function<std::string()>;

  HomeNetwork() = default;  // cannot open: the server listens on this computer only
  explicit HomeNetwork(Opener opener) : opener_(std::move(opener)) {}

  // Where the home network reaches daybreak, once open.
  [[nodiscard]] std::optional<std::string> host() const {
    const std::scoped_lock lock(mutex_);
    return host_;
  }
  // Opens (the first time) and returns host(); throws as the Opener does.
  std::string open() {
    const std::scoped_lock lock(mutex_);
    if (!host_) {
      if (!opener_) throw std::runtime_error("this daybreak listens on this computer only");
      host_ = opener_();
    }
    return *host_;
  }
  [[nodiscard]] PairingDesk& desk() { return desk_; }

  // Tokens checked against the store at a version, so that a phone's requests
  // do not each read the store: any write (a revocation among them) moves the
  // version and the next request checks again.
  [[nodiscard]] std::optional<Device> known(std::string_view token, StoreVersion version) const {
    const std::scoped_lock lock(mutex_);
    for (const auto& k : known_) {
      if (k.version == version && k.token == token) return k.device;
    }
    return std::nullopt;
  }
  void remember(std::string_view token, const Device& device, StoreVersion version) {
    const std::scoped_lock lock(mutex_);
    std::erase_if(known_, [&](const Known& k) { return k.token == token || k.version != version; });
    if (known_.size() < kKnownTokens) known_.push_back({std::string(token), device, version});
  }

 private:
  struct Known {
    std::string token;
    Device device;
    StoreVersion version;
  };
  static constexpr std::size_t kKnownTokens = 16;
  std::vector<Known> known_;
  mutable std::mutex mutex_;
  Opener opener_;
  std::optional<std::string> host_;
  PairingDesk desk_;
};

}  // namespace daybreak
