#include "app/profile.hpp"

#include <fmt/format.h>

#include "app/reminders.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

constexpr std::size_t kMaxNameLength = 60;

bool valid_name(const std::string& name) {
  const auto length = utf8_length(name);
  return length && *length >= 1 && *length <= kMaxNameLength && !has_control_chars(name);
}

}  // namespace

AppResult<User> find_profile(const Store& store, UserId user) {
  auto found = store.read()->find_user(user);
  if (!found) return fail(not_found(fmt::format("there is no user {}", user.value)));
  return std::move(*found);
}

AppResult<User> update_profile(Store& store, Instant now, UserId user, const ProfileChange& change,
                               const ZoneExists& zone_exists) {
  FieldErrors errors;
  if (change.time_zone && !zone_exists(*change.time_zone)) {
    errors.push_back(
        {"time_zone", *change.time_zone, "an IANA time zone installed here, such as Europe/Oslo or America/New_York"});
  }
  if (change.name && !valid_name(*change.name)) {
    errors.push_back({"name", *change.name, fmt::format("1 to {} characters", kMaxNameLength)});
  }
  if (!errors.empty()) return fail(invalid("the profile was not changed", std::move(errors)));
  if (change.empty()) return find_profile(store, user);

  auto tx = store.write();
  auto found = tx->find_user(user);
  if (!found) return fail(not_found(fmt::format("there is no user {}", user.value)));
  if (change.time_zone && *change.time_zone != found->time_zone) {
    found->time_zone = *change.time_zone;
    reminders_follow_zone(*tx, user, now);
  }
  if (change.name) found->name = *change.name;
  tx->update_user(*found);
  tx->commit();
  return std::move(*found);
}

}  // namespace daybreak
