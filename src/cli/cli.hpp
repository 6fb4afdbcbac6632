// The daybreak command line, callable in-process: tests run it with their own
// streams, environment and clock; main() passes the real ones.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace daybreak {

// The environment variables the CLI reads, captured once by main().
struct Environment {
  std::optional<std::string> daybreak_home;  // DAYBREAK_HOME
  std::optional<std::string> xdg_data_home;  // XDG_DATA_HOME
  std::optional<std::string> home;           // HOME
  std::optional<std::string> tz;             // TZ
  std::optional<std::string> fake_now;       // DAYBREAK_FAKE_NOW: a fixed "now", for demos and tests
  std::optional<std::string> paper_locale;   // LC_ALL, else LC_PAPER, else LANG: the report's default paper
  std::optional<std::string> database;       // DAYBREAK_DATABASE: a PostgreSQL database instead of the file

  [[nodiscard]] static Environment from_process();
};

[[nodiscard]] int run_cli(const std::vector<std::string>& args, Io& io, const Environment& env);

}  // namespace daybreak
