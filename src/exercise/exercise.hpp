// One exercise of the library: what it is, how to do it, what to watch for,
// and its dose ladder. Read from content files; see docs/content-authoring.md.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "exercise/dose.hpp"
#include "exercise/pose.hpp"
#include "exercise/vocabulary.hpp"

namespace daybreak {

// Shown with every exercise and before every session (clinical.md "The
// program's content"; clinical-facts.md 10.3 "General stop/avoid").
inline constexpr std::string_view kClinicianApprovedNotice =
    "If you have osteoporosis, a known fracture, recent spinal surgery, or are pregnant: "
    "clinician-approved program only.";

// One rung of the dose ladder. Level 1 is the exercise's default dose; each
// level above changes some of the dose. The top rung may instead move the
// person on to another exercise (usually the harder variant).
struct DoseLevel {
  Dose dose;                           // the whole dose at this level
  std::optional<std::string> move_to;  // at this level, do that exercise instead
};

struct Exercise {
  std::string id;  // lower-case letters, digits and '_', e.g. "bird_dog"
  std::string name;
  std::string summary;  // one sentence: what it is for
  ExerciseKind kind = ExerciseKind::mobility;
  Position position = Position::floor;
  Sides sides = Sides::both;
  ChoiceSet<Muscle> muscles;
  ChoiceSet<ExerciseTag> tags;
  std::vector<std::string> steps;     // how to do it, in order
  std::vector<std::string> cues;      // short reminders while doing it
  std::vector<std::string> cautions;  // when to change or stop it
  std::optional<std::string> easier;  // exercise ids
  std::optional<std::string> harder;
  std::vector<DoseLevel> levels;  // never empty; levels[0] holds the default dose
  std::string source;             // where the exercise and its dose come from
  // The figure: what it rests on, where it is seen from, and the poses the
  // movement passes through, start to end (at least two).
  Surface surface = Surface::floor;
  View view = View::side;
  std::vector<Pose> poses;

  [[nodiscard]] int level_count() const { return static_cast<int>(levels.size()); }
  // The level `level` (1-based), clamped to the ladder.
  [[nodiscard]] const DoseLevel& level(int n) const {
    return levels.at(static_cast<std::size_t>(std::clamp(n, 1, level_count()) - 1));
  }
  [[nodiscard]] bool has(ExerciseTag tag) const { return tags.contains(tag); }
  // The most the poses flex the lumbar spine (0 seen from the front, where the
  // lumbar angle is side bending), and the pose (0-based) that does.
  [[nodiscard]] std::pair<double, std::size_t> lumbar_flexion() const {
    std::pair<double, std::size_t> most{0.0, 0};
    if (view != View::side) return most;
    for (std::size_t i = 0; i < poses.size(); ++i) {
      if (poses[i].angle(Joint::lumbar) > most.first) most = {poses[i].angle(Joint::lumbar), i};
    }
    return most;
  }
};

}  // namespace daybreak
