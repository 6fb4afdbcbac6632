#include "exercise/figure_svg.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

constexpr double kScale = 100;  // SVG units per standing height
constexpr double kPad = 0.06;
constexpr double kGap = 0.15;  // between poses

Point middle(Point a, Point b) { return {(a.x + b.x) / 2, (a.y + b.y) / 2}; }

struct Frame {
  double min_x = 1e9;
  double max_x = -1e9;
  double max_y = 0;
};

}  // namespace

std::vector<FigureSegment> figure_segments(const Figure& f, View view) {
  std::vector<FigureSegment> out;
  const Point pelvis = middle(f.at(Part::hip), f.at(Part::hip, true));
  for (const bool far : {true, false}) {
    const std::string side = far ? "far" : "near";
    out.push_back({"thigh-" + side, f.at(Part::hip, far), f.at(Part::knee, far), Joint::hip, far});
    out.push_back({"shank-" + side, f.at(Part::knee, far), f.at(Part::heel, far), Joint::knee, far});
    out.push_back({"foot-" + side, f.at(Part::heel, far), f.at(Part::toe, far), Joint::ankle, far});
    if (far) {
      out.push_back({"pelvis", pelvis, f.at(Part::sacrum), Joint::pelvis, false});
      out.push_back({"lumbar", f.at(Part::sacrum), f.at(Part::waist), Joint::lumbar, false});
      out.push_back({"thoracic", f.at(Part::waist), f.at(Part::neck), Joint::thoracic, false});
      out.push_back({"neck", f.at(Part::neck), f.at(Part::head), Joint::head, false});
    }
  }
  for (const bool far : {true, false}) {
    const std::string side = far ? "far" : "near";
    if (view == View::front) {
      out.push_back({"shoulders-" + side, f.at(Part::neck), f.at(Part::shoulder, far), Joint::thoracic, far});
      out.push_back({"hips-" + side, pelvis, f.at(Part::hip, far), Joint::pelvis, far});
    }
    out.push_back({"upper-arm-" + side, f.at(Part::shoulder, far), f.at(Part::elbow, far), Joint::shoulder, far});
    out.push_back({"forearm-" + side, f.at(Part::elbow, far), f.at(Part::hand, far), Joint::elbow, far});
  }
  return out;
}

std::string figure_svg(const Exercise& e) {
  std::vector<Figure> figures;
  Frame frame;
  for (const Pose& p : e.poses) {
    figures.push_back(figure_of(p, e.view, e.surface));
    for (const auto& part : figures.back().points) {
      for (const Point& pt : part) {
        frame.min_x = std::min(frame.min_x, pt.x - 0.1);
        frame.max_x = std::max(frame.max_x, pt.x + 0.1);
        frame.max_y = std::max(frame.max_y, pt.y + 0.1);
      }
    }
  }
  std::set<Joint> moving;
  if (!e.poses.empty()) {
    for (const Joint j : moving_joints(e.poses.front(), e.poses.back())) moving.insert(j);
  }
  const double width = frame.max_x - frame.min_x + kPad;
  const double total = static_cast<double>(figures.size()) * (width + kGap) - kGap + kPad;
  const double height = frame.max_y + kPad;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {:.0f} {:.0f}\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "role=\"img\" aria-labelledby=\"title desc\">\n"
      "<title id=\"title\">{}: {} poses, start to end</title>\n<desc id=\"desc\">{}</desc>\n"
      "<style>\n"
      "  .body line {{ stroke: #1d2230; stroke-width: 5; stroke-linecap: round; }}\n"
      "  .body line.far {{ stroke: #555b6c; opacity: 0.7; }}\n"
      "  .body .moving, .body line.far.moving {{ stroke: #a84c0c; }}\n"
      "  .body circle {{ fill: #ffffff; stroke: #1d2230; stroke-width: 4; }}\n"
      "  .body circle.moving {{ stroke: #a84c0c; }}\n"
      "  .surface {{ stroke: #b9b0a2; stroke-width: 3; fill: none; }}\n"
      "  .bed {{ fill: #ddd5c8; stroke: none; }}\n"
      "  @media (prefers-color-scheme: dark) {{\n"
      "    .body line {{ stroke: #eceae6; }} .body line.far {{ stroke: #a8aebd; }}\n"
      "    .body circle {{ fill: #1d2028; stroke: #eceae6; }}\n"
      "    .body .moving, .body line.far.moving {{ stroke: #f2a766; }}\n"
      "  }}\n"
      "</style>\n",
      total * kScale, height * kScale, total * kScale, height * kScale, xml_text(e.name), figures.size(),
      xml_text(join(e.steps, " ")));
  const double floor = frame.max_y * kScale + kPad * kScale / 2;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const Figure& f = figures[i];
    const double left = static_cast<double>(i) * (width + kGap) + kPad / 2 - frame.min_x;
    const auto x = [&](double v) { return (left + v) * kScale; };
    const auto y = [&](double v) { return floor - v * kScale; };
    out += fmt::format("<g class=\"pose\" data-pose=\"{}\">\n", i);
    const double x1 = x(frame.min_x);
    const double x2 = x(frame.max_x);
    if (e.surface == Surface::bed) {
      out += fmt::format("  <rect class=\"bed\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"6\" rx=\"3\"/>\n",
                         x1, floor, x2 - x1);
    } else {
      out += fmt::format("  <line class=\"surface\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n", x1,
                         floor, x2, floor);
    }
    if (e.surface == Surface::chair) {
      const double seat = y(f.seat_height);
      out += fmt::format("  <path class=\"surface\" d=\"M {:.1f} {:.1f} h {:.1f} M {:.1f} {:.1f} V {:.1f}\"/>\n",
                         x(-0.12), seat, 0.22 * kScale, x(-0.1), seat, floor);
    }
    if (f.wall_x) {
      out += fmt::format("  <line class=\"surface\" x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\"/>\n",
                         x(*f.wall_x) + 2, floor, x(*f.wall_x) + 2, floor - 1.05 * kScale);
    }
    out += "  <g class=\"body\">\n";
    for (const FigureSegment& s : figure_segments(f, e.view)) {
      out += fmt::format(
          "    <line data-part=\"{}\" class=\"{}{}\" x1=\"{:.2f}\" y1=\"{:.2f}\" x2=\"{:.2f}\" y2=\"{:.2f}\"/>\n",
          s.name, s.far ? "far" : "near", moving.contains(s.joint) ? " moving" : "", x(s.from.x), y(s.from.y),
          x(s.to.x), y(s.to.y));
    }
    const Point head = f.at(Part::head);
    out += fmt::format("    <circle data-part=\"head\"{} cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{:.1f}\"/>\n",
                       moving.contains(Joint::head) ? " class=\"moving\"" : "", x(head.x), y(head.y),
                       kBody.head_radius * kScale);
    out += "  </g>\n</g>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace daybreak
