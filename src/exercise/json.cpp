#include "exercise/json.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

template <class E>
Json names(const ChoiceSet<E>& set) {
  Json out = Json::array();
  set.for_each([&](E e) { out.push_back(name_of(e)); });
  return out;
}

template <class E>
E word(const Json& j, std::string_view key) {
  const auto text = j.at(std::string(key)).get<std::string>();
  const auto v = parse_choice<E>(text);
  if (!v) throw std::invalid_argument(fmt::format("{}: '{}' is not a {}", key, text, Vocabulary<E>::kind));
  return *v;
}

int whole(const Json& j, std::string_view key, int lo, int hi) {
  const int v = j.at(std::string(key)).get<int>();
  if (v < lo || v > hi) throw std::invalid_argument(fmt::format("{}: {} is not from {} to {}", key, v, lo, hi));
  return v;
}

Dose dose_from_json(const Json& j) {
  Dose d;
  d.sets = whole(j, "sets", 1, 100);
  d.reps = whole(j, "reps", 0, 1000);
  d.hold_seconds = whole(j, "hold_seconds", 0, 3600);
  d.minutes = whole(j, "minutes", 0, 600);
  const auto tempo = Tempo::parse(j.at("tempo").get<std::string>());
  if (!tempo) throw std::invalid_argument("tempo: not written like 2-1-2");
  d.tempo = *tempo;
  d.relax_seconds = whole(j, "relax_seconds", 0, 3600);
  d.rest_seconds = whole(j, "rest_seconds", 0, 3600);
  return d;
}

}  // namespace

Json dose_to_json(const Dose& dose) {
  static constexpr std::array<std::string_view, 3> kModes = {"reps", "holds", "timed"};
  return Json{{"mode", kModes[static_cast<std::size_t>(dose.mode())]},
              {"sets", dose.sets},
              {"reps", dose.reps},
              {"hold_seconds", dose.hold_seconds},
              {"minutes", dose.minutes},
              {"tempo", dose.tempo.text()},
              {"relax_seconds", dose.relax_seconds},
              {"rest_seconds", dose.rest_seconds}};
}

Json figure_to_json(const Exercise& e) {
  Json poses = Json::array();
  for (const Pose& p : e.poses) {
    Json pose = Json::object();
    for (std::size_t i = 0; i < kJointCount; ++i) {
      const auto j = static_cast<Joint>(i);
      pose[std::string(name_of(j))] = is_limb(j) ? Json::array({p.angle(j), p.angle(j, true)}) : Json(p.angle(j));
    }
    poses.push_back(std::move(pose));
  }
  Json moving = Json::array();
  if (!e.poses.empty()) {
    for (const Joint j : moving_joints(e.poses.front(), e.poses.back())) moving.push_back(name_of(j));
  }
  return Json{{"surface", name_of(e.surface)},
              {"view", name_of(e.view)},
              {"poses", std::move(poses)},
              {"moving", std::move(moving)}};
}

Json exercise_to_json(const Exercise& e) {
  Json levels = Json::array();
  for (std::size_t i = 0; i < e.levels.size(); ++i) {
    const DoseLevel& l = e.levels[i];
    Json level{{"level", i + 1}};
    if (l.move_to) {
      level["move_to"] = *l.move_to;
    } else {
      level["dose"] = dose_to_json(l.dose);
      level["text"] = describe_dose(l.dose, e.sides);
    }
    levels.push_back(std::move(level));
  }
  Json out{{"id", e.id},
           {"name", e.name},
           {"summary", e.summary},
           {"kind", name_of(e.kind)},
           {"position", name_of(e.position)},
           {"sides", name_of(e.sides)},
           {"muscles", names(e.muscles)},
           {"tags", names(e.tags)},
           {"steps", e.steps},
           {"cues", e.cues},
           {"cautions", e.cautions},
           {"notice", kClinicianApprovedNotice},
           {"easier", e.easier ? Json(*e.easier) : Json(nullptr)},
           {"harder", e.harder ? Json(*e.harder) : Json(nullptr)},
           {"dose", dose_to_json(e.levels.front().dose)},
           {"levels", std::move(levels)},
           {"source", e.source},
           {"figure", figure_to_json(e)}};
  return out;
}

Json exercise_uses_to_json(std::string_view id, const ContentLibrary& library) {
  Json uses = Json::array();
  for (const Program& p : library.programs()) {
    const auto add = [&](const Routine& r, const Stage* stage) {
      if (std::ranges::none_of(r.items, [&](const RoutineItem& i) { return i.exercise == id; })) return;
      uses.push_back(Json{{"program", p.id},
                          {"stage", stage != nullptr ? Json(stage->number) : Json(nullptr)},
                          {"stage_name", stage != nullptr ? Json(stage->name) : Json(nullptr)},
                          {"routine", name_of(r.kind)},
                          {"title", r.title}});
    };
    for (const Stage& s : p.stages) {
      add(s.morning, &s);
      add(s.evening, &s);
    }
    add(p.flare, nullptr);
  }
  return uses;
}

Json routine_to_json(const Routine& routine, const ContentLibrary& library) {
  Json items = Json::array();
  for (const auto& item : routine.items) {
    const Exercise* e = library.exercise(item.exercise);
    Json j{{"exercise", item.exercise}, {"name", e != nullptr ? e->name : item.exercise}};
    if (!item.note.empty()) j["note"] = item.note;
    if (!item.dose.empty()) {
      Json fixed = Json::object();
      const auto put = [&](std::string_view key, const std::optional<int>& v) {
        if (v) fixed[std::string(key)] = *v;
      };
      put("sets", item.dose.sets);
      put("reps", item.dose.reps);
      put("hold_seconds", item.dose.hold_seconds);
      put("minutes", item.dose.minutes);
      if (item.dose.tempo) fixed["tempo"] = item.dose.tempo->text();
      put("relax_seconds", item.dose.relax_seconds);
      put("rest_seconds", item.dose.rest_seconds);
      j["dose"] = std::move(fixed);
    }
    items.push_back(std::move(j));
  }
  return Json{{"routine", name_of(routine.kind)},
              {"title", routine.title},
              {"intro", routine.intro},
              {"items", std::move(items)}};
}

Json program_to_json(const Program& program, const ContentLibrary& library) {
  Json stages = Json::array();
  for (const Stage& s : program.stages) {
    Json stage{{"number", s.number}, {"name", s.name}, {"goal", s.goal}};
    stage["morning"] = routine_to_json(s.morning, library);
    stage["evening"] = routine_to_json(s.evening, library);
    stage["exit"] = s.exit ? Json{{"min_days", s.exit->min_days},
                                  {"top_level_sessions", s.exit->top_level_sessions},
                                  {"description", s.exit->description}}
                           : Json(nullptr);
    stages.push_back(std::move(stage));
  }
  return Json{{"id", program.id},
              {"name", program.name},
              {"summary", program.summary},
              {"stages", std::move(stages)},
              {"flare", routine_to_json(program.flare, library)}};
}

Json plan_to_json(const SessionPlan& plan) {
  Json exercises = Json::array();
  for (const auto& e : plan.exercises) {
    exercises.push_back(Json{{"id", e.id},
                             {"name", e.name},
                             {"kind", name_of(e.kind)},
                             {"position", name_of(e.position)},
                             {"sides", name_of(e.sides)},
                             {"level", e.level},
                             {"levels", e.levels},
                             {"instead_of", e.instead_of ? Json(*e.instead_of) : Json(nullptr)},
                             {"dose", dose_to_json(e.dose)},
                             {"dose_text", describe_dose(e.dose, e.sides)},
                             {"note", e.note},
                             {"instructions", e.instructions},
                             {"first_step", e.first_step},
                             {"step_count", e.step_count}});
  }
  Json steps = Json::array();
  for (const auto& s : plan.steps) {
    steps.push_back(Json{{"exercise", s.exercise},
                         {"type", name_of(s.type)},
                         {"side", name_of(s.side)},
                         {"set", s.set},
                         {"sets", s.sets},
                         {"rep", s.rep},
                         {"reps", s.reps},
                         {"seconds", s.seconds},
                         {"rep_seconds", s.rep_seconds},
                         {"cue", s.cue}});
  }
  return Json{{"format", kPlanFormat},
              {"program", plan.program_id},
              {"program_name", plan.program_name},
              {"stage", plan.stage},
              {"routine", name_of(plan.routine)},
              {"title", plan.title},
              {"intro", plan.intro},
              {"total_seconds", plan.total_seconds()},
              {"work_steps", plan.work_steps()},
              {"exercises", std::move(exercises)},
              {"steps", std::move(steps)}};
}

Result<SessionPlan, std::string> plan_from_json(const Json& j) {
  try {
    if (j.at("format").get<std::string>() != kPlanFormat) return fail(fmt::format("format: not {}", kPlanFormat));
    SessionPlan plan;
    plan.program_id = j.at("program").get<std::string>();
    plan.program_name = j.at("program_name").get<std::string>();
    plan.stage = whole(j, "stage", 1, 100);
    plan.routine = word<RoutineKind>(j, "routine");
    plan.title = j.at("title").get<std::string>();
    plan.intro = j.at("intro").get<std::string>();
    for (const auto& e : j.at("exercises")) {
      PlanExercise x;
      x.id = e.at("id").get<std::string>();
      x.name = e.at("name").get<std::string>();
      x.kind = word<ExerciseKind>(e, "kind");
      x.position = word<Position>(e, "position");
      x.sides = word<Sides>(e, "sides");
      x.level = whole(e, "level", 1, 100);
      x.levels = whole(e, "levels", 1, 100);
      if (!e.at("instead_of").is_null()) x.instead_of = e.at("instead_of").get<std::string>();
      x.dose = dose_from_json(e.at("dose"));
      x.note = e.at("note").get<std::string>();
      x.instructions = e.at("instructions").get<std::vector<std::string>>();
      x.first_step = e.at("first_step").get<std::size_t>();
      x.step_count = e.at("step_count").get<std::size_t>();
      plan.exercises.push_back(std::move(x));
    }
    for (const auto& s : j.at("steps")) {
      PlanStep x;
      x.exercise = s.at("exercise").get<std::size_t>();
      if (x.exercise >= plan.exercises.size())
        return fail(fmt::format("steps[{}].exercise: {} names no exercise", plan.steps.size(), x.exercise));
      x.type = word<StepType>(s, "type");
      x.side = word<Side>(s, "side");
      x.set = whole(s, "set", 0, 100);
      x.sets = whole(s, "sets", 0, 100);
      x.rep = whole(s, "rep", 0, 1000);
      x.reps = whole(s, "reps", 0, 1000);
      x.seconds = whole(s, "seconds", 1, 24 * 3600);
      x.rep_seconds = whole(s, "rep_seconds", 0, 3600);
      x.cue = s.at("cue").get<std::string>();
      plan.steps.push_back(std::move(x));
    }
    for (const auto& e : plan.exercises) {
      if (e.first_step + e.step_count > plan.steps.size())
        return fail(fmt::format("exercise {}: its steps run past the end of the plan", e.id));
    }
    return plan;
  } catch (const std::exception& e) {
    return fail(std::string(e.what()));
  }
}

}  // namespace daybreak
