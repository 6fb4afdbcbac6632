// The clinician report use case: the words and numbers of a
// two-page report a physiotherapist reads in a minute, put together from the
// existing use cases (insights, questionnaires, safety, progress, sessions,
// experiments, the diary) in one call. report/clinician_pdf.hpp lays it out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "exercise/library.hpp"
#include "progression/config.hpp"
#include "report/clinician_report.hpp"
#include "store/store.hpp"

namespace daybreak {

// The default period: the last 12 weeks, today included.
inline constexpr int kDefaultReportDays = 84;
// At most two years: two pages hold a year's charts well, two at a pinch.
inline constexpr int kMaxReportDays = 731;
// The person's questions for their clinician, in characters: what page 2
// holds beside everything else without leaving any of it out.
inline constexpr std::size_t kMaxReportQuestions = 1000;

struct ClinicianReportRequest {
  std::optional<LocalDate> from;  // default: kDefaultReportDays before `to`
  std::optional<LocalDate> to;    // default: today
  std::string questions;          // "questions for my clinician"; may be empty
};

struct ClinicianReportContext {
  const ContentLibrary& library;
  const ProgressionConfig& config;
  const TimeZone& zone;
  Instant now;
  std::string version;  // of daybreak, for the header
};

// Refuses (invalid, every field at once) a range that is empty, longer than
// kMaxReportDays, or questions that are too long. An empty period is not an
// error: the report says that nothing was logged.
[[nodiscard]] AppResult<ClinicianReport> clinician_report(const Store& store, const User& user,
                                                          const ClinicianReportContext& ctx,
                                                          const ClinicianReportRequest& request);

// The report as an HL7 FHIR R4 document Bundle, its PDF attached
// (report/fhir_document.hpp): the Patient has the id of the diary's export.
[[nodiscard]] std::string clinician_report_fhir(const Store& store, const User& user, const ClinicianReport& report,
                                                const TimeZone& zone, std::string_view pdf);

}  // namespace daybreak
