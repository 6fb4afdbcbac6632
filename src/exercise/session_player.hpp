// The guided session as a state machine: it asks pain before, plays the plan's
// steps against a clock, pauses, skips, stops with a reason, and asks the
// comfort check after each exercise. Pure: time and keys are handed in, so
// the terminal player, the scripted player and the tests drive the same code.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "exercise/plan.hpp"
#include "exercise/session_result.hpp"

namespace daybreak {

// The session's clock: milliseconds from an origin the driver chooses.
using SessionTime = std::chrono::milliseconds;

// Pain during an exercise may reach 5/10, not more (clinical.md, adapted from
// the pain-monitoring model, Silbernagel 2007). Above it the player says so.
inline constexpr int kPainDuringCeiling = 5;

// The keys the player understands. Letters and digits are themselves.
namespace keys {
inline constexpr char enter = '\n';
inline constexpr char backspace = 0x7f;
inline constexpr char escape = 0x1b;
inline constexpr char interrupt = 0x03;  // Ctrl-C, or a signal: stop now
inline constexpr char pause = ' ';
inline constexpr char skip = 's';
inline constexpr char next_exercise = 'n';
inline constexpr char quit = 'q';
}  // namespace keys

enum class PlayerPhase : std::uint8_t {
  pain_before,  // question: pain now, 0-10
  playing,
  paused,
  comfort,      // question: pain during the exercise just done, 0-10 (Enter: no answer)
  stop_reason,  // question: why stop? pain, time or other
  finished,
  cancelled,  // stopped before the first step: nothing to keep
};

// The phases that wait for the person's answer.
[[nodiscard]] constexpr bool is_question(PlayerPhase p) {
  return p == PlayerPhase::pain_before || p == PlayerPhase::comfort || p == PlayerPhase::stop_reason;
}

// Something that happened, for players that print a line per event.
struct PlayerEvent {
  enum class Kind : std::uint8_t {
    step_started,
    paused,
    resumed,
    step_skipped,
    exercise_skipped,
    pain_before,  // value: the answer
    comfort,      // exercise, value (nullopt: no answer)
    stopped,      // the stop reason is in result()
    finished,
    cancelled,
  };
  Kind kind = Kind::step_started;
  SessionTime at{0};  // on the session clock, from the first step
  std::size_t step = 0;
  std::size_t exercise = 0;
  std::optional<int> value;
};

class SessionPlayer {
 public:
  // Keeps a reference to `plan`, which must outlive the player.
  explicit SessionPlayer(const SessionPlan& plan);

  // Lets time run to `now`: steps end and the next begin.
  void advance(SessionTime now);
  // A key press at `now` (time runs to `now` first).
  void press(char key, SessionTime now);

  [[nodiscard]] PlayerPhase phase() const { return phase_; }
  [[nodiscard]] bool over() const { return phase_ == PlayerPhase::finished || phase_ == PlayerPhase::cancelled; }
  [[nodiscard]] const SessionPlan& plan() const { return plan_; }
  // The current step (the last one, once over).
  [[nodiscard]] std::size_t step_index() const { return step_; }
  [[nodiscard]] const PlanStep& step() const { return plan_.steps.at(step_); }
  // Time left in the current step at `now`.
  [[nodiscard]] SessionTime step_remaining(SessionTime now) const;
  // Session time since the first step began (0 before), pauses included.
  [[nodiscard]] SessionTime elapsed(SessionTime now) const;
  // Planned seconds of the steps before the current one plus the current
  // step's progress: where the session is against plan.total_seconds().
  [[nodiscard]] SessionTime progress(SessionTime now) const;
  // When advance() will next change something by itself, if it will.
  [[nodiscard]] std::optional<SessionTime> next_deadline() const;

  // For questions: what has been typed, the complaint about the last answer,
  // and which exercise the comfort check is about.
  [[nodiscard]] const std::string& typed() const { return typed_; }
  [[nodiscard]] const std::optional<std::string>& complaint() const { return complaint_; }
  [[nodiscard]] std::size_t asking_about() const { return asking_about_; }
  // The last exercise rated above kPainDuringCeiling, until a later rating is not.
  [[nodiscard]] std::optional<std::size_t> over_ceiling() const { return over_ceiling_; }

  // Events since the last call.
  [[nodiscard]] std::vector<PlayerEvent> take_events();
  // What happened; complete once over() (and not cancelled).
  [[nodiscard]] SessionResult result() const;
  [[nodiscard]] WorkCounts work_counts() const;

 private:
  void begin_step(std::size_t index, SessionTime at);
  void leave_step(StepOutcome outcome, SessionTime at);
  void go_on(SessionTime at);
  void finish(SessionTime at);
  // Stops for `reason`; with `ask`, the comfort check on the exercise in hand comes first.
  void stop(StopReason reason, SessionTime at, bool ask);
  bool exercise_started(std::size_t exercise) const;
  std::optional<int> read_number();
  void type(char key);
  void emit(PlayerEvent::Kind kind, SessionTime at, std::optional<int> value = std::nullopt);
  [[nodiscard]] SessionTime session_time(SessionTime at) const;

  const SessionPlan& plan_;
  PlayerPhase phase_ = PlayerPhase::pain_before;
  PlayerPhase phase_before_stop_ = PlayerPhase::playing;
  std::size_t step_ = 0;
  SessionTime step_elapsed_{0};  // time played of the current step
  SessionTime last_{0};          // when time last ran
  std::optional<SessionTime> started_;
  SessionTime ended_{0};
  bool stopping_ = false;  // the comfort check after a stop: the session ends after it

  std::string typed_;
  std::optional<std::string> complaint_;
  std::size_t asking_about_ = 0;
  std::optional<std::size_t> over_ceiling_;

  PainScore pain_before_;
  std::vector<StepOutcome> outcomes_;
  std::vector<std::optional<PainScore>> pain_during_;
  std::optional<StopReason> stop_reason_;
  std::vector<PlayerEvent> events_;
};

}  // namespace daybreak
