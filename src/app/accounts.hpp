// A clinic's accounts (issue 21): adding people, clinicians and admins,
// invitations, signing in and out, passwords, the grants a person gives a
// clinician, and the audit trail. On a person's own computer there are no
// accounts and none of this runs: daybreak acts for the local person.
#pragma once

#include <chrono>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "domain/account.hpp"
#include "platform/passwords.hpp"
#include "store/store.hpp"

namespace daybreak {

inline constexpr std::chrono::minutes kSignInIdle{30};      // signed out after this long unused
inline constexpr std::chrono::hours kSignInLifetime{12};    // and after this long whatever happens
inline constexpr std::chrono::minutes kSignInSeenEvery{1};  // how often "last used" is written
inline constexpr std::chrono::days kInvitationLifetime{7};  // an invitation link holds this long
inline constexpr std::size_t kMinPasswordLength = 12;       // characters (OWASP ASVS 2.1.1)
inline constexpr std::size_t kMaxPasswordLength = 128;      // ASVS 2.1.2 allows at least 64
inline constexpr int kSignInFailuresPerAccount = 5;         // wrong passwords before the account waits
inline constexpr int kSignInFailuresPerAddress = 20;        // and before the address waits
inline constexpr std::chrono::minutes kSignInWindow{15};    // how long failures count
inline constexpr std::string_view kSessionCookie = "daybreak_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Hashes and checks passwords with Argon2id, at most `concurrent` at a time
// (each holds the cost's memory, 64 MiB at the least): the rest wait.
class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost = interactive_cost(), int concurrent = 4);
  [[nodiscard]] std::string hash(std::string_view password);
  [[nodiscard]] bool verify(std::string_view hash, std::string_view password);
  [[nodiscard]] const PasswordCost& cost() const { return cost_; }
  [[nodiscard]] int concurrent() const { return concurrent_; }

 private:
  PasswordCost cost_;
  int concurrent_;
  std::counting_semaphore<256> slots_;
};

// Login rules: 1-64 of a-z, 0-9, '.', '_', '-', '@' (letters lower-cased first).
[[nodiscard]] std::string normalize_login(std::string_view login);
[[nodiscard]] std::optional<AppError> check_login(std::string_view login);
[[nodiscard]] std::optional<AppError> check_new_password(std::string_view password, std::string_view field);

struct NewAccount {
  std::string login;
  Role role = Role::person;
  std::string name;
  std::string time_zone;
  std::optional<std::string> password;  // none: an invitation is made
  // A person already in the database, without an account, whose diary the
  // account then opens (the person on this computer: `admin user add
  // --local-person`); none: a new person with an empty diary.
  std::optional<UserId> existing;
};

struct AddedAccount {
  Account account;
  User user;
  std::optional<std::string> invitation;  // the one-time token for the /invite link
};

[[nodiscard]] AppResult<AddedAccount> add_account(Store& store, PasswordHasher& hasher, const NewAccount& account,
                                                  Instant now);
// An admin's reset: the password is cleared, every sign-in ended, and a new
// invitation made; returns its token.
[[nodiscard]] AppResult<std::string> reset_password(Store& store, std::string_view login, Instant now);
// Stops an account (a clinician who left, a person who asked): its sign-ins
// end at once, on every server, and it cannot sign in; its data and the
// audit trail stay. `disabled = false` lets it sign in again.
[[nodiscard]] AppResult<Account> set_account_disabled(Store& store, std::string_view login, bool disabled, Instant now);

// A signed-in browser as the server sees it.
struct Session {
  SignIn sign_in;
  Account account;
  User user;
};

struct SignedIn {
  Session session;
  std::string token;  // for the cookie; only its SHA-256 is stored
};

enum class SignInVerdict { accepted, wrong, wait };

struct SignInAttempt {
  SignInVerdict verdict = SignInVerdict::wrong;
  std::optional<SignedIn> signed_in;    // when accepted
  std::chrono::seconds retry_after{0};  // when told to wait
};

// Checks a login and password (rehashing at today's cost when the stored hash
// is older), within the limits. Wrong login and wrong password look the same,
// and take the same time.
// Failed sign-ins in the last kSignInWindow are counted per login and per
// address in the database, so every server of a clinic counts them together.
[[nodiscard]] SignInAttempt sign_in(Store& store, PasswordHasher& hasher, std::string_view login,
                                    std::string_view password, std::string_view address, Instant now);
// The live session holding `token`, or nullopt (unknown, ended, idle too
// long, too old, account disabled). Notes its use at most every kSignInSeenEvery.
[[nodiscard]] std::optional<Session> session_for_token(Store& store, std::string_view token, Instant now);
void sign_out(Store& store, const Session& session, Instant now);
// The CSRF token that goes with a session token (double submit: the page
// reads it from /api/account and sends it back in X-CSRF-Token).
[[nodiscard]] std::string csrf_for(std::string_view session_token);

// Changes a password after checking the current one, within the sign-in's
// limits (a try at the current password counts against the login and the
// address); ends the user's other sign-ins.
struct PasswordChange {
  AppResult<bool> result;
  std::optional<std::chrono::seconds> retry_after;  // too many tries: wait this long
};
[[nodiscard]] PasswordChange change_password(Store& store, PasswordHasher& hasher, const Session& session,
                                             std::string_view current, std::string_view fresh, std::string_view address,
                                             Instant now);

enum class InvitationVerdict { accepted, unknown, expired };
struct InvitationAttempt {
  InvitationVerdict verdict = InvitationVerdict::unknown;
  std::optional<SignedIn> signed_in;
};
// Sets the password of an invited account and signs it in. The password is
// checked first (check_new_password): a bad one spends nothing.
[[nodiscard]] InvitationAttempt accept_invitation(Store& store, PasswordHasher& hasher, std::string_view token,
                                                  std::string_view password, Instant now);

// ---- Grants ----
struct GrantRequest {
  std::string clinician;                        // login
  std::vector<std::string> scope_names{"all"};  // "all", or names of scopes
  std::optional<LocalDate> until;
};
// Shares the scopes named with a clinician, until a day or for good. Every
// problem is told at once, with those the caller found in the request's shape
// (`errors`: a date that is not one, say), and nothing is shared if any.
[[nodiscard]] AppResult<Grant> grant_access(Store& store, UserId person, const GrantRequest& request, LocalDate today,
                                            Instant now, FieldErrors errors = {});
[[nodiscard]] AppResult<bool> revoke_access(Store& store, UserId person, GrantId id, Instant now);
// The live grant letting `clinician` see `scope` of `person`'s data today, if any.
[[nodiscard]] std::optional<Grant> grant_for(StoreReader& tx, UserId person, UserId clinician,
                                             std::optional<Scope> scope, LocalDate today);

}  // namespace daybreak
