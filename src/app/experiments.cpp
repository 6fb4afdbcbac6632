#include "app/experiments.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

// How far ahead an experiment may be planned to start.
constexpr int kMaxDaysAhead = 365;

std::string night_words(LocalDate night) { return fmt::format("the night before {}", format_long_date(night)); }

// The experiment that a night belongs to: its schedule covers the night and
// it was not stopped before it.
const Experiment* covering(const std::vector<Experiment>& all, LocalDate night) {
  for (const auto& e : all) {
    if (e.design.first_night <= night && night <= e.end_night()) return &e;
  }
  return nullptr;
}

// The experiment that is planned or running now, if any.
const Experiment* current(const std::vector<Experiment>& all, LocalDate coming_night) {
  const Experiment* found = nullptr;
  for (const auto& e : all) {
    const auto s = status_of(e, coming_night);
    if (s == ExperimentStatus::running) return &e;
    if (s == ExperimentStatus::planned && found == nullptr) found = &e;
  }
  return found;
}

}  // namespace

ExperimentClock experiment_clock(Instant now, const TimeZone& zone) {
  const LocalTime local = zone.to_local(now);
  return {now, zone.date_of(now), tonight(local)};
}

std::uint64_t draw_seed() {
  std::random_device device;
  return ((std::uint64_t{device()} << 32) | device()) & kMaxSeed;
}

AppResult<Experiment> create_experiment(Store& store, const ExperimentClock& clock, UserId user,
                                        const ExperimentDraft& draft, std::uint64_t random_seed) {
  FieldErrors errors = check_design(draft);
  const LocalDate first = draft.first_night.value_or(clock.coming_night);
  // Up to a year ahead: a start in year 9999 made its last night 10001-11-01,
  // which no date field (FHIR, the calendar file's UNTIL) can hold.
  const LocalDate latest = add_days(clock.coming_night, kMaxDaysAhead);
  if (first < clock.coming_night || first > latest) {
    errors.push_back({"start", format_date(first),
                      fmt::format("a night from tonight on: {} (a night belongs to the day you wake up on) to a year "
                                  "ahead, {}",
                                  format_date(clock.coming_night), format_date(latest))});
  }
  if (!errors.empty()) return fail(invalid("the experiment was not created", std::move(errors)));

  const ExperimentDesign design = make_design(draft, draft.seed.value_or(random_seed), first);
  auto tx = store.write();
  tx->hold_experiments(user);  // two starts at once (the phone and the computer) would each see none
  const Experiment planned{{}, user, design, clock.now, std::nullopt, std::nullopt, ""};
  for (const auto& other : tx->experiments(user)) {
    if (!share_a_night(planned, other)) continue;
    return fail(with_hint(
        conflict(fmt::format("experiment {} ('{}') has nights from {} to {}, and only one experiment runs at a time: "
                             "stop it first, or start this one after it, on {}",
                             other.id.value, other.design.title, format_date(other.design.first_night),
                             format_date(other.end_night()), format_date(add_days(other.end_night(), 1)))),
        {HintAction::stop_experiment, {{"id", std::to_string(other.id.value)}}}));
  }
  Experiment created = tx->insert_experiment(user, design, clock.now);
  tx->commit();
  return created;
}

AppResult<TonightPlan> experiment_tonight(const Store& store, const ExperimentClock& clock, UserId user) {
  const auto all = store.read()->experiments(user);
  if (const Experiment* e = covering(all, clock.coming_night)) {
    return TonightPlan{*e, *plan_for(e->design, clock.coming_night)};
  }
  if (const Experiment* next = current(all, clock.coming_night)) {
    return fail(not_found(fmt::format("no experiment runs tonight; experiment {} ('{}') starts on {}", next->id.value,
                                      next->design.title, night_words(next->design.first_night))));
  }
  return fail(with_hint(not_found("no experiment runs tonight"), {HintAction::new_experiment}));
}

AppResult<LoggedNight> log_experiment_night(Store& store, const ExperimentClock& clock, UserId user,
                                            std::optional<LocalDate> night, bool followed, const std::string& note) {
  const LocalDate which = night.value_or(clock.today);
  FieldErrors errors;
  if (which > clock.coming_night) {
    errors.push_back({"date", format_date(which),
                      fmt::format("a night that has begun: {} (tonight) or earlier", format_date(clock.coming_night))});
  }
  const auto length = utf8_length(note);
  if (!length || *length > kMaxExperimentNote || has_control_chars(note)) {
    errors.push_back({"note", shorten(note, 63), fmt::format("one line of at most {} characters", kMaxExperimentNote)});
  }
  if (!errors.empty()) return fail(invalid("nothing was recorded", std::move(errors)));

  auto tx = store.write();
  const auto all = tx->experiments(user);
  const Experiment* e = covering(all, which);
  if (e == nullptr) {
    return fail(
        not_found(fmt::format("{} ({}) is not part of any experiment", night_words(which), format_date(which))));
  }
  const auto nights = tx->experiment_nights(user, e->id);
  std::optional<ExperimentNight> previous;
  for (const auto& n : nights) {
    if (n.night == which) previous = n;
  }
  const ExperimentNight logged{e->id, which, followed, note, clock.now};
  tx->log_experiment_night(user, logged);
  tx->commit();
  return LoggedNight{*e, *plan_for(e->design, which), logged, previous};
}

AppResult<Experiment> stop_experiment(Store& store, const ExperimentClock& clock, UserId user,
                                      std::optional<ExperimentId> id, const std::string& reason) {
  const auto length = utf8_length(reason);
  if (!length || *length > kMaxExperimentNote || has_control_chars(reason)) {
    return fail(invalid(
        "the experiment was not stopped",
        {{"reason", shorten(reason, 63), fmt::format("one line of at most {} characters", kMaxExperimentNote)}}));
  }
  auto tx = store.write();
  const auto all = tx->experiments(user);
  const Experiment* e = nullptr;
  if (id) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const Experiment& x) { return x.id == *id; });
    if (it == all.end()) return fail(not_found(fmt::format("there is no experiment {}", id->value)));
    e = &*it;
  } else {
    e = current(all, clock.coming_night);
    if (e == nullptr) return fail(not_found("no experiment is planned or running"));
  }
  const auto status = status_of(*e, clock.coming_night);
  if (status == ExperimentStatus::stopped || status == ExperimentStatus::finished) {
    return fail(conflict(fmt::format("experiment {} is already {}", e->id.value, name_of(status))));
  }
  // The nights that have ended by this morning still count; later ones are cancelled.
  const LocalDate last = std::min(clock.today, e->design.last_night());
  const LocalDate stopped_after = last < e->design.first_night ? add_days(e->design.first_night, -1) : last;
  tx->stop_experiment(user, e->id, stopped_after, reason, clock.now);
  Experiment stopped = *e;
  tx->commit();
  stopped.stopped_at = clock.now;
  stopped.stopped_after = stopped_after;
  stopped.stop_reason = reason;
  return stopped;
}

AppResult<analysis::ExperimentReport> experiment_report(const Store& store, const ExperimentClock& clock, UserId user,
                                                        std::optional<ExperimentId> id) {
  auto reader = store.read();
  const auto all = reader->experiments(user);
  const Experiment* e = nullptr;
  if (id) {
    const auto it = std::find_if(all.begin(), all.end(), [&](const Experiment& x) { return x.id == *id; });
    if (it == all.end()) return fail(not_found(fmt::format("there is no experiment {}", id->value)));
    e = &*it;
  } else {
    // The running one, else the latest that has had a night.
    for (const auto& x : all) {
      if (status_of(x, clock.coming_night) == ExperimentStatus::running) e = &x;
    }
    for (auto it = all.rbegin(); e == nullptr && it != all.rend(); ++it) {
      const bool started =
          status_of(*it, clock.coming_night) != ExperimentStatus::planned && it->end_night() >= it->design.first_night;
      if (started) e = &*it;
    }
    if (e == nullptr) {
      if (all.empty()) return fail(with_hint(not_found("there are no experiments yet"), {HintAction::new_experiment}));
      return fail(not_found("no experiment has started yet"));
    }
  }
  const LocalDate last = std::min(e->end_night(), clock.today);
  const auto nights = reader->experiment_nights(user, e->id);
  std::vector<DiaryEntry> mornings;
  if (last >= e->design.first_night) {
    for (auto& entry : reader->entries_between(user, e->design.first_night, last)) {
      if (entry.period == Period::morning) mornings.push_back(std::move(entry));
    }
  }
  return analysis::build_experiment_report(*e, nights, mornings, clock.today, clock.coming_night);
}

std::vector<Experiment> list_experiments(const Store& store, UserId user) { return store.read()->experiments(user); }

}  // namespace daybreak
