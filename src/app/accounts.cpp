#include "app/accounts.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "domain/text.hpp"
#include "platform/secrets.hpp"

namespace daybreak {
namespace {

constexpr std::size_t kAccountTokenBytes = 32;
constexpr std::size_t kMaxLogin = 64;
constexpr std::size_t kMaxAccountName = 80;

// A hash to check a password against when the login is unknown, so a wrong
// login takes as long as a wrong password. Made once, at the hasher's cost.
const std::string& decoy_hash(PasswordHasher& hasher) {
  static const std::string decoy = hasher.hash(random_hex(16));
  return decoy;
}

std::optional<std::chrono::seconds> wait_for(const std::vector<Instant>& times, int limit, Instant now) {
  if (static_cast<int>(times.size()) < limit) return std::nullopt;
  // The oldest counted failure leaves the window first.
  const auto left = std::chrono::duration_cast<std::chrono::seconds>(times.front() + kSignInWindow - now);
  return std::max(left, std::chrono::seconds{1});
}

// One try at a password, counted before it is checked (a right one takes it
// back: forget_sign_in_failures): the wait when the login or the address
// has used up its tries. The limits are read and the try counted while no
// other try is, so tries sent at once (to one server or several) cannot all
// pass a limit that each saw unreached.
std::optional<std::chrono::seconds> count_a_try(StoreWriter& tx, std::string_view login, std::string_view address,
                                                Instant now) {
  tx.hold_sign_in_limits();
  std::optional<std::chrono::seconds> wait;
  for (const auto& [kind, key, limit] : {std::tuple{"login", login, kSignInFailuresPerAccount},
                                         std::tuple{"address", address, kSignInFailuresPerAddress}}) {
    const auto w = wait_for(tx.sign_in_failures(kind, key, now - kSignInWindow), limit, now);
    if (w && (!wait || *w > *wait)) wait = w;
  }
  if (!wait) tx.add_sign_in_failure(login, address, now, now - kSignInWindow);
  return wait;
}

SignedIn open_session(StoreWriter& tx, const Account& account, const User& user, Instant now) {
  std::string token = random_hex(kAccountTokenBytes);
  SignIn si = tx.add_sign_in(account.user, sha256_hex(token), now, now + kSignInLifetime);
  return SignedIn{Session{si, account, user}, std::move(token)};
}

bool is_login_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@';
}

}  // namespace

PasswordHasher::PasswordHasher(PasswordCost cost, int concurrent)
    : cost_(cost), concurrent_(std::clamp(concurrent, 1, 256)), slots_(concurrent_) {}

std::string PasswordHasher::hash(std::string_view password) {
  slots_.acquire();
  try {
    std::string h = hash_password(password, cost_);
    slots_.release();
    return h;
  } catch (...) {
    slots_.release();
    throw;
  }
}

bool PasswordHasher::verify(std::string_view hash, std::string_view password) {
  slots_.acquire();
  const bool ok = verify_password(hash, password);
  slots_.release();
  return ok;
}

std::string normalize_login(std::string_view login) {
  std::string out(trim(login));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<AppError> check_login(std::string_view login) {
  const std::string l = normalize_login(login);
  if (l.empty() || l.size() > kMaxLogin || !std::all_of(l.begin(), l.end(), is_login_char)) {
    return invalid("The login is not allowed",
                   {{"login", std::string(login),
                     fmt::format("1 to {} of the letters a-z, digits and . _ - @, such as \"anna.berg\"", kMaxLogin)}});
  }
  return std::nullopt;
}

std::optional<AppError> check_new_password(std::string_view password, std::string_view field) {
  const auto length = utf8_length(password);
  if (!length || *length < kMinPasswordLength || *length > kMaxPasswordLength) {
    // The value is never echoed back: it is a password.
    return invalid("The password is not allowed",
                   {{std::string(field), "(hidden)",
                     fmt::format("{} to {} characters; a few words in a row are easy to remember", kMinPasswordLength,
                                 kMaxPasswordLength)}});
  }
  return std::nullopt;
}

AppResult<AddedAccount> add_account(Store& store, PasswordHasher& hasher, const NewAccount& wanted, Instant now) {
  if (auto bad = check_login(wanted.login)) return fail(std::move(*bad));
  const std::string name(trim(wanted.name));
  const auto name_length = utf8_length(name);
  if (!name_length || *name_length < 1 || *name_length > kMaxAccountName || has_control_chars(name)) {
    return fail(
        invalid("The name is not allowed",
                {{"name", wanted.name, fmt::format("1 to {} characters, such as \"Anna Berg\"", kMaxAccountName)}}));
  }
  if (wanted.password) {
    if (auto bad = check_new_password(*wanted.password, "password")) return fail(std::move(*bad));
  }
  if (wanted.existing && wanted.role != Role::person) {
    return fail(invalid("Only a person's account can open a diary already here",
                        {{"role", std::string(role_name(wanted.role)), "person"}}));
  }
  Account account;
  account.login = normalize_login(wanted.login);
  account.role = wanted.role;
  account.created_at = now;
  std::optional<std::string> invitation;
  if (wanted.password) {
    account.password_hash = hasher.hash(*wanted.password);
  } else {
    invitation = random_hex(kAccountTokenBytes);
    account.invitation_sha256 = sha256_hex(*invitation);
    account.invitation_expires_at = now + kInvitationLifetime;
  }
  auto tx = store.write();
  if (tx->find_account_by_login(account.login)) {
    return fail(conflict(fmt::format("The login '{}' is taken", account.login)));
  }
  User user;
  if (wanted.existing) {
    auto found = tx->find_user(*wanted.existing);
    if (!found) return fail(not_found(fmt::format("No person has the number {}", wanted.existing->value)));
    if (const auto taken = tx->find_account(found->id)) {
      return fail(
          conflict(fmt::format("The person number {} already has the account '{}'", found->id.value, taken->login)));
    }
    found->name = name;
    tx->update_user(*found);
    user = std::move(*found);
  } else {
    user = tx->create_user(name, wanted.time_zone, now);
  }
  account.user = user.id;
  tx->add_account(account);
  tx->commit();
  return AddedAccount{std::move(account), std::move(user), std::move(invitation)};
}

AppResult<std::string> reset_password(Store& store, std::string_view login, Instant now) {
  auto tx = store.write();
  auto account = tx->find_account_by_login(normalize_login(login));
  if (!account) return fail(not_found(fmt::format("No account has the login '{}'", normalize_login(login))));
  std::string token = random_hex(kAccountTokenBytes);
  account->password_hash.reset();
  account->invitation_sha256 = sha256_hex(token);
  account->invitation_expires_at = now + kInvitationLifetime;
  tx->update_account(*account);
  tx->end_sign_ins(account->user, std::nullopt, now);
  tx->commit();
  return token;
}

AppResult<Account> set_account_disabled(Store& store, std::string_view login, bool disabled, Instant now) {
  auto tx = store.write();
  auto account = tx->find_account_by_login(normalize_login(login));
  if (!account) return fail(not_found(fmt::format("No account has the login '{}'", normalize_login(login))));
  if (disabled == account->disabled_at.has_value()) return std::move(*account);  // as asked already
  account->disabled_at = disabled ? std::optional<Instant>(now) : std::nullopt;
  tx->update_account(*account);
  if (disabled) tx->end_sign_ins(account->user, std::nullopt, now);
  tx->commit();
  return std::move(*account);
}

SignInAttempt sign_in(Store& store, PasswordHasher& hasher, std::string_view login, std::string_view password,
                      std::string_view address, Instant now) {
  const std::string l = normalize_login(login);
  std::optional<Account> account;
  std::optional<User> user;
  {
    auto tx = store.write();
    if (const auto wait = count_a_try(*tx, l, address, now)) return {SignInVerdict::wait, std::nullopt, *wait};
    account = tx->find_account_by_login(l);
    if (account) user = tx->find_user(account->user);
    tx->commit();
  }
  const bool usable = account && user && account->password_hash && !account->disabled_at;
  // The decoy keeps a wrong login as slow as a wrong password.
  const bool right = hasher.verify(usable ? *account->password_hash : decoy_hash(hasher), password) && usable;
  if (!right) return {SignInVerdict::wrong, std::nullopt, {}};
  auto tx = store.write();
  tx->forget_sign_in_failures(l, address, now);
  if (needs_rehash(*account->password_hash, hasher.cost())) {
    account->password_hash = hasher.hash(password);
    tx->update_account(*account);
  }
  SignedIn signed_in = open_session(*tx, *account, *user, now);
  tx->commit();
  return {SignInVerdict::accepted, std::move(signed_in), {}};
}

std::optional<Session> session_for_token(Store& store, std::string_view token, Instant now) {
  if (token.size() != 2 * kAccountTokenBytes) return std::nullopt;
  std::optional<Session> found;
  {
    auto record = store.read()->find_sign_in(sha256_hex(token));
    if (!record) return std::nullopt;
    const SignIn& si = record->sign_in;
    if (si.ended_at || now >= si.expires_at || now - si.last_seen_at >= kSignInIdle) return std::nullopt;
    if (!record->account || !record->user || record->account->disabled_at) return std::nullopt;
    found = Session{si, std::move(*record->account), std::move(*record->user)};
  }
  if (now - found->sign_in.last_seen_at >= kSignInSeenEvery) {
    auto tx = store.write();
    tx->touch_sign_in(found->sign_in.id, now);
    tx->commit();
    found->sign_in.last_seen_at = now;
  }
  return found;
}

void sign_out(Store& store, const Session& session, Instant now) {
  auto tx = store.write();
  tx->end_sign_in(session.sign_in.id, now);
  tx->commit();
}

std::string csrf_for(std::string_view session_token) {
  return sha256_hex(fmt::format("daybreak csrf {}", session_token));
}

PasswordChange change_password(Store& store, PasswordHasher& hasher, const Session& session, std::string_view current,
                               std::string_view fresh, std::string_view address, Instant now) {
  if (auto bad = check_new_password(fresh, "new")) return {fail(std::move(*bad)), {}};
  // A try at the current password counts as a sign-in's does: a stolen
  // session cannot guess it without limit.
  {
    auto tx = store.write();
    if (const auto wait = count_a_try(*tx, session.account.login, address, now)) {
      return {fail(conflict("too many wrong passwords: the password was not changed")), *wait};
    }
    tx->commit();
  }
  if (!session.account.password_hash || !hasher.verify(*session.account.password_hash, current)) {
    return {fail(invalid("The current password is wrong", {{"current", "(hidden)", "your password now"}})), {}};
  }
  Account account = session.account;
  account.password_hash = hasher.hash(fresh);
  auto tx = store.write();
  tx->forget_sign_in_failures(account.login, address, now);
  tx->update_account(account);
  tx->end_sign_ins(account.user, session.sign_in.id, now);
  tx->commit();
  return {true, {}};
}

InvitationAttempt accept_invitation(Store& store, PasswordHasher& hasher, std::string_view token,
                                    std::string_view password, Instant now) {
  auto tx = store.write();
  auto account = tx->find_account_by_invitation(sha256_hex(token));
  if (!account) return {InvitationVerdict::unknown, std::nullopt};
  if (!account->invitation_expires_at || now >= *account->invitation_expires_at) {
    return {InvitationVerdict::expired, std::nullopt};
  }
  auto user = tx->find_user(account->user);
  if (!user) return {InvitationVerdict::unknown, std::nullopt};
  account->password_hash = hasher.hash(password);
  account->invitation_sha256.reset();  // single use
  account->invitation_expires_at.reset();
  tx->update_account(*account);
  SignedIn signed_in = open_session(*tx, *account, *user, now);
  tx->commit();
  return {InvitationVerdict::accepted, std::move(signed_in)};
}

namespace {

// ["all"] or a list of scope names, into `g`; a problem goes to `errors`.
void read_scopes(const std::vector<std::string>& names, Grant& g, FieldErrors& errors) {
  std::string allowed = "\"all\", or one or more of";
  for (const Scope s : kScopes) allowed += fmt::format(" \"{}\"", scope_name(s));
  g.everything = false;
  for (const auto& n : names) {
    if (n == "all") {
      g.everything = true;
    } else if (const auto s = parse_scope(n)) {
      if (std::find(g.scopes.begin(), g.scopes.end(), *s) == g.scopes.end()) g.scopes.push_back(*s);
    } else {
      errors.push_back({"scope", n, allowed});
      return;
    }
  }
  if (names.empty() || (g.everything && !g.scopes.empty())) {
    errors.push_back({"scope", fmt::format("{}", fmt::join(names, ",")), allowed});
  }
}

}  // namespace

AppResult<Grant> grant_access(Store& store, UserId person, const GrantRequest& request, LocalDate today, Instant now,
                              FieldErrors errors) {
  Grant g;
  g.person = person;
  g.created_at = now;
  g.until = request.until;
  read_scopes(request.scope_names, g, errors);
  if (request.until && *request.until < today) {
    errors.push_back({"until", format_date(*request.until), fmt::format("{} or later", format_date(today))});
  }
  auto tx = store.write();
  const auto clinician =
      request.clinician.empty() ? std::nullopt : tx->find_account_by_login(normalize_login(request.clinician));
  const bool told =
      std::any_of(errors.begin(), errors.end(), [](const FieldError& e) { return e.field == "clinician"; });
  if (!clinician || clinician->role != Role::clinician || clinician->disabled_at) {
    if (!told) errors.push_back({"clinician", request.clinician, "the login of a clinician of this clinic"});
  } else {
    g.clinician = clinician->user;
  }
  if (!errors.empty()) return fail(invalid("Nothing was shared", std::move(errors)));
  Grant out = tx->add_grant(g);
  tx->commit();
  return out;
}

AppResult<bool> revoke_access(Store& store, UserId person, GrantId id, Instant now) {
  auto tx = store.write();
  const auto grants = tx->grants_of(person);
  if (std::none_of(grants.begin(), grants.end(), [&](const Grant& g) { return g.id == id; })) {
    return fail(not_found(fmt::format("You made no grant {}", id.value)));
  }
  tx->revoke_grant(person, id, now);
  tx->commit();
  return true;
}

std::optional<Grant> grant_for(StoreReader& tx, UserId person, UserId clinician, std::optional<Scope> scope,
                               LocalDate today) {
  for (const Grant& g : tx.grants_to(clinician)) {
    if (g.person == person && g.covers(scope, today)) return g;
  }
  return std::nullopt;
}

}  // namespace daybreak
