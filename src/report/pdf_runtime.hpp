// cairo, pango, fontconfig and qpdf, loaded with dlopen the first time a PDF
// is made. Private to src/report: only the PDF code includes this header.
//
// Why not link them: the one daybreak binary would then load 52 shared
// libraries at every start, report or not; measured here (callgrind, the
// release flags with -z now), an empty program went from 0.13 M to 19.8 M
// instructions, when a whole `daybreak today` is about 2.2 M. Loaded on
// demand, only `daybreak report` and GET /api/report.pdf pay for them. The
// declarations still come from the libraries' own headers (decltype), so
// every call is type-checked as if linked. qpdf is used through its C API:
// its C++ API would need the shared C++ runtime the binary does not load.
#pragma once

#include <string>

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <qpdf/qpdf-c.h>

#include "domain/result.hpp"

namespace daybreak::pdf {

#define DAYBREAK_CAIRO_FUNCTIONS(X)      \
  X(cairo_pdf_surface_create_for_stream) \
  X(cairo_pdf_surface_set_metadata)      \
  X(cairo_surface_finish)                \
  X(cairo_surface_destroy)               \
  X(cairo_surface_status)                \
  X(cairo_create)                        \
  X(cairo_destroy)                       \
  X(cairo_status)                        \
  X(cairo_status_to_string)              \
  X(cairo_show_page)                     \
  X(cairo_tag_begin)                     \
  X(cairo_tag_end)                       \
  X(cairo_save)                          \
  X(cairo_restore)                       \
  X(cairo_set_source_rgb)                \
  X(cairo_set_line_width)                \
  X(cairo_set_dash)                      \
  X(cairo_new_path)                      \
  X(cairo_move_to)                       \
  X(cairo_line_to)                       \
  X(cairo_close_path)                    \
  X(cairo_rectangle)                     \
  X(cairo_arc)                           \
  X(cairo_fill)                          \
  X(cairo_stroke)

#define DAYBREAK_PANGO_FUNCTIONS(X)         \
  X(pango_cairo_font_map_new_for_font_type) \
  X(pango_font_map_create_context)          \
  X(pango_cairo_update_context)             \
  X(pango_cairo_context_set_resolution)     \
  X(pango_layout_new)                       \
  X(pango_layout_set_text)                  \
  X(pango_layout_set_width)                 \
  X(pango_layout_set_wrap)                  \
  X(pango_layout_set_font_description)      \
  X(pango_layout_get_size)                  \
  X(pango_layout_get_unknown_glyphs_count)  \
  X(pango_cairo_show_layout)                \
  X(pango_font_description_from_string)     \
  X(pango_font_description_free)            \
  X(pango_fc_font_map_set_config)           \
  X(g_object_unref)

#define DAYBREAK_FONTCONFIG_FUNCTIONS(X) \
  X(FcConfigCreate)                      \
  X(FcConfigSetCurrent)                  \
  X(FcConfigAppFontAddFile)              \
  X(FcConfigDestroy)

#define DAYBREAK_QPDF_FUNCTIONS(X) \
  X(qpdf_init)                     \
  X(qpdf_cleanup)                  \
  X(qpdf_silence_errors)           \
  X(qpdf_set_suppress_warnings)    \
  X(qpdf_read_memory)              \
  X(qpdf_has_error)                \
  X(qpdf_get_error)                \
  X(qpdf_get_error_full_text)      \
  X(qpdf_more_warnings)            \
  X(qpdf_get_root)                 \
  X(qpdf_oh_has_key)               \
  X(qpdf_oh_get_key)               \
  X(qpdf_oh_replace_key)           \
  X(qpdf_oh_new_dictionary)        \
  X(qpdf_oh_new_name)              \
  X(qpdf_oh_new_bool)              \
  X(qpdf_oh_new_unicode_string)    \
  X(qpdf_oh_is_array)              \
  X(qpdf_oh_is_dictionary)         \
  X(qpdf_oh_is_name_and_equals)    \
  X(qpdf_oh_get_array_n_items)     \
  X(qpdf_oh_get_array_item)        \
  X(qpdf_oh_release_all)           \
  X(qpdf_init_write_memory)        \
  X(qpdf_set_deterministic_ID)     \
  X(qpdf_write)                    \
  X(qpdf_get_buffer_length)        \
  X(qpdf_get_buffer)

#define DAYBREAK_PDF_FUNCTION_POINTER(name) decltype(&::name) name = nullptr;

// Every function the PDF code calls, each typed by its library's header.
struct Runtime {
  DAYBREAK_CAIRO_FUNCTIONS(DAYBREAK_PDF_FUNCTION_POINTER)
  DAYBREAK_PANGO_FUNCTIONS(DAYBREAK_PDF_FUNCTION_POINTER)
  DAYBREAK_FONTCONFIG_FUNCTIONS(DAYBREAK_PDF_FUNCTION_POINTER)
  DAYBREAK_QPDF_FUNCTIONS(DAYBREAK_PDF_FUNCTION_POINTER)
};

#undef DAYBREAK_PDF_FUNCTION_POINTER

// The libraries, loaded once per process (thread-safe) and never unloaded.
// The error names the library or function that is missing and the Debian
// packages that provide them.
[[nodiscard]] Result<const Runtime*, std::string> runtime();

}  // namespace daybreak::pdf
