#include "content/library_loader.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "platform/embedded.hpp"

namespace daybreak::embedded {
std::span<const EmbeddedFile> builtin_content();
}

namespace daybreak {
namespace {

using Need = TableReader::Need;

constexpr std::size_t kMaxFileBytes = 1024 * 1024;
constexpr std::string_view kExercisesDir = "exercises/";
constexpr std::string_view kProgramsDir = "programs/";

constexpr std::string_view kIdRule = "2 to 60 characters: lower-case letters, digits and '_', starting with a letter";
// clinical.md "The program's content": the loader enforces it.
constexpr std::string_view kMorningWhy =
    "morning and flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the "
    "first hours after waking (clinical.md; Adams 1987, Snook 1998)";

// Text limits keep every line fit for an 80-column terminal and a phone.
constexpr std::size_t kNameLength = 60;
constexpr std::size_t kSentenceLength = 300;
constexpr std::size_t kCueLength = 150;
constexpr std::size_t kParagraphLength = 600;
constexpr std::size_t kMaxPoses = 8;

// Values are read as written and checked against the exercise's kind once
// resolved (dose.hpp), which gives the more useful message.
constexpr std::int64_t kRawMax = 100000;

// Unset parts of an exercise's [dose]; docs/content-authoring.md lists them.
constexpr Dose kDefaultDose{
    .sets = 1, .reps = 0, .hold_seconds = 0, .minutes = 0, .tempo = {}, .relax_seconds = 5, .rest_seconds = 30};

bool valid_id(std::string_view id) {
  if (id.size() < 2 || id.size() > 60 || id.front() < 'a' || id.front() > 'z') return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// An exercise id named in an exercise file, checked once every exercise is known.
struct Reference {
  ContentError at;  // `allowed` is filled in when the check fails
  std::string from;
  bool move_to = false;
};

std::string count_rule(std::size_t lo, std::size_t hi, std::string_view what) {
  return fmt::format("a list of {} to {} {}", lo, hi, what);
}

class Loader {
 public:
  explicit Loader(std::string prefix) : prefix_(std::move(prefix)) {}

  ContentResult load(std::span<const ParsedContentFile> files) {
    std::vector<const TomlDocument*> programs;
    for (const auto& f : files) {
      const bool exercise = f.name.starts_with(kExercisesDir);
      if (!exercise && !f.name.starts_with(kProgramsDir)) {
        errors_.push_back({prefix_ + f.name, 0, 0, "file", f.name, "a .toml file in exercises/ or programs/"});
        continue;
      }
      if (!f.document) {
        errors_.push_back(f.document.error());
        continue;
      }
      if (exercise) {
        read_exercise(*f.document);
      } else {
        programs.push_back(&*f.document);
      }
    }
    check_references();
    for (const auto* doc : programs) read_program(*doc);
    check_programs(files);

    if (!errors_.empty()) {
      std::stable_sort(errors_.begin(), errors_.end(), [](const ContentError& a, const ContentError& b) {
        return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
      });
      return fail(std::move(errors_));
    }
    return ContentLibrary(std::move(exercises_), std::move(programs_));
  }

 private:
  // ---- exercises -------------------------------------------------------

  void read_exercise(const TomlDocument& doc) {
    TableReader t(doc, errors_);
    Exercise e;
    const std::size_t errors_before = errors_.size();
    e.id = read_id(t, "id").value_or("");
    e.name = t.text("name", Need::required, kNameLength).value_or("");
    e.summary = t.text("summary", Need::required, kSentenceLength).value_or("");
    const auto kind = t.choice<ExerciseKind>("kind");
    e.kind = kind.value_or(ExerciseKind::mobility);
    e.position = t.choice<Position>("position").value_or(Position::floor);
    e.sides = t.choice<Sides>("sides").value_or(Sides::both);
    e.muscles = read_set<Muscle>(t, "muscles", Need::required);
    e.tags = read_set<ExerciseTag>(t, "tags", Need::optional);
    e.steps = read_texts(t, "steps", 1, 12, kSentenceLength, "steps");
    e.cues = read_texts(t, "cues", 1, 8, kCueLength, "cues");
    e.cautions = read_texts(t, "cautions", 1, 8, kSentenceLength, "cautions");
    e.easier = read_reference(t, "easier", e.id);
    e.harder = read_reference(t, "harder", e.id);
    e.source = t.text("source", Need::required, kSentenceLength).value_or("");
    // A pose flexed further than its tags say is an error, but the exercise
    // is kept for the routines' morning rule to name it there too.
    const std::size_t mistagged = read_figure(t, e);
    read_ladder(t, e, kind.has_value());
    t.finish();

    if (e.id.empty()) return;
    if (const auto it = ids_.find(e.id); it != ids_.end()) {
      t.problem("id", e.id, fmt::format("an id no other exercise has ({} has it)", it->second));
      return;
    }
    ids_.emplace(e.id, doc.file());
    if (errors_.size() == errors_before + mistagged) exercises_.push_back(std::move(e));
  }

  // The figure: surface, view and [[pose]]s, each listing the joints that
  // change from the pose before (the first, from standing upright). Returns
  // how many poses flex the lumbar spine more than the exercise's tags allow.
  std::size_t read_figure(TableReader& t, Exercise& e) {
    e.surface = t.choice<Surface>("surface").value_or(Surface::floor);
    e.view = t.choice<View>("view", Need::optional).value_or(View::side);
    auto poses = t.tables("pose");
    if (!poses) return 0;
    if (poses->size() < 2 || poses->size() > kMaxPoses) {
      t.problem("pose", fmt::format("{} [[pose]] table{}", poses->size(), poses->size() == 1 ? "" : "s"),
                fmt::format("2 to {} [[pose]] tables: the start, any poses on the way, and the end", kMaxPoses));
    }
    std::size_t mistagged = 0;
    Pose pose;
    for (TableReader& p : *poses) {
      const std::size_t before = errors_.size();
      for (std::size_t j = 0; j < kJointCount; ++j) read_joint(p, static_cast<Joint>(j), e.view, pose);
      p.finish();
      e.poses.push_back(pose);
      if (errors_.size() != before) continue;
      if (const auto problem = check_support(pose, e.view, e.surface)) {
        p.problem("", problem->value, problem->allowed);
      } else if (e.view == View::side && !e.has(ExerciseTag::flexion_load) && p.has("lumbar") &&
                 pose.angle(Joint::lumbar) > kMorningLumbarFlexion) {
        p.problem("lumbar", fmt::format("{:g}", pose.angle(Joint::lumbar)),
                  fmt::format("at most {:g} degrees in an exercise not tagged flexion_load: more is end-range lumbar "
                              "flexion, so tag the exercise flexion_load (the tag and the poses must agree)",
                              kMorningLumbarFlexion));
        ++mistagged;
      }
    }
    return mistagged;
  }

  // One joint's angle in a pose: a number, or [near, far] for a limb.
  static void read_joint(TableReader& p, Joint joint, View view, Pose& pose) {
    const auto key = name_of(joint);
    const auto values = p.numbers(key, Need::optional);
    if (!values) return;
    const JointRange r = joint_range(joint, view);
    const std::string allowed =
        fmt::format("{:g} to {:g} degrees ({}, seen from the {}){}", r.lo, r.hi, r.meaning, name_of(view),
                    is_limb(joint) ? ", or a list [near, far] of two such angles" : "");
    if (values->empty() || values->size() > (is_limb(joint) ? 2U : 1U)) {
      p.problem(key, fmt::format("a list of {}", values->size()), allowed);
      return;
    }
    for (const double v : *values) {
      if (v < r.lo || v > r.hi) {
        p.problem(key, fmt::format("{:g}", v), allowed);
        return;
      }
    }
    pose.set(joint, values->front(), values->back());
  }

  // Reads [dose] and [[level]]; checks each level's dose when the kind is known.
  void read_ladder(TableReader& t, Exercise& e, bool check_doses) {
    auto dose_table = t.table("dose");
    if (!dose_table) return;
    const auto first = read_patch(*dose_table);
    if (!first.reps && !first.minutes) {
      dose_table->problem("reps", std::nullopt, "the number of reps or holds per set (or minutes, for a timed bout)");
    }
    Dose dose = first.over(kDefaultDose);
    dose_table->finish();
    const bool first_ok = check_doses && check(*dose_table, dose, e.kind);
    e.levels.push_back({dose, std::nullopt});

    auto levels = t.tables("level", Need::optional);
    if (!levels) return;
    for (std::size_t i = 0; i < levels->size(); ++i) {
      TableReader& level = (*levels)[i];
      if (level.has("move_to")) {
        auto target = read_reference(level, "move_to", e.id);
        if (i + 1 != levels->size()) {
          level.problem("move_to", target.value_or(""), "move_to only on the last level of the ladder");
        }
        level.finish();
        e.levels.push_back({dose, target});
        continue;
      }
      const auto patch = read_patch(level);
      if (patch.empty()) level.problem("", std::nullopt, "a level that changes the dose, or move_to = \"id\"");
      level.finish();
      dose = patch.over(dose);
      if (first_ok) (void)check(level, dose, e.kind);
      e.levels.push_back({dose, std::nullopt});
    }
  }

  // ---- programs --------------------------------------------------------

  void read_program(const TomlDocument& doc) {
    TableReader t(doc, errors_);
    Program p;
    p.id = read_id(t, "id").value_or("");
    p.name = t.text("name", Need::required, kNameLength).value_or("");
    p.summary = t.text("summary", Need::required, kParagraphLength).value_or("");
    p.is_default = t.boolean("default", Need::optional).value_or(false);
    if (auto stages = t.tables("stage")) {
      for (std::size_t i = 0; i < stages->size(); ++i) {
        TableReader& s = (*stages)[i];
        Stage stage;
        stage.number = static_cast<int>(i) + 1;
        stage.name = s.text("name", Need::required, kNameLength).value_or("");
        stage.goal = s.text("goal", Need::required, kSentenceLength).value_or("");
        const bool last = i + 1 == stages->size();
        if (!last && !s.has("exit")) {
          s.problem("exit", std::nullopt,
                    "a [stage.exit] table saying when to move on: every stage but the last has one");
        }
        if (auto exit = s.table("exit", Need::optional)) {
          ExitCriteria c;
          // [D] design proposal (clinical.md "Progression"): the numbers are the author's.
          c.min_days = static_cast<int>(exit->integer("min_days", 1, 365).value_or(1));
          c.top_level_sessions = static_cast<int>(exit->integer("top_level_sessions", 1, 100).value_or(1));
          c.description = exit->text("description", Need::required, kParagraphLength).value_or("");
          exit->finish();
          stage.exit = c;
        }
        stage.morning = read_routine(s, "morning", RoutineKind::morning);
        stage.evening = read_routine(s, "evening", RoutineKind::evening);
        s.finish();
        p.stages.push_back(std::move(stage));
      }
      if (stages->empty()) t.problem("stage", std::nullopt, "at least one [[stage]]");
    }
    p.flare = read_routine(t, "flare", RoutineKind::flare);
    t.finish();
    if (p.id.empty()) return;
    if (const auto it = program_files_.find(p.id); it != program_files_.end()) {
      t.problem("id", p.id, fmt::format("an id no other program has ({} has it)", it->second));
      return;
    }
    program_files_.emplace(p.id, doc.file());
    program_defaults_.push_back(t.problem_at(p.is_default ? "default" : "", p.is_default ? "true" : "false", ""));
    programs_.push_back(std::move(p));
  }

  Routine read_routine(TableReader& parent, std::string_view key, RoutineKind kind) {
    Routine r;
    r.kind = kind;
    auto t = parent.table(key);
    if (!t) return r;
    r.title = t->text("title", Need::required, kNameLength).value_or("");
    r.intro = t->text("intro", Need::required, kParagraphLength).value_or("");
    if (auto items = t->tables("item")) {
      if (items->empty() || items->size() > 20) t->problem("item", std::nullopt, "1 to 20 [[...item]] tables");
      for (TableReader& i : *items) {
        RoutineItem item;
        item.note = i.text("note", Need::optional, kCueLength).value_or("");
        auto dose = i.table("dose", Need::optional);
        if (dose) {
          item.dose = read_patch(*dose);
          if (item.dose.empty()) dose->problem("", std::nullopt, "at least one dose value to fix");
          dose->finish();
        }
        item.exercise = read_item_exercise(i, dose ? &*dose : nullptr, kind, item.dose);
        i.finish();
        r.items.push_back(std::move(item));
      }
    }
    t->finish();
    return r;
  }

  // The routine item's exercise: it must exist, respect the morning rule
  // wherever its ladder leads, and take the routine's fixed dose at every level.
  std::string read_item_exercise(TableReader& item, TableReader* dose, RoutineKind kind, const DosePatch& fixed) {
    const auto id = item.text("exercise", Need::required, 60);
    if (!id) return "";
    const Exercise* e = find(*id);
    if (e == nullptr) {
      item.problem("exercise", *id,
                   ids_.contains(*id) ? "an exercise without errors (fix its file first)"
                                      : "the id of an exercise in exercises/ (see `daybreak exercise list`)");
      return *id;
    }
    for (const Exercise* step : chain(*e)) {
      if (kind != RoutineKind::evening && step->has(ExerciseTag::flexion_load)) {
        item.problem("exercise", *id,
                     step == e ? fmt::format("an exercise not tagged flexion_load: {}", kMorningWhy)
                               : fmt::format("an exercise whose ladder does not lead to one tagged flexion_load "
                                             "(this one leads to '{}'): {}",
                                             step->id, kMorningWhy));
        break;
      }
      if (const auto [flexion, pose] = step->lumbar_flexion();
          kind != RoutineKind::evening && flexion > kMorningLumbarFlexion) {
        item.problem("exercise", *id,
                     fmt::format("an exercise whose poses flex the lumbar spine at most {:g} degrees ('{}' pose[{}] "
                                 "flexes it {:g}): {}",
                                 kMorningLumbarFlexion, step->id, pose, flexion, kMorningWhy));
        break;
      }
      if (fixed.empty()) continue;
      for (int level = 1; level <= step->level_count(); ++level) {
        const DoseLevel& rung = step->level(level);
        if (rung.move_to) continue;
        if (const auto p = check_dose(fixed.over(rung.dose), step->kind); p && dose != nullptr) {
          dose->problem(p->field, p->value, fmt::format("{}; with {} at level {}", p->allowed, step->id, level));
          return *id;
        }
      }
    }
    return *id;
  }

  void check_programs(std::span<const ParsedContentFile> files) {
    if (std::none_of(files.begin(), files.end(),
                     [](const ParsedContentFile& f) { return f.name.starts_with(kProgramsDir); })) {
      errors_.push_back({prefix_ + std::string(kProgramsDir), 0, 0, "programs", std::nullopt,
                         "at least one program file in programs/"});
    }
    if (programs_.size() > 1) {
      const auto defaults =
          std::count_if(programs_.begin(), programs_.end(), [](const Program& p) { return p.is_default; });
      if (defaults != 1) {
        for (std::size_t i = 0; i < programs_.size(); ++i) {
          ContentError e = program_defaults_[i];
          e.field = "default";
          e.allowed = "exactly one program marked default = true, when a folder has several";
          errors_.push_back(std::move(e));
        }
      }
    }
  }

  // ---- references ------------------------------------------------------

  std::optional<std::string> read_reference(TableReader& t, std::string_view key, const std::string& from) {
    const auto id = t.text(key, Need::optional, 60);
    if (!id) return std::nullopt;
    refs_.push_back({t.problem_at(key, *id, ""), from, key == "move_to"});
    return id;
  }

  void check_references() {
    std::map<std::string_view, const Exercise*> by_id;
    for (const auto& e : exercises_) by_id.emplace(e.id, &e);
    for (auto& ref : refs_) {
      const std::string& target = *ref.at.value;
      if (target == ref.from) {
        ref.at.allowed = "the id of another exercise, not this one";
      } else if (!ids_.contains(target)) {
        ref.at.allowed = "the id of an exercise in exercises/ (see `daybreak exercise list`)";
      } else if (ref.move_to && by_id.contains(target) && leads_back(*by_id.at(target), ref.from, by_id)) {
        ref.at.allowed = fmt::format("a ladder that does not lead back to '{}'", ref.from);
      } else {
        continue;
      }
      errors_.push_back(std::move(ref.at));
    }
  }

  // True if following move_to from `start` reaches `target`.
  static bool leads_back(const Exercise& start, const std::string& target,
                         const std::map<std::string_view, const Exercise*>& by_id) {
    const Exercise* e = &start;
    for (std::size_t hops = 0; hops <= by_id.size(); ++hops) {
      if (e->id == target) return true;
      const auto& top = e->levels.back().move_to;
      if (!top) return false;
      const auto it = by_id.find(*top);
      if (it == by_id.end()) return false;
      e = it->second;
    }
    return false;  // a circle that does not pass `target`: reported where it starts
  }

  const Exercise* find(std::string_view id) const {
    const auto it = std::find_if(exercises_.begin(), exercises_.end(), [&](const Exercise& e) { return e.id == id; });
    return it == exercises_.end() ? nullptr : &*it;
  }

  // The exercise and every exercise its ladder moves on to.
  std::vector<const Exercise*> chain(const Exercise& start) const {
    std::vector<const Exercise*> out{&start};
    while (out.size() <= exercises_.size()) {
      const auto& top = out.back()->levels.back().move_to;
      const Exercise* next = top ? find(*top) : nullptr;
      if (next == nullptr || std::find(out.begin(), out.end(), next) != out.end()) break;
      out.push_back(next);
    }
    return out;
  }

  // ---- values ----------------------------------------------------------

  std::optional<std::string> read_id(TableReader& t, std::string_view key) {
    auto id = t.text(key, Need::required, 60);
    if (id && !valid_id(*id)) {
      t.problem(key, *id, std::string(kIdRule));
      return std::nullopt;
    }
    return id;
  }

  template <class E>
  ChoiceSet<E> read_set(TableReader& t, std::string_view key, Need need) {
    ChoiceSet<E> set;
    const auto words = t.texts(key, need, 60);
    if (!words) return set;
    const auto& names = Vocabulary<E>::names;
    for (const auto& w : *words) {
      const auto v = parse_choice<E>(w);
      if (!v) {
        std::string allowed = "a list of: ";
        for (std::size_t i = 0; i < names.size(); ++i) allowed += (i ? ", " : "") + std::string(names[i]);
        t.problem(key, w, allowed);
        return set;
      }
      set.insert(*v);
    }
    if (need == Need::required && set.empty())
      t.problem(key, "[]", fmt::format("at least one {}", Vocabulary<E>::kind));
    return set;
  }

  std::vector<std::string> read_texts(TableReader& t, std::string_view key, std::size_t lo, std::size_t hi,
                                      std::size_t length, std::string_view what) {
    auto list = t.texts(key, Need::required, length);
    if (!list) return {};
    if (list->size() < lo || list->size() > hi) {
      t.problem(key, fmt::format("{} {}", list->size(), what), count_rule(lo, hi, what));
    }
    return std::move(*list);
  }

  DosePatch read_patch(TableReader& t) {
    DosePatch p;
    const auto whole = [&](std::string_view key) -> std::optional<int> {
      const auto v = t.integer(key, 0, kRawMax, Need::optional);
      if (!v) return std::nullopt;
      return static_cast<int>(*v);
    };
    p.sets = whole("sets");
    p.reps = whole("reps");
    p.hold_seconds = whole("hold_seconds");
    p.minutes = whole("minutes");
    if (const auto tempo = t.text("tempo", Need::optional, 20)) {
      p.tempo = Tempo::parse(*tempo);
      if (!p.tempo) {
        t.problem("tempo", *tempo, "seconds to move out, pause and move back, each 0-10, written like \"2-1-2\"");
      }
    }
    p.relax_seconds = whole("relax_seconds");
    p.rest_seconds = whole("rest_seconds");
    return p;
  }

  // Checks a resolved dose; reports on `t`, where the dose was written.
  static bool check(TableReader& t, const Dose& dose, ExerciseKind kind) {
    const auto p = check_dose(dose, kind);
    if (!p) return true;
    t.problem(p->field, p->value, p->allowed);
    return false;
  }

  std::string prefix_;
  ContentErrors errors_;
  std::vector<Exercise> exercises_;
  std::map<std::string, std::string, std::less<>> ids_;  // exercise id -> the file that has it
  std::vector<Reference> refs_;
  std::vector<Program> programs_;
  std::map<std::string, std::string, std::less<>> program_files_;
  std::vector<ContentError> program_defaults_;  // where each program says (or not) default = true
};

}  // namespace

ParsedContentFile parse_content_file(const ContentFile& file, std::string_view shown_prefix) {
  return {file.name, TomlDocument::parse(file.text, std::string(shown_prefix) + file.name)};
}

ContentResult load_parsed_content(std::span<const ParsedContentFile> files, std::string_view shown_prefix) {
  return Loader(std::string(shown_prefix)).load(files);
}

ContentResult load_content(std::span<const ContentFile> files, std::string_view shown_prefix) {
  std::vector<ParsedContentFile> parsed;
  parsed.reserve(files.size());
  for (const auto& f : files) parsed.push_back(parse_content_file(f, shown_prefix));
  return load_parsed_content(parsed, shown_prefix);
}

ContentResult load_content_dir(const std::filesystem::path& dir) {
  const std::string prefix = (dir / "").string();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return fail(ContentErrors{{dir.string(), 0, 0, "folder", dir.string(), "a folder of content that exists"}});
  }
  std::vector<ContentFile> files;
  ContentErrors errors;
  bool any_folder = false;
  for (const std::string_view sub : {kExercisesDir, kProgramsDir}) {
    const auto folder = dir / sub;
    if (!std::filesystem::is_directory(folder, ec)) continue;
    any_folder = true;
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".toml") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      const std::string name = std::string(sub) + path.filename().string();
      std::ifstream in(path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in || text.str().size() > kMaxFileBytes) {
        errors.push_back({prefix + name, 0, 0, "file", std::nullopt, "a readable file of at most 1 MB"});
        continue;
      }
      files.push_back({name, text.str()});
    }
  }
  if (!any_folder) {
    return fail(ContentErrors{{dir.string(), 0, 0, "folder", dir.string(),
                               "a content folder: one with exercises/ and programs/ folders of .toml files"}});
  }
  auto result = load_content(files, prefix);
  if (errors.empty()) return result;
  if (!result) errors.insert(errors.end(), result.error().begin(), result.error().end());
  return fail(std::move(errors));
}

std::vector<ContentFile> builtin_content_files() {
  std::vector<ContentFile> files;
  for (const auto& f : embedded::builtin_content()) files.push_back({std::string(f.path), std::string(f.data)});
  return files;
}

ContentResult load_builtin_content() {
  return load_content(builtin_content_files(), std::string(kBuiltinContentName) + ":");
}

}  // namespace daybreak
