#include "app/session.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/program_lookup.hpp"
#include "app/safety.hpp"
#include "clinical/safety_messages.hpp"
#include "domain/text.hpp"
#include "exercise/json.hpp"

namespace daybreak {
namespace {

// The longest a session record may say it lasted; anything longer is a bad clock.
constexpr std::chrono::hours kMaxSessionLength{24};

AppError refused(std::string message, const SafetyGate& gate, const TimeZone& zone) {
  AppError e{ErrorCode::conflict, std::move(message), {}, gate_reasons(gate, zone), std::nullopt};
  if (gate.state.status == SafetyStatus::locked) e.details.push_back(call_now(gate.contact));
  return e;
}

// Whether the safety gate lets a session of `routine` start now.
AppResult<Ok> safety_allows(const Store& store, UserId user, RoutineKind routine, Instant now, const TimeZone& zone) {
  const SafetyGate gate = safety_gate(store, user, now);
  switch (gate.state.status) {
    case SafetyStatus::ok:
      return Ok{};
    case SafetyStatus::check_needed:
      return fail(with_hint(
          refused("answer the safety questions before a session", gate, zone),
          {gate.state.check_to_answer() == ScreenKind::legs ? HintAction::leg_check : HintAction::safety_check}));
    case SafetyStatus::locked:
      return fail(refused("exercise is locked until a clinician has seen you", gate, zone));
    case SafetyStatus::paused:
      if (routine == RoutineKind::flare) return Ok{};
      return fail(
          with_hint(refused("until a clinician has seen you, only gentle movement: the flare-day routine", gate, zone),
                    {HintAction::flare_session}));
  }
  return Ok{};
}

// Whether a session that began at `started_at` may be stored: the gate at that
// moment, without the weekly check falling due (not a warning sign, and a
// session played offline must not be lost to it).
AppResult<Ok> safety_allows_saving(const Store& store, UserId user, RoutineKind routine, Instant started_at,
                                   const TimeZone& zone) {
  const SafetyGate gate = safety_gate(store, user, started_at);
  const SafetyState& s = gate.state;
  if (!s.emergency.empty()) {
    return fail(
        refused("the session was not saved: it began after an emergency answer, and exercise is locked "
                "until a clinician has seen you",
                gate, zone));
  }
  if (!s.urgent.empty() && routine != RoutineKind::flare) {
    return fail(
        refused("the session was not saved: it began while progression was paused, when only the flare-day "
                "routine may be played until a clinician has seen you",
                gate, zone));
  }
  if (!s.unchecked_legs.empty()) {
    return fail(with_hint(
        refused("the session was not saved: it began while leg symptoms waited for the leg questions", gate, zone),
        {HintAction::leg_check}));
  }
  return Ok{};
}

}  // namespace

FieldErrors check_session_save(const SessionPlan& plan, const SessionSave& save) {
  FieldErrors errors;
  const SessionResult& r = save.result;
  if (plan.steps.empty()) errors.push_back({"plan", "0 steps", "a plan with at least one step"});
  if (r.steps.size() != plan.steps.size()) {
    errors.push_back({"steps", fmt::format("{} outcomes", r.steps.size()),
                      fmt::format("one outcome per plan step ({})", plan.steps.size())});
  }
  if (r.pain_during.size() != plan.exercises.size()) {
    errors.push_back({"pain_during", fmt::format("{} ratings", r.pain_during.size()),
                      fmt::format("one rating (or none) per plan exercise ({})", plan.exercises.size())});
  }
  const bool unreached =
      std::any_of(r.steps.begin(), r.steps.end(), [](StepOutcome o) { return o == StepOutcome::not_reached; });
  if (unreached && !r.stop_reason) {
    errors.push_back({"stop_reason", "", "a reason (pain, time or other) when steps were not reached"});
  }
  if (r.duration < std::chrono::seconds{0} || r.duration > kMaxSessionLength) {
    errors.push_back({"duration", fmt::format("{} s", r.duration.count()), "0 to 24 hours"});
  }
  return errors;
}

AppResult<SessionPlan> start_session(const Store& store, const ContentLibrary& library, UserId user,
                                     const SessionChoice& choice, Instant now, const TimeZone& zone) {
  if (auto allowed = safety_allows(store, user, choice.routine, now, zone); !allowed) return fail(allowed.error());
  return session_plan(store, library, user, choice);
}

AppResult<SessionPlan> session_plan(const Store& store, const ContentLibrary& library, UserId user,
                                    const SessionChoice& choice) {
  const auto program = find_program(library, choice.program);
  if (!program) return fail(program.error());
  const Program& p = **program;
  if (choice.stage && (*choice.stage < 1 || *choice.stage > p.stage_count())) {
    return fail(invalid("there is no such stage", {{"stage", std::to_string(*choice.stage),
                                                    fmt::format("a stage from 1 to {}", p.stage_count())}}));
  }
  const auto tx = store.read();
  const int stage = choice.stage.value_or(stored_stage(*tx, user, p));
  return expand_plan(library, p, stage, choice.routine, tx->exercise_levels(user));
}

std::vector<SessionExerciseRecord> exercise_records(const SessionPlan& plan, const SessionResult& result) {
  std::vector<SessionExerciseRecord> out;
  for (std::size_t i = 0; i < plan.exercises.size(); ++i) {
    const PlanExercise& ex = plan.exercises[i];
    SessionExerciseRecord rec{ex.id, ex.level, 0, 0, 0, std::nullopt};
    if (i < result.pain_during.size()) rec.pain_during = result.pain_during[i];
    for (std::size_t s = ex.first_step; s < ex.first_step + ex.step_count && s < result.steps.size(); ++s) {
      if (!is_work(plan.steps[s].type)) continue;
      ++rec.work_steps;
      if (result.steps[s] == StepOutcome::done) ++rec.done;
      if (result.steps[s] == StepOutcome::skipped) ++rec.skipped;
    }
    out.push_back(std::move(rec));
  }
  return out;
}

AppResult<SavedSession> save_session(Store& store, const WriteMeta& meta, UserId user, const SessionPlan& plan,
                                     const SessionSave& save, const TimeZone& zone) {
  if (FieldErrors errors = check_session_save(plan, save); !errors.empty()) {
    return fail(invalid("the session was not saved", std::move(errors)));
  }
  if (auto allowed = safety_allows_saving(store, user, plan.routine, save.started_at, zone); !allowed) {
    return fail(allowed.error());
  }
  SessionRecord record;
  record.program = plan.program_id;
  record.stage = plan.stage;
  record.routine = plan.routine;
  record.started_at = save.started_at;
  record.ended_at = save.started_at + save.result.duration;
  record.pain_before = save.result.pain_before;
  record.stop_reason = save.result.stop_reason;
  record.steps = save.result.steps;
  record.exercises = exercise_records(plan, save.result);
  record.idempotency_key = save.idempotency_key;

  auto tx = store.write();
  if (save.idempotency_key) {
    if (auto hit = tx->find_session_by_key(user, *save.idempotency_key)) {
      SessionRecord same = record;
      same.id = hit->id;
      same.recorded_at = hit->recorded_at;
      same.channel = hit->channel;
      if (same != *hit) {
        return fail(conflict(fmt::format("the idempotency key '{}' was already used for a different session ({})",
                                         *save.idempotency_key, hit->id.value)));
      }
      tx->commit();  // answer a replay only once the first save is durable (see log_entry)
      return SavedSession{std::move(*hit), true};
    }
  }
  SessionRecord stored = tx->insert_session(user, record, plan_to_json(plan).dump(), meta);
  tx->commit();
  return SavedSession{std::move(stored), false};
}

std::vector<SessionRecord> recent_sessions(const Store& store, UserId user, int limit) {
  return store.read()->recent_sessions(user, limit);
}

WorkCounts work_counts(const SessionRecord& record) {
  WorkCounts c;
  for (const auto& e : record.exercises) {
    c.total += e.work_steps;
    c.done += e.done;
    c.skipped += e.skipped;
  }
  return c;
}

nlohmann::ordered_json session_to_json(const SessionRecord& r) {
  using Json = nlohmann::ordered_json;
  Json exercises = Json::array();
  for (const auto& e : r.exercises) {
    exercises.push_back(Json{{"exercise", e.exercise},
                             {"level", e.level},
                             {"work_steps", e.work_steps},
                             {"done", e.done},
                             {"skipped", e.skipped},
                             {"pain_during", e.pain_during ? Json(e.pain_during->value()) : Json(nullptr)}});
  }
  const WorkCounts work = work_counts(r);
  return Json{{"id", r.id.value},
              {"program", r.program},
              {"stage", r.stage},
              {"routine", name_of(r.routine)},
              {"started_at", format_utc(r.started_at)},
              {"ended_at", format_utc(r.ended_at)},
              {"duration_seconds", (r.ended_at - r.started_at).count()},
              {"pain_before", r.pain_before.value()},
              {"completed", !r.stop_reason.has_value()},
              {"stop_reason", r.stop_reason ? Json(name_of(*r.stop_reason)) : Json(nullptr)},
              {"work_steps", Json{{"total", work.total}, {"done", work.done}, {"skipped", work.skipped}}},
              {"steps", outcome_letters(r.steps)},
              {"exercises", std::move(exercises)},
              {"idempotency_key", r.idempotency_key ? Json(*r.idempotency_key) : Json(nullptr)},
              {"recorded_at", format_utc(r.recorded_at)},
              {"channel", r.channel}};
}

AppResult<ProgramStatus> program_status(const Store& store, const ContentLibrary& library, UserId user,
                                        const std::optional<std::string>& program) {
  const auto p = find_program(library, program);
  if (!p) return fail(p.error());
  const auto tx = store.read();
  return ProgramStatus{*p, stored_stage(*tx, user, **p), tx->exercise_levels(user)};
}

}  // namespace daybreak
