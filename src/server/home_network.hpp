// daybreak on the home network: where a paired phone reaches `daybreak serve`,
// and the pairing desk that lets a new one in. Owned by the serve command,
// shared by every request's thread.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "app/devices.hpp"

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

 private:
  mutable std::mutex mutex_;
  Opener opener_;
  std::optional<std::string> host_;
  PairingDesk desk_;
};

}  // namespace daybreak
