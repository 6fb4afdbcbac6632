#include "exercise/vocabulary.hpp"

namespace daybreak {

ChoiceSet<MuscleGroup> groups_of(Muscle m) {
  switch (m) {
    case Muscle::iliopsoas:
    case Muscle::iliacus:
      return {MuscleGroup::hip_flexors};
    case Muscle::rectus_femoris:
      // One of the four quadriceps. It also flexes the hip, but the hip-flexor
      // group means iliopsoas and iliacus, as product.md names them.
      return {MuscleGroup::rectus_femoris, MuscleGroup::quadriceps};
    case Muscle::quadriceps:
      return {MuscleGroup::quadriceps};
    case Muscle::hamstrings:
      return {MuscleGroup::hamstrings};
    case Muscle::transversus_abdominis:
    case Muscle::rectus_abdominis:
    case Muscle::obliques:
      return {MuscleGroup::abdominals};
    case Muscle::multifidus:
    case Muscle::erector_spinae:
    case Muscle::quadratus_lumborum:
      return {MuscleGroup::deep_back};
    case Muscle::gluteus_maximus:
    case Muscle::gluteus_medius:
      return {MuscleGroup::gluteals};
    case Muscle::hip_rotators:
      return {MuscleGroup::hip_rotators};
  }
  return {};
}

ChoiceSet<Muscle> muscles_of(MuscleGroup g) {
  ChoiceSet<Muscle> out;
  for (std::size_t i = 0; i < choice_count<Muscle>(); ++i) {
    const auto m = static_cast<Muscle>(i);
    if (groups_of(m).contains(g)) out.insert(m);
  }
  return out;
}

std::string_view position_phrase(Position p) {
  switch (p) {
    case Position::in_bed:
      return "in bed";
    case Position::floor:
      return "on the floor";
    case Position::standing:
      return "standing";
    case Position::chair:
      return "on a chair";
  }
  return "";
}

}  // namespace daybreak
