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

#include "report/pdf_runtime.hpp"

namespace daybreak {
namespace {

using pdf::Runtime;
using std::chrono::days;
using std::chrono::sys_days;

// ---- page geometry and looks -------------------------------------------------

struct PageSize {
  double width = 0;
  double height = 0;
};

PageSize page_size(Paper paper) {
  // ISO 216 A4 (210 x 297 mm) and US Letter (8.5 x 11 in), in points.
  return paper == Paper::a4 ? PageSize{595.276, 841.89} : PageSize{612.0, 792.0};
}

constexpr double kMargin = 40.0;
constexpr double kGap = 5.0;         // between blocks
constexpr double kSectionGap = 9.0;  // before a heading
constexpr double kCellPadX = 3.0;
constexpr double kCellPadY = 1.6;
constexpr double kPainChartHeight = 178.0;
constexpr double kStiffnessChartHeight = 104.0;

struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};
// Dark enough on white for small text; the chart colours differ in lightness
// as well as hue, so a grey-scale print keeps them apart.
constexpr Rgb kInk{0.08, 0.08, 0.10};
constexpr Rgb kMuted{0.30, 0.30, 0.34};
constexpr Rgb kRule{0.70, 0.70, 0.74};
constexpr Rgb kGrid{0.88, 0.88, 0.90};
constexpr Rgb kHeaderFill{0.93, 0.94, 0.96};
constexpr Rgb kDot{0.10, 0.27, 0.52};
constexpr Rgb kMean{0.80, 0.33, 0.00};
constexpr Rgb kBand{0.78, 0.85, 0.93};
constexpr Rgb kStage{0.25, 0.25, 0.28};
constexpr Rgb kFlare{0.72, 0.08, 0.08};
constexpr Rgb kBar{0.42, 0.53, 0.70};
constexpr Rgb kAlert{0.66, 0.0, 0.0};
constexpr Rgb kAlertFill{1.0, 0.94, 0.94};

enum class Font { title, heading, body, bold, small, tiny };

// DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and Arabic; Droid Sans
// Fallback adds CJK. Sizes in points (the context runs at 72 dpi).
constexpr std::array<const char*, 6> kFontDescriptions = {"DejaVu Sans Bold 15", "DejaVu Sans Bold 10.5",
                                                          "DejaVu Sans 8.5",     "DejaVu Sans Bold 8.5",
                                                          "DejaVu Sans 7.5",     "DejaVu Sans 6.5"};

constexpr std::array<const char*, 4> kFontFiles = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                                   "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                                                   "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"};

// ---- the fonts, once per process ---------------------------------------------

// A font map over just the fonts above, so the report looks the same (byte
// for byte) whatever else is installed; the system's fonts when DejaVu is not
// where Debian puts it. With `cjk`, Droid Sans Fallback too: reading its 4 MB
// was a tenth of a report's instructions, so a report asks for it only when
// DejaVu lacks a glyph (see clinician_pdf()). Kept for the process: building
// one reads the fonts.
PangoFontMap* make_font_map(const Runtime& rt, bool cjk) {
  if (!std::filesystem::exists(kFontFiles[0]) || !std::filesystem::exists(kFontFiles[1])) {
    return rt.pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  }
  FcConfig* config = rt.FcConfigCreate();
  bool fallback_added = false;
  for (const char* file : kFontFiles) {
    const bool fallback = std::string_view(file).find("droid") != std::string_view::npos;
    if (fallback && (!cjk || fallback_added)) continue;
    if (!std::filesystem::exists(file)) continue;
    if (rt.FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(file)) && fallback) fallback_added = true;
  }
  // Fontconfig's current configuration before pango's font map starts: pango
  // initialises fontconfig (on a thread of its own), which then finds one and
  // does not read the system's configuration and font caches for nothing.
  rt.FcConfigSetCurrent(config);
  PangoFontMap* m = rt.pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  // pango's font map is a PangoFcFontMap for the FreeType font type.
  rt.pango_fc_font_map_set_config(reinterpret_cast<PangoFcFontMap*>(m), config);
  rt.FcConfigDestroy(config);
  return m;
}

PangoFontMap* font_map(const Runtime& rt, bool cjk) {
  if (cjk) {
    static PangoFontMap* with_fallback = make_font_map(rt, true);
    return with_fallback;
  }
  static PangoFontMap* dejavu = make_font_map(rt, false);
  return dejavu;
}

// ---- text and shapes -----------------------------------------------------------

struct PdfBytes {
  std::string bytes;
};

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<PdfBytes*>(closure)->bytes.append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Canvas {
 public:
  Canvas(const Runtime& rt, PageSize size, const ClinicianReport& report, bool cjk) : rt_(rt), size_(size) {
    surface_ = rt.cairo_pdf_surface_create_for_stream(append_bytes, &out_, size.width, size.height);
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, report.title.c_str());
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "daybreak");
    const std::string date = format_utc(report.generated_at);  // ISO 8601, as cairo wants
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    cr_ = rt.cairo_create(surface_);
    context_ = rt.pango_font_map_create_context(font_map(rt, cjk));
    rt.pango_cairo_context_set_resolution(context_, 72.0);
    rt.pango_cairo_update_context(cr_, context_);
    for (std::size_t i = 0; i < fonts_.size(); ++i)
      fonts_[i] = rt.pango_font_description_from_string(kFontDescriptions[i]);
  }
  ~Canvas() {
    for (PangoFontDescription* f : fonts_) rt_.pango_font_description_free(f);
    if (context_) rt_.g_object_unref(context_);
    if (cr_) rt_.cairo_destroy(cr_);
    if (surface_) rt_.cairo_surface_destroy(surface_);
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  [[nodiscard]] PageSize size() const { return size_; }
  // Whether some text shaped so far has a character the fonts lack.
  [[nodiscard]] bool missing_glyphs() const { return missing_glyphs_; }
  [[nodiscard]] const Runtime& rt() const { return rt_; }
  [[nodiscard]] cairo_t* cr() const { return cr_; }

  // The finished PDF, or cairo's error.
  Result<std::string, std::string> finish() {
    rt_.cairo_destroy(cr_);
    cr_ = nullptr;
    rt_.cairo_surface_finish(surface_);
    const cairo_status_t status = rt_.cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS) return fail(fmt::format("cairo: {}", rt_.cairo_status_to_string(status)));
    return std::move(out_.bytes);
  }

  void next_page() { rt_.cairo_show_page(cr_); }
  void begin(const char* tag) { rt_.cairo_tag_begin(cr_, tag, ""); }
  void end(const char* tag) { rt_.cairo_tag_end(cr_, tag); }

  // Height of `text` wrapped to `width` (never clipped: long words break too).
  double text_height(std::string_view text, Font font, double width) { return size_of(text, font, width).second; }
  // Width of `text` on one line.
  double text_width(std::string_view text, Font font) { return size_of(text, font, -1).first; }
  // Draws `text` with its top-left at (x, y); returns its height.
  double text(double x, double y, double width, std::string_view text, Font font, Rgb colour = kInk) {
    PangoLayout* layout = layout_for(text, font, width);
    colour_(colour);
    rt_.cairo_move_to(cr_, x, y);
    rt_.pango_cairo_show_layout(cr_, layout);
    return size_of(text, font, width).second;
  }
  // A paragraph in its own structure element.
  double paragraph(double x, double y, double width, std::string_view text, Font font, const char* tag = "P",
                   Rgb colour = kInk) {
    begin(tag);
    const double h = this->text(x, y, width, text, font, colour);
    end(tag);
    return h;
  }

  void colour_(Rgb c) { rt_.cairo_set_source_rgb(cr_, c.r, c.g, c.b); }
  void line(double x0, double y0, double x1, double y1, Rgb c, double width, double dash = 0) {
    rt_.cairo_save(cr_);
    colour_(c);
    rt_.cairo_set_line_width(cr_, width);
    if (dash > 0) rt_.cairo_set_dash(cr_, &dash, 1, 0);
    rt_.cairo_move_to(cr_, x0, y0);
    rt_.cairo_line_to(cr_, x1, y1);
    rt_.cairo_stroke(cr_);
    rt_.cairo_restore(cr_);
  }
  void rect(double x, double y, double w, double h, Rgb c) {
    colour_(c);
    rt_.cairo_rectangle(cr_, x, y, w, h);
    rt_.cairo_fill(cr_);
  }
  void frame(double x, double y, double w, double h, Rgb c, double width) {
    colour_(c);
    rt_.cairo_set_line_width(cr_, width);
    rt_.cairo_rectangle(cr_, x, y, w, h);
    rt_.cairo_stroke(cr_);
  }
  void dot(double x, double y, double r, Rgb c, bool filled = true) {
    colour_(c);
    rt_.cairo_new_path(cr_);
    rt_.cairo_arc(cr_, x, y, r, 0, 2 * std::numbers::pi);
    if (filled) {
      rt_.cairo_fill(cr_);
    } else {
      rt_.cairo_set_line_width(cr_, 0.6);
      rt_.cairo_stroke(cr_);
    }
  }
  void triangle(double x, double y, double size, Rgb c) {  // pointing up, its tip at y
    colour_(c);
    rt_.cairo_new_path(cr_);
    rt_.cairo_move_to(cr_, x, y);
    rt_.cairo_line_to(cr_, x - size / 2, y + size);
    rt_.cairo_line_to(cr_, x + size / 2, y + size);
    rt_.cairo_close_path(cr_);
    rt_.cairo_fill(cr_);
  }

 private:
  struct LayoutDeleter {
    const Runtime* rt;
    void operator()(PangoLayout* l) const { rt->g_object_unref(l); }
  };
  using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

  // Every text is measured before it is drawn, some several times: each is
  // shaped once and its layout kept for the rest of the report (shaping was
  // a fifth of a report's instructions before).
  PangoLayout* layout_for(std::string_view text, Font font, double width) {
    const int units = width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE);
    auto key = std::make_tuple(std::string(text), static_cast<int>(font), units);
    auto it = layouts_.find(key);
    if (it != layouts_.end()) return it->second.get();
    Layout layout(rt_.pango_layout_new(context_), LayoutDeleter{&rt_});
    rt_.pango_layout_set_font_description(layout.get(), fonts_[static_cast<std::size_t>(font)]);
    rt_.pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    rt_.pango_layout_set_width(layout.get(), units);
    rt_.pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    if (rt_.pango_layout_get_unknown_glyphs_count(layout.get()) > 0) missing_glyphs_ = true;
    return layouts_.emplace(std::move(key), std::move(layout)).first->second.get();
  }
  std::pair<double, double> size_of(std::string_view text, Font font, double width) {
    int w = 0;
    int h = 0;
    rt_.pango_layout_get_size(layout_for(text, font, width), &w, &h);
    return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
  }

  const Runtime& rt_;
  PageSize size_;
  PdfBytes out_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  std::array<PangoFontDescription*, kFontDescriptions.size()> fonts_{};
  std::map<std::tuple<std::string, int, int>, Layout> layouts_;
  bool missing_glyphs_ = false;  // some text has a character the fonts lack
};

// ---- tables ----------------------------------------------------------------------

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
  for (const auto& row : t.rows) take(row, Font::small);
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

TableLayout layout_table(Canvas& c, const ReportTable& t, double width) {
  TableLayout l;
  l.columns = column_widths(c, t, width);
  auto row_height = [&](const std::vector<std::string>& row, Font font) {
    double h = 0;
    for (std::size_t i = 0; i < l.columns.size() && i < row.size(); ++i) {
      h = std::max(h, c.text_height(row[i], font, l.columns[i] - 2 * kCellPadX));
    }
    return h + 2 * kCellPadY;
  };
  l.rows.push_back(row_height(t.header, Font::bold));
  for (const auto& row : t.rows) l.rows.push_back(row_height(row, Font::small));
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
    double left = x;
    for (std::size_t i = 0; i < l.columns.size(); ++i) {
      const char* tag = header ? "TH" : "TD";
      c.begin(tag);
      if (i < row.size()) {
        c.text(left + kCellPadX, top + kCellPadY, l.columns[i] - 2 * kCellPadX, row[i],
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

// One thing on a page, measured before anything is drawn.
struct Piece {
  std::function<double(double width)> height;  // at the content width
  std::function<void(double x, double y, double width)> draw;
  double gap_before = kGap;
};

Piece paragraph_piece(Canvas& c, std::string text, Font font, const char* tag = "P", Rgb colour = kInk,
                      double gap = kGap) {
  auto shared = std::make_shared<std::string>(std::move(text));
  return {[&c, shared, font](double w) { return c.text_height(*shared, font, w); },
          [&c, shared, font, tag, colour](double x, double y, double w) {
            c.paragraph(x, y, w, *shared, font, tag, colour);
          },
          gap};
}

Piece heading_piece(Canvas& c, std::string text) {
  return paragraph_piece(c, std::move(text), Font::heading, "H2", kInk, kSectionGap);
}

Piece table_piece(Canvas& c, const ReportTable& t) {
  auto layout = std::make_shared<TableLayout>();
  return {[&c, &t, layout](double w) {
            *layout = layout_table(c, t, w);
            return layout->height;
          },
          [&c, &t, layout](double x, double y, double w) { draw_table(c, t, *layout, x, y, w); }};
}

Piece figure_piece(Canvas& c, const ClinicianReport& r, double height, bool pain) {
  return {[height](double) { return height; },
          [&c, &r, height, pain](double x, double y, double w) {
            c.begin("Figure");
            if (pain) {
              pain_chart(c, r, x, y, w, height);
            } else {
              stiffness_chart(c, r, x, y, w, height);
            }
            c.end("Figure");
          }};
}

Piece safety_piece(Canvas& c, const std::vector<std::string>& lines) {
  static constexpr double kPad = 6;
  auto inner = [&c, &lines](double w, double x, double y, bool draw) {
    double h = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Font font = i == 0 ? Font::heading : Font::body;
      const char* tag = i == 0 ? "H2" : "P";
      const Rgb colour = i == 0 ? kAlert : kInk;
      h += draw ? c.paragraph(x, y + h, w, lines[i], font, tag, colour) : c.text_height(lines[i], font, w);
      h += 2;
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
  return fmt::format(fmt::runtime(s.more.empty() ? "{} more not shown." : s.more), left_out);
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

// Places pieces from `y` down; returns those that did not fit (in order).
std::vector<Piece> place(std::vector<Piece> pieces, double x, double& y, double width, double bottom) {
  std::size_t i = 0;
  for (; i < pieces.size(); ++i) {
    const double h = pieces[i].height(width);
    const double top = y + pieces[i].gap_before;
    if (top + h > bottom) break;
    pieces[i].draw(x, top, width);
    y = top + h;
  }
  return {std::make_move_iterator(pieces.begin() + static_cast<std::ptrdiff_t>(i)),
          std::make_move_iterator(pieces.end())};
}

// ---- the qpdf pass ------------------------------------------------------------------

void find_figures(const Runtime& rt, qpdf_data q, qpdf_oh node, std::vector<qpdf_oh>& out, int depth) {
  if (depth > 64) return;  // cairo's trees are shallow; this guards against a cycle
  if (rt.qpdf_oh_is_array(q, node)) {
    const int n = rt.qpdf_oh_get_array_n_items(q, node);
    for (int i = 0; i < n; ++i) find_figures(rt, q, rt.qpdf_oh_get_array_item(q, node, i), out, depth + 1);
    return;
  }
  if (!rt.qpdf_oh_is_dictionary(q, node)) return;
  if (rt.qpdf_oh_is_name_and_equals(q, rt.qpdf_oh_get_key(q, node, "/S"), "/Figure")) out.push_back(node);
  if (rt.qpdf_oh_has_key(q, node, "/K")) find_figures(rt, q, rt.qpdf_oh_get_key(q, node, "/K"), out, depth + 1);
}

struct Qpdf {
  const Runtime& rt;
  qpdf_data q;
  explicit Qpdf(const Runtime& r) : rt(r), q(r.qpdf_init()) {
    rt.qpdf_silence_errors(q);
    rt.qpdf_set_suppress_warnings(q, QPDF_TRUE);
  }
  ~Qpdf() { rt.qpdf_cleanup(&q); }
  Qpdf(const Qpdf&) = delete;
  Qpdf& operator=(const Qpdf&) = delete;
  [[nodiscard]] std::string error() const {
    if (!rt.qpdf_has_error(q)) return "qpdf failed";
    return fmt::format("qpdf: {}", rt.qpdf_get_error_full_text(q, rt.qpdf_get_error(q)));
  }
};

// /Lang, DisplayDocTitle and each Figure's /Alt (in the order drawn), then a
// deterministic /ID.
Result<std::string, std::string> accessibility_pass(const Runtime& rt, const std::string& pdf,
                                                    const std::vector<std::string>& alts, const std::string& language) {
  Qpdf qpdf(rt);
  qpdf_data q = qpdf.q;
  if (rt.qpdf_read_memory(q, "report", pdf.data(), pdf.size(), nullptr) & QPDF_ERRORS) return fail(qpdf.error());
  const qpdf_oh root = rt.qpdf_get_root(q);
  rt.qpdf_oh_replace_key(q, root, "/Lang", rt.qpdf_oh_new_unicode_string(q, language.c_str()));
  const qpdf_oh prefs = rt.qpdf_oh_new_dictionary(q);
  rt.qpdf_oh_replace_key(q, prefs, "/DisplayDocTitle", rt.qpdf_oh_new_bool(q, QPDF_TRUE));
  rt.qpdf_oh_replace_key(q, root, "/ViewerPreferences", prefs);
  std::vector<qpdf_oh> figures;
  if (rt.qpdf_oh_has_key(q, root, "/StructTreeRoot")) {
    find_figures(rt, q, rt.qpdf_oh_get_key(q, root, "/StructTreeRoot"), figures, 0);
  }
  if (figures.size() != alts.size()) {
    return fail(fmt::format("the PDF has {} figures where {} were drawn", figures.size(), alts.size()));
  }
  for (std::size_t i = 0; i < figures.size(); ++i) {
    rt.qpdf_oh_replace_key(q, figures[i], "/Alt", rt.qpdf_oh_new_unicode_string(q, alts[i].c_str()));
  }
  rt.qpdf_oh_release_all(q);
  rt.qpdf_init_write_memory(q);
  rt.qpdf_set_deterministic_ID(q, QPDF_TRUE);
  if (rt.qpdf_write(q) & QPDF_ERRORS) return fail(qpdf.error());
  const auto* buffer = rt.qpdf_get_buffer(q);
  return std::string(reinterpret_cast<const char*>(buffer), rt.qpdf_get_buffer_length(q));
}

// ---- the report -------------------------------------------------------------------------

// With `cjk` false, the fonts lack CJK: a report whose text needs a glyph
// they lack is made again with Droid Sans Fallback.
Result<std::string, std::string> render(const Runtime& rt, const ClinicianReport& r, Paper paper, bool cjk) {
  Canvas c(rt, page_size(paper), r, cjk);
  const PageSize size = c.size();
  const double x = kMargin;
  const double width = size.width - 2 * kMargin;
  const double bottom = size.height - kMargin;
  std::vector<std::string> alts;

  c.begin("Document");
  double y = kMargin;
  y += c.paragraph(x, y, width, r.title, Font::title, "H1");
  y += 2;
  std::vector<Piece> first;
  if (!r.name.empty()) first.push_back(paragraph_piece(c, r.name, Font::bold, "P", kInk, 1));
  first.push_back(paragraph_piece(c, r.period + "\n" + r.completeness, Font::body, "P", kInk, 1));
  first.push_back(paragraph_piece(c, r.generated, Font::small, "P", kMuted, 1));
  if (!r.safety_first.empty()) first.push_back(safety_piece(c, r.safety_first));

  std::vector<Piece> second;
  std::vector<ListPiece> lists;
  if (r.nothing_logged) {
    first.push_back(paragraph_piece(c, r.nothing_logged_text, Font::body, "P", kInk, kSectionGap));
  } else {
    first.push_back(heading_piece(c, "Key changes"));
    first.push_back(table_piece(c, r.key_changes));
    first.push_back(heading_piece(c, r.pain_chart_title));
    first.push_back(figure_piece(c, r, kPainChartHeight, true));
    alts.push_back(r.pain_chart_alt);
    const bool stiffness = std::any_of(r.days.begin(), r.days.end(),
                                       [](const ReportDay& d) { return d.stiffness_minutes || d.still_stiff; });
    first.push_back(heading_piece(c, r.stiffness_chart_title));
    if (stiffness) {
      first.push_back(figure_piece(c, r, kStiffnessChartHeight, false));
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

  // Page 1; what does not fit moves to the top of page 2.
  std::vector<Piece> overflow = place(std::move(first), x, y, width, bottom);
  const bool one_page = r.nothing_logged && overflow.empty() && y + kSectionGap + footer_height <= bottom;
  if (one_page) {
    y = bottom - footer_height;
    place(std::move(footer), x, y, width, bottom);
    c.end("Document");
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
    c.end("Document");
  }
  if (!cjk && c.missing_glyphs()) return render(rt, r, paper, true);
  auto bytes = c.finish();
  if (!bytes) return bytes;
  return accessibility_pass(rt, *bytes, alts, r.language);
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
  // One report at a time: the font map is shared, and reports are rare.
  static std::mutex one_at_a_time;
  const std::lock_guard lock(one_at_a_time);
  return render(**rt, report, paper, false);
}

}  // namespace daybreak
