#include "exercise/plan.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

namespace daybreak {
namespace {

// Appends the steps of one exercise to the plan.
class StepWriter {
 public:
  StepWriter(SessionPlan& plan, std::size_t exercise, const Exercise& source)
      : plan_(plan), index_(exercise), source_(source), ex_(plan.exercises[exercise]) {}

  void write(std::optional<Position> previous_position) {
    ex_.first_step = plan_.steps.size();
    const bool moved = previous_position && *previous_position != ex_.position;
    std::string ready_cue = !ex_.note.empty() ? ex_.note : ex_.instructions.empty() ? "" : ex_.instructions.front();
    push({.type = StepType::ready, .seconds = moved ? kReadyNewPositionSeconds : kReadySeconds, .cue = ready_cue});
    const Dose& d = ex_.dose;
    if (d.mode() == DoseMode::timed) {
      push({.type = StepType::timed, .set = 1, .sets = 1, .seconds = d.minutes * 60, .cue = next_cue()});
    } else {
      for (int set = 1; set <= d.sets; ++set) {
        if (d.mode() == DoseMode::reps) {
          write_reps(set);
        } else {
          write_holds(set);
        }
        if (set < d.sets && d.rest_seconds > 0) {
          push({.type = StepType::rest,
                .set = set,
                .sets = d.sets,
                .seconds = d.rest_seconds,
                .cue = fmt::format("Rest. Next: set {} of {}.", set + 1, d.sets)});
        }
      }
    }
    ex_.step_count = plan_.steps.size() - ex_.first_step;
  }

 private:
  void write_reps(int set) {
    const Dose& d = ex_.dose;
    const auto one_side = [&](Side side, int per_rep_factor) {
      push({.type = StepType::reps,
            .side = side,
            .set = set,
            .sets = d.sets,
            .reps = d.reps,
            .seconds = d.reps * d.tempo.seconds() * per_rep_factor,
            .rep_seconds = d.tempo.seconds(),
            .cue = next_cue()});
    };
    switch (ex_.sides) {
      case Sides::both:
        one_side(Side::none, 1);
        break;
      case Sides::alternate:
        one_side(Side::alternating, 2);
        break;
      case Sides::each:
        one_side(Side::left, 1);
        switch_sides(set, Side::right);
        one_side(Side::right, 1);
        break;
    }
  }

  void write_holds(int set) {
    const Dose& d = ex_.dose;
    // The order of holds in one set: all on one side then the other, or in turn.
    std::vector<std::pair<Side, int>> order;
    for (int rep = 1; rep <= d.reps; ++rep) {
      switch (ex_.sides) {
        case Sides::both:
          order.emplace_back(Side::none, rep);
          break;
        case Sides::alternate:
          order.emplace_back(Side::left, rep);
          order.emplace_back(Side::right, rep);
          break;
        case Sides::each:
          order.emplace_back(Side::left, rep);
          break;
      }
    }
    if (ex_.sides == Sides::each) {
      for (int rep = 1; rep <= d.reps; ++rep) order.emplace_back(Side::right, rep);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto [side, rep] = order[i];
      if (i > 0) {
        if (ex_.sides == Sides::each && side != order[i - 1].first) {
          switch_sides(set, side);
        } else if (d.relax_seconds > 0) {
          push({.type = StepType::relax,
                .side = order[i - 1].first,
                .set = set,
                .sets = d.sets,
                .seconds = d.relax_seconds,
                .cue = "Relax and breathe."});
        }
      }
      push({.type = StepType::hold,
            .side = side,
            .set = set,
            .sets = d.sets,
            .rep = rep,
            .reps = d.reps,
            .seconds = d.hold_seconds,
            .cue = next_cue()});
    }
  }

  void switch_sides(int set, Side to) {
    push({.type = StepType::switch_sides,
          .side = to,
          .set = set,
          .sets = ex_.dose.sets,
          .seconds = kSwitchSidesSeconds,
          .cue = fmt::format("Change sides: now the {} side.", name_of(to))});
  }

  // Cues take turns, so each step reminds of something else.
  std::string next_cue() {
    if (source_.cues.empty()) return "";
    return source_.cues[cue_++ % source_.cues.size()];
  }

  void push(PlanStep step) {
    step.exercise = index_;
    plan_.steps.push_back(std::move(step));
  }

  SessionPlan& plan_;
  std::size_t index_;
  const Exercise& source_;
  PlanExercise& ex_;
  std::size_t cue_ = 0;
};

const Exercise& must_find(const ContentLibrary& library, std::string_view id) {
  const Exercise* e = library.exercise(id);
  if (e == nullptr) throw std::logic_error(fmt::format("plan: unchecked content names no exercise '{}'", id));
  return *e;
}

}  // namespace

int SessionPlan::total_seconds() const {
  return std::accumulate(steps.begin(), steps.end(), 0, [](int sum, const PlanStep& s) { return sum + s.seconds; });
}

int SessionPlan::work_steps() const {
  return static_cast<int>(std::count_if(steps.begin(), steps.end(), [](const PlanStep& s) { return is_work(s.type); }));
}

int level_of(const ExerciseLevels& levels, std::string_view exercise_id) {
  const auto it = levels.find(exercise_id);
  return it == levels.end() ? 1 : it->second;
}

const Exercise& played_exercise(const ContentLibrary& library, const Exercise& exercise, const ExerciseLevels& levels) {
  const Exercise* e = &exercise;
  // The loader refuses cycles; the bound only guards against unchecked content.
  for (std::size_t hops = 0; hops <= library.exercises().size(); ++hops) {
    const DoseLevel& rung = e->level(level_of(levels, e->id));
    if (!rung.move_to) return *e;
    e = &must_find(library, *rung.move_to);
  }
  throw std::logic_error(fmt::format("plan: the ladder of '{}' moves on in a circle", exercise.id));
}

SessionPlan expand_plan(const ContentLibrary& library, const Program& program, int stage, RoutineKind kind,
                        const ExerciseLevels& levels) {
  SessionPlan plan;
  plan.program_id = program.id;
  plan.program_name = program.name;
  plan.stage = program.stage(stage).number;
  plan.routine = kind;
  const Routine& routine = program.routine(plan.stage, kind);
  plan.title = routine.title;
  plan.intro = routine.intro;

  std::optional<Position> previous;
  for (const RoutineItem& item : routine.items) {
    const Exercise& listed = must_find(library, item.exercise);
    const Exercise& e = played_exercise(library, listed, levels);
    const int level = std::clamp(level_of(levels, e.id), 1, e.level_count());
    PlanExercise pe{.id = e.id,
                    .name = e.name,
                    .kind = e.kind,
                    .position = e.position,
                    .sides = e.sides,
                    .level = level,
                    .levels = e.level_count(),
                    .instead_of = &e == &listed ? std::nullopt : std::optional<std::string>(listed.id),
                    .dose = item.dose.over(e.level(level).dose),
                    .note = item.note,
                    .instructions = e.steps};
    plan.exercises.push_back(std::move(pe));
    StepWriter(plan, plan.exercises.size() - 1, e).write(previous);
    previous = e.position;
  }
  return plan;
}

std::string_view side_words(Side side) {
  switch (side) {
    case Side::left:
      return "left side";
    case Side::right:
      return "right side";
    case Side::alternating:
      return "left and right in turn";
    case Side::none:
      return "";
  }
  return "";
}

namespace {

// The words of a step in lower case: "set 1 of 2, hold 3 of 8, left side".
std::string step_phrase(const PlanStep& step, std::optional<int> rep) {
  std::vector<std::string> parts;
  const auto set = [&] {
    if (step.sets > 1) parts.push_back(fmt::format("set {} of {}", step.set, step.sets));
  };
  switch (step.type) {
    case StepType::ready:
      return "get ready";
    case StepType::reps:
      set();
      parts.push_back(rep ? fmt::format("{} reps, rep {} of {}", step.reps, *rep, step.reps)
                          : fmt::format("{} reps", step.reps));
      break;
    case StepType::hold:
      if (step.reps == 1) {  // one hold a set: the sets count the holds
        parts.push_back(step.sets > 1 ? fmt::format("hold {} of {}", step.set, step.sets) : "hold");
        break;
      }
      set();
      parts.push_back(fmt::format("hold {} of {}", step.rep, step.reps));
      break;
    case StepType::timed:
      parts.push_back(fmt::format("{} minutes", step.seconds / 60));
      break;
    case StepType::relax:
      return "relax";
    case StepType::switch_sides:
      return step.side == Side::left || step.side == Side::right
                 ? fmt::format("change to the {}", side_words(step.side))
                 : "change sides";
    case StepType::rest:
      return fmt::format("rest before set {} of {}", step.set + 1, step.sets);
  }
  if (const auto side = side_words(step.side); !side.empty()) parts.emplace_back(side);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::string step_words(const PlanStep& step, std::optional<int> rep) {
  std::string words = step_phrase(step, rep);
  if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

std::string describe_step(const SessionPlan& plan, const PlanStep& step) {
  const PlanExercise& ex = plan.exercises.at(step.exercise);
  if (step.type == StepType::ready) return fmt::format("{}: get ready ({})", ex.name, position_phrase(ex.position));
  return fmt::format("{}: {}", ex.name, step_phrase(step, std::nullopt));
}

}  // namespace daybreak
