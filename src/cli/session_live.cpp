#include "cli/session_live.hpp"

#include <algorithm>

namespace daybreak {
namespace {

using std::chrono::milliseconds;

}  // namespace

LiveOutcome play_live(SessionPlayer& player, Terminal& terminal, PlainPrinter* plain, double speed,
                      const Clock& clock) {
  LiveOutcome outcome{clock.now(), std::nullopt};
  const auto origin = std::chrono::steady_clock::now();
  const auto session_now = [&] {
    const std::chrono::duration<double, std::milli> real = std::chrono::steady_clock::now() - origin;
    return SessionTime{static_cast<SessionTime::rep>(real.count() * speed)};
  };
  FrameWriter writer;
  const auto draw = [&] {
    const auto events = player.take_events();
    for (const auto& e : events) {
      if (e.kind == PlayerEvent::Kind::pain_before) outcome.started_at = clock.now();
    }
    if (plain != nullptr) {
      plain->show(player, events);
      return;
    }
    const auto [cols, rows] = terminal.size();
    terminal.write(writer.update(render_frame(player, session_now(), {cols, rows})));
  };

  draw();
  while (!player.over()) {
    // Wake when the step ends or the countdown reaches its next whole second.
    milliseconds wait{1000};
    if (const auto deadline = player.next_deadline()) {
      const SessionTime left = *deadline - session_now();
      const SessionTime to_second = left % 1000 == SessionTime{0} ? SessionTime{1000} : left % 1000;
      wait = std::min(left, to_second);
    }
    const auto real_wait = milliseconds{static_cast<milliseconds::rep>(static_cast<double>(wait.count()) / speed) + 1};
    const Terminal::Input input = terminal.wait(std::clamp(real_wait, milliseconds{1}, milliseconds{1000}));

    const SessionTime now = session_now();
    for (const char key : input.keys) {
      if (plain != nullptr && is_question(player.phase())) plain->typed(key);
      player.press(key, now);
    }
    if (input.signal || input.closed) {
      outcome.signal = input.signal;
      player.press(keys::interrupt, now);
    }
    player.advance(now);
    if (input.resized) writer.invalidate();
    draw();
  }
  return outcome;
}

}  // namespace daybreak
