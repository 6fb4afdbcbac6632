#include "report/pdf_canvas.hpp"

#include <filesystem>

namespace daybreak::pdf {
namespace {

constexpr std::array<const char*, 4> kFontFiles = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                                   "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
                                                   "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"};

// A font map over just the fonts above, so the report looks the same (byte
// for byte) whatever else is installed; the system's fonts when DejaVu is not
// where Debian puts it. With `cjk`, Droid Sans Fallback too: reading its 4 MB
// was a tenth of a report's instructions, so a report asks for it only when
// DejaVu lacks a glyph (see render() in clinician_pdf.cpp). Kept for the process: building
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

}  // namespace

PangoFontMap* font_map(const Runtime& rt, bool cjk) {
  if (cjk) {
    static PangoFontMap* with_fallback = make_font_map(rt, true);
    return with_fallback;
  }
  static PangoFontMap* dejavu = make_font_map(rt, false);
  return dejavu;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<PdfBytes*>(closure)->bytes.append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Piece paragraph_piece(Canvas& c, std::string text, Font font, const char* tag, Rgb colour, double gap) {
  auto shared = std::make_shared<std::string>(std::move(text));
  return {[&c, shared, font](double w) { return c.text_height(*shared, font, w); },
          [&c, shared, font, tag, colour](double x, double y, double w) {
            c.paragraph(x, y, w, *shared, font, tag, colour);
          },
          gap};
}

Piece heading_piece(Canvas& c, std::string text) {
  Piece p = paragraph_piece(c, std::move(text), Font::heading, "H2", kInk, kSectionGap);
  p.keep_with_next = true;
  return p;
}

// Places pieces from `y` down; returns those that did not fit (in order).
std::vector<Piece> place(std::vector<Piece> pieces, double x, double& y, double width, double bottom) {
  std::size_t i = 0;
  for (; i < pieces.size(); ++i) {
    const double h = pieces[i].height(width);
    const double top = y + pieces[i].gap_before;
    if (top + h > bottom) break;
    // A heading goes over with what it heads, unless it begins the page
    // (where waiting would not help).
    if (pieces[i].keep_with_next && i > 0 && i + 1 < pieces.size() &&
        top + h + pieces[i + 1].gap_before + pieces[i + 1].height(width) > bottom) {
      break;
    }
    pieces[i].draw(x, top, width);
    y = top + h;
  }
  return {std::make_move_iterator(pieces.begin() + static_cast<std::ptrdiff_t>(i)),
          std::make_move_iterator(pieces.end())};
}

namespace {

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

}  // namespace

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

double begin_document(Canvas& c, const ContentBox& box, std::string_view title) {
  c.begin("Document");
  return kMargin + c.paragraph(box.x, kMargin, box.width, title, Font::title, "H1") + 2;
}

Result<std::string, std::string> finish_document(Canvas& c, const std::vector<std::string>& alts,
                                                 const std::string& language) {
  c.end("Document");
  auto bytes = c.finish();
  if (!bytes) return bytes;
  return accessibility_pass(c.rt(), *bytes, alts, language);
}

std::mutex& one_pdf_at_a_time() {
  static std::mutex m;
  return m;
}

}  // namespace daybreak::pdf
