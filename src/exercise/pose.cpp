#include "exercise/pose.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

namespace daybreak {
namespace {

// Parts closer than this to the lowest point rest on the surface too; the
// body's weight may fall this far beyond what supports it (the figure is a
// sketch, not a measurement).
constexpr double kContact = 0.03;
constexpr double kBalance = 0.06;
// A chair's seat is from 0.18 to 0.36 of standing height above the floor.
constexpr double kSeatLow = 0.18;
constexpr double kSeatHigh = 0.36;

// The unit vector of a direction in degrees: 0 up, 90 the way the figure faces
// (seen from the side) or to the viewer's right (from the front).
Point direction(double degrees) {
  const double r = degrees * std::numbers::pi / 180.0;
  return {std::sin(r), std::cos(r)};
}

Point step(Point from, double degrees, double length) {
  const Point d = direction(degrees);
  return {from.x + d.x * length, from.y + d.y * length};
}

// How thick each part is, for what touches the surface.
double radius(Part p, View view) {
  switch (p) {
    case Part::hip:
      return view == View::side ? kBody.trunk_radius : kBody.trunk_half_width - kBody.hip_width / 2;
    case Part::sacrum:
    case Part::waist:
    case Part::neck:
      return view == View::side ? kBody.trunk_radius : kBody.trunk_half_width;
    case Part::head:
      return kBody.head_radius;
    case Part::knee:
    case Part::elbow:
    case Part::shoulder:
      return kBody.limb_radius;
    case Part::ankle:
    case Part::hand:
      return 0.02;
    case Part::heel:
    case Part::toe:
      return 0.0;
  }
  return 0.0;
}

// Mass fractions of the body's segments (Winter, rounded), each at the middle
// of its two ends.
struct Segment {
  Part from;
  Part to;
  double mass;
  bool limb;
};
constexpr std::array<Segment, 9> kSegments = {{
    {Part::hip, Part::sacrum, 0.06, false},
    {Part::sacrum, Part::waist, 0.14, false},
    {Part::waist, Part::neck, 0.30, false},
    {Part::head, Part::head, 0.081, false},
    {Part::hip, Part::knee, 0.10, true},
    {Part::knee, Part::ankle, 0.0465, true},
    {Part::heel, Part::toe, 0.0145, true},
    {Part::shoulder, Part::elbow, 0.028, true},
    {Part::elbow, Part::hand, 0.022, true},
}};

// The figure before it is placed: hip at the origin.
Figure raw_figure(const Pose& pose, View view) {
  Figure f;
  f.head_radius = kBody.head_radius;
  const auto put = [&](Part p, int side, Point at) {
    f.points[static_cast<std::size_t>(p)][static_cast<std::size_t>(side)] = at;
  };
  const auto put_both = [&](Part p, Point at) {
    put(p, 0, at);
    put(p, 1, at);
  };
  const double pelvis = pose.angle(Joint::pelvis);
  const double lumbar = pelvis + pose.angle(Joint::lumbar);
  const double thoracic = lumbar + pose.angle(Joint::thoracic);
  const Point centre{0, 0};
  const Point sacrum = step(centre, pelvis, kBody.pelvis);
  const Point waist = step(sacrum, lumbar, kBody.lumbar);
  const Point neck = step(waist, thoracic, kBody.thoracic);
  put_both(Part::sacrum, sacrum);
  put_both(Part::waist, waist);
  put_both(Part::neck, neck);
  put_both(Part::head, step(neck, thoracic + pose.angle(Joint::head), kBody.neck_to_head));
  for (int i = 0; i < 2; ++i) {
    const bool far = i == 1;
    // Seen from the front the near limbs are mirrored: out to the side is away from the middle.
    const double s = view == View::front && !far ? -1.0 : 1.0;
    const Point hip = view == View::side ? centre : step(centre, pelvis + 90, s * kBody.hip_width / 2);
    const double thigh = pelvis + 180 - s * pose.angle(Joint::hip, far);
    // Seen from the front a bent knee is drawn folding the same way on both
    // legs, as it would for a figure lying on its side.
    const double shank = thigh + (view == View::front ? -1.0 : 1.0) * pose.angle(Joint::knee, far);
    const double foot = shank - s * (90 + pose.angle(Joint::ankle, far));
    const Point knee = step(hip, thigh, kBody.thigh);
    const Point ankle = step(knee, shank, kBody.shank);
    const Point heel = step(ankle, shank, kBody.heel);
    put(Part::hip, i, hip);
    put(Part::knee, i, knee);
    put(Part::ankle, i, ankle);
    put(Part::heel, i, heel);
    put(Part::toe, i, step(heel, foot, view == View::side ? kBody.foot : kBody.foot_front));
    const Point shoulder = view == View::side ? neck : step(neck, thoracic + 90, s * kBody.shoulder_width / 2);
    const double arm = thoracic + 180 - s * pose.angle(Joint::shoulder, far);
    const double forearm = arm - s * pose.angle(Joint::elbow, far);
    const Point elbow = step(shoulder, arm, kBody.upper_arm);
    put(Part::shoulder, i, shoulder);
    put(Part::elbow, i, elbow);
    put(Part::hand, i, step(elbow, forearm, kBody.forearm));
  }
  return f;
}

Point centre_of_mass(const Figure& f) {
  Point sum;
  double mass = 0;
  for (const Segment& s : kSegments) {
    for (int i = 0; i < (s.limb ? 2 : 1); ++i) {
      const Point a = f.at(s.from, i == 1);
      const Point b = f.at(s.to, i == 1);
      sum.x += s.mass * (a.x + b.x) / 2;
      sum.y += s.mass * (a.y + b.y) / 2;
      mass += s.mass;
    }
  }
  return {sum.x / mass, sum.y / mass};
}

// Each part's points with its thickness, trunk parts once.
template <class F>
void each_point(const Figure& f, View view, F&& visit) {
  for (std::size_t p = 0; p < kPartCount; ++p) {
    const auto part = static_cast<Part>(p);
    const bool two = part == Part::hip ? view == View::front : part >= Part::knee;
    for (int i = 0; i < (two ? 2 : 1); ++i) visit(part, f.points[p][static_cast<std::size_t>(i)], radius(part, view));
  }
}

bool is_foot(Part p) { return p == Part::heel || p == Part::toe || p == Part::ankle; }
bool is_arm(Part p) { return p == Part::elbow || p == Part::hand; }

std::string list_parts(const std::vector<Part>& parts) {
  std::vector<std::string_view> names;
  for (Part p : parts) {
    if (std::find(names.begin(), names.end(), name_of(p)) == names.end()) names.push_back(name_of(p));
  }
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + std::string(names[i]);
  return out;
}

}  // namespace

JointRange joint_range(Joint j, View view) {
  const bool side = view == View::side;
  switch (j) {
    case Joint::pelvis:
      return {-180, 180, "the tilt of the pelvis from upright, forward positive"};
    case Joint::lumbar:
      return side ? JointRange{-30, 60, "lumbar flexion, extension negative"}
                  : JointRange{-30, 30, "lumbar side bending"};
    case Joint::thoracic:
      return side ? JointRange{-25, 50, "thoracic flexion, extension negative"}
                  : JointRange{-30, 30, "thoracic side bending"};
    case Joint::head:
      return side ? JointRange{-60, 60, "neck flexion, extension negative"} : JointRange{-40, 40, "neck side bending"};
    case Joint::hip:
      return side ? JointRange{-30, 135, "hip flexion, extension negative"}
                  : JointRange{-30, 60, "hip abduction, out to the side; adduction negative"};
    case Joint::knee:
      return {0, 150, "knee flexion, from straight"};
    case Joint::ankle:
      return side ? JointRange{-70, 30,
                               "ankle dorsiflexion, pointing the foot negative (about -70 for a foot lying flat behind "
                               "a kneeling figure)"}
                  : JointRange{-30, 30, "foot turned out"};
    case Joint::shoulder:
      return side ? JointRange{-60, 180, "shoulder flexion (arm forward and up), extension negative"}
                  : JointRange{-30, 180, "shoulder abduction (arm out to the side and up)"};
    case Joint::elbow:
      return {0, 150, "elbow flexion, from straight"};
  }
  return {0, 0, ""};
}

Figure figure_of(const Pose& pose, View view, Surface surface) {
  Figure f = raw_figure(pose, view);
  double lowest = 1e9;
  each_point(f, view, [&](Part, Point at, double r) { lowest = std::min(lowest, at.y - r); });
  for (auto& part : f.points) {
    for (Point& p : part) p.y -= lowest;
  }
  f.centre_of_mass = centre_of_mass(f);
  if (surface == Surface::chair) {
    const double seat = std::min(f.at(Part::hip).y, f.at(Part::hip, true).y) - radius(Part::hip, view);
    f.seat_height = seat >= kSeatLow && seat <= kSeatHigh ? seat : kBody.seat_height;
  }
  if (surface == Surface::wall) {
    double front = -1e9;
    each_point(f, view, [&](Part, Point at, double r) { front = std::max(front, at.x + r); });
    f.wall_x = front;
  }
  return f;
}

std::optional<PoseProblem> check_support(const Pose& pose, View view, Surface surface) {
  const Figure f = figure_of(pose, view, surface);
  std::vector<Part> on_floor;
  double lo = 1e9;
  double hi = -1e9;
  const auto support = [&](double x) {
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  };
  each_point(f, view, [&](Part p, Point at, double r) {
    if (at.y - r > kContact) return;
    on_floor.push_back(p);
    support(at.x);
  });
  bool sitting = false;
  if (surface == Surface::chair) {
    for (int i = 0; i < 2; ++i) {
      const Point hip = f.at(Part::hip, i == 1);
      const double seat = hip.y - radius(Part::hip, view);
      if (seat >= kSeatLow && seat <= kSeatHigh) {
        sitting = true;
        support(hip.x);
      }
    }
  }
  std::vector<Part> on_wall;
  if (f.wall_x) {
    each_point(f, view, [&](Part p, Point at, double r) {
      if (at.x + r < *f.wall_x - kContact) return;
      on_wall.push_back(p);
      support(at.x);
    });
  }

  const std::string touching = "touching the floor: " + list_parts(on_floor);
  const bool upright = surface == Surface::standing || surface == Surface::wall || surface == Surface::chair;
  if (upright && !std::all_of(on_floor.begin(), on_floor.end(), is_foot)) {
    return PoseProblem{touching, fmt::format("a figure on its feet ({}): only the feet touch the floor{}",
                                             name_of(surface), sitting ? ", with the hips on the seat" : "")};
  }
  if (surface == Surface::chair && !sitting && on_floor.empty()) {
    return PoseProblem{touching,
                       "a figure sitting on the chair (hips on the seat, feet on the floor) or standing by it"};
  }
  if (surface == Surface::wall && !std::any_of(on_wall.begin(), on_wall.end(), is_arm)) {
    return PoseProblem{"touching the wall: " + list_parts(on_wall),
                       "a figure leaning on the wall in front of it with a forearm or a hand"};
  }
  if ((surface == Surface::bed || surface == Surface::floor) && on_floor.size() < 2) {
    return PoseProblem{touching, fmt::format("a figure resting on the {} on at least two parts", name_of(surface))};
  }
  const double x = f.centre_of_mass.x;
  if (x < lo - kBalance || x > hi + kBalance) {
    return PoseProblem{
        fmt::format("the body's weight at {:.2f}, supported from {:.2f} to {:.2f} ({})", x, lo, hi, touching),
        "a figure with its weight over what it rests on: it would topple"};
  }
  return std::nullopt;
}

Pose interpolate(const Pose& a, const Pose& b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  Pose out;
  for (std::size_t i = 0; i < kJointCount; ++i) {
    out.near[i] = a.near[i] + (b.near[i] - a.near[i]) * t;
    out.far[i] = a.far[i] + (b.far[i] - a.far[i]) * t;
  }
  return out;
}

Pose pose_along(const std::vector<Pose>& poses, double t) {
  if (poses.size() == 1) return poses.front();
  const double moves = static_cast<double>(poses.size() - 1);
  const double at = std::clamp(t, 0.0, 1.0) * moves;
  const auto from = std::min(static_cast<std::size_t>(at), poses.size() - 2);
  return interpolate(poses[from], poses[from + 1], at - static_cast<double>(from));
}

std::vector<Joint> moving_joints(const Pose& a, const Pose& b) {
  std::vector<Joint> out;
  for (std::size_t i = 0; i < kJointCount; ++i) {
    if (std::abs(a.near[i] - b.near[i]) > 5 || std::abs(a.far[i] - b.far[i]) > 5) out.push_back(static_cast<Joint>(i));
  }
  return out;
}

}  // namespace daybreak
