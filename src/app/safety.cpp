#include "app/safety.hpp"

#include <algorithm>
#include <set>
#include <span>

#include <fmt/format.h>

#include "app/reminders.hpp"
#include "domain/text.hpp"
#include "domain/utc_zone.hpp"

namespace daybreak {
namespace {

std::string stamp(Instant t, const TimeZone& zone) {
  const LocalTime local = zone.to_local(t);
  return format_date(zone.date_of(t)) + " " + format_clock(local);
}

// The latest answer to each inflammatory back pain question, and when any was last given.
std::pair<IbpAnswers, std::optional<Instant>> latest_ibp_answers(const std::vector<ScreeningEvent>& events) {
  IbpAnswers answers;
  std::optional<Instant> last;
  for (const auto& e : events) {
    for (const auto& a : e.answers) {
      if (const auto q = parse_choice<IbpQuestion>(a.question)) {
        answers.set(*q, a.answer);
        last = e.at;
      }
    }
  }
  return {answers, last};
}

// Guided sessions of the window as pain before and after: "after" is
// the last comfort check of the session, the nearest to its end that the
// person rated. Sessions with no comfort check say nothing about easing.
std::vector<SessionPain> session_pain(StoreReader& tx, UserId user, const TimeZone& zone, LocalDate first,
                                      Instant now) {
  std::vector<SessionPain> out;
  const Instant from = now - std::chrono::days{kIbpDiaryWindowDays + 1};  // a day to spare for the zone
  for (const SessionRecord& s : tx.sessions_between(user, from, now + std::chrono::seconds{1})) {
    const LocalDate day = zone.date_of(s.started_at);
    if (day < first) continue;
    const auto rated = std::find_if(s.exercises.rbegin(), s.exercises.rend(),
                                    [](const SessionExerciseRecord& e) { return e.pain_during.has_value(); });
    if (rated != s.exercises.rend()) out.push_back({day, s.pain_before, *rated->pain_during});
  }
  return out;
}

IbpResult ibp_from(StoreReader& tx, UserId user, const TimeZone& zone, Instant now, const IbpAnswers& answers) {
  const LocalDate today = zone.date_of(now);
  const LocalDate first = add_days(today, 1 - kIbpDiaryWindowDays);
  const auto entries = tx.entries_between(user, first, today);
  return evaluate_ibp(answers, ibp_diary_evidence(entries, session_pain(tx, user, zone, first, now)));
}

std::vector<std::string> expected_ids(ScreenKind kind) {
  std::vector<std::string> ids;
  if (kind == ScreenKind::legs) {
    for (const RedFlag f : kLegCheckFlags) ids.emplace_back(question_for(f).id);
  } else {
    for (const auto& q : red_flag_questions()) ids.emplace_back(q.id);
  }
  return ids;
}

FieldErrors check_answers(const ScreenRequest& request) {
  FieldErrors errors;
  if (request.kind != ScreenKind::full && request.kind != ScreenKind::legs) {
    return {{"kind", std::string(name_of(request.kind)), "full or legs"}};
  }
  const std::vector<std::string> expected = expected_ids(request.kind);
  std::set<std::string> seen;
  for (const auto& a : request.answers) {
    const bool flag = std::find(expected.begin(), expected.end(), a.question) != expected.end();
    const bool ibp = request.kind == ScreenKind::full && parse_choice<IbpQuestion>(a.question).has_value();
    if (!flag && !ibp) {
      errors.push_back({a.question, std::string(name_of(a.answer)),
                        fmt::format("a question of the {}: {}{}", check_name(request.kind), join(expected, ", "),
                                    request.kind == ScreenKind::full ? ", or an ibp_ question" : "")});
    } else if (!seen.insert(a.question).second) {
      errors.push_back({a.question, std::string(name_of(a.answer)), "one answer (it was given more than once)"});
    }
  }
  // A check may end at the first emergency answer: the stop screen matters more than the rest.
  const bool emergency = std::any_of(request.answers.begin(), request.answers.end(), [](const ScreenAnswer& a) {
    const SafetyQuestion* q = find_safety_question(a.question);
    return a.answer == YesNo::yes && q != nullptr && q->level == FlagLevel::emergency;
  });
  for (const auto& id : expected) {
    if (!seen.contains(id) && !emergency) {
      errors.push_back({id, "", "yes or no: every question of the check needs an answer"});
    }
  }
  return errors;
}

// Stores the check; the caller commits.
ScreeningEvent store_check(StoreWriter& tx, const WriteMeta& meta, UserId user, const TimeZone& zone,
                           const ScreenRequest& request, std::optional<IbpResult>& ibp) {
  ScreeningEvent event;
  event.kind = request.kind;
  event.at = meta.at;
  event.channel = request.channel;
  event.entry = request.entry;
  event.answers = request.answers;
  const ScreenVerdict verdict = judge_answers(request.answers);
  event.result = verdict.result;
  event.raised = verdict.raised;
  if (request.kind == ScreenKind::full) {
    auto history = tx.screening_events(user);
    history.push_back(event);
    ibp = ibp_from(tx, user, zone, meta.at, latest_ibp_answers(history).first);
    event.ibp = snapshot_of(*ibp);
  }
  return tx.add_screening(user, event);
}

void apply_settings(StoreWriter& tx, Instant now, UserId user, const SettingsChange& change) {
  if (change.time_zone) {
    auto u = tx.find_user(user);
    if (!u) throw StoreError(StoreError::Kind::not_found, fmt::format("no user {}", user.value));
    if (u->time_zone != *change.time_zone) reminders_follow_zone(tx, user, now);
    u->time_zone = *change.time_zone;
    tx.update_user(*u);
  }
  if (change.emergency_number) tx.set_setting(user, kEmergencyNumberKey, *change.emergency_number, now);
  if (change.axspa_diagnosis) tx.set_setting(user, kAxspaKey, name_of(*change.axspa_diagnosis), now);
}

AppResult<ScreenOutcome> screen(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                const SettingsChange* settings, const ScreenRequest& request) {
  FieldErrors errors = settings != nullptr ? check_settings(*settings) : FieldErrors{};
  const FieldErrors answers = check_answers(request);
  errors.insert(errors.end(), answers.begin(), answers.end());
  if (!errors.empty()) return fail(invalid("nothing was saved: the answers are incomplete", std::move(errors)));

  auto tx = store.write();
  if (request.entry && !tx->find_entry(user, *request.entry)) {
    return fail(not_found(fmt::format("there is no entry {}", request.entry->value)));
  }
  if (settings != nullptr) {
    apply_settings(*tx, meta.at, user, *settings);
    tx->set_setting(user, kSetupDoneKey, format_utc(meta.at), meta.at);
  }
  std::optional<IbpResult> ibp;
  ScreeningEvent event = store_check(*tx, meta, user, zone, request, ibp);
  tx->commit();
  return ScreenOutcome{std::move(event), safety_gate(store, user, meta.at), std::move(ibp)};
}

}  // namespace

SafetySettings safety_settings(const Store& store, UserId user) {
  auto tx = store.read();
  SafetySettings s;
  s.emergency_number = tx->setting(user, kEmergencyNumberKey);
  if (const auto axspa = tx->setting(user, kAxspaKey)) s.axspa_diagnosis = parse_choice<YesNo>(*axspa);
  if (const auto done = tx->setting(user, kSetupDoneKey)) s.setup_completed_at = parse_instant(*done);
  return s;
}

EmergencyContact emergency_contact_of(const Store& store, const User& user) {
  return emergency_contact(store.read()->setting(user.id, kEmergencyNumberKey), user.time_zone);
}

FieldErrors check_settings(const SettingsChange& change) {
  FieldErrors errors;
  if (change.emergency_number && !valid_emergency_number(*change.emergency_number)) {
    errors.push_back({"emergency_number", *change.emergency_number, std::string(kEmergencyNumberRule)});
  }
  return errors;
}

AppResult<Ok> change_settings(Store& store, Instant now, UserId user, const SettingsChange& change) {
  FieldErrors errors = check_settings(change);
  if (!errors.empty()) return fail(invalid("the settings were not changed", std::move(errors)));
  auto tx = store.write();
  apply_settings(*tx, now, user, change);
  tx->commit();
  return Ok{};
}

bool new_warning_sign(const SafetyGate& before, const SafetyGate& after) {
  return after.state.emergency.size() > before.state.emergency.size() ||
         after.state.urgent.size() > before.state.urgent.size();
}

SafetyGate safety_gate(const Store& store, UserId user, Instant now) {
  auto tx = store.read();
  // The gate as it stands at `now`: what was reported after it does not count
  // (a session that began before a lock is judged by the state it began in).
  auto events = tx->screening_events(user);
  std::erase_if(events, [&](const ScreeningEvent& e) { return e.at > now; });
  // One read of the entries: the mornings of a sharp rise in pain (the last
  // week and the usual before it), and the last week's leg symptoms. Diary
  // days are local dates; a day either side of UTC's covers every zone.
  const LocalDate today = utc_zone().date_of(now);
  auto mornings = tx->entries_between(user, add_days(today, -kRiseUsualDays - 8), add_days(today, 1));
  const LocalDate legs_from = add_days(today, -kLegCheckWindowDays - 1);
  const auto week =
      std::partition_point(mornings.begin(), mornings.end(), [&](const DiaryEntry& e) { return e.date < legs_from; });
  auto notes = leg_symptom_notes(std::span(week, mornings.end()));
  std::erase_if(notes, [&](const LegSymptomNote& n) { return n.written > now; });
  std::erase_if(mornings, [&](const DiaryEntry& e) { return e.created_at > now; });
  // (UTC's day after today: the person's today in every zone; a day either way
  // does not change a week's pattern.)
  SafetyGate gate{safety_state(events, notes, now, sharp_pain_rise(mornings, add_days(today, 1))), {}, now};
  const auto u = tx->find_user(user);
  gate.contact = emergency_contact(tx->setting(user, kEmergencyNumberKey), u ? u->time_zone : "UTC");
  return gate;
}

std::vector<std::string> gate_reasons(const SafetyGate& gate, const TimeZone& zone, std::string_view who) {
  const SafetyState& s = gate.state;
  std::vector<std::string> reasons;
  for (const auto& r : s.emergency) {
    reasons.push_back(fmt::format("{} reported {} ({}, {})", who, r.label, check_name(r.kind), stamp(r.at, zone)));
  }
  for (const auto& r : s.urgent) {
    if (r.reviewed_before) {
      reasons.push_back(fmt::format(
          "{} reported {} again ({}, {}), more than 4 weeks after a clinician saw it ({}): a symptom that lasts or "
          "changes needs another look, so see a doctor within 24 hours, sooner if it gets worse",
          who, r.label, check_name(r.kind), stamp(r.at, zone), stamp(*r.reviewed_before, zone)));
      continue;
    }
    reasons.push_back(fmt::format("{} reported {} ({}, {}): see a doctor within 24 hours", who, r.label,
                                  check_name(r.kind), stamp(r.at, zone)));
  }
  for (const auto& n : s.unchecked_legs) {
    reasons.push_back(fmt::format("{} noted {} on {} (entry {}), and the leg questions have not been answered since",
                                  who, describe_leg_symptoms(n.symptoms), format_date(n.date), n.entry.value));
  }
  // While a warning sign waits for a clinician, no check opens the gate: asking
  // for one then only sends the person to questions that cannot help.
  const bool waits_for_clinician = !s.emergency.empty() || !s.urgent.empty();
  if (waits_for_clinician) return reasons;
  if (!s.last_full_check) {
    reasons.emplace_back("the first safety check has not been done yet");
  } else if (s.sharp_rise) {
    const PainRise& r = *s.sharp_rise;
    std::vector<std::string> pains;
    for (const int p : r.recent) pains.push_back(std::to_string(p));
    reasons.push_back(fmt::format(
        "{} morning pain has risen sharply ({} on the mornings of {} to {}, against a usual {}): the safety "
        "questions come again",
        who == "you" ? std::string("your") : std::string(who) + "'s", join(pains, ", "), format_date(r.from),
        format_date(r.to), format_amount(r.usual, 1)));
  } else if (s.full_check_due) {
    reasons.push_back(fmt::format("the weekly safety check is due (the last was on {})",
                                  format_date(zone.date_of(*s.last_full_check))));
  }
  return reasons;
}

CheckQuestions questions_for(const Store& store, UserId user, ScreenKind kind, Instant now) {
  CheckQuestions q;
  if (kind == ScreenKind::legs) {
    for (const RedFlag f : kLegCheckFlags) q.flags.push_back(&question_for(f));
    return q;
  }
  for (const auto& flag : red_flag_questions()) q.flags.push_back(&flag);
  const auto [answers, last] = latest_ibp_answers(store.read()->screening_events(user));
  if (!last || now - *last >= kIbpQuestionsEvery) {
    for (const auto& info : ibp_questions()) q.ibp.push_back(info.id);
  }
  return q;
}

std::optional<EntryId> leg_check_entry(const Store& store, UserId user, Instant now) {
  const auto unchecked = safety_gate(store, user, now).state.unchecked_legs;
  if (unchecked.empty()) return std::nullopt;
  return unchecked.back().entry;
}

AppResult<ScreenOutcome> record_screen(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                       const ScreenRequest& request) {
  return screen(store, meta, user, zone, nullptr, request);
}

AppResult<ScreenOutcome> complete_setup(Store& store, const WriteMeta& meta, UserId user, const TimeZone& zone,
                                        const SettingsChange& settings, const ScreenRequest& request) {
  return screen(store, meta, user, zone, &settings, request);
}

AppResult<ScreeningEvent> acknowledge_clinician(Store& store, const WriteMeta& meta, UserId user) {
  auto tx = store.write();
  const auto events = tx->screening_events(user);
  if (!safety_state(events, {}, meta.at).awaiting_clinician()) {
    return fail(conflict("nothing was recorded: no warning sign is waiting for a clinician's review"));
  }
  ScreeningEvent event;
  event.kind = ScreenKind::clinician_seen;
  event.at = meta.at;
  event.channel = meta.actor.channel;
  event.result = ScreenResult::acknowledged;
  event = tx->add_screening(user, event);
  tx->commit();
  return event;
}

void record_entry_check(StoreWriter& tx, UserId user, const DiaryEntry& entry, std::optional<YesNo> before,
                        const WriteMeta& meta) {
  if (entry.fields.red_flags != YesNo::yes || before == YesNo::yes) return;
  ScreeningEvent event;
  event.kind = ScreenKind::quick;
  event.at = meta.at;
  event.channel = meta.actor.channel;
  event.entry = entry.id;
  event.answers = {{std::string(kQuickCheck.id), YesNo::yes}};
  event.result = ScreenResult::emergency;
  event.raised = {std::string(kQuickCheck.id)};
  (void)tx.add_screening(user, event);
}

IbpResult ibp_screen(const Store& store, UserId user, const TimeZone& zone, Instant now) {
  auto tx = store.read();
  return ibp_from(*tx, user, zone, now, latest_ibp_answers(tx->screening_events(user)).first);
}

std::vector<ScreeningEvent> screening_history(const Store& store, UserId user) {
  return store.read()->screening_events(user);
}

}  // namespace daybreak
