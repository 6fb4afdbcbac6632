#include "report/fhir_document.hpp"

#include <fmt/format.h>
#include <boost/archive/iterators/base64_from_binary.hpp>
#include <boost/archive/iterators/transform_width.hpp>
#include <nlohmann/json.hpp>

#include "domain/text.hpp"
#include "report/fhir_codes.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;
using namespace fhir;

constexpr std::string_view kReportCode = "clinician-report";
constexpr std::string_view kReportDisplay = "Back pain report for a clinician";

// RFC 4648 base64 (Boost.Archive's iterators, then the '=' padding they leave out).
std::string base64(std::string_view bytes) {
  using namespace boost::archive::iterators;
  using Encoder = base64_from_binary<transform_width<std::string_view::const_iterator, 6, 8>>;
  std::string out(Encoder(bytes.begin()), Encoder(bytes.end()));
  out.append((3 - bytes.size() % 3) % 3, '=');
  return out;
}

// A section's narrative: XHTML as FHIR's Narrative allows (p, table, ul).
class Narrative {
 public:
  void paragraph(std::string_view text) {
    if (!text.empty()) html_ += "<p>" + xml_text(text) + "</p>";
  }
  void table(const ReportTable& t) {
    html_ += "<table><thead><tr>";
    for (const auto& h : t.header) html_ += "<th>" + xml_text(h) + "</th>";
    html_ += "</tr></thead><tbody>";
    for (const auto& row : t.rows) {
      html_ += "<tr>";
      for (const auto& cell : row) html_ += "<td>" + xml_text(cell) + "</td>";
      html_ += "</tr>";
    }
    html_ += "</tbody></table>";
  }
  void list(const std::vector<std::string>& items) {
    if (items.empty()) return;
    html_ += "<ul>";
    for (const auto& i : items) html_ += "<li>" + xml_text(i) + "</li>";
    html_ += "</ul>";
  }
  [[nodiscard]] bool empty() const { return html_.empty(); }
  [[nodiscard]] Json json() const {
    return {{"status", "generated"}, {"div", R"(<div xmlns="http://www.w3.org/1999/xhtml">)" + html_ + "</div>"}};
  }

 private:
  std::string html_;
};

Json section(std::string_view title, const Narrative& n) { return {{"title", title}, {"text", n.json()}}; }

Json report_type() {
  return {{"coding", Json::array({{{"system", kCodes}, {"code", kReportCode}, {"display", kReportDisplay}}})},
          {"text", kReportDisplay}};
}

Json sections(const ClinicianReport& r, const std::string& pdf_ref) {
  Json out = Json::array();
  if (!r.alerts.empty()) {
    Narrative n;
    for (const ReportAlert& a : r.alerts) {
      n.paragraph(a.heading);
      for (const auto& p : a.paragraphs) n.paragraph(p);
    }
    out.push_back(section("Warning signs", n));
  }
  {
    Narrative n;
    n.paragraph(r.period);
    n.paragraph(r.completeness);
    if (r.nothing_logged) n.paragraph(r.nothing_logged_text);
    if (!r.key_changes.header.empty()) n.table(r.key_changes);
    out.push_back(section("Key changes", n));
  }
  if (!r.nothing_logged) {
    Narrative pain;
    pain.paragraph(r.pain_chart_alt);
    out.push_back(section(r.pain_chart_title, pain));
    Narrative stiffness;
    stiffness.paragraph(r.stiffness_chart_alt);
    out.push_back(section(r.stiffness_chart_title, stiffness));
    Narrative q;
    if (r.questionnaires) {
      q.table(*r.questionnaires);
    } else {
      q.paragraph(r.questionnaires_none);
    }
    out.push_back(section("Questionnaires", q));
  }
  for (const auto& s : r.detail) {
    Narrative n;
    for (const auto& p : s.paragraphs) n.paragraph(p);
    if (s.table) n.table(*s.table);
    for (const auto& p : s.after_table) n.paragraph(p);
    n.list(s.items);  // every item: a file has no page to fill
    if (n.empty()) n.paragraph("Nothing to show in this period.");
    out.push_back(section(s.heading, n));
  }
  {
    Narrative n;
    for (const auto& p : r.method) n.paragraph(p);
    n.paragraph(r.disclaimer);
    out.push_back(section("How to read this report", n));
  }
  Narrative pdf;
  pdf.paragraph("The report as its two printed pages (PDF).");
  Json attached = section("The report as PDF", pdf);
  attached["entry"] = Json::array({{{"reference", pdf_ref}}});
  out.push_back(std::move(attached));
  return out;
}

}  // namespace

std::string fhir_report_document(const FhirReportDocument& doc) {
  const ClinicianReport& r = doc.report;
  const std::string stamp = format_with_offset(r.generated_at, doc.zone);
  const std::string key =
      fmt::format("report/{}/{}/{}", format_date(r.from), format_date(r.to), format_utc(r.generated_at));
  const Uuid bundle = doc.person.name(key);
  const Uuid composition = doc.person.name(key + "/composition");
  const Uuid attachment = doc.person.name(key + "/pdf");
  const std::string patient_ref = "urn:uuid:" + doc.person.text();
  const std::string pdf_ref = "urn:uuid:" + attachment.text();
  const Json subject{{"reference", patient_ref}};

  Json comp{{"resourceType", "Composition"},
            {"id", composition.text()},
            {"language", r.language},
            {"status", "final"},
            {"type", report_type()},
            {"subject", subject},
            {"date", stamp},
            {"author", Json::array({subject})},  // the person made it, with daybreak
            {"title", r.title},
            {"section", sections(r, pdf_ref)}};
  Json patient{{"resourceType", "Patient"}, {"id", doc.person.text()}};
  if (!r.name.empty()) patient["name"] = Json::array({{{"text", r.name}}});
  Json reference{
      {"resourceType", "DocumentReference"},
      {"id", attachment.text()},
      {"status", "current"},
      {"type", report_type()},
      {"subject", subject},
      {"date", stamp},
      {"author", Json::array({subject})},
      {"description", r.title},
      {"content",
       Json::array({{{"attachment",
                      {{"contentType", "application/pdf"},
                       {"language", r.language},
                       {"data", base64(doc.pdf)},
                       {"title", fmt::format("daybreak-report-{}-to-{}.pdf", format_date(r.from), format_date(r.to))},
                       {"creation", stamp}}}}})}};
  const auto entry = [](const Uuid& id, Json resource) {
    return Json{{"fullUrl", "urn:uuid:" + id.text()}, {"resource", std::move(resource)}};
  };
  Json out{{"resourceType", "Bundle"},
           {"id", bundle.text()},
           {"identifier", {{"system", "urn:ietf:rfc:3986"}, {"value", "urn:uuid:" + bundle.text()}}},
           {"type", "document"},
           {"timestamp", stamp},
           {"entry", Json::array({entry(composition, std::move(comp)), entry(doc.person, std::move(patient)),
                                  entry(attachment, std::move(reference))})}};
  return out.dump(1) + "\n";
}

}  // namespace daybreak
