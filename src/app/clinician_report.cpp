// Puts the clinician report together from the existing use cases; its own
// few numbers come from app/report_numbers.hpp.
#include "app/clinician_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analysis/insights.hpp"
#include "app/diary.hpp"
#include "app/experiments.hpp"
#include "app/fhir_transfer.hpp"
#include "app/insights.hpp"
#include "app/progression.hpp"
#include "app/progression_safety.hpp"
#include "app/questionnaires.hpp"
#include "app/report_numbers.hpp"
#include "app/safety.hpp"
#include "app/session.hpp"
#include "clinical/safety_messages.hpp"
#include "clinical/score_change.hpp"
#include "content/instruments.hpp"
#include "domain/text.hpp"
#include "progression/sentence.hpp"
#include "report/fhir_document.hpp"

namespace daybreak {
namespace {

using analysis::MorningMeasure;
using analysis::one_decimal;
using analysis::short_date;

std::string day_month(LocalDate d) { return fmt::format("{} {}", static_cast<unsigned>(d.day()), short_month_name(d)); }

std::string days_span(LocalDate a, LocalDate b) {
  return a == b ? day_month(a) : fmt::format("{} to {}", day_month(a), day_month(b));
}

std::string count(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// Days from `from` to `to`, both counted.
int days_in(LocalDate from, LocalDate to) { return days_between(from, to) + 1; }

std::string minutes(double m) { return fmt::format("{:.0f} min", m); }

const Instrument& instrument(std::string_view id) {
  const Instrument* found = find_instrument(id);
  if (!found) throw std::logic_error(fmt::format("built-in instrument {} is missing", id));
  return *found;
}

// "2 points or 30% of at least 1 point", from the instrument's definition.
std::string mic_words(const Instrument& in) {
  return in.change ? minimal_change_words(*in.change, in.decimals) : "none";
}

std::string signed_amount(double v, int decimals) {
  const std::string n = format_amount(std::abs(v), decimals);
  return v > 0 ? "+" + n : v < 0 ? "\u2212" + n : n;
}

std::string verdict_words(const ScoreChange& c) {
  switch (c.verdict) {
    case ScoreChange::Verdict::unchanged:
      return "unchanged";
    case ScoreChange::Verdict::within:
      return "less than the important change";
    case ScoreChange::Verdict::important_improvement:
      return "an important improvement";
    case ScoreChange::Verdict::important_worsening:
      return "an important worsening";
    case ScoreChange::Verdict::no_threshold:
      return "no threshold for an important change";
    case ScoreChange::Verdict::too_soon:
      return "not judged: less than a week apart";
  }
  return "";
}

// ---- page 1: the safety status ---------------------------------------------------

struct SafetyWords {
  std::vector<ReportAlert> alerts;  // page 1, before everything
  std::string status;               // the key-changes row
};

std::string day_and_time(const TimeZone& zone, Instant at) {
  return fmt::format("{} at {}", short_date(zone.date_of(at)), format_clock(zone.to_local(at)));
}

// What the leg check asks, in the words daybreak says them back.
std::string leg_questions() {
  std::vector<std::string> labels;
  for (const RedFlag f : kLegCheckFlags) labels.emplace_back(question_for(f).label);
  return fmt::format("the leg questions ({})", join(labels, "; "));
}

bool left_and_right(const ChoiceSet<LegSymptom>& s) {
  using enum LegSymptom;
  return (s.contains(numbness_left) || s.contains(tingling_left) || s.contains(weakness_left)) &&
         (s.contains(numbness_right) || s.contains(tingling_right) || s.contains(weakness_right));
}

// The leg symptoms of one day, and when the last entry noting them was written.
struct LegDay {
  LocalDate day;
  ChoiceSet<LegSymptom> symptoms;
  Instant written;
};

std::vector<LegDay> leg_days(std::span<const DiaryEntry> entries, LocalDate from, LocalDate to) {
  std::vector<LegDay> days;
  for (const DiaryEntry& e : entries) {
    if (e.date < from || e.date > to || e.fields.leg_symptoms.empty()) continue;
    auto it = std::find_if(days.begin(), days.end(), [&](const LegDay& d) { return d.day == e.date; });
    if (it == days.end())
      it = days.insert(
          std::upper_bound(days.begin(), days.end(), e.date, [](LocalDate d, const LegDay& x) { return d < x.day; }),
          LegDay{e.date, {}, e.updated_at});
    e.fields.leg_symptoms.for_each([&](LegSymptom l) { it->symptoms.insert(l); });
    it->written = std::max(it->written, e.updated_at);
  }
  return days;
}

// "Leg symptoms were logged on 3 days: numbness in the left leg (3 days), ...; in both legs on 23 Nov 2026."
std::string leg_summary(const std::vector<LegDay>& days) {
  std::vector<std::string> kinds;
  for (std::size_t i = 0; i < choice_count<LegSymptom>(); ++i) {
    const auto symptom = static_cast<LegSymptom>(i);
    const auto n = static_cast<std::size_t>(
        std::count_if(days.begin(), days.end(), [&](const LegDay& d) { return d.symptoms.contains(symptom); }));
    if (n > 0) kinds.push_back(fmt::format("{} ({})", describe_leg_symptoms({symptom}), count(n, "day", "days")));
  }
  std::vector<std::string> both;
  for (const LegDay& d : days) {
    if (left_and_right(d.symptoms)) both.push_back(short_date(d.day));
  }
  return fmt::format("Leg symptoms were logged on {}: {}{}.", count(days.size(), "day", "days"), join(kinds, ", "),
                     both.empty() ? "" : fmt::format("; in both legs on {}", join(both, ", ")));
}

SafetyWords safety_words(const Store& store, const User& user, const ClinicianReportContext& ctx, LocalDate from,
                         LocalDate to, std::span<const DiaryEntry> entries) {
  SafetyWords out;
  const auto events = screening_history(store, user.id);
  const EmergencyContact contact = emergency_contact_of(store, user);
  // The gate when the report is made: what is still open, whenever it began.
  const SafetyState now = safety_gate(store, user.id, ctx.now).state;
  const std::string made = fmt::format("when this report was made ({})", day_and_time(ctx.zone, ctx.now));
  const std::string made_first = "W" + made.substr(1);
  auto is_open = [&](const std::string& question) {
    for (const auto* open : {&now.emergency, &now.urgent}) {
      if (std::any_of(open->begin(), open->end(), [&](const FlagReport& r) { return r.question == question; }))
        return true;
    }
    return false;
  };

  std::size_t full_checks = 0;
  std::vector<std::string> before;          // the Safety row: still open from before the period
  std::vector<std::string> flagged;         // the Safety row: the period's
  std::vector<std::string> open_emergency;  // the alerts
  std::vector<std::string> open_urgent;
  std::optional<LocalDate> locked_since;
  std::optional<LocalDate> paused_since;
  std::set<std::string> emergency_signs;  // the open questions, each once
  std::set<std::string> urgent_signs;
  std::vector<std::string> past_emergency;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const ScreeningEvent& e = events[i];
    const LocalDate day = ctx.zone.date_of(e.at);
    const bool in_period = day >= from && day <= to;
    if (in_period && e.kind == ScreenKind::full) ++full_checks;
    if (e.result != ScreenResult::emergency && e.result != ScreenResult::urgent) continue;
    // Whether the person later confirmed that a clinician had seen them.
    std::optional<Instant> reviewed;
    for (std::size_t j = i + 1; j < events.size(); ++j) {
      if (events[j].kind == ScreenKind::clinician_seen && events[j].at >= e.at) {
        reviewed = events[j].at;
        break;
      }
    }
    // Still waiting for a clinician: said whenever it was reported.
    const bool open = !reviewed && std::any_of(e.raised.begin(), e.raised.end(), is_open);
    if (!in_period && !open) continue;
    std::vector<FlagReport> reports;
    std::vector<std::string> labels;
    for (const std::string& q : e.raised) {
      const SafetyQuestion* question = find_safety_question(q);
      const std::string_view label = question ? question->label : std::string_view(q);
      labels.emplace_back(label);
      reports.push_back({q, label, question ? question->level : FlagLevel::emergency, e.at, e.kind, std::nullopt});
    }
    const bool emergency = e.result == ScreenResult::emergency;
    const std::string advice = emergency ? fmt::format("{} {}", stop_message(reports, contact).title, call_now(contact))
                                         : urgent_message(reports, contact).title;
    std::string review = "No clinician review is recorded since.";
    if (reviewed) {
      review = fmt::format("A clinician review was recorded on {}.", short_date(ctx.zone.date_of(*reviewed)));
    } else if (open && emergency) {
      review = "No clinician review is recorded since: exercise stays locked until the person confirms one.";
    } else if (open && !now.emergency.empty()) {
      review = "No clinician review is recorded since (exercise is locked: see the emergency sign).";
    } else if (open) {
      review =
          "No clinician review is recorded since: until the person confirms one, only the gentle flare-day routine "
          "is allowed and the program does not move on.";
    } else if (const auto seen = std::find_if(now.reviewed.begin(), now.reviewed.end(),
                                              [&](const ReviewedFlag& f) {
                                                return f.reviewed_at <= e.at &&
                                                       std::find(e.raised.begin(), e.raised.end(), f.question) !=
                                                           e.raised.end();
                                              });
               seen != now.reviewed.end()) {
      // A past cancer stays past: a clinician saw it, and it does not pause again.
      review = fmt::format("A clinician had seen it (review recorded on {}), so it does not pause the program again.",
                           short_date(ctx.zone.date_of(seen->reviewed_at)));
    }
    const std::string sentence =
        // The advice in the words the person was shown, quoted: the report's own words speak of them.
        fmt::format("On {} ({}), the person answered yes to: {}. daybreak advised: \u201c{}\u201d {}",
                    day_and_time(ctx.zone, e.at), check_name(e.kind), join(labels, "; "), advice, review);
    // What the box above says in full, the row names briefly.
    const bool boxed = open || emergency;
    const std::string brief = fmt::format("On {} ({}), yes to: {} (see above).", day_and_time(ctx.zone, e.at),
                                          check_name(e.kind), join(labels, "; "));
    (in_period ? flagged : before).push_back((in_period ? "" : "Before this period: ") + (boxed ? brief : sentence));
    if (open) {
      (emergency ? open_emergency : open_urgent).push_back(sentence);
      auto& since = emergency ? locked_since : paused_since;
      if (!since) since = day;
      (emergency ? emergency_signs : urgent_signs).insert(e.raised.begin(), e.raised.end());
    } else if (emergency) {
      past_emergency.push_back(sentence);
    }
  }
  // Open warning signs first, worded by level, with the day exercise stopped.
  auto signs = [](std::string_view level, std::size_t n) {
    return fmt::format("{} warning {}, not yet seen by a clinician", level, n == 1 ? "sign" : "signs");
  };
  if (!open_emergency.empty()) {
    out.alerts.push_back({fmt::format("{}: exercise locked since {}", signs("Emergency", emergency_signs.size()),
                                      short_date(*locked_since)),
                          open_emergency});
  }
  if (!open_urgent.empty()) {
    // Under a lock the pause changes nothing: the lock is said above.
    out.alerts.push_back(
        {open_emergency.empty()
             ? fmt::format("{}: the program paused since {}", signs("Urgent", urgent_signs.size()),
                           short_date(*paused_since))
             : fmt::format("{} (since {})", signs("Urgent", urgent_signs.size()), short_date(*paused_since)),
         open_urgent});
  }
  if (!past_emergency.empty()) {
    out.alerts.push_back({past_emergency.size() == 1 ? "An emergency warning sign was reported in this period"
                                                     : "Emergency warning signs were reported in this period",
                          past_emergency});
  }

  if (!flagged.empty()) {
    out.status = join(flagged, " ");
  } else if (full_checks > 0) {
    out.status = fmt::format(
        "No warning sign reported in this period ({} full safety {}). That does not rule out a serious problem.",
        full_checks, full_checks == 1 ? "check" : "checks");
  } else {
    // Not "no warning sign (0 checks)": nothing was asked.
    out.status = "No full safety check was done in this period.";
    std::set<LocalDate> answered_no;
    for (const DiaryEntry& e : entries) {
      if (e.date >= from && e.date <= to && e.fields.red_flags == YesNo::no) answered_no.insert(e.date);
    }
    if (!answered_no.empty()) {
      out.status += fmt::format(
          " The diary's one-tap check ({}?) was answered no on {}. That does not rule out a serious problem.",
          kQuickCheck.label, count(answered_no.size(), "day", "days"));
    }
  }
  if (!before.empty()) out.status = join(before, " ") + " " + out.status;

  // Leg symptoms: the leg questions follow them, and exercise waits for those.
  const std::vector<LegDay> legs = leg_days(entries, from, to);
  if (!legs.empty()) out.status += " " + leg_summary(legs);
  std::vector<std::string> unchecked;
  for (const LegSymptomNote& n : now.unchecked_legs) {
    const std::string d = short_date(n.date);
    if (std::find(unchecked.begin(), unchecked.end(), d) == unchecked.end()) unchecked.push_back(d);
  }
  auto unanswered = [&](std::string_view questions) {
    return fmt::format("{}, {} had not been answered since the leg symptoms of {}: exercise waits for them.",
                       made_first, questions, join(unchecked, " and "));
  };
  const bool both_legs =
      std::any_of(legs.begin(), legs.end(), [](const LegDay& d) { return left_and_right(d.symptoms); });
  // Named in full once: in the box above when there is one.
  if (!unchecked.empty()) out.status += " " + unanswered(both_legs ? "the leg questions (see above)" : leg_questions());
  if (!now.awaiting_clinician() && now.full_check_due) {
    // Said once: "when this report was made" already begins the leg questions' sentence.
    const std::string when = unchecked.empty() ? made_first + "," : "Then too,";
    out.status += now.last_full_check ? fmt::format(" {} the weekly safety check was due: the last was on {}.", when,
                                                    short_date(ctx.zone.date_of(*now.last_full_check)))
                                      : fmt::format(" No full safety check had ever been done {}.", made);
  }

  // Symptoms in both legs on one day go first: both legs is an emergency sign.
  std::vector<std::string> both;
  for (const LegDay& d : legs) {
    if (!left_and_right(d.symptoms)) continue;
    std::string text =
        fmt::format("On {}, the person logged {}.", short_date(d.day), describe_leg_symptoms(d.symptoms));
    // The first check after them that asked the leg questions.
    const auto check = std::find_if(events.begin(), events.end(), [&](const ScreeningEvent& e) {
      return (e.kind == ScreenKind::full || e.kind == ScreenKind::legs) && e.at > d.written && e.at <= ctx.now;
    });
    if (check == events.end()) {
      const bool waiting = std::any_of(now.unchecked_legs.begin(), now.unchecked_legs.end(),
                                       [&](const LegSymptomNote& n) { return n.date == d.day; });
      if (!waiting) text += fmt::format(" No check has asked {} since.", leg_questions());
    } else if (check->raised.empty()) {
      text +=
          fmt::format(" On {} ({}), the person answered no to each of {}. That does not rule out a serious problem.",
                      day_and_time(ctx.zone, check->at), check_name(check->kind), leg_questions());
    } else {
      text += fmt::format(" On {} ({}), the person answered yes to a warning-sign question (see above).",
                          day_and_time(ctx.zone, check->at), check_name(check->kind));
    }
    both.push_back(std::move(text));
  }
  if (!both.empty()) {
    both.push_back("New symptoms in both legs are one of the emergency warning signs daybreak asks about.");
    if (!unchecked.empty()) both.push_back(unanswered(leg_questions()));
    out.alerts.push_back({"Symptoms in both legs were logged in this period", std::move(both)});
  }
  return out;
}

// ---- page 1: the inflammatory back pain screen --------------------------------------

// What a criterion met stands on: the person's yes, else the diary.
std::string ibp_criterion_words(std::string_view id, const IbpAnswers& answers) {
  // Berlin's exercise-and-rest item repeats ASAS items 3 and 4, listed already.
  if (id == "berlin_exercise_not_rest") return "";
  const IbpResult blank = evaluate_ibp({}, {});
  std::string label(id);
  for (const auto* set : {&blank.asas, &blank.berlin}) {
    for (const IbpCriterion& c : *set) {
      if (c.id == id) label = c.label;
    }
  }
  const auto question = parse_choice<IbpQuestion>("ibp_" + std::string(id.substr(id.find('_') + 1)));
  if (question && answers.yes(*question)) return label + " (answered yes)";
  if (id == "berlin_second_half_waking") return "woken by back pain at night (the diary does not record when)";
  return label + " (diary)";
}

// The screen as the last full check before the report's end left it: whether
// its questions were answered, what it found, and what that suggests, in a
// clinician's words (clinical.md, Safety; clinical-facts.md 7).
std::string ibp_words(const std::vector<ScreeningEvent>& events, const TimeZone& zone, LocalDate to) {
  const ScreeningEvent* last = nullptr;
  IbpAnswers answers;  // the latest answers as of that check
  std::optional<Instant> answered;
  for (const ScreeningEvent& e : events) {
    if (zone.date_of(e.at) > to) break;
    for (const ScreenAnswer& a : e.answers) {
      if (const auto q = parse_choice<IbpQuestion>(a.question)) {
        answers.set(*q, a.answer);
        answered = e.at;
      }
    }
    if (e.kind == ScreenKind::full && e.ibp) last = &e;
  }
  if (!last) {
    return "Inflammatory back pain screen not done: no full safety check, which runs it, was done by the end of this "
           "period.";
  }
  const IbpSnapshot& ibp = *last->ibp;
  const std::string on = short_date(zone.date_of(last->at));
  if (ibp.outcome == IbpOutcome::not_applicable) {
    return fmt::format(
        "Inflammatory back pain screen not applicable ({}): the person answered that the back pain had not lasted "
        "more than 3 months; the criteria are for chronic back pain.",
        on);
  }
  std::string text;
  if (!answered) {
    text = fmt::format(
        "Inflammatory back pain screen not done: its questions were not answered. The diary alone "
        "(full check of {}): ",
        on);
  } else {
    const std::string answered_on = short_date(zone.date_of(*answered));
    text = fmt::format("Inflammatory back pain screen {} on {} (full check{}): ",
                       ibp.outcome == IbpOutcome::positive ? "positive" : "negative", on,
                       answered_on == on ? "" : fmt::format("; questions last answered on {}", answered_on));
  }
  const bool berlin = !answers.no(IbpQuestion::under_50);
  text += fmt::format(
      "ASAS {} of 5 criteria met ({} needed; Sieper et al. 2009), Berlin {} of 4 ({} needed; Rudwaleit et al. 2006{}).",
      ibp.asas_met, kAsasNeeded, ibp.berlin_met, kBerlinNeeded,
      berlin ? "" : "; not used, as the person is 50 or over");
  std::vector<std::string> met;
  for (const std::string& id : ibp.met) {
    if (std::string words = ibp_criterion_words(id, answers); !words.empty()) met.push_back(std::move(words));
  }
  if (!met.empty()) text += fmt::format(" Met: {}.", join(met, "; "));
  if (ibp.outcome == IbpOutcome::positive) {
    text += fmt::format(
        "{} This pattern suggests inflammatory back pain: consider assessment for axial spondyloarthritis, such as "
        "a referral to rheumatology (NICE NG65 sets out when). It is a screen, not a diagnosis: most people who meet "
        "these criteria do not have axial spondyloarthritis. The person was advised to mention inflammatory back "
        "pain to their doctor; exercise continues.",
        answered ? "" : " Positive from the diary alone.");
  } else if (answered) {
    text += " A negative screen does not rule out axial spondyloarthritis.";
  }
  return text;
}

// ---- page 1: questionnaires -------------------------------------------------------

struct QuestionnaireWords {
  std::optional<ReportTable> table;
  std::vector<std::vector<std::string>> key_rows;
  std::optional<QuestionnaireResponse> latest_psfs;
};

QuestionnaireWords questionnaire_words(const Store& store, const User& user, const ClinicianReportContext& ctx,
                                       LocalDate from, LocalDate to) {
  QuestionnaireWords out;
  auto histories = questionnaire_history(store, user.id, "");
  if (!histories) return out;
  ReportTable table{{"Questionnaire", "Baseline", "Latest", "Change", "Important change", "What it means"}, {}};
  for (const ScoreHistory& h : *histories) {
    std::vector<const QuestionnaireResponse*> in_range;
    for (const QuestionnaireResponse& r : h.responses) {
      const LocalDate day = ctx.zone.date_of(r.taken_at);
      if (day >= from && day <= to) in_range.push_back(&r);
    }
    if (in_range.empty()) continue;
    const Instrument& in = *h.instrument;
    const QuestionnaireResponse& first = *in_range.front();
    const QuestionnaireResponse& last = *in_range.back();
    if (in.id == "psfs") out.latest_psfs = last;
    auto score = [&](const QuestionnaireResponse& r) {
      std::string s = format_score(in, r.score.value);
      if (const Band* b = find_band(in, r.score.band)) s += ", " + b->label;
      return fmt::format("{} ({})", s, day_month(ctx.zone.date_of(r.taken_at)));
    };
    std::vector<std::string> row = {in.abbreviation,
                                    score(first),
                                    in_range.size() > 1 ? score(last) : "-",
                                    "-",
                                    mic_words(in),
                                    "taken once in this period"};
    if (in_range.size() > 1) {
      const ScoreChange c = judge_change(in, first.score.value, last.score.value, first.taken_at, last.taken_at);
      row[3] = signed_amount(c.change, in.decimals);
      row[5] = c.sentence;
      if (in.id != "start_back") {
        out.key_rows.push_back({in.abbreviation, format_score(in, c.baseline), format_score(in, c.latest),
                                fmt::format("{}: {}", signed_amount(c.change, in.decimals), verdict_words(c))});
      }
    }
    if (in.id == "start_back") {
      // Its groups, not its score, are what it is for (Hill et al. 2008).
      auto group = [&](const QuestionnaireResponse& r) {
        const Band* b = find_band(in, r.score.band);
        return b ? b->label : std::string("no group");
      };
      std::string meaning = in_range.size() == 1          ? fmt::format("{}.", group(last))
                            : group(first) != group(last) ? fmt::format("From {} to {}.", group(first), group(last))
                                                          : fmt::format("{}, both times.", group(last));
      if (!meaning.empty() && meaning.front() >= 'a' && meaning.front() <= 'z') {
        meaning.front() = static_cast<char>(meaning.front() - 'a' + 'A');
      }
      out.key_rows.push_back(
          {"STarT Back group", in_range.size() > 1 ? score(first) : "-", score(last), std::move(meaning)});
    }
    table.rows.push_back(std::move(row));
  }
  if (!table.rows.empty()) out.table = std::move(table);
  return out;
}

// ---- page 2 --------------------------------------------------------------------------

ReportSection program_section(const Store& store, const User& user, const ClinicianReportContext& ctx,
                              const analysis::Insights& in, LocalDate from, LocalDate to) {
  ReportSection s{"The program",
                  {},
                  std::nullopt,
                  {},
                  {},
                  "{} earlier decisions are not shown; `daybreak progress explain DATE` shows any day's in full.",
                  "{} earlier decision is not shown; `daybreak progress explain DATE` shows any day's in full."};
  const ProgressionContext pctx{ctx.library, ctx.config, ctx.zone,
                                progression_safety(store, user.id, ctx.now, ctx.zone)};
  const auto overview = progress_overview(store, user.id, pctx, ctx.now, std::nullopt, 1);
  if (!overview || !overview->program) {
    s.paragraphs.push_back("No exercise program is set up.");
    return s;
  }
  const Program& program = *overview->program;
  const StageProgress& sp = overview->stage_progress;
  // Before the first session and without a stage set, the stage has not begun: progress dates it today.
  const bool begun =
      store.read()->first_session_at(user.id, program.id).has_value() || sp.since != ctx.zone.date_of(ctx.now);
  s.paragraphs.push_back(
      begun ? fmt::format("{}: stage {} of {}, \u201c{}\u201d, since {} ({} in the stage).", program.name,
                          overview->stage, program.stage_count(), program.stage(overview->stage).name,
                          short_date(sp.since), count(static_cast<std::size_t>(sp.days_in_stage), "day", "days"))
            : fmt::format("{}: stage {} of {}, \u201c{}\u201d, not begun: no guided session has been played yet.",
                          program.name, overview->stage, program.stage_count(), program.stage(overview->stage).name));
  // Held for safety when the report is made: the weeks below read with it.
  const SafetyState gate = safety_gate(store, user.id, ctx.now).state;
  auto since = [&](const std::vector<FlagReport>& open) {
    Instant first = open.front().at;
    for (const FlagReport& r : open) first = std::min(first, r.at);
    return short_date(ctx.zone.date_of(first));
  };
  if (!gate.emergency.empty()) {
    s.paragraphs.push_back(fmt::format(
        "Exercise has been locked for safety since {}: an emergency warning sign is waiting for a clinician's review "
        "(page 1). No guided session can start until the person confirms one.",
        since(gate.emergency)));
  } else if (!gate.urgent.empty()) {
    s.paragraphs.push_back(fmt::format(
        "The program has been paused for safety since {}: an urgent warning sign is waiting for a clinician's review "
        "(page 1). Until the person confirms one, only the gentle flare-day routine can be played, and the program "
        "does not move on.",
        since(gate.urgent)));
  }
  const analysis::Adherence& a = in.adherence;
  if (!a.has_sessions) {
    if (begun) s.paragraphs.push_back("No guided session has been played yet.");
  } else {
    // The program plans a morning and an evening routine every day.
    constexpr int kPlannedPerDay = 2;
    std::string text =
        fmt::format("Guided sessions finished in this period: {} of {} started.", a.completed, a.started);
    const int held = a.paused_days + a.locked_days;
    if (a.counted_from && a.counted_to) {
      text += fmt::format(" Over the {} from {} to {}{}: {} finished",
                          count(static_cast<std::size_t>(a.days), "day", "days"), short_date(*a.counted_from),
                          short_date(*a.counted_to),
                          held > 0 ? fmt::format(" (leaving out the {} exercise was {})",
                                                 count(static_cast<std::size_t>(held), "day", "days"),
                                                 analysis::held_words(a.paused_days, a.locked_days))
                                   : "",
                          a.counted);
      text += a.per_week ? fmt::format(
                               ", {} a week on average ({} \u00f7 {} days \u00d7 7), against {} planned (a morning "
                               "and an evening routine each day).",
                               one_decimal(*a.per_week), a.counted, a.days, 7 * kPlannedPerDay)
                         : fmt::format(" (a weekly average needs {} days).", analysis::kMinAdherenceDays);
    }
    if (a.later > 0 || (!a.recent.empty() && a.recent.back().in_progress())) {
      text += fmt::format(" {} was not over when the report was made and is not counted{}.",
                          short_date(ctx.zone.date_of(ctx.now)),
                          a.later > 0 ? fmt::format(" ({} so far)", count(a.later, "session", "sessions")) : "");
    }
    s.paragraphs.push_back(std::move(text));
    ReportTable weeks{{"Week of"}, {{"Finished"}, {"Adherence"}, {"Held for safety"}}};
    for (const analysis::WeekCount& w : a.recent) {
      const int planned = kPlannedPerDay * w.days;
      weeks.header.push_back(day_month(w.monday));
      std::string finished = planned > 0 ? fmt::format("{}/{}", w.completed, planned) : "-";
      if (w.later > 0) {
        finished = planned > 0 ? fmt::format("{} (+{} today)", finished, w.later) : fmt::format("{} today", w.later);
      }
      weeks.rows[0].push_back(std::move(finished));
      // A week not over is not a week's target missed: its days so far, or
      // "in progress"; nor is a week daybreak held for safety.
      weeks.rows[1].push_back(
          planned > 0    ? fmt::format("{:.0f}%{}", 100.0 * w.completed / planned, w.in_progress() ? " so far" : "")
          : w.held() > 0 ? std::string(analysis::held_words(w.paused, w.locked))
                         : std::string("in progress"));
      weeks.rows[2].push_back(
          w.paused > 0 && w.locked > 0 ? fmt::format("{} days paused, {} locked", w.paused, w.locked)
          : w.held() > 0               ? fmt::format("{} {}", count(static_cast<std::size_t>(w.held()), "day", "days"),
                                       w.locked > 0 ? "locked" : "paused")
                                       : "");
    }
    const bool any_held =
        std::any_of(a.recent.begin(), a.recent.end(), [](const analysis::WeekCount& w) { return w.held() > 0; });
    if (!any_held) weeks.rows.pop_back();
    if (!a.recent.empty()) {
      s.table = std::move(weeks);
      s.after_table.push_back(fmt::format(
          "Each week's plan counts its days in the period from the first session on, up to the last day over when the "
          "report was made{}.",
          held > 0 ? ", leaving out the days exercise was paused or locked for safety (a warning sign waiting for a "
                     "clinician)"
                   : ""));
      if (a.held_completed > 0) {
        s.after_table.push_back(fmt::format(
            "Not counted above: {} finished on days exercise was {} (while paused, only the gentle flare-day routine "
            "can be played).",
            count(a.held_completed, "session", "sessions"), analysis::held_words(a.paused_days, a.locked_days)));
      }
    }
  }
  const auto decisions = decisions_between(store, user.id, program.id, from, to);
  std::size_t steps = 0;
  for (auto it = decisions.rbegin(); it != decisions.rend(); ++it) {
    const DecisionRecord& d = *it;
    if (d.verdict == Verdict::repeat || d.verdict == Verdict::propose) continue;
    ++steps;
    s.items.push_back(
        fmt::format("{}: {}", short_date(d.date), clinician_decision_sentence(d, program, ctx.config, ctx.library)));
  }
  s.after_table.push_back(
      steps == 0 ? "No step up, step back or stage change in this period."
                 : fmt::format("Steps up and back, newest first; baseline: the median of the last {} logged mornings "
                               "before the session:",
                               ctx.config.baseline_mornings));
  return s;
}

// Whether the pain persists beyond the morning, from the numbers of
// `daybreak insights` but in a clinician's words: the insights speak to the
// person ("the pain is with you for much of the day"), the report of them.
std::string persistence_words(const analysis::AllDay& a) {
  if (a.days == 0) {
    return "No day has both a morning and a later period logged, so whether pain persists beyond the morning "
           "cannot be judged.";
  }
  const std::string later = analysis::later_periods_text(a);
  const double share = 100.0 * static_cast<double>(a.pain_stayed) / static_cast<double>(a.days);
  std::string text = fmt::format(
      "Pain persisted beyond the morning (at least 1 in every later period logged) on {} of the {} with the "
      "afternoon or evening logged as well ({:.0f}%): {}, against {} in those mornings.",
      a.pain_stayed, count(a.days, "day", "days"), share, later, one_decimal(a.morning_mean));
  if (a.days < analysis::kMinForInterval) {
    return text + fmt::format(" Fewer than {} such days: too few to read a pattern.", analysis::kMinForInterval);
  }
  return text + (share >= 50.0 ? " The pain is not confined to the morning."
                               : " On most of those days the pain had settled to 0 later in the day.");
}

// What medication may mask, in a clinician's words; nothing when none was
// logged (the medication section says so).
std::string masking_words(const analysis::MedicationMasking& m) {
  const std::string untimed =
      m.untimed == 0 ? ""
                     : fmt::format(" {} logged without a time could not be placed and {} left out.",
                                   count(m.untimed, "medication", "medications"), m.untimed == 1 ? "was" : "were");
  if (m.timed == 0) {
    if (m.untimed == 0) return "";
    return fmt::format(
        "{} logged without a time, so pain in the hours after a dose cannot be compared with pain at other times.",
        m.untimed == 1 ? std::string("The only medication was") : fmt::format("All {} medications were", m.untimed));
  }
  const std::string hours = fmt::format("{} hours", analysis::kMedicationWindow.count());
  if (!m.difference) {
    return fmt::format(
               "Masking by medication not assessed: {} afternoon or evening entries within {} of a dose and "
               "{} without ({} of each needed).",
               m.covered, hours, m.uncovered, analysis::kMinEntriesPerGroup) +
           untimed;
  }
  const analysis::Estimate& d = *m.difference;
  std::string text = fmt::format(
      "Afternoon and evening pain within {} after a medication ({}) averaged {} ({}) against {} at other times ({}); "
      "against days that began with the same morning pain, a difference of {} points ({}).",
      hours, join(m.names, ", "), one_decimal(m.covered_mean), count(m.covered, "entry", "entries"),
      one_decimal(m.uncovered_mean), count(m.uncovered, "entry", "entries"),
      d.value > 0 ? "+" + one_decimal(d.value) : one_decimal(d.value), analysis::interval_text(d.lower, d.upper));
  if (d.upper < 0.0) {
    text += " Medication may mask part of the pain: the entries without it probably show the back's state more truly.";
  } else if (d.lower > 0.0) {
    text += " Pain was higher after medication: doses probably followed the pain rather than the reverse.";
  } else {
    text += " No clear masking.";
  }
  return text + " Every medication logged with a time counts: the diary does not tell analgesics from others." +
         untimed;
}

// The whole-day profile: the levels by period with their intervals, whether
// the pain persists, and what medication may mask.
ReportSection whole_day_section(const analysis::Insights& in) {
  ReportSection s{"Pain through the day", {}, std::nullopt, {}, {}, "", ""};
  const analysis::WholeDay& w = in.whole_day;
  ReportTable levels{{"Period", "Entries", "Mean pain", "95% interval"}, {}};
  for (const analysis::PeriodLevel& p : w.periods) {
    levels.rows.push_back(
        {humanize(name_of(p.period)), std::to_string(p.n), p.n > 0 ? one_decimal(p.mean) : "-",
         p.interval ? fmt::format("{} to {}", one_decimal(p.interval->lower), one_decimal(p.interval->upper)) : "-"});
  }
  s.table = std::move(levels);
  s.after_table.push_back(persistence_words(w.all_day));
  if (std::string masking = masking_words(w.medication); !masking.empty()) s.after_table.push_back(std::move(masking));
  return s;
}

ReportSection sleep_and_medication_section(const std::vector<DiaryEntry>& entries) {
  ReportSection s{"Medication, relief and sleep set-up", {}, std::nullopt, {}, {}, "", ""};
  struct Use {
    std::size_t times = 0;
    std::vector<std::string> doses;
  };
  std::map<std::string, Use> medications;
  std::map<std::string, std::size_t> reliefs;
  std::map<std::string, std::size_t> positions;
  std::map<std::string, std::size_t> mattresses;
  std::size_t nights = 0;
  for (const DiaryEntry& e : entries) {
    for (const Medication& m : e.fields.medications) {
      Use& u = medications[m.name];
      ++u.times;
      if (!m.dose.empty() && std::find(u.doses.begin(), u.doses.end(), m.dose) == u.doses.end())
        u.doses.push_back(m.dose);
    }
    e.fields.relief.for_each([&](Relief r) { ++reliefs[humanize(name_of(r))]; });
    if (e.period == Period::night) {
      ++nights;
      if (e.fields.sleep_position) ++positions[humanize(name_of(*e.fields.sleep_position))];
      if (e.fields.mattress) ++mattresses[*e.fields.mattress];
    }
  }
  if (!medications.empty()) {
    ReportTable t{{"Medication", "Times logged", "Doses"}, {}};
    for (const auto& [name, u] : medications) t.rows.push_back({name, std::to_string(u.times), join(u.doses, ", ")});
    s.table = std::move(t);
  } else {
    s.paragraphs.push_back("No medication was logged in this period.");
  }
  auto counts = [](const std::map<std::string, std::size_t>& m) {
    std::vector<std::pair<std::string, std::size_t>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> parts;
    for (const auto& [name, n] : v) parts.push_back(fmt::format("{} ({})", name, n));
    return join(parts, ", ");
  };
  s.paragraphs.push_back(reliefs.empty() ? "No relief (heat, a walk, stretching...) was logged."
                                         : fmt::format("Relief used, times logged: {}.", counts(reliefs)));
  if (!positions.empty() || !mattresses.empty()) {
    std::string sleep = fmt::format("Sleep set-up over {} logged:", count(nights, "night", "nights"));
    if (!positions.empty()) sleep += fmt::format(" position {}", counts(positions));
    if (!mattresses.empty()) sleep += fmt::format("{} mattress {}", positions.empty() ? "" : ";", counts(mattresses));
    s.paragraphs.push_back(sleep + ".");
  }
  return s;
}

std::optional<ReportSection> experiments_section(const Store& store, const User& user,
                                                 const ClinicianReportContext& ctx, LocalDate from, LocalDate to) {
  ReportSection s{"Personal experiments",
                  {},
                  std::nullopt,
                  {},
                  {},
                  "{} more experiments are not shown; `daybreak experiment list` lists them all.",
                  "{} more experiment is not shown; `daybreak experiment list` lists them all."};
  const ExperimentClock clock = experiment_clock(ctx.now, ctx.zone);
  for (const Experiment& e : list_experiments(store, user.id)) {
    // Those designed by the end of the period and not over before it began.
    if (ctx.zone.date_of(e.created_at) > to || e.end_night() < from) continue;
    const auto report = experiment_report(store, clock, user.id, e.id);
    if (!report) continue;
    std::string text =
        fmt::format("{} (A: {}; B: {}), {} pairs of {}-night periods from {}", e.design.title, e.design.condition_a,
                    e.design.condition_b, e.design.pairs, e.design.period_nights, short_date(e.design.first_night));
    if (!report->outcomes.empty() && report->outcomes.front().analysis.estimable) {
      const auto& a = report->outcomes.front().analysis;
      text += fmt::format(". Morning pain A minus B: {} points (95% interval {} to {})", one_decimal(a.estimate),
                          one_decimal(a.lower), one_decimal(a.upper));
    }
    s.items.push_back(fmt::format("{}. {}", text, analysis::verdict_text(*report)));
  }
  if (s.items.empty()) return std::nullopt;
  return s;
}

std::optional<ReportSection> psfs_section(const std::optional<QuestionnaireResponse>& psfs) {
  if (!psfs) return std::nullopt;
  ReportSection s{"What matters to the person (PSFS)", {}, std::nullopt, {}, {}, "", ""};
  ReportTable t{{"Activity", "Rating (0 = unable, 10 = as before)"}, {}};
  for (const ItemAnswer& a : psfs->answers) {
    t.rows.push_back({a.item, a.value ? std::to_string(*a.value) : "-"});
  }
  s.table = std::move(t);
  return s;
}

ReportSection notes_section(const std::vector<DiaryEntry>& entries, LocalDate from) {
  ReportSection s{"Notes from the diary",
                  {},
                  std::nullopt,
                  {},
                  {},
                  "{} earlier notes are not shown; `daybreak history --json` gives every entry with its note.",
                  "{} earlier note is not shown; `daybreak history --json` gives every entry with its note."};
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->date < from || it->fields.note.empty()) continue;
    s.items.push_back(fmt::format("{}, {}: {}", short_date(it->date), name_of(it->period), it->fields.note));
  }
  return s;
}

// The days with a morning entry out of the days the person could have
// logged: from the day they began (their first diary entry or guided
// session, whichever came first), never the days of the period before it,
// to the report's last day; today counts only once its morning is logged,
// since the day is not over when the report is made.
std::string completeness(const Store& store, const User& user, const std::vector<SessionOutline>& sessions,
                         const ClinicianReportContext& ctx, LocalDate from, LocalDate to,
                         const analysis::DiarySeries& series) {
  std::optional<LocalDate> began = store.read()->first_entry_date(user.id);
  for (const SessionOutline& s : sessions) {
    const LocalDate day = ctx.zone.date_of(s.started_at);
    if (!began || day < *began) began = day;
  }
  if (!began) return "Completeness: nothing has been logged in the diary yet.";
  if (*began > to) {
    return fmt::format("Completeness: the person began using daybreak on {}, after this period.", short_date(*began));
  }
  const LocalDate first = std::max(from, *began);
  const LocalDate today = ctx.zone.date_of(ctx.now);
  auto morning_on = [&](LocalDate day) {
    return std::any_of(series.days.begin(), series.days.end(), [&](const analysis::DayRecord& d) {
      return d.date == day && d.pain[static_cast<std::size_t>(Period::morning)].has_value();
    });
  };
  // Days after today cannot have been logged yet.
  LocalDate last = std::min(to, today);
  if (last == today && !morning_on(today)) last = add_days(today, -1);
  std::size_t logged = 0;
  for (const analysis::DayRecord& d : series.days) {
    if (d.date >= first && d.date <= last && d.pain[static_cast<std::size_t>(Period::morning)]) ++logged;
  }
  std::vector<std::string> why;
  if (first > from) why.push_back(fmt::format("the person began using daybreak on {}", short_date(first)));
  if (last < to) {
    why.push_back(to == today
                      ? fmt::format("{}, the day of the report, not logged yet", day_month(today))
                      : fmt::format("the days after {} were not over when the report was made", day_month(last)));
  }
  const std::string note = why.empty() ? "" : fmt::format(" ({})", join(why, "; "));
  if (last < first) return fmt::format("Completeness: no whole day to count yet{}.", note);
  const int days = days_in(first, last);
  return fmt::format("Completeness: a morning entry on {} of {} ({:.0f}%) from {} to {}{}.", logged,
                     count(static_cast<std::size_t>(days), "day", "days"), 100.0 * static_cast<double>(logged) / days,
                     short_date(first), short_date(last), note);
}

std::vector<std::string> method_lines() {
  return {
      "Pain: 0-10 numeric rating scale, logged by the person for the night, morning, afternoon and evening. "
      "Baseline: mean of the first 7 logged mornings of the period; latest: mean of the last 7 (compared when 14 or "
      "more are logged). Chart line: mean of the mornings logged in the 7 days ending each day (at least 4). Program "
      "steps: a rule adapted from a pain-monitoring model tested in Achilles tendon pain (Silbernagel et al., Am J "
      "Sports Med 2007).",
      "Important change (minimal important change, MIC): NRS pain 2 points or 30% of the baseline, RMDQ 5 points or "
      "30%, ODI 10 points (Ostelo et al., Spine 2008;33:90-4); for pain, 30% counts only with a change of at least 1 "
      "point, the smallest change people notice (Salaffi et al., Eur J Pain 2004); PSFS 2 points (Stratford 1995; "
      "Abbott and Schmitt, JOSPT 2014). STarT Back groups: Hill et al., Arthritis Rheum 2008.",
      "Morning stiffness: minutes from waking until it eased; more than 30 minutes is one of the Berlin criteria for "
      "inflammatory back pain (Rudwaleit et al., Arthritis Rheum 2006). Intervals are 95% intervals that allow for "
      "day-to-day correlation (daybreak docs/insights.md).",
  };
}

constexpr std::string_view kDisclaimer =
    "Written by the person with daybreak, a self-care diary, from what they logged. It is not a diagnosis and does "
    "not replace a clinical assessment.";

}  // namespace

AppResult<ClinicianReport> clinician_report(const Store& store, const User& user, const ClinicianReportContext& ctx,
                                            const ClinicianReportRequest& request) {
  const LocalDate today = ctx.zone.date_of(ctx.now);
  const LocalDate to = request.to.value_or(today);
  const LocalDate from = request.from.value_or(add_days(to, -(kDefaultReportDays - 1)));
  FieldErrors errors;
  if (from > to) {
    errors.push_back({"from", format_date(from), fmt::format("a day on or before the last day ({})", format_date(to))});
  } else if (days_in(from, to) > kMaxReportDays) {
    errors.push_back(
        {"from", format_date(from),
         fmt::format("a day at most {} days before the last day ({})", kMaxReportDays - 1, format_date(to))});
  }
  const auto length = utf8_length(request.questions);
  if (!length || has_control_chars(request.questions, "\n\t")) {
    errors.push_back({"questions", "(not shown)", "text in UTF-8 without control characters (new lines are fine)"});
  } else if (*length > kMaxReportQuestions) {
    errors.push_back(
        {"questions", fmt::format("{} characters", *length),
         fmt::format("at most {} characters, so that the report keeps to two pages", kMaxReportQuestions)});
  }
  if (!errors.empty()) return fail(invalid("the report cannot be made", std::move(errors)));

  ClinicianReport r;
  r.title = fmt::format("Back pain report: {} to {}", short_date(from), short_date(to));
  r.name = user.name == kUnnamedPerson ? std::string() : user.name;  // a name only when one was given
  r.from = from;
  r.to = to;
  r.generated_at = ctx.now;
  r.generated = fmt::format("Made on {} at {} ({}) with daybreak {}, from the person's own diary.", short_date(today),
                            format_clock(ctx.zone.to_local(ctx.now)), user.time_zone, ctx.version);
  const int period_days = days_in(from, to);
  r.period = fmt::format("Period: {} to {} ({}).", format_long_date(from), format_long_date(to),
                         count(static_cast<std::size_t>(period_days), "day", "days"));

  const auto entries = entries_between(store, user.id, add_days(from, -1), to);
  const analysis::DiarySeries series = analysis::build_series(entries, from, to, ctx.zone);
  const MorningChange pain = morning_change(series, MorningMeasure::pain);
  const auto outlines = store.read()->session_outlines(user.id);
  r.completeness = completeness(store, user, outlines, ctx, from, to, series);

  SafetyWords safety = safety_words(store, user, ctx, from, to, entries);
  const std::string ibp = ibp_words(screening_history(store, user.id), ctx.zone, to);
  r.alerts = std::move(safety.alerts);
  r.method = method_lines();
  r.disclaimer = std::string(kDisclaimer);

  const bool any_entry =
      std::any_of(entries.begin(), entries.end(), [&](const DiaryEntry& e) { return e.date >= from; });
  QuestionnaireWords questionnaires = questionnaire_words(store, user, ctx, from, to);
  if (!any_entry) {
    r.nothing_logged = true;
    r.nothing_logged_text = fmt::format(
        "Nothing was logged in the diary from {} to {}: there are no pain, stiffness or session numbers to report "
        "for this period. {} {}",
        short_date(from), short_date(to), safety.status, ibp);
    return r;
  }

  // Key changes.
  r.key_changes.header = {"Measure", "Start of period", "End of period", "What it means"};
  r.key_changes.span_empty = true;  // the Safety row's words run across the empty columns
  // The NRS's own minimal important change, judged at the one decimal the
  // means are shown with.
  Instrument nrs = instrument("nrs_pain");
  nrs.abbreviation = "Morning pain";
  nrs.decimals = 1;
  if (pain.comparable()) {
    const ScoreChange c = judge_change(nrs, pain.first->mean, pain.last->mean);
    r.key_changes.rows.push_back(
        {"Morning pain (0-10)",
         fmt::format("{} (mean, {})", one_decimal(pain.first->mean), days_span(pain.first->first, pain.first->last)),
         fmt::format("{} (mean, {})", one_decimal(pain.last->mean), days_span(pain.last->first, pain.last->last)),
         fmt::format("{} (MIC: {}).", c.sentence, mic_words(nrs))});
    r.key_changes.rows.push_back({"Worst pain of the day",
                                  fmt::format("{:.0f} (any period, same days)", pain.first->worst),
                                  fmt::format("{:.0f} (any period, same days)", pain.last->worst), ""});
  } else {
    r.key_changes.rows.push_back(
        {"Morning pain (0-10)",
         pain.first ? fmt::format("{} (mean of {})", one_decimal(pain.first->mean),
                                  count(pain.first->mornings, "morning", "mornings"))
                    : "-",
         "-",
         fmt::format("Too few mornings to compare: {} logged, {} needed.", pain.mornings, 2 * kReportWindowMornings)});
  }
  if (const auto worst = worst_pain(series)) {
    const std::string text =
        fmt::format("Highest pain of the period: {:.0f} on {}.", worst->pain, short_date(worst->day));
    if (pain.comparable()) {
      r.key_changes.rows.back()[3] = text;
    } else {
      r.key_changes.rows.push_back({"Worst pain of the day", "-", fmt::format("{:.0f}", worst->pain), text});
    }
  }
  const MorningChange stiff = morning_change(series, MorningMeasure::stiffness_minutes);
  std::size_t long_stiffness = 0;
  for (const analysis::DayRecord& d : series.days) {
    if (d.stiffness_minutes && *d.stiffness_minutes > 30) ++long_stiffness;
  }
  // A morning logged "still stiff" gives the minutes so far, a lower bound:
  // a mean with one of them is "at least" that.
  const auto stiffness_mean = [&](const auto& w) {
    const bool bound = std::any_of(entries.begin(), entries.end(), [&](const DiaryEntry& e) {
      return e.period == Period::morning && e.fields.still_stiff && e.fields.stiffness_minutes && e.date >= w.first &&
             e.date <= w.last;
    });
    return fmt::format("{}{} (mean, {})", bound ? "at least " : "", minutes(w.mean), days_span(w.first, w.last));
  };
  if (stiff.first) {
    r.key_changes.rows.push_back({"Morning stiffness", stiffness_mean(*stiff.first),
                                  stiff.comparable() ? stiffness_mean(*stiff.last) : "-",
                                  fmt::format("More than 30 minutes on {} of {}.", long_stiffness,
                                              count(stiff.mornings, "morning", "mornings"))});
  }
  for (auto& row : questionnaires.key_rows) r.key_changes.rows.push_back(std::move(row));
  r.key_changes.rows.push_back({"Safety", "", "", safety.status});
  r.key_changes.rows.push_back({"IBP screen", "", "", ibp});

  // The charts.
  const auto rolling = rolling_morning_mean(series);
  std::size_t flare_days = 0;
  for (std::size_t i = 0; i < series.days.size(); ++i) {
    const analysis::DayRecord& d = series.days[i];
    ReportDay day;
    day.day = d.date;
    day.morning_pain = d.pain[static_cast<std::size_t>(Period::morning)];
    day.mean7 = rolling[i];
    for (const auto& p : d.pain) {
      if (!p) continue;
      day.low = day.low ? std::min(*day.low, *p) : *p;
      day.high = day.high ? std::max(*day.high, *p) : *p;
    }
    day.stiffness_minutes = d.stiffness_minutes;
    r.days.push_back(day);
  }
  for (const DiaryEntry& e : entries) {
    if (e.period == Period::morning && e.fields.still_stiff && e.date >= from) {
      r.days[static_cast<std::size_t>(days_between(from, e.date))].still_stiff = true;
    }
  }
  const auto overview_program = program_status(store, ctx.library, user.id, std::nullopt);  // app/session.hpp
  if (overview_program && overview_program->program) {
    for (const DecisionRecord& d : decisions_between(store, user.id, overview_program->program->id, from, to)) {
      if (d.kind == DecisionKind::stage && d.verdict == Verdict::move) {
        r.marks.push_back({d.date, ReportMark::Kind::stage, fmt::format("stage {}", d.stage)});
      }
    }
  }
  // Flare days: the flare-day routine was played.
  for (const SessionOutline& s : outlines) {
    const LocalDate day = ctx.zone.date_of(s.started_at);
    if (s.routine != RoutineKind::flare || day < from || day > to) continue;
    if (std::none_of(r.marks.begin(), r.marks.end(),
                     [&](const ReportMark& m) { return m.day == day && m.kind == ReportMark::Kind::flare; })) {
      r.marks.push_back({day, ReportMark::Kind::flare, "flare day"});
      ++flare_days;
    }
  }
  r.pain_chart_title = "Morning pain, day by day";
  r.pain_chart_alt = fmt::format(
      "Chart of morning pain on a 0 to 10 scale from {} to {}: {} mornings logged{}{}; {} stage {} and {} flare {} "
      "marked.",
      short_date(from), short_date(to), pain.mornings,
      pain.comparable() ? fmt::format(", the 7-morning mean going from {} to {}", one_decimal(pain.first->mean),
                                      one_decimal(pain.last->mean))
                        : "",
      worst_pain(series) ? fmt::format(", highest pain of any period {:.0f}", worst_pain(series)->pain) : "",
      r.marks.size() - flare_days, r.marks.size() - flare_days == 1 ? "change" : "changes", flare_days,
      flare_days == 1 ? "day" : "days");
  r.stiffness_chart_title = "Morning stiffness, minutes until it eased";
  r.stiffness_chart_alt =
      stiff.mornings == 0
          ? "No morning stiffness minutes were logged in this period."
          : fmt::format(
                "Chart of morning stiffness in minutes from {} to {}: {} mornings with minutes logged, more "
                "than 30 minutes on {}; mean of the first 7 {}, of the last 7 {}.",
                short_date(from), short_date(to), stiff.mornings, long_stiffness, minutes(stiff.first->mean),
                minutes(stiff.last->mean));

  r.questionnaires = std::move(questionnaires.table);
  r.questionnaires_none = "No questionnaire was taken in this period.";

  // Page 2.
  // The same numbers as `daybreak insights --from --to`.
  const auto in = insights(store, user.id, ctx.zone, today, {from, to});
  if (!in) return fail(in.error());
  r.detail.push_back(program_section(store, user, ctx, *in, from, to));
  r.detail.push_back(whole_day_section(*in));
  r.detail.push_back(sleep_and_medication_section(std::vector<DiaryEntry>(
      std::find_if(entries.begin(), entries.end(), [&](const DiaryEntry& e) { return e.date >= from; }),
      entries.end())));
  if (auto e = experiments_section(store, user, ctx, from, to)) r.detail.push_back(std::move(*e));
  if (auto p = psfs_section(questionnaires.latest_psfs)) r.detail.push_back(std::move(*p));
  if (!request.questions.empty()) {
    // The person's words; the heading is the report's, which speaks of them.
    r.detail.push_back({"The person's questions", {request.questions}, std::nullopt, {}, {}, "", ""});
  }
  ReportSection notes = notes_section(entries, from);
  if (!notes.items.empty()) r.detail.push_back(std::move(notes));
  return r;
}

std::string clinician_report_fhir(const Store& store, const User& user, const ClinicianReport& report,
                                  const TimeZone& zone, std::string_view pdf) {
  return fhir_report_document({report, export_person_id(*store.read(), user), zone, pdf});
}

}  // namespace daybreak
