// Pairing a phone with daybreak on the home network: single-use pairing codes
// that expire in minutes, and long-lived device tokens the person can revoke.
// The interfaces decide where a code is shown (the terminal of `serve --pair`,
// More on the computer) and how a token travels (a cookie).
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "domain/device.hpp"
#include "store/store.hpp"

namespace daybreak {

inline constexpr std::chrono::minutes kPairingCodeLifetime{5};
inline constexpr int kPairingAttempts = 5;                   // wrong codes typed before the open code is voided
inline constexpr std::chrono::minutes kDeviceSeenEvery{15};  // how often "last seen" is written

struct PairingCode {
  std::string code;  // "K7QM-2XHD": 8 letters of Crockford's base 32, about 40 bits
  Instant expires_at;
};

enum class PairingVerdict {
  accepted,   // the code was right: it is used up now
  wrong,      // not the open code; attempts_left more may be tried
  expired,    // the open code's minutes ran out
  exhausted,  // too many wrong codes: the open code was voided
  none,       // no code is open (never opened, already used)
};

struct PairingAttempt {
  PairingVerdict verdict = PairingVerdict::none;
  int attempts_left = 0;
};

// The one pairing code open at a time, in memory only: a restart closes it.
// Shared by the server's threads.
class PairingDesk {
 public:
  // Opens a new code, replacing any open one.
  [[nodiscard]] PairingCode open(Instant now);
  // Checks a code typed on the device (case, spaces, dashes and the letters
  // O, I and L read as 0, 1 and 1 are forgiven). A right code is used up.
  [[nodiscard]] PairingAttempt redeem(std::string_view typed, Instant now);

 private:
  struct Open {
    std::string letters;  // without the dash
    Instant expires_at;
    int attempts_left = kPairingAttempts;
  };
  std::mutex mutex_;
  std::optional<Open> open_;
};

// "K7QM2XHD" from what a person typed: "k7qm-2xhd", "K7QM 2XHD", "K7QM-2XH0"...
[[nodiscard]] std::string normalize_pairing_code(std::string_view typed);

struct PairedDevice {
  Device device;
  std::string token;  // given to the device once; only its SHA-256 is stored
};

// Stores a new device for `user` after its code was accepted. The name is the
// person's words for it ("Anna's phone"): 1 to 60 characters, no control characters.
[[nodiscard]] AppResult<PairedDevice> add_paired_device(Store& store, UserId user, std::string_view name, Instant now);
// Checks a field before a code is spent on it.
[[nodiscard]] std::optional<AppError> check_device_name(std::string_view name);

// The live device holding `token`, or nullopt (unknown or revoked). Notes the
// time it was seen when the last note is older than a quarter of an hour, so a
// busy phone does not turn every read into a write.
[[nodiscard]] std::optional<Device> device_for_token(Store& store, std::string_view token, Instant now);

[[nodiscard]] std::vector<Device> list_devices(Store& store, UserId user);
[[nodiscard]] AppResult<Device> revoke_device(Store& store, UserId user, DeviceId id, Instant now);

}  // namespace daybreak
