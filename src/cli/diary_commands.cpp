// The diary commands: log, checkin, today, history, show, edit, delete.
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "cli/command.hpp"
#include "cli/day_option.hpp"
#include "cli/field_options.hpp"
#include "cli/number_option.hpp"
#include "cli/output.hpp"
#include "cli/progression_hook.hpp"
#include "cli/prompt.hpp"
#include "cli/safety_prompts.hpp"
#include "report/diary_csv.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> period_names() { return {Vocabulary<Period>::names.begin(), Vocabulary<Period>::names.end()}; }

// A diary day: "today", "yesterday" or YYYY-MM-DD.
AppResult<LocalDate> diary_day(std::string_view text, LocalDate today, std::string_view option) {
  return parse_day(text, today, option, Tomorrow::refused);
}

std::string outcome_verb(LogOutcome::Kind kind) {
  switch (kind) {
    case LogOutcome::Kind::created:
      return "Logged";
    case LogOutcome::Kind::replaced:
      return "Replaced";
    case LogOutcome::Kind::replayed:
      return "Already saved";
  }
  return "";
}

void print_logged(CommandContext& ctx, const LogOutcome& outcome, bool json) {
  const DiaryEntry& e = outcome.entry;
  if (json) {
    Json out = entry_to_json(e, ctx.zone);
    out["outcome"] = outcome.kind == LogOutcome::Kind::created    ? "created"
                     : outcome.kind == LogOutcome::Kind::replaced ? "replaced"
                                                                  : "replayed";
    print_json(ctx.io.out, out);
    return;
  }
  ctx.io.out << fmt::format("{} {} (entry {}): {}\n", outcome_verb(outcome.kind), entry_title(e.date, e.period),
                            e.id.value, entry_summary(e.fields, ctx.zone));
}

class LogCommand final : public Command {
 public:
  std::string_view name() const override { return "log"; }
  std::string_view summary() const override { return "record how your back is in one period of a day"; }
  bool writes() const override { return true; }

  void configure(CLI::App& sub) override {
    sub.add_option("period", period_, "night (logged on waking), morning, afternoon or evening")
        ->required()
        ->check(CLI::IsMember(period_names()));
    sub.add_option("--date", date_, "the diary day: YYYY-MM-DD, today or yesterday (default: today)")->type_name("DAY");
    sub.add_flag("--replace", replace_, "overwrite this period's entry if already logged (it stays in history)");
    sub.add_option("--idempotency-key", key_, "a key of your choice: repeating the command with it never logs twice")
        ->type_name("KEY");
    sub.add_flag("--json", json_, "print the saved entry as JSON");
    fields_.add_to(sub, false);
    sub.footer(
        "A night belongs to the day you wake up on: log it in the morning, e.g.\n"
        "  daybreak log night --pain 3 --bedtime 23:10 --wake-time 06:40 --awakenings 1\n"
        "  daybreak log morning --pain 5 --stiffness-minutes 45 --stiffness-severity 6 --signs stiffness,ache");
  }

  int run(CommandContext& ctx) override {
    const auto date = diary_day(date_, ctx.today(), "--date");
    if (!date) return report(ctx.io, date.error());
    LogRequest request{*date, *parse_choice<Period>(period_), fields_.draft(), replace_, key_};
    auto result = log_entry(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, request);
    if (!result && result.error().code == ErrorCode::conflict && result.error().existing && !key_ &&
        ctx.io.interactive) {
      const auto existing = find_entry(ctx.store, ctx.user.id, *result.error().existing);
      if (existing && confirm(ctx.io, fmt::format("You already logged {} (entry {}: {}). Replace it with this one?",
                                                  entry_title(existing->date, existing->period), existing->id.value,
                                                  entry_summary(existing->fields, ctx.zone)))) {
        request.replace = true;
        result = log_entry(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, request);
      } else if (existing) {
        ctx.io.err << "Nothing was changed.\n";
        return kOk;
      }
    }
    if (!result) {
      if (result.error().code == ErrorCode::conflict && result.error().existing) {
        ctx.io.err << fmt::format(
            "daybreak: {}\n  use --replace to overwrite it, or change it with: daybreak edit {} ...\n",
            result.error().message, result.error().existing->value);
        return kInvalid;
      }
      return report(ctx.io, result.error());
    }
    print_logged(ctx, *result, json_);
    after_entry_saved(ctx, result->entry, result->entry.fields.red_flags == YesNo::yes, ctx.io.interactive);
    decide_after_saving(ctx);  // a next morning may decide a session day
    return kOk;
  }

 private:
  std::string period_;
  std::string date_ = "today";
  bool replace_ = false;
  std::optional<std::string> key_;
  bool json_ = false;
  FieldOptions fields_;
};

// A guided morning check-in: the key measures of the morning, one question at a time.
class CheckinCommand final : public Command {
 public:
  std::string_view name() const override { return "checkin"; }
  std::string_view summary() const override { return "answer a few questions about this morning (interactive)"; }
  bool writes() const override { return true; }
  void configure(CLI::App&) override {}

  int run(CommandContext& ctx) override {
    Io& io = ctx.io;
    const LocalDate today = ctx.today();
    const bool replace = [&] {
      const auto tx = ctx.store.read();
      return tx->find_entry_on(ctx.user.id, today, Period::morning).has_value();
    }();
    io.err << fmt::format("Good morning. This is your check-in for {}.\n", format_long_date(today))
           << "Press Enter to skip a question; Ctrl-D stops without saving.\n\n";
    if (replace && !confirm(io, "You already logged this morning. Log it again and replace that entry?")) {
      io.err << "Nothing was changed.\n";
      return kOk;
    }

    Draft draft;
    const TimeContext tc{today, Period::morning, ctx.zone};
    const auto ask_field = [&](std::string_view field, std::string_view question, bool required) {
      return ask_valid(io, question, [&](const std::string& answer) -> std::optional<std::string> {
        if (answer.empty()) return required ? std::optional<std::string>("an answer is needed here") : std::nullopt;
        Draft one;
        one.set(field, answer);
        DiaryFields probe;
        const auto errors = apply_draft(probe, one, tc, DraftMode::edit);
        if (errors.empty()) return std::nullopt;
        return "allowed: " + errors.front().allowed;
      });
    };
    const auto record = [&](std::string_view field, const std::optional<std::string>& answer) {
      if (answer && !answer->empty()) draft.set(field, *answer);
    };

    const auto pain = ask_field("pain", "Pain right now, 0 (none) to 10 (worst imaginable)", true);
    if (!pain) return stopped(io);
    record("pain", pain);
    const auto minutes = ask_field(
        "stiffness_minutes", "Minutes from waking until the stiffness eased (Enter if you are still stiff)", false);
    if (!minutes) return stopped(io);
    record("stiffness_minutes", minutes);
    if (minutes->empty()) {
      const auto still = ask_field("still_stiff", "Still stiff now? yes or no", false);
      if (!still) return stopped(io);
      record("still_stiff", still);
    }
    const auto severity = ask_field("stiffness_severity", "How severe was the stiffness on waking, 0-10", false);
    if (!severity) return stopped(io);
    record("stiffness_severity", severity);
    const auto signs =
        ask_field("signs", "Warning signs? spasm, stiffness, soreness, tightness, ache (commas between)", false);
    if (!signs) return stopped(io);
    record("signs", signs);
    const auto legs = ask_field("leg_symptoms",
                                "Numbness, tingling or weakness in a leg? e.g. tingling_left (Enter for none)", false);
    if (!legs) return stopped(io);
    record("leg_symptoms", legs);
    // The one-tap safety check: no skipping this one (clinical.md "Safety").
    const auto red_flags =
        ask_field("red_flags", "Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms? yes or no", true);
    if (!red_flags) return stopped(io);
    record("red_flags", red_flags);
    const auto note = ask_field("note", "Anything else to note", false);
    if (!note) return stopped(io);
    record("note", note);

    const auto result =
        log_entry(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, LogRequest{today, Period::morning, draft, replace, {}});
    if (!result) return report(io, result.error());
    print_logged(ctx, *result, false);
    after_entry_saved(ctx, result->entry, result->entry.fields.red_flags == YesNo::yes, true);
    decide_after_saving(ctx);
    return kOk;
  }

 private:
  static int stopped(Io& io) {
    io.err << "\nCheck-in stopped; nothing was saved.\n";
    return kOk;
  }
};

class TodayCommand final : public Command {
 public:
  std::string_view name() const override { return "today"; }
  std::string_view summary() const override { return "show today's four periods: what is logged and what is due"; }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override { sub.add_flag("--json", json_, "print as JSON"); }

  int run(CommandContext& ctx) override {
    const LocalDate today = ctx.today();
    const auto entries = entries_between(ctx.store, ctx.user.id, today, today);
    if (!json_) {
      print_day(ctx.io.out, today, entries, ctx.now(), ctx.zone);
      // Days logged before a move west are still to come here: say where they are.
      if (const LocalDate last = last_day_to_show(ctx.store, ctx.user.id, today); last > today) {
        ctx.io.out << fmt::format(
            "\n{} already has entries, logged before your time zone became {}: `daybreak history` shows them.\n",
            last == add_days(today, 1) ? fmt::format("Tomorrow, {},", format_long_date(last)) : format_long_date(last),
            ctx.zone.name());
      }
      return kOk;
    }
    Json periods = Json::array();
    for (std::size_t i = 0; i < choice_count<Period>(); ++i) {
      const auto period = static_cast<Period>(i);
      const auto it =
          std::find_if(entries.begin(), entries.end(), [&](const DiaryEntry& e) { return e.period == period; });
      periods.push_back(
          period_to_json(period, it != entries.end() ? &*it : nullptr, today, ctx.zone.to_local(ctx.now()), ctx.zone));
    }
    print_json(ctx.io.out, Json{{"date", format_date(today)}, {"time_zone", ctx.zone.name()}, {"periods", periods}});
    return kOk;
  }

 private:
  bool json_ = false;
};

class HistoryCommand final : public Command {
 public:
  std::string_view name() const override { return "history"; }
  std::string_view summary() const override { return "list your entries day by day (default: the last 30 days)"; }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("--from", from_, "first day: YYYY-MM-DD, today or yesterday (default: 29 days before --to)")
        ->type_name("DAY");
    sub.add_option("--to", to_, "last day (default: today, or a later day logged before a move west)")
        ->type_name("DAY");
    auto* json = sub.add_flag("--json", json_, "print every entry in full as JSON");
    auto* csv = sub.add_flag("--csv", csv_, "print every entry in full as CSV");
    json->excludes(csv);
  }

  int run(CommandContext& ctx) override {
    const auto to = to_ ? diary_day(*to_, ctx.today(), "--to")
                        : AppResult<LocalDate>(last_day_to_show(ctx.store, ctx.user.id, ctx.today()));
    if (!to) return report(ctx.io, to.error());
    const auto from = from_ ? diary_day(*from_, ctx.today(), "--from") : AppResult<LocalDate>(add_days(*to, -29));
    if (!from) return report(ctx.io, from.error());
    if (*from > *to) {
      return report(ctx.io,
                    invalid("the range is empty", {{"--from", format_date(*from),
                                                    fmt::format("a day on or before --to ({})", format_date(*to))}}));
    }
    const auto entries = entries_between(ctx.store, ctx.user.id, *from, *to);
    if (json_) {
      Json list = Json::array();
      for (const auto& e : entries) list.push_back(entry_to_json(e, ctx.zone));
      print_json(ctx.io.out, list);
    } else if (csv_) {
      ctx.io.out << diary_to_csv(entries, ctx.zone);
    } else {
      print_history(ctx.io.out, entries, *from, *to);
    }
    return kOk;
  }

 private:
  std::optional<std::string> from_;
  std::optional<std::string> to_;
  bool json_ = false;
  bool csv_ = false;
};

class ShowCommand final : public Command {
 public:
  std::string_view name() const override { return "show"; }
  std::string_view summary() const override { return "show one entry in full, or its history of changes"; }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("id", id_, "the entry's number (see `daybreak history`)")->required()->check(whole_number(1));
    sub.add_flag("--history", history_, "every revision of the entry, with what changed, even if deleted");
    sub.add_flag("--json", json_, "print as JSON");
  }

  int run(CommandContext& ctx) override {
    const EntryId id{id_};
    if (history_) {
      const auto revisions = entry_history(ctx.store, ctx.user.id, id);
      if (!revisions) return report(ctx.io, revisions.error());
      if (json_) {
        Json list = Json::array();
        for (const auto& r : *revisions) list.push_back(revision_to_json(r, ctx.zone));
        print_json(ctx.io.out, list);
      } else {
        print_revisions(ctx.io.out, *revisions, ctx.zone);
      }
      return kOk;
    }
    const auto entry = find_entry(ctx.store, ctx.user.id, id);
    if (!entry) return report(ctx.io, entry.error());
    if (json_) {
      print_json(ctx.io.out, entry_to_json(*entry, ctx.zone));
    } else {
      print_entry(ctx.io.out, *entry, ctx.zone);
    }
    return kOk;
  }

 private:
  std::int64_t id_ = 0;
  bool history_ = false;
  bool json_ = false;
};

class EditCommand final : public Command {
 public:
  std::string_view name() const override { return "edit"; }
  std::string_view summary() const override { return "change fields of an entry (the old values stay in its history)"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("id", id_, "the entry's number")->required()->check(whole_number(1));
    sub.add_flag("--json", json_, "print the changed entry as JSON");
    fields_.add_to(sub, true);
    sub.footer(
        "Only the fields you name change; lists given again replace the old list.\n"
        "  daybreak edit 12 --pain 5 --note \"worse after the drive\"\n"
        "  daybreak edit 12 --clear stiffness_minutes --still-stiff");
  }

  int run(CommandContext& ctx) override {
    const EntryId id{id_};
    const auto before = find_entry(ctx.store, ctx.user.id, id);
    if (!before) return report(ctx.io, before.error());
    const auto after = edit_entry(ctx.store, ctx.meta(), ctx.user.id, ctx.zone, id, fields_.draft());
    if (!after) return report(ctx.io, after.error());
    // A new yes, and leg symptoms (any edit rewrites the entry, so the gate asks
    // for the leg questions again), are for the safety check, after the usual output.
    const bool new_yes = after->fields.red_flags == YesNo::yes && before->fields.red_flags != YesNo::yes;
    const bool news = new_yes || !after->fields.leg_symptoms.empty();
    if (json_) {
      print_json(ctx.io.out, entry_to_json(*after, ctx.zone));
      if (news) after_entry_saved(ctx, *after, new_yes, ctx.io.interactive);
      return kOk;
    }
    const auto changes = field_changes(before->fields, after->fields, ctx.zone);
    if (changes.empty()) {
      ctx.io.out << fmt::format("Entry {} already had these values; nothing changed.\n", id.value);
      return kOk;
    }
    ctx.io.out << fmt::format("Changed entry {} ({}), now revision {}:\n", id.value,
                              entry_title(after->date, after->period), after->revision);
    for (const auto& line : changes) ctx.io.out << "  " << line << "\n";
    if (news) after_entry_saved(ctx, *after, new_yes, ctx.io.interactive);
    return kOk;
  }

 private:
  std::int64_t id_ = 0;
  bool json_ = false;
  FieldOptions fields_;
};

class DeleteCommand final : public Command {
 public:
  std::string_view name() const override { return "delete"; }
  std::string_view summary() const override { return "delete an entry (it stays in history)"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("id", id_, "the entry's number")->required()->check(whole_number(1));
    sub.add_flag("--yes,-y", yes_, "do not ask for confirmation");
  }

  int run(CommandContext& ctx) override {
    const EntryId id{id_};
    const auto entry = find_entry(ctx.store, ctx.user.id, id);
    if (!entry) return report(ctx.io, entry.error());
    if (!yes_ && ctx.io.interactive &&
        !confirm(ctx.io, fmt::format("Delete entry {} ({}: {})?", id.value, entry_title(entry->date, entry->period),
                                     entry_summary(entry->fields, ctx.zone)))) {
      ctx.io.err << "Nothing was deleted.\n";
      return kOk;
    }
    const auto deleted = delete_entry(ctx.store, ctx.meta(), ctx.user.id, id);
    if (!deleted) return report(ctx.io, deleted.error());
    ctx.io.out << fmt::format("Deleted entry {} ({}). Its history is kept: daybreak show {} --history\n", id.value,
                              entry_title(deleted->date, deleted->period), id.value);
    return kOk;
  }

 private:
  std::int64_t id_ = 0;
  bool yes_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> diary_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<LogCommand>());
  commands.push_back(std::make_unique<CheckinCommand>());
  commands.push_back(std::make_unique<TodayCommand>());
  commands.push_back(std::make_unique<HistoryCommand>());
  commands.push_back(std::make_unique<ShowCommand>());
  commands.push_back(std::make_unique<EditCommand>());
  commands.push_back(std::make_unique<DeleteCommand>());
  return commands;
}

}  // namespace daybreak
