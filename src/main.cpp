// daybreak: wires the command line to the real process streams and environment.
#include <unistd.h>

#include <exception>
#include <iostream>

#include "cli/cli.hpp"

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
// The asan tree's binary carries tests/lsan.supp's rule itself, because the
// report and transcript tests run it with a clean environment (no
// LSAN_OPTIONS): fontconfig keeps its configuration for the life of the
// process and never frees it at exit.
extern "C" const char* __lsan_default_suppressions();
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options();
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif
#endif

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
