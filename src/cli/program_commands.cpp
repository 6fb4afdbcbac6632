// The exercise program's reading commands: exercise list and show,
// program show, and content check and export.
#include <fstream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/session.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/output.hpp"
#include "cli/text_layout.hpp"
#include "content/library_loader.hpp"
#include "domain/text.hpp"
#include "exercise/figure_svg.hpp"
#include "exercise/json.hpp"
#include "platform/files.hpp"
#include "report/handout_pdf.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kWidth = 80;

template <class E>
std::vector<std::string> words() {
  return {Vocabulary<E>::names.begin(), Vocabulary<E>::names.end()};
}

template <class E>
std::string humanized(const ChoiceSet<E>& set) {
  std::vector<std::string> out;
  set.for_each([&](E e) { out.push_back(humanize(name_of(e))); });
  return join(out, ", ");
}

std::string sides_phrase(Sides s) {
  switch (s) {
    case Sides::both:
      return "both sides together";
    case Sides::each:
      return "each side in turn";
    case Sides::alternate:
      return "left and right alternately";
  }
  return "";
}

// "8 x 5 s", "2 x 10 reps each side", "5 min": a dose in a table cell.
std::string short_dose(const Dose& d, Sides sides) {
  std::string out;
  switch (d.mode()) {
    case DoseMode::timed:
      return fmt::format("{} min", d.minutes);
    case DoseMode::holds:
      out = d.sets > 1 && d.reps > 1 ? fmt::format("{} sets of {} x {} s", d.sets, d.reps, d.hold_seconds)
                                     : fmt::format("{} x {} s", d.sets * d.reps, d.hold_seconds);
      break;
    case DoseMode::reps:
      out = d.sets > 1 ? fmt::format("{} x {} reps", d.sets, d.reps) : fmt::format("{} reps", d.reps);
      break;
  }
  return sides == Sides::both ? out : out + " each side";
}

// Muscle groups and muscles, by name: --muscle accepts either.
std::optional<ChoiceSet<Muscle>> muscles_named(std::string_view name) {
  if (const auto g = parse_choice<MuscleGroup>(name)) return muscles_of(*g);
  if (const auto m = parse_choice<Muscle>(name)) return ChoiceSet<Muscle>{*m};
  return std::nullopt;
}

std::string muscle_names_allowed() {
  std::vector<std::string> names = words<MuscleGroup>();
  for (const auto& m : words<Muscle>()) {
    if (std::find(names.begin(), names.end(), m) == names.end()) names.push_back(m);
  }
  return "a muscle group or muscle: " + join(names, ", ");
}

// ---- exercise list | show ---------------------------------------------

class ExerciseCommand final : public Command {
 public:
  std::string_view name() const override { return "exercise"; }
  std::string_view summary() const override { return "list the exercises, or show one in full"; }
  bool writes() const override { return false; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    list_ = sub.add_subcommand("list", "list the exercises, filtered by muscle, kind or position");
    list_->add_option("--muscle", muscle_, "a muscle group (e.g. hamstrings, abdominals, deep_back) or muscle")
        ->type_name("NAME");
    list_->add_option("--kind", kind_, "stretch, mobility, activation, strength or aerobic")
        ->check(CLI::IsMember(words<ExerciseKind>()))
        ->type_name("KIND");
    list_->add_option("--position", position_, "in_bed, floor, standing or chair")
        ->check(CLI::IsMember(words<Position>()))
        ->type_name("POSITION");
    list_->add_flag("--json", json_, "print the exercises in full as JSON");
    content_.add_to(*list_);
    show_ = sub.add_subcommand("show", "show one exercise: steps, cues, cautions, dose ladder, variants");
    show_->add_option("id", id_, "the exercise's id, as `daybreak exercise list` shows it")->required();
    show_->add_flag("--json", json_, "print as JSON");
    show_
        ->add_option("--svg", svg_,
                     "write the exercise's figure (its poses, start to end) as SVG to this file; - for stdout")
        ->type_name("FILE");
    content_.add_to(*show_);
  }

  int run(CommandContext& ctx) override {
    auto library = content_.load();
    if (!library) return report(ctx.io, library.error());
    return list_->parsed() ? list(ctx, *library) : show(ctx, *library);
  }

 private:
  int list(CommandContext& ctx, const ContentLibrary& library) const {
    std::optional<ChoiceSet<Muscle>> muscles;
    if (muscle_) {
      muscles = muscles_named(*muscle_);
      if (!muscles) {
        return report(ctx.io, invalid("there is no such muscle", {{"--muscle", *muscle_, muscle_names_allowed()}}));
      }
    }
    std::vector<const Exercise*> shown;
    for (const Exercise& e : library.exercises()) {
      if (muscles && (e.muscles.bits() & muscles->bits()) == 0) continue;
      if (kind_ && name_of(e.kind) != *kind_) continue;
      if (position_ && name_of(e.position) != *position_) continue;
      shown.push_back(&e);
    }
    if (json_) {
      Json out = Json::array();
      for (const Exercise* e : shown) out.push_back(exercise_to_json(*e));
      print_json(ctx.io.out, out);
      return kOk;
    }
    std::size_t id_width = 2;
    for (const Exercise* e : shown) id_width = std::max(id_width, e->id.size());
    ctx.io.out << fmt::format("{:<{}}  {:<10}  {:<8}  {}\n", "id", id_width, "kind", "position", "name");
    for (const Exercise* e : shown) {
      ctx.io.out << fmt::format("{:<{}}  {:<10}  {:<8}  {}\n", e->id, id_width, name_of(e->kind),
                                humanize(name_of(e->position)), e->name);
    }
    ctx.io.out << fmt::format("\n{} exercise{}. `daybreak exercise show ID` shows one in full.\n", shown.size(),
                              shown.size() == 1 ? "" : "s");
    return kOk;
  }

  int show(CommandContext& ctx, const ContentLibrary& library) const {
    const Exercise* e = library.exercise(id_);
    if (e == nullptr) {
      return report(ctx.io,
                    not_found(fmt::format("there is no exercise '{}'; `daybreak exercise list` lists them", id_)));
    }
    if (svg_) {
      const std::string svg = figure_svg(*e);
      if (*svg_ == "-") {
        ctx.io.out << svg;
        return kOk;
      }
      write_private_file(*svg_, svg);
      ctx.io.err << fmt::format("Wrote the figure of {} ({} poses) to {}.\n", e->name, e->poses.size(), *svg_);
      return kOk;
    }
    if (json_) {
      print_json(ctx.io.out, exercise_to_json(*e));
      return kOk;
    }
    const ExerciseLevels levels = ctx.store.read()->exercise_levels(ctx.user.id);
    const int level = std::clamp(level_of(levels, e->id), 1, e->level_count());
    std::ostream& out = ctx.io.out;
    out << fmt::format("{} ({})\n", e->name, e->id) << wrap_indented(e->summary, kWidth, "") << "\n";
    const auto row = [&](std::string_view label, const std::string& value) {
      out << wrap_indented(value, kWidth, std::string(13, ' '), fmt::format("  {:<11}", label));
    };
    row("kind", fmt::format("{}, {}, {}", name_of(e->kind), position_phrase(e->position), sides_phrase(e->sides)));
    row("targets", humanized(e->muscles));
    if (!e->tags.empty()) row("tags", to_text(e->tags, ", "));
    const DoseLevel& yours = e->level(level);
    row("dose", yours.move_to
                    ? fmt::format("level {} of {}: moved on to {}", level, e->level_count(), *yours.move_to)
                    : fmt::format("{} (level {} of {})", describe_dose(yours.dose, e->sides), level, e->level_count()));
    if (e->easier) row("easier", fmt::format("{} ({})", library.exercise(*e->easier)->name, *e->easier));
    if (e->harder) row("harder", fmt::format("{} ({})", library.exercise(*e->harder)->name, *e->harder));
    out << "\nHow to do it\n";
    for (std::size_t i = 0; i < e->steps.size(); ++i) {
      out << wrap_indented(e->steps[i], kWidth, "      ", fmt::format("  {:>2}. ", i + 1));
    }
    out << "\nCues\n";
    for (const auto& c : e->cues) out << wrap_indented(c, kWidth, "    ", "  - ");
    out << "\nCautions\n";
    for (const auto& c : e->cautions) out << wrap_indented(c, kWidth, "    ", "  - ");
    out << wrap_indented(kClinicianApprovedNotice, kWidth, "    ", "  - ");
    out << "\nDose ladder\n";
    for (int i = 1; i <= e->level_count(); ++i) {
      const DoseLevel& rung = e->level(i);
      const std::string what =
          rung.move_to ? fmt::format("move on to {} ({})", library.exercise(*rung.move_to)->name, *rung.move_to)
                       : describe_dose(rung.dose, e->sides);
      out << wrap_indented(what, kWidth, std::string(11, ' '), fmt::format("  level {:<2} ", i));
    }
    out << fmt::format("  You are at level {} of {}.\n", level, e->level_count());
    out << "\n" << wrap_indented("Source: " + e->source, kWidth, "");
    return kOk;
  }

  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  std::optional<std::string> svg_;
  std::optional<std::string> muscle_;
  std::optional<std::string> kind_;
  std::optional<std::string> position_;
  std::string id_;
  bool json_ = false;
  ContentOption content_;
};

// ---- program show -------------------------------------------------------

class ProgramCommand final : public Command {
 public:
  std::string_view name() const override { return "program"; }
  std::string_view summary() const override { return "show the staged program: routines and when to move on"; }
  bool writes() const override { return false; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    CLI::App* show = sub.add_subcommand("show", "show every stage (or one) with its routines and when to move on");
    show->add_option("--stage", stage_, "show only this stage")->type_name("N");
    show->add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    show->add_flag("--json", json_, "print as JSON");
    content_.add_to(*show);
    print_ = sub.add_subcommand("print",
                                "a printable PDF of your home program: the morning and evening routines of a stage, "
                                "each exercise with its figure, dose, steps and cautions");
    print_->add_option("--stage", stage_, "this stage (default: the one you are in)")->type_name("N");
    print_->add_option("--program", program_, "which program, when the content has several")->type_name("ID");
    print_
        ->add_option("--output,-o", output_,
                     "write to this file (default: daybreak-program-stage-N.pdf here; - for stdout)")
        ->type_name("FILE");
    print_->add_option("--paper", paper_, "a4 or letter (default: from your locale, LC_PAPER or LANG)")
        ->check(CLI::IsMember({"a4", "letter"}));
    content_.add_to(*print_);
  }

  int run(CommandContext& ctx) override {
    auto library = content_.load();
    if (!library) return report(ctx.io, library.error());
    const auto status = program_status(ctx.store, *library, ctx.user.id, program_);
    if (!status) return report(ctx.io, status.error());
    const Program& p = *status->program;
    if (stage_ && (*stage_ < 1 || *stage_ > p.stage_count())) {
      return report(ctx.io,
                    invalid("there is no such stage", {{"--stage", std::to_string(*stage_),
                                                        fmt::format("a stage from 1 to {}", p.stage_count())}}));
    }
    if (print_->parsed()) return print(ctx, *library, *status);
    if (json_) {
      Json out = program_to_json(p, *library);
      out["current_stage"] = status->stage;
      if (stage_) {
        out["stages"] = Json::array({out["stages"][static_cast<std::size_t>(*stage_ - 1)]});
        out.erase("flare");
      }
      print_json(ctx.io.out, out);
      return kOk;
    }
    std::ostream& out = ctx.io.out;
    if (!stage_) {
      out << fmt::format("{} ({}): {} stage{}; you are in stage {}.\n", p.name, p.id, p.stage_count(),
                         p.stage_count() == 1 ? "" : "s", status->stage)
          << wrap_indented(p.summary, kWidth, "");
    }
    for (const Stage& s : p.stages) {
      if (stage_ && s.number != *stage_) continue;
      if (!stage_) out << "\n";
      out << fmt::format("Stage {} of {}: {}{}\n", s.number, p.stage_count(), s.name,
                         s.number == status->stage ? "  (you are here)" : "");
      out << wrap_indented(s.goal, kWidth, "  ");
      print_routine(out, *library, s.number, s.morning, *status, "  ");
      print_routine(out, *library, s.number, s.evening, *status, "  ");
      if (s.exit) {
        out << "\n  Move on when\n"
            << wrap_indented(s.exit->description, kWidth, "    ")
            << fmt::format("    (at least {} days, and {} sessions at the top level)\n", s.exit->min_days,
                           s.exit->top_level_sessions);
      } else {
        out << "\n  The last stage: keep it up.\n";
      }
    }
    if (!stage_) print_routine(out, *library, status->stage, p.flare, *status, "");
    return kOk;
  }

 private:
  int print(CommandContext& ctx, const ContentLibrary& library, const ProgramStatus& status) const {
    const int stage = stage_.value_or(status.stage);
    const Handout handout = make_handout(library, *status.program, stage, status.levels, ctx.now(), ctx.zone);
    const Paper paper = paper_ ? *parse_paper(*paper_) : paper_for_locale(ctx.paper_locale);
    const auto pdf = handout_pdf(handout, paper);
    if (!pdf) {
      ctx.io.err << fmt::format("daybreak: the handout could not be made: {}\n", pdf.error());
      return kStorage;
    }
    if (output_ && *output_ == "-") {
      ctx.io.out << *pdf;
      return kOk;
    }
    const std::string file = output_.value_or(fmt::format("daybreak-program-stage-{}.pdf", stage));
    write_private_file(file, *pdf);
    ctx.io.err << fmt::format("Wrote your home program (stage {}, {}) to {}.\n", stage,
                              paper == Paper::a4 ? "A4" : "Letter", file);
    return kOk;
  }

  // One routine as the person would play it today: their levels, and where a
  // ladder has moved them on to another exercise.
  static void print_routine(std::ostream& out, const ContentLibrary& library, int stage, const Routine& r,
                            const ProgramStatus& status, std::string_view indent) {
    const SessionPlan plan = expand_plan(library, *status.program, stage, r.kind, status.levels);
    out << fmt::format("\n{}{} (about {} min)\n", indent, r.title, (plan.total_seconds() + 59) / 60);
    for (std::size_t i = 0; i < r.items.size(); ++i) {
      const RoutineItem& item = r.items[i];
      const Exercise& listed = *library.exercise(item.exercise);
      const Exercise& e = played_exercise(library, listed, status.levels);
      const int level = std::clamp(level_of(status.levels, e.id), 1, e.level_count());
      const Dose dose = item.dose.over(e.level(level).dose);
      const std::string name = &e == &listed ? e.name : fmt::format("{} (for {})", e.name, listed.name);
      out << fmt::format("{}  {:>2}. {:<37} {}\n", indent, i + 1, fit(name, 37), short_dose(dose, e.sides));
    }
  }

  std::optional<int> stage_;
  CLI::App* print_ = nullptr;
  std::optional<std::string> output_;
  std::optional<std::string> paper_;
  std::optional<std::string> program_;
  bool json_ = false;
  ContentOption content_;
};

// ---- content check | export -----------------------------------------------

class ContentCommand final : public Command {
 public:
  std::string_view name() const override { return "content"; }
  std::string_view summary() const override { return "check a content folder, or export the built-in content"; }
  bool writes() const override { return false; }
  bool acts_for_local_person() const override { return false; }

  void configure(CLI::App& sub) override {
    sub.require_subcommand(1);
    check_ = sub.add_subcommand("check", "check a content folder (default: the built-in content)");
    check_->add_option("dir", dir_, "the folder, holding exercises/ and programs/")->type_name("DIR");
    check_->add_flag("--json", json_, "print the result as JSON");
    export_ = sub.add_subcommand("export", "write the built-in content to a new folder, to edit");
    export_->add_option("dir", dir_, "a folder that does not exist yet, or is empty")->required()->type_name("DIR");
  }

  int run(CommandContext& ctx) override { return check_->parsed() ? check(ctx) : export_to(ctx); }

 private:
  int check(CommandContext& ctx) const {
    const auto loaded = dir_ ? load_content_dir(*dir_) : load_builtin_content();
    const std::string where = dir_.value_or(std::string(kBuiltinContentName));
    if (json_) {
      Json problems = Json::array();
      if (!loaded) {
        for (const auto& e : loaded.error()) {
          problems.push_back(Json{{"file", e.file},
                                  {"line", e.line},
                                  {"column", e.column},
                                  {"field", e.field},
                                  {"value", e.value ? Json(*e.value) : Json(nullptr)},
                                  {"allowed", e.allowed}});
        }
      }
      Json out{{"content", where}, {"ok", loaded.ok()}, {"problems", problems}};
      if (loaded) {
        out["exercises"] = loaded->exercises().size();
        out["programs"] = loaded->programs().size();
      }
      print_json(ctx.io.out, out);
      return loaded ? kOk : kInvalid;
    }
    if (!loaded) {
      for (const auto& e : loaded.error()) ctx.io.out << e.text() << "\n";
      ctx.io.err << fmt::format("daybreak: {} problem{} in {}; it cannot be used until fixed\n", loaded.error().size(),
                                loaded.error().size() == 1 ? "" : "s", where);
      return kInvalid;
    }
    std::vector<std::string> programs;
    for (const auto& p : loaded->programs()) {
      programs.push_back(fmt::format("{} ({} stage{})", p.id, p.stage_count(), p.stage_count() == 1 ? "" : "s"));
    }
    ctx.io.out << fmt::format("{}: {} exercises, {} program{}: {}; no problems found\n", where,
                              loaded->exercises().size(), programs.size(), programs.size() == 1 ? "" : "s",
                              join(programs, ", "));
    return kOk;
  }

  int export_to(CommandContext& ctx) const {
    const std::filesystem::path dir = *dir_;
    std::error_code ec;
    if (std::filesystem::exists(dir, ec) && !std::filesystem::is_empty(dir, ec)) {
      return report(ctx.io, invalid("nothing was written", {{"dir", dir.string(),
                                                             "a folder that does not exist yet, "
                                                             "or is empty"}}));
    }
    const auto files = builtin_content_files();
    for (const auto& f : files) {
      const auto path = dir / f.name;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream out(path, std::ios::binary);
      out << f.text;
      if (!out) {
        throw std::filesystem::filesystem_error("cannot write", path, std::make_error_code(std::errc::io_error));
      }
    }
    ctx.io.out << fmt::format(
        "Wrote the built-in content ({} files) to {}.\n"
        "Edit it (docs/content-authoring.md), check it with `daybreak content check {}`,\n"
        "and use it with --content {} or DAYBREAK_CONTENT={}.\n",
        files.size(), dir.string(), dir.string(), dir.string(), dir.string());
    return kOk;
  }

  CLI::App* check_ = nullptr;
  CLI::App* export_ = nullptr;
  std::optional<std::string> dir_;
  bool json_ = false;
};

}  // namespace

std::vector<std::unique_ptr<Command>> program_commands() {
  std::vector<std::unique_ptr<Command>> out;
  out.push_back(std::make_unique<ExerciseCommand>());
  out.push_back(std::make_unique<ProgramCommand>());
  out.push_back(std::make_unique<ContentCommand>());
  return out;
}

}  // namespace daybreak
