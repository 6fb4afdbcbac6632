#include "exercise/session_player.hpp"

#include <algorithm>

#include "domain/text.hpp"

namespace daybreak {
namespace {

SessionTime length_of(const PlanStep& step) { return std::chrono::seconds{step.seconds}; }

}  // namespace

SessionPlayer::SessionPlayer(const SessionPlan& plan)
    : plan_(plan), outcomes_(plan.steps.size(), StepOutcome::not_reached), pain_during_(plan.exercises.size()) {}

void SessionPlayer::advance(SessionTime now) {
  now = std::max(now, last_);  // the clock only moves forward
  SessionTime cursor = last_;
  while (phase_ == PlayerPhase::playing) {
    const SessionTime remain = length_of(step()) - step_elapsed_;
    if (now - cursor < remain) {
      step_elapsed_ += now - cursor;
      break;
    }
    cursor += remain;
    leave_step(StepOutcome::done, cursor);
    go_on(cursor);
  }
  last_ = now;
}

void SessionPlayer::press(char key, SessionTime now) {
  advance(now);
  now = last_;
  switch (phase_) {
    case PlayerPhase::pain_before:
      if (key == keys::quit || key == keys::escape || key == keys::interrupt) {
        phase_ = PlayerPhase::cancelled;
        emit(PlayerEvent::Kind::cancelled, now);
      } else if (key == keys::enter) {
        const auto n = read_number();
        if (!n) {
          complaint_ = "type a number from 0 (no pain) to 10, then Enter; q to leave";
          return;
        }
        pain_before_ = *PainScore::make(*n);
        started_ = now;
        emit(PlayerEvent::Kind::pain_before, now, *n);
        if (plan_.steps.empty()) {
          finish(now);
        } else {
          begin_step(0, now);
        }
      } else {
        type(key);
      }
      return;

    case PlayerPhase::playing:
    case PlayerPhase::paused:
      if (key == keys::interrupt) {
        stop(StopReason::other, now, false);
      } else if (key == keys::pause) {
        const bool pausing = phase_ == PlayerPhase::playing;
        phase_ = pausing ? PlayerPhase::paused : PlayerPhase::playing;
        emit(pausing ? PlayerEvent::Kind::paused : PlayerEvent::Kind::resumed, now);
      } else if (key == keys::skip) {
        leave_step(StepOutcome::skipped, now);
        go_on(now);
      } else if (key == keys::next_exercise) {
        const PlanExercise& ex = plan_.exercises.at(step().exercise);
        emit(PlayerEvent::Kind::exercise_skipped, now);
        for (; step_ + 1 < ex.first_step + ex.step_count; ++step_) outcomes_[step_] = StepOutcome::skipped;
        outcomes_[step_] = StepOutcome::skipped;
        go_on(now);
      } else if (key == keys::quit) {
        phase_before_stop_ = phase_;
        phase_ = PlayerPhase::stop_reason;
        complaint_.reset();
      }
      return;

    case PlayerPhase::comfort:
      if (key == keys::interrupt) {
        if (!stopping_ && step_ + 1 < plan_.steps.size()) {
          stop_reason_ = StopReason::other;
          emit(PlayerEvent::Kind::stopped, now);
        }
        finish(now);
        return;
      }
      if (key == keys::enter || key == keys::escape) {
        std::optional<int> answer;
        if (key == keys::enter && !typed_.empty()) {
          answer = read_number();
          if (!answer) {
            complaint_ = "type a number from 0 (no pain) to 10, then Enter; or just Enter to skip";
            return;
          }
        }
        if (answer) {
          pain_during_[asking_about_] = PainScore::make(*answer);
          if (*answer > kPainDuringCeiling) {
            over_ceiling_ = asking_about_;
          } else if (over_ceiling_) {
            over_ceiling_.reset();
          }
        }
        emit(PlayerEvent::Kind::comfort, now, answer);
        if (stopping_ || step_ + 1 >= plan_.steps.size()) {
          finish(now);
        } else {
          begin_step(step_ + 1, now);
        }
        return;
      }
      type(key);
      return;

    case PlayerPhase::stop_reason:
      switch (key) {
        case 'p':
        case '1':
          stop(StopReason::pain, now, true);
          return;
        case 't':
        case '2':
          stop(StopReason::time, now, true);
          return;
        case 'o':
        case '3':
          stop(StopReason::other, now, true);
          return;
        case keys::interrupt:
          stop(StopReason::other, now, false);
          return;
        case keys::escape:
          phase_ = phase_before_stop_;
          complaint_.reset();
          return;
        default:
          complaint_ = "p (pain), t (time) or o (other); Esc to carry on";
          return;
      }

    case PlayerPhase::finished:
    case PlayerPhase::cancelled:
      return;
  }
}

SessionTime SessionPlayer::step_remaining(SessionTime now) const {
  if (over()) return SessionTime{0};
  SessionTime played = step_elapsed_;
  if (phase_ == PlayerPhase::playing) played += std::max(now, last_) - last_;
  return std::max(SessionTime{0}, length_of(step()) - played);
}

SessionTime SessionPlayer::elapsed(SessionTime now) const {
  if (!started_) return SessionTime{0};
  if (over()) return ended_ - *started_;
  return std::max(now, last_) - *started_;
}

SessionTime SessionPlayer::progress(SessionTime now) const {
  if (plan_.steps.empty()) return SessionTime{0};
  SessionTime before{0};
  for (std::size_t i = 0; i < step_; ++i) before += length_of(plan_.steps[i]);
  if (over() && phase_ == PlayerPhase::finished && !stop_reason_) return before + length_of(step());
  return before + (length_of(step()) - step_remaining(now));
}

std::optional<SessionTime> SessionPlayer::next_deadline() const {
  if (phase_ != PlayerPhase::playing) return std::nullopt;
  return last_ + (length_of(step()) - step_elapsed_);
}

std::vector<PlayerEvent> SessionPlayer::take_events() {
  std::vector<PlayerEvent> out;
  out.swap(events_);
  return out;
}

SessionResult SessionPlayer::result() const {
  SessionResult r;
  r.pain_before = pain_before_;
  r.steps = outcomes_;
  r.pain_during = pain_during_;
  r.stop_reason = stop_reason_;
  r.duration = std::chrono::round<std::chrono::seconds>(elapsed(last_));
  return r;
}

WorkCounts SessionPlayer::work_counts() const {
  WorkCounts c;
  for (std::size_t i = 0; i < plan_.steps.size(); ++i) {
    if (!is_work(plan_.steps[i].type)) continue;
    ++c.total;
    if (outcomes_[i] == StepOutcome::done) ++c.done;
    if (outcomes_[i] == StepOutcome::skipped) ++c.skipped;
  }
  return c;
}

void SessionPlayer::begin_step(std::size_t index, SessionTime at) {
  step_ = index;
  step_elapsed_ = SessionTime{0};
  phase_ = PlayerPhase::playing;
  emit(PlayerEvent::Kind::step_started, at);
}

void SessionPlayer::leave_step(StepOutcome outcome, SessionTime at) {
  outcomes_[step_] = outcome;
  if (outcome == StepOutcome::skipped) emit(PlayerEvent::Kind::step_skipped, at);
}

// After the current step: the comfort check if an exercise just ended and was
// (at least partly) done, else the next step, else the end.
void SessionPlayer::go_on(SessionTime at) {
  const std::size_t exercise = step().exercise;
  const bool last_of_exercise = step_ + 1 == plan_.steps.size() || plan_.steps[step_ + 1].exercise != exercise;
  if (last_of_exercise && exercise_started(exercise)) {
    phase_ = PlayerPhase::comfort;
    asking_about_ = exercise;
    typed_.clear();
    complaint_.reset();
    return;
  }
  if (step_ + 1 < plan_.steps.size()) {
    begin_step(step_ + 1, at);
  } else {
    finish(at);
  }
}

void SessionPlayer::finish(SessionTime at) {
  phase_ = PlayerPhase::finished;
  ended_ = at;
  emit(PlayerEvent::Kind::finished, at);
}

void SessionPlayer::stop(StopReason reason, SessionTime at, bool ask) {
  stop_reason_ = reason;
  emit(PlayerEvent::Kind::stopped, at);
  const std::size_t exercise = step().exercise;
  const bool in_progress = is_work(step().type) && step_elapsed_ > SessionTime{0};
  if (ask && (in_progress || exercise_started(exercise))) {
    stopping_ = true;
    phase_ = PlayerPhase::comfort;
    asking_about_ = exercise;
    typed_.clear();
    complaint_.reset();
    return;
  }
  finish(at);
}

bool SessionPlayer::exercise_started(std::size_t exercise) const {
  const PlanExercise& ex = plan_.exercises.at(exercise);
  for (std::size_t i = ex.first_step; i < ex.first_step + ex.step_count; ++i) {
    if (is_work(plan_.steps[i].type) && outcomes_[i] == StepOutcome::done) return true;
  }
  return false;
}

std::optional<int> SessionPlayer::read_number() {
  const auto n = parse_integer(typed_);
  typed_.clear();
  if (!n || *n < PainScore::min || *n > PainScore::max) return std::nullopt;
  complaint_.reset();
  return static_cast<int>(*n);
}

void SessionPlayer::type(char key) {
  if (key == keys::backspace) {
    if (!typed_.empty()) typed_.pop_back();
  } else if (key >= '0' && key <= '9' && typed_.size() < 2) {
    typed_ += key;
  }
  complaint_.reset();
}

void SessionPlayer::emit(PlayerEvent::Kind kind, SessionTime at, std::optional<int> value) {
  const std::size_t exercise = plan_.steps.empty() ? 0 : step().exercise;
  events_.push_back({kind, session_time(at), step_, exercise, value});
}

SessionTime SessionPlayer::session_time(SessionTime at) const { return started_ ? at - *started_ : SessionTime{0}; }

}  // namespace daybreak
