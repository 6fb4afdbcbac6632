#include "cli/safety_prompts.hpp"

#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/prompt.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

constexpr std::string_view kRule = "========================================================================";

std::string long_stamp(Instant t, const TimeZone& zone) {
  return format_long_date(zone.date_of(t)) + " " + format_clock(zone.to_local(t));
}

void print_locked_how_to(std::ostream& out) {
  out << "Your exercise sessions are locked. When a clinician has seen you:\n  " << kAckCommand << "\n";
}

void print_paused_how_to(std::ostream& out) { out << "When a clinician has seen you:\n  " << kAckCommand << "\n"; }

// The stop screen or the 24-hour advice for what is open now, if anything.
bool print_open_flags(std::ostream& out, const SafetyGate& gate) {
  const SafetyState& s = gate.state;
  if (!s.emergency.empty()) {
    print_message(out, stop_message(s.emergency, gate.contact), true);
    print_locked_how_to(out);
    return true;
  }
  if (!s.urgent.empty()) {
    print_message(out, urgent_message(s.urgent, gate.contact));
    print_paused_how_to(out);
    return true;
  }
  return false;
}

}  // namespace

void print_message(std::ostream& out, const SafetyMessage& message, bool framed) {
  if (framed) out << kRule << "\n";
  out << message.title << "\n\n";
  for (const auto& line : message.lines) out << line << "\n";
  if (framed) out << kRule << "\n";
}

std::optional<YesNo> ask_yes_no(Io& io, std::string_view question) {
  const auto answer = ask_valid(io, fmt::format("{} [yes/no]", question), [](const std::string& a) {
    const std::string v = to_lower_ascii(a);
    if (v == "yes" || v == "y" || v == "no" || v == "n") return std::optional<std::string>();
    return std::optional<std::string>("please answer yes or no");
  });
  if (!answer) return std::nullopt;
  return to_lower_ascii(*answer).front() == 'y' ? YesNo::yes : YesNo::no;
}

std::optional<std::vector<ScreenAnswer>> ask_check(Io& io, const CheckQuestions& questions) {
  std::vector<ScreenAnswer> answers;
  const std::size_t flags = questions.flags.size();
  for (std::size_t i = 0; i < flags; ++i) {
    const SafetyQuestion& q = *questions.flags[i];
    const auto a = ask_yes_no(io, fmt::format("{:>2}/{} {}", i + 1, flags, q.question));
    if (!a) return std::nullopt;
    answers.push_back({std::string(q.id), *a});
    if (*a == YesNo::yes && q.level == FlagLevel::emergency) return answers;  // straight to the stop screen
  }
  if (questions.ibp.empty()) return answers;
  io.err << "\nNow " << questions.ibp.size()
         << " questions about the pattern of your back pain. They look for signs of\n"
            "inflammatory back pain, which is worth mentioning to a doctor.\n";
  for (std::size_t i = 0; i < questions.ibp.size(); ++i) {
    const auto& info = ibp_question(questions.ibp[i]);
    const auto a = ask_yes_no(io, fmt::format("{:>2}/{} {}", i + 1, questions.ibp.size(), info.question));
    if (!a) return std::nullopt;
    answers.push_back({std::string(name_of(info.id)), *a});
  }
  return answers;
}

AppResult<std::vector<ScreenAnswer>> parse_screen_answers(std::string_view text) {
  std::vector<ScreenAnswer> answers;
  FieldErrors errors;
  for (const auto part : split_list(text, ",;")) {
    const auto eq = part.find('=');
    const std::string value = eq == std::string_view::npos ? "" : to_lower_ascii(trim(part.substr(eq + 1)));
    const auto answer = value == "y"   ? std::optional(YesNo::yes)
                        : value == "n" ? std::optional(YesNo::no)
                                       : parse_choice<YesNo>(value);
    if (eq == std::string_view::npos || !answer) {
      errors.push_back({"--answers", std::string(part), "QUESTION=yes or QUESTION=no, separated by commas"});
      continue;
    }
    answers.push_back({std::string(trim(part.substr(0, eq))), *answer});
  }
  if (!errors.empty()) return fail(invalid("nothing was saved: the answers could not be read", std::move(errors)));
  return answers;
}

void print_check_outcome(const CommandContext& ctx, const ScreenOutcome& outcome, std::ostream& out) {
  const ScreeningEvent& e = outcome.event;
  out << fmt::format("Safety check recorded ({}).\n\n", long_stamp(e.at, ctx.zone));
  const SafetyState& s = outcome.gate.state;
  // An emergency: the stop screen and nothing else to distract from it.
  if (!s.emergency.empty()) {
    print_open_flags(out, outcome.gate);
    return;
  }
  if (!print_open_flags(out, outcome.gate) && e.result == ScreenResult::no_flags) {
    // Say what this check found, never that all is well.
    print_message(out, no_flags_message());
  }
  // Urgent flags reported again in this check, already seen by a clinician: no new pause.
  std::vector<std::string> again;
  for (const auto& r : s.reviewed) {
    if (std::find(e.raised.begin(), e.raised.end(), r.question) != e.raised.end()) again.emplace_back(r.label);
  }
  if (!again.empty() && s.urgent.empty() && s.emergency.empty()) {
    out << fmt::format(
        "You reported again what a clinician has already seen: {}.\n"
        "If it has changed or got worse, see a doctor again.\n",
        join(again, "; "));
  }
  if (s.next_full_check && !s.full_check_due) {
    out << fmt::format("\nNext full check: {}.\n", format_long_date(ctx.zone.date_of(*s.next_full_check)));
  }
  if (outcome.ibp && outcome.ibp->outcome == IbpOutcome::positive) {
    out << "\n";
    print_message(out, ibp_message(*outcome.ibp, s.status));
  }
}

void after_import(CommandContext& ctx, const SafetyGate& before) {
  const SafetyGate after = safety_gate(ctx.store, ctx.user.id, ctx.now());
  if (new_warning_sign(before, after)) {
    ctx.io.err << "\n";
    print_open_flags(ctx.io.err, after);
  }
}

void after_entry_saved(CommandContext& ctx, const DiaryEntry& entry, bool new_yes, bool ask) {
  Io& io = ctx.io;
  if (new_yes) {
    io.err << "\n";
    print_open_flags(io.err, safety_gate(ctx.store, ctx.user.id, ctx.now()));
    return;  // the stop screen is what matters now; the leg questions can wait
  }
  if (entry.fields.leg_symptoms.empty()) return;
  const SafetyGate gate = safety_gate(ctx.store, ctx.user.id, ctx.now());
  const bool pending = std::any_of(gate.state.unchecked_legs.begin(), gate.state.unchecked_legs.end(),
                                   [&](const LegSymptomNote& n) { return n.entry == entry.id; });
  if (!pending) return;
  const std::string noted = describe_leg_symptoms(entry.fields.leg_symptoms);
  if (!ask) {
    io.err << fmt::format(
        "\nYou noted {}.\nBefore your next exercise session, please answer five short safety\n"
        "questions: daybreak screen legs\n",
        noted);
    return;
  }
  io.err << fmt::format("\nYou noted {}.\nFive short safety questions follow.\n", noted);
  const auto answers = ask_check(io, questions_for(ctx.store, ctx.user.id, ScreenKind::legs, ctx.now()));
  if (!answers) {
    io.err << "\nThe leg questions were not answered; nothing was saved. Answer them before your\n"
              "next exercise session: daybreak screen legs\n";
    return;
  }
  const auto outcome = record_screen(ctx.store, ctx.meta(), ctx.user.id, ctx.zone,
                                     ScreenRequest{ScreenKind::legs, *answers, entry.id, "cli"});
  if (!outcome) {
    (void)report(io, outcome.error());
    return;
  }
  io.err << "\n";
  if (!print_open_flags(io.err, outcome->gate)) {
    io.err << "Thank you. None of these warning signs was reported; if that changes, check\n"
              "again (daybreak screen legs) or speak to a doctor.\n";
  }
}

}  // namespace daybreak
