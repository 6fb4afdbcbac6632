// How the terminal player shows a session: full-screen frames drawn in place
// (only changed rows rewritten, one write per frame), or plain lines, one per
// event, when stdout is not a terminal or the session is scripted. Pure text:
// tests look at the frames and lines directly.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "exercise/session_player.hpp"

namespace daybreak {

struct ScreenSize {
  int cols = 80;
  int rows = 24;
};

// One frame: a line per row (at most size.rows), with ANSI attributes (bold,
// dim, reverse) but no cursor movement. Laid out for 80x24; a smaller screen
// gets a compact layout without the large countdown.
[[nodiscard]] std::vector<std::string> render_frame(const SessionPlayer& player, SessionTime now, ScreenSize size);

// Turns successive frames into the bytes that update the screen: only rows
// that changed are rewritten, so nothing flickers.
class FrameWriter {
 public:
  [[nodiscard]] std::string update(const std::vector<std::string>& frame);
  // The next update clears the screen and draws every row (after a resize).
  void invalidate() {
    previous_.clear();
    clear_ = true;
  }

 private:
  std::vector<std::string> previous_;
  bool clear_ = true;
};

// "m:ss" of a session time, e.g. " 3:07" (width 5).
[[nodiscard]] std::string clock_text(SessionTime t);

// Plain lines: the session as a log on `out`, questions on `err`.
class PlainPrinter {
 public:
  // `echo`: repeat answers on `err` (scripted input is not echoed by a terminal).
  PlainPrinter(std::ostream& out, std::ostream& err, bool echo);

  void intro(const SessionPlan& plan);
  // Prints the events, and the question when one has just come up.
  void show(const SessionPlayer& player, const std::vector<PlayerEvent>& events);
  // Echoes a key typed into a question (interactive plain mode).
  void typed(char key);
  // Echoes an answer given by a script.
  void answered(std::string_view answer);
  // Ends a question left open, so what comes next starts on a line of its own.
  void close();

 private:
  void question(const SessionPlayer& player);

  std::ostream& out_;
  std::ostream& err_;
  bool echo_;
  std::optional<std::pair<PlayerPhase, std::size_t>> asked_;  // the question last shown
  bool submitted_ = false;                                    // an answer was given since
  bool open_ = false;                                         // a question waits for its answer on the current line
};

}  // namespace daybreak
