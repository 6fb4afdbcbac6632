#include "server/api_context.hpp"

#include <fmt/format.h>

#include "app/diary.hpp"
#include "platform/zones.hpp"
#include "server/responses.hpp"

namespace daybreak {

namespace {

User local_user(const Store& store) {
  auto user = store.read()->find_user(kLocalUser);
  if (!user) throw StoreError(StoreError::Kind::not_found, "the local person's profile is missing");
  return std::move(*user);
}

}  // namespace

User ApiContext::user(const http::Request& request) const { return person(request, store_.version()); }

Caller ApiContext::caller(const http::Request& request) const {
  const StoreVersion version = store_.version();
  User u = person(request, version);
  const TimeZone& z = zone(u.time_zone);
  const UserId actor = request.actor != 0 ? UserId{request.actor} : u.id;
  return Caller{std::move(u), z, clock_.now(), version, actor};
}

User ApiContext::person(const http::Request& request, StoreVersion version) const {
  if (request.subject != 0) {
    {
      const std::lock_guard lock(people_mutex_);
      if (const auto it = people_.find(request.subject); it != people_.end() && it->second.first == version) {
        return it->second.second;
      }
    }
    auto user = store_.read()->find_user(UserId{request.subject});
    if (!user) throw StoreError(StoreError::Kind::not_found, "that person's profile is missing");
    const std::lock_guard lock(people_mutex_);
    if (people_.size() > 4096) people_.clear();  // bounded
    people_.insert_or_assign(request.subject, std::pair{version, *user});
    return std::move(*user);
  }
  return local_user_.get(version, [this] { return local_user(store_); });
}

bool ApiContext::accounts_on() const {
  return accounts_on_.get(store_.version(), [this] { return store_.read()->has_accounts(); });
}

std::optional<Session> ApiContext::session(const http::Request& request) const {
  const std::string_view token = request.cookie(kSessionCookie);
  if (token.empty()) return std::nullopt;
  const StoreVersion version = store_.version();
  const Instant now = clock_.now();
  {
    const std::lock_guard lock(sessions_mutex_);
    if (const auto it = sessions_.find(token); it != sessions_.end() && it->second.first == version) {
      const SignIn& si = it->second.second.sign_in;
      // Kept only while nothing is due: no note of its use, no expiry.
      if (now - si.last_seen_at < kSignInSeenEvery && now < si.expires_at) return it->second.second;
    }
  }
  auto found = session_for_token(store_, token, now);
  const std::lock_guard lock(sessions_mutex_);
  if (!found) {
    sessions_.erase(std::string(token));
    return std::nullopt;
  }
  if (sessions_.size() > 4096) sessions_.clear();  // bounded: a busy clinic reads them again
  sessions_.insert_or_assign(std::string(token), std::pair{store_.version(), *found});
  return found;
}

void ApiContext::forget_sessions() const {
  const std::lock_guard lock(sessions_mutex_);
  sessions_.clear();
}

const TimeZone& ApiContext::zone(std::string_view name) const {
  if (const TimeZone* z = zones_.find(name)) return *z;
  // The profile names a zone this server was not started with: its diary days
  // would fall on the wrong dates, so nothing is read or written until then.
  const auto served = zones_.names();
  const std::string which = served.size() == 1 ? served.front() : "the zones installed here";
  throw http::ProblemError(http::problem(
      409, "zone-not-served", "Time zone not served",
      fmt::format("daybreak serve keeps diary days in {}, the time zone it started with, but the profile now says "
                  "'{}'. Stop daybreak serve and start it again to use {}.",
                  which, name, name),
      http::Json{{"time_zone", name}, {"served", served}}));
}

std::optional<std::string> ApiContext::zone_refusal(std::string_view name) const {
  if (zones_.find(name) != nullptr) return std::nullopt;
  const auto served = zones_.names();
  if (!is_known_zone(name) || served.size() != 1) {
    return "an IANA time zone installed here, such as Europe/Oslo or America/New_York";
  }
  return fmt::format(
      "{}, the zone daybreak serve started with; to move to another, stop it, run `daybreak profile --time-zone "
      "ZONE` and start it again",
      served.front());
}

}  // namespace daybreak
