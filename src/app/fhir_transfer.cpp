#include "app/fhir_transfer.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "app/program_lookup.hpp"
#include "app/progression.hpp"
#include "app/session.hpp"
#include "content/instruments.hpp"
#include "domain/entry_fields.hpp"
#include "exercise/json.hpp"
#include "progression/ladder.hpp"
#include "report/fhir.hpp"

namespace daybreak {
namespace {

constexpr Instant kBeginning{};
constexpr Instant kEnd{std::chrono::sys_days{std::chrono::year{9999} / 12 / 31}.time_since_epoch()};

// The note of the decisions an import makes for a stage or levels it brings
// in. They tell of this install, so they are not exported: taken back home,
// they would say something was brought in there.
constexpr std::string_view kBroughtInNote = "brought in with the diary (FHIR)";

bool brought_in(const DecisionRecord& d) {
  return d.verdict == Verdict::set && d.reasons == ChoiceSet<Why>{Why::by_hand} && d.note == kBroughtInNote;
}

// "nothing was imported: 1 problem in the file", "... 2 clashes with your diary".
AppError nothing_imported(std::vector<std::string> details, std::string_view one, std::string_view many,
                          std::string_view what) {
  std::string message =
      fmt::format("nothing was imported: {} {} {}", details.size(), details.size() == 1 ? one : many, what);
  return invalid_details(std::move(message), std::move(details));
}

// The first instant of diary day `d`.
Instant day_start(LocalDate d, const TimeZone& zone) { return zone.resolve(at(d, Minutes{0})).first; }

// The plan a stored session played, rebuilt from the content: the routine of
// its program and stage at the levels it records. Where a ladder had moved on
// (the session played a harder exercise in place of the routine's), the
// routine's exercise was at its top level.
std::optional<SessionPlan> rebuild_plan(const ContentLibrary& library, const Program& program,
                                        const SessionRecord& rec) {
  ExerciseLevels levels;
  for (const auto& x : rec.exercises) levels[x.exercise] = x.level;
  for (int round = 0; round < 8; ++round) {
    SessionPlan plan = expand_plan(library, program, rec.stage, rec.routine, levels);
    if (plan.exercises.size() != rec.exercises.size()) return std::nullopt;
    bool changed = false;
    for (std::size_t i = 0; i < plan.exercises.size(); ++i) {
      if (plan.exercises[i].id == rec.exercises[i].exercise) continue;
      const Exercise* e = library.exercise(plan.exercises[i].id);
      if (e == nullptr || level_of(levels, e->id) == e->level_count()) return std::nullopt;
      levels[e->id] = e->level_count();
      changed = true;
    }
    if (!changed) return plan;
  }
  return std::nullopt;
}

// The session as save_session() would store it from `plan`, or why it cannot be.
std::optional<std::string> check_session(const SessionPlan& plan, const SessionRecord& rec) {
  SessionSave save{rec.started_at, {}, std::nullopt};
  save.result.pain_before = rec.pain_before;
  save.result.steps = rec.steps;
  for (const auto& x : rec.exercises) save.result.pain_during.push_back(x.pain_during);
  save.result.stop_reason = rec.stop_reason;
  save.result.duration = rec.ended_at - rec.started_at;
  if (FieldErrors errors = check_session_save(plan, save); !errors.empty()) return errors.front().message();
  if (exercise_records(plan, save.result) != rec.exercises) {
    return "its exercises' steps done and skipped do not match its step outcomes";
  }
  return std::nullopt;
}

bool same_session(const SessionRecord& stored, const SessionRecord& file) {
  SessionRecord a = stored;
  a.id = {};
  a.idempotency_key.reset();
  a.recorded_at = {};
  a.channel.clear();
  return a == file;
}

// An experiment of the file as it will be written.
struct ExperimentPlan {
  const FhirExperiment* file;
  std::optional<ExperimentId> have;            // the diary's, made at the same moment
  bool stop = false;                           // the file's stop, which the diary lacks
  std::vector<const ExperimentNight*> nights;  // to write: new, or other than stored
};

// Personal experiments: one made at the same moment is the same experiment,
// whose design must be the file's; any other must share no night with
// another, as a new one may not (only one experiment runs at a time).
std::vector<ExperimentPlan> plan_experiments(StoreWriter& tx, UserId user_id,
                                             const std::vector<FhirExperiment>& experiments, bool replace,
                                             FhirImportSummary& summary, std::vector<std::string>& details) {
  std::vector<ExperimentPlan> experiment_plans;
  if (experiments.empty()) return experiment_plans;
  tx.hold_experiments(user_id);  // as create_experiment does
  std::vector<Experiment> taken = tx.experiments(user_id);
  const std::size_t stored_count = taken.size();
  for (const auto& x : experiments) {
    const Experiment& e = x.experiment;
    const auto where = [&](const std::string& why) {
      details.push_back(fmt::format("{} at {}: {}", x.place.resource, x.place.path, why));
    };
    const auto same = std::find_if(taken.begin(), taken.begin() + static_cast<std::ptrdiff_t>(stored_count),
                                   [&](const Experiment& have) { return have.created_at == e.created_at; });
    ExperimentPlan plan{&x, std::nullopt, false, {}};
    std::vector<ExperimentNight> stored_nights;
    if (same != taken.begin() + static_cast<std::ptrdiff_t>(stored_count)) {
      if (same->design != e.design) {
        where(
            fmt::format("an experiment not in your diary yet: experiment {} was created then with another design, "
                        "and a design is never changed",
                        same->id.value));
        continue;
      }
      plan.have = same->id;
      if (e.stopped_at && !same->stopped_at) {
        plan.stop = true;
      } else if (e.stopped_at && (e.stopped_at != same->stopped_at || e.stopped_after != same->stopped_after ||
                                  e.stop_reason != same->stop_reason)) {
        where(fmt::format("experiment {} as your diary has it: it was stopped after {}, and a stop is never changed",
                          same->id.value, format_date(*same->stopped_after)));
        continue;
      }
      stored_nights = tx.experiment_nights(user_id, same->id);
      const LocalDate end = plan.stop ? e.end_night() : same->end_night();
      bool fits = true;
      for (const auto& n : x.nights) {
        if (n.night > end) {
          where(fmt::format("nights of experiment {} up to {}, when it was stopped; {} is later", same->id.value,
                            format_date(end), format_date(n.night)));
          fits = false;
          break;
        }
      }
      if (!fits) continue;
      ++(plan.stop ? summary.experiments_updated : summary.experiments_unchanged);
    } else {
      const auto clash =
          std::find_if(taken.begin(), taken.end(), [&](const Experiment& other) { return share_a_night(e, other); });
      if (clash != taken.end()) {
        where(
            fmt::format("an experiment whose nights are not another's: '{}' has nights from {} to {}, and only one "
                        "experiment runs at a time",
                        clash->design.title, format_date(clash->design.first_night), format_date(clash->end_night())));
        continue;
      }
      taken.push_back(e);
      ++summary.experiments_added;
    }
    for (const auto& n : x.nights) {
      const auto have = std::find_if(stored_nights.begin(), stored_nights.end(),
                                     [&](const ExperimentNight& s) { return s.night == n.night; });
      if (have == stored_nights.end()) {
        ++summary.nights_added;
      } else if (have->followed == n.followed && have->note == n.note) {
        ++summary.nights_unchanged;
        continue;
      } else if (replace) {
        ++summary.nights_updated;
      } else {
        where(
            fmt::format("a night not in your diary yet: experiment {} has the night of {} logged with other "
                        "values (an import with replace overwrites it: --replace on the command line, replace=true "
                        "in the API)",
                        same->id.value, format_date(n.night)));
        continue;
      }
      plan.nights.push_back(&n);
    }
    experiment_plans.push_back(std::move(plan));
  }
  return experiment_plans;
}

void write_experiments(StoreWriter& tx, UserId user_id, const std::vector<ExperimentPlan>& plans) {
  for (const auto& plan : plans) {
    const Experiment& e = plan.file->experiment;
    const ExperimentId id = plan.have ? *plan.have : tx.insert_experiment(user_id, e.design, e.created_at).id;
    if (e.stopped_at && (!plan.have || plan.stop)) {
      tx.stop_experiment(user_id, id, *e.stopped_after, e.stop_reason, *e.stopped_at);
    }
    for (const ExperimentNight* n : plan.nights) {
      ExperimentNight night = *n;
      night.experiment = id;
      tx.log_experiment_night(user_id, night);
    }
  }
}

// The program's past decisions: history, added as they were made. One the
// diary has already (the rule's for the same routine and day; else one made at
// the same moment with the same values) is skipped when equal; the rule's,
// which decides a routine once a day, is refused when it differs.
std::vector<const FhirDecision*> plan_decisions(StoreWriter& tx, UserId user_id, const ContentLibrary& library,
                                                const std::vector<FhirDecision>& decisions, FhirImportSummary& summary,
                                                std::vector<std::string>& details) {
  std::vector<const FhirDecision*> to_add;
  if (decisions.empty()) return to_add;
  const auto [first, last] =
      std::minmax_element(decisions.begin(), decisions.end(),
                          [](const FhirDecision& a, const FhirDecision& b) { return a.record.date < b.record.date; });
  const auto stored = tx.decisions_between(user_id, first->record.date, last->record.date);
  std::map<LocalDate, std::vector<std::size_t>> stored_on;  // each day's, as made
  for (std::size_t i = 0; i < stored.size(); ++i) stored_on[stored[i].date].push_back(i);
  std::vector<bool> matched(stored.size(), false);
  // Its author is not compared: a name here may be an account there, or the other way round.
  const auto same = [](DecisionRecord a, DecisionRecord b) {
    a.id = {};
    a.author.reset();
    b.author.reset();
    return a == b;
  };
  std::set<std::tuple<std::string, RoutineKind, LocalDate>> rule_days;  // the file's, each once
  for (const auto& f : decisions) {
    const DecisionRecord& d = f.record;
    const auto where = [&](const std::string& why) {
      details.push_back(fmt::format("{} at {}: {}", f.place.resource, f.place.path, why));
    };
    if (library.program(d.program) == nullptr) {
      where(fmt::format("a program of the content this daybreak runs on; '{}' is not one", d.program));
      continue;
    }
    const auto off_content = std::find_if(d.changes.begin(), d.changes.end(), [&](const LevelChange& c) {
      const Exercise* e = library.exercise(c.exercise);
      return e == nullptr || std::min(c.from, c.to) < 1 || std::max(c.from, c.to) > e->level_count();
    });
    if (off_content != d.changes.end()) {
      const Exercise* e = library.exercise(off_content->exercise);
      where(e == nullptr ? fmt::format("an exercise of the content this daybreak runs on; '{}' is not one",
                                       off_content->exercise)
                         : fmt::format("levels of {} from 1 to {}; {} to {} is not a change between them",
                                       off_content->exercise, e->level_count(), off_content->from, off_content->to));
      continue;
    }
    if (const auto problem = override_note_problem(d.note)) {
      where(fmt::format("note[0].text: {} is not allowed; allowed: {}", problem->value, problem->allowed));
      continue;
    }
    const bool rule = d.kind == DecisionKind::rule;
    if (rule && !rule_days.emplace(d.program, *d.routine, d.date).second) {
      where(fmt::format("the rule's decision for the {} routine of {} once", name_of(*d.routine), format_date(d.date)));
      continue;
    }
    std::optional<std::size_t> have;
    if (const auto day = stored_on.find(d.date); day != stored_on.end()) {
      for (const std::size_t i : day->second) {
        const DecisionRecord& s = stored[i];
        if (matched[i] || s.program != d.program || s.kind != d.kind) continue;
        if (rule ? s.routine == d.routine : same(s, d)) {
          have = i;
          break;
        }
      }
    }
    if (!have) {
      to_add.push_back(&f);
    } else if (same(stored[*have], d)) {
      matched[*have] = true;
      ++summary.decisions_unchanged;
    } else {
      where(fmt::format(
          "a decision not in your diary yet: the rule decided the {} routine of {} otherwise (decision {}), and a "
          "decision is never changed",
          name_of(*d.routine), format_date(d.date), stored[*have].id.value));
    }
  }
  return to_add;
}

}  // namespace

Uuid export_person_id(StoreReader& tx, const User& user) {
  if (const auto stored = tx.setting(user.id, kExportIdKey)) {
    if (const auto id = Uuid::parse(*stored)) return *id;
  }
  return derived_person_id(user.id.value, user.created_at);
}

AppResult<std::string> export_fhir(const Store& store, UserId user_id, const TimeZone& zone, const DayRange& range,
                                   Instant now) {
  if (range.from && range.to && *range.from > *range.to) {
    return fail(invalid("the range is empty", {{"--from", format_date(*range.from),
                                                fmt::format("a day on or before --to ({})", format_date(*range.to))}}));
  }
  auto tx = store.read();
  const auto user = tx->find_user(user_id);
  if (!user) return fail(not_found("there is no such person"));
  const LocalDate from = range.from.value_or(kFirstDiaryDay);
  const LocalDate to =
      range.to.value_or(LocalDate{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}});
  const auto entries = tx->entries_between(user_id, from, to);
  const auto sessions = tx->sessions_between(user_id, range.from ? day_start(from, zone) : kBeginning,
                                             range.to ? day_start(add_days(to, 1), zone) : kEnd);
  std::vector<QuestionnaireResponse> responses;
  std::vector<const Instrument*> instruments;
  for (auto& r : tx->questionnaire_responses(user_id, "")) {
    const LocalDate day = zone.date_of(r.taken_at);
    if (day < from || day > to) continue;
    const Instrument* q = find_instrument(r.instrument);
    if (q != nullptr && std::find(instruments.begin(), instruments.end(), q) == instruments.end()) {
      instruments.push_back(q);
    }
    responses.push_back(std::move(r));
  }
  // In the order daybreak lists its instruments, whatever order they were taken in.
  std::sort(instruments.begin(), instruments.end());
  std::vector<ScreeningEvent> screenings;
  for (auto& c : tx->screening_events(user_id)) {
    const LocalDate day = zone.date_of(c.at);
    if (day >= from && day <= to) screenings.push_back(std::move(c));
  }
  const auto stages = tx->program_stages(user_id);
  const auto levels = tx->exercise_levels(user_id);
  // Experiments with a night in the range, each with every night logged for it.
  std::vector<FhirExperiment> experiments;
  for (auto& e : tx->experiments(user_id)) {
    if (e.design.first_night > to || std::max(e.end_night(), e.design.first_night) < from) continue;
    auto nights = tx->experiment_nights(user_id, e.id);
    experiments.push_back({std::move(e), std::move(nights), {}});
  }
  auto decisions = tx->decisions_between(user_id, from, to);
  std::erase_if(decisions, brought_in);
  User named = *user;
  if (named.name == kUnnamedPerson) named.name.clear();  // a placeholder, not a name to send
  return fhir_collection(FhirExport{.user = named,
                                    .person = export_person_id(*tx, *user),
                                    .zone = zone,
                                    .entries = entries,
                                    .sessions = sessions,
                                    .responses = responses,
                                    .instruments = instruments,
                                    .screenings = screenings,
                                    .stages = &stages,
                                    .levels = &levels,
                                    .experiments = experiments,
                                    .decisions = decisions,
                                    .coming_night = tonight(zone.to_local(now))});
}

AppResult<std::string> export_consents(const Store& store, UserId person, const TimeZone& zone, LocalDate today) {
  auto tx = store.read();
  const auto user = tx->find_user(person);
  if (!user) return fail(not_found("there is no such person"));
  std::vector<FhirConsent> consents;
  for (auto& g : tx->grants_of(person)) {
    const auto clinician = tx->find_user(g.clinician);
    if (!clinician) continue;  // accounts are never deleted; a grant always names one
    FhirParty party{export_person_id(*tx, *clinician), clinician->name};
    consents.push_back(FhirConsent{std::move(g), std::move(party)});
  }
  return fhir_consents(FhirConsentExport{{export_person_id(*tx, *user), user->name}, zone, today, consents});
}

AppResult<FhirImportSummary> import_fhir(Store& store, const WriteMeta& meta, UserId user_id, const TimeZone& zone,
                                         const ContentLibrary& library, std::string_view text, bool replace,
                                         bool dry_run) {
  const auto& catalogue = builtin_instruments();
  auto content = read_fhir_collection(text, zone, catalogue);
  if (!content) {
    std::vector<std::string> details;
    for (const auto& p : content.error()) details.push_back(p.message());
    return fail(nothing_imported(std::move(details), "problem", "problems", "in the file"));
  }

  auto tx = store.write();
  auto user = tx->find_user(user_id);
  if (!user) return fail(not_found("there is no such person"));

  std::vector<ImportRow> rows;
  rows.reserve(content->entries.size());
  // A warning sign whose check the file brings is not checked again at import.
  std::set<std::pair<LocalDate, Period>> checked;
  for (const auto& c : content->screenings) {
    if (c.event.kind == ScreenKind::quick && c.entry) checked.insert(*c.entry);
  }
  for (const auto& e : content->entries) {
    rows.push_back({fmt::format("the {} of {}", name_of(e.period), format_date(e.date)), e.date, e.period, &e.fields,
                    e.created_at, std::nullopt, checked.contains({e.date, e.period})});
  }
  auto entries =
      import_rows(*tx, meta, user_id, zone, rows, replace ? ClashPolicy::replace : ClashPolicy::refuse, dry_run);
  if (!entries) return fail(entries.error());
  FhirImportSummary summary{*entries};

  std::vector<std::string> details;
  std::vector<std::pair<const SessionRecord*, SessionPlan>> new_sessions;
  for (const auto& s : content->sessions) {
    const SessionRecord& rec = s.record;
    const auto where = [&](std::string_view why) {
      details.push_back(fmt::format("{} at {}: {}", s.place.resource, s.place.path, why));
    };
    // Stored already: one of the routine started then with the same values
    // (two may have started in one second); one with other values clashes.
    std::optional<SessionId> other;
    bool same = false;
    for (const auto& have : tx->sessions_between(user_id, rec.started_at, rec.started_at + std::chrono::seconds{1})) {
      if (have.routine != rec.routine) continue;
      if (same_session(have, rec)) same = true;
      other = have.id;
    }
    if (same) {
      ++summary.sessions_unchanged;
      continue;
    }
    if (other) {
      where(
          fmt::format("a session not in your diary yet: session {} started then with other values, and a "
                      "stored session is never changed",
                      other->value));
      continue;
    }
    const auto program = find_program(library, rec.program);
    if (!program) {
      where(fmt::format("a program of the content this daybreak runs on; '{}' is not one", rec.program));
      continue;
    }
    auto plan = rebuild_plan(library, **program, rec);
    if (!plan) {
      where(
          fmt::format("a session of the content this daybreak runs on: the {} routine of stage {} of {} has other "
                      "exercises",
                      name_of(rec.routine), rec.stage, rec.program));
      continue;
    }
    if (auto why = check_session(*plan, rec)) {
      where(*why);
      continue;
    }
    new_sessions.emplace_back(&rec, std::move(*plan));
  }

  std::vector<const QuestionnaireResponse*> new_responses;
  for (const auto& r : content->responses) {
    // As sessions: the same answers taken then are stored already; other
    // answers taken then clash.
    std::optional<std::int64_t> other;
    bool same = false;
    for (const auto& have : tx->questionnaire_responses(user_id, r.response.instrument)) {
      if (have.taken_at != r.response.taken_at) continue;
      if (have.answers == r.response.answers && have.score == r.response.score) same = true;
      other = have.id.value;
    }
    if (same) {
      ++summary.responses_unchanged;
    } else if (other) {
      details.push_back(
          fmt::format("{} at {}: a questionnaire not in your diary yet: response {} was taken then "
                      "with other answers, and a stored response is never changed",
                      r.place.resource, r.place.path, *other));
    } else {
      new_responses.push_back(&r.response);
    }
  }
  // Safety checks: a check already here (same kind and moment, and the same entry
  // when the file names one) is skipped when identical and refused when it
  // differs; the others are added as they were.
  std::vector<const FhirScreening*> new_screenings;
  const auto checks_here = tx->screening_events(user_id);
  const auto entry_of = [&](const ScreeningEvent& have) -> std::optional<std::pair<LocalDate, Period>> {
    const auto e = have.entry ? tx->find_entry(user_id, *have.entry) : std::nullopt;
    if (!e) return std::nullopt;
    return std::pair{e->date, e->period};
  };
  for (const auto& c : content->screenings) {
    const auto same_moment = std::find_if(checks_here.begin(), checks_here.end(), [&](const ScreeningEvent& have) {
      return have.kind == c.event.kind && have.at == c.event.at && (!c.entry || entry_of(have) == c.entry);
    });
    if (same_moment == checks_here.end()) {
      new_screenings.push_back(&c);
    } else if (same_moment->answers == c.event.answers && same_moment->result == c.event.result &&
               same_moment->ibp == c.event.ibp) {
      ++summary.screenings_unchanged;
    } else {
      details.push_back(fmt::format(
          "{} at {}: a safety check not in your diary yet: check {} was made then with other answers, and a "
          "stored check is never changed",
          c.place.resource, c.place.path, same_moment->id.value));
    }
  }
  // Where the program stands: checked against this daybreak's content.
  std::vector<std::pair<const Program*, int>> new_stages;
  std::vector<std::pair<const Exercise*, int>> new_levels;
  if (content->program) {
    const FhirProgram& fp = *content->program;
    // One stage or level of the file: refused when this content has no such id or
    // number; to set when the diary has none; kept, and counted, when it has another.
    const auto weigh = [&](std::string_view what, const std::string& id, bool known, int value, int last,
                           std::optional<int> have) {
      std::optional<std::string> why;
      if (!known) {
        why = fmt::format("a{} {} of the content this daybreak runs on; '{}' is not one", what == "exercise" ? "n" : "",
                          what, id);
      } else if (value > last) {
        why = fmt::format("a {} of {} from 1 to {}; {} is not one", what == "program" ? "stage" : "level", id, last,
                          value);
      }
      if (why) {
        const auto it = fp.places.find(fmt::format("{} {}", what, id));
        const FhirPlace place = it != fp.places.end() ? it->second : FhirPlace{"CarePlan", "CarePlan"};
        details.push_back(fmt::format("{} at {}: {}", place.resource, place.path, *why));
        return false;
      }
      if (have && *have != value) ++summary.program_kept;
      return !have;
    };
    for (const auto& [id, stage] : fp.stages) {
      const Program* program = library.program(id);
      if (weigh("program", id, program != nullptr, stage, program != nullptr ? program->stage_count() : 0,
                tx->current_stage(user_id, id))) {
        new_stages.emplace_back(program, stage);
      }
    }
    const ExerciseLevels have = tx->exercise_levels(user_id);
    for (const auto& [id, level] : fp.levels) {
      const Exercise* exercise = library.exercise(id);
      const auto it = have.find(id);
      if (weigh("exercise", id, exercise != nullptr, level, exercise != nullptr ? exercise->level_count() : 0,
                it != have.end() ? std::optional<int>(it->second) : std::nullopt)) {
        new_levels.emplace_back(exercise, level);
      }
    }
  }
  const auto experiment_plans = plan_experiments(*tx, user_id, content->experiments, replace, summary, details);
  const auto new_decisions = plan_decisions(*tx, user_id, library, content->decisions, summary, details);
  if (!details.empty())
    return fail(nothing_imported(std::move(details), "clash", "clashes", "with your diary or its content"));

  summary.stages_set = static_cast<int>(new_stages.size());
  summary.levels_set = static_cast<int>(new_levels.size());
  summary.sessions_added = static_cast<int>(new_sessions.size());
  summary.responses_added = static_cast<int>(new_responses.size());
  summary.screenings_added = static_cast<int>(new_screenings.size());
  summary.decisions_added = static_cast<int>(new_decisions.size());
  if (dry_run) return summary;

  for (const auto& [rec, plan] : new_sessions) (void)tx->insert_session(user_id, *rec, plan_to_json(plan).dump(), meta);
  for (const QuestionnaireResponse* r : new_responses) {
    QuestionnaireResponse stored = *r;
    stored.user = user_id;
    stored.channel = meta.actor.channel;
    (void)tx->add_questionnaire_response(user_id, stored);
  }
  for (const FhirScreening* c : new_screenings) {
    ScreeningEvent stored = c->event;
    stored.channel = meta.actor.channel;
    if (c->entry) {
      if (const auto e = tx->find_entry_on(user_id, c->entry->first, c->entry->second)) stored.entry = e->id;
    }
    (void)tx->add_screening(user_id, stored);
  }
  write_experiments(*tx, user_id, experiment_plans);
  // Each decision as it was made: when, and where (the channel); by the person here, or by the clinician
  // the file names (kept by name: they have no account here).
  for (const FhirDecision* f : new_decisions) {
    (void)tx->insert_decision(user_id, f->record, WriteMeta{f->record.decided_at, Actor{user_id, f->record.channel}});
  }
  // A stage or levels brought in are decisions of their own, so Progress says where they came from.
  const LocalDate today = zone.date_of(meta.at);
  for (const auto& [program, stage] : new_stages) {
    DecisionRecord d;
    d.program = program->id;
    d.kind = DecisionKind::stage;
    d.date = today;
    d.verdict = Verdict::set;
    d.reasons = {Why::by_hand};
    d.stage = stage;
    d.inputs = nlohmann::json{{"from", 1}, {"to", stage}}.dump();
    d.note = std::string(kBroughtInNote);
    d.sentence = fmt::format("Brought in with your diary: stage {} (\"{}\"), where you were.", stage,
                             program->stage(stage).name);
    tx->set_current_stage(user_id, program->id, stage, meta.at);
    (void)tx->insert_decision(user_id, d, meta);
  }
  if (!new_levels.empty()) {
    ExerciseLevels levels = tx->exercise_levels(user_id);
    DecisionRecord d;
    d.program = library.default_program().id;
    d.kind = DecisionKind::override;
    d.date = today;
    d.verdict = Verdict::set;
    d.reasons = {Why::by_hand};
    d.stage = tx->current_stage(user_id, d.program).value_or(1);
    nlohmann::json brought = nlohmann::json::object();
    for (const auto& [exercise, level] : new_levels) {
      d.changes.push_back(set_level(library, *exercise, level, levels));
      levels[exercise->id] = level;
      brought[exercise->id] = level;
      tx->set_exercise_level(user_id, exercise->id, level, meta.at);
    }
    d.inputs = nlohmann::json{{"levels", brought}}.dump();
    d.note = std::string(kBroughtInNote);
    d.sentence = fmt::format("Brought in with your diary: {} exercise level{}, where you were.", new_levels.size(),
                             new_levels.size() == 1 ? "" : "s");
    (void)tx->insert_decision(user_id, d, meta);
  }
  // The file's person becomes this diary's identity in exports, unless it has one already.
  if (!tx->setting(user_id, kExportIdKey)) {
    tx->set_setting(user_id, kExportIdKey, content->person.text(), meta.at);
  }
  if (!content->name.empty() && content->name != user->name) {
    user->name = content->name;
    tx->update_user(*user);
  }
  tx->commit();
  summary.entries.written = true;
  return summary;
}

}  // namespace daybreak
