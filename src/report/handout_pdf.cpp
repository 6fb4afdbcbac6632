// Lays out the home-program handout: a title, then each routine with one
// block per exercise (its figure at the start and the end on the left, the
// words on the right), pages added as they fill; drawn with the report's
// Canvas and finished by its accessibility pass.
#include "report/handout_pdf.hpp"

#include <algorithm>
#include <array>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "exercise/figure_svg.hpp"
#include "report/pdf_canvas.hpp"

namespace daybreak {
namespace {

using namespace pdf;  // the shared PDF pieces (report/pdf_canvas.hpp)

constexpr double kFigureWidth = 168.0;  // both poses, side by side
constexpr double kFigureHeight = 60.0;
constexpr double kFigureGap = 8.0;
constexpr double kColumnGap = 12.0;
constexpr double kBlockGap = 10.0;
constexpr Rgb kFar{0.55, 0.56, 0.60};
constexpr Rgb kMoving{0.66, 0.30, 0.05};  // the web app's accent; darker than the far side in grey too
constexpr Rgb kPaper{1.0, 1.0, 1.0};

// The first and last poses side by side in a w x h box, on one scale, the
// joints that move between them in the accent colour.
void draw_figure(Canvas& c, const Exercise& e, double x, double y, double w, double h) {
  const std::array<Figure, 2> figures{figure_of(e.poses.front(), e.view, e.surface),
                                      figure_of(e.poses.back(), e.view, e.surface)};
  double min_x = 1e9;
  double max_x = -1e9;
  double max_y = 0;
  for (const Figure& f : figures) {
    for (const auto& part : f.points) {
      for (const Point& p : part) {
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y + kBody.head_radius);
      }
    }
  }
  std::set<Joint> moving;
  for (const Joint j : moving_joints(e.poses.front(), e.poses.back())) moving.insert(j);
  const double each = (w - kFigureGap) / 2;
  const double scale = std::min((each - 6) / (max_x - min_x + 2 * kBody.head_radius), (h - 6) / max_y);
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const double left = x + static_cast<double>(i) * (each + kFigureGap);
    const double origin = left + (each - (max_x - min_x) * scale) / 2 - min_x * scale;
    const double floor = y + h - 3;
    const auto px = [&](double v) { return origin + v * scale; };
    const auto py = [&](double v) { return floor - v * scale; };
    c.line(left, floor + 1.2, left + each, floor + 1.2, kRule, e.surface == Surface::bed ? 3.0 : 1.2);
    if (figures[i].wall_x) c.line(px(*figures[i].wall_x), floor, px(*figures[i].wall_x), y, kRule, 1.2);
    if (e.surface == Surface::chair) {
      const double seat = py(figures[i].seat_height);
      c.line(px(-0.12), seat, px(0.1), seat, kRule, 1.2);
      c.line(px(-0.1), seat, px(-0.1), floor, kRule, 1.2);
    }
    for (const FigureSegment& s : figure_segments(figures[i], e.view)) {
      const Rgb colour = moving.contains(s.joint) ? kMoving : s.far ? kFar : kInk;
      c.line(px(s.from.x), py(s.from.y), px(s.to.x), py(s.to.y), colour, s.far ? 1.8 : 2.2);
    }
    const Point head = figures[i].at(Part::head);
    const double r = kBody.head_radius * scale;
    c.dot(px(head.x), py(head.y), r, moving.contains(Joint::head) ? kMoving : kInk);
    c.dot(px(head.x), py(head.y), r - 1.6, kPaper);
  }
}

std::string figure_alt(const Exercise& e) {
  return fmt::format("{}, drawn at the start and at the end of the movement.", e.name);
}

struct BlockText {
  std::string text;
  Font font;
  const char* tag;
  Rgb colour;
};

std::vector<BlockText> block_texts(const HandoutExercise& x) {
  const Exercise& e = *x.exercise;
  std::vector<BlockText> out{{e.name, Font::bold, "H3", kInk}, {x.dose, Font::body, "P", kInk}};
  if (!x.note.empty()) out.push_back({x.note, Font::small, "P", kMuted});
  for (std::size_t i = 0; i < e.steps.size(); ++i) {
    out.push_back({fmt::format("{}. {}", i + 1, e.steps[i]), Font::small, "P", kInk});
  }
  for (const std::string& caution : e.cautions) out.push_back({"Take care: " + caution, Font::small, "P", kMuted});
  return out;
}

// One exercise: the figure on the left, the words on the right.
Piece exercise_piece(Canvas& c, const HandoutExercise& x, std::vector<std::string>& alts) {
  auto texts = std::make_shared<std::vector<BlockText>>(block_texts(x));
  const auto text_height = [&c, texts](double w) {
    double h = 0;
    for (const BlockText& t : *texts) h += c.text_height(t.text, t.font, w) + 1.5;
    return h;
  };
  return {[text_height](double w) { return std::max(kFigureHeight, text_height(w - kFigureWidth - kColumnGap)); },
          [&c, &x, &alts, texts](double px, double py, double w) {
            c.begin("Sect");
            c.begin("Figure");
            draw_figure(c, *x.exercise, px, py, kFigureWidth, kFigureHeight);
            c.end("Figure");
            alts.push_back(figure_alt(*x.exercise));
            const double tx = px + kFigureWidth + kColumnGap;
            const double tw = w - kFigureWidth - kColumnGap;
            double ty = py;
            for (const BlockText& t : *texts) ty += c.paragraph(tx, ty, tw, t.text, t.font, t.tag, t.colour) + 1.5;
            c.end("Sect");
          },
          kBlockGap};
}

// Pieces that stay on one page together (a routine's heading, its intro and
// its first exercise), as one piece.
Piece together(std::vector<Piece> parts) {
  auto shared = std::make_shared<std::vector<Piece>>(std::move(parts));
  const double gap = shared->front().gap_before;
  const auto height = [shared](double w) {
    double h = 0;
    for (std::size_t i = 0; i < shared->size(); ++i) h += (i ? (*shared)[i].gap_before : 0) + (*shared)[i].height(w);
    return h;
  };
  return {height,
          [shared](double x, double y, double w) {
            for (std::size_t i = 0; i < shared->size(); ++i) {
              Piece& p = (*shared)[i];
              if (i) y += p.gap_before;
              p.draw(x, y, w);
              y += p.height(w);
            }
          },
          gap};
}

Result<std::string, std::string> render(const Runtime& rt, const Handout& h, Paper paper, bool cjk) {
  Canvas c(rt, page_size(paper), h.title, h.made, cjk);
  const auto [x, width, bottom] = content_box(c.size());
  std::vector<std::string> alts;
  double y = begin_document(c, content_box(c.size()), h.title);
  std::vector<Piece> pieces;
  pieces.push_back(paragraph_piece(c, h.subtitle, Font::body, "P", kInk, 1));
  for (const HandoutRoutine& r : h.routines) {
    std::vector<Piece> start{heading_piece(c, fmt::format("{} (about {} min)", r.title, r.minutes)),
                             paragraph_piece(c, r.intro, Font::body)};
    for (std::size_t i = 0; i < r.exercises.size(); ++i) {
      Piece block = exercise_piece(c, r.exercises[i], alts);
      if (i > 0) {
        pieces.push_back(std::move(block));
        continue;
      }
      start.push_back(std::move(block));
      pieces.push_back(together(std::move(start)));
    }
  }
  pieces.push_back(heading_piece(c, "Good to know"));
  for (const std::string& n : h.notes) pieces.push_back(paragraph_piece(c, n, Font::small, "P", kInk, 3));

  while (!pieces.empty()) {
    const std::size_t before = pieces.size();
    pieces = place(std::move(pieces), x, y, width, bottom);
    if (pieces.empty()) break;
    c.next_page();
    y = kMargin;
    if (pieces.size() == before) {
      // Taller than a page (content keeps steps short enough that this does
      // not happen): drawn anyway, from the top, rather than lost.
      Piece& p = pieces.front();
      p.draw(x, y, width);
      y += p.height(width);
      pieces.erase(pieces.begin());
    }
  }
  if (!cjk && c.missing_glyphs()) return render(rt, h, paper, true);
  return finish_document(c, alts, h.language);
}

}  // namespace

Handout make_handout(const ContentLibrary& library, const Program& program, int stage, const ExerciseLevels& levels,
                     Instant made, const TimeZone& zone) {
  const Stage& s = program.stage(stage);
  Handout h;
  h.title = fmt::format("Your home program: stage {} of {}", stage, program.stage_count());
  h.subtitle = fmt::format("{}. Stage {}, {}: {}", program.name, stage, s.name, s.goal);
  h.made = made;
  for (const RoutineKind kind : {RoutineKind::morning, RoutineKind::evening}) {
    const SessionPlan plan = expand_plan(library, program, stage, kind, levels);
    HandoutRoutine r{plan.title, plan.intro, (plan.total_seconds() + 59) / 60, {}};
    for (const PlanExercise& pe : plan.exercises) {
      const Exercise* e = library.exercise(pe.id);
      if (e != nullptr) r.exercises.push_back({e, describe_dose(pe.dose, pe.sides), pe.note});
    }
    h.routines.push_back(std::move(r));
  }
  h.notes = {
      "Pain during an exercise may reach 5 out of 10, not more. If it goes higher, do less of that exercise next "
      "time, or its easier version; stop it if pain spreads down a leg.",
      std::string(kClinicianApprovedNotice),
      fmt::format("Printed by daybreak on {}, with the doses of your levels that day. daybreak moves them up or down "
                  "by how your mornings go, so print a new copy now and then.",
                  format_date(zone.date_of(made))),
  };
  return h;
}

Result<std::string, std::string> handout_pdf(const Handout& handout, Paper paper) {
  const auto rt = runtime();
  if (!rt) return fail(rt.error());
  const std::lock_guard lock(one_pdf_at_a_time());
  return render(**rt, handout, paper, false);
}

}  // namespace daybreak
