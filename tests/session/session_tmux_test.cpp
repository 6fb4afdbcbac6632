// The terminal player in a real terminal: daybreak runs in a tmux pane of
// 80x24 and is driven with send-keys; capture-pane shows what a person would
// see. Every wait polls the screen with a deadline (no fixed sleeps), so a
// loaded machine makes the test slower, not flaky.
#include <signal.h>
#include <sys/types.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <regex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono_literals;

constexpr auto kDeadline = 60s;

class Tmux {
 public:
  // Starts `command` (run by /bin/sh in the pane) in a detached 80x24 session
  // on a server of our own, reached through a socket in `dir`.
  Tmux(const TempDir& dir, const std::string& command)
      : options_{dir.path(), test_environment(dir.path(), std::filesystem::path(DAYBREAK_BINARY).parent_path()), ""},
        socket_((dir / "tmux.sock").string()) {
    // A session starts only after the safety check (clinical.md "Safety").
    const ProcessResult check = run_shell(
        "daybreak screen --answers "
        "both_legs=no,saddle_numbness=no,bladder_bowel=no,sexual_function=no,leg_weakness=no,major_accident=no,fever="
        "no,weight_loss=no,cancer_history=no,night_pain=no,bone_risk_trauma=no,age_at_onset=no",
        options_);
    EXPECT_EQ(check.exit_code, 0) << check.err;
    run("-f /dev/null new-session -d -x 80 -y 24 -s player " + quote(command));
  }
  ~Tmux() { (void)run_shell("tmux -S " + socket_ + " kill-server", options_); }
  Tmux(const Tmux&) = delete;
  Tmux& operator=(const Tmux&) = delete;

  void keys(const std::string& keys) { run("send-keys -t player " + keys); }
  // The pane as text, wrapped lines joined.
  std::string screen() { return run("capture-pane -p -J -t player"); }
  // The pane with what scrolled off its top.
  std::string history() { return run("capture-pane -p -J -S -1000 -t player"); }
  void resize(int cols, int rows) {
    run("resize-window -t player -x " + std::to_string(cols) + " -y " + std::to_string(rows));
  }

  // Polls until `ok` holds for the screen; fails the test at the deadline.
  std::string wait_for(const std::function<bool(const std::string&)>& ok, const std::string& what) {
    const auto end = std::chrono::steady_clock::now() + kDeadline;
    std::string shown;
    while (std::chrono::steady_clock::now() < end) {
      shown = screen();
      if (ok(shown)) return shown;
      std::this_thread::sleep_for(100ms);
    }
    ADD_FAILURE() << "timed out waiting for " << what << "; the screen shows:\n" << shown;
    return shown;
  }
  std::string wait_for(const std::string& text) {
    return wait_for([&](const std::string& s) { return s.find(text) != std::string::npos; }, "'" + text + "'");
  }
  std::string wait_for(const std::regex& pattern, const std::string& what) {
    return wait_for([&](const std::string& s) { return std::regex_search(s, pattern); }, what);
  }

  [[nodiscard]] const ProcessOptions& options() const { return options_; }

 private:
  static std::string quote(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  }
  std::string run(const std::string& args) {
    const ProcessResult r = run_shell("tmux -S " + socket_ + " " + args, options_);
    EXPECT_EQ(r.exit_code, 0) << "tmux " << args << ": " << r.err;
    return r.out;
  }

  ProcessOptions options_;
  std::string socket_;
};

bool have_tmux() { return run_shell("command -v tmux", {{}, {"PATH=/usr/bin:/bin"}, ""}).exit_code == 0; }

// The terminal modes a shell needs, as `stty -a` prints them: set, not "-icanon".
void expect_terminal_restored(const std::string& screen) {
  for (const std::string mode : {"icanon", "echo", "isig", "icrnl", "ixon"}) {
    EXPECT_TRUE(std::regex_search(screen, std::regex("(^|\\s)" + mode + "(\\s|$)"))) << mode << " is off:\n" << screen;
  }
}

nlohmann::json last_session(const Tmux& tmux) {
  const ProcessResult r = run_shell("daybreak sessions --json", tmux.options());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto all = nlohmann::json::parse(r.out);
  EXPECT_FALSE(all.empty());
  return all.empty() ? nlohmann::json{} : all.back();
}

TEST(TerminalPlayer, PausesSkipsStopsAsksAndRestoresTheTerminal) {
  if (!have_tmux()) GTEST_SKIP() << "tmux is not installed (scripts/setup installs it)";
  TempDir dir;
  Tmux tmux(dir, "daybreak session morning --speed 2; echo EXIT=$?; stty -a; exec sleep 600");

  tmux.wait_for("Pain right now, 0 (none) to 10 (worst imaginable)");
  tmux.keys("4 Enter");
  tmux.wait_for("Exercise 1 of 5");

  // Paused, the countdown stands still.
  tmux.keys("Space");
  const std::regex left(R"(\d+ s left)");
  std::smatch m;
  const std::string paused = tmux.wait_for("PAUSED: space to go on");
  ASSERT_TRUE(std::regex_search(paused, m, left)) << paused;
  const std::string before = m.str();
  std::this_thread::sleep_for(1500ms);  // 3 s on the session's clock
  const std::string still = tmux.screen();
  ASSERT_TRUE(std::regex_search(still, m, left)) << still;
  EXPECT_EQ(m.str(), before);
  for (const auto& row : {paused, still}) {
    std::istringstream lines(row);
    for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 80U) << line;
  }

  tmux.keys("Space");
  tmux.wait_for([](const std::string& s) { return s.find("PAUSED") == std::string::npos; }, "the pause to end");
  tmux.wait_for(std::regex("Hold [2-8] of 8"), "a hold after the first");  // one hold is done
  tmux.keys("s");
  tmux.keys("q");
  tmux.wait_for("Why are you stopping?");
  tmux.keys("p");
  tmux.wait_for("Comfort check: Abdominal brace");
  tmux.keys("3 Enter");
  tmux.wait_for("EXIT=");
  const std::string end = tmux.history();
  EXPECT_NE(end.find("EXIT=0"), std::string::npos) << end;
  EXPECT_NE(end.find("Session 1 saved. Morning, in bed before you get up, stage 1"), std::string::npos) << end;
  EXPECT_NE(end.find("stopped early: pain"), std::string::npos) << end;
  expect_terminal_restored(end);

  const auto session = last_session(tmux);
  EXPECT_EQ(session["pain_before"], 4);
  EXPECT_EQ(session["stop_reason"], "pain");
  EXPECT_EQ(session["exercises"][0]["pain_during"], 3);
  const std::string steps = session["steps"];
  EXPECT_NE(steps.find('d'), std::string::npos);
  EXPECT_NE(steps.find('s'), std::string::npos);
  EXPECT_GE(session["work_steps"]["done"].get<int>(), 1);
}

TEST(TerminalPlayer, RedrawsForANewSizeAndOnSigtermSavesAndRestoresTheTerminal) {
  if (!have_tmux()) GTEST_SKIP() << "tmux is not installed (scripts/setup installs it)";
  TempDir dir;
  Tmux tmux(dir,
            "sh -c 'echo $$ > player.pid && exec daybreak session evening'; echo EXIT=$?; stty -a; "
            "exec sleep 600");
  tmux.wait_for("Pain right now");
  tmux.keys("2 Enter");
  tmux.wait_for("Exercise 1 of 5");

  tmux.resize(60, 16);
  const std::string small = tmux.wait_for(
      [](const std::string& s) {
        return s.find("q stop") != std::string::npos && s.find("s left") != std::string::npos;
      },
      "the compact layout");
  std::istringstream lines(small);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 60U) << line;

  std::ifstream pid_file(dir / "player.pid");
  pid_t pid = 0;
  ASSERT_TRUE(pid_file >> pid);
  ASSERT_EQ(::kill(pid, SIGTERM), 0);  // the daybreak we started in the pane
  tmux.wait_for("EXIT=");
  const std::string end = tmux.history();
  EXPECT_NE(end.find("EXIT=143"), std::string::npos) << end;
  EXPECT_NE(end.find("stopped early: other"), std::string::npos) << end;
  expect_terminal_restored(end);
  EXPECT_EQ(last_session(tmux)["stop_reason"], "other");
}

TEST(TerminalPlayer, KeysFromTheTerminalAndPlainLinesWhenStdoutIsAPipe) {
  if (!have_tmux()) GTEST_SKIP() << "tmux is not installed (scripts/setup installs it)";
  TempDir dir;
  Tmux tmux(dir, "daybreak session flare --speed 20 | cat; echo DONE; exec sleep 600");
  tmux.wait_for("Pain right now, 0 (none) to 10 (worst imaginable): ");
  tmux.keys("6 Enter");
  tmux.wait_for("Comfort check: how much did Abdominal brace hurt, 0-10 (Enter to skip)? ");
  tmux.keys("2 Enter");
  tmux.keys("q");
  tmux.wait_for("Why stop: p pain, t time, o other (Esc to carry on)? ");
  tmux.keys("t");
  // On a slow machine the pelvic tilt may have begun: then it asks about it too.
  const auto asked_or_done = [](const std::string& screen) {
    return screen.find("DONE") != std::string::npos || screen.find("did Pelvic tilt hurt") != std::string::npos;
  };
  if (tmux.wait_for(asked_or_done, "the end or a last question").find("DONE") == std::string::npos) {
    tmux.keys("Enter");
  }
  tmux.wait_for("DONE");
  const std::string end = tmux.history();
  EXPECT_NE(end.find(" 1/20  Abdominal brace: get ready (in bed), 10 s."), std::string::npos) << end;
  EXPECT_NE(end.find("comfort check, Abdominal brace: pain 2/10"), std::string::npos) << end;
  EXPECT_NE(end.find("stopped: time"), std::string::npos) << end;
  EXPECT_NE(end.find("Session 1 saved. Flare day: a bad morning"), std::string::npos) << end;
  EXPECT_EQ(end.find('\x1b'), std::string::npos) << "no escape sequences in plain lines";
  const auto session = last_session(tmux);
  EXPECT_EQ(session["pain_before"], 6);
  EXPECT_EQ(session["exercises"][0]["pain_during"], 2);
  EXPECT_EQ(session["stop_reason"], "time");
}

}  // namespace
}  // namespace daybreak::testing
