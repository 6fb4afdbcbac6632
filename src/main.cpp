// daybreak: wires the command line to the real process streams and environment.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  daybreak::Io io{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) != 0 && ::isatty(STDERR_FILENO) != 0};
  try {
    const int rc = daybreak::run_cli(args, io, daybreak::Environment::from_process());
    std::cout.flush();
    return rc;
  } catch (const std::exception& e) {
    std::cerr << "daybreak: unexpected error: " << e.what() << "\n";
    return daybreak::kStorage;
  }
}
