#include "app/progression.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/program_lookup.hpp"
#include "domain/text.hpp"
#include "exercise/dose.hpp"
#include "exercise/plan.hpp"
#include "progression/sentence.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;
using namespace std::chrono_literals;

constexpr std::array<RoutineKind, 2> kProgressed = {RoutineKind::morning, RoutineKind::evening};

// The first instant of a local day (the earlier one if the day starts twice).
Instant start_of(LocalDate day, const TimeZone& zone) {
  const LocalResolution r = zone.resolve(at(day, 0min));
  return r.kind == LocalResolution::Kind::nonexistent ? r.second : r.first;
}

// The diary period a session started in, by the local clock.
Period period_at(Instant t, const TimeZone& zone) {
  const LocalTime local = zone.to_local(t);
  const auto minutes =
      std::chrono::duration_cast<std::chrono::minutes>(local - std::chrono::floor<std::chrono::days>(local));
  if (minutes < 12h) return Period::morning;
  return minutes < 18h ? Period::afternoon : Period::evening;
}

struct SessionDay {
  RoutineKind routine = RoutineKind::morning;
  LocalDate date;
  std::vector<const SessionRecord*> sessions;
};

// What the store holds that the rule reads, for a span of days.
struct Diary {
  std::vector<MorningReading> mornings;     // by date
  std::map<std::pair<int, int>, int> pain;  // (day number, period) -> pain

  static Diary of(const std::vector<DiaryEntry>& entries) {
    Diary d;
    for (const DiaryEntry& e : entries) {
      d.pain[{day_number(e.date), static_cast<int>(e.period)}] = e.fields.pain.value();
      if (e.period != Period::morning) continue;
      MorningReading m{e.date, e.fields.pain.value(), std::nullopt, e.fields.still_stiff};
      if (e.fields.stiffness_minutes) m.stiffness_minutes = e.fields.stiffness_minutes->value();
      d.mornings.push_back(m);
    }
    return d;
  }
  static int day_number(LocalDate d) { return static_cast<int>(std::chrono::sys_days{d}.time_since_epoch().count()); }

  [[nodiscard]] std::optional<MorningReading> morning(LocalDate day) const {
    const auto it = std::lower_bound(mornings.begin(), mornings.end(), day,
                                     [](const MorningReading& m, LocalDate d) { return m.date < d; });
    if (it == mornings.end() || it->date != day) return std::nullopt;
    return *it;
  }
  [[nodiscard]] std::optional<int> pain_on(LocalDate day, Period period) const {
    const auto it = pain.find({day_number(day), static_cast<int>(period)});
    if (it == pain.end()) return std::nullopt;
    return it->second;
  }
  // The highest pain logged after a session that started in `from`, up to the
  // next morning: the day's later periods and the night that follows.
  [[nodiscard]] std::optional<int> pain_after(LocalDate day, Period from) const {
    std::optional<int> most;
    const auto take = [&](std::optional<int> p) {
      if (p) most = std::max(most.value_or(0), *p);
    };
    for (Period p : {Period::afternoon, Period::evening}) {
      if (static_cast<int>(p) > static_cast<int>(from)) take(pain_on(day, p));
    }
    take(pain_on(add_days(day, 1), Period::night));
    return most;
  }
};

// The facts of one session day that do not need the diary.
struct DayFacts {
  std::optional<int> pain_during;
  std::vector<std::string> painful;
  bool stopped_for_pain = false;
};
DayFacts facts_of(const SessionDay& day, const ProgressionConfig& config) {
  DayFacts f;
  for (const SessionRecord* s : day.sessions) {
    if (s->stop_reason == StopReason::pain) f.stopped_for_pain = true;
    for (const auto& e : s->exercises) {
      if (!e.pain_during) continue;
      f.pain_during = std::max(f.pain_during.value_or(0), e.pain_during->value());
      if (e.pain_during->value() > config.pain_during_ceiling &&
          std::find(f.painful.begin(), f.painful.end(), e.exercise) == f.painful.end()) {
        f.painful.push_back(e.exercise);
      }
    }
  }
  return f;
}

bool decidable(const SessionDay& day, const DayFacts& facts, const ProgressionConfig& config, bool morning_logged,
               LocalDate today) {
  const bool too_much =
      facts.stopped_for_pain || (facts.pain_during && *facts.pain_during > config.pain_during_ceiling);
  return too_much || morning_logged || next_morning_overdue(day.date, today);
}

// Session days of a program's progressed routines after each routine's last
// decision, oldest first (the morning routine first on the same day).
std::vector<SessionDay> undecided_days(StoreReader& tx, UserId user, const std::string& program,
                                       const std::vector<SessionRecord>& sessions, const TimeZone& zone,
                                       std::map<RoutineKind, std::optional<DecisionRecord>>& last) {
  std::map<std::pair<LocalDate, RoutineKind>, SessionDay> days;
  for (RoutineKind r : kProgressed) last[r] = tx.latest_rule_decision(user, program, r);
  for (const SessionRecord& s : sessions) {
    if (s.program != program || s.routine == RoutineKind::flare) continue;
    const LocalDate date = zone.date_of(s.started_at);
    if (const auto& l = last[s.routine]; l && date <= l->date) continue;
    SessionDay& d = days[{date, s.routine}];
    d.routine = s.routine;
    d.date = date;
    d.sessions.push_back(&s);
  }
  std::vector<SessionDay> out;
  for (auto& [key, day] : days) out.push_back(std::move(day));
  return out;
}

// The oldest day an undecided session could be on. Every run decides every
// routine that can be decided, so a routine without a decision yet has no
// session older than the other routines' last decisions (a day of margin for
// one that was waiting for its morning).
Instant undecided_since(StoreReader& tx, UserId user, const std::string& program, const TimeZone& zone) {
  std::optional<LocalDate> oldest;
  for (RoutineKind r : kProgressed) {
    const auto last = tx.latest_rule_decision(user, program, r);
    if (last && (!oldest || last->date < *oldest)) oldest = last->date;
  }
  if (!oldest) return Instant{};
  return start_of(add_days(*oldest, -1), zone);
}

std::vector<const RoutineItem*> items_for(const Routine& routine, const ContentLibrary& library,
                                          const ExerciseLevels& levels, const RuleVerdict& verdict,
                                          const DecisionInputs& in) {
  std::vector<const RoutineItem*> items;
  for (const RoutineItem& item : routine.items) {
    if (verdict.only_painful_exercises) {
      const Exercise* listed = library.exercise(item.exercise);
      if (listed == nullptr) continue;
      const auto chain = ladder_chain(library, *listed, levels);
      const bool hurt = std::any_of(chain.begin(), chain.end(), [&](const Exercise* e) {
        return std::find(in.painful_exercises.begin(), in.painful_exercises.end(), e->id) != in.painful_exercises.end();
      });
      if (!hurt) continue;
    }
    items.push_back(&item);
  }
  return items;
}

// The ladder moves a verdict makes, applied to `levels` as they are made.
std::vector<LevelChange> apply(const ContentLibrary& library, const Routine& routine, RuleVerdict& verdict,
                               const DecisionInputs& in, ExerciseLevels& levels) {
  std::vector<LevelChange> changes;
  if (verdict.verdict != Verdict::step_up && verdict.verdict != Verdict::step_back) return changes;
  for (const RoutineItem* item : items_for(routine, library, levels, verdict, in)) {
    if (library.exercise(item->exercise) == nullptr) continue;
    auto change =
        verdict.verdict == Verdict::step_up ? step_up(library, *item, levels) : step_back(library, *item, levels);
    if (!change) continue;
    levels[change->exercise] = change->to;
    changes.push_back(std::move(*change));
  }
  if (changes.empty() && verdict.verdict == Verdict::step_up) {
    verdict.verdict = Verdict::repeat;
    verdict.reasons = {Why::at_top};
  } else if (changes.empty()) {
    verdict.reasons.insert(Why::at_bottom);
  }
  return changes;
}

StageProgress stage_progress_of(StoreReader& tx, UserId user, const ContentLibrary& library, const Program& program,
                                const ProgressionConfig& config, const TimeZone& zone, Instant now,
                                std::span<const MorningReading> mornings) {
  StageProgress p;
  p.stage = stored_stage(tx, user, program);
  p.stage_count = program.stage_count();
  p.exit = program.stage(p.stage).exit;
  const LocalDate today = zone.date_of(now);
  std::optional<LocalDate> since;
  for (const auto& d : tx.decisions(user, program.id, DecisionKind::stage, 20)) {
    if ((d.verdict == Verdict::move || d.verdict == Verdict::set) && d.stage == p.stage) {
      since = d.date;
      break;
    }
  }
  if (!since) {
    const auto first = tx.first_session_at(user, program.id);
    since = first ? zone.date_of(*first) : today;
  }
  p.since = *since;
  p.days_in_stage = std::max(0, days_between(p.since, today));
  // The top level held: the latest sessions of the stage, newest first, while
  // every exercise was at the top of its ladder. Only as many as the criterion
  // needs are read (flare sessions in between are passed over), so the check
  // costs the same after a week or a year in the stage.
  const int needed = p.exit ? p.exit->top_level_sessions : 0;
  Instant counted_from = start_of(p.since, zone);
  // A step back or a flare resets the stage's readiness: the
  // sessions at the top level before it do not count towards the next stage.
  for (const DecisionRecord& d : tx.decisions(user, program.id, DecisionKind::rule, 3 * needed + 10)) {
    if (d.date < p.since) break;
    if (d.verdict == Verdict::step_back || d.offer_flare) {
      p.reset_after = d.date;
      counted_from = std::max(counted_from, start_of(add_days(d.date, 1), zone));
      break;
    }
  }
  for (const SessionRecord& s : tx.recent_sessions(user, 3 * needed + 3)) {
    if (s.started_at < counted_from || p.top_level_sessions >= needed) break;
    if (s.program != program.id || s.routine == RoutineKind::flare || s.exercises.empty()) continue;
    const bool all_top =
        s.stage == p.stage && std::all_of(s.exercises.begin(), s.exercises.end(), [&](const SessionExerciseRecord& e) {
          const Exercise* ex = library.exercise(e.exercise);
          return ex != nullptr && at_top_of_ladder(*ex, e.level);
        });
    if (!all_top) break;
    ++p.top_level_sessions;
  }
  p.mornings = weekly_check(mornings, today, config);
  p.pain_rise = config.weekly_pain_rise_tenths / 10.0;
  p.stiffness_rise_minutes = config.weekly_stiffness_rise_minutes;
  return p;
}

Json stage_json(const StageProgress& p) {
  Json w = nullptr;
  if (p.mornings) {
    w = Json{{"this_pain", p.mornings->this_pain},
             {"previous_pain", p.mornings->previous_pain},
             {"rising", p.mornings->rising()}};
  }
  return Json{{"stage", p.stage},
              {"since", format_date(p.since)},
              {"days_in_stage", p.days_in_stage},
              {"min_days", p.exit ? Json(p.exit->min_days) : Json(nullptr)},
              {"top_level_sessions", p.top_level_sessions},
              {"top_level_sessions_needed", p.exit ? Json(p.exit->top_level_sessions) : Json(nullptr)},
              {"mornings", std::move(w)},
              {"met", p.met()}};
}

// A pending proposal: the latest stage decision proposes the stage after the current one.
std::optional<DecisionRecord> pending_proposal(StoreReader& tx, UserId user, const Program& program, int stage) {
  auto latest = tx.decisions(user, program.id, DecisionKind::stage, 1);
  if (latest.empty() || latest.front().verdict != Verdict::propose || latest.front().stage != stage + 1) {
    return std::nullopt;
  }
  return std::move(latest.front());
}

std::vector<MorningReading> mornings_between(StoreReader& tx, UserId user, LocalDate from, LocalDate to) {
  return Diary::of(tx.entries_between(user, from, to)).mornings;
}

}  // namespace

bool progression_due(const Store& store, UserId user, const ProgressionConfig& config, const TimeZone& zone,
                     Instant now) {
  const auto tx = store.read();
  const LocalDate today = zone.date_of(now);
  std::vector<std::string> programs;
  for (const SessionRecord& s : tx->recent_sessions(user, 1)) programs.push_back(s.program);
  for (const std::string& program : programs) {
    std::map<RoutineKind, std::optional<DecisionRecord>> last;
    const auto sessions = tx->sessions_between(user, undecided_since(*tx, user, program, zone), now + 1s);
    for (const SessionDay& day : undecided_days(*tx, user, program, sessions, zone, last)) {
      const bool logged = tx->find_entry_on(user, add_days(day.date, 1), Period::morning).has_value();
      if (decidable(day, facts_of(day, config), config, logged, today)) return true;
    }
  }
  return false;
}

AppResult<std::vector<DecisionRecord>> decide_progression(Store& store, const WriteMeta& meta, UserId user,
                                                          const ProgressionContext& ctx) {
  const ProgressionConfig& config = ctx.config;
  const LocalDate today = ctx.zone.date_of(meta.at);
  std::vector<DecisionRecord> made;
  auto tx = store.write();
  ExerciseLevels levels = tx->exercise_levels(user);

  for (const Program& program : ctx.library.programs()) {
    std::map<RoutineKind, std::optional<DecisionRecord>> last;
    const auto sessions = tx->sessions_between(user, undecided_since(*tx, user, program.id, ctx.zone), meta.at + 1s);
    const auto days = undecided_days(*tx, user, program.id, sessions, ctx.zone, last);
    if (days.empty()) continue;

    // The diary from the oldest baseline or weekly span any of these days needs.
    const int reach = std::max(config.baseline_lookback_days, 2 * config.weekly_days);
    const Diary diary = Diary::of(tx->entries_between(user, add_days(days.front().date, -reach), today));

    std::map<RoutineKind, RoutineState> state;
    for (RoutineKind r : kProgressed) state[r] = last[r] ? last[r]->state : RoutineState{};
    std::map<RoutineKind, bool> blocked;

    for (const SessionDay& day : days) {
      if (blocked[day.routine]) continue;
      const DayFacts facts = facts_of(day, config);
      const LocalDate next = add_days(day.date, 1);
      const auto morning = next <= today ? diary.morning(next) : std::nullopt;
      if (!decidable(day, facts, config, morning.has_value(), today)) {
        blocked[day.routine] = true;  // later days of this routine wait for this one
        continue;
      }
      RoutineState& st = state[day.routine];
      DecisionInputs in;
      in.routine = day.routine;
      in.session_date = day.date;
      in.sessions = static_cast<int>(day.sessions.size());
      in.baseline = baseline_before(diary.mornings, day.date, config);
      in.next_morning = morning;
      in.pain_during = facts.pain_during;
      in.painful_exercises = facts.painful;
      in.stopped_for_pain = facts.stopped_for_pain;
      in.pain_after = diary.pain_after(day.date, period_at(day.sessions.front()->started_at, ctx.zone));
      in.good_sessions_before = st.good_sessions;
      in.last_step_up = st.last_step_up;
      const LocalDate week_end = std::min(next, today);
      if (!st.last_weekly_check || days_between(*st.last_weekly_check, week_end) >= config.weekly_days) {
        in.weekly = weekly_check(diary.mornings, week_end, config);
      }
      in.progression_allowed = ctx.safety.allowed;
      in.safety_note = ctx.safety.allowed ? "" : ctx.safety.note;

      RuleVerdict verdict = decide(in, config);
      const int stage = day.sessions.front()->stage;
      const Routine& routine = program.routine(stage, day.routine);
      std::vector<LevelChange> changes = apply(ctx.library, routine, verdict, in, levels);

      DecisionRecord d;
      d.program = program.id;
      d.kind = DecisionKind::rule;
      d.routine = day.routine;
      d.date = day.date;
      d.verdict = verdict.verdict;
      d.reasons = verdict.reasons;
      d.stage = program.stage(stage).number;
      d.inputs = decision_inputs_to_json(in).dump();
      d.sentence = decision_sentence(in, verdict, changes, config, ctx.library);
      if ((verdict.verdict == Verdict::step_back || verdict.offer_flare) && program.stage(stage).exit) {
        d.sentence +=
            " The stage's readiness starts again: only sessions at the top level from tomorrow count "
            "towards the next stage.";
      }
      d.changes = std::move(changes);
      d.offer_flare = verdict.offer_flare;
      d.state.good_sessions = verdict.good_sessions_after;
      d.state.last_step_up = verdict.verdict == Verdict::step_up ? std::optional(day.date) : st.last_step_up;
      d.state.last_weekly_check = in.weekly ? std::optional(in.weekly->last_day) : st.last_weekly_check;
      st = d.state;
      for (const LevelChange& c : d.changes) tx->set_exercise_level(user, c.exercise, c.to, meta.at);
      made.push_back(tx->insert_decision(user, d, meta));
    }

    // The stage's exit criteria, once the rule has had its say; never on a
    // day the rule stepped back or offered the flare routine.
    if (!ctx.safety.allowed) continue;
    const bool stepped_back = std::any_of(made.begin(), made.end(), [&](const DecisionRecord& d) {
      return d.program == program.id && (d.verdict == Verdict::step_back || d.offer_flare);
    });
    if (stepped_back) continue;
    const StageProgress progress =
        stage_progress_of(*tx, user, ctx.library, program, config, ctx.zone, meta.at, diary.mornings);
    if (!progress.met() || progress.stage >= program.stage_count() ||
        pending_proposal(*tx, user, program, progress.stage)) {
      continue;
    }
    DecisionRecord d;
    d.program = program.id;
    d.kind = DecisionKind::stage;
    d.date = today;
    d.verdict = Verdict::propose;
    d.reasons = {Why::exit_met};
    d.stage = progress.stage + 1;
    d.inputs = stage_json(progress).dump();
    d.sentence = stage_proposal_sentence(progress, program);
    made.push_back(tx->insert_decision(user, d, meta));
  }
  tx->commit();
  return made;
}

AppResult<ProgressOverview> progress_overview(const Store& store, UserId user, const ProgressionContext& ctx,
                                              Instant now, const std::optional<std::string>& program, int limit) {
  const auto p = find_program(ctx.library, program);
  if (!p) return fail(p.error());
  const Program& prog = **p;
  const auto tx = store.read();
  const LocalDate today = ctx.zone.date_of(now);
  ProgressOverview o;
  o.program = &prog;
  o.stage = stored_stage(*tx, user, prog);
  o.levels = tx->exercise_levels(user);
  const auto mornings = mornings_between(*tx, user, add_days(today, -2 * ctx.config.weekly_days), today);
  o.stage_progress = stage_progress_of(*tx, user, ctx.library, prog, ctx.config, ctx.zone, now, mornings);
  o.stage_progress.paused_for_safety = !ctx.safety.allowed;
  o.proposal = pending_proposal(*tx, user, prog, o.stage);
  o.recent = tx->decisions(user, prog.id, std::nullopt, limit);
  for (const auto& d : o.recent) {
    if (d.kind == DecisionKind::rule && d.offer_flare && add_days(d.date, 1) == today) {
      o.flare_offer = d;
      break;
    }
  }
  std::map<RoutineKind, std::optional<DecisionRecord>> last;
  const auto sessions = tx->sessions_between(user, undecided_since(*tx, user, prog.id, ctx.zone), now + 1s);
  for (const SessionDay& day : undecided_days(*tx, user, prog.id, sessions, ctx.zone, last)) {
    o.waiting.push_back(fmt::format("{} {} session ({}): waiting for the morning of {} {}", weekday_name(day.date),
                                    name_of(day.routine), format_date(day.date), weekday_name(add_days(day.date, 1)),
                                    format_date(add_days(day.date, 1))));
  }
  return o;
}

AppResult<std::vector<DecisionRecord>> decisions_for(const Store& store, UserId user, const ContentLibrary& library,
                                                     std::optional<LocalDate> day) {
  const auto tx = store.read();
  if (!day) {
    std::optional<LocalDate> latest;
    for (const Program& p : library.programs()) {
      const auto newest = tx->decisions(user, p.id, std::nullopt, 1);
      if (!newest.empty() && (!latest || newest.front().date > *latest)) latest = newest.front().date;
    }
    if (!latest) return fail(not_found("no progression decision has been made yet"));
    day = latest;
  }
  auto found = tx->decisions_between(user, *day, *day);
  if (found.empty()) {
    return fail(not_found(fmt::format("no progression decision is dated {}", format_date(*day))));
  }
  return found;
}

std::optional<FieldError> override_note_problem(std::string_view note) {
  const auto length = utf8_length(note);
  if (!length) return FieldError{"note", "text that is not UTF-8", std::string(kOverrideNoteAllowed)};
  if (*length > kMaxOverrideNote) {
    return FieldError{"note", fmt::format("{} characters", *length), std::string(kOverrideNoteAllowed)};
  }
  return std::nullopt;
}

namespace {

// Moving on by hand, a level or a stage up or a proposed stage confirmed,
// waits while anything is open: a warning sign until a clinician has seen the
// person (clinical.md "Safety"), a check until it is answered (a weekly check
// due, leg symptoms not yet asked about, a sharp rise in morning pain); moving
// back is always allowed. `message` says what stays.
AppError held_for_safety(const ProgressionSafety& safety, const std::string& message) {
  AppError e = conflict(fmt::format("{}: {}", message, safety.wait));
  if (safety.hint) e = with_hint(std::move(e), *safety.hint);
  return e;
}

}  // namespace

AppResult<DecisionRecord> override_level(Store& store, const WriteMeta& meta, UserId user,
                                         const ProgressionContext& ctx, const std::string& exercise, int level,
                                         const std::string& note) {
  if (const auto problem = override_note_problem(note)) return fail(invalid("nothing was set", {*problem}));
  const Exercise* e = ctx.library.exercise(exercise);
  if (e == nullptr) {
    return fail(with_hint(invalid("there is no such exercise", {{"exercise", exercise, "an exercise id"}}),
                          {HintAction::list_exercises}));
  }
  if (level < 1 || level > e->level_count()) {
    return fail(invalid("there is no such level",
                        {{"level", std::to_string(level), fmt::format("a level from 1 to {}", e->level_count())}}));
  }
  const Program& program = ctx.library.default_program();
  auto tx = store.write();
  const ExerciseLevels levels = tx->exercise_levels(user);
  DecisionRecord d;
  d.program = program.id;
  d.kind = DecisionKind::override;
  d.date = ctx.zone.date_of(meta.at);
  d.verdict = Verdict::set;
  d.reasons = {Why::by_hand};
  d.stage = stored_stage(*tx, user, program);
  d.changes = {set_level(ctx.library, *e, level, levels)};
  if (d.changes.front().to > d.changes.front().from && !ctx.safety.by_hand) {
    return fail(held_for_safety(
        ctx.safety, fmt::format("{} stays at level {} (moving back is allowed)", e->name, d.changes.front().from)));
  }
  d.inputs = Json{{"exercise", exercise}, {"level", level}}.dump();
  d.note = note;
  d.sentence = fmt::format("Set by hand: {}{}.", d.changes.front().what, note.empty() ? "" : " (" + note + ")");
  tx->set_exercise_level(user, e->id, level, meta.at);
  DecisionRecord stored = tx->insert_decision(user, d, meta);
  tx->commit();
  return stored;
}

AppResult<DecisionRecord> override_stage(Store& store, const WriteMeta& meta, UserId user,
                                         const ProgressionContext& ctx, const std::optional<std::string>& program,
                                         int stage, const std::string& note) {
  if (const auto problem = override_note_problem(note)) return fail(invalid("nothing was set", {*problem}));
  const auto p = find_program(ctx.library, program);
  if (!p) return fail(p.error());
  const Program& prog = **p;
  if (stage < 1 || stage > prog.stage_count()) {
    return fail(invalid("there is no such stage",
                        {{"stage", std::to_string(stage), fmt::format("a stage from 1 to {}", prog.stage_count())}}));
  }
  auto tx = store.write();
  const int from = stored_stage(*tx, user, prog);
  if (stage == from) {
    return fail(invalid("nothing was set", {{"stage", std::to_string(stage),
                                             fmt::format("a stage other than the current one ({})", from)}}));
  }
  if (stage > from && !ctx.safety.by_hand) {
    return fail(held_for_safety(ctx.safety, fmt::format("stage {} stays (moving back is allowed)", from)));
  }
  DecisionRecord d;
  d.program = prog.id;
  d.kind = DecisionKind::stage;
  d.date = ctx.zone.date_of(meta.at);
  d.verdict = Verdict::set;
  d.reasons = {Why::by_hand};
  d.stage = stage;
  d.inputs = Json{{"from", from}, {"to", stage}}.dump();
  d.note = note;
  d.sentence = fmt::format("Set by hand: stage {} (\"{}\") in place of stage {}{}.", stage, prog.stage(stage).name,
                           from, note.empty() ? "" : " (" + note + ")");
  tx->set_current_stage(user, prog.id, stage, meta.at);
  DecisionRecord stored = tx->insert_decision(user, d, meta);
  tx->commit();
  return stored;
}

AppResult<DecisionRecord> confirm_stage(Store& store, const WriteMeta& meta, UserId user, const ProgressionContext& ctx,
                                        const std::optional<std::string>& program) {
  const auto p = find_program(ctx.library, program);
  if (!p) return fail(p.error());
  const Program& prog = **p;
  auto tx = store.write();
  const int stage = stored_stage(*tx, user, prog);
  const auto proposal = pending_proposal(*tx, user, prog, stage);
  if (!proposal) {
    return fail(with_hint(conflict(fmt::format("no stage change is waiting for you: stage {} is not done yet", stage)),
                          {HintAction::progress_status}));
  }
  if (!ctx.safety.by_hand) {
    return fail(held_for_safety(ctx.safety, fmt::format("stage {} stays as it is", stage)));
  }
  DecisionRecord d;
  d.program = prog.id;
  d.kind = DecisionKind::stage;
  d.date = ctx.zone.date_of(meta.at);
  d.verdict = Verdict::move;
  d.reasons = {Why::confirmed};
  d.stage = stage + 1;
  d.inputs = Json{{"from", stage}, {"to", stage + 1}, {"proposed_on", format_date(proposal->date)}}.dump();
  d.sentence = fmt::format("You confirmed the move: stage {}, \"{}\", begins today, at the levels you have reached.",
                           stage + 1, prog.stage(stage + 1).name);
  tx->set_current_stage(user, prog.id, stage + 1, meta.at);
  DecisionRecord stored = tx->insert_decision(user, d, meta);
  tx->commit();
  return stored;
}

Json decision_to_json(const DecisionRecord& d, const DecisionReader& reader) {
  Json reasons = Json::array();
  d.reasons.for_each([&](Why w) { reasons.push_back(name_of(w)); });
  Json inputs = Json::parse(d.inputs, nullptr, false);
  std::string sentence = d.sentence;
  if (reader.clinician) {
    // The warning sign that paused a rule decision is the safety answers'.
    std::optional<DecisionRecord> blanked;
    if (!reader.safety_shown && inputs.is_object() && inputs.contains("safety_note")) {
      inputs["safety_note"] = "";
      blanked = d;
      blanked->inputs = inputs.dump();
    }
    if (const auto program = find_program(reader.clinician->library, d.program)) {
      sentence = clinician_decision_sentence(blanked ? *blanked : d, **program, reader.clinician->config,
                                             reader.clinician->library, reader.numbers);
    }
  }
  if (reader.numbers == DiaryNumbers::withheld) {
    // A rule decision's inputs are the diary's mornings and ratings; a stage's, its mornings.
    if (d.kind == DecisionKind::rule) {
      inputs = nullptr;
    } else if (inputs.is_object()) {
      inputs.erase("mornings");
    }
  }
  return Json{{"id", d.id.value},
              {"program", d.program},
              {"kind", name_of(d.kind)},
              {"routine", d.routine ? Json(name_of(*d.routine)) : Json(nullptr)},
              {"date", format_date(d.date)},
              {"verdict", name_of(d.verdict)},
              {"reasons", std::move(reasons)},
              {"stage", d.stage},
              {"sentence", std::move(sentence)},
              {"changes", level_changes_to_json(d.changes)},
              {"offer_flare", d.offer_flare},
              {"note", d.note},
              {"inputs", std::move(inputs)},
              {"decided_at", format_utc(d.decided_at)},
              {"channel", d.channel},
              {"author", d.author ? Json{{"id", d.author->id ? Json(d.author->id->value) : Json(nullptr)},
                                         {"name", d.author->name}}
                                  : Json(nullptr)}};
}

std::vector<ProgressRoutine> progress_routines(const ContentLibrary& library, const ProgressOverview& o) {
  std::vector<ProgressRoutine> out;
  for (RoutineKind kind : kProgressed) {
    const Routine& r = o.program->routine(o.stage, kind);
    ProgressRoutine routine{kind, r.title, {}};
    for (const RoutineItem& item : r.items) {
      const Exercise* listed = library.exercise(item.exercise);
      if (listed == nullptr) continue;
      const Exercise& e = played_exercise(library, *listed, o.levels);
      const int level = std::clamp(level_of(o.levels, e.id), 1, e.level_count());
      routine.exercises.push_back({&e, listed, level, describe_dose(item.dose.over(e.level(level).dose), e.sides)});
    }
    out.push_back(std::move(routine));
  }
  return out;
}

Json progress_overview_to_json(const ProgressOverview& o, const ContentLibrary& library, const DecisionReader& reader) {
  const Program& p = *o.program;
  const Stage& stage = p.stage(o.stage);
  Json levels = Json::object();
  for (const auto& [id, level] : o.levels) levels[id] = level;
  Json recent = Json::array();
  for (const auto& d : o.recent) recent.push_back(decision_to_json(d, reader));
  const StageProgress& sp = o.stage_progress;
  Json criteria = Json::array();
  for (const StageCriterion& c : stage_criteria(sp)) criteria.push_back(Json{{"met", c.met}, {"text", c.text}});
  Json routines = Json::array();
  for (const ProgressRoutine& r : progress_routines(library, o)) {
    Json exercises = Json::array();
    for (const ProgressExercise& e : r.exercises) {
      exercises.push_back(Json{{"exercise", e.played->id},
                               {"name", e.played->name},
                               {"listed", e.listed->id},
                               {"listed_name", e.listed->name},
                               {"level", e.level},
                               {"levels", e.played->level_count()},
                               {"dose", e.dose}});
    }
    routines.push_back(Json{{"routine", name_of(r.kind)}, {"title", r.title}, {"exercises", std::move(exercises)}});
  }
  return Json{{"program", p.id},
              {"stage", o.stage},
              {"stages", p.stage_count()},
              {"levels", std::move(levels)},
              {"stage_criteria", Json{{"days_in_stage", sp.days_in_stage},
                                      {"days_met", sp.days_met()},
                                      {"top_level_sessions", sp.top_level_sessions},
                                      {"sessions_met", sp.sessions_met()},
                                      {"mornings_met", sp.mornings_met()},
                                      {"met", sp.met()}}},
              {"stage_proposed", o.proposal.has_value()},
              {"flare_offered", o.flare_offer.has_value()},
              {"waiting", o.waiting},
              {"decisions", std::move(recent)},
              {"program_name", p.name},
              {"stage_name", stage.name},
              {"stage_exit", stage.exit ? Json(stage.exit->description) : Json(nullptr)},
              {"criteria", std::move(criteria)},
              {"proposal", o.proposal ? decision_to_json(*o.proposal, reader) : Json(nullptr)},
              {"flare_offer", o.flare_offer ? decision_to_json(*o.flare_offer, reader) : Json(nullptr)},
              {"routines", std::move(routines)},
              {"rule", kAdaptedFrom}};
}

Json decisions_to_json(const std::vector<DecisionRecord>& decisions, const DecisionReader& reader) {
  Json out = Json::array();
  for (const auto& d : decisions) out.push_back(decision_to_json(d, reader));
  return Json{{"decisions", std::move(out)}, {"rule", kAdaptedFrom}};
}

}  // namespace daybreak
