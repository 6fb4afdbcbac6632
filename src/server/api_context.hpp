// What every route module works with: the store, the clock, time zones, and
// who is asking. One ApiContext serves all requests, from any thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/accounts.hpp"
#include "domain/time.hpp"
#include "exercise/library.hpp"
#include "platform/zone_provider.hpp"
#include "progression/config.hpp"
#include "report/clinician_pdf.hpp"
#include "server/http.hpp"
#include "server/memo.hpp"
#include "store/store.hpp"

namespace daybreak {

struct SafetyGate;  // app/safety.hpp

class HomeNetwork;  // server/home_network.hpp

// The person a request acts for, with their zone and the request's "now".
struct Caller {
  User user;
  const TimeZone& zone;
  Instant now;
  StoreVersion version;   // of the data when the request began: a key for what is kept (http::Memo)
  UserId actor;           // who acts: the person, or a clinician they granted (a clinic's accounts)
  unsigned shared = ~0U;  // the parts the actor may see (http::Request::shared)

  // Whether the actor may see this part of the person's data: a grant of
  // some parts lets a clinician read a route of one part, and what the
  // route would show of another part stays out of its answer.
  [[nodiscard]] bool shares(Scope part) const { return (shared >> static_cast<unsigned>(part) & 1U) != 0; }

  [[nodiscard]] LocalDate today() const { return zone.date_of(now); }
  [[nodiscard]] WriteMeta meta() const { return {now, Actor{actor, "api"}}; }
};

// What `daybreak serve` reads at start-up besides the content.
struct ApiSettings {
  ProgressionConfig progression;  // the rule's numbers, from config.toml
  // Where licensed questionnaire wording files (<id>.toml) are looked for, as
  // the CLI does (<data dir>/wording); none: labels only.
  std::optional<std::filesystem::path> wording_dir;
  // The clinician report's paper when a request names none: the
  // server's locale, as for `daybreak report`.
  Paper paper = Paper::a4;
  // daybreak on the home network (`daybreak serve`'s); none: this computer
  // only, and pairing cannot open.
  HomeNetwork* home = nullptr;
  // A clinic's accounts: the Argon2id cost of new password hashes and how
  // many may be computed at once (each holds the cost's memory).
  PasswordCost password_cost = interactive_cost();
  int concurrent_hashes = 4;
  // The router's own checks of roles and grants. Off only in the test that
  // shows PostgreSQL's row-level security holds alone (accounts_api_test.cpp).
  bool check_grants = true;
};

class ApiContext {
 public:
  ApiContext(Store& store, const Clock& clock, const ZoneProvider& zones, const ContentLibrary& content,
             std::string version, ApiSettings settings = {})
      : store_(store),
        clock_(clock),
        zones_(zones),
        content_(content),
        version_(std::move(version)),
        settings_(std::move(settings)),
        hasher_(settings_.password_cost, settings_.concurrent_hashes) {}

  [[nodiscard]] Store& store() const { return store_; }
  [[nodiscard]] Instant now() const { return clock_.now(); }
  [[nodiscard]] const std::string& version() const { return version_; }
  // The exercises and programs, loaded and checked once at start-up.
  [[nodiscard]] const ContentLibrary& content() const { return content_; }
  // The progression rule's numbers, from config.toml at start-up.
  [[nodiscard]] const ProgressionConfig& progression() const { return settings_.progression; }
  // Licensed questionnaire wording, as `daybreak questionnaire show` finds it.
  [[nodiscard]] const std::optional<std::filesystem::path>& wording_dir() const { return settings_.wording_dir; }
  // The clinician report's default paper.
  [[nodiscard]] Paper paper() const { return settings_.paper; }

  // daybreak on the home network and its pairing desk, or nullptr.
  [[nodiscard]] HomeNetwork* home() const { return settings_.home; }

  // A clinic's accounts: whether any exists (then every request signs in),
  // the password hasher, the sign-in limits, and the live session a request's
  // cookie holds (nullopt: none, or no longer live).
  [[nodiscard]] bool accounts_on() const;
  [[nodiscard]] PasswordHasher& hasher() const { return hasher_; }
  [[nodiscard]] bool check_grants() const { return settings_.check_grants; }
  [[nodiscard]] std::optional<Session> session(const http::Request& request) const;
  // Forgets kept sessions (after signing out), so no server thread trusts one.
  void forget_sessions() const;

  // Who is asking (see person()).
  [[nodiscard]] User user(const http::Request& request) const;
  // The same with their zone and "now".
  [[nodiscard]] Caller caller(const http::Request& request) const;

  // The zones this server can serve (the local one serves one: the zone the
  // person had when it started; see platform/zone_provider.hpp).
  [[nodiscard]] const ZoneProvider& zones() const { return zones_; }
  // A zone by IANA name. One this server cannot serve throws
  // http::ProblemError: a 409 that says which zone it serves and what to do.
  [[nodiscard]] const TimeZone& zone(std::string_view name) const;
  // Why `name` cannot be chosen here (nullopt when it can): the profile's
  // time_zone field error says it.
  [[nodiscard]] std::optional<std::string> zone_refusal(std::string_view name) const;

 private:
  Store& store_;
  const Clock& clock_;
  const ZoneProvider& zones_;
  const ContentLibrary& content_;
  std::string version_;
  ApiSettings settings_;
  // Whose data a request is about: the person the router's guard named (a
  // clinic's accounts), else the local person.
  [[nodiscard]] static UserId subject_of(const http::Request& request);
  // The version of a person's data that what is kept of them is keyed by.
  [[nodiscard]] StoreVersion version_of(UserId who) const;
  // Their profile, with their data at `version`, read again only when it moved.
  [[nodiscard]] User person(UserId who, StoreVersion version) const;

  mutable http::Memo<StoreVersion, bool> accounts_on_;
  mutable std::atomic<bool> accounts_seen_{false};
  mutable PasswordHasher hasher_;
  // Sessions by token, each with its person's version read before it was
  // checked (none: not yet): a version that moved (a sign-out or revoke
  // anywhere, on any server) means reading it again.
  struct KeptSession {
    std::optional<StoreVersion> version;
    Session session;
  };
  mutable std::mutex sessions_mutex_;
  mutable std::map<std::string, KeptSession, std::less<>> sessions_;
  // The profiles of the people requests were about, by id, each read again
  // when that person's version moved.
  mutable http::MemoMap<std::int64_t, StoreVersion, User> people_;
};

// The person's safety gate as GET /api/safety gives it (without `ibp`), in
// the caller's words ("you", or the person's name for a clinician): what an
// answer that closed it carries, so the client shows the stop at once.
[[nodiscard]] nlohmann::ordered_json gate_answer(const ApiContext& api, const Caller& c);
// The same for a gate already read.
[[nodiscard]] nlohmann::ordered_json gate_in_words(const SafetyGate& gate, const Caller& c);
// After a write that may have brought in a warning sign (an import): adds
// `safety`, the gate as gate_answer() gives it, to `answer` when a sign
// opened since `before`.
void add_gate_if_a_sign_opened(nlohmann::ordered_json& answer, const ApiContext& api, const Caller& c,
                               const SafetyGate& before);

}  // namespace daybreak
