// Plays a session in real time on a terminal: keys from the keyboard, the
// clock from a monotonic timer (sped up by --speed), the screen redrawn in
// place, or plain lines when stdout is not a terminal.
#pragma once

#include <optional>

#include "cli/session_screen.hpp"
#include "cli/terminal.hpp"
#include "domain/time.hpp"
#include "exercise/session_player.hpp"

namespace daybreak {

struct LiveOutcome {
  Instant started_at;         // when the first step began, by `clock`
  std::optional<int> signal;  // the signal that cut the session short, if any
};

// Runs until the session is over. With `plain` set, prints lines through it
// instead of drawing frames.
[[nodiscard]] LiveOutcome play_live(SessionPlayer& player, Terminal& terminal, PlainPrinter* plain, double speed,
                                    const Clock& clock);

}  // namespace daybreak
