// A clinic's accounts from the terminal: `daybreak admin user add|list|reset`
// (whoever can open the database is its administrator), and `daybreak share`,
// a person's grants to a clinician (as More > Sharing in the web app).
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/accounts.hpp"
#include "app/fhir_transfer.hpp"
#include "cli/command.hpp"
#include "cli/output.hpp"

namespace daybreak {
namespace {

// A password from standard input: its first line, without the newline.
std::optional<std::string> password_from(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

class AdminCommand final : public Command {
 public:
  std::string_view name() const override { return "admin"; }
  std::string_view summary() const override {
    return "a clinic's accounts: add people, clinicians and admins, list them, reset a password, disable one";
  }
  bool writes() const override { return true; }
  bool acts_for_local_person() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    CLI::App* user = sub.add_subcommand("user", "accounts of people, clinicians and admins");
    user->require_subcommand(1);
    add_ = user->add_subcommand("add", "add an account (the first one turns sign-in on for this database)");
    add_->add_option("login", login_, "the login: letters a-z, digits and . _ - @")->required();
    add_->add_option("--role", role_, "person, clinician or admin")
        ->required()
        ->check(CLI::IsMember({"person", "clinician", "admin"}));
    add_->add_option("--name", name_, "the name shown in the web app, such as \"Anna Berg\"")->required();
    add_->add_flag("--password-stdin", password_stdin_,
                   "read the password from the first line of standard input (default: make an invitation link)");
    add_->add_option("--base-url", base_url_, "the clinic's address, for the invitation link")->type_name("URL");
    add_->add_flag("--local-person", local_person_,
                   "the account opens the diary already on this computer (yours) instead of a new, empty one");
    list_ = user->add_subcommand("list", "list the accounts");
    reset_ = user->add_subcommand("reset", "clear a password, end its sign-ins and make a new invitation link");
    reset_->add_option("login", login_, "the account's login")->required();
    reset_->add_option("--base-url", base_url_, "the clinic's address, for the invitation link")->type_name("URL");
    disable_ = user->add_subcommand("disable", "stop an account: its sign-ins end and it cannot sign in (data stays)");
    disable_->add_option("login", login_, "the account's login")->required();
    enable_ = user->add_subcommand("enable", "let a disabled account sign in again");
    enable_->add_option("login", login_, "the account's login")->required();
    sub.footer(
        "Once an account exists, `daybreak serve` asks everyone to sign in (docs/security.md).\n"
        "An invitation link works once, for 7 days: the person opens it and chooses a password.");
  }

  int run(CommandContext& ctx) override {
    if (list_->parsed()) return list(ctx);
    if (disable_->parsed() || enable_->parsed()) {
      const bool disabled = disable_->parsed();
      const auto account = set_account_disabled(ctx.store, login_, disabled, ctx.now());
      if (!account) return report(ctx.io, account.error());
      ctx.io.out << (disabled ? fmt::format("{} is disabled: its sign-ins are ended and it cannot sign in; its data "
                                            "stays. To undo: daybreak admin user enable {}\n",
                                            account->login, account->login)
                              : fmt::format("{} may sign in again.\n", account->login));
      return kOk;
    }
    if (reset_->parsed()) {
      const auto token = reset_password(ctx.store, login_, ctx.now());
      if (!token) return report(ctx.io, token.error());
      ctx.io.out << fmt::format("The password of {} is cleared and every sign-in ended.\n", normalize_login(login_))
                 << invitation_line(*token);
      return kOk;
    }
    NewAccount wanted{login_,       *parse_role(role_),
                      name_,        ctx.user.time_zone,
                      std::nullopt, local_person_ ? std::optional<UserId>(ctx.user.id) : std::nullopt};
    if (password_stdin_) {
      wanted.password = password_from(ctx.io.in);
      if (!wanted.password) {
        ctx.io.err << "daybreak: --password-stdin: standard input held no line\n";
        return kInvalid;
      }
    }
    PasswordHasher hasher;
    const auto added = add_account(ctx.store, hasher, wanted, ctx.now());
    if (!added) return report(ctx.io, added.error());
    ctx.io.out << fmt::format("Added {} ({}), number {}{}.\n", added->account.login, role_, added->user.id.value,
                              local_person_ ? ": the diary on this computer is theirs, in the web app and here" : "");
    if (added->invitation) ctx.io.out << invitation_line(*added->invitation);
    return kOk;
  }

 private:
  int list(CommandContext& ctx) const {
    auto tx = ctx.store.read();
    const auto accounts = tx->accounts();
    if (accounts.empty()) {
      ctx.io.out << "No accounts: daybreak acts for the person on this computer, without sign-in.\n";
      return kOk;
    }
    for (const auto& a : accounts) {
      const auto user = tx->find_user(a.user);
      std::string state = a.password_hash ? "active" : "invited";
      if (a.disabled_at) state = "disabled";
      ctx.io.out << fmt::format("{:>4}  {:<24} {:<10} {:<9} {}\n", a.user.value, a.login, role_name(a.role), state,
                                user ? user->name : "");
    }
    return kOk;
  }

  std::string invitation_line(const std::string& token) const {
    std::string base = base_url_.empty() ? "http://127.0.0.1:8765" : base_url_;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return fmt::format("Invitation link (works once, for {} days): {}/invite#{}\n", kInvitationLifetime.count(), base,
                       token);
  }

  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* reset_ = nullptr;
  CLI::App* disable_ = nullptr;
  CLI::App* enable_ = nullptr;
  std::string login_;
  std::string role_;
  std::string name_;
  std::string base_url_;
  bool password_stdin_ = false;
  bool local_person_ = false;
};

class ShareCommand final : public Command {
 public:
  std::string_view name() const override { return "share"; }
  std::string_view summary() const override {
    return "share your data with a clinician of your clinic, list what you share, or stop";
  }
  bool writes() const override { return true; }
  bool acts_for_local_person() const override { return person_.empty(); }
  void configure(CLI::App& sub) override {
    sub.add_option("--with", with_, "the clinician's login")->type_name("LOGIN");
    sub.add_option("--scope", scopes_, "all (default), or diary, program, questionnaires, safety, experiments")
        ->type_name("PART");
    sub.add_option("--until", until_, "the last day it holds (default: until you stop it)")->type_name("YYYY-MM-DD");
    sub.add_option("--stop", stop_, "stop the sharing with this number")->type_name("N");
    sub.add_option("--person", person_, "whose sharing (in a clinic's database: their login)")->type_name("LOGIN");
    sub.add_flag("--fhir", fhir_, "write what you share, stopped sharing too, as FHIR R4 Consent resources")
        ->excludes("--with")
        ->excludes("--stop");
    sub.footer("Without options: what you share, with whom, until when.");
  }

  int run(CommandContext& ctx) override {
    UserId person = ctx.user.id;
    if (!person_.empty()) {
      const auto account = ctx.store.read()->find_account_by_login(normalize_login(person_));
      if (!account || account->role != Role::person) {
        return report(ctx.io, invalid("No person has that login", {{"person", person_, "a person's login"}}));
      }
      person = account->user;
    }
    if (fhir_) {
      auto bundle = export_consents(ctx.store, person, ctx.zone, ctx.today());
      if (!bundle) return report(ctx.io, bundle.error());
      ctx.io.out << *bundle;
      return kOk;
    }
    if (stop_) {
      const auto stopped = revoke_access(ctx.store, person, GrantId{*stop_}, ctx.now());
      if (!stopped) return report(ctx.io, stopped.error());
      ctx.io.out << fmt::format("Stopped sharing {}: the clinician's next request is refused.\n", *stop_);
      return kOk;
    }
    if (!with_.empty()) {
      GrantRequest request;
      request.clinician = with_;
      if (!scopes_.empty()) request.scope_names = scopes_;
      FieldErrors errors;
      if (!until_.empty()) {
        request.until = parse_date(until_);
        if (!request.until) errors.push_back({"until", until_, date_rule(until_, "a date as YYYY-MM-DD")});
      }
      const auto g = grant_access(ctx.store, person, request, ctx.today(), ctx.now(), std::move(errors));
      if (!g) return report(ctx.io, g.error());
      ctx.io.out << fmt::format("Sharing {} with {}{}, number {}.\n", scope_words(*g), normalize_login(with_),
                                g->until ? " until " + format_date(*g->until) : "", g->id.value);
      return kOk;
    }
    auto tx = ctx.store.read();
    const auto grants = tx->grants_of(person);
    if (grants.empty()) {
      ctx.io.out << "You share nothing. To share with a clinician: daybreak share --with LOGIN\n";
      return kOk;
    }
    for (const auto& g : grants) {
      const auto who = tx->find_account(g.clinician);
      std::string state = g.active(ctx.today()) ? "active" : "ended";
      if (g.revoked_at) state = "stopped " + local_stamp(*g.revoked_at, ctx.zone);
      ctx.io.out << fmt::format("{:>3}  {:<20} {:<40} {}{}\n", g.id.value, who ? who->login : "?", scope_words(g),
                                state, g.until ? ", until " + format_date(*g.until) : "");
    }
    return kOk;
  }

 private:
  static std::string scope_words(const Grant& g) {
    if (g.everything) return "everything";
    std::string out;
    for (const Scope s : g.scopes) out += (out.empty() ? "" : ", ") + std::string(scope_name(s));
    return out;
  }

  std::string with_;
  std::vector<std::string> scopes_;
  std::string until_;
  std::optional<std::int64_t> stop_;
  std::string person_;
  bool fhir_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> admin_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<AdminCommand>());
  commands.push_back(std::make_unique<ShareCommand>());
  return commands;
}

}  // namespace daybreak
