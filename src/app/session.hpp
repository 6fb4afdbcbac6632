// The guided-session use cases: start a session (its plan, for the
// person's stage and levels), save what happened, list past sessions, and
// show where the person is in a program. Each runs in one transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/app_error.hpp"
#include "exercise/library.hpp"
#include "exercise/plan.hpp"
#include "exercise/session_result.hpp"
#include "store/store.hpp"

namespace daybreak {

struct SessionChoice {
  RoutineKind routine = RoutineKind::morning;
  std::optional<int> stage;            // default: the person's current stage
  std::optional<std::string> program;  // default: the content's default program
};

// The one door into a guided session: the terminal player and the web player
// start every session here, so a rule about whether a session may run at all
// belongs in this function and nowhere else. The safety gate (clinical.md
// "Safety") is that rule: no session while a check is due or exercise is
// locked, and only the flare-day routine, the gentlest, while paused. A refusal
// is a conflict whose details say why, with times in `zone`.
[[nodiscard]] AppResult<SessionPlan> start_session(const Store& store, const ContentLibrary& library, UserId user,
                                                   const SessionChoice& choice, Instant now, const TimeZone& zone);

// The plan of `choice` at the person's stage and levels, without the safety
// gate: for rebuilding the plan of a session already played (the web player
// posts its result with the routine and stage it played, perhaps after a
// check fell due; what was done is stored all the same).
[[nodiscard]] AppResult<SessionPlan> session_plan(const Store& store, const ContentLibrary& library, UserId user,
                                                  const SessionChoice& choice);

struct SessionSave {
  Instant started_at;
  SessionResult result;
  std::optional<std::string> idempotency_key;  // a retried save with the same key stores nothing new
};

struct SavedSession {
  SessionRecord record;
  bool replayed = false;  // the same save was already stored under this key
};

// What is wrong with `save` as the result of `plan`: one outcome per step, one
// rating per exercise, nothing unreached unless stopped, a sane duration.
[[nodiscard]] FieldErrors check_session_save(const SessionPlan& plan, const SessionSave& save);

// Checks `save` against `plan` (one outcome per step, one rating per exercise,
// nothing unreached unless stopped) and stores both; nothing is written on error.
// The safety gate as it stood when the session started: one
// begun after an emergency answer, a non-flare routine begun during a pause,
// or one begun while leg symptoms waited for their questions is refused, as
// start_session() would have refused it; one begun before is history, stored.
[[nodiscard]] AppResult<SavedSession> save_session(Store& store, const WriteMeta& meta, UserId user,
                                                   const SessionPlan& plan, const SessionSave& save,
                                                   const TimeZone& zone);

// The `limit` latest sessions, newest first.
[[nodiscard]] std::vector<SessionRecord> recent_sessions(const Store& store, UserId user, int limit);

// Where the person stands in a program: its stage (1 until progression moves
// it) and their level on each exercise.
struct ProgramStatus {
  const Program* program = nullptr;
  int stage = 1;
  ExerciseLevels levels;
};
[[nodiscard]] AppResult<ProgramStatus> program_status(const Store& store, const ContentLibrary& library, UserId user,
                                                      const std::optional<std::string>& program);

// A stored session for scripts and the API: times in UTC, the step outcomes as
// one letter per plan step (d done, s skipped, - not reached).
[[nodiscard]] nlohmann::ordered_json session_to_json(const SessionRecord& record);
// Work steps (reps, holds, timed) of a stored session, summed over its exercises.
[[nodiscard]] WorkCounts work_counts(const SessionRecord& record);

// Counts over the work steps of each plan exercise, from the step outcomes.
[[nodiscard]] std::vector<SessionExerciseRecord> exercise_records(const SessionPlan& plan, const SessionResult& result);

}  // namespace daybreak
