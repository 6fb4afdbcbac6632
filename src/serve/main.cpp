// daybreak-serve: the HTTP server behind `daybreak serve`, wired to the real
// process streams and environment. It is its own executable because the
// server needs shared C++ libraries (date/tz) whose loading would double the
// start-up time of every CLI command (see docs/architecture.md).
#include <exception>
#include <iostream>

#include "cli/cli.hpp"
#include "serve/serve_command.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  daybreak::Io io{std::cin, std::cout, std::cerr, false};
  try {
    std::vector<std::unique_ptr<daybreak::Command>> commands;
    commands.push_back(daybreak::serve_command());
    return daybreak::run_cli(args, io, daybreak::Environment::from_process(), std::move(commands));
  } catch (const std::exception& e) {
    std::cerr << "daybreak: unexpected error: " << e.what() << "\n";
    return daybreak::kStorage;
  }
}
