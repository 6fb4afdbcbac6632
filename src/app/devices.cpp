#include "app/devices.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "domain/text.hpp"
#include "platform/secrets.hpp"

namespace daybreak {
namespace {

// Crockford's base 32: no I, L, O or U, so nothing reads as another letter.
constexpr std::string_view kCodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t kCodeLetters = 8;
constexpr std::size_t kTokenBytes = 32;

}  // namespace

std::string normalize_pairing_code(std::string_view typed) {
  std::string out;
  for (const char raw : typed) {
    if (raw == '-' || raw == ' ') continue;
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    out += c;
  }
  return out;
}

PairingCode PairingDesk::open(Instant now) {
  const std::string letters = random_text(kCodeLetters, kCodeAlphabet);
  const Instant expires = now + kPairingCodeLifetime;
  const std::scoped_lock lock(mutex_);
  open_ = Open{letters, expires};
  return {fmt::format("{}-{}", letters.substr(0, 4), letters.substr(4)), expires};
}

PairingAttempt PairingDesk::redeem(std::string_view typed, Instant now) {
  const std::string letters = normalize_pairing_code(typed);
  const std::scoped_lock lock(mutex_);
  if (!open_) return {PairingVerdict::none, 0};
  if (now >= open_->expires_at) {
    open_.reset();
    return {PairingVerdict::expired, 0};
  }
  if (same_secret(letters, open_->letters)) {
    open_.reset();  // single use
    return {PairingVerdict::accepted, 0};
  }
  if (--open_->attempts_left <= 0) {
    open_.reset();
    return {PairingVerdict::exhausted, 0};
  }
  return {PairingVerdict::wrong, open_->attempts_left};
}

std::optional<AppError> check_device_name(std::string_view name) {
  const std::string_view trimmed = trim(name);
  const auto length = utf8_length(trimmed);
  if (!length || *length < 1 || *length > kMaxDeviceName || has_control_chars(trimmed)) {
    return invalid("The device's name is not allowed",
                   {{"name", std::string(name),
                     fmt::format("a name of 1 to {} characters, such as \"Anna's phone\"", kMaxDeviceName)}});
  }
  return std::nullopt;
}

AppResult<PairedDevice> add_paired_device(Store& store, UserId user, std::string_view name, Instant now) {
  if (auto bad = check_device_name(name)) return fail(std::move(*bad));
  std::string token = random_hex(kTokenBytes);
  auto tx = store.write();
  Device device = tx->add_device(user, std::string(trim(name)), sha256_hex(token), now);
  tx->commit();
  return PairedDevice{std::move(device), std::move(token)};
}

std::optional<Device> device_for_token(Store& store, std::string_view token, Instant now) {
  if (token.size() != 2 * kTokenBytes) return std::nullopt;
  auto device = store.read()->find_device_by_token(sha256_hex(token));
  if (!device || device->revoked()) return std::nullopt;
  if (!device->last_seen_at || now - *device->last_seen_at >= kDeviceSeenEvery) {
    auto tx = store.write();
    tx->touch_device(device->user, device->id, now);
    tx->commit();
    device->last_seen_at = now;
  }
  return device;
}

std::vector<Device> list_devices(Store& store, UserId user) { return store.read()->devices(user); }

AppResult<Device> revoke_device(Store& store, UserId user, DeviceId id, Instant now) {
  auto tx = store.write();
  const auto devices = tx->devices(user);
  const auto it = std::find_if(devices.begin(), devices.end(), [&](const Device& d) { return d.id == id; });
  if (it == devices.end()) return fail(not_found(fmt::format("You have no paired device {}", id.value)));
  tx->revoke_device(user, id, now);
  tx->commit();
  Device revoked = *it;
  if (!revoked.revoked_at) revoked.revoked_at = now;
  return revoked;
}

}  // namespace daybreak
