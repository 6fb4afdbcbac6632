// A person's grants as FHIR R4 Consent resources (report/fhir.hpp): the
// privacy consent a patient gives ("patient-privacy" scope, opt-in policy),
// permitting one clinician, as information recipient, to access the data,
// for a period. docs/fhir.md lists the codes.
#include <algorithm>

#include "report/fhir.hpp"
#include "report/fhir_codes.hpp"
#include "report/json_writer.hpp"

namespace daybreak {
namespace {

using namespace fhir;

constexpr std::string_view kConsentScope = "http://terminology.hl7.org/CodeSystem/consentscope";
constexpr std::string_view kActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
constexpr std::string_view kParticipation = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
constexpr std::string_view kConsentAction = "http://terminology.hl7.org/CodeSystem/consentaction";
constexpr std::string_view kSharePart = "https://daybreak.invalid/fhir/CodeSystem/share-part";

class ConsentWriter {
 public:
  ConsentWriter(std::string& out, const FhirConsentExport& data) : w_(out), data_(data) {}

  void write() {
    w_.begin_object();
    w_.member("resourceType", "Bundle");
    w_.member("id", data_.person.id.name("consents").text());
    w_.member("type", "collection");
    w_.key("entry").begin_array();
    party("Patient", data_.person);
    std::vector<Uuid> written;
    for (const auto& c : data_.consents) {
      if (std::find(written.begin(), written.end(), c.clinician.id) != written.end()) continue;
      written.push_back(c.clinician.id);
      party("Practitioner", c.clinician);
    }
    for (const auto& c : data_.consents) consent(c);
    w_.newline().end_array();
    w_.end_object();
    w_.newline();
  }

 private:
  JsonWriter w_;
  const FhirConsentExport& data_;

  static std::string ref(const Uuid& id) { return "urn:uuid:" + id.text(); }

  void begin(std::string_view type, const Uuid& id) {
    w_.newline().begin_object();
    w_.member("fullUrl", ref(id));
    w_.key("resource").begin_object();
    w_.member("resourceType", type);
    w_.member("id", id.text());
  }
  void end() { w_.end_object().end_object(); }

  void coding(std::string_view system, std::string_view code, std::string_view display) {
    w_.begin_object().member("system", system).member("code", code);
    if (!display.empty()) w_.member("display", display);
    w_.end_object();
  }
  void codeable(std::string_view system, std::string_view code, std::string_view display) {
    w_.begin_object().key("coding").begin_array();
    coding(system, code, display);
    w_.end_array().end_object();
  }

  void party(std::string_view type, const FhirParty& p) {
    begin(type, p.id);
    if (!p.name.empty()) {
      w_.key("name").begin_array().begin_object().member("text", p.name).end_object().end_array();
    }
    end();
  }

  void consent(const FhirConsent& c) {
    const Grant& g = c.grant;
    begin("Consent", data_.person.id.name("consent/" + std::to_string(g.id.value)));
    w_.member("status", g.active(data_.today) ? "active" : "inactive");
    w_.key("scope");
    codeable(kConsentScope, "patient-privacy", "Privacy Consent");
    w_.key("category").begin_array();
    codeable(kLoinc, "59284-0", "Patient Consent");
    w_.end_array();
    w_.key("patient").begin_object().member("reference", ref(data_.person.id)).end_object();
    w_.member("dateTime", format_with_offset(g.created_at, data_.zone));
    w_.key("performer").begin_array();
    w_.begin_object().member("reference", ref(data_.person.id)).end_object();
    w_.end_array();
    w_.key("policyRule");
    codeable(kActCode, "OPTIN", "opt-in");
    provision(c);
    end();
  }

  // What the grant permits: access for the clinician, from its start to the
  // moment it was stopped or its last day (an end as a date includes the day).
  void provision(const FhirConsent& c) {
    const Grant& g = c.grant;
    w_.key("provision").begin_object();
    w_.member("type", "permit");
    w_.key("period").begin_object();
    w_.member("start", format_with_offset(g.created_at, data_.zone));
    if (g.revoked_at && (!g.until || data_.zone.date_of(*g.revoked_at) <= *g.until)) {
      w_.member("end", format_with_offset(*g.revoked_at, data_.zone));
    } else if (g.until) {
      w_.member("end", format_date(*g.until));
    }
    w_.end_object();
    w_.key("actor").begin_array().begin_object();
    w_.key("role");
    codeable(kParticipation, "IRCP", "information recipient");
    w_.key("reference").begin_object().member("reference", ref(c.clinician.id));
    if (!c.clinician.name.empty()) w_.member("display", c.clinician.name);
    w_.end_object();
    w_.end_object().end_array();
    w_.key("action").begin_array();
    codeable(kConsentAction, "access", "Access");
    w_.end_array();
    if (!g.everything) {
      w_.key("code").begin_array();
      for (const Scope s : g.scopes) codeable(kSharePart, scope_name(s), {});
      w_.end_array();
    }
    w_.end_object();
  }
};

}  // namespace

std::string fhir_consents(const FhirConsentExport& data) {
  std::string out;
  ConsentWriter(out, data).write();
  return out;
}

}  // namespace daybreak
