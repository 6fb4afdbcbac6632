// The clinician report as an HL7 FHIR R4 `document` Bundle: a Composition
// first, its sections the report's parts in the report's words (page 1, then
// page 2), the person as Patient, and the PDF itself as a DocumentReference,
// so a record system that reads FHIR files the report with the numbers in
// reach. docs/fhir.md says what each part holds.
#pragma once

#include <string>
#include <string_view>

#include "report/clinician_report.hpp"
#include "report/stable_id.hpp"

namespace daybreak {

struct FhirReportDocument {
  const ClinicianReport& report;
  Uuid person;  // the Patient's id, as in the diary's own export
  const TimeZone& zone;
  std::string_view pdf;  // the report's PDF, attached whole
};

// The Bundle as JSON. The same report, clock and PDF give the same bytes.
[[nodiscard]] std::string fhir_report_document(const FhirReportDocument& doc);

}  // namespace daybreak
