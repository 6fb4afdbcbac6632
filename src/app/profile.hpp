// The person's profile: what daybreak calls them and the time zone their
// diary days follow. Shared by the CLI and the HTTP API.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "store/store.hpp"

namespace daybreak {

struct ProfileChange {
  std::optional<std::string> name;
  std::optional<std::string> time_zone;
  [[nodiscard]] bool empty() const { return !name && !time_zone; }
};

// Whether a time zone name is installed here (the caller knows how to ask).
using ZoneExists = std::function<bool(std::string_view)>;

[[nodiscard]] AppResult<User> find_profile(const Store& store, UserId user);
// Checks every value (errors name the fields "name" and "time_zone"), then
// writes them in one transaction. An empty change returns the profile as it is.
// A new time zone moves the reminders with it (reminders_follow_zone).
[[nodiscard]] AppResult<User> update_profile(Store& store, Instant now, UserId user, const ProfileChange& change,
                                             const ZoneExists& zone_exists);

}  // namespace daybreak
