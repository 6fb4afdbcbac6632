// The exercise's stick figure as a standalone SVG document: its poses side by
// side on their surface, the joints that move highlighted. The same drawing as
// the web app's (web/src/components/figure.tsx), for `daybreak exercise show
// --svg` and the content authors' guide.
#pragma once

#include <string>

#include "exercise/exercise.hpp"

namespace daybreak {

// The segments of a figure, far side first so that the near side is drawn
// over it; each with the joint whose movement moves it.
struct FigureSegment {
  std::string name;  // "thigh-near", "lumbar", ...
  Point from;
  Point to;
  Joint joint;
  bool far = false;
};
[[nodiscard]] std::vector<FigureSegment> figure_segments(const Figure& figure, View view);

[[nodiscard]] std::string figure_svg(const Exercise& exercise);

}  // namespace daybreak
