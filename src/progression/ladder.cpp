#include "progression/ladder.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

const Exercise& must_find(const ContentLibrary& library, std::string_view id) {
  const Exercise* e = library.exercise(id);
  if (e == nullptr) throw std::logic_error(fmt::format("progression: no exercise '{}' in checked content", id));
  return *e;
}

int clamped_level(const ExerciseLevels& levels, const Exercise& e) {
  return std::clamp(level_of(levels, e.id), 1, e.level_count());
}

// The dose and name a routine item plays at `levels`.
struct Played {
  const Exercise* exercise;
  Dose dose;
};
Played played(const ContentLibrary& library, const RoutineItem& item, const ExerciseLevels& levels) {
  const Exercise& e = played_exercise(library, must_find(library, item.exercise), levels);
  return {&e, item.dose.over(e.level(clamped_level(levels, e)).dose)};
}

// What the person will notice: the new dose, or the new exercise.
std::string describe(const ContentLibrary& library, const RoutineItem& item, const ExerciseLevels& before,
                     const ExerciseLevels& after) {
  const Played a = played(library, item, before);
  const Played b = played(library, item, after);
  if (a.exercise != b.exercise) {
    const bool harder = a.exercise->harder == b.exercise->id ||
                        std::any_of(a.exercise->levels.begin(), a.exercise->levels.end(),
                                    [&](const DoseLevel& l) { return l.move_to == b.exercise->id; });
    return fmt::format("{} {} {} ({})", a.exercise->name, harder ? "moves on to" : "goes back to", b.exercise->name,
                       describe_dose(b.dose, b.exercise->sides));
  }
  const std::string change = dose_change(a.dose, b.dose);
  return fmt::format("{}: {}", a.exercise->name, change.empty() ? "the same dose (a level above)" : change);
}

std::optional<LevelChange> change_to(const ContentLibrary& library, const RoutineItem& item,
                                     const ExerciseLevels& levels, const Exercise& e, int to) {
  const int from = clamped_level(levels, e);
  if (to == from) return std::nullopt;
  ExerciseLevels after = levels;
  after[e.id] = to;
  return LevelChange{e.id, from, to, describe(library, item, levels, after)};
}

}  // namespace

std::vector<const Exercise*> ladder_chain(const ContentLibrary& library, const Exercise& listed,
                                          const ExerciseLevels& levels) {
  std::vector<const Exercise*> chain{&listed};
  // The loader refuses cycles; the bound only guards against unchecked content.
  while (chain.size() <= library.exercises().size()) {
    const DoseLevel& rung = chain.back()->level(level_of(levels, chain.back()->id));
    if (!rung.move_to) return chain;
    chain.push_back(&must_find(library, *rung.move_to));
  }
  throw std::logic_error(fmt::format("progression: the ladder of '{}' moves on in a circle", listed.id));
}

bool at_top_of_ladder(const Exercise& exercise, int level) {
  return level >= exercise.level_count() && !exercise.levels.back().move_to;
}

std::optional<LevelChange> step_up(const ContentLibrary& library, const RoutineItem& item,
                                   const ExerciseLevels& levels) {
  const auto chain = ladder_chain(library, must_find(library, item.exercise), levels);
  const Exercise& played = *chain.back();
  const int level = clamped_level(levels, played);
  if (level >= played.level_count()) return std::nullopt;
  return change_to(library, item, levels, played, level + 1);
}

std::optional<LevelChange> step_back(const ContentLibrary& library, const RoutineItem& item,
                                     const ExerciseLevels& levels) {
  const auto chain = ladder_chain(library, must_find(library, item.exercise), levels);
  const Exercise& played = *chain.back();
  const int level = clamped_level(levels, played);
  if (level > 1) return change_to(library, item, levels, played, level - 1);
  if (chain.size() == 1) return std::nullopt;
  // At the bottom of the harder exercise: back to the rung below the one that moved on.
  const Exercise& before = *chain[chain.size() - 2];
  return change_to(library, item, levels, before, clamped_level(levels, before) - 1);
}

LevelChange set_level(const ContentLibrary& library, const Exercise& exercise, int level,
                      const ExerciseLevels& levels) {
  const int from = clamped_level(levels, exercise);
  ExerciseLevels after = levels;
  after[exercise.id] = level;
  const RoutineItem item{exercise.id, {}, {}};
  return LevelChange{exercise.id, from, level,
                     from == level ? fmt::format("{}: stays at level {}", exercise.name, level)
                                   : describe(library, item, levels, after)};
}

std::string dose_change(const Dose& from, const Dose& to) {
  std::vector<std::string> parts;
  const auto part = [&](int a, int b, std::string_view what, std::string_view unit) {
    if (a == b) return;
    parts.push_back(parts.empty() ? fmt::format("{} go from {} to {}{}", what, a, b, unit)
                                  : fmt::format("{} from {} to {}{}", what, a, b, unit));
  };
  if (from.mode() != to.mode()) return "";
  switch (to.mode()) {
    case DoseMode::timed:
      part(from.minutes, to.minutes, "minutes", "");
      break;
    case DoseMode::holds:
      part(from.hold_seconds, to.hold_seconds, "holds", " s");
      part(from.reps, to.reps, "holds per set", "");
      break;
    case DoseMode::reps:
      part(from.reps, to.reps, "reps", "");
      break;
  }
  part(from.sets, to.sets, "sets", "");
  if (from.tempo != to.tempo) {
    parts.push_back(
        fmt::format("{} from {} to {}", parts.empty() ? "tempo goes" : "tempo", from.tempo.text(), to.tempo.text()));
  }
  part(from.relax_seconds, to.relax_seconds, "pauses between holds", " s");
  part(from.rest_seconds, to.rest_seconds, "rests between sets", " s");
  if (parts.size() <= 1) return parts.empty() ? "" : parts.front();
  const std::string last = parts.back();
  parts.pop_back();
  return join(parts, ", ") + " and " + last;
}

}  // namespace daybreak
