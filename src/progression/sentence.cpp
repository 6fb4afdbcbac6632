#include "progression/sentence.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/text.hpp"

namespace daybreak {
namespace {

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string exercise_names(const std::vector<std::string>& ids, const ContentLibrary& library) {
  std::vector<std::string> names;
  for (const auto& id : ids) {
    const Exercise* e = library.exercise(id);
    names.push_back(e != nullptr ? e->name : id);
  }
  if (names.size() <= 1) return names.empty() ? "" : names.front();
  const std::string last = names.back();
  names.pop_back();
  return join(names, ", ") + " and " + last;
}

std::string changes_text(const std::vector<LevelChange>& changes) {
  std::vector<std::string> parts;
  for (const auto& c : changes) parts.push_back(c.what);
  return join(parts, "; ");
}

class Builder {
 public:
  Builder(const DecisionInputs& in, const ProgressionConfig& config, const ContentLibrary& library)
      : in_(in), config_(config), library_(library) {
    session_ = fmt::format("{}'s {} session", weekday_name(in.session_date), name_of(in.routine));
  }

  // What went against the back, one clause per reason that applied.
  std::string too_much(const ChoiceSet<Why>& reasons) const {
    std::vector<std::string> clauses;
    const MorningReading* m = in_.next_morning ? &*in_.next_morning : nullptr;
    reasons.for_each([&](Why why) {
      switch (why) {
        case Why::pain_during_high:
          clauses.push_back(in_.painful_exercises.empty()
                                ? fmt::format("you felt {}/10 during {}, above the {}/10 ceiling", *in_.pain_during,
                                              session_, config_.pain_during_ceiling)
                                : fmt::format("you felt {}/10 during {} in {}, above the {}/10 ceiling",
                                              *in_.pain_during, exercise_names(in_.painful_exercises, library_),
                                              session_, config_.pain_during_ceiling));
          break;
        case Why::stopped_for_pain:
          clauses.push_back(fmt::format("you stopped {} for pain", session_));
          break;
        case Why::pain_after_high:
          clauses.push_back(fmt::format("pain reached {}/10 after {}, above {}/10", *in_.pain_after, session_,
                                        config_.pain_after_ceiling));
          break;
        case Why::morning_pain_up:
          clauses.push_back(fmt::format("morning pain was {} after {}, your usual is {}", m->pain, session_,
                                        number_text(*in_.baseline.pain)));
          break;
        case Why::stiffness_up:
          clauses.push_back(fmt::format("stiffness lasted {}{} min the morning after, your usual is {} min",
                                        m->still_stiff ? "more than " : "", *m->stiffness_minutes,
                                        number_text(*in_.baseline.stiffness)));
          break;
        case Why::weekly_rise: {
          const WeeklyCheck& w = *in_.weekly;
          clauses.push_back(
              w.pain_rising
                  ? fmt::format("morning pain averaged {} over the last {} days, up from {} the {} days before",
                                number_text(w.this_pain), config_.weekly_days, number_text(w.previous_pain),
                                config_.weekly_days)
                  : fmt::format("morning stiffness averaged {} min over the last {} days, up from {} min the {} "
                                "days before",
                                number_text(*w.this_stiffness), config_.weekly_days, number_text(*w.previous_stiffness),
                                config_.weekly_days));
          break;
        }
        default:
          break;
      }
    });
    if (clauses.size() <= 1) return clauses.empty() ? "" : clauses.front();
    const std::string last = clauses.back();
    clauses.pop_back();
    return join(clauses, ", ") + ", and " + last;
  }

  // "Morning pain was 3 after Tuesday's morning session, your usual is 4, and you felt at most 3/10 during it"
  std::string good_morning() const {
    const MorningReading& m = *in_.next_morning;
    std::string s = fmt::format("morning pain was {} after {}, your usual is {}", m.pain, session_,
                                number_text(*in_.baseline.pain));
    if (in_.baseline.stiffness && m.stiffness_minutes) {
      s += fmt::format(", stiffness {} min against {}", *m.stiffness_minutes, number_text(*in_.baseline.stiffness));
    }
    if (in_.pain_during) s += fmt::format(", and you felt at most {}/10 during it", *in_.pain_during);
    return s;
  }

  const std::string& session() const { return session_; }

 private:
  const DecisionInputs& in_;
  const ProgressionConfig& config_;
  const ContentLibrary& library_;
  std::string session_;
};

}  // namespace

namespace {

// "after the morning session": the report puts the day before it.
std::string after_session(const DecisionInputs& in) {
  return fmt::format("after the {} session{}", name_of(in.routine), in.sessions > 1 ? "s" : "");
}

// The numbers of a good next morning, each against its baseline.
std::string morning_numbers(const DecisionInputs& in) {
  const MorningReading& m = *in.next_morning;
  std::string s = fmt::format("next-morning pain {} (baseline {})", m.pain, number_text(*in.baseline.pain));
  if (in.baseline.stiffness && m.stiffness_minutes) {
    s += fmt::format(", stiffness {}{} min (baseline {} min)", m.still_stiff ? "more than " : "", *m.stiffness_minutes,
                     number_text(*in.baseline.stiffness));
  }
  if (in.pain_during) s += fmt::format(", pain during the session at most {}/10", *in.pain_during);
  return s;
}

// What went against the back, one clause per reason.
std::string against(const DecisionInputs& in, const ChoiceSet<Why>& reasons, const ProgressionConfig& config,
                    const ContentLibrary& library) {
  std::vector<std::string> clauses;
  const MorningReading* m = in.next_morning ? &*in.next_morning : nullptr;
  reasons.for_each([&](Why why) {
    switch (why) {
      case Why::pain_during_high:
        if (in.pain_during) {
          clauses.push_back(
              fmt::format("pain during the session {}/10{}, above the {}/10 ceiling", *in.pain_during,
                          in.painful_exercises.empty() ? "" : " in " + exercise_names(in.painful_exercises, library),
                          config.pain_during_ceiling));
        }
        break;
      case Why::stopped_for_pain:
        clauses.emplace_back("the session stopped for pain");
        break;
      case Why::pain_after_high:
        if (in.pain_after) {
          clauses.push_back(fmt::format("pain after the session {}/10, above the {}/10 ceiling", *in.pain_after,
                                        config.pain_after_ceiling));
        }
        break;
      case Why::morning_pain_up:
        if (m && in.baseline.pain) {
          clauses.push_back(fmt::format("next-morning pain {} against a baseline of {} (a rise of {} or more)", m->pain,
                                        number_text(*in.baseline.pain), config.morning_pain_rise));
        }
        break;
      case Why::stiffness_up:
        if (m && m->stiffness_minutes && in.baseline.stiffness) {
          clauses.push_back(
              fmt::format("next-morning stiffness {}{} min against a baseline of {} min (a rise of {} "
                          "min or more)",
                          m->still_stiff ? "more than " : "", *m->stiffness_minutes,
                          number_text(*in.baseline.stiffness), config.stiffness_rise_minutes));
        }
        break;
      case Why::weekly_rise:
        if (in.weekly) {
          const WeeklyCheck& w = *in.weekly;
          clauses.push_back(
              w.pain_rising || !w.this_stiffness || !w.previous_stiffness
                  ? fmt::format("mean morning pain {} over the last {} days, up from {} the {} days before",
                                number_text(w.this_pain), config.weekly_days, number_text(w.previous_pain),
                                config.weekly_days)
                  : fmt::format("mean morning stiffness {} min over the last {} days, up from {} min the {} days "
                                "before",
                                number_text(*w.this_stiffness), config.weekly_days, number_text(*w.previous_stiffness),
                                config.weekly_days));
        }
        break;
      default:
        break;
    }
  });
  return join(clauses, "; ");
}

std::string rule_sentence(const DecisionRecord& d, const DecisionInputs& in, const ProgressionConfig& config,
                          const ContentLibrary& library) {
  const std::string after = after_session(in);
  const std::string changes = changes_text(d.changes);
  const ChoiceSet<Why>& why = d.reasons;
  const bool good = in.next_morning && in.baseline.pain;
  switch (d.verdict) {
    case Verdict::paused:
      return fmt::format("No change {}: progression paused for safety{}.", after,
                         in.safety_note.empty() ? "" : " (" + in.safety_note + ")");
    case Verdict::step_up:
      return fmt::format("Step up {}{}. {}.", after, good ? ": " + morning_numbers(in) : "", capitalized(changes));
    case Verdict::step_back: {
      const std::string reasons = against(in, why, config, library);
      std::string s = fmt::format("Step back {}{}.", after, reasons.empty() ? "" : ": " + reasons);
      if (!why.contains(Why::at_bottom)) {
        s += " " + capitalized(changes) + ".";
      } else {
        ChoiceSet<Why> rest = why;
        rest.erase(Why::at_bottom);
        if (rest == ChoiceSet<Why>{Why::pain_during_high} && !in.painful_exercises.empty()) {
          s += fmt::format(
              " No change: {} already at the gentlest level; the person was advised to keep {} small and easy or "
              "leave {} out, and to ask a clinician if this recurs.",
              exercise_names(in.painful_exercises, library), in.painful_exercises.size() == 1 ? "it" : "them",
              in.painful_exercises.size() == 1 ? "it" : "them");
        } else {
          s += " No change: every exercise of the routine is already at its gentlest level; the person was advised to "
               "ask a clinician if this recurs.";
        }
      }
      if (d.offer_flare) s += " The flare-day routine was offered for the day.";
      return s;
    }
    case Verdict::repeat:
      if (why.contains(Why::no_next_morning)) {
        return fmt::format("No change {}: no morning entry the next day (a missing morning is not read as a good one).",
                           after);
      }
      if (why.contains(Why::no_baseline)) {
        return fmt::format(
            "No change {}: {} logged before it; {} are needed for a baseline.", after,
            in.baseline.mornings == 1 ? std::string("1 morning") : fmt::format("{} mornings", in.baseline.mornings),
            config.min_baseline_mornings);
      }
      if (!good) return fmt::format("No change {}.", after);
      if (why.contains(Why::above_baseline) && in.next_morning->pain > *in.baseline.pain) {
        return fmt::format("No change {}: next-morning pain {}, above the baseline {} by less than {}.", after,
                           in.next_morning->pain, number_text(*in.baseline.pain), config.morning_pain_rise);
      }
      if (why.contains(Why::above_baseline) && in.next_morning->stiffness_minutes && in.baseline.stiffness) {
        return fmt::format(
            "No change {}: next-morning stiffness {} min, above the baseline {} min by less than {} min.", after,
            *in.next_morning->stiffness_minutes, number_text(*in.baseline.stiffness), config.stiffness_rise_minutes);
      }
      if (why.contains(Why::stiffness_unknown)) {
        return fmt::format("No change {}: next-morning pain {} (baseline {}), stiffness {}.", after,
                           in.next_morning->pain, number_text(*in.baseline.pain),
                           in.next_morning->still_stiff ? "still easing when logged" : "not timed");
      }
      if (why.contains(Why::too_soon) && in.last_step_up) {
        return fmt::format("No change {}: {}; the last step up was on {}, less than {} days before.", after,
                           morning_numbers(in),
                           fmt::format("{} {} {}", static_cast<unsigned>(in.last_step_up->day()),
                                       short_month_name(*in.last_step_up), static_cast<int>(in.last_step_up->year())),
                           config.min_days_between_step_ups);
      }
      if (why.contains(Why::at_top)) {
        return fmt::format("No change {}: {}; every exercise of the routine is at its top level.", after,
                           morning_numbers(in));
      }
      if (why.contains(Why::good_once)) {
        return fmt::format("No change {}: {}; a good session, {} more in a row before a step up.", after,
                           morning_numbers(in), config.good_sessions_to_step_up - d.state.good_sessions);
      }
      return fmt::format("No change {}.", after);
    default:
      return fmt::format("Decided {}.", after);
  }
}

std::string by_whom(const DecisionRecord& d) {
  return d.author ? fmt::format("by {}", d.author->name) : std::string("by the person");
}

std::string noted(const DecisionRecord& d) { return d.note.empty() ? "" : fmt::format(" (note: {})", d.note); }

// A rule decision without its numbers: the verdict, the routine and what
// changed; for inputs that cannot be read, or a reader not shown the diary.
std::string rule_outline(const DecisionRecord& d) {
  const std::string after = d.routine ? fmt::format(" after the {} session", name_of(*d.routine)) : std::string();
  const std::string changes = changes_text(d.changes);
  std::string s;
  switch (d.verdict) {
    case Verdict::paused:
      return fmt::format("No change{}: progression paused for safety.", after);
    case Verdict::step_up:
      s = fmt::format("Step up{}", after);
      break;
    case Verdict::step_back:
      s = fmt::format("Step back{}", after);
      if (changes.empty() && d.reasons.contains(Why::at_bottom)) {
        s += ": no change, the routine was already at its gentlest level";
      }
      break;
    default:
      s = fmt::format("No change{}", after);
      break;
  }
  s += changes.empty() ? "." : ": " + changes + ".";
  if (d.offer_flare) s += " The flare-day routine was offered for the day.";
  return s;
}

}  // namespace

std::string clinician_decision_sentence(const DecisionRecord& d, const Program& program,
                                        const ProgressionConfig& config, const ContentLibrary& library,
                                        DiaryNumbers numbers) {
  const auto json = nlohmann::ordered_json::parse(d.inputs, nullptr, false);
  auto stage_number = [&](const char* key, int otherwise) {
    return json.is_object() && json.contains(key) && json[key].is_number_integer() ? json[key].get<int>() : otherwise;
  };
  auto stage_words = [&](int n) { return fmt::format("stage {} (\u201c{}\u201d)", n, program.stage(n).name); };
  switch (d.kind) {
    case DecisionKind::rule: {
      if (numbers == DiaryNumbers::shown && !json.is_discarded()) {
        if (const auto in = decision_inputs_from_json(json); in.ok()) return rule_sentence(d, *in, config, library);
      }
      return rule_outline(d);  // inputs that cannot be read, or numbers not to be shown
    }
    case DecisionKind::override:
      return fmt::format("Level set by hand {}: {}{}.", by_whom(d), changes_text(d.changes), noted(d));
    case DecisionKind::stage:
      switch (d.verdict) {
        case Verdict::move:
          return fmt::format("The person confirmed the move to {}.", stage_words(d.stage));
        case Verdict::propose:
          return fmt::format("{} proposed: the exit criteria of stage {} were met.", capitalized(stage_words(d.stage)),
                             d.stage - 1);
        default:
          return fmt::format("Stage set by hand {}: {} in place of stage {}{}.", by_whom(d), stage_words(d.stage),
                             stage_number("from", d.stage), noted(d));
      }
  }
  return changes_text(d.changes);
}

std::string number_text(double v) {
  const double rounded = std::round(v * 10.0) / 10.0;
  if (rounded == std::floor(rounded)) return fmt::format("{}", static_cast<long long>(rounded));
  return fmt::format("{:.1f}", rounded);
}

std::string decision_sentence(const DecisionInputs& in, const RuleVerdict& verdict,
                              const std::vector<LevelChange>& changes, const ProgressionConfig& config,
                              const ContentLibrary& library) {
  const Builder b(in, config, library);
  const ChoiceSet<Why>& why = verdict.reasons;
  std::string s;
  switch (verdict.verdict) {
    case Verdict::paused:
      s = fmt::format("Progression is paused until a clinician has seen you{}: levels stay as they are after {}.",
                      in.safety_note.empty() ? "" : " (" + in.safety_note + ")", b.session());
      break;
    case Verdict::step_back:
      s = capitalized(b.too_much(why)) + ": ";
      if (!why.contains(Why::at_bottom)) {
        s += changes_text(changes) + ".";
      } else if (verdict.only_painful_exercises) {
        const bool one = in.painful_exercises.size() == 1;
        s += fmt::format(
            "{} {} already at {} gentlest level; next time keep {} small and easy, or leave {} out, and if this "
            "keeps happening, ask a clinician.",
            exercise_names(in.painful_exercises, library), one ? "is" : "are", one ? "its" : "their",
            one ? "it" : "them", one ? "it" : "them");
      } else {
        s += "every exercise of this routine is already at its gentlest level; keep to it, and if this keeps "
             "happening, ask a clinician.";
      }
      if (verdict.offer_flare) s += " Today, try the flare-day routine instead.";
      break;
    case Verdict::step_up:
      s = capitalized(b.good_morning()) + ": " + changes_text(changes) + ".";
      break;
    case Verdict::repeat: {
      const MorningReading* m = in.next_morning ? &*in.next_morning : nullptr;
      if (why.contains(Why::no_next_morning)) {
        s = fmt::format(
            "No morning entry was logged after {}, and a missing morning is never read as a good one: the routine "
            "stays as it is.",
            b.session());
      } else if (why.contains(Why::no_baseline)) {
        s = fmt::format(
            "Only {} morning{} logged before {}, and daybreak needs {} to know your usual morning: the routine "
            "stays as it is.",
            in.baseline.mornings, in.baseline.mornings == 1 ? " was" : "s were", b.session(),
            config.min_baseline_mornings);
      } else if (why.contains(Why::above_baseline) && m->pain > *in.baseline.pain) {
        s = fmt::format("Morning pain was {} after {}, above your usual {} but by less than {}: stay at this level.",
                        m->pain, b.session(), number_text(*in.baseline.pain), config.morning_pain_rise);
      } else if (why.contains(Why::above_baseline)) {
        s = fmt::format(
            "Stiffness lasted {} min after {}, longer than your usual {} min but by less than {} min: stay at this "
            "level.",
            *m->stiffness_minutes, b.session(), number_text(*in.baseline.stiffness), config.stiffness_rise_minutes);
      } else if (why.contains(Why::stiffness_unknown)) {
        s = fmt::format(
            "Morning pain was {} after {}, your usual is {}, but the morning's stiffness was {}: stay at this level "
            "until a morning tells both.",
            m->pain, b.session(), number_text(*in.baseline.pain),
            m->still_stiff ? "still easing when logged" : "not timed");
      } else if (why.contains(Why::good_once)) {
        const int more = config.good_sessions_to_step_up - verdict.good_sessions_after;
        s = capitalized(b.good_morning()) +
            fmt::format(": a good sign; {} more session{} like it and the routine steps up.", more,
                        more == 1 ? "" : "s");
      } else if (why.contains(Why::too_soon)) {
        s = capitalized(b.good_morning()) +
            fmt::format(
                ": {} good sessions in a row, but the last step up was on {} {}, less than {} days before: "
                "stay at this level for now.",
                verdict.good_sessions_after, weekday_name(*in.last_step_up), format_date(*in.last_step_up),
                config.min_days_between_step_ups);
      } else if (why.contains(Why::at_top)) {
        s = capitalized(b.good_morning()) +
            ": every exercise of this routine is at its top level; the stage's criteria say when to move on.";
      } else {
        s = fmt::format("The routine stays as it is after {}.", b.session());
      }
      break;
    }
    default:
      s = fmt::format("Decided after {}.", b.session());
      break;
  }
  return s;
}

}  // namespace daybreak
