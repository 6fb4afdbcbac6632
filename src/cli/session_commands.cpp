// The guided-session commands: session (play one in the terminal, or
// from a script) and sessions (the past ones).
#include <unistd.h>

#include <csignal>
#include <iterator>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/session.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/number_option.hpp"
#include "cli/output.hpp"
#include "cli/progression_hook.hpp"
#include "cli/session_live.hpp"
#include "cli/session_script.hpp"
#include "cli/text_layout.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

std::string duration_text(std::chrono::seconds d) {
  if (d < std::chrono::minutes{1}) return fmt::format("{} s", d.count());
  return d.count() % 60 == 0 ? fmt::format("{} min", d.count() / 60)
                             : fmt::format("{} min {} s", d.count() / 60, d.count() % 60);
}

std::optional<int> max_pain_during(const SessionRecord& r) {
  std::optional<int> most;
  for (const auto& e : r.exercises) {
    if (e.pain_during) most = std::max(most.value_or(0), e.pain_during->value());
  }
  return most;
}

void print_summary(std::ostream& out, const SessionRecord& r, const SessionPlan& plan, const TimeZone& zone) {
  const std::string stage = r.routine == RoutineKind::flare ? "" : fmt::format(", stage {}", r.stage);
  out << fmt::format("Session {} saved. {}{}\n", r.id.value, plan.title, stage);
  out << fmt::format("  {} to {}, {}\n", local_stamp(r.started_at, zone), format_clock(zone.to_local(r.ended_at)),
                     duration_text(r.ended_at - r.started_at));
  out << fmt::format("  pain before: {}/10\n", r.pain_before.value());
  const WorkCounts work = work_counts(r);
  out << fmt::format("  done: {} of {} exercise steps", work.done, work.total);
  if (work.skipped > 0) out << fmt::format(", {} skipped", work.skipped);
  out << "\n";
  if (r.stop_reason) out << fmt::format("  stopped early: {}\n", name_of(*r.stop_reason));
  out << "  comfort check (pain during each exercise, 0-10):\n";
  std::vector<std::string> too_much;
  for (std::size_t i = 0; i < r.exercises.size(); ++i) {
    const auto& e = r.exercises[i];
    const std::string& name = plan.exercises[i].name;
    const std::string rating = e.pain_during ? std::to_string(e.pain_during->value()) : e.done == 0 ? "not done" : "-";
    out << fmt::format("    {:<36} {}\n", fit(name, 36), rating);
    if (e.pain_during && e.pain_during->value() > kPainDuringCeiling) too_much.push_back(name);
  }
  if (!too_much.empty()) {
    out << wrap_indented(fmt::format("Pain went above {}/10 during {}. Next time do less of it, or its easier "
                                     "version; stop it if pain spreads down a leg.",
                                     kPainDuringCeiling, join(too_much, ", ")),
                         80, "  ");
  }
  out << wrap_indented(
      "Tomorrow morning, log how your back is (daybreak log morning): the program judges today by how your next "
      "morning goes.",
      80, "");
}

class SessionCommand final : public Command {
 public:
  std::string_view name() const override { return "session"; }
  std::string_view summary() const override { return "play a guided session: morning, evening or flare"; }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.add_option("routine", routine_, "morning, evening or flare (a bad morning)")
        ->required()
        ->check(CLI::IsMember(std::vector<std::string>{"morning", "evening", "flare"}));
    sub.add_option("--stage", stage_, "play this stage's routine (default: your stage)")->type_name("N");
    sub.add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    sub.add_option("--speed", speed_, "run the clock this many times faster (for demos)")
        ->check(CLI::Range(0.1, 1000.0))
        ->type_name("N");
    sub.add_flag("--script", script_, "read timed events from stdin instead of keys (docs/session-script.md)");
    sub.add_flag("--json", json_, "print the saved session as JSON instead of a summary");
    content_.add_to(sub);
    sub.footer(
        "Keys: space pauses and resumes, s skips a step, n skips to the next exercise,\n"
        "q stops and asks why, Ctrl-C stops at once (what was done is saved).");
  }

  int run(CommandContext& ctx) override {
    auto library = content_.load();
    if (!library) return report(ctx.io, library.error());
    const auto plan =
        start_session(ctx.store, *library, ctx.user.id,
                      SessionChoice{*parse_choice<RoutineKind>(routine_), stage_, program_}, ctx.now(), ctx.zone);
    if (!plan) return report(ctx.io, plan.error());
    SessionPlayer player(*plan);
    const auto played = script_ ? play_script(ctx, *plan, player) : play_in_terminal(ctx, *plan, player);
    if (!played) return played.error();
    const auto [started_at, signal] = *played;

    if (player.phase() == PlayerPhase::cancelled) {
      ctx.io.err << "The session was left before it began; nothing was saved.\n";
      return signal ? 128 + *signal : kOk;
    }
    const auto saved =
        save_session(ctx.store, ctx.meta(), ctx.user.id, *plan, SessionSave{started_at, player.result(), {}}, ctx.zone);
    if (!saved) return report(ctx.io, saved.error());
    if (json_) {
      print_json(ctx.io.out, session_to_json(saved->record));
    } else {
      print_summary(ctx.io.out, saved->record, *plan, ctx.zone);
    }
    decide_after_saving(ctx, &*library);  // pain above the ceiling decides at once
    return signal ? 128 + *signal : kOk;
  }

 private:
  // Plays the session from a script on stdin; the error is the exit code.
  Result<LiveOutcome, int> play_script(CommandContext& ctx, const SessionPlan& plan, SessionPlayer& player) const {
    const std::string text(std::istreambuf_iterator<char>(ctx.io.in), {});
    const auto events = parse_script(text);
    if (!events) return fail(report(ctx.io, script_error("the script cannot be read", events.error())));
    // With --json, stdout holds only the saved session; the session's log goes to stderr.
    PlainPrinter printer(json_ ? ctx.io.err : ctx.io.out, ctx.io.err, true);
    printer.intro(plan);
    const auto played = run_script(player, *events, printer);
    printer.close();
    if (!played) {
      return fail(
          report(ctx.io, script_error("the script does not fit the session; nothing was saved", played.error())));
    }
    return LiveOutcome{ctx.now(), std::nullopt};
  }

  // Plays the session on the terminal in real time: full screen, or plain
  // lines when stdout is not a terminal. The error is the exit code.
  Result<LiveOutcome, int> play_in_terminal(CommandContext& ctx, const SessionPlan& plan, SessionPlayer& player) const {
    if (::isatty(STDIN_FILENO) == 0) {
      ctx.io.err << "daybreak: a guided session reads its keys from a terminal; use --script to feed it events "
                    "on stdin\n";
      return fail(int{kUsage});
    }
    const bool full_screen = ::isatty(STDOUT_FILENO) != 0;
    PlainPrinter printer(json_ ? ctx.io.err : ctx.io.out, ctx.io.err, false);
    if (!full_screen) printer.intro(plan);
    ctx.io.out.flush();
    Terminal terminal(STDIN_FILENO, STDOUT_FILENO, full_screen);
    const LiveOutcome live = play_live(player, terminal, full_screen ? nullptr : &printer, speed_, ctx.clock);
    terminal.restore();  // before the summary is printed
    return live;
  }

  static AppError script_error(std::string message, std::string detail) {
    AppError e = invalid(std::move(message));
    e.details.push_back(std::move(detail));
    return e;
  }

  std::string routine_;
  std::optional<int> stage_;
  std::optional<std::string> program_;
  double speed_ = 1.0;
  bool script_ = false;
  bool json_ = false;
  ContentOption content_;
};

class SessionsCommand final : public Command {
 public:
  std::string_view name() const override { return "sessions"; }
  std::string_view summary() const override { return "list your past sessions, with what was done and pain"; }
  bool writes() const override { return false; }

  void configure(CLI::App& sub) override {
    sub.add_option("--limit", limit_, "how many of the latest sessions (default 20)")
        ->check(whole_number(1, 10000))
        ->type_name("N");
    sub.add_flag("--json", json_, "print every session in full as JSON");
  }

  int run(CommandContext& ctx) override {
    auto sessions = recent_sessions(ctx.store, ctx.user.id, limit_);
    std::reverse(sessions.begin(), sessions.end());  // oldest first, like the diary's history
    if (json_) {
      Json out = Json::array();
      for (const auto& s : sessions) out.push_back(session_to_json(s));
      print_json(ctx.io.out, out);
      return kOk;
    }
    if (sessions.empty()) {
      ctx.io.out << "No sessions yet. `daybreak session morning` plays this morning's routine.\n";
      return kOk;
    }
    ctx.io.out << fmt::format("{:>3}  {:<10}  {:<5}  {:<7}  {:>5}  {:>7}  {:>6}  {:>6}  {}\n", "id", "date", "time",
                              "routine", "stage", "done", "before", "during", "stopped");
    for (const auto& s : sessions) {
      const std::string stamp = local_stamp(s.started_at, ctx.zone);
      const WorkCounts work = work_counts(s);
      const auto during = max_pain_during(s);
      ctx.io.out << fmt::format("{:>3}  {:<10}  {:<5}  {:<7}  {:>5}  {:>7}  {:>6}  {:>6}  {}\n", s.id.value,
                                stamp.substr(0, 10), stamp.substr(11), name_of(s.routine), s.stage,
                                fmt::format("{}/{}", work.done, work.total), s.pain_before.value(),
                                during ? std::to_string(*during) : "-", s.stop_reason ? name_of(*s.stop_reason) : "-");
    }
    ctx.io.out << fmt::format(
        "\n{} session{}. done: exercise steps done of those planned; pain 0-10 before the\n"
        "session, and the highest comfort-check rating during it.\n",
        sessions.size(), sessions.size() == 1 ? "" : "s");
    return kOk;
  }

 private:
  int limit_ = 20;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> session_commands() {
  std::vector<std::unique_ptr<Command>> out;
  for (auto& c : program_commands()) out.push_back(std::move(c));
  out.push_back(std::make_unique<SessionCommand>());
  out.push_back(std::make_unique<SessionsCommand>());
  return out;
}

}  // namespace daybreak
