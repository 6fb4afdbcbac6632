// The clinician report over HTTP: GET /api/report.pdf, the same
// use case and the same PDF as `daybreak report`, for the web app's download.
#include <fmt/format.h>

#include "app/clinician_report.hpp"
#include "report/clinician_pdf.hpp"
#include "server/route_support.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Method;
using http::Request;
using http::Response;

// GET /api/report.pdf, or /api/report.fhir.json: the same report as a FHIR
// document Bundle with the PDF inside.
Response report(const ApiContext& api, const Request& req, bool fhir) {
  FieldErrors errors;
  ClinicianReportRequest request;
  const auto range = http::date_range_params(req, errors);
  request.from = range.from;
  request.to = range.to;
  const Paper paper = http::paper_param(req, api.paper(), errors);
  if (const auto questions = req.param("questions")) request.questions = *questions;
  if (!errors.empty()) return http::invalid_fields("the report cannot be made", errors, true);
  const Caller c = api.caller(req);
  const auto made =
      clinician_report(api.store(), c.user, {api.content(), api.progression(), c.zone, c.now, api.version()}, request);
  if (!made) return http::problem_for(made.error(), true);
  auto pdf = clinician_pdf(*made, paper);
  if (!pdf) return http::problem(500, "report-failed", "The report could not be made", pdf.error());
  return http::download(std::string(fhir ? http::kFhirJson : std::string_view("application/pdf")),
                        fhir ? clinician_report_fhir(api.store(), c.user, *made, c.zone, *pdf) : std::move(pdf).value(),
                        fmt::format("daybreak-report-{}-to-{}.{}", format_date(made->from), format_date(made->to),
                                    fhir ? "fhir.json" : "pdf"));
}

}  // namespace

void add_report_routes(http::Router& router, const ApiContext& api) {
  router.add(Method::get, "/api/report.pdf",
             [&api](const Request& req, const http::PathParams&) { return report(api, req, false); });
  router.add(Method::get, "/api/report.fhir.json",
             [&api](const Request& req, const http::PathParams&) { return report(api, req, true); });
}

}  // namespace daybreak
