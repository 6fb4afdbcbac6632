// Paired devices in the store's SQL transaction: the person's phone and the SHA-256
// of its token. The token itself is never stored.
#include <fmt/format.h>

#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

constexpr std::string_view kDeviceColumns = "id, user_id, name, created_at, last_seen_at, revoked_at";

Device device_of(const Statement& s) {
  Device d;
  d.id = DeviceId{s.integer(0)};
  d.user = UserId{s.integer(1)};
  d.name = s.text(2);
  d.created_at = instant_of(s.integer(3));
  if (const auto seen = s.optional_integer(4)) d.last_seen_at = instant_of(*seen);
  if (const auto revoked = s.optional_integer(5)) d.revoked_at = instant_of(*revoked);
  return d;
}

}  // namespace

std::vector<Device> Transaction::devices(UserId user) {
  db_.set_operation("reading paired devices");
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM devices WHERE user_id = ?1 ORDER BY id", kDeviceColumns));
  s.bind(1, user.value);
  std::vector<Device> out;
  while (s.step()) out.push_back(device_of(s));
  return out;
}

std::optional<Device> Transaction::find_device_by_token(std::string_view token_sha256) {
  db_.set_operation("checking a device's token");
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM devices WHERE token_sha256 = ?1", kDeviceColumns));
  s.bind(1, token_sha256);
  if (!s.step()) return std::nullopt;
  Device d = device_of(s);
  s.reset();
  return d;
}

Device Transaction::add_device(UserId user, const std::string& name, std::string_view token_sha256, Instant at) {
  db_.set_operation("pairing a device");
  const std::int64_t new_id =
      db_.prepare("INSERT INTO devices (user_id, name, token_sha256, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id")
          .bind(1, user.value)
          .bind(2, name)
          .bind(3, token_sha256)
          .bind(4, seconds_of(at))
          .insert();
  return Device{DeviceId{new_id}, user, name, at, std::nullopt, std::nullopt};
}

void Transaction::revoke_device(UserId user, DeviceId id, Instant at) {
  db_.set_operation(fmt::format("revoking device {}", id.value));
  // The first revocation's time stays.
  set_device_time(user, id, "UPDATE devices SET revoked_at = coalesce(revoked_at, ?3) WHERE user_id = ?1 AND id = ?2",
                  at);
}

void Transaction::touch_device(UserId user, DeviceId id, Instant at) {
  db_.set_operation(fmt::format("noting when device {} was last seen", id.value));
  set_device_time(user, id, "UPDATE devices SET last_seen_at = ?3 WHERE user_id = ?1 AND id = ?2", at);
}

void Transaction::set_device_time(UserId user, DeviceId id, std::string_view update, Instant at) {
  db_.prepare(update).bind(1, user.value).bind(2, id.value).bind(3, seconds_of(at)).run();
  if (db_.changes() == 0) not_found(fmt::format("device {}", id.value));
}

}  // namespace daybreak::sql
