// The clinician report over HTTP (issue 18): GET /api/report.pdf gives the
// same bytes as the use case and renderer the CLI calls, as a download that
// no cache keeps; a bad range, paper or question is refused with its field.
#include <fmt/format.h>

#include "api_fixture.hpp"
#include "app/clinician_report.hpp"
#include "report/clinician_pdf.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class ReportApi : public ApiTest {
 protected:
  void seed_diary() {
    std::string csv = "date,period,pain,stiffness_minutes,note\r\n";
    for (int i = 0; i < 21; ++i) {
      csv += fmt::format("{},morning,{},{},{}\r\n", format_date(add_days(ymd(2026, 11, 2), i)), 6 - i / 5, 40 - i,
                         i == 20 ? "better after the walk" : "");
    }
    const auto r = http(port_, "POST", "/api/import/csv", csv, "text/csv");
    ASSERT_EQ(r.status, 200) << r.body;
  }

  std::string direct(ClinicianReportRequest request, Paper paper) {
    const auto made = clinician_report(store_, user_, {content(), {}, berlin(), clock_.now(), "test"}, request);
    EXPECT_TRUE(made.ok());
    const auto pdf = clinician_pdf(*made, paper);
    EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error());
    return pdf.ok() ? *pdf : "";
  }
};

TEST_F(ReportApi, TheReportIsAPdfToDownloadTheSameAsTheUseCaseMakes) {
  seed_diary();
  const auto r = get("/api/report.pdf?from=2026-11-02&to=2026-11-23&paper=letter");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/pdf");
  EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"daybreak-report-2026-11-02-to-2026-11-23.pdf\"");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  EXPECT_EQ(r.body, direct({ymd(2026, 11, 2), ymd(2026, 11, 23), ""}, Paper::letter));
  // A4 by default here (the server's settings), and twelve weeks to today.
  const auto plain = get("/api/report.pdf");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("content-disposition"),
            "attachment; filename=\"daybreak-report-2026-09-01-to-2026-11-23.pdf\"");
  EXPECT_EQ(plain.body, direct({}, Paper::a4));
  const auto asked = get("/api/report.pdf?questions=Is%20the%20chair%20the%20problem%3F");
  ASSERT_EQ(asked.status, 200);
  EXPECT_EQ(asked.body, direct({std::nullopt, std::nullopt, "Is the chair the problem?"}, Paper::a4));
}

// The same report as a FHIR document Bundle: Composition first, the PDF inside
// (the validators check it in tests/validators/fhir.test.mjs).
TEST_F(ReportApi, TheReportIsAlsoAFhirDocumentWithThePdfInside) {
  seed_diary();
  const auto r = get("/api/report.fhir.json?from=2026-11-02&to=2026-11-23&paper=letter");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/fhir+json");
  EXPECT_EQ(r.header("content-disposition"),
            "attachment; filename=\"daybreak-report-2026-11-02-to-2026-11-23.fhir.json\"");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  const auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["type"], "document");
  EXPECT_EQ(doc["entry"][0]["resource"]["resourceType"], "Composition");
  EXPECT_EQ(doc["entry"][2]["resource"]["content"][0]["attachment"]["contentType"], "application/pdf");
  EXPECT_EQ(doc["entry"][2]["resource"]["content"][0]["attachment"]["data"].get<std::string>().substr(0, 8),
            "JVBERi0x");                                         // base64 of "%PDF-1"
  EXPECT_EQ(get("/api/report.fhir.json?paper=a5").status, 400);  // the same checks as the PDF
}

TEST_F(ReportApi, ABadRangePaperOrQuestionIsRefusedWithItsField) {
  const auto bad = get("/api/report.pdf?from=November&paper=a5");
  ASSERT_EQ(bad.status, 400) << bad.body;
  const Json j = bad.json();
  ASSERT_EQ(j["errors"].size(), 2U) << bad.body;
  EXPECT_EQ(j["errors"][0]["field"], "from");
  EXPECT_EQ(j["errors"][1]["field"], "paper");
  EXPECT_EQ(j["errors"][1]["allowed"], "a4 or letter");
  const auto reversed = get("/api/report.pdf?from=2026-11-23&to=2026-11-01");
  ASSERT_EQ(reversed.status, 400) << reversed.body;
  EXPECT_EQ(reversed.json()["errors"][0]["allowed"], "a day on or before the last day (2026-11-01)");
  const auto long_questions = get("/api/report.pdf?questions=" + std::string(1001, 'q'));
  ASSERT_EQ(long_questions.status, 400);
  EXPECT_EQ(long_questions.json()["errors"][0]["field"], "questions");
}

}  // namespace
}  // namespace daybreak::testing
