// The closed word lists of the exercise program: kinds, positions, muscles,
// tags, sides, routines, step types and stop reasons (see domain/choices.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "domain/choices.hpp"

namespace daybreak {

// What an exercise does. `aerobic` (walking) is not in product.md's list of
// four, but clinical.md puts walking in every morning and it is dosed in
// minutes, not in reps or holds.
enum class ExerciseKind : std::uint8_t { stretch, mobility, activation, strength, aerobic };

enum class Position : std::uint8_t { in_bed, floor, standing, chair };

// Target muscles. Groups (below) gather them for `--muscle` and for the
// library's coverage rule.
enum class Muscle : std::uint8_t {
  iliopsoas,
  iliacus,
  rectus_femoris,
  quadriceps,
  hamstrings,
  transversus_abdominis,
  rectus_abdominis,
  obliques,
  multifidus,
  erector_spinae,
  quadratus_lumborum,
  gluteus_maximus,
  gluteus_medius,
  hip_rotators,
};

// The muscle groups that morning back pain involves (product.md section 2):
// the built-in library must have at least two exercises for each.
enum class MuscleGroup : std::uint8_t {
  hip_flexors,  // iliopsoas and iliacus
  abdominals,
  rectus_femoris,
  quadriceps,
  hamstrings,
  deep_back,  // multifidus and erector spinae
  gluteals,
  hip_rotators,
};

// Facts about a movement that rules look at.
enum class ExerciseTag : std::uint8_t {
  flexion_load,  // loaded or end-range lumbar flexion: never in the first two hours after waking
  extension,     // lumbar extension: a caution for stenosis and facet pain
  rotation,      // trunk twisting: a caution with osteoporosis
  balance,       // needs something to hold on to
};

// How an exercise uses the two sides of the body.
enum class Sides : std::uint8_t {
  both,       // symmetrical, no sides (pelvic tilt)
  each,       // all of one side, then the other (hamstring stretch)
  alternate,  // left and right in turn (bird-dog, heel slides)
};

enum class Side : std::uint8_t { none, left, right, alternating };

enum class RoutineKind : std::uint8_t { morning, evening, flare };

// The kinds of steps in an expanded session plan. reps, hold and timed are work.
enum class StepType : std::uint8_t { ready, reps, hold, timed, relax, switch_sides, rest };

enum class StopReason : std::uint8_t { pain, time, other };

template <>
struct Vocabulary<ExerciseKind> {
  static constexpr std::string_view kind = "exercise kind";
  static constexpr std::array<std::string_view, 5> names = {"stretch", "mobility", "activation", "strength", "aerobic"};
};
template <>
struct Vocabulary<Position> {
  static constexpr std::string_view kind = "position";
  static constexpr std::array<std::string_view, 4> names = {"in_bed", "floor", "standing", "chair"};
};
template <>
struct Vocabulary<Muscle> {
  static constexpr std::string_view kind = "muscle";
  static constexpr std::array<std::string_view, 14> names = {"iliopsoas",          "iliacus",
                                                             "rectus_femoris",     "quadriceps",
                                                             "hamstrings",         "transversus_abdominis",
                                                             "rectus_abdominis",   "obliques",
                                                             "multifidus",         "erector_spinae",
                                                             "quadratus_lumborum", "gluteus_maximus",
                                                             "gluteus_medius",     "hip_rotators"};
};
template <>
struct Vocabulary<MuscleGroup> {
  static constexpr std::string_view kind = "muscle group";
  static constexpr std::array<std::string_view, 8> names = {"hip_flexors", "abdominals",  "rectus_femoris",
                                                            "quadriceps",  "hamstrings",  "deep_back",
                                                            "gluteals",    "hip_rotators"};
};
template <>
struct Vocabulary<ExerciseTag> {
  static constexpr std::string_view kind = "tag";
  static constexpr std::array<std::string_view, 4> names = {"flexion_load", "extension", "rotation", "balance"};
};
template <>
struct Vocabulary<Sides> {
  static constexpr std::string_view kind = "sides";
  static constexpr std::array<std::string_view, 3> names = {"both", "each", "alternate"};
};
template <>
struct Vocabulary<Side> {
  static constexpr std::string_view kind = "side";
  static constexpr std::array<std::string_view, 4> names = {"none", "left", "right", "alternating"};
};
template <>
struct Vocabulary<RoutineKind> {
  static constexpr std::string_view kind = "routine";
  static constexpr std::array<std::string_view, 3> names = {"morning", "evening", "flare"};
};
template <>
struct Vocabulary<StepType> {
  static constexpr std::string_view kind = "step type";
  static constexpr std::array<std::string_view, 7> names = {"ready", "reps",         "hold", "timed",
                                                            "relax", "switch_sides", "rest"};
};
template <>
struct Vocabulary<StopReason> {
  static constexpr std::string_view kind = "stop reason";
  static constexpr std::array<std::string_view, 3> names = {"pain", "time", "other"};
};

// The group a muscle belongs to. Rectus femoris is also a hip flexor and a
// quadriceps muscle: it counts for all three.
[[nodiscard]] ChoiceSet<MuscleGroup> groups_of(Muscle m);
// Every muscle of a group.
[[nodiscard]] ChoiceSet<Muscle> muscles_of(MuscleGroup g);

[[nodiscard]] constexpr bool is_work(StepType t) {
  return t == StepType::reps || t == StepType::hold || t == StepType::timed;
}

// "in bed", "on the floor", "standing", "on a chair"
[[nodiscard]] std::string_view position_phrase(Position p);

}  // namespace daybreak
