// The terminal while a guided session plays: keys read one at a time, the
// screen drawn in place, and the terminal put back as it was whatever happens
// (normal end, exception, or a signal such as SIGINT, SIGTERM or SIGHUP).
#pragma once

#include <termios.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace daybreak {

class Terminal {
 public:
  // Puts `in_fd` in raw mode (no echo, no line buffering, no signal keys).
  // With `full_screen`, `out_fd` switches to the alternate screen with the
  // cursor hidden. Signals are caught while it lives (see wait()).
  Terminal(int in_fd, int out_fd, bool full_screen);
  ~Terminal();
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  struct Input {
    std::string keys;           // normalised: Enter is '\n', Backspace 0x7f, a lone Esc 0x1b; arrows dropped
    std::optional<int> signal;  // SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived
    bool resized = false;       // SIGWINCH: redraw everything
    bool closed = false;        // end of input
  };
  // Waits at most `timeout` for keys or a signal.
  [[nodiscard]] Input wait(std::chrono::milliseconds timeout);

  // Columns and rows of `out_fd` (80x24 if it cannot tell).
  [[nodiscard]] std::pair<int, int> size() const;
  // Writes all of `bytes` to `out_fd`.
  void write(std::string_view bytes) const;

  // Puts the terminal back now (the destructor does it too).
  void restore();

 private:
  int in_fd_;
  int out_fd_;
  bool full_screen_;
  bool restored_ = false;
  termios saved_{};
  std::string pending_;  // the start of an escape sequence split across reads
};

}  // namespace daybreak
