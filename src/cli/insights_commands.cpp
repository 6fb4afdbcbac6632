// The insights and personal experiment commands: `insights` and `experiment`
// (new, tonight, log, report, list, stop).
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "analysis/insights_json.hpp"
#include "app/experiments.hpp"
#include "app/experiments_json.hpp"
#include "app/insights.hpp"
#include "cli/command.hpp"
#include "cli/day_option.hpp"
#include "cli/number_option.hpp"
#include "cli/output.hpp"
#include "cli/sections.hpp"

namespace daybreak {
namespace {

std::string night_of(LocalDate night) { return fmt::format("the night before {}", format_long_date(night)); }

std::string condition_words(const ExperimentDesign& d, Condition c) {
  return fmt::format("{}, {}", name_of(c), d.label(c));
}

class InsightsCommand final : public Command {
 public:
  std::string_view name() const override { return "insights"; }
  std::string_view summary() const override {
    return "what your diary shows: trends, shifts and what goes with better mornings";
  }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("--from", from_, "first day: YYYY-MM-DD, today or yesterday (default: your first entry)")
        ->type_name("DAY");
    sub.add_option("--to", to_, "last day (default: today)")->type_name("DAY");
    sub.add_flag("--json", json_, "print every number and statement as JSON");
    sub.footer(
        "Everything comes from your own diary, with its uncertainty: intervals that allow for\n"
        "day-to-day correlation, minimum numbers of mornings, and a correction for making many\n"
        "comparisons at once. They show what went together, not what caused what; test a\n"
        "hunch with `daybreak experiment new`. docs/insights.md explains each method.");
  }

  int run(CommandContext& ctx) override {
    const auto range = parse_day_range(from_, to_, ctx.today());
    if (!range) return report(ctx.io, range.error());
    InsightsRequest request;
    request.from = range->from;
    request.to = range->to;
    const auto result = insights(ctx.store, ctx.user.id, ctx.zone, ctx.today(), request);
    if (!result) return report(ctx.io, result.error());
    if (json_) {
      print_json(ctx.io.out, analysis::insights_to_json(*result));
      return kOk;
    }
    const analysis::Insights& in = *result;
    ctx.io.out << fmt::format("Insights from {} to {}: {} with entries, {}\n", analysis::short_date(in.from),
                              analysis::short_date(in.to),
                              fmt::format("{} day{}", in.days_logged, in.days_logged == 1 ? "" : "s"),
                              fmt::format("{} entr{}", in.entries, in.entries == 1 ? "y" : "ies"));
    ctx.io.out << wrap(
        "From your own diary: what went together, not what caused what. Pain is on the 0-10 scale; 95% intervals "
        "show how sure each number is.",
        kTextWidth, "");
    print_sections(ctx.io.out, analysis::describe(in));
    return kOk;
  }

 private:
  std::optional<std::string> from_;
  std::optional<std::string> to_;
  bool json_ = false;
};

class ExperimentCommand final : public Command {
 public:
  std::string_view name() const override { return "experiment"; }
  std::string_view summary() const override { return "test A against B on your own mornings (a personal trial)"; }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    sub.footer(
        "A personal experiment compares two conditions, e.g. a pillow between the knees or none,\n"
        "over pairs of periods of nights; within each pair the order is drawn at random. Each\n"
        "evening `experiment tonight` says which condition is due; each morning log your morning\n"
        "as usual and `experiment log yes|no`. `experiment report` gives the effect on morning\n"
        "pain with its interval and a plain verdict. Only one experiment runs at a time.");

    new_ = sub.add_subcommand("new", "design an experiment of A against B (starting tonight)");
    new_->add_option("--a", draft_.condition_a, "condition A, e.g. \"pillow between knees\"")
        ->required()
        ->type_name("TEXT");
    new_->add_option("--b", draft_.condition_b, "condition B, e.g. \"no pillow\"")->required()->type_name("TEXT");
    new_->add_option("--title", draft_.title, "a name for it (default: \"A vs B\")")->type_name("TEXT");
    new_->add_option("--pairs", draft_.pairs, "pairs of periods, each holding A and B (3-12, default 3)")
        ->type_name("N");
    new_->add_option("--nights", draft_.period_nights, "nights per period (5-28, default 7)")->type_name("N");
    new_->add_option("--washout", draft_.washout_nights, "nights left out at the start of each period (default 1)")
        ->type_name("N");
    new_->add_option("--start", start_, "the first night, by the day you wake up after it (default: tonight)")
        ->type_name("DAY");
    new_->add_option("--seed", seed_, "draw the order from this number instead of at random (to reproduce one)")
        ->type_name("N");
    new_->add_flag("--json", json_, "print the experiment as JSON");

    tonight_ = sub.add_subcommand("tonight", "which condition is due tonight");
    tonight_->add_flag("--json", json_, "print as JSON");

    log_ = sub.add_subcommand("log", "record whether last night's condition was followed");
    log_->add_option("followed", followed_, "yes or no")->required()->check(CLI::IsMember({"yes", "no"}));
    log_->add_option("--date", date_, "the night, by the day you woke up after it (default: today: last night)")
        ->type_name("DAY");
    log_->add_option("--note", note_, "what happened, e.g. \"pillow fell out\"")->type_name("TEXT");
    log_->add_flag("--json", json_, "print as JSON");

    report_ = sub.add_subcommand("report", "the effect so far, its interval and a plain verdict");
    report_->add_option("id", id_, "the experiment (default: the running one, else the latest)")
        ->check(whole_number(1));
    report_->add_flag("--json", json_, "print every number as JSON");

    list_ = sub.add_subcommand("list", "every experiment and its status");
    list_->add_flag("--json", json_, "print as JSON");

    stop_ = sub.add_subcommand("stop", "end the running experiment early (its nights so far still count)");
    stop_->add_option("id", id_, "the experiment (default: the running or planned one)")->check(whole_number(1));
    stop_->add_option("--reason", note_, "why, for the report")->type_name("TEXT");
  }

  int run(CommandContext& ctx) override {
    const ExperimentClock clock = experiment_clock(ctx.now(), ctx.zone);
    if (new_->parsed()) return run_new(ctx, clock);
    if (tonight_->parsed()) return run_tonight(ctx, clock);
    if (log_->parsed()) return run_log(ctx, clock);
    if (report_->parsed()) return run_report(ctx, clock);
    if (stop_->parsed()) return run_stop(ctx, clock);
    return run_list(ctx, clock);
  }

 private:
  std::optional<ExperimentId> id() const {
    if (!id_) return std::nullopt;
    return ExperimentId{*id_};
  }

  int run_new(CommandContext& ctx, const ExperimentClock& clock) {
    if (start_) {
      const auto d = parse_day(*start_, ctx.today(), "--start");
      if (!d) return report(ctx.io, d.error());
      draft_.first_night = *d;
    }
    draft_.seed = seed_;
    const auto created = create_experiment(ctx.store, clock, ctx.user.id, draft_, draw_seed());
    if (!created) return report(ctx.io, created.error());
    const Experiment& e = *created;
    if (json_) {
      print_json(ctx.io.out, analysis::experiment_to_json(e, clock.coming_night));
      return kOk;
    }
    const ExperimentDesign& d = e.design;
    ctx.io.out << fmt::format("Created experiment {}: {}\n  A: {}\n  B: {}\n", e.id.value, d.title, d.condition_a,
                              d.condition_b);
    ctx.io.out << wrap(
        fmt::format(
            "{} pairs of two {}-night periods: {} nights, from {} to {}. Within each pair the order of A and "
            "B was drawn at random (seed {}). {}",
            d.pairs, d.period_nights, d.total_nights(), night_of(d.first_night), night_of(d.last_night()), d.seed,
            d.washout_nights == 0
                ? std::string("Every night counts.")
                : fmt::format("The first {} of each period {} not counted, as washout.",
                              d.washout_nights == 1 ? std::string("night") : fmt::format("{} nights", d.washout_nights),
                              d.washout_nights == 1 ? "is" : "are")),
        kTextWidth, "  ");
    ctx.io.out << wrap(
        "Each evening, `daybreak experiment tonight` says which condition is due; each morning, log your morning "
        "as usual and record whether you kept to it with `daybreak experiment log yes` (or no).",
        kTextWidth, "");
    return kOk;
  }

  int run_tonight(CommandContext& ctx, const ExperimentClock& clock) {
    const auto t = experiment_tonight(ctx.store, clock, ctx.user.id);
    if (!t) return report(ctx.io, t.error());
    const ExperimentDesign& d = t->experiment.design;
    const NightPlan& p = t->plan;
    if (json_) {
      print_json(ctx.io.out, tonight_json(*t));
      return kOk;
    }
    ctx.io.out << fmt::format("Tonight: {}\n", condition_words(d, p.condition));
    ctx.io.out << wrap(fmt::format("Night {} of {} in experiment {} ({}), {}.{}", p.index + 1, d.total_nights(),
                                   t->experiment.id.value, d.title, night_of(p.night),
                                   p.washout ? " It is a washout night: it will not be counted, but keep to the "
                                               "condition all the same."
                                             : ""),
                       kTextWidth, "  ");
    ctx.io.out << wrap("In the morning: log your morning, then `daybreak experiment log yes` (or no).", kTextWidth,
                       "  ");
    return kOk;
  }

  int run_log(CommandContext& ctx, const ExperimentClock& clock) {
    std::optional<LocalDate> night;
    if (date_) {
      const auto d = parse_day(*date_, ctx.today(), "--date");
      if (!d) return report(ctx.io, d.error());
      night = *d;
    }
    const auto logged =
        log_experiment_night(ctx.store, clock, ctx.user.id, night, followed_ == "yes", note_.value_or(""));
    if (!logged) return report(ctx.io, logged.error());
    const ExperimentDesign& d = logged->experiment.design;
    if (json_) {
      print_json(ctx.io.out, logged_night_json(*logged));
      return kOk;
    }
    std::string line =
        fmt::format("Recorded {} (experiment {}, night {}, {}): {}", night_of(logged->night.night),
                    logged->experiment.id.value, logged->plan.index + 1, condition_words(d, logged->plan.condition),
                    logged->night.followed ? "followed" : "not followed");
    if (logged->previous) {
      line += fmt::format(" (was: {})", logged->previous->followed ? "followed" : "not followed");
    }
    ctx.io.out << wrap(line + ".", kTextWidth, "");
    const auto morning = ctx.store.read()->find_entry_on(ctx.user.id, logged->night.night, Period::morning);
    if (!morning) {
      ctx.io.out << wrap(
          fmt::format(
              "The outcome is the morning after it: log it with `daybreak log morning{} "
              "--pain N --stiffness-minutes N`.",
              logged->night.night == ctx.today() ? std::string() : " --date " + format_date(logged->night.night)),
          kTextWidth, "  ");
    }
    return kOk;
  }

  int run_report(CommandContext& ctx, const ExperimentClock& clock) {
    const auto r = experiment_report(ctx.store, clock, ctx.user.id, id());
    if (!r) return report(ctx.io, r.error());
    if (json_) {
      print_json(ctx.io.out, analysis::experiment_report_to_json(*r));
      return kOk;
    }
    auto sections = analysis::describe_experiment(*r);
    // The first section's heading is the title line.
    ctx.io.out << sections.front().heading << "\n";
    sections.front().heading = "Design";
    print_sections(ctx.io.out, sections);
    return kOk;
  }

  int run_list(CommandContext& ctx, const ExperimentClock& clock) {
    const auto all = list_experiments(ctx.store, ctx.user.id);
    if (json_) {
      print_json(ctx.io.out, experiments_json(all, clock.coming_night));
      return kOk;
    }
    if (all.empty()) {
      ctx.io.out << "No experiments yet. Start one: daybreak experiment new --a \"pillow between knees\" --b "
                    "\"no pillow\"\n";
      return kOk;
    }
    std::vector<std::vector<std::string>> rows = {{"id", "status", "first night", "last night", "nights", "title"}};
    for (const auto& e : all) {
      rows.push_back({std::to_string(e.id.value), std::string(name_of(status_of(e, clock.coming_night))),
                      format_date(e.design.first_night), format_date(e.end_night()),
                      std::to_string(e.design.total_nights()), e.design.title});
    }
    print_table(ctx.io.out, rows, "");
    ctx.io.out << "Nights are named by the day you wake up after them.\n";
    return kOk;
  }

  int run_stop(CommandContext& ctx, const ExperimentClock& clock) {
    const auto stopped = stop_experiment(ctx.store, clock, ctx.user.id, id(), note_.value_or(""));
    if (!stopped) return report(ctx.io, stopped.error());
    const Experiment& e = *stopped;
    if (*e.stopped_after < e.design.first_night) {
      ctx.io.out << fmt::format("Cancelled experiment {} ({}) before its first night.\n", e.id.value, e.design.title);
    } else {
      ctx.io.out << wrap(fmt::format("Stopped experiment {} ({}) after {}. The nights so far still count: "
                                     "daybreak experiment report {}",
                                     e.id.value, e.design.title, night_of(*e.stopped_after), e.id.value),
                         kTextWidth, "");
    }
    return kOk;
  }

  CLI::App* new_ = nullptr;
  CLI::App* tonight_ = nullptr;
  CLI::App* log_ = nullptr;
  CLI::App* report_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* stop_ = nullptr;
  ExperimentDraft draft_;
  std::optional<std::string> start_;
  std::optional<std::uint64_t> seed_;
  std::optional<std::int64_t> id_;
  std::string followed_;
  std::optional<std::string> date_;
  std::optional<std::string> note_;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> insights_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<InsightsCommand>());
  commands.push_back(std::make_unique<ExperimentCommand>());
  return commands;
}

}  // namespace daybreak
