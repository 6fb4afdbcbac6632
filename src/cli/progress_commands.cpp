// The progression command: `daybreak progress` shows the stage,
// the levels and the last decisions with their reasons; `explain [DATE]` the
// full reasoning of one day's decisions; `set` a level or stage by hand (an
// override); `confirm` the move to a proposed stage.
#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/day_option.hpp"
#include "cli/number_option.hpp"
#include "cli/output.hpp"
#include "cli/progression_hook.hpp"
#include "cli/text_layout.hpp"
#include "domain/text.hpp"
#include "exercise/json.hpp"
#include "progression/sentence.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;
constexpr std::size_t kWidth = 80;

std::string verdict_words(const DecisionRecord& d) {
  switch (d.verdict) {
    case Verdict::step_up:
      return "step up";
    case Verdict::repeat:
      return "repeat";
    case Verdict::step_back:
      return "step back";
    case Verdict::paused:
      return "paused";
    case Verdict::set:
      return "set by hand";
    case Verdict::propose:
      return "stage ready";
    case Verdict::move:
      return "stage begun";
  }
  return "";
}

std::string what_of(const DecisionRecord& d) {
  if (d.routine) return std::string(name_of(*d.routine));
  return d.kind == DecisionKind::stage ? "stage" : "level";
}

void print_levels(std::ostream& out, const ContentLibrary& library, const ProgressOverview& o) {
  for (const ProgressRoutine& r : progress_routines(library, o)) {
    out << fmt::format("  {}\n", r.title);
    for (const ProgressExercise& e : r.exercises) {
      const std::string name =
          e.played == e.listed ? e.played->name : fmt::format("{} (for {})", e.played->name, e.listed->name);
      out << fmt::format("    {} level {} of {}: {}\n", pad(fit(name, 34), 34), e.level, e.played->level_count(),
                         e.dose);
    }
  }
}

// "Set by your clinician Dr Berg" for a decision a clinician made (here, or
// in the install the diary came from), as the web app says it.
std::string author_line(const DecisionRecord& d) {
  return d.author ? fmt::format("Set by your clinician {}.", d.author->name) : std::string();
}

void print_decision_line(std::ostream& out, const DecisionRecord& d) {
  out << fmt::format("  {}  {:<8} {}\n", format_date(d.date), what_of(d), verdict_words(d));
  out << wrap_indented(d.sentence, kWidth, "    ");
  if (d.author) out << wrap_indented(author_line(d), kWidth, "    ");
}

// ---- progress [show] ------------------------------------------------------------

class ProgressCommand final : public Command {
 public:
  std::string_view name() const override { return "progress"; }
  std::string_view summary() const override {
    return "your stage, levels and the program's decisions, with their reasons";
  }
  // Showing first makes the decisions that are due (a missing morning included).
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(0, 1);
    sub.add_option("--limit", limit_, "how many of the last decisions to show (default 6)")
        ->check(whole_number(1, 1000))
        ->type_name("N");
    sub.add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    sub.add_flag("--json", json_, "print as JSON");
    content_.add_to(sub);
    sub.footer(std::string(kAdaptedFrom));

    explain_ = sub.add_subcommand("explain", "the full reasoning of the decisions of one day (default: the latest)");
    explain_->add_option("date", date_, "the session day (YYYY-MM-DD, today or yesterday)")->type_name("DATE");
    explain_->add_flag("--json", json_, "print as JSON");
    content_.add_to(*explain_);

    set_ = sub.add_subcommand("set", "set an exercise's level, or the stage, by hand (logged as an override)");
    set_->add_option("exercise", exercise_, "the exercise's id, as `daybreak exercise list` shows it")
        ->type_name("EXERCISE");
    set_->add_option("level", level_, "the level on its dose ladder")->type_name("LEVEL");
    set_->add_option("--stage", stage_, "set the stage instead")->type_name("N");
    set_->add_option("--note", note_, "why, kept with the override (e.g. \"physio, 3 Dec\")")->type_name("TEXT");
    set_->add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    set_->add_flag("--json", json_, "print the override as JSON");
    content_.add_to(*set_);

    confirm_ = sub.add_subcommand("confirm", "move on to the stage the program proposed");
    confirm_->add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    confirm_->add_flag("--json", json_, "print the decision as JSON");
    content_.add_to(*confirm_);
  }

  int run(CommandContext& ctx) override {
    auto library = content_.load();
    if (!library) return report(ctx.io, library.error());
    const auto config = progression_config(ctx);
    if (!config) return report(ctx.io, config.error());
    const ProgressionContext pctx = progression_context(ctx, *library, *config);
    if (set_->parsed()) return set(ctx, pctx);
    if (confirm_->parsed()) return confirm(ctx, pctx);
    // Whatever became decidable (a morning that never came) is decided before it is shown.
    const auto made = decide_progression(ctx.store, ctx.meta(), ctx.user.id, pctx);
    if (!made) return report(ctx.io, made.error());
    if (!json_) print_decisions_made(ctx.io.err, *made);
    if (explain_->parsed()) return explain(ctx, *library);
    return show(ctx, pctx);
  }

 private:
  int show(CommandContext& ctx, const ProgressionContext& pctx) const {
    const auto o = progress_overview(ctx.store, ctx.user.id, pctx, ctx.now(), program_, limit_);
    if (!o) return report(ctx.io, o.error());
    const Program& p = *o->program;
    std::ostream& out = ctx.io.out;
    if (json_) {
      print_json(out, progress_overview_to_json(*o, pctx.library));
      return kOk;
    }
    const Stage& stage = p.stage(o->stage);
    out << fmt::format("{}: stage {} of {}, \"{}\".\n", p.name, o->stage, p.stage_count(), stage.name);
    out << wrap_indented(kAdaptedFrom, kWidth, "");
    if (o->flare_offer) {
      out << "\n"
          << wrap_indented(fmt::format("This morning was a bad one after {}'s session: today, try the flare-day "
                                       "routine instead (daybreak session flare).",
                                       weekday_name(o->flare_offer->date)),
                           kWidth, "");
    }
    out << "\nYour levels:\n";
    print_levels(out, pctx.library, *o);
    if (stage.exit) {
      out << fmt::format("\nMoving on to stage {}: {}\n", o->stage + 1, stage.exit->description);
      for (const auto& line : stage_criteria_lines(o->stage_progress)) out << wrap_indented(line, kWidth, "    ", "  ");
      if (o->proposal) {
        out << wrap_indented(fmt::format("Stage {} is ready when you are: daybreak progress confirm.", o->stage + 1),
                             kWidth, "  ");
      }
    } else {
      out << "\nThe last stage: keep it up.\n";
    }
    if (!o->waiting.empty()) {
      out << "\nWaiting:\n";
      for (const auto& w : o->waiting) out << wrap_indented(w, kWidth, "    ", "  ");
    }
    out << "\nLast decisions:\n";
    if (o->recent.empty()) {
      out << wrap_indented(
          "none yet. After a session, log the next morning (daybreak log morning --pain N --stiffness-minutes M): "
          "the program decides from how that morning compares with your usual one.",
          kWidth, "  ");
    }
    for (const auto& d : o->recent) print_decision_line(out, d);
    out << "`daybreak progress explain DATE` shows the reasoning of one day in full.\n";
    return kOk;
  }

  int explain(CommandContext& ctx, const ContentLibrary& library) const {
    std::optional<LocalDate> day;
    if (date_) {
      const auto d = parse_day(*date_, ctx.today(), "DATE", Tomorrow::refused);
      if (!d) return report(ctx.io, d.error());
      day = *d;
    }
    const auto found = decisions_for(ctx.store, ctx.user.id, library, day);
    if (!found) return report(ctx.io, found.error());
    if (json_) {
      print_json(ctx.io.out, decisions_to_json(*found));
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    bool first = true;
    for (const DecisionRecord& d : *found) {
      if (!first) out << "\n";
      first = false;
      print_explained(out, d, ctx.zone);
    }
    out << "\n" << wrap_indented(kAdaptedFrom, kWidth, "");
    return kOk;
  }

  static void print_explained(std::ostream& out, const DecisionRecord& d, const TimeZone& zone) {
    out << fmt::format("{} {}, {}: {}\n", weekday_name(d.date), format_date(d.date),
                       d.routine ? fmt::format("{} routine", name_of(*d.routine)) : what_of(d), verdict_words(d));
    out << wrap_indented(d.sentence, kWidth, "  ");
    if (d.author) out << wrap_indented(author_line(d), kWidth, "  ");
    out << "  Decided from:\n";
    const auto json = Json::parse(d.inputs, nullptr, false);
    const auto in = d.kind == DecisionKind::rule ? decision_inputs_from_json(json)
                                                 : Result<DecisionInputs, std::string>(fail(std::string()));
    if (in) {
      for (const auto& line : input_lines(*in)) out << wrap_indented(line, kWidth, "      ", "    ");
    } else if (json.is_object()) {
      for (const auto& [key, value] : json.items()) out << fmt::format("    {}: {}\n", humanize(key), value.dump());
    }
    std::vector<std::string> reasons;
    d.reasons.for_each([&](Why w) { reasons.push_back(std::string(name_of(w))); });
    out << fmt::format("  Reasons: {}\n", join(reasons, ", "));
    if (!d.changes.empty()) {
      out << "  Level changes:\n";
      for (const auto& c : d.changes) {
        out << wrap_indented(fmt::format("{}: level {} -> {} ({})", c.exercise, c.from, c.to, c.what), kWidth, "      ",
                             "    ");
      }
    }
    if (!d.note.empty()) out << fmt::format("  Note: {}\n", d.note);
    out << fmt::format("  Recorded {} ({}).\n", local_stamp(d.decided_at, zone), d.channel);
  }

  static std::vector<std::string> input_lines(const DecisionInputs& in) {
    std::vector<std::string> lines;
    const Baseline& b = in.baseline;
    lines.push_back(fmt::format("sessions that day: {} ({} routine)", in.sessions, name_of(in.routine)));
    if (b.pain) {
      lines.push_back(fmt::format("baseline (median of {} mornings, {} to {}): pain {}{}", b.mornings,
                                  format_date(*b.first), format_date(*b.last), number_text(*b.pain),
                                  b.stiffness ? fmt::format(", stiffness {} min", number_text(*b.stiffness)) : ""));
    } else {
      lines.push_back(fmt::format("baseline: none ({} morning{} logged before the session)", b.mornings,
                                  b.mornings == 1 ? "" : "s"));
    }
    if (in.next_morning) {
      const MorningReading& m = *in.next_morning;
      lines.push_back(fmt::format(
          "next morning ({}): pain {}, stiffness {}", format_date(m.date), m.pain,
          m.stiffness_minutes ? fmt::format("{} min{}", *m.stiffness_minutes, m.still_stiff ? " and not eased yet" : "")
                              : std::string("not timed")));
    } else {
      lines.push_back("next morning: not logged");
    }
    lines.push_back(in.pain_during ? fmt::format("pain during (highest comfort check): {}/10", *in.pain_during)
                                   : std::string("pain during: not rated"));
    if (!in.painful_exercises.empty()) lines.push_back("above the ceiling: " + join(in.painful_exercises, ", "));
    if (in.stopped_for_pain) lines.push_back("a session was stopped for pain");
    lines.push_back(in.pain_after ? fmt::format("pain after (diary, until the next morning): {}/10", *in.pain_after)
                                  : std::string("pain after: not logged"));
    lines.push_back(fmt::format("good sessions in a row before this one: {}", in.good_sessions_before));
    lines.push_back(in.last_step_up ? fmt::format("last step up: {}", format_date(*in.last_step_up))
                                    : std::string("last step up: none"));
    if (in.weekly) {
      const WeeklyCheck& w = *in.weekly;
      lines.push_back(
          fmt::format("weekly check to {}: pain {} ({} mornings) against {} ({}){}", format_date(w.last_day),
                      number_text(w.this_pain), w.this_mornings, number_text(w.previous_pain), w.previous_mornings,
                      w.this_stiffness ? fmt::format("; stiffness {} min against {} min",
                                                     number_text(*w.this_stiffness), number_text(*w.previous_stiffness))
                                       : ""));
    }
    lines.push_back(in.progression_allowed ? std::string("safety: no open flag")
                                           : fmt::format("safety: paused ({})", in.safety_note));
    return lines;
  }

  int set(CommandContext& ctx, const ProgressionContext& pctx) const {
    const bool by_level = exercise_.has_value() || level_.has_value();
    if (by_level == stage_.has_value() || (by_level && (!exercise_ || !level_))) {
      ctx.io.err << "daybreak: give an exercise and a level (daybreak progress set bird_dog 2), or --stage N\n";
      return kUsage;
    }
    const auto d = by_level ? override_level(ctx.store, ctx.meta(), ctx.user.id, pctx, *exercise_, *level_, note_)
                            : override_stage(ctx.store, ctx.meta(), ctx.user.id, pctx, program_, *stage_, note_);
    if (!d) return report(ctx.io, d.error());
    return print_one(ctx, *d);
  }

  int confirm(CommandContext& ctx, const ProgressionContext& pctx) const {
    const auto d = confirm_stage(ctx.store, ctx.meta(), ctx.user.id, pctx, program_);
    if (!d) return report(ctx.io, d.error());
    return print_one(ctx, *d);
  }

  int print_one(CommandContext& ctx, const DecisionRecord& d) const {
    if (json_) {
      print_json(ctx.io.out, decision_to_json(d));
    } else {
      ctx.io.out << wrap_indented(d.sentence, kWidth, "");
    }
    return kOk;
  }

  CLI::App* explain_ = nullptr;
  CLI::App* set_ = nullptr;
  CLI::App* confirm_ = nullptr;
  int limit_ = 6;
  std::optional<std::string> program_;
  std::optional<std::string> date_;
  std::optional<std::string> exercise_;
  std::optional<int> level_;
  std::optional<int> stage_;
  std::string note_;
  bool json_ = false;
  ContentOption content_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> progress_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(std::make_unique<ProgressCommand>());
  return out;
}

}  // namespace daybreak
