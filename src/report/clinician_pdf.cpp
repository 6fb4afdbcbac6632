// Lays out the clinician report on at most two pages with cairo and pango,
// draws its two charts, and adds the accessibility entries cairo cannot
// write with a qpdf pass.
#include "report/clinician_pdf.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>
#include <tuple>

#include <fmt/format.h>

#include "report/pdf_canvas.hpp"

namespace daybreak {
namespace {

using namespace pdf;  // the shared PDF pieces (report/pdf_canvas.hpp)
using std::chrono::days;
using std::chrono::sys_days;

// Colours and sizes of the report's own tables and charts.
constexpr double kCellPadX = 3.0;
constexpr double kCellPadY = 1.6;
constexpr double kPainChartHeight = 178.0;
constexpr double kStiffnessChartHeight = 104.0;
// What the charts may give up, so that page 1 keeps its questionnaires when
// a longer key-changes table pushes them down: the pain chart still has 11
// points of height for each point of pain.
constexpr double kPainChartLeast = 140.0;
constexpr double kStiffnessChartLeast = 80.0;
constexpr Rgb kDot{0.10, 0.27, 0.52};
constexpr Rgb kMean{0.80, 0.33, 0.00};
constexpr Rgb kBand{0.78, 0.85, 0.93};
constexpr Rgb kStage{0.25, 0.25, 0.28};
constexpr Rgb kFlare{0.72, 0.08, 0.08};
constexpr Rgb kBar{0.42, 0.53, 0.70};
constexpr Rgb kAlert{0.66, 0.0, 0.0};
constexpr Rgb kAlertFill{1.0, 0.94, 0.94};

// ---- tables ----------------------------------------------------------------------

// Whether `row` writes its last cell across the empty ones (ReportTable::span_empty),
// rather than down a narrow column.
bool spans(const ReportTable& t, const std::vector<std::string>& row) {
  if (!t.span_empty || t.header.size() < 3 || row.size() != t.header.size() || row.back().empty()) return false;
  return std::all_of(row.begin() + 1, row.end() - 1, [](const std::string& cell) { return cell.empty(); });
}

// Column widths as browsers lay out tables: each column at least as wide as
// its longest word, the rest of the width shared in proportion to how much
// more each needs for its longest cell on one line.
std::vector<double> column_widths(Canvas& c, const ReportTable& t, double width) {
  const std::size_t n = t.header.size();
  std::vector<double> least(n, 0.0);
  std::vector<double> natural(n, 0.0);
  auto take = [&](const std::vector<std::string>& row, Font font) {
    for (std::size_t i = 0; i < n && i < row.size(); ++i) {
      natural[i] = std::max(natural[i], c.text_width(row[i], font) + 2 * kCellPadX + 1);
      std::size_t from = 0;
      while (from < row[i].size()) {
        const std::size_t space = std::min(row[i].find(' ', from), row[i].size());
        if (space > from) {
          const std::string_view word = std::string_view(row[i]).substr(from, space - from);
          least[i] = std::max(least[i], c.text_width(word, font) + 2 * kCellPadX + 1);
        }
        from = space + 1;
      }
    }
  };
  take(t.header, Font::bold);
  for (const auto& row : t.rows) take(spans(t, row) ? std::vector<std::string>{row.front()} : row, Font::small);
  // One long cell (the safety row's sentences) would otherwise take most of
  // the width and squeeze every other column into a word per line.
  for (double& w : natural) w = std::min(w, width / 2);
  double total = 0;
  double least_total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    total += natural[i];
    least_total += least[i];
  }
  std::vector<double> out(n, width / static_cast<double>(n));
  if (total <= width) {
    for (std::size_t i = 0; i < n; ++i) out[i] = natural[i] + (width - total) * natural[i] / total;
  } else if (least_total < width) {
    const double more = total - least_total;
    for (std::size_t i = 0; i < n; ++i) out[i] = least[i] + (width - least_total) * (natural[i] - least[i]) / more;
  }
  return out;
}

struct TableLayout {
  std::vector<double> columns;
  std::vector<double> rows;  // the header first
  double height = 0;
};

// The width of cell `i`: a spanning row's last cell takes every column but the first.
double cell_width(const TableLayout& l, std::size_t i, bool spanning) {
  if (!spanning || i == 0) return l.columns[i];
  if (i + 1 < l.columns.size()) return 2 * kCellPadX;  // empty
  double w = 0;
  for (std::size_t j = 1; j < l.columns.size(); ++j) w += l.columns[j];
  return w;
}

TableLayout layout_table(Canvas& c, const ReportTable& t, double width) {
  TableLayout l;
  l.columns = column_widths(c, t, width);
  auto row_height = [&](const std::vector<std::string>& row, Font font, bool spanning) {
    double h = 0;
    for (std::size_t i = 0; i < l.columns.size() && i < row.size(); ++i) {
      h = std::max(h, c.text_height(row[i], font, cell_width(l, i, spanning) - 2 * kCellPadX));
    }
    return h + 2 * kCellPadY;
  };
  l.rows.push_back(row_height(t.header, Font::bold, false));
  for (const auto& row : t.rows) l.rows.push_back(row_height(row, Font::small, spans(t, row)));
  for (double h : l.rows) l.height += h;
  return l;
}

void draw_table(Canvas& c, const ReportTable& t, const TableLayout& l, double x, double y, double width) {
  c.begin("Table");
  double top = y;
  for (std::size_t r = 0; r < l.rows.size(); ++r) {
    const bool header = r == 0;
    const auto& row = header ? t.header : t.rows[r - 1];
    if (header) c.rect(x, top, width, l.rows[0], kHeaderFill);
    c.begin("TR");
    const bool spanning = !header && spans(t, row);
    double left = x;
    for (std::size_t i = 0; i < l.columns.size(); ++i) {
      const char* tag = header ? "TH" : "TD";
      c.begin(tag);
      // A spanning row's last cell begins where its first empty one does.
      const double cell_left = spanning && i + 1 == l.columns.size() && i > 0 ? x + l.columns[0] : left;
      if (i < row.size() && !row[i].empty()) {
        c.text(cell_left + kCellPadX, top + kCellPadY, cell_width(l, i, spanning) - 2 * kCellPadX, row[i],
               header ? Font::bold : Font::small);
      }
      c.end(tag);
      left += l.columns[i];
    }
    c.end("TR");
    top += l.rows[r];
    c.line(x, top, x + width, top, header ? kRule : kGrid, header ? 0.6 : 0.4);
  }
  c.end("Table");
}

// ---- charts ----------------------------------------------------------------------

struct Plot {
  double x = 0;  // the plotting area
  double y = 0;
  double w = 0;
  double h = 0;
  LocalDate from;
  int n = 1;  // days
  double y_max = 10;

  [[nodiscard]] double day_x(LocalDate d) const {
    const auto i = (sys_days{d} - sys_days{from}).count();
    return x + (static_cast<double>(i) + 0.5) * w / n;
  }
  [[nodiscard]] double value_y(double v) const { return y + h - std::clamp(v, 0.0, y_max) / y_max * h; }
  [[nodiscard]] double day_width() const { return w / n; }
};

std::string tick_label(LocalDate d, bool with_month) {
  const auto month = short_month_name(d);
  return with_month ? fmt::format("{} {}", static_cast<unsigned>(d.day()), month)
                    : fmt::format("{}", static_cast<unsigned>(d.day()));
}

// Day ticks: every day for a fortnight, Mondays up to four months, the first
// of each month beyond; labels that would overlap are left out.
void x_axis(Canvas& c, const Plot& p) {
  const int n = p.n;
  double last_right = -1e9;
  for (int i = 0; i < n; ++i) {
    const LocalDate d{sys_days{p.from} + days{i}};
    const bool monday = std::chrono::weekday{sys_days{d}} == std::chrono::Monday;
    const bool first = d.day() == std::chrono::day{1};
    const bool tick = n <= 14 || (n <= 120 ? monday : first);
    if (!tick) continue;
    const double x = p.day_x(d);
    c.line(x, p.y + p.h, x, p.y + p.h + 2, kMuted, 0.5);
    const std::string label = n > 120 ? tick_label(d, true) : tick_label(d, n > 14 || i == 0 || first);
    const double w = c.text_width(label, Font::tiny);
    if (x - w / 2 < last_right + 3) continue;
    c.text(x - w / 2, p.y + p.h + 2.5, -1, label, Font::tiny, kMuted);
    last_right = x + w / 2;
  }
  c.line(p.x, p.y + p.h, p.x + p.w, p.y + p.h, kMuted, 0.5);
}

void y_axis(Canvas& c, const Plot& p, double step) {
  for (double v = 0; v <= p.y_max + 1e-9; v += step) {
    const double y = p.value_y(v);
    if (v > 0) c.line(p.x, y, p.x + p.w, y, kGrid, 0.4);
    const std::string label = fmt::format("{}", static_cast<int>(v));
    const double w = c.text_width(label, Font::tiny);
    c.text(p.x - 3 - w, y - 4, -1, label, Font::tiny, kMuted);
  }
}

// A legend entry: a small symbol drawn by `symbol` at (x, centre), then words.
double legend(Canvas& c, double x, double y, std::string_view words,
              const std::function<void(double, double)>& symbol) {
  symbol(x + 5, y + 4.5);
  c.text(x + 12, y, -1, words, Font::tiny, kMuted);
  return x + 12 + c.text_width(words, Font::tiny) + 10;
}

void pain_chart(Canvas& c, const ClinicianReport& r, double x, double y, double width, double height) {
  double lx = x + 24;
  lx = legend(c, lx, y, "morning pain", [&](double sx, double sy) { c.dot(sx, sy, 1.8, kDot); });
  lx = legend(c, lx, y, "7-day mean", [&](double sx, double sy) { c.line(sx - 5, sy, sx + 5, sy, kMean, 1.4); });
  lx = legend(c, lx, y, "lowest to highest of the day",
              [&](double sx, double sy) { c.rect(sx - 2, sy - 4, 4, 8, kBand); });
  lx =
      legend(c, lx, y, "stage change", [&](double sx, double sy) { c.line(sx, sy - 4, sx, sy + 4, kStage, 0.8, 2.0); });
  legend(c, lx, y, "flare day", [&](double sx, double sy) { c.triangle(sx, sy - 3, 6, kFlare); });

  Plot p{x + 24, y + 14, width - 30, height - 14 - 14, r.days.front().day, static_cast<int>(r.days.size()), 10};
  y_axis(c, p, 2);
  const double bw = std::max(p.day_width() * 0.7, 0.5);
  for (const ReportDay& d : r.days) {
    if (d.low && d.high) {
      const double top = p.value_y(*d.high);
      const double bottom = p.value_y(*d.low);
      c.rect(p.day_x(d.day) - bw / 2, top - 0.4, bw, bottom - top + 0.8, kBand);
    }
  }
  for (const ReportMark& m : r.marks) {
    const double mx = p.day_x(m.day);
    if (m.kind == ReportMark::Kind::stage) {
      c.line(mx, p.y, mx, p.y + p.h, kStage, 0.8, 2.0);
      c.text(mx + 2, p.y, -1, m.label, Font::tiny, kStage);
    } else {
      c.triangle(mx, p.y + p.h - 6, 6, kFlare);
    }
  }
  // The 7-day mean, broken where no morning was logged for a week.
  cairo_t* cr = c.cr();
  c.rt().cairo_save(cr);
  c.colour_(kMean);
  c.rt().cairo_set_line_width(cr, 1.4);
  bool drawing = false;
  for (const ReportDay& d : r.days) {
    if (!d.mean7) {
      drawing = false;
      continue;
    }
    (drawing ? c.rt().cairo_line_to : c.rt().cairo_move_to)(cr, p.day_x(d.day), p.value_y(*d.mean7));
    drawing = true;
  }
  c.rt().cairo_stroke(cr);
  c.rt().cairo_restore(cr);
  const double radius = std::clamp(p.day_width() * 0.4, 0.9, 2.0);
  for (const ReportDay& d : r.days) {
    if (d.morning_pain) c.dot(p.day_x(d.day), p.value_y(*d.morning_pain), radius, kDot);
  }
  x_axis(c, p);
}

void stiffness_chart(Canvas& c, const ClinicianReport& r, double x, double y, double width, double height) {
  double most = r.stiffness_line;
  for (const ReportDay& d : r.days) most = std::max(most, d.stiffness_minutes.value_or(0));
  // A scale in whole steps that people read easily, at most about 5 lines.
  double step = 10;
  for (double s : {10.0, 15.0, 30.0, 60.0, 120.0, 180.0}) {
    step = s;
    if (std::ceil(most / s) <= 5) break;
  }
  const double top = std::max(step * std::ceil(most / step), step * 2);

  double lx = x + 24;
  lx = legend(c, lx, y, "minutes until stiffness eased",
              [&](double sx, double sy) { c.rect(sx - 2, sy - 4, 4, 8, kBar); });
  lx = legend(c, lx, y, fmt::format("{} minutes", static_cast<int>(r.stiffness_line)),
              [&](double sx, double sy) { c.line(sx - 5, sy, sx + 5, sy, kFlare, 0.9, 2.5); });
  legend(c, lx, y, "still stiff when logged", [&](double sx, double sy) { c.dot(sx, sy, 2.0, kInk, false); });

  Plot p{x + 24, y + 14, width - 30, height - 14 - 14, r.days.front().day, static_cast<int>(r.days.size()), top};
  y_axis(c, p, step);
  const double bw = std::max(p.day_width() * 0.7, 0.5);
  for (const ReportDay& d : r.days) {
    if (d.stiffness_minutes && *d.stiffness_minutes > 0) {
      const double t = p.value_y(*d.stiffness_minutes);
      c.rect(p.day_x(d.day) - bw / 2, t, bw, p.y + p.h - t, kBar);
    }
    if (d.still_stiff) c.dot(p.day_x(d.day), p.value_y(d.stiffness_minutes.value_or(0)) - 3, 2.0, kInk, false);
  }
  const double ry = p.value_y(r.stiffness_line);
  c.line(p.x, ry, p.x + p.w, ry, kFlare, 0.9, 2.5);
  x_axis(c, p);
}

// ---- pieces and pages ------------------------------------------------------------

Piece table_piece(Canvas& c, const ReportTable& t) {
  auto layout = std::make_shared<TableLayout>();
  return {[&c, &t, layout](double w) {
            *layout = layout_table(c, t, w);
            return layout->height;
          },
          [&c, &t, layout](double x, double y, double w) { draw_table(c, t, *layout, x, y, w); }};
}

// `height` may change after the piece is made, until it is drawn.
Piece figure_piece(Canvas& c, const ClinicianReport& r, std::shared_ptr<double> height, bool pain) {
  return {[height](double) { return *height; },
          [&c, &r, height, pain](double x, double y, double w) {
            c.begin("Figure");
            if (pain) {
              pain_chart(c, r, x, y, w, *height);
            } else {
              stiffness_chart(c, r, x, y, w, *height);
            }
            c.end("Figure");
          }};
}

Piece safety_piece(Canvas& c, const std::vector<ReportAlert>& alerts) {
  static constexpr double kPad = 6;
  auto inner = [&c, &alerts](double w, double x, double y, bool draw) {
    double h = 0;
    for (const ReportAlert& a : alerts) {
      if (h > 0) h += 3;
      h += draw ? c.paragraph(x, y + h, w, a.heading, Font::heading, "H2", kAlert)
                : c.text_height(a.heading, Font::heading, w);
      h += 2;
      for (const std::string& p : a.paragraphs) {
        h += draw ? c.paragraph(x, y + h, w, p, Font::body, "P", kInk) : c.text_height(p, Font::body, w);
        h += 2;
      }
    }
    return h;
  };
  return {[inner](double w) { return inner(w - 2 * kPad, 0, 0, false) + 2 * kPad; },
          [&c, inner](double x, double y, double w) {
            const double h = inner(w - 2 * kPad, 0, 0, false) + 2 * kPad;
            c.rect(x, y, w, h, kAlertFill);
            c.frame(x, y, w, h, kAlert, 1.5);
            inner(w - 2 * kPad, x + kPad, y + kPad, true);
          }};
}

// A list whose last items may be left out when the page is full.
struct ListPiece {
  const ReportSection* section = nullptr;
  std::vector<double> item_heights;
  double more_height = 0;
  std::size_t keep = 0;
  [[nodiscard]] double height() const {
    double h = 0;
    for (std::size_t i = 0; i < keep; ++i) h += item_heights[i] + 1.5;
    if (keep < item_heights.size()) h += more_height;
    return h;
  }
};

constexpr double kBulletIndent = 9;

std::string more_words(const ReportSection& s, std::size_t left_out) {
  const std::string& words = left_out == 1 && !s.more_one.empty() ? s.more_one : s.more;
  return fmt::format(fmt::runtime(words.empty() ? "{} more not shown." : words), left_out);
}

void draw_list(Canvas& c, const ListPiece& l, double x, double y, double w) {
  c.begin("L");
  for (std::size_t i = 0; i < l.keep; ++i) {
    c.begin("LI");
    c.text(x, y, -1, "\u2022", Font::body);
    c.text(x + kBulletIndent, y, w - kBulletIndent, l.section->items[i], Font::body);
    c.end("LI");
    y += l.item_heights[i] + 1.5;
  }
  c.end("L");
  if (l.keep < l.item_heights.size()) {
    c.paragraph(x, y, w, more_words(*l.section, l.item_heights.size() - l.keep), Font::small, "P", kMuted);
  }
}

// ---- the report -------------------------------------------------------------------------

// With `cjk` false, the fonts lack CJK: a report whose text needs a glyph
// they lack is made again with Droid Sans Fallback.
Result<std::string, std::string> render(const Runtime& rt, const ClinicianReport& r, Paper paper, bool cjk) {
  Canvas c(rt, page_size(paper), r.title, r.generated_at, cjk);
  const auto [x, width, bottom] = content_box(c.size());
  std::vector<std::string> alts;
  double y = begin_document(c, content_box(c.size()), r.title);
  std::vector<Piece> first;
  if (!r.name.empty()) first.push_back(paragraph_piece(c, r.name, Font::bold, "P", kInk, 1));
  first.push_back(paragraph_piece(c, r.period + "\n" + r.completeness, Font::body, "P", kInk, 1));
  first.push_back(paragraph_piece(c, r.generated, Font::small, "P", kMuted, 1));
  if (!r.alerts.empty()) first.push_back(safety_piece(c, r.alerts));

  std::vector<Piece> second;
  std::vector<ListPiece> lists;
  const auto pain_height = std::make_shared<double>(kPainChartHeight);
  const auto stiffness_height = std::make_shared<double>(kStiffnessChartHeight);
  bool stiffness = false;  // its chart is drawn
  if (r.nothing_logged) {
    first.push_back(paragraph_piece(c, r.nothing_logged_text, Font::body, "P", kInk, kSectionGap));
  } else {
    first.push_back(heading_piece(c, "Key changes"));
    first.push_back(table_piece(c, r.key_changes));
    first.push_back(heading_piece(c, r.pain_chart_title));
    first.push_back(figure_piece(c, r, pain_height, true));
    alts.push_back(r.pain_chart_alt);
    stiffness = std::any_of(r.days.begin(), r.days.end(),
                            [](const ReportDay& d) { return d.stiffness_minutes || d.still_stiff; });
    first.push_back(heading_piece(c, r.stiffness_chart_title));
    if (stiffness) {
      first.push_back(figure_piece(c, r, stiffness_height, false));
      alts.push_back(r.stiffness_chart_alt);
    } else {
      first.push_back(paragraph_piece(c, r.stiffness_chart_alt, Font::body));
    }
    first.push_back(heading_piece(c, "Questionnaires"));
    if (r.questionnaires) {
      first.push_back(table_piece(c, *r.questionnaires));
    } else {
      first.push_back(paragraph_piece(c, r.questionnaires_none, Font::body));
    }

    // Page 2: measure every list item once, then leave out the last ones of
    // the longest lists until the page holds everything else.
    lists.reserve(r.detail.size());
    for (const ReportSection& s : r.detail) {
      second.push_back(heading_piece(c, s.heading));
      for (const std::string& p : s.paragraphs) second.push_back(paragraph_piece(c, p, Font::body));
      if (s.table) second.push_back(table_piece(c, *s.table));
      for (const std::string& p : s.after_table) second.push_back(paragraph_piece(c, p, Font::body));
      if (!s.items.empty()) {
        ListPiece& l = lists.emplace_back();
        l.section = &s;
        for (const std::string& item : s.items)
          l.item_heights.push_back(c.text_height(item, Font::body, width - kBulletIndent));
        l.keep = s.items.size();
        l.more_height = c.text_height(more_words(s, s.items.size()), Font::small, width);
        ListPiece* lp = &l;
        second.push_back({[lp](double) { return lp->height(); },
                          [&c, lp](double px, double py, double w) { draw_list(c, *lp, px, py, w); }});
      }
    }
  }
  std::vector<Piece> footer;
  for (const std::string& m : r.method) footer.push_back(paragraph_piece(c, m, Font::tiny, "P", kMuted, 1.5));
  footer.push_back(paragraph_piece(c, r.disclaimer, Font::small, "P", kInk, 4));
  double footer_height = 0;
  for (Piece& f : footer) footer_height += f.height(width) + f.gap_before;

  // Page 1's charts give up some height when that keeps the rest of page 1
  // (the questionnaires) on it; what does not fit moves to the top of page 2.
  double page_one = y;
  for (Piece& p : first) page_one += p.gap_before + p.height(width);
  const double pain_spare = kPainChartHeight - kPainChartLeast;
  const double stiffness_spare = stiffness ? kStiffnessChartHeight - kStiffnessChartLeast : 0.0;
  const double spare = pain_spare + stiffness_spare;
  // A hair more than the excess: place() compares the bottom exactly.
  if (const double excess = page_one - bottom + 0.01; !r.nothing_logged && excess > 0.01 && excess <= spare) {
    *pain_height -= excess * pain_spare / spare;
    *stiffness_height -= excess * stiffness_spare / spare;
  }
  std::vector<Piece> overflow = place(std::move(first), x, y, width, bottom);
  const bool one_page = r.nothing_logged && overflow.empty() && y + kSectionGap + footer_height <= bottom;
  if (one_page) {
    y = bottom - footer_height;
    place(std::move(footer), x, y, width, bottom);
  } else {
    c.next_page();
    y = kMargin;
    y += c.paragraph(x, y, width, fmt::format("{}: detail", r.title), Font::heading, "H1");
    overflow.insert(overflow.end(), std::make_move_iterator(second.begin()), std::make_move_iterator(second.end()));
    double fixed = 0;
    for (Piece& p : overflow) fixed += p.height(width) + p.gap_before;
    const double room = bottom - y - kSectionGap - footer_height;
    double need = fixed;  // includes the lists at their full length
    while (need > room) {
      auto longest = std::max_element(lists.begin(), lists.end(),
                                      [](const ListPiece& a, const ListPiece& b) { return a.keep < b.keep; });
      if (longest == lists.end() || longest->keep == 0) break;
      const double before = longest->height();
      --longest->keep;
      need += longest->height() - before;
    }
    std::vector<Piece> left = place(std::move(overflow), x, y, width, bottom - footer_height - kSectionGap);
    if (!left.empty()) {
      // Nothing is clipped: whatever cannot fit goes on (the app keeps its
      // free text short enough that this does not happen).
      c.next_page();
      y = kMargin;
      left = place(std::move(left), x, y, width, bottom - footer_height - kSectionGap);
    }
    y = bottom - footer_height;
    place(std::move(footer), x, y, width, bottom);
  }
  if (!cjk && c.missing_glyphs()) return render(rt, r, paper, true);
  return finish_document(c, alts, r.language);
}

}  // namespace

std::optional<Paper> parse_paper(std::string_view text) {
  if (text == "a4") return Paper::a4;
  if (text == "letter") return Paper::letter;
  return std::nullopt;
}

std::string_view paper_name(Paper paper) { return paper == Paper::a4 ? "a4" : "letter"; }

Paper paper_for_locale(std::string_view locale) {
  // glibc's LC_PAPER is Letter for these territories (localedata/locales).
  static constexpr std::array<std::string_view, 13> kLetter = {"US", "CA", "MX", "CL", "CO", "CR", "GT",
                                                               "PA", "PH", "PR", "SV", "VE", "NI"};
  const auto underscore = locale.find('_');
  if (underscore == std::string_view::npos || locale.size() < underscore + 3) return Paper::a4;
  const std::string_view territory = locale.substr(underscore + 1, 2);
  return std::find(kLetter.begin(), kLetter.end(), territory) != kLetter.end() ? Paper::letter : Paper::a4;
}

Result<std::string, std::string> clinician_pdf(const ClinicianReport& report, Paper paper) {
  const auto rt = pdf::runtime();
  if (!rt) return fail(rt.error());
  const std::lock_guard lock(one_pdf_at_a_time());
  return render(**rt, report, paper, false);
}

}  // namespace daybreak
