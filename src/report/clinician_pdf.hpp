// The clinician report as a tagged PDF of at most two pages: text shaped by
// pango, charts drawn on cairo, fonts embedded and subset, and a qpdf pass
// that adds what cairo 1.16 cannot (/Lang, DisplayDocTitle, /Alt on each
// Figure). cairo, pango and qpdf stay inside this library's .cpp files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/result.hpp"
#include "report/clinician_report.hpp"

namespace daybreak {

enum class Paper { a4, letter };

// "a4" or "letter"; nullopt for anything else.
[[nodiscard]] std::optional<Paper> parse_paper(std::string_view text);
[[nodiscard]] std::string_view paper_name(Paper paper);
// The paper of a locale name as in LC_PAPER or LANG ("en_US.UTF-8"): Letter in
// the countries whose glibc locales use it, A4 everywhere else.
[[nodiscard]] Paper paper_for_locale(std::string_view locale);

// The PDF's bytes. The same report and paper give the same bytes (the
// creation date is the report's generated_at, the document ID is derived
// from the content). An error, in words for people, when the PDF libraries
// cannot be loaded or a library fails.
[[nodiscard]] Result<std::string, std::string> clinician_pdf(const ClinicianReport& report, Paper paper);

}  // namespace daybreak
