#include "cli/cli.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/diary.hpp"
#include "cli/export_commands.hpp"
#include "cli/field_options.hpp"
#include "cli/hint_command.hpp"
#include "platform/clock.hpp"
#include "platform/files.hpp"
#include "platform/zones.hpp"
#include "store/acting_user.hpp"
#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {
namespace {

std::optional<std::string> env_var(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return std::nullopt;
  return std::string(v);
}

const char* c_str(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }

// The command word: the first argument that is neither an option nor the value
// of --data-dir. Empty when there is none (`daybreak --help`).
std::string command_word(const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--data-dir" || args[i] == "--database") {
      ++i;
    } else if (args[i].empty() || args[i].front() != '-') {
      return args[i];
    }
  }
  return {};
}

constexpr std::string_view kFooter =
    "Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 not found, 4 storage error.\n"
    "Data lives in --data-dir, else $DAYBREAK_HOME, else $XDG_DATA_HOME/daybreak;\n"
    "a clinic's in PostgreSQL: --database postgresql://... or $DAYBREAK_DATABASE.\n"
    "Run `daybreak COMMAND --help` for a command's options.";

}  // namespace

Environment Environment::from_process() {
  auto paper = env_var("LC_ALL");
  if (!paper || paper->empty()) paper = env_var("LC_PAPER");
  if (!paper || paper->empty()) paper = env_var("LANG");
  return Environment{env_var("DAYBREAK_HOME"),
                     env_var("XDG_DATA_HOME"),
                     env_var("HOME"),
                     env_var("TZ"),
                     env_var("DAYBREAK_FAKE_NOW"),
                     paper,
                     env_var("DAYBREAK_DATABASE")};
}

int exit_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input:
    case ErrorCode::conflict:
      return kInvalid;
    case ErrorCode::not_found:
      return kNotFound;
    case ErrorCode::storage:
      return kStorage;
  }
  return kStorage;
}

int report(const Io& io, const AppError& error, FieldNames names) {
  io.err << "daybreak: " << error.message << "\n";
  for (const auto& f : error.fields) {
    FieldError shown = f;
    if (names == FieldNames::options) shown.field = option_name(f.field, io.command);
    io.err << "  " << shown.message() << "\n";
  }
  for (const auto& d : error.details) io.err << "  " << d << "\n";
  if (error.hint) io.err << "  next: " << command_for(*error.hint) << "\n";
  return exit_code(error.code);
}

int run_cli(const std::vector<std::string>& args, Io& io, const Environment& env) {
  CLI::App app{"daybreak: a diary and a program for low back pain that is worst in the morning", "daybreak"};
  app.set_version_flag("--version", DAYBREAK_VERSION);
  app.require_subcommand(1);
  app.footer(std::string(kFooter));
  app.get_formatter()->column_width(34);
  std::optional<std::string> data_dir;
  app.add_option("--data-dir", data_dir, "where daybreak keeps its data")->type_name("DIR");
  std::optional<std::string> database;
  app.add_option("--database", database,
                 "a PostgreSQL database to use instead of the file in the data folder (also DAYBREAK_DATABASE)")
      ->type_name("postgresql://...");
  app.fallthrough();  // `daybreak serve --database ...` as well as `daybreak --database ... serve`

  auto commands = diary_commands();
  for (auto& c : data_commands()) commands.push_back(std::move(c));
  for (auto& c : export_commands()) commands.push_back(std::move(c));
  for (auto& c : session_commands()) commands.push_back(std::move(c));
  for (auto& c : safety_commands()) commands.push_back(std::move(c));
  for (auto& c : questionnaire_commands()) commands.push_back(std::move(c));
  for (auto& c : insights_commands()) commands.push_back(std::move(c));
  for (auto& c : serve_commands()) commands.push_back(std::move(c));
  // progression
  for (auto& c : progress_commands()) commands.push_back(std::move(c));
  for (auto& c : report_commands()) commands.push_back(std::move(c));
  for (auto& c : admin_commands()) commands.push_back(std::move(c));  // a clinic's accounts
  // Every command is listed, but only the one asked for declares its options:
  // building them all would cost a third of a short command's run time.
  const std::string wanted = command_word(args);
  std::vector<std::pair<CLI::App*, Command*>> subcommands;
  for (auto& c : commands) {
    CLI::App* sub = app.add_subcommand(std::string(c->name()), std::string(c->summary()));
    if (c->name() == wanted) c->configure(*sub);
    subcommands.emplace_back(sub, c.get());
  }

  if (args.empty()) {
    io.err << app.help();
    return kUsage;
  }
  if (!wanted.empty() &&
      std::none_of(commands.begin(), commands.end(), [&](const auto& c) { return c->name() == wanted; })) {
    io.err << fmt::format("daybreak: there is no command '{}'; `daybreak --help` lists them\n", wanted);
    return kUsage;
  }
  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e, io.out, io.err);
    return rc == 0 ? kOk : kUsage;
  }
  const auto chosen =
      std::find_if(subcommands.begin(), subcommands.end(), [](const auto& s) { return s.first->parsed(); });
  Command& command = *chosen->second;
  io.command = chosen->first;

  std::unique_ptr<Clock> clock;
  if (env.fake_now) {
    const auto t = parse_instant(*env.fake_now);
    if (!t) {
      io.err << fmt::format("daybreak: DAYBREAK_FAKE_NOW '{}' is not a date and time such as 2026-11-23T06:30:00Z\n",
                            *env.fake_now);
      return kUsage;
    }
    clock = std::make_unique<FixedClock>(*t);
  } else {
    clock = std::make_unique<SystemClock>();
  }

  auto* on_file = dynamic_cast<FileCommand*>(&command);
  // A PostgreSQL database (a clinic's) instead of the file in the data folder.
  const std::optional<std::string> server = database ? database : env.database;
  if (server && !is_postgresql_uri(*server)) {
    io.err << fmt::format(
        "daybreak: {} '{}' is not a PostgreSQL database's address; give one such as "
        "postgresql://daybreak@localhost/daybreak, or leave it out to use the file in the data folder\n",
        database ? "--database" : "DAYBREAK_DATABASE", *server);
    return kUsage;
  }
  if (server && on_file != nullptr && !on_file->beside_a_server()) {
    io.err << fmt::format(
        "daybreak: `{}` works on the SQLite file in the data folder; a PostgreSQL database is backed up and "
        "restored with PostgreSQL's own tools (docs/deploy.md)\n",
        command.name());
    return kUsage;
  }
  try {
    const auto dir = resolve_data_dir(data_dir, c_str(env.daybreak_home), c_str(env.xdg_data_home), c_str(env.home));
    ensure_private_dir(dir);
    if (on_file != nullptr) {
      FileContext ctx{io, *clock, dir};
      return on_file->run_on_file(ctx);
    }
    std::unique_ptr<Store> opened;
    std::optional<User> local;
    if (server) {
      // A server started with its database (a machine booting, PostgreSQL
      // restarting or recovering from a crash) waits for it a while, saying
      // so once; a command typed by a person answers at once.
      const auto give_up = std::chrono::steady_clock::now() + kWaitForDatabase;
      for (bool said = false;;) {
        try {
          PgOptions options{*server};
          options.answer_within = command.database_answer_limit();
          options.version_max_age = command.database_version_max_age();
          opened = std::make_unique<PgStore>(options);
          local = ensure_local_user(*opened, clock->now(), system_zone_name(c_str(env.tz)));
          break;
        } catch (const StoreError& e) {
          if (!command.waits_for_database() || e.kind() != StoreError::Kind::unavailable ||
              std::chrono::steady_clock::now() >= give_up) {
            throw;
          }
          if (!said) {
            io.err << fmt::format("daybreak: {}; waiting for it (at most {} seconds)\n", e.what(),
                                  kWaitForDatabase.count());
            io.err.flush();
          }
          said = true;
          opened.reset();
          std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
      }
    } else {
      try {
        opened = std::make_unique<SqliteStore>(SqliteOptions{dir / "daybreak.db"});
      } catch (const StoreError& e) {
        // A full disk: what only reads still works, from the file as it is.
        if (e.kind() != StoreError::Kind::full || command.writes() || !std::filesystem::exists(dir / "daybreak.db")) {
          throw;
        }
        opened = std::make_unique<SqliteStore>(SqliteOptions{dir / "daybreak.db", nullptr, true});
        io.err << "daybreak: " << e.what() << "\n"
               << "daybreak: your diary is shown read-only until there is room on the disk.\n";
      }
    }
    Store& store = *opened;
    const User user = local ? *local : ensure_local_user(store, clock->now(), system_zone_name(c_str(env.tz)));
    if (command.acts_for_local_person()) {
      auto tx = store.read();
      if (tx->has_accounts() && !tx->find_account(user.id)) {
        io.err << fmt::format(
            "daybreak: this database has accounts, and `daybreak {}` acts for the person on this computer "
            "(number {}), who has none: no one who signs in would see what it wrote. People with accounts "
            "keep their diaries in the web app; if the diary here is yours, give it an account: "
            "daybreak admin user add LOGIN --role person --name NAME --local-person\n",
            command.name(), user.id.value);
        return kUsage;
      }
    }
    std::unique_ptr<ProcessZone> zone;
    try {
      zone = std::make_unique<ProcessZone>(user.time_zone);
    } catch (const std::invalid_argument&) {
      io.err << fmt::format(
          "daybreak: the time zone '{}' is not installed here; using UTC. "
          "Set yours with `daybreak profile --time-zone ZONE`.\n",
          user.time_zone);
      zone = std::make_unique<ProcessZone>("UTC");
    }
    CommandContext ctx{io, store, *clock, *zone, user, dir, env.paper_locale.value_or("")};
    // The CLI acts for the local person where the database checks whose rows
    // a transaction may touch (PostgreSQL's row-level security for a role
    // that does not own the tables; the owner sees every row).
    const ActingUser acting(user.id);
    return command.run(ctx);
  } catch (const StoreError& e) {
    io.err << "daybreak: " << e.what() << "\n";
    if (e.kind() == StoreError::Kind::corrupt && on_file == nullptr) {  // the diary itself, not a file given
      io.err << "daybreak: `daybreak recover` saves what can still be read into a new "
                "file; `daybreak restore FILE` puts back a backup and keeps the damaged file aside.\n";
    }
    return e.kind() == StoreError::Kind::not_found ? kNotFound : kStorage;
  } catch (const std::filesystem::filesystem_error& e) {
    io.err << "daybreak: " << e.what() << "\n";
    return kStorage;
  }
}

}  // namespace daybreak
