// What the PDFs daybreak prints share (the clinician report, the home-program
// handout): the page and its looks, the fonts, a Canvas over cairo and pango
// that tags what it draws, pieces measured before they are placed, and the
// qpdf pass that adds what cairo cannot write. Private to src/report.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "domain/time.hpp"
#include "report/clinician_pdf.hpp"
#include "report/pdf_runtime.hpp"

namespace daybreak::pdf {

// ---- page geometry and looks -------------------------------------------------

struct PageSize {
  double width = 0;
  double height = 0;
};

inline PageSize page_size(Paper paper) {
  // ISO 216 A4 (210 x 297 mm) and US Letter (8.5 x 11 in), in points.
  return paper == Paper::a4 ? PageSize{595.276, 841.89} : PageSize{612.0, 792.0};
}

inline constexpr double kMargin = 40.0;
inline constexpr double kGap = 5.0;         // between blocks
inline constexpr double kSectionGap = 9.0;  // before a heading

struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};
// Dark enough on white for small text; the chart colours differ in lightness
// as well as hue, so a grey-scale print keeps them apart.
inline constexpr Rgb kInk{0.08, 0.08, 0.10};
inline constexpr Rgb kMuted{0.30, 0.30, 0.34};
inline constexpr Rgb kRule{0.70, 0.70, 0.74};
inline constexpr Rgb kGrid{0.88, 0.88, 0.90};
inline constexpr Rgb kHeaderFill{0.93, 0.94, 0.96};

enum class Font { title, heading, body, bold, small, tiny };

// DejaVu Sans covers Latin, Greek, Cyrillic, Hebrew and Arabic; Droid Sans
// Fallback adds CJK. Sizes in points (the context runs at 72 dpi).
inline constexpr std::array<const char*, 6> kFontDescriptions = {"DejaVu Sans Bold 15", "DejaVu Sans Bold 10.5",
                                                                 "DejaVu Sans 8.5",     "DejaVu Sans Bold 8.5",
                                                                 "DejaVu Sans 7.5",     "DejaVu Sans 6.5"};

// ---- text and shapes -----------------------------------------------------------

struct PdfBytes {
  std::string bytes;
};

// cairo's write function: appends to a PdfBytes.
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length);
// The font map over the fonts above (with `cjk`, Droid Sans Fallback too), kept for the process.
PangoFontMap* font_map(const Runtime& rt, bool cjk);

class Canvas {
 public:
  // `made` is the document's creation date: the same document, the same bytes.
  Canvas(const Runtime& rt, PageSize size, const std::string& title, Instant made, bool cjk) : rt_(rt), size_(size) {
    surface_ = rt.cairo_pdf_surface_create_for_stream(append_bytes, &out_, size.width, size.height);
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    rt.cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "daybreak");
    const std::string date = format_utc(made);  // ISO 8601, as cairo wants
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

// ---- pieces and pages ------------------------------------------------------------

// One thing on a page, measured before anything is drawn.
struct Piece {
  std::function<double(double width)> height;  // at the content width
  std::function<void(double x, double y, double width)> draw;
  double gap_before = kGap;
  bool keep_with_next = false;  // a heading: never left alone at the foot of a page
};

Piece paragraph_piece(Canvas& c, std::string text, Font font, const char* tag = "P", Rgb colour = kInk,
                      double gap = kGap);
Piece heading_piece(Canvas& c, std::string text);

// Places pieces from `y` down; returns those that did not fit (in order).
std::vector<Piece> place(std::vector<Piece> pieces, double x, double& y, double width, double bottom);

// /Lang, DisplayDocTitle and each Figure's /Alt (in the order drawn), then a
// deterministic /ID.
[[nodiscard]] Result<std::string, std::string> accessibility_pass(const Runtime& rt, const std::string& pdf,
                                                                  const std::vector<std::string>& alts,
                                                                  const std::string& language);

// Where a page's content goes: inside the margins.
struct ContentBox {
  double x = 0;
  double width = 0;
  double bottom = 0;
};
[[nodiscard]] inline ContentBox content_box(PageSize size) {
  return {kMargin, size.width - 2 * kMargin, size.height - kMargin};
}

// Opens the document's structure and sets its title at the top of page 1;
// returns where the next piece goes.
double begin_document(Canvas& c, const ContentBox& box, std::string_view title);

// Closes the document's structure, finishes the PDF and runs the
// accessibility pass (`alts`: each figure's /Alt, in the order drawn).
[[nodiscard]] Result<std::string, std::string> finish_document(Canvas& c, const std::vector<std::string>& alts,
                                                               const std::string& language);

// Held while a PDF is made: the font map is shared, and PDFs are rare.
[[nodiscard]] std::mutex& one_pdf_at_a_time();

}  // namespace daybreak::pdf
