// Commands about the data as a whole: export, import, backup, restore, check,
// sleep items and the profile.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <sstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/diary.hpp"
#include "app/profile.hpp"
#include "app/transfer.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/export_commands.hpp"
#include "cli/output.hpp"
#include "cli/prompt.hpp"
#include "cli/safety_prompts.hpp"
#include "domain/text.hpp"
#include "platform/files.hpp"
#include "platform/zones.hpp"
#include "store/pg_store.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;

AppResult<std::string> read_input(Io& io, const std::string& file) {
  std::string text;
  if (file == "-") {
    text.assign(std::istreambuf_iterator<char>(io.in), {});
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(not_found(fmt::format("cannot read {}: {}", file, std::strerror(errno))));
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  if (text.size() > kMaxImportBytes) {
    return fail(invalid("the file is too large", {{"file", file, "a file of at most 64 MB"}}));
  }
  return text;
}

class ExportCommand final : public Command {
 public:
  std::string_view name() const override { return "export"; }
  std::string_view summary() const override {
    return "write your diary as CSV or HL7 FHIR R4 JSON (to stdout or --output FILE)";
  }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("format", format_, "csv, or fhir (a FHIR R4 collection Bundle; docs/fhir.md)")
        ->required()
        ->check(CLI::IsMember({"csv", "fhir"}));
    sub.add_option("--output,-o", output_, "write to this file (readable only by you) instead of stdout")
        ->type_name("FILE");
    range_.add_to(sub);
  }
  int run(CommandContext& ctx) override {
    if (format_ == "fhir") return export_fhir_command(ctx, range_, output_);
    if (auto refused = range_.refuse_for(format_)) return report(ctx.io, *refused);
    const std::string csv = export_csv(ctx.store, ctx.user.id, ctx.zone);
    if (!output_) {
      ctx.io.out << csv;
      return kOk;
    }
    write_private_file(*output_, csv);
    ctx.io.err << fmt::format("Wrote your diary to {}\n", *output_);
    return kOk;
  }

 private:
  std::string format_;
  std::optional<std::string> output_;
  RangeOptions range_;
};

class ImportCommand final : public Command {
 public:
  std::string_view name() const override { return "import"; }
  std::string_view summary() const override { return "add entries from a CSV or FHIR file (all or nothing)"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("format", format_, "csv, or fhir (a Bundle as `daybreak export fhir` writes it)")
        ->required()
        ->check(CLI::IsMember({"csv", "fhir"}));
    sub.add_option("file", file_, "the file, as written by `daybreak export csv` or `export fhir`; - for stdin")
        ->required();
    content_.add_to(sub);
    sub.add_flag("--replace", replace_,
                 "overwrite entries already logged for the same day and period (and, from FHIR, experiment nights)");
    sub.add_flag("--dry-run", dry_run_, "check the file and say what would happen, writing nothing");
  }
  int run(CommandContext& ctx) override {
    const auto text = read_input(ctx.io, file_);
    if (!text) return report(ctx.io, text.error());
    const SafetyGate before = safety_gate(ctx.store, ctx.user.id, ctx.now());
    if (format_ == "fhir") {
      const int code = import_fhir_command(ctx, *text, replace_, dry_run_, content_);
      if (code == kOk) after_import(ctx, before);
      return code;
    }
    const auto result = import_csv(ctx.store, {ctx.now(), Actor{ctx.user.id, "import"}}, ctx.user.id, ctx.zone, *text,
                                   replace_, dry_run_);
    if (!result) return report(ctx.io, result.error());
    const ImportSummary& s = *result;
    ctx.io.out << fmt::format("{} {} new entr{}", s.written ? "Imported" : "Would import", s.added,
                              s.added == 1 ? "y" : "ies");
    if (s.replaced > 0) ctx.io.out << fmt::format(", replaced {}", s.replaced);
    if (s.unchanged > 0) ctx.io.out << fmt::format(", {} already in your diary", s.unchanged);
    ctx.io.out << ".\n";
    if (!s.renumbered.empty()) {
      std::vector<std::string> moves;
      for (const auto& [from, to] : s.renumbered) {
        moves.push_back(s.written ? fmt::format("{} is now {}", from.value, to.value) : std::to_string(from.value));
      }
      ctx.io.out << fmt::format("{}: {}.\n",
                                s.written ? "New numbers for entries whose numbers this diary already uses"
                                          : "Entries whose numbers this diary already uses would get new numbers",
                                join(moves, ", "));
    }
    if (!s.items_created.empty()) {
      ctx.io.out << fmt::format("{} sleep items: {}\n", s.written ? "Added" : "Would add", join(s.items_created, ", "));
    }
    after_import(ctx, before);
    return kOk;
  }

 private:
  std::string format_;
  std::string file_;
  bool replace_ = false;
  bool dry_run_ = false;
  ContentOption content_;
};

class BackupCommand final : public Command {
 public:
  std::string_view name() const override { return "backup"; }
  std::string_view summary() const override { return "copy the whole database to a file, safely while in use"; }
  bool writes() const override { return false; }
  void configure(CLI::App& sub) override {
    sub.add_option("file", file_, "where to write the backup")->required();
    sub.add_flag("--force", force_, "replace the file if it exists");
  }
  int run(CommandContext& ctx) override {
    const auto result = backup(ctx.store, file_, force_);
    if (!result) return report(ctx.io, result.error());
    ctx.io.out << fmt::format("Backed up your diary to {}\n", file_);
    return kOk;
  }

 private:
  std::string file_;
  bool force_ = false;
};

// Restore and recover work on the diary file, which may be damaged: they
// never open it for writing (see FileCommand).
class RestoreCommand final : public FileCommand {
 public:
  std::string_view name() const override { return "restore"; }
  std::string_view summary() const override {
    return "replace your diary with a backup (the current one is kept aside)";
  }
  void configure(CLI::App& sub) override {
    sub.add_option("file", file_, "a backup made by `daybreak backup`, or a file saved by `daybreak recover`")
        ->required();
    sub.add_flag("--yes,-y", yes_, "do not ask for confirmation");
  }
  int run_on_file(FileContext& ctx) override {
    if (!yes_ && ctx.io.interactive &&
        !confirm(ctx.io, fmt::format("Replace your diary with {}? The current one is kept first.", file_))) {
      ctx.io.err << "Nothing was changed.\n";
      return kOk;
    }
    const auto result = restore(ctx.database(), file_, ctx.data_dir / "backups", ctx.clock.now());
    if (!result) return report(ctx.io, result.error());
    ctx.io.out << fmt::format("Restored your diary from {}.\n", file_);
    if (result->kept.empty()) return kOk;
    if (result->was_damaged) {
      ctx.io.out << fmt::format("Your damaged diary was moved, unchanged, to {}\n", result->kept.string());
    } else {
      ctx.io.out << fmt::format("Your diary as it was before is saved in {}\n", result->kept.string());
    }
    return kOk;
  }

 private:
  std::string file_;
  bool yes_ = false;
};

// A table of the diary file in a person's words.
std::string_view table_words(std::string_view table) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"users", "profiles (a name and time zone each)"},
      {"entries", "diary entries"},
      {"entry_revisions", "earlier versions of entries"},
      {"entry_medications", "medications of entries"},
      {"entry_factors", "factors of entries"},
      {"entry_pillows", "pillows of entries"},
      {"sleep_items", "mattresses and pillows"},
      {"sessions", "guided sessions"},
      {"session_exercises", "exercises of sessions"},
      {"exercise_levels", "exercise levels"},
      {"program_stages", "program stages"},
      {"settings", "settings"},
      {"screening_events", "safety checks"},
      {"questionnaire_responses", "questionnaires"},
      {"experiments", "experiments"},
      {"experiment_nights", "experiment nights"},
      {"progression_decisions", "progression decisions"},
      {"devices", "paired devices"},
      // a clinic's
      {"accounts", "accounts"},
      {"sign_ins", "sign-ins"},
      {"grants", "grants of sharing"},
      {"audit_events", "records of who looked"},
      {"sign_in_failures", "failed sign-ins (kept 15 minutes)"},
      {"person_changes", "change counters of people"},
  };
  for (const auto& [name, words] : kWords) {
    if (name == table) return words;
  }
  return table;
}

class RecoverCommand final : public FileCommand {
 public:
  std::string_view name() const override { return "recover"; }
  std::string_view summary() const override { return "save what can still be read of a damaged diary into a new file"; }
  void configure(CLI::App&) override {}
  int run_on_file(FileContext& ctx) override {
    const auto result = recover(ctx.database(), ctx.data_dir / "backups", ctx.clock.now());
    if (!result) return report(ctx.io, result.error());
    const SalvageReport& s = result->salvage;
    ctx.io.out << fmt::format("Saved {} entr{} of your diary into {}\n", s.entries, s.entries == 1 ? "y" : "ies",
                              result->saved.string());
    for (const auto& t : s.tables) {
      if (t.lost) {
        ctx.io.out << fmt::format("  {}: nothing could be read\n", table_words(t.name));
      } else if (!t.unreadable.empty()) {
        std::vector<std::string> ranges;
        for (const auto& [from, to] : t.unreadable) {
          ranges.push_back(to == std::numeric_limits<std::int64_t>::max() ? fmt::format("from {} on", from)
                           : from == to                                   ? std::to_string(from)
                                                                          : fmt::format("{}-{}", from, to));
        }
        ctx.io.out << fmt::format("  {}: {} saved; those numbered {} could not be read\n", table_words(t.name), t.rows,
                                  join(ranges, ", "));
      }
    }
    if (s.users_remade > 0) {
      ctx.io.out << "  Your profile could not be read: set your name and time zone again with `daybreak profile`\n";
    }
    if (s.orphans_dropped > 0) {
      ctx.io.out << fmt::format("  {} detail row{} left out: what they belonged to could not be read\n",
                                s.orphans_dropped, s.orphans_dropped == 1 ? " was" : "s were");
    }
    ctx.io.out << fmt::format(
        "Your diary file {} was not changed.\nTo make the saved file your diary (the damaged one is kept aside): "
        "daybreak restore {}\n",
        ctx.database().string(), result->saved.string());
    return kOk;
  }
};

// Moves the whole diary between databases: a person's file into a clinic's
// PostgreSQL database, or back. A file command: it opens both ends itself.
class MigrateCommand final : public FileCommand {
 public:
  std::string_view name() const override { return "migrate"; }
  std::string_view summary() const override {
    return "move the whole diary between your file and a PostgreSQL database (all or nothing)";
  }
  void configure(CLI::App& sub) override {
    sub.add_option("--from", from_,
                   "where the diary is: [sqlite] FILE or [postgresql] postgresql://... (default: yours)")
        ->expected(1, 2)
        ->type_name("WHERE");
    sub.add_option("--to", to_, "an empty database to move it to: [sqlite] FILE or postgresql://...")
        ->expected(1, 2)
        ->type_name("WHERE")
        ->required();
  }
  bool beside_a_server() const override { return true; }  // it names both ends itself
  int run_on_file(FileContext& ctx) override {
    const auto from = place(from_, "--from", ctx);
    const auto to = place(to_, "--to", ctx);
    if (!from || !to) return kUsage;
    const auto outcome = migrate_store(*from, *to);
    if (!outcome) return report(ctx.io, outcome.error());
    std::int64_t rows = 0;
    for (const auto& t : outcome->tables) rows += t.rows;
    ctx.io.out << fmt::format("Moved {} row{} from {} to {}:\n", rows, rows == 1 ? "" : "s", outcome->from,
                              outcome->to);
    for (const auto& t : outcome->tables) {
      if (t.rows > 0) ctx.io.out << fmt::format("  {:>7}  {}\n", t.rows, table_words(t.table));
    }
    ctx.io.out << "Every table was read back and compared before the move was kept; the source was not changed.\n";
    return kOk;
  }

 private:
  // "sqlite FILE", "postgresql URI", or the place alone; the diary's file when not given.
  static std::optional<std::string> place(const std::vector<std::string>& words, std::string_view option,
                                          const FileContext& ctx) {
    if (words.empty()) return ctx.database().string();
    if (words.size() == 1) return words[0];
    if ((words[0] == "sqlite" && !is_postgresql_uri(words[1])) ||
        (words[0] == "postgresql" && is_postgresql_uri(words[1]))) {
      return words[1];
    }
    ctx.io.err << fmt::format("daybreak: {} '{} {}': give sqlite FILE, or postgresql postgresql://user@host/database\n",
                              option, words[0], words[1]);
    return std::nullopt;
  }

  std::vector<std::string> from_;
  std::vector<std::string> to_;
};

class CheckCommand final : public Command {
 public:
  std::string_view name() const override { return "check"; }
  std::string_view summary() const override { return "check the database for damage"; }
  bool writes() const override { return false; }
  bool acts_for_local_person() const override { return false; }
  void configure(CLI::App& sub) override { sub.add_flag("--json", json_, "print as JSON"); }
  int run(CommandContext& ctx) override {
    const CheckReport r = check_everyone(ctx.store, ctx.user.id, ctx.zone);
    if (json_) {
      print_json(ctx.io.out, Json{{"database", ctx.store.location()},
                                  {"schema_version", r.schema_version},
                                  {"people", r.people},
                                  {"entries", r.entries},
                                  {"ok", r.problems.empty()},
                                  {"problems", r.problems},
                                  {"unchecked", r.unchecked}});
    } else if (r.problems.empty()) {
      const std::string people =
          r.every_person ? fmt::format("{} {}, ", r.people, r.people == 1 ? "person" : "people") : "";
      ctx.io.out << fmt::format("{}: healthy (schema version {}, {}{} entr{})\n", ctx.store.location(),
                                r.schema_version, people, r.entries, r.entries == 1 ? "y" : "ies");
      for (const auto& u : r.unchecked) ctx.io.out << "  not checked: " << u << "\n";
    } else {
      ctx.io.out << fmt::format("{}: {} problem{} found\n", ctx.store.location(), r.problems.size(),
                                r.problems.size() == 1 ? "" : "s");
      for (const auto& p : r.problems) ctx.io.out << "  " << p << "\n";
      for (const auto& u : r.unchecked) ctx.io.out << "  not checked: " << u << "\n";
      ctx.io.out << "Restore a backup with `daybreak restore FILE` if you have one.\n";
    }
    return r.problems.empty() ? kOk : kStorage;
  }

 private:
  bool json_ = false;
};

class ItemCommand final : public Command {
 public:
  std::string_view name() const override { return "item"; }
  std::string_view summary() const override { return "name your mattresses and pillows, to compare set-ups"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    std::vector<std::string> kinds(Vocabulary<SleepItemKind>::names.begin(), Vocabulary<SleepItemKind>::names.end());
    add_ = sub.add_subcommand("add", "add a mattress or pillow, e.g. `item add pillow \"pillow between knees\"`");
    add_->add_option("kind", kind_, "mattress or pillow")->required()->check(CLI::IsMember(kinds));
    add_->add_option("name", name_, "its name, as you will give it to `log night --mattress/--pillow`")->required();
    retire_ = sub.add_subcommand("retire", "stop offering an item (old entries keep it)");
    retire_->add_option("kind", kind_, "mattress or pillow")->required()->check(CLI::IsMember(kinds));
    retire_->add_option("name", name_, "its name")->required();
    list_ = sub.add_subcommand("list", "list your items");
    list_->add_flag("--json", json_, "print as JSON");
  }
  int run(CommandContext& ctx) override {
    if (list_->parsed()) {
      const auto items = sleep_items(ctx.store, ctx.user.id);
      if (json_) {
        Json list = Json::array();
        for (const auto& i : items) {
          Json o{{"id", i.id.value},
                 {"kind", name_of(i.kind)},
                 {"name", i.name},
                 {"created_at", format_utc(i.created_at)}};
          if (i.retired_at) o["retired_at"] = format_utc(*i.retired_at);
          list.push_back(std::move(o));
        }
        print_json(ctx.io.out, list);
        return kOk;
      }
      if (items.empty())
        ctx.io.out << "No sleep items yet. Add one: daybreak item add pillow \"pillow between knees\"\n";
      for (const auto& i : items) {
        ctx.io.out << fmt::format("{:<9} {}{}\n", name_of(i.kind), i.name, i.retired_at ? "  (retired)" : "");
      }
      return kOk;
    }
    const auto kind = *parse_choice<SleepItemKind>(kind_);
    const auto result = add_->parsed() ? add_sleep_item(ctx.store, ctx.now(), ctx.user.id, kind, name_)
                                       : retire_sleep_item(ctx.store, ctx.now(), ctx.user.id, kind, name_);
    if (!result) return report(ctx.io, result.error());
    ctx.io.out << fmt::format("{} {} '{}'\n", add_->parsed() ? "Added" : "Retired", kind_, name_);
    return kOk;
  }

 private:
  CLI::App* add_ = nullptr;
  CLI::App* retire_ = nullptr;
  CLI::App* list_ = nullptr;
  std::string kind_;
  std::string name_;
  bool json_ = false;
};

class ProfileCommand final : public Command {
 public:
  std::string_view name() const override { return "profile"; }
  std::string_view summary() const override { return "show or change your name and time zone"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("--time-zone", zone_, "your IANA time zone, e.g. Europe/Oslo; diary days follow it")
        ->type_name("ZONE");
    sub.add_option("--name", name_, "what daybreak calls you")->type_name("NAME");
    sub.add_flag("--json", json_, "print as JSON");
  }
  int run(CommandContext& ctx) override {
    auto updated = update_profile(ctx.store, ctx.clock.now(), ctx.user.id, ProfileChange{name_, zone_}, is_known_zone);
    if (!updated) {
      AppError error = std::move(updated).error();
      for (auto& f : error.fields) f.field = "--" + std::string(f.field == "time_zone" ? "time-zone" : f.field);
      return report(ctx.io, error);
    }
    const User& user = *updated;
    if (json_) {
      print_json(ctx.io.out, Json{{"name", user.name},
                                  {"time_zone", user.time_zone},
                                  {"data_dir", ctx.data_dir.string()},
                                  {"database", ctx.store.location()},
                                  {"since", format_utc(user.created_at)}});
      return kOk;
    }
    ctx.io.out << fmt::format("name       {}\ntime zone  {}\ndata       {}\nsince      {}\n", user.name, user.time_zone,
                              ctx.store.location(), format_date(ctx.zone.date_of(user.created_at)));
    return kOk;
  }

 private:
  std::optional<std::string> zone_;
  std::optional<std::string> name_;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> data_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ExportCommand>());
  commands.push_back(std::make_unique<ImportCommand>());
  commands.push_back(std::make_unique<BackupCommand>());
  commands.push_back(std::make_unique<RestoreCommand>());
  commands.push_back(std::make_unique<RecoverCommand>());
  commands.push_back(std::make_unique<MigrateCommand>());
  commands.push_back(std::make_unique<CheckCommand>());
  commands.push_back(std::make_unique<ItemCommand>());
  commands.push_back(std::make_unique<ProfileCommand>());
  return commands;
}

}  // namespace daybreak
