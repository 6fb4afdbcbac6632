// Runs the real daybreak binary (through /bin/sh) the way a person would, with
// its own environment, working directory and captured output.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace daybreak::testing {

struct ProcessOptions {
  std::filesystem::path cwd;
  std::vector<std::string> env;  // NAME=value, the whole environment
  std::string stdin_text;        // fed to the command's stdin
};

struct ProcessResult {
  int exit_code = -1;  // -1 if killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

[[nodiscard]] ProcessResult run_shell(const std::string& command, const ProcessOptions& options);

// A shell command running in the background in its own process group, with
// stdout and stderr going to files.
class Child {
 public:
  Child(const std::string& command, const ProcessOptions& options, const std::filesystem::path& out_file,
        const std::filesystem::path& err_file);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  void kill_group(int signal);
  [[nodiscard]] pid_t pid() const { return pid_; }
  // Waits for the shell; returns its exit code, or -signal.
  int wait();

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
};

// The environment golden and end-to-end tests run daybreak in.
[[nodiscard]] std::vector<std::string> test_environment(const std::filesystem::path& home,
                                                        const std::filesystem::path& bin_dir);

}  // namespace daybreak::testing
