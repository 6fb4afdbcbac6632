// Accounts for a clinic (issue 21): who may sign in and as what, their sign-in
// sessions, the grants a person gives a clinician to see their data, and the
// audit trail of what clinicians looked at. A person on their own computer has
// no account at all: daybreak then acts for the local person, as always.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

using SignInId = Id<struct SignInTag>;
using GrantId = Id<struct GrantTag>;
using AuditId = Id<struct AuditTag>;

enum class Role { person, clinician, admin };

[[nodiscard]] std::string_view role_name(Role role);  // "person", "clinician", "admin"
[[nodiscard]] std::optional<Role> parse_role(std::string_view name);

struct Account {
  UserId user;
  std::string login;  // 1-64 of a-z, 0-9, '.', '_', '-', '@'; lower case
  Role role = Role::person;
  // Argon2id in libsodium's string form (algorithm, costs, salt, hash); none
  // until the person accepts their invitation.
  std::optional<std::string> password_hash;
  std::optional<std::string> invitation_sha256;  // of the one-time link's token
  std::optional<Instant> invitation_expires_at;
  Instant created_at;
  std::optional<Instant> disabled_at;
};

// A signed-in browser: the cookie holds a random token; only its SHA-256 is stored.
struct SignIn {
  SignInId id;
  UserId user;
  Instant created_at;
  Instant last_seen_at;
  Instant expires_at;  // absolute: signed out then whatever happens
  std::optional<Instant> ended_at;
};

// What a grant lets a clinician see. `all` is everything, the report and the
// exports included; the others are parts of the person's data.
enum class Scope { diary, program, questionnaires, safety, experiments };
inline constexpr Scope kScopes[] = {Scope::diary, Scope::program, Scope::questionnaires, Scope::safety,
                                    Scope::experiments};

[[nodiscard]] std::string_view scope_name(Scope scope);
[[nodiscard]] std::optional<Scope> parse_scope(std::string_view name);

// A person's consent for one clinician to see (a part of) their data, until a
// day or until revoked; shaped like FHIR's Consent (docs/security.md).
struct Grant {
  GrantId id;
  UserId person;
  UserId clinician;
  bool everything = false;    // "all": every scope, the report and exports too
  std::vector<Scope> scopes;  // when not everything
  Instant created_at;
  std::optional<LocalDate> until;  // the last day it holds, in the person's zone
  std::optional<Instant> revoked_at;

  // Whether it lets the clinician see `scope` on `today` (the person's date).
  [[nodiscard]] bool covers(std::optional<Scope> scope, LocalDate today) const;
  [[nodiscard]] bool active(LocalDate today) const;
};

// One record of a clinician (or admin) touching a person's data: IHE BALP's
// AuditEvent in small (who, whose, what, when, from where, outcome).
struct AuditEvent {
  AuditId id;
  Instant at;
  UserId actor;
  UserId person;
  std::string action;  // "read", "export", "change"
  std::string what;    // "GET /api/today"
  std::string source;  // the client's address
  int status = 0;      // the HTTP status given
};

}  // namespace daybreak
