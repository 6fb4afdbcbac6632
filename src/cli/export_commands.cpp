#include "cli/export_commands.hpp"
#include "cli/number_option.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/reminders.hpp"
#include "cli/day_option.hpp"
#include "content/instruments.hpp"
#include "platform/files.hpp"
#include "report/json_writer.hpp"

namespace daybreak {
namespace {

AppResult<std::optional<LocalDate>> day_option(const std::optional<std::string>& text, LocalDate today,
                                               std::string_view option) {
  if (!text) return std::optional<LocalDate>();
  const auto day = parse_day(*text, today, option, Tomorrow::refused);
  if (!day) return fail(day.error());
  return std::optional<LocalDate>(*day);
}

}  // namespace

void RangeOptions::add_to(CLI::App& sub) {
  sub.add_option("--from", from_, "fhir: the first diary day, YYYY-MM-DD, today or yesterday (default: the first)")
      ->type_name("DAY");
  sub.add_option("--to", to_, "fhir: the last diary day (default: the last)")->type_name("DAY");
}

AppResult<DayRange> RangeOptions::read(LocalDate today) const {
  const auto from = day_option(from_, today, "--from");
  if (!from) return fail(from.error());
  const auto to = day_option(to_, today, "--to");
  if (!to) return fail(to.error());
  return DayRange{*from, *to};
}

std::optional<AppError> RangeOptions::refuse_for(std::string_view format) const {
  if (!from_ && !to_) return std::nullopt;
  return invalid(fmt::format("--from and --to are for fhir; {} exports the whole diary", format),
                 {{from_ ? "--from" : "--to", from_.value_or(to_.value_or("")), "nothing, with this format"}});
}

int export_fhir_command(CommandContext& ctx, const RangeOptions& options, const std::optional<std::string>& output) {
  const auto range = options.read(ctx.today());
  if (!range) return report(ctx.io, range.error());
  const auto bundle = export_fhir(ctx.store, ctx.user.id, ctx.zone, *range, ctx.now());
  if (!bundle) return report(ctx.io, bundle.error());
  if (!output) {
    ctx.io.out << *bundle;
    return kOk;
  }
  write_private_file(*output, *bundle);
  ctx.io.err << fmt::format("Wrote your diary as FHIR to {}\n", *output);
  return kOk;
}

int import_fhir_command(CommandContext& ctx, const std::string& text, bool replace, bool dry_run,
                        const ContentOption& content) {
  const auto library = content.load();
  if (!library) return report(ctx.io, library.error());
  const auto result = import_fhir(ctx.store, {ctx.now(), Actor{ctx.user.id, "import"}}, ctx.user.id, ctx.zone, *library,
                                  text, replace, dry_run);
  if (!result) return report(ctx.io, result.error());
  const FhirImportSummary& s = *result;
  const ImportSummary& e = s.entries;
  ctx.io.out << fmt::format("{} {} new entr{}, updated {}, {} already in your diary.\n",
                            e.written ? "Imported" : "Would import", e.added, e.added == 1 ? "y" : "ies", e.replaced,
                            e.unchanged);
  ctx.io.out << fmt::format(
      "Sessions: {} new, {} already in your diary.\nQuestionnaires: {} new, {} already in your diary.\n"
      "Safety checks: {} new, {} already in your diary.\n",
      s.sessions_added, s.sessions_unchanged, s.responses_added, s.responses_unchanged, s.screenings_added,
      s.screenings_unchanged);
  if (s.stages_set + s.levels_set + s.program_kept > 0) {
    ctx.io.out << fmt::format(
        "Program: {} stage{} and {} exercise level{} {}{}.\n", s.stages_set, s.stages_set == 1 ? "" : "s", s.levels_set,
        s.levels_set == 1 ? "" : "s", e.written ? "set from the file" : "to set from the file",
        s.program_kept > 0
            ? fmt::format("; {} kept as your diary has {}", s.program_kept, s.program_kept == 1 ? "it" : "them")
            : "");
  }
  if (s.experiments_added + s.experiments_updated + s.experiments_unchanged > 0) {
    ctx.io.out << fmt::format(
        "Experiments: {} new, {} stopped as in the file, {} already in your diary; nights: {} new, {} updated, {} "
        "already in your diary.\n",
        s.experiments_added, s.experiments_updated, s.experiments_unchanged, s.nights_added, s.nights_updated,
        s.nights_unchanged);
  }
  if (s.decisions_added + s.decisions_unchanged > 0) {
    ctx.io.out << fmt::format("Program decisions: {} new, {} already in your diary.\n", s.decisions_added,
                              s.decisions_unchanged);
  }
  if (!e.items_created.empty()) {
    ctx.io.out << fmt::format("{} sleep items: {}\n", e.written ? "Added" : "Would add",
                              fmt::join(e.items_created, ", "));
  }
  return kOk;
}

namespace {

class RemindersCommand final : public Command {
 public:
  std::string_view name() const override { return "reminders"; }
  std::string_view summary() const override {
    return "your routines and checks as a calendar file (.ics), and the times they remind you at";
  }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("--output,-o", output_, "write the calendar to this file (readable only by you) instead of stdout")
        ->type_name("FILE.ics");
    sub.add_option("--alarm", alarm_,
                   "add an alarm this many minutes before each reminder (Google Calendar ignores "
                   "alarms in imported files: set its own default reminder there)")
        ->type_name("MINUTES");
    sub.add_option("--morning-routine", change_.morning_routine,
                   "when your morning routine starts, in bed before "
                   "getting up (default 06:30)")
        ->type_name("HH:MM");
    sub.add_option("--morning-log", change_.morning_log, "when to log your morning (default 07:30)")
        ->type_name("HH:MM");
    sub.add_option("--evening-routine", change_.evening_routine, "when your evening routine starts (default 21:00)")
        ->type_name("HH:MM");
    sub.add_option("--safety-check", change_.safety_check,
                   "the weekly safety check's day and time (default 'mon 09:00')")
        ->type_name("DAY HH:MM");
    sub.add_option("--experiment", change_.experiment,
                   "when to be told tonight's condition of an experiment (default 21:30)")
        ->type_name("HH:MM");
    sub.add_option("--list", list_days_, "list the reminders of the next DAYS days instead of writing the calendar")
        ->type_name("DAYS")
        ->check(whole_number(1, 3660));
    sub.add_flag("--json", json_, "with --list: as JSON (UID, summary, start in UTC)");
  }
  int run(CommandContext& ctx) override {
    if (!change_.empty()) {
      const auto set = set_reminder_times(ctx.store, ctx.now(), ctx.user.id, change_);
      if (!set) {
        AppError error = set.error();
        for (auto& f : error.fields) {
          std::replace(f.field.begin(), f.field.end(), '_', '-');
          f.field = "--" + f.field;  // the option: --morning-log
        }
        return report(ctx.io, error);
      }
      ctx.io.err << "Reminder times saved. Import the calendar again to update the reminders (they keep their UIDs).\n";
    }
    if (list_days_) {
      const auto today = ctx.today();
      const auto list = upcoming_reminders(ctx.store, ctx.user.id, ctx.zone, today, add_days(today, *list_days_ - 1));
      if (json_) {
        ctx.io.out << "[";
        for (std::size_t i = 0; i < list.size(); ++i) {
          ctx.io.out << fmt::format("{}\n{{\"uid\":\"{}\",\"summary\":{},\"start\":\"{}\"}}", i == 0 ? "" : ",",
                                    list[i].uid, json_quoted(list[i].summary), format_utc(list[i].start));
        }
        ctx.io.out << "\n]\n";
      } else {
        for (const auto& r : list)
          ctx.io.out << fmt::format("{}  {}\n", format_with_offset(r.start, ctx.zone), r.summary);
      }
      return kOk;
    }
    const auto ics = reminders_ics(ctx.store, ctx.user.id, ctx.zone, alarm_, DAYBREAK_VERSION);
    if (!ics) {
      AppError error = ics.error();
      for (auto& f : error.fields) f.field = "--" + f.field;
      return report(ctx.io, error);
    }
    if (!output_) {
      ctx.io.out << *ics;
      return kOk;
    }
    write_private_file(*output_, *ics);
    ctx.io.err << fmt::format("Wrote your reminders to {}. Open it with your calendar program.\n", *output_);
    return kOk;
  }

 private:
  std::optional<std::string> output_;
  std::optional<int> alarm_;
  ReminderChange change_;
  std::optional<int> list_days_;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> export_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<RemindersCommand>());
  return commands;
}

}  // namespace daybreak
