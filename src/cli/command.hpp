// A CLI command is a small unit: its name and summary, whether it changes the
// diary, the options it adds, and what it does once the store is open.
#pragma once

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "domain/time.hpp"
#include "store/store.hpp"

namespace CLI {
class App;
}

namespace daybreak {

// The streams a command talks through: stdout is data, stderr is for people.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool interactive = false;  // stdin and stderr are a terminal: questions may be asked
  // The subcommand that was typed, once parsed: an error's field is shown as
  // its option when it has one (b as --b).
  const CLI::App* command = nullptr;
};

// What every command gets once the shared "open the store" step has run.
struct CommandContext {
  Io& io;
  Store& store;  // the port: the CLI opens SQLite (cli.cpp), and nothing here depends on which
  const Clock& clock;
  const TimeZone& zone;
  User user;
  std::filesystem::path data_dir;
  std::string paper_locale;  // the locale that chooses the report's paper (LC_ALL, LC_PAPER or LANG)

  [[nodiscard]] Instant now() const { return clock.now(); }
  [[nodiscard]] LocalDate today() const { return zone.date_of(clock.now()); }
  [[nodiscard]] WriteMeta meta() const { return {clock.now(), Actor{user.id, "cli"}}; }
};

// Exit codes, as documented in the README and product.md section 7.
enum ExitCode : int { kOk = 0, kUsage = 1, kInvalid = 2, kNotFound = 3, kStorage = 4 };

// What a command that works on the diary file itself gets instead: the
// file may be damaged, so it is not opened for it.
struct FileContext {
  Io& io;
  const Clock& clock;
  std::filesystem::path data_dir;
  [[nodiscard]] std::filesystem::path database() const { return data_dir / "daybreak.db"; }
};

// How long `daybreak serve` waits for a PostgreSQL database that cannot be
// reached when it starts.
inline constexpr std::chrono::seconds kWaitForDatabase{60};

class Command {
 public:
  virtual ~Command() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] virtual std::string_view summary() const = 0;
  // Whether it may change the diary. One that does not still runs, read-only,
  // when the disk is too full for the store to be opened for writing.
  [[nodiscard]] virtual bool writes() const = 0;
  // Whether it acts for the person on this computer (the database's local
  // person, number 1): their diary, program, questionnaires, reports. Once the
  // database has accounts, it runs only if that person has one (`admin user
  // add --local-person`): what it wrote would otherwise be seen by no one who
  // signs in. The library, the accounts and the database's upkeep act for no one.
  [[nodiscard]] virtual bool acts_for_local_person() const { return true; }
  // Whether, on a PostgreSQL database that cannot be reached, it waits
  // (kWaitForDatabase) for the database to come (a server) rather than
  // failing at once (a command a person typed).
  [[nodiscard]] virtual bool waits_for_database() const { return false; }
  // On PostgreSQL, how long each wait for the database's answer may last
  // before the statement fails as unavailable (zero: as long as it takes).
  [[nodiscard]] virtual std::chrono::milliseconds database_answer_limit() const { return {}; }
  // On PostgreSQL, how old the store's version may be for a read that did not
  // just write (zero: read for every request; serve's --fresh-within).
  [[nodiscard]] virtual std::chrono::microseconds database_version_max_age() const { return {}; }
  // Declares the command's options on its CLI11 subcommand.
  virtual void configure(CLI::App& sub) = 0;
  // Runs; returns the process exit code (see exit_code).
  [[nodiscard]] virtual int run(CommandContext& ctx) = 0;
};

// A command on the diary file itself (restore, recover): the shared step
// does not open the store, since the file may be damaged.
class FileCommand : public Command {
 public:
  [[nodiscard]] bool writes() const override { return true; }
  [[nodiscard]] int run(CommandContext&) final { return kUsage; }
  [[nodiscard]] virtual int run_on_file(FileContext& ctx) = 0;
  // Whether it may run while a PostgreSQL database is chosen (--database):
  // the commands that mend or replace the diary's file may not.
  [[nodiscard]] virtual bool beside_a_server() const { return false; }
};

[[nodiscard]] int exit_code(ErrorCode code);
// How an error's fields are shown: a diary field as its option (pain as
// --pain), or as given (a questionnaire's item ids, which the person types).
enum class FieldNames { options, as_given };
// Prints an application error to stderr in the CLI's words and returns its exit code.
int report(const Io& io, const AppError& error, FieldNames names = FieldNames::options);

// The commands, in the order `daybreak --help` lists them.
[[nodiscard]] std::vector<std::unique_ptr<Command>> diary_commands();
[[nodiscard]] std::vector<std::unique_ptr<Command>> data_commands();
// Exercise, program, content, session, sessions (program_commands()
// holds the first three and session_commands() includes them).
[[nodiscard]] std::vector<std::unique_ptr<Command>> program_commands();
[[nodiscard]] std::vector<std::unique_ptr<Command>> session_commands();
// Safety screening and questionnaires.
[[nodiscard]] std::vector<std::unique_ptr<Command>> safety_commands();
[[nodiscard]] std::vector<std::unique_ptr<Command>> questionnaire_commands();
// insights and personal experiments
[[nodiscard]] std::vector<std::unique_ptr<Command>> insights_commands();
// web app and HTTP API
[[nodiscard]] std::vector<std::unique_ptr<Command>> serve_commands();
// A clinic's accounts (admin user ...) and a person's sharing (share).
[[nodiscard]] std::vector<std::unique_ptr<Command>> admin_commands();
// Progress (show, explain, set, confirm).
[[nodiscard]] std::vector<std::unique_ptr<Command>> progress_commands();
// The clinician report as PDF.
[[nodiscard]] std::vector<std::unique_ptr<Command>> report_commands();

}  // namespace daybreak
