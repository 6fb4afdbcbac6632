// The safety commands: setup (first use) and screen (the full check, its
// status, the clinician's review, history, the leg questions, the question list).
#include <algorithm>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "app/safety_json.hpp"
#include "cli/command.hpp"
#include "cli/output.hpp"
#include "cli/prompt.hpp"
#include "cli/safety_prompts.hpp"
#include "domain/text.hpp"
#include "platform/zones.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

std::string stamp(Instant t, const TimeZone& zone) { return local_stamp(t, zone); }

std::string_view result_words(ScreenResult r) {
  switch (r) {
    case ScreenResult::no_flags:
      return "no flags";
    case ScreenResult::urgent:
      return "urgent";
    case ScreenResult::emergency:
      return "EMERGENCY";
    case ScreenResult::acknowledged:
      return "-";
  }
  return "";
}

// Answers from --answers, or asked one by one. nullopt: stopped, nothing to save.
std::optional<AppResult<std::vector<ScreenAnswer>>> gather(CommandContext& ctx, const std::optional<std::string>& given,
                                                           const CheckQuestions& questions, std::string_view intro) {
  if (given) return parse_screen_answers(*given);
  ctx.io.err << intro << "Answer yes or no. If you are not sure, answer yes: a doctor can tell you more.\n\n";
  auto asked = ask_check(ctx.io, questions);
  if (!asked) {
    ctx.io.err << "\nThe check stopped before the end; nothing was saved.\n";
    return std::nullopt;
  }
  return AppResult<std::vector<ScreenAnswer>>(std::move(*asked));
}

class ScreenCommand final : public Command {
 public:
  std::string_view name() const override { return "screen"; }
  std::string_view summary() const override { return "the safety check: warning signs that need a doctor first"; }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(0, 1);
    sub.add_option("--answers", answers_, "answer without being asked: QUESTION=yes|no,... (see `screen questions`)")
        ->type_name("ANSWERS");
    sub.add_flag("--json", json_, "print the result as JSON");
    status_ = sub.add_subcommand("status", "whether exercise may go ahead now, and why");
    status_->add_flag("--json", json_, "print as JSON");
    ack_ = sub.add_subcommand("ack", "confirm that a clinician has seen you: ends a lock or a pause");
    ack_->add_flag("--seen-clinician", seen_clinician_,
                   "a doctor or other clinician has seen you about what you reported");
    ack_->add_flag("--json", json_, "print the recorded event as JSON");
    history_ = sub.add_subcommand("history", "every safety check, with its answers and result");
    history_->add_flag("--json", json_, "print every event in full as JSON");
    legs_ = sub.add_subcommand("legs", "the five questions that follow numbness, tingling or weakness in a leg");
    legs_->add_option("--answers", answers_, "answer without being asked: QUESTION=yes|no,...")->type_name("ANSWERS");
    legs_->add_option("--entry", entry_, "the diary entry that noted the symptoms (default: the latest unchecked)")
        ->type_name("ID");
    legs_->add_flag("--json", json_, "print the result as JSON");
    questions_ = sub.add_subcommand("questions", "every question of the checks, with its id and source");
    questions_->add_flag("--json", json_, "print as JSON");
    sub.footer(
        "Without a subcommand: the full check, asked one question at a time (or from --answers).\n"
        "daybreak is not a diagnosis. If you are worried, speak to a doctor whatever the check says.");
  }

  int run(CommandContext& ctx) override {
    if (status_->parsed()) return status(ctx);
    if (ack_->parsed()) return ack(ctx);
    if (history_->parsed()) return history(ctx);
    if (questions_->parsed()) return questions(ctx);
    return check(ctx, legs_->parsed() ? ScreenKind::legs : ScreenKind::full);
  }

 private:
  int check(CommandContext& ctx, ScreenKind kind) {
    const CheckQuestions questions = questions_for(ctx.store, ctx.user.id, kind, ctx.now());
    std::optional<EntryId> entry;
    if (kind == ScreenKind::legs) {
      entry = entry_ ? std::optional(EntryId{*entry_}) : leg_check_entry(ctx.store, ctx.user.id, ctx.now());
    }
    const std::string intro =
        kind == ScreenKind::legs
            ? "Leg check: five questions about warning signs that can come with leg symptoms.\n"
            : fmt::format("Safety check: {} questions about warning signs{}.\n", questions.flags.size(),
                          questions.ibp.empty() ? "" : ", then a few about the pattern of your back pain");
    auto answers = gather(ctx, answers_, questions, intro);
    if (!answers) return kOk;
    if (!*answers) return report(ctx.io, answers->error());
    const auto outcome = record_screen(ctx.store, ctx.meta(), ctx.user.id, ctx.zone,
                                       ScreenRequest{kind, std::move(**answers), entry, "cli"});
    if (!outcome) return report(ctx.io, outcome.error());
    if (json_) {
      print_json(ctx.io.out, screen_outcome_json(*outcome, ctx.zone));
    } else {
      if (!answers_) ctx.io.err << "\n";
      print_check_outcome(ctx, *outcome, ctx.io.out);
    }
    return kOk;
  }

  int status(CommandContext& ctx) {
    const SafetyGate gate = safety_gate(ctx.store, ctx.user.id, ctx.now());
    const IbpResult ibp = ibp_screen(ctx.store, ctx.user.id, ctx.zone, ctx.now());
    if (json_) {
      Json j = safety_gate_json(gate, ctx.zone);
      j["ibp"] = ibp_status_json(ibp, gate.state.status);
      print_json(ctx.io.out, j);
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    const SafetyState& s = gate.state;
    switch (s.status) {
      case SafetyStatus::ok:
        out << "Safety: ok. Exercise may go ahead.\n";
        break;
      case SafetyStatus::check_needed:
        out << "Safety: a check is needed before your next exercise session.\n";
        break;
      case SafetyStatus::paused:
        out << "Safety: PAUSED. See a doctor within 24 hours; until a clinician has seen you,\n"
               "only gentle movement, and no moving on.\n";
        break;
      case SafetyStatus::locked:
        out << "Safety: LOCKED. Exercise sessions will not start until a clinician has seen you.\n";
        break;
    }
    for (const auto& reason : gate_reasons(gate, ctx.zone)) out << "  - " << reason << "\n";
    if (s.status == SafetyStatus::locked) out << "  " << call_now(gate.contact) << "\n";
    if (s.awaiting_clinician()) out << "  When a clinician has seen you: " << kAckCommand << "\n";
    if (s.status == SafetyStatus::check_needed) {
      out << "  Answer the questions: "
          << (s.check_to_answer() == ScreenKind::legs ? "daybreak screen legs" : "daybreak screen") << "\n";
    }
    for (const auto& r : s.reviewed) {
      out << fmt::format("  Seen by a clinician on {}: {}. If it changes or gets worse, see a doctor again.\n",
                         format_date(ctx.zone.date_of(r.reviewed_at)), r.label);
    }
    if (s.last_full_check) {
      out << fmt::format("Last full check: {}; next {}: {}.\n", stamp(*s.last_full_check, ctx.zone),
                         s.full_check_due ? "was due" : "due", format_date(ctx.zone.date_of(*s.next_full_check)));
    }
    out << fmt::format(
        "Emergency number: {}.\n",
        gate.contact.number
            ? *gate.contact.number + (gate.contact.chosen ? "" : " (for your time zone; set yours with daybreak setup)")
            : "not set (daybreak setup --emergency-number N)");
    if (s.status == SafetyStatus::locked) {
      // Nothing else now: the inflammatory back pain screen can wait for calmer days.
    } else if (ibp.outcome == IbpOutcome::positive) {
      out << "\n";
      print_message(out, ibp_message(ibp, s.status));
    } else if (!ibp.answered) {
      out << "Inflammatory back pain screen: its questions are not answered yet (the full check asks them).\n";
    } else if (ibp.outcome == IbpOutcome::not_applicable) {
      out << "Inflammatory back pain screen: not used yet. " << ibp.note << "\n";
    } else {
      out << fmt::format(
          "Inflammatory back pain screen: not positive (ASAS {} of 5, {} needed; Berlin {} of 4, {} needed).\n",
          ibp.asas_met, kAsasNeeded, ibp.berlin_met, kBerlinNeeded);
    }
    return kOk;
  }

  int ack(CommandContext& ctx) {
    if (!seen_clinician_) {
      ctx.io.err << "daybreak: say --seen-clinician to confirm that a clinician has seen you:\n  " << kAckCommand
                 << "\n";
      return kUsage;
    }
    const SafetyState before = safety_gate(ctx.store, ctx.user.id, ctx.now()).state;
    const auto event = acknowledge_clinician(ctx.store, ctx.meta(), ctx.user.id);
    if (!event) return report(ctx.io, event.error());
    const SafetyGate after = safety_gate(ctx.store, ctx.user.id, ctx.now());
    if (json_) {
      print_json(ctx.io.out, clinician_seen_json(*event, after, ctx.zone));
      return kOk;
    }
    std::vector<std::string> labels;
    for (const auto* list : {&before.emergency, &before.urgent}) {
      for (const auto& r : *list) labels.emplace_back(r.label);
    }
    ctx.io.out << fmt::format("Recorded that a clinician has seen you ({}) about: {}.\n", stamp(event->at, ctx.zone),
                              join(labels, "; "));
    ctx.io.out << (before.status == SafetyStatus::locked ? "Exercise sessions are unlocked"
                                                         : "Your program may move on again");
    ctx.io.out << ". If anything changes or gets worse, see a doctor again.\n";
    if (after.state.status == SafetyStatus::check_needed) {
      ctx.io.out << "Before your next session, answer the safety questions: daybreak screen\n";
    }
    return kOk;
  }

  int history(CommandContext& ctx) {
    const auto events = screening_history(ctx.store, ctx.user.id);
    if (json_) {
      Json list = Json::array();
      for (const auto& e : events) list.push_back(screening_event_json(e));
      print_json(ctx.io.out, list);
      return kOk;
    }
    if (events.empty()) {
      ctx.io.out << "No safety checks yet. Run the first: daybreak screen\n";
      return kOk;
    }
    ctx.io.out << fmt::format("{:<16}  {:<14}  {:<9}  {}\n", "when", "check", "result", "answered yes");
    for (const auto& e : events) {
      std::vector<std::string> yes;
      std::size_t flags_answered = 0;
      for (const auto& a : e.answers) {
        const SafetyQuestion* q = find_safety_question(a.question);
        if (q == nullptr) continue;
        ++flags_answered;
        if (a.answer == YesNo::yes) yes.emplace_back(q->label);
      }
      std::vector<std::string> parts;
      if (e.kind != ScreenKind::clinician_seen) parts.push_back(yes.empty() ? "none" : join(yes, ", "));
      if (e.entry && !parts.empty()) parts.back() += fmt::format(" (entry {})", e.entry->value);
      if (e.kind == ScreenKind::full && flags_answered < red_flag_questions().size()) {
        parts.emplace_back("stopped at the first emergency answer");
      }
      if (e.ibp && e.ibp->outcome == IbpOutcome::positive) {
        parts.push_back(fmt::format("inflammatory back pain screen positive (ASAS {}/5, Berlin {}/4)", e.ibp->asas_met,
                                    e.ibp->berlin_met));
      }
      const std::string detail = join(parts, "; ");
      const std::string row = fmt::format("{:<16}  {:<14}  {:<9}  {}", stamp(e.at, ctx.zone), check_name(e.kind),
                                          result_words(e.result), detail);
      ctx.io.out << row.substr(0, row.find_last_not_of(' ') + 1) << "\n";
    }
    return kOk;
  }

  int questions(CommandContext& ctx) {
    if (json_) {
      Json flags = Json::array();
      for (const auto& q : red_flag_questions()) {
        flags.push_back(Json{{"id", q.id},
                             {"level", name_of(q.level)},
                             {"question", q.question},
                             {"label", q.label},
                             {"source", q.source}});
      }
      Json ibp = Json::array();
      for (const auto& q : ibp_questions()) ibp.push_back(Json{{"id", name_of(q.id)}, {"question", q.question}});
      Json legs = Json::array();
      for (const RedFlag f : kLegCheckFlags) legs.push_back(question_for(f).id);
      print_json(
          ctx.io.out,
          Json{{"full", flags},
               {"inflammatory_back_pain", ibp},
               {"legs", legs},
               {"diary",
                Json{{"id", kQuickCheck.id}, {"question", kQuickCheck.question}, {"source", kQuickCheck.source}}}});
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    out << "The full check (first use, then weekly). Emergency: go now; urgent: a doctor within 24 hours.\n";
    for (const auto& q : red_flag_questions()) {
      out << fmt::format("  {:<17} {:<9} {}\n  {:<17} {:<9} source: {}\n", q.id, name_of(q.level), q.question, "", "",
                         q.source);
    }
    out << "\nThe leg check (after numbness, tingling or weakness in a leg):\n  ";
    std::vector<std::string> legs;
    for (const RedFlag f : kLegCheckFlags) legs.emplace_back(question_for(f).id);
    out << join(legs, ", ") << "\n";
    out << fmt::format("\nThe diary's one-tap check (--red-flags yes|no): {}\n", kQuickCheck.question);
    out << "\nInflammatory back pain (asked every 90 days; may be left out of --answers):\n";
    for (const auto& q : ibp_questions()) out << fmt::format("  {:<25} {}\n", name_of(q.id), q.question);
    out << "Sources: ASAS 2009 (Sieper, Ann Rheum Dis 68:784); Berlin (Rudwaleit, Arthritis Rheum 2006).\n";
    return kOk;
  }

  CLI::App* status_ = nullptr;
  CLI::App* ack_ = nullptr;
  CLI::App* history_ = nullptr;
  CLI::App* legs_ = nullptr;
  CLI::App* questions_ = nullptr;
  std::optional<std::string> answers_;
  std::optional<std::int64_t> entry_;
  bool seen_clinician_ = false;
  bool json_ = false;
};

class SetupCommand final : public Command {
 public:
  std::string_view name() const override { return "setup"; }
  std::string_view summary() const override {
    return "first use: your time zone, emergency number, and the first safety check";
  }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.add_option("--time-zone", zone_, "your IANA time zone, e.g. Europe/London (default: as now)")
        ->type_name("ZONE");
    auto* number = sub.add_option("--emergency-number", number_, "the number to call in an emergency, e.g. 112")
                       ->type_name("NUMBER");
    auto* country = sub.add_option("--country", country_, "take the emergency number of a country: gb, us, de...")
                        ->type_name("CODE");
    number->excludes(country);
    sub.add_option("--axspa", axspa_, "has a doctor told you that you have axial spondyloarthritis? yes or no")
        ->type_name("yes|no")
        ->check(CLI::IsMember({"yes", "no"}));
    sub.add_option("--answers", answers_, "the safety check's answers: QUESTION=yes|no,... (see `screen questions`)")
        ->type_name("ANSWERS");
    sub.add_flag("--json", json_, "print the result as JSON");
    sub.footer(
        "Asks what is not given as an option. Run it again at any time: once set up, the settings given change "
        "and nothing else is asked; with none, it asks everything again, the safety check included.");
  }

  int run(CommandContext& ctx) override {
    // Set up already, and a setting given: that setting changes, and nothing
    // is asked (the check is `daybreak screen`'s, every week).
    const bool changing = zone_ || number_ || country_ || axspa_;
    if (changing && !answers_ && safety_settings(ctx.store, ctx.user.id).setup_completed_at) return change_only(ctx);
    Io& io = ctx.io;
    if (!answers_) {
      io.err << "Welcome to daybreak. Before you start: your time zone, the number to call in an\n"
                "emergency, and a safety check. It takes about three minutes.\n\n";
    }
    SettingsChange change;
    // Time zone.
    std::string zone = zone_.value_or(ctx.user.time_zone);
    if (!zone_ && !answers_) {
      const auto answer =
          ask_valid(io, fmt::format("Your time zone [{}]", ctx.user.time_zone), [](const std::string& a) {
            if (a.empty() || is_known_zone(a)) return std::optional<std::string>();
            return std::optional<std::string>("allowed: an IANA time zone installed here, such as Europe/London");
          });
      if (!answer) return stopped(io);
      if (!answer->empty()) zone = *answer;
    }
    if (const auto bad = zone_problem(zone)) return report(io, *bad);
    if (zone != ctx.user.time_zone) change.time_zone = zone;

    // Emergency number.
    if (country_ || number_) {
      auto given = given_number();
      if (!given) return report(io, given.error());
      change.emergency_number = std::move(*given);
    } else {
      const EmergencyContact current =
          emergency_contact(safety_settings(ctx.store, ctx.user.id).emergency_number, zone);
      if (!answers_) {
        const std::string offer = current.number ? fmt::format(" [{}]", *current.number) : "";
        const auto answer = ask_valid(io, "The number to call for an ambulance" + offer, [&](const std::string& a) {
          if ((a.empty() && current.number) || valid_emergency_number(a)) return std::optional<std::string>();
          return std::optional<std::string>(fmt::format("allowed: {}", kEmergencyNumberRule));
        });
        if (!answer) return stopped(io);
        change.emergency_number = answer->empty() ? *current.number : *answer;
      } else if (current.number) {
        change.emergency_number = *current.number;
      }
    }

    // Axial spondyloarthritis (BASDAI is offered only then).
    if (axspa_) {
      change.axspa_diagnosis = parse_choice<YesNo>(*axspa_);
    } else if (!answers_) {
      const auto a = ask_yes_no(io,
                                "Has a doctor told you that you have axial spondyloarthritis (also called\n"
                                "ankylosing spondylitis)?");
      if (!a) return stopped(io);
      change.axspa_diagnosis = *a;
    }

    const CheckQuestions questions = questions_for(ctx.store, ctx.user.id, ScreenKind::full, ctx.now());
    if (!answers_) io.err << "\n";
    auto answers = [&]() -> std::optional<AppResult<std::vector<ScreenAnswer>>> {
      if (answers_) return parse_screen_answers(*answers_);
      io.err << fmt::format(
                    "Safety check: {} questions about warning signs, then {} about the pattern of your back pain.\n",
                    questions.flags.size(), questions.ibp.size())
             << "Answer yes or no. If you are not sure, answer yes: a doctor can tell you more.\n\n";
      auto asked = ask_check(io, questions);
      if (!asked) return std::nullopt;
      return AppResult<std::vector<ScreenAnswer>>(std::move(*asked));
    }();
    if (!answers) return stopped(io);
    if (!*answers) return report(io, answers->error());

    const auto outcome = complete_setup(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, change,
                                        ScreenRequest{ScreenKind::full, std::move(**answers), {}, "setup"});
    if (!outcome) return report(io, outcome.error());
    const SafetySettings saved = safety_settings(ctx.store, ctx.user.id);
    if (json_) {
      Json j = screen_outcome_json(*outcome, ctx.zone);
      j["time_zone"] = zone;
      j["emergency_number"] = saved.emergency_number ? Json(*saved.emergency_number) : Json();
      j["axspa_diagnosis"] = saved.axspa_diagnosis ? Json(name_of(*saved.axspa_diagnosis)) : Json();
      print_json(ctx.io.out, j);
      return kOk;
    }
    if (!answers_) io.err << "\n";
    std::ostream& out = ctx.io.out;
    out << "daybreak is set up.\n";
    print_settings(out, zone, saved);
    out << "\n";
    print_check_outcome(ctx, *outcome, out);
    return kOk;
  }

 private:
  static void print_settings(std::ostream& out, std::string_view zone, const SafetySettings& saved) {
    out << fmt::format("  time zone         {}\n", zone);
    out << fmt::format("  emergency number  {}\n", saved.emergency_number.value_or("not set"));
    out << fmt::format("  axial SpA         {}\n", saved.axspa_diagnosis == YesNo::yes
                                                       ? "yes: the BASDAI questionnaire is offered"
                                                       : "no (not reported)");
  }

  static std::optional<AppError> zone_problem(const std::string& zone) {
    if (is_known_zone(zone)) return std::nullopt;
    return invalid(
        "nothing was saved",
        {{"--time-zone", zone, "an IANA time zone installed here, such as Europe/Oslo or America/New_York"}});
  }

  // --emergency-number, or the number of --country.
  [[nodiscard]] AppResult<std::string> given_number() const {
    if (!country_) return *number_;
    const auto service = emergency_service(to_lower_ascii(*country_));
    if (service) return std::string(service->number);
    std::vector<std::string> codes;
    for (const auto& s : emergency_services()) codes.emplace_back(s.country);
    return fail(invalid("nothing was saved",
                        {{"--country", *country_,
                          "a country code daybreak knows: " + join(codes, ", ") + "; or give --emergency-number"}}));
  }

  // After the first setup: only the settings given change.
  int change_only(CommandContext& ctx) {
    SettingsChange change;
    if (zone_) {
      if (const auto bad = zone_problem(*zone_)) return report(ctx.io, *bad);
      if (*zone_ != ctx.user.time_zone) change.time_zone = *zone_;
    }
    if (country_ || number_) {
      auto given = given_number();
      if (!given) return report(ctx.io, given.error());
      change.emergency_number = std::move(*given);
    }
    if (axspa_) change.axspa_diagnosis = parse_choice<YesNo>(*axspa_);
    if (FieldErrors errors = check_settings(change); !errors.empty()) {
      for (FieldError& e : errors) {  // as typed here: emergency_number is --emergency-number
        std::replace(e.field.begin(), e.field.end(), '_', '-');
        e.field.insert(0, "--");
      }
      return report(ctx.io, invalid("the settings were not changed", std::move(errors)));
    }
    if (const auto changed = change_settings(ctx.store, ctx.now(), ctx.user.id, change); !changed) {
      return report(ctx.io, changed.error());
    }
    const SafetySettings saved = safety_settings(ctx.store, ctx.user.id);
    const std::string zone = change.time_zone.value_or(ctx.user.time_zone);
    if (json_) {
      print_json(ctx.io.out,
                 Json{{"time_zone", zone},
                      {"emergency_number", saved.emergency_number ? Json(*saved.emergency_number) : Json()},
                      {"axspa_diagnosis", saved.axspa_diagnosis ? Json(name_of(*saved.axspa_diagnosis)) : Json()}});
      return kOk;
    }
    ctx.io.out << "Your settings are saved.\n";
    print_settings(ctx.io.out, zone, saved);
    return kOk;
  }

  static int stopped(Io& io) {
    io.err << "\nSetup stopped before the end; nothing was saved.\n";
    return kOk;
  }

  std::optional<std::string> zone_;
  std::optional<std::string> number_;
  std::optional<std::string> country_;
  std::optional<std::string> axspa_;
  std::optional<std::string> answers_;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> safety_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<SetupCommand>());
  commands.push_back(std::make_unique<ScreenCommand>());
  return commands;
}

}  // namespace daybreak
