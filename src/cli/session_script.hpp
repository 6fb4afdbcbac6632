// Scripted sessions: the player driven by a script of timed events read from
// stdin, on a clock that jumps from event to event (for tests and demos).
//
// One event per line; blank lines and lines starting with '#' are skipped.
//   pain N                  answer the first question (0-10)
//   comfort N | comfort -   answer a comfort check (0-10, or - for no answer)
//   reason pain|time|other  answer "why stop?" after a quit
//   [at SECONDS] KEY        press KEY (pause, resume, skip, next, quit,
//                           interrupt) when the session clock reads SECONDS
//                           (from the first step, pauses included; decimals
//                           allowed); without "at", at once
// Answers are taken when their question comes up: the session plays on until
// then. A question that comes before an "at" time must be answered first. At
// the end of the script the session plays to its end; comfort checks left
// are unanswered. docs/session-script.md has examples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/session_screen.hpp"
#include "domain/result.hpp"
#include "exercise/session_player.hpp"

namespace daybreak {

struct ScriptEvent {
  enum class Kind : std::uint8_t { answer, pause, resume, skip, next, quit, interrupt };
  std::size_t line = 0;
  std::string text;  // the line as written
  Kind kind = Kind::answer;
  PlayerPhase question = PlayerPhase::pain_before;  // for answers: the question answered
  std::string keys;                                 // for answers: the key presses
  std::string answer;                               // for answers: as written, e.g. "7" or "time"
  std::optional<SessionTime> at;                    // for keys
};

// Reads a script; the error names the line and what is allowed.
[[nodiscard]] Result<std::vector<ScriptEvent>, std::string> parse_script(std::string_view text);

// Plays `player` through `events`, printing with `printer`. The error names
// the script line that does not fit the session.
[[nodiscard]] Status<std::string> run_script(SessionPlayer& player, const std::vector<ScriptEvent>& events,
                                             PlainPrinter& printer);

}  // namespace daybreak
