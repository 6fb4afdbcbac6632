// Guided sessions' part of the store's SQL transaction: sessions with how
// each exercise went and the plan they played, the person's exercise levels
// and program stages.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

// The session columns, in the order read_session_row expects them.
constexpr std::string_view kSessionColumns =
    "id, program, stage, routine, started_at, ended_at, pain_before, stop_reason, step_outcomes, "
    "idempotency_key, recorded_at, channel";

SessionRecord read_session_row(const Connection& db, const Statement& s) {
  SessionRecord r;
  r.id = SessionId{s.integer(0)};
  r.program = s.text(1);
  r.stage = static_cast<int>(s.integer(2));
  r.routine = choice_column<RoutineKind>(db, s, 3);
  r.started_at = instant_of(s.integer(4));
  r.ended_at = instant_of(s.integer(5));
  r.pain_before = bounded_column<PainScore>(db, s, 6, "pain_before").value_or(PainScore{});
  if (!s.is_null(7)) r.stop_reason = choice_column<StopReason>(db, s, 7);
  auto steps = outcomes_from_letters(s.text(8));
  if (!steps) corrupt(db, fmt::format("session {}: step outcomes '{}'", r.id.value, s.text(8)));
  r.steps = std::move(*steps);
  if (!s.is_null(9)) r.idempotency_key = s.text(9);
  r.recorded_at = instant_of(s.integer(10));
  r.channel = s.text(11);
  return r;
}

}  // namespace

std::vector<SessionRecord> Transaction::load_sessions(Statement& s, UserId user) {
  std::vector<SessionRecord> sessions;
  while (s.step()) sessions.push_back(read_session_row(db_, s));
  s.reset();
  if (sessions.empty()) return sessions;

  std::map<std::int64_t, SessionRecord*> by_id;
  for (auto& r : sessions) by_id[r.id.value] = &r;
  const auto [lo, hi] =
      std::minmax_element(sessions.begin(), sessions.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  Statement& ex = db_.prepare(
      "SELECT session_id, exercise, level, work_steps, done, skipped, pain_during FROM session_exercises "
      "WHERE user_id = ?1 AND session_id BETWEEN ?2 AND ?3 ORDER BY session_id, position");
  ex.bind(1, user.value).bind(2, lo->id.value).bind(3, hi->id.value);
  while (ex.step()) {
    const auto it = by_id.find(ex.integer(0));
    if (it == by_id.end()) continue;  // a session between the two that this query did not ask for
    SessionExerciseRecord e;
    e.exercise = ex.text(1);
    e.level = static_cast<int>(ex.integer(2));
    e.work_steps = static_cast<int>(ex.integer(3));
    e.done = static_cast<int>(ex.integer(4));
    e.skipped = static_cast<int>(ex.integer(5));
    e.pain_during = bounded_column<PainScore>(db_, ex, 6, "pain_during");
    it->second->exercises.push_back(std::move(e));
  }
  return sessions;
}

std::optional<SessionRecord> Transaction::find_session(UserId user, SessionId id) {
  db_.set_operation(fmt::format("reading session {}", id.value));
  Statement& s = db_.prepare(fmt::format("SELECT {} FROM sessions WHERE user_id = ?1 AND id = ?2", kSessionColumns));
  s.bind(1, user.value).bind(2, id.value);
  auto found = load_sessions(s, user);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<SessionRecord> Transaction::find_session_by_key(UserId user, std::string_view key) {
  db_.set_operation("looking up a session's idempotency key");
  Statement& s =
      db_.prepare(fmt::format("SELECT {} FROM sessions WHERE user_id = ?1 AND idempotency_key = ?2", kSessionColumns));
  s.bind(1, user.value).bind(2, key);
  auto found = load_sessions(s, user);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<SessionRecord> Transaction::sessions_between(UserId user, Instant from, Instant to) {
  db_.set_operation("reading sessions");
  Statement& s = db_.prepare(fmt::format(
      "SELECT {} FROM sessions WHERE user_id = ?1 AND started_at >= ?2 AND started_at < ?3 ORDER BY started_at, id",
      kSessionColumns));
  s.bind(1, user.value).bind(2, seconds_of(from)).bind(3, seconds_of(to));
  return load_sessions(s, user);
}

std::vector<SessionRecord> Transaction::recent_sessions(UserId user, int limit) {
  db_.set_operation("reading sessions");
  Statement& s = db_.prepare(fmt::format(
      "SELECT {} FROM sessions WHERE user_id = ?1 ORDER BY started_at DESC, id DESC LIMIT ?2", kSessionColumns));
  s.bind(1, user.value).bind(2, limit);
  return load_sessions(s, user);
}

std::vector<SessionOutline> Transaction::session_outlines(UserId user) {
  db_.set_operation("reading sessions");
  // Completed: ran to the end with at least one exercise step done (a
  // session with every step skipped is not a session done).
  Statement& s = db_.prepare(
      "SELECT started_at, routine, stop_reason IS NULL AND EXISTS (SELECT 1 FROM session_exercises x WHERE "
      "x.session_id = sessions.id AND x.user_id = ?1 AND x.done > 0) FROM sessions WHERE user_id = ?1 ORDER BY "
      "started_at, id");
  s.bind(1, user.value);
  std::vector<SessionOutline> out;
  while (s.step()) {
    out.push_back({instant_of(s.integer(0)), choice_column<RoutineKind>(db_, s, 1), s.integer(2) != 0});
  }
  s.reset();
  return out;
}

std::optional<std::string> Transaction::session_plan(UserId user, SessionId id) {
  db_.set_operation(fmt::format("reading the plan of session {}", id.value));
  Statement& s = db_.prepare("SELECT plan FROM sessions WHERE user_id = ?1 AND id = ?2");
  s.bind(1, user.value).bind(2, id.value);
  if (!s.step()) return std::nullopt;
  std::string plan = s.text(0);
  s.reset();
  return plan;
}

ExerciseLevels Transaction::exercise_levels(UserId user) {
  db_.set_operation("reading exercise levels");
  Statement& s = db_.prepare("SELECT exercise, level FROM exercise_levels WHERE user_id = ?1");
  s.bind(1, user.value);
  ExerciseLevels levels;
  while (s.step()) levels.emplace(s.text(0), static_cast<int>(s.integer(1)));
  return levels;
}

std::optional<int> Transaction::current_stage(UserId user, std::string_view program) {
  db_.set_operation("reading the program stage");
  Statement& s = db_.prepare("SELECT stage FROM program_stages WHERE user_id = ?1 AND program = ?2");
  s.bind(1, user.value).bind(2, program);
  if (!s.step()) return std::nullopt;
  const int stage = static_cast<int>(s.integer(0));
  s.reset();
  return stage;
}

std::map<std::string, int, std::less<>> Transaction::program_stages(UserId user) {
  db_.set_operation("reading the program stages");
  Statement& s = db_.prepare("SELECT program, stage FROM program_stages WHERE user_id = ?1 ORDER BY program");
  s.bind(1, user.value);
  std::map<std::string, int, std::less<>> stages;
  while (s.step()) stages.emplace(s.text(0), static_cast<int>(s.integer(1)));
  return stages;
}

SessionRecord Transaction::insert_session(UserId user, const SessionRecord& session, const std::string& plan_json,
                                          const WriteMeta& meta) {
  db_.set_operation(fmt::format("saving the {} session", name_of(session.routine)));
  Statement& s = db_.prepare(
      "INSERT INTO sessions (user_id, program, stage, routine, started_at, ended_at, pain_before, stop_reason, "
      "step_outcomes, plan, idempotency_key, recorded_at, channel) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id");
  s.bind(1, user.value)
      .bind(2, session.program)
      .bind(3, session.stage)
      .bind(4, name_of(session.routine))
      .bind(5, seconds_of(session.started_at))
      .bind(6, seconds_of(session.ended_at))
      .bind(7, session.pain_before.value());
  if (session.stop_reason) {
    s.bind(8, name_of(*session.stop_reason));
  } else {
    s.bind(8, std::nullopt);
  }
  s.bind(9, outcome_letters(session.steps))
      .bind(10, plan_json)
      .bind(11, session.idempotency_key)
      .bind(12, seconds_of(meta.at))
      .bind(13, meta.actor.channel);
  const std::int64_t new_id = s.insert();
  SessionRecord stored = session;
  stored.id = SessionId{new_id};
  stored.recorded_at = meta.at;
  stored.channel = meta.actor.channel;

  int position = 0;
  for (const auto& e : session.exercises) {
    db_.prepare(
           "INSERT INTO session_exercises (session_id, position, user_id, exercise, level, work_steps, done, "
           "skipped, pain_during) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
        .bind(1, stored.id.value)
        .bind(2, position++)
        .bind(3, user.value)
        .bind(4, e.exercise)
        .bind(5, e.level)
        .bind(6, e.work_steps)
        .bind(7, e.done)
        .bind(8, e.skipped)
        .bind(9, raw(e.pain_during))
        .run();
  }
  return stored;
}

void Transaction::set_exercise_level(UserId user, std::string_view exercise, int level, Instant at) {
  db_.set_operation(fmt::format("setting the level of {}", exercise));
  db_.prepare(
         "INSERT INTO exercise_levels (user_id, exercise, level, updated_at) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (user_id, exercise) DO UPDATE SET level = excluded.level, updated_at = excluded.updated_at")
      .bind(1, user.value)
      .bind(2, exercise)
      .bind(3, level)
      .bind(4, seconds_of(at))
      .run();
}

void Transaction::set_current_stage(UserId user, std::string_view program, int stage, Instant at) {
  db_.set_operation(fmt::format("setting the stage of {}", program));
  db_.prepare(
         "INSERT INTO program_stages (user_id, program, stage, updated_at) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (user_id, program) DO UPDATE SET stage = excluded.stage, updated_at = excluded.updated_at")
      .bind(1, user.value)
      .bind(2, program)
      .bind(3, stage)
      .bind(4, seconds_of(at))
      .run();
}

}  // namespace daybreak::sql
