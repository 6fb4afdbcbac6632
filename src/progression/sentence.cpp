#include "progression/sentence.hpp"

#include <array>
#include <cmath>

#include <fmt/format.h>

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
