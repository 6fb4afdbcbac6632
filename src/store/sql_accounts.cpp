// A clinic's accounts in the store's SQL transaction: accounts, sign-ins (the
// SHA-256 of each session token, never the token), grants and the audit trail.
#include <fmt/format.h>

#include "domain/text.hpp"
#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

constexpr std::string_view kAccountColumns =
    "user_id, login, role, password_hash, invitation_sha256, invitation_expires_at, created_at, disabled_at";
constexpr std::string_view kSignInColumns = "id, user_id, created_at, last_seen_at, expires_at, ended_at";
constexpr std::string_view kGrantColumns = "id, user_id, clinician_id, scope, created_at, until_date, revoked_at";
constexpr std::string_view kAuditColumns = "id, at, actor_id, user_id, action, what, source, status";

std::optional<Instant> optional_instant(const Statement& s, int col) {
  if (const auto v = s.optional_integer(col)) return instant_of(*v);
  return std::nullopt;
}

std::optional<std::int64_t> optional_seconds(const std::optional<Instant>& t) {
  if (t) return seconds_of(*t);
  return std::nullopt;
}

// An account from kAccountColumns, starting at column `at`.
Account account_of(const Connection& db, const Statement& s, int at = 0) {
  Account a;
  a.user = UserId{s.integer(at)};
  a.login = s.text(at + 1);
  const auto role = parse_role(s.text_view(at + 2));
  if (!role) corrupt(db, fmt::format("account role '{}'", s.text_view(at + 2)));
  a.role = *role;
  if (!s.is_null(at + 3)) a.password_hash = s.text(at + 3);
  if (!s.is_null(at + 4)) a.invitation_sha256 = s.text(at + 4);
  a.invitation_expires_at = optional_instant(s, at + 5);
  a.created_at = instant_of(s.integer(at + 6));
  a.disabled_at = optional_instant(s, at + 7);
  return a;
}

SignIn sign_in_of(const Statement& s) {
  return SignIn{SignInId{s.integer(0)},   UserId{s.integer(1)},     instant_of(s.integer(2)),
                instant_of(s.integer(3)), instant_of(s.integer(4)), optional_instant(s, 5)};
}

// A list of columns ("a, b") with a table's alias before each ("t.a, t.b").
std::string columns_of(std::string_view alias, std::string_view columns) {
  std::string out;
  for (const std::string_view name : split_list(columns, ",")) {
    out += fmt::format("{}{}.{}", out.empty() ? "" : ", ", alias, name);
  }
  return out;
}

// "all", or scope names joined by '+': "diary+program".
std::string scope_text(const Grant& g) {
  if (g.everything) return "all";
  std::string out;
  for (const Scope sc : g.scopes) {
    if (!out.empty()) out += '+';
    out += scope_name(sc);
  }
  return out;
}

Grant grant_of(const Connection& db, const Statement& s) {
  Grant g;
  g.id = GrantId{s.integer(0)};
  g.person = UserId{s.integer(1)};
  g.clinician = UserId{s.integer(2)};
  const std::string_view scope = s.text_view(3);
  if (scope == "all") {
    g.everything = true;
  } else {
    std::size_t at = 0;
    while (at <= scope.size()) {
      const std::size_t end = std::min(scope.find('+', at), scope.size());
      const auto sc = parse_scope(scope.substr(at, end - at));
      if (!sc) corrupt(db, fmt::format("grant {} scope '{}'", g.id.value, scope));
      g.scopes.push_back(*sc);
      at = end + 1;
    }
  }
  g.created_at = instant_of(s.integer(4));
  if (!s.is_null(5)) g.until = date_column(db, s, 5);
  g.revoked_at = optional_instant(s, 6);
  return g;
}

AuditEvent audit_of(const Statement& s) {
  return AuditEvent{AuditId{s.integer(0)},
                    instant_of(s.integer(1)),
                    UserId{s.integer(2)},
                    UserId{s.integer(3)},
                    s.text(4),
                    s.text(5),
                    s.text(6),
                    static_cast<int>(s.integer(7))};
}

}  // namespace

bool Transaction::has_accounts() {
  db_.set_operation("checking whether accounts are on");
  Statement& s = db_.prepare("SELECT EXISTS (SELECT 1 FROM accounts)");
  const bool any = s.step() && s.integer(0) != 0;
  s.reset();
  return any;
}

namespace {

// The one account `where` (a condition on ?1) finds, or nullopt.
template <class Key>
std::optional<Account> one_account(Connection& db, std::string_view where, const Key& key) {
  Statement& s = db.prepare(fmt::format("SELECT {} FROM accounts WHERE {}", kAccountColumns, where));
  s.bind(1, key);
  if (!s.step()) return std::nullopt;
  Account a = account_of(db, s);
  s.reset();
  return a;
}

}  // namespace

std::optional<Account> Transaction::find_account(UserId user) {
  db_.set_operation(fmt::format("reading the account of user {}", user.value));
  return one_account(db_, "user_id = ?1", user.value);
}

std::optional<Account> Transaction::find_account_by_login(std::string_view login) {
  db_.set_operation("finding an account by its login");
  return one_account(db_, "login = ?1", login);
}

std::optional<Account> Transaction::find_account_by_invitation(std::string_view token_sha256) {
  db_.set_operation("checking an invitation");
  return one_account(db_, "invitation_sha256 = ?1", token_sha256);
}

std::vector<Account> Transaction::accounts() {
  db_.set_operation("listing the accounts");
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM accounts ORDER BY login", kAccountColumns));
  std::vector<Account> out;
  while (s.step()) out.push_back(account_of(db_, s));
  return out;
}

std::optional<SignInRecord> Transaction::find_sign_in(std::string_view token_sha256) {
  db_.set_operation("checking a sign-in");
  // One statement for the three rows a session is made of: the sign-in's
  // columns 0-5, the account's 6-13 (NULL without one), the profile's 14-17.
  static const std::string sql = fmt::format(
      "SELECT {}, {}, {} FROM sign_ins s LEFT JOIN accounts a ON a.user_id = s.user_id "
      "LEFT JOIN users u ON u.id = s.user_id WHERE s.token_sha256 = ?1",
      columns_of("s", kSignInColumns), columns_of("a", kAccountColumns), columns_of("u", kUserColumns));
  Statement& s = db_.prepare(sql);
  s.bind(1, token_sha256);
  if (!s.step()) return std::nullopt;
  SignInRecord found{sign_in_of(s), std::nullopt, std::nullopt};
  constexpr int kAccount = 6;
  constexpr int kUser = 14;
  if (!s.is_null(kAccount)) found.account = account_of(db_, s, kAccount);
  if (!s.is_null(kUser)) found.user = user_of(s, kUser);
  s.reset();
  return found;
}

std::vector<Grant> Transaction::grants_of(UserId person) {
  db_.set_operation("reading the grants a person made");
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM grants WHERE user_id = ?1 ORDER BY id", kGrantColumns));
  s.bind(1, person.value);
  std::vector<Grant> out;
  while (s.step()) out.push_back(grant_of(db_, s));
  return out;
}

std::vector<Grant> Transaction::grants_to(UserId clinician) {
  db_.set_operation("reading the grants made to a clinician");
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM grants WHERE clinician_id = ?1 ORDER BY id", kGrantColumns));
  s.bind(1, clinician.value);
  std::vector<Grant> out;
  while (s.step()) out.push_back(grant_of(db_, s));
  return out;
}

std::vector<AuditEvent> Transaction::audit_events(UserId person, int limit) {
  db_.set_operation("reading the audit trail");
  Statement& s = db_.prepare(
      fmt::format("SELECT {} FROM audit_events WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2", kAuditColumns));
  s.bind(1, person.value).bind(2, limit);
  std::vector<AuditEvent> out;
  while (s.step()) out.push_back(audit_of(s));
  return out;
}

void Transaction::add_account(const Account& a) {
  db_.set_operation(fmt::format("adding the account '{}'", a.login));
  db_.prepare(fmt::format("INSERT INTO accounts ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", kAccountColumns))
      .bind(1, a.user.value)
      .bind(2, a.login)
      .bind(3, role_name(a.role))
      .bind(4, a.password_hash)
      .bind(5, a.invitation_sha256)
      .bind(6, optional_seconds(a.invitation_expires_at))
      .bind(7, seconds_of(a.created_at))
      .bind(8, optional_seconds(a.disabled_at))
      .run();
}

void Transaction::update_account(const Account& a) {
  db_.set_operation(fmt::format("changing the account '{}'", a.login));
  db_.prepare(
         "UPDATE accounts SET password_hash = ?2, invitation_sha256 = ?3, invitation_expires_at = ?4, "
         "disabled_at = ?5 WHERE user_id = ?1")
      .bind(1, a.user.value)
      .bind(2, a.password_hash)
      .bind(3, a.invitation_sha256)
      .bind(4, optional_seconds(a.invitation_expires_at))
      .bind(5, optional_seconds(a.disabled_at))
      .run();
  if (db_.changes() == 0) not_found(fmt::format("account of user {}", a.user.value));
}

SignIn Transaction::add_sign_in(UserId user, std::string_view token_sha256, Instant at, Instant expires_at) {
  db_.set_operation("signing in");
  const std::int64_t new_id =
      db_.prepare(
             "INSERT INTO sign_ins (user_id, token_sha256, created_at, last_seen_at, expires_at) "
             "VALUES (?1, ?2, ?3, ?3, ?4) RETURNING id")
          .bind(1, user.value)
          .bind(2, token_sha256)
          .bind(3, seconds_of(at))
          .bind(4, seconds_of(expires_at))
          .insert();
  return SignIn{SignInId{new_id}, user, at, at, expires_at, std::nullopt};
}

void Transaction::touch_sign_in(SignInId id, Instant at) {
  db_.set_operation("noting when a sign-in was last used");
  db_.prepare("UPDATE sign_ins SET last_seen_at = ?2 WHERE id = ?1").bind(1, id.value).bind(2, seconds_of(at)).run();
}

void Transaction::end_sign_in(SignInId id, Instant at) {
  db_.set_operation("signing out");
  db_.prepare("UPDATE sign_ins SET ended_at = coalesce(ended_at, ?2) WHERE id = ?1")
      .bind(1, id.value)
      .bind(2, seconds_of(at))
      .run();
}

void Transaction::end_sign_ins(UserId user, std::optional<SignInId> keep, Instant at) {
  db_.set_operation(fmt::format("ending the sign-ins of user {}", user.value));
  db_.prepare(
         "UPDATE sign_ins SET ended_at = ?3 WHERE user_id = ?1 AND ended_at IS NULL "
         "AND (CAST(?2 AS BIGINT) IS NULL OR id <> ?2)")
      .bind(1, user.value)
      .bind(2, keep ? std::optional<std::int64_t>(keep->value) : std::nullopt)
      .bind(3, seconds_of(at))
      .run();
}

Grant Transaction::add_grant(const Grant& g) {
  db_.set_operation(fmt::format("granting user {} access for user {}", g.clinician.value, g.person.value));
  const std::int64_t new_id = db_.prepare(
                                     "INSERT INTO grants (user_id, clinician_id, scope, created_at, until_date) VALUES "
                                     "(?1, ?2, ?3, ?4, ?5) RETURNING id")
                                  .bind(1, g.person.value)
                                  .bind(2, g.clinician.value)
                                  .bind(3, scope_text(g))
                                  .bind(4, seconds_of(g.created_at))
                                  .bind(5, g.until ? std::optional<std::string>(format_date(*g.until)) : std::nullopt)
                                  .insert();
  Grant out = g;
  out.id = GrantId{new_id};
  out.revoked_at.reset();
  return out;
}

void Transaction::revoke_grant(UserId person, GrantId id, Instant at) {
  db_.set_operation(fmt::format("revoking grant {}", id.value));
  db_.prepare("UPDATE grants SET revoked_at = coalesce(revoked_at, ?3) WHERE user_id = ?1 AND id = ?2")
      .bind(1, person.value)
      .bind(2, id.value)
      .bind(3, seconds_of(at))
      .run();
  if (db_.changes() == 0) not_found(fmt::format("grant {}", id.value));
}

AuditEvent Transaction::add_audit_event(const AuditEvent& e) {
  db_.set_operation("writing an audit record");
  // Not RETURNING: PostgreSQL would check the new row against who may read
  // it (the person), and a clinician's record of their own read is not theirs to read.
  db_.prepare(
         "INSERT INTO audit_events (at, actor_id, user_id, action, what, source, status) "
         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
      .bind(1, seconds_of(e.at))
      .bind(2, e.actor.value)
      .bind(3, e.person.value)
      .bind(4, e.action)
      .bind(5, e.what)
      .bind(6, e.source)
      .bind(7, e.status)
      .run();
  AuditEvent out = e;
  out.id = AuditId{db_.last_insert_id()};
  return out;
}

std::vector<Instant> Transaction::sign_in_failures(std::string_view kind, std::string_view key, Instant since) {
  db_.set_operation("reading failed sign-ins");
  Statement& s = db_.prepare("SELECT at FROM sign_in_failures WHERE kind = ?1 AND key = ?2 AND at > ?3 ORDER BY at");
  s.bind(1, kind).bind(2, key).bind(3, seconds_of(since));
  std::vector<Instant> out;
  while (s.step()) out.push_back(instant_of(s.integer(0)));
  return out;
}

void Transaction::add_sign_in_failure(std::string_view login, std::string_view address, Instant at,
                                      Instant forget_before) {
  db_.set_operation("noting a failed sign-in");
  db_.prepare("DELETE FROM sign_in_failures WHERE at <= ?1").bind(1, seconds_of(forget_before)).run();
  db_.prepare("INSERT INTO sign_in_failures (kind, key, at) VALUES ('login', ?1, ?3), ('address', ?2, ?3)")
      .bind(1, login)
      .bind(2, address)
      .bind(3, seconds_of(at))
      .run();
}

void Transaction::hold_sign_in_limits() {
  db_.set_operation("waiting for other sign-ins");
  db_.serialize_on("daybreak sign-in limits");
}

void Transaction::forget_sign_in_failures(std::string_view login, std::string_view address, Instant at) {
  db_.set_operation("forgetting failed sign-ins");
  db_.prepare("DELETE FROM sign_in_failures WHERE kind = 'login' AND key = ?1").bind(1, login).run();
  db_.prepare(
         "DELETE FROM sign_in_failures WHERE id = (SELECT id FROM sign_in_failures WHERE kind = 'address' AND key = ?1 "
         "AND at = ?2 ORDER BY id DESC LIMIT 1)")
      .bind(1, address)
      .bind(2, seconds_of(at))
      .run();
}

}  // namespace daybreak::sql
