#include "support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

struct Spawned {
  pid_t pid;
};

Spawned spawn(const std::string& command, const ProcessOptions& options, const std::filesystem::path& in,
              const std::filesystem::path& out, const std::filesystem::path& err, bool own_group) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (own_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  std::vector<std::string> args = {"/bin/sh", "-c", command};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = options.env;
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("posix_spawn failed: " + std::to_string(rc));
  return {pid};
}

int wait_for(pid_t pid, int& signal) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  if (WIFSIGNALED(status)) {
    signal = WTERMSIG(status);
    return -1;
  }
  return WEXITSTATUS(status);
}

}  // namespace

ProcessResult run_shell(const std::string& command, const ProcessOptions& options) {
  TempDir scratch;
  write_file(scratch / "stdin", options.stdin_text);
  const Spawned s = spawn(command, options, scratch / "stdin", scratch / "stdout", scratch / "stderr", false);
  ProcessResult r;
  r.exit_code = wait_for(s.pid, r.signal);
  r.out = read_file(scratch / "stdout");
  r.err = read_file(scratch / "stderr");
  return r;
}

Child::Child(const std::string& command, const ProcessOptions& options, const std::filesystem::path& out_file,
             const std::filesystem::path& err_file)
    : pid_(spawn(command, options, "/dev/null", out_file, err_file, true).pid) {}

Child::~Child() {
  if (!reaped_) {
    kill_group(SIGKILL);
    (void)wait();
  }
}

void Child::kill_group(int signal) { ::kill(-pid_, signal); }

int Child::wait() {
  int signal = 0;
  const int rc = wait_for(pid_, signal);
  reaped_ = true;
  return rc < 0 ? -signal : rc;
}

std::vector<std::string> test_environment(const std::filesystem::path& home, const std::filesystem::path& bin_dir) {
  return {
      "PATH=" + bin_dir.string() + ":/usr/bin:/bin",
      "HOME=" + home.string(),
      "DAYBREAK_HOME=" + (home / "data").string(),
      "DAYBREAK_FAKE_NOW=2026-11-23T06:30:00Z",
      "TZ=Europe/Berlin",
      "LANG=C.UTF-8",
      "LC_ALL=C.UTF-8",
  };
}

}  // namespace daybreak::testing
