#include "server/api_context.hpp"

#include <fmt/format.h>

#include "app/diary.hpp"
#include "app/safety.hpp"
#include "app/safety_json.hpp"
#include "platform/zones.hpp"
#include "server/responses.hpp"

namespace daybreak {

// A clinician reads the reasons with the person's name, the person with "you".
nlohmann::ordered_json gate_in_words(const SafetyGate& gate, const Caller& c) {
  return safety_gate_json(gate, c.zone, c.actor == c.user.id ? std::string_view("you") : std::string_view(c.user.name));
}

nlohmann::ordered_json gate_answer(const ApiContext& api, const Caller& c) {
  return gate_in_words(safety_gate(api.store(), c.user.id, c.now), c);
}

void add_gate_if_a_sign_opened(nlohmann::ordered_json& answer, const ApiContext& api, const Caller& c,
                               const SafetyGate& before) {
  const SafetyGate after = safety_gate(api.store(), c.user.id, c.now);
  if (new_warning_sign(before, after)) answer["safety"] = gate_in_words(after, c);
}

User ApiContext::user(const http::Request& request) const {
  const UserId who = subject_of(request);
  return person(who, version_of(who));
}

Caller ApiContext::caller(const http::Request& request) const {
  const UserId who = subject_of(request);
  const StoreVersion version = version_of(who);
  User u = person(who, version);
  const TimeZone& z = zone(u.time_zone);
  const UserId actor = request.actor != 0 ? UserId{request.actor} : u.id;
  return Caller{std::move(u), z, clock_.now(), version, actor, request.shared};
}

UserId ApiContext::subject_of(const http::Request& request) {
  return request.subject != 0 ? UserId{request.subject} : kLocalUser;
}

User ApiContext::person(UserId who, StoreVersion version) const {
  return people_.get(who.value, version, [&] {
    auto user = store_.read()->find_user(who);
    if (!user) {
      throw StoreError(StoreError::Kind::not_found, who == kLocalUser ? "the local person's profile is missing"
                                                                      : "that person's profile is missing");
    }
    return std::move(*user);
  });
}

StoreVersion ApiContext::version_of(UserId who) const {
  // Without accounts there is one person: the whole store's version is
  // theirs, and it is the one read to know whether accounts came on.
  return accounts_on() ? store_.version_of(who) : store_.version();
}

bool ApiContext::accounts_on() const {
  // A clinic's accounts are disabled, never removed: once one is seen, they
  // are on for good, and no request asks again.
  if (accounts_seen_.load()) return true;
  const bool on = accounts_on_.get(store_.version(), [this] { return store_.read()->has_accounts(); });
  if (on) accounts_seen_.store(true);
  return on;
}

std::optional<Session> ApiContext::session(const http::Request& request) const {
  const std::string_view token = request.cookie(kSessionCookie);
  if (token.empty()) return std::nullopt;
  const Instant now = clock_.now();
  std::optional<KeptSession> kept;
  {
    const std::lock_guard lock(sessions_mutex_);
    if (const auto it = sessions_.find(token); it != sessions_.end()) kept = it->second;
  }
  // The version of the session's person, read before the session is: a
  // sign-out, a disabled account or a revoked grant anywhere (on any server)
  // moves it.
  std::optional<StoreVersion> version;
  if (kept) {
    version = version_of(kept->session.user.id);
    const SignIn& si = kept->session.sign_in;
    // Kept only while nothing is due: no note of its use, no expiry.
    if (kept->version == version && now - si.last_seen_at < kSignInSeenEvery && now < si.expires_at) {
      return kept->session;
    }
  }
  auto found = session_for_token(store_, token, now);
  const std::lock_guard lock(sessions_mutex_);
  if (!found) {
    sessions_.erase(std::string(token));
    return std::nullopt;
  }
  if (sessions_.size() > 4096) sessions_.clear();  // bounded: a busy clinic reads them again
  // A token seen for the first time had no version read before it: it is kept
  // without one, so its next request reads it again, after its version.
  const bool same_person = kept && kept->session.user.id == found->user.id;
  sessions_.insert_or_assign(std::string(token), KeptSession{same_person ? version : std::nullopt, *found});
  // The profile came with it, read after that version: the request about
  // them reads it from here.
  if (same_person) people_.put(found->user.id.value, *version, found->user);
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
