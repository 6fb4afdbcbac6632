// The stick figure of an exercise: its poses as joint angles, the figure they
// draw (forward kinematics), and the rules a pose keeps. Values only; the
// loader reads poses from content, the web app and the handout draw them.
// docs/content-authoring.md "Poses" explains the model to authors.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/choices.hpp"

namespace daybreak {

// What the figure rests on. `chair` is a seat at knee height with the floor
// under it; `wall` is a wall in front of the figure, which stands on the floor.
enum class Surface : std::uint8_t { bed, floor, chair, wall, standing };

// `side`: seen from the person's left, facing right; `front`: facing the
// viewer, for movements to the side (side bridge, side-lying leg lift).
enum class View : std::uint8_t { side, front };

// The joints of the figure, from the pelvis outwards. `pelvis` is the tilt of
// the whole figure (the pelvis from upright, forward positive); the others
// are angles between two segments, flexion (or, seen from the front, bending
// to the figure's left and moving a limb out to the side) positive.
enum class Joint : std::uint8_t { pelvis, lumbar, thoracic, head, hip, knee, ankle, shoulder, elbow };
inline constexpr std::size_t kJointCount = 9;

template <>
struct Vocabulary<Surface> {
  static constexpr std::string_view kind = "surface";
  static constexpr std::array<std::string_view, 5> names = {"bed", "floor", "chair", "wall", "standing"};
};
template <>
struct Vocabulary<View> {
  static constexpr std::string_view kind = "view";
  static constexpr std::array<std::string_view, 2> names = {"side", "front"};
};
template <>
struct Vocabulary<Joint> {
  static constexpr std::string_view kind = "joint";
  static constexpr std::array<std::string_view, kJointCount> names = {"pelvis", "lumbar", "thoracic", "head", "hip",
                                                                      "knee",   "ankle",  "shoulder", "elbow"};
};

// True for hip, knee, ankle, shoulder and elbow, which a figure has two of.
[[nodiscard]] constexpr bool is_limb(Joint j) { return j >= Joint::hip; }

// Joint angles in degrees. Limb joints have a near and a far value (seen from
// the side: the left limb, nearest the viewer, then the right; seen from the
// front: the figure's right, on the viewer's left, then its left). Trunk
// joints keep one value, in `near`.
struct Pose {
  std::array<double, kJointCount> near{};
  std::array<double, kJointCount> far{};

  [[nodiscard]] double angle(Joint j, bool far_side = false) const {
    const auto i = static_cast<std::size_t>(j);
    return far_side && is_limb(j) ? far[i] : near[i];
  }
  void set(Joint j, double near_value, double far_value) {
    const auto i = static_cast<std::size_t>(j);
    near[i] = near_value;
    far[i] = is_limb(j) ? far_value : near_value;
  }
  bool operator==(const Pose&) const = default;
};

// The human range of a joint in a view, in degrees (clinical-facts-style
// normal ranges of motion, a little wider for the drawing): what the loader
// accepts.
struct JointRange {
  double lo;
  double hi;
  std::string_view meaning;  // for the author: "flexion from straight"
};
[[nodiscard]] JointRange joint_range(Joint j, View view);

// The morning rule read from the figure: lumbar flexion beyond this, seen from
// the side, is end-range flexion (an exercise showing it must be tagged
// flexion_load, and stays out of morning routines). Lumbar flexion is about
// 40 to 60 degrees in adults; a cat-camel kept short of the end stays under 30.
inline constexpr double kMorningLumbarFlexion = 30.0;

// The figure's points, in units of the standing figure's height (about 1),
// y up, placed so that the lowest part of the body rests at y = 0 and the
// hip is at x = 0 before placing.
struct Point {
  double x = 0;
  double y = 0;
};

// The points of the figure. For a limb, index 0 is near and 1 is far.
// `hip` is the hip joint (seen from the front, each side's); `sacrum` the
// lumbar spine's lower end, `waist` its upper end, `neck` the base of the neck.
enum class Part : std::uint8_t { hip, sacrum, waist, neck, head, knee, ankle, heel, toe, shoulder, elbow, hand };
inline constexpr std::size_t kPartCount = 12;
template <>
struct Vocabulary<Part> {
  static constexpr std::string_view kind = "body part";
  static constexpr std::array<std::string_view, kPartCount> names = {
      "hip", "sacrum", "waist", "neck", "head", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "hand"};
};

struct Figure {
  // Limb parts have two points (near, far); trunk parts repeat one point.
  std::array<std::array<Point, 2>, kPartCount> points{};
  double head_radius = 0;
  double seat_height = 0;        // the chair's seat above the floor, for `chair`
  std::optional<double> wall_x;  // where the wall is, for `wall`
  Point centre_of_mass;

  [[nodiscard]] Point at(Part p, bool far_side = false) const {
    return points[static_cast<std::size_t>(p)][far_side ? 1 : 0];
  }
};

// Segment lengths and thicknesses in units of standing height (after Winter's
// anthropometric tables, rounded).
struct BodyScale {
  double pelvis = 0.04;    // hip to sacrum
  double lumbar = 0.11;    // sacrum to waist
  double thoracic = 0.15;  // waist to neck
  double neck_to_head = 0.10;
  double head_radius = 0.065;
  double thigh = 0.245;
  double shank = 0.246;
  double heel = 0.04;  // ankle to sole
  double foot = 0.15;  // heel to toe, seen from the side
  double foot_front = 0.05;
  double upper_arm = 0.186;
  double forearm = 0.17;    // elbow to the palm
  double hip_width = 0.09;  // seen from the front
  double shoulder_width = 0.18;
  double trunk_radius = 0.055;    // half the trunk's depth, seen from the side
  double trunk_half_width = 0.1;  // seen from the front
  double limb_radius = 0.03;
  double seat_height = 0.24;  // a chair seat, drawn behind a figure standing by it
};
inline constexpr BodyScale kBody{};

// The figure of a pose, resting on its surface.
[[nodiscard]] Figure figure_of(const Pose& pose, View view, Surface surface);

// The pose `t` of the way (0 to 1) from `a` to `b`, joint by joint.
[[nodiscard]] Pose interpolate(const Pose& a, const Pose& b, double t);
// The pose `t` of the way through a sequence of poses (0: the first, 1: the last),
// each move between two poses taking an equal share. `poses` must not be empty.
[[nodiscard]] Pose pose_along(const std::vector<Pose>& poses, double t);

// What is wrong with how a pose rests on its surface, or nullopt. `value` says
// what the figure does, `allowed` what the surface needs.
struct PoseProblem {
  std::string value;
  std::string allowed;
};
[[nodiscard]] std::optional<PoseProblem> check_support(const Pose& pose, View view, Surface surface);

// The joints that move between two poses (by more than 5 degrees): the part
// of the body the player highlights.
[[nodiscard]] std::vector<Joint> moving_joints(const Pose& a, const Pose& b);

}  // namespace daybreak
