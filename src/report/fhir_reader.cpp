// Reads a FHIR R4 collection Bundle as fhir_writer.cpp writes it. Diary values
// go through the field catalogue exactly as the CLI's options do (as the JSON
// that fields_from_json reads), answers through the questionnaire engine; a
// problem names the resource and the FHIRPath of the element.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/entry_fields.hpp"
#include "domain/json_text.hpp"
#include "domain/text.hpp"
#include "progression/record.hpp"
#include "report/fhir.hpp"
#include "report/fhir_codes.hpp"

namespace daybreak {
namespace {

using namespace fhir;
using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

constexpr std::size_t kMaxProblems = 100;

// A member's text, or "" when it is missing or is not text: a file can hold
// anything where text belongs, and nlohmann's value() throws on a wrong type.
std::string text_member(const Json& object, std::string_view key) {
  if (!object.is_object()) return {};
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string shown(const Json& j) {
  if (j.is_string()) return j.get<std::string>();
  return shorten(j.dump(), 80);
}

// One diary entry being gathered from its resources.
struct EntryDraft {
  LocalDate date;
  Period period = Period::morning;
  OrderedJson fields = OrderedJson::object();
  std::optional<Instant> created_at;
  std::map<std::string, FhirPlace, std::less<>> places;  // field -> the first resource that gave it
  FhirPlace first;
};

class Reader {
 public:
  Reader(const TimeZone& zone, std::span<const Instrument> instruments) : zone_(zone), instruments_(instruments) {}

  Result<FhirContent, FhirProblems> read(std::string_view text) {
    JsonText outcome = JsonText::parsed;
    const Json doc = parse_json_text<Json>(text, outcome);
    if (outcome == JsonText::too_deep) {
      return fail(FhirProblems{
          {{"", "Bundle"},
           "",
           fmt::format("a JSON document nested at most {} levels deep (this file nests deeper)", kMaxJsonDepth)}});
    }
    if (doc.is_discarded()) {
      return fail(FhirProblems{
          {{"", "Bundle"}, "", fmt::format("a JSON document (this file is not valid JSON: {})", why_not_json(text))}});
    }
    if (!doc.is_object() || text_member(doc, "resourceType") != "Bundle") {
      return fail(FhirProblems{{{"", "Bundle.resourceType"},
                                shown(doc.is_object() ? doc.value("resourceType", Json()) : doc),
                                "a FHIR R4 Bundle, as `daybreak export fhir` writes it"}});
    }
    if (text_member(doc, "type") != "collection") {
      problem({"Bundle", "Bundle.type"}, doc.value("type", Json()), "collection");
    }
    const Json* entries = find(doc, "entry");
    if (entries == nullptr || !entries->is_array()) {
      problem({"Bundle", "Bundle.entry"}, Json(), "a list of entries");
      return fail(std::move(problems_));
    }
    // The Patient first: every other resource refers to it.
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const Json& e = (*entries)[i];
      const Json* r = e.is_object() ? find(e, "resource") : nullptr;
      if (r != nullptr && r->is_object() && text_member(*r, "resourceType") == "Patient") patient(e, *r, i);
    }
    if (!have_patient_) problem({"Bundle", "Bundle.entry"}, Json(), "one Patient: the person the diary belongs to");
    for (std::size_t i = 0; i < entries->size() && problems_.size() < kMaxProblems; ++i) entry((*entries)[i], i);
    for (const auto& [ref, pain] : pain_before_) {
      const auto it = procedures_.find(ref);
      if (it == procedures_.end()) {
        problem(pain.place, Json(ref), "a reference to a Procedure (a guided session) in this Bundle");
      } else {
        content_.sessions[it->second].record.pain_before = pain.value;
        have_pain_.insert(it->second);
      }
    }
    for (std::size_t s = 0; s < content_.sessions.size(); ++s) {
      if (!have_pain_.contains(s)) {
        problem(content_.sessions[s].place, Json(),
                "an Observation of the pain before the session (LOINC 72514-3) that is partOf this Procedure");
      }
    }
    finish_entries();
    finish_experiments();
    if (!problems_.empty()) return fail(std::move(problems_));
    return std::move(content_);
  }

 private:
  const TimeZone& zone_;
  std::span<const Instrument> instruments_;
  FhirProblems problems_;
  FhirContent content_;
  bool have_patient_ = false;
  std::string patient_ref_;
  std::map<std::pair<long, int>, EntryDraft> drafts_;  // (day, period) -> values, in diary order
  std::map<std::string, std::size_t> procedures_;      // fullUrl -> index in content_.sessions
  struct PainBefore {
    FhirPlace place;
    PainScore value;
  };
  std::vector<std::pair<std::string, PainBefore>> pain_before_;
  std::set<std::size_t> have_pain_;
  std::set<std::string> full_urls_;
  std::map<std::string, std::size_t> experiments_;  // fullUrl -> index in content_.experiments
  std::set<std::string> refused_experiments_;       // fullUrls of experiments with a problem, reported
  struct NightDraft {
    std::string based_on;
    ExperimentNight night;
    FhirPlace place;
  };
  std::vector<NightDraft> nights_;

  static const Json* find(const Json& object, std::string_view key) {
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  void problem(FhirPlace place, const Json& value, std::string allowed) {
    if (problems_.size() >= kMaxProblems) return;
    problems_.push_back({std::move(place), value.is_null() ? std::string() : shown(value), std::move(allowed)});
  }

  static FhirPlace at(const FhirPlace& p, std::string_view more) { return {p.resource, p.path + std::string(more)}; }

  // Members a resource may have; any other is reported (an unknown property is an error, as in the validators).
  bool only(const Json& r, const FhirPlace& p, std::initializer_list<std::string_view> allowed) {
    bool ok = true;
    for (const auto& [key, value] : r.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::vector<std::string> names(allowed.begin(), allowed.end());
      problem(at(p, "." + key), value, "a member daybreak reads here: " + join(names, ", "));
      ok = false;
    }
    return ok;
  }

  std::optional<std::string> string(const Json& r, const FhirPlace& p, std::string_view key, std::string_view allowed) {
    const Json* v = find(r, key);
    if (v == nullptr || !v->is_string() || v->get_ref<const std::string&>().empty()) {
      problem(at(p, "." + std::string(key)), v != nullptr ? *v : Json(), std::string(allowed));
      return std::nullopt;
    }
    return v->get<std::string>();
  }

  std::optional<Instant> instant(const Json& r, const FhirPlace& p, std::string_view key) {
    const auto text = string(r, p, key, "a date and time with its UTC offset, such as 2026-11-23T07:30:00+01:00");
    if (!text) return std::nullopt;
    const auto t = parse_instant(*text);
    if (!t)
      problem(at(p, "." + std::string(key)), Json(*text),
              "a date and time with its UTC offset, such as 2026-11-23T07:30:00+01:00");
    return t;
  }

  std::optional<std::int64_t> integer(const Json& r, const FhirPlace& p, std::string_view key, std::int64_t min,
                                      std::int64_t max) {
    const Json* v = find(r, key);
    if (v == nullptr || !v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
      problem(at(p, "." + std::string(key)), v != nullptr ? *v : Json(),
              fmt::format("a whole number from {} to {}", min, max));
      return std::nullopt;
    }
    return v->get<std::int64_t>();
  }

  // The first coding of a CodeableConcept: (system, code).
  std::optional<std::pair<std::string, std::string>> coding(const Json& r, const FhirPlace& p, std::string_view key,
                                                            std::string_view allowed) {
    const Json* c = find(r, key);
    const Json* list = c != nullptr && c->is_object() ? find(*c, "coding") : nullptr;
    if (list == nullptr || !list->is_array() || list->empty() || !(*list)[0].is_object()) {
      problem(at(p, "." + std::string(key)), c != nullptr ? *c : Json(), std::string(allowed));
      return std::nullopt;
    }
    const Json& first = (*list)[0];
    const FhirPlace cp = at(p, "." + std::string(key) + ".coding[0]");
    const auto system = string(first, cp, "system", allowed);
    const auto code = string(first, cp, "code", allowed);
    if (!system || !code) return std::nullopt;
    return std::pair{*system, *code};
  }

  bool refers_to_patient(const Json& r, const FhirPlace& p, std::string_view key) {
    const Json* v = find(r, key);
    if (v != nullptr && v->is_array() && !v->empty()) v = &(*v)[0];
    if (v != nullptr && v->is_object() && find(*v, "actor") != nullptr) v = find(*v, "actor");
    const Json* ref = v != nullptr && v->is_object() ? find(*v, "reference") : nullptr;
    if (ref == nullptr || !ref->is_string() || ref->get_ref<const std::string&>() != patient_ref_) {
      problem(at(p, "." + std::string(key)), ref != nullptr ? *ref : Json(),
              fmt::format("a reference to the Patient of this Bundle ({})", patient_ref_));
      return false;
    }
    return true;
  }

  void patient(const Json& e, const Json& r, std::size_t index) {
    const FhirPlace p{"Patient", fmt::format("Bundle.entry[{}].resource", index)};
    if (have_patient_) {
      problem(p, Json("Patient"), "one Patient: a Bundle holds one person's diary");
      return;
    }
    have_patient_ = true;
    const Json* url = find(e, "fullUrl");
    const std::string full = url != nullptr && url->is_string() ? url->get<std::string>() : std::string();
    const auto id = full.starts_with("urn:uuid:") ? Uuid::parse(std::string_view(full).substr(9)) : std::nullopt;
    if (!id) {
      problem({"Patient", fmt::format("Bundle.entry[{}].fullUrl", index)}, Json(full),
              "urn:uuid: and a UUID in lower case");
      return;
    }
    content_.person = *id;
    patient_ref_ = full;
    const Json* names = find(r, "name");
    if (names != nullptr && names->is_array() && !names->empty() && (*names)[0].is_object()) {
      content_.name = text_member((*names)[0], "text");
    }
  }

  void entry(const Json& e, std::size_t index) {
    const FhirPlace ep{"", fmt::format("Bundle.entry[{}]", index)};
    if (!e.is_object()) {
      problem(ep, e, "an entry with fullUrl and resource");
      return;
    }
    only(e, ep, {"fullUrl", "resource"});
    const Json* r = find(e, "resource");
    const auto full = string(e, ep, "fullUrl", "urn:uuid: and a UUID in lower case");
    if (r == nullptr || !r->is_object()) {
      problem(at(ep, ".resource"), r != nullptr ? *r : Json(), "a FHIR resource");
      return;
    }
    const std::string type = text_member(*r, "resourceType");
    const std::string id = text_member(*r, "id");
    const FhirPlace p{fmt::format("{}/{}", type, id), ep.path + ".resource"};
    if (full) {
      if (!full->starts_with("urn:uuid:") || !Uuid::parse(std::string_view(*full).substr(9)) || full->substr(9) != id) {
        problem(at(ep, ".fullUrl"), Json(*full), "urn:uuid: followed by the resource's id (a UUID in lower case)");
      } else if (!full_urls_.insert(*full).second) {
        problem(at(ep, ".fullUrl"), Json(*full), "a fullUrl used once in the Bundle");
      }
    }
    if (type == "Patient") {
      only(*r, p, {"resourceType", "id", "name"});
    } else if (type == "Observation") {
      observation(*r, p, full.value_or(""));
    } else if (type == "MedicationStatement") {
      medication(*r, p);
    } else if (type == "Procedure") {
      session(*r, p, full.value_or(""));
    } else if (type == "Questionnaire") {
      const auto url = string(*r, p, "url", "the URL of a questionnaire daybreak has");
      if (url && instrument_of(*url) == nullptr) {
        problem(at(p, ".url"), Json(*url),
                "the URL of a questionnaire daybreak has, such as " + questionnaire_url("odi"));
      }
    } else if (type == "QuestionnaireResponse") {
      response(*r, p);
    } else if (type == "CarePlan") {
      care_plan(*r, p, full.value_or(""));
    } else if (type == "ClinicalImpression") {
      decision(*r, p);
    } else {
      problem(at(p, ".resourceType"), Json(type),
              "a resource daybreak reads: Patient, Observation, MedicationStatement, Procedure, Questionnaire, "
              "QuestionnaireResponse, CarePlan or ClinicalImpression");
    }
  }

  const Instrument* instrument_of(std::string_view url) const {
    for (const auto& i : instruments_) {
      if (questionnaire_url(i.id) == url) return &i;
    }
    return nullptr;
  }

  // ---- diary values ----

  EntryDraft* diary_context(const Json& r, const FhirPlace& p) {
    std::optional<LocalDate> date;
    std::optional<Period> period;
    const Json* ext = find(r, "extension");
    if (ext != nullptr && ext->is_array()) {
      for (std::size_t i = 0; i < ext->size(); ++i) {
        const Json& x = (*ext)[i];
        const FhirPlace xp = at(p, fmt::format(".extension[{}]", i));
        const std::string url = x.is_object() ? text_member(x, "url") : "";
        if (url == kExtDiaryDay) {
          const auto text = string(x, xp, "valueDate", "a diary day, YYYY-MM-DD");
          date = text ? parse_date(*text) : std::nullopt;
          if (text && (!date || *date < kFirstDiaryDay)) {
            problem(at(xp, ".valueDate"), Json(*text),
                    fmt::format("a day from {} on, written YYYY-MM-DD", format_date(kFirstDiaryDay)));
            date.reset();
          }
        } else if (url == kExtDiaryPeriod) {
          const auto text = string(x, xp, "valueCode", "night, morning, afternoon or evening");
          period = text ? parse_choice<Period>(*text) : std::nullopt;
          if (text && !period) problem(at(xp, ".valueCode"), Json(*text), "night, morning, afternoon or evening");
        } else {
          problem(at(xp, ".url"), Json(url), fmt::format("{} or {}", kExtDiaryDay, kExtDiaryPeriod));
        }
      }
    }
    if (!date || !period) {
      if (!date && !period) {
        problem(at(p, ".extension"), Json(),
                fmt::format("the diary day ({}) and period ({}) the value belongs to", kExtDiaryDay, kExtDiaryPeriod));
      }
      return nullptr;
    }
    // value_or, though both are set here: GCC 12 at -O2 cannot see it and warns on *period.
    const Period entry_period = period.value_or(Period::morning);
    const auto key = std::pair{static_cast<long>(std::chrono::sys_days{*date}.time_since_epoch().count()),
                               static_cast<int>(entry_period)};
    auto [it, fresh] = drafts_.try_emplace(key);
    if (fresh) {
      it->second.date = *date;
      it->second.period = entry_period;
      it->second.first = p;
    }
    return &it->second;
  }

  void recorded_at(EntryDraft& d, const Json& r, const FhirPlace& p, std::string_view key) {
    const auto t = instant(r, p, key);
    if (t && !d.created_at) d.created_at = t;
  }

  // Sets fields[name] once; a second resource for a single value is a problem.
  void set_once(EntryDraft& d, const FieldCode& f, const FhirPlace& p, OrderedJson value) {
    if (d.fields.contains(f.field)) {
      problem(at(p, ".code"), Json(f.code),
              fmt::format("one {} per entry (the {} of {} has one already)", f.display, name_of(d.period),
                          format_date(d.date)));
      return;
    }
    d.fields[std::string(f.field)] = std::move(value);
    d.places.emplace(f.field, p);
  }
  void append(EntryDraft& d, const FieldCode& f, const FhirPlace& p, OrderedJson value) {
    auto& list = d.fields[std::string(f.field)];
    if (list.is_null()) list = OrderedJson::array();
    list.push_back(std::move(value));
    d.places.emplace(f.field, p);
  }

  static OrderedJson as_ordered(const Json& j) { return OrderedJson::parse(j.dump()); }

  void observation(const Json& r, const FhirPlace& p, const std::string& full_url) {
    (void)full_url;
    if (!only(r, p, {"resourceType",  "id",           "extension",         "status",        "category",
                     "code",          "subject",      "effectiveDateTime", "performer",     "valueInteger",
                     "valueQuantity", "valueBoolean", "valueString",       "valueDateTime", "valueCodeableConcept",
                     "bodySite",      "partOf",       "derivedFrom",       "component",     "basedOn",
                     "note"})) {
      return;
    }
    const auto code = coding(r, p, "code", "a code daybreak writes (docs/fhir.md): LOINC 72514-3 or one of daybreak's");
    if (!code) return;
    if (code->first == kCodes && code->second == kNightCode) return experiment_night(r, p);
    for (const std::string_view key : {"basedOn", "note"}) {
      if (const Json* v = find(r, key)) {
        problem(at(p, "." + std::string(key)), *v, "nothing: only an experiment's night has it");
        return;
      }
    }
    if (code->first == kCodes && code->second == kCheckCode) return screening(r, p);
    if (const Json* c = find(r, "component")) {
      problem(at(p, ".component"), *c, "no components: only a safety check has them");
      return;
    }
    if (text_member(r, "status") != "final") problem(at(p, ".status"), r.value("status", Json()), "final");
    refers_to_patient(r, p, "subject");
    if (code->first == kLoinc && code->second == kPainCode && find(r, "partOf") != nullptr) {
      const Json& part = r["partOf"];
      const Json* ref = part.is_array() && !part.empty() && part[0].is_object() ? find(part[0], "reference") : nullptr;
      const auto pain = integer(r, p, "valueInteger", 0, 10);
      if (ref == nullptr || !ref->is_string()) {
        problem(at(p, ".partOf"), part, "a reference to the Procedure (guided session) the rating was made before");
      } else if (pain) {
        pain_before_.push_back({ref->get<std::string>(), {p, *PainScore::make(*pain)}});
      }
      return;
    }
    if (find(r, "derivedFrom") != nullptr) {
      // A questionnaire's score: derived from its QuestionnaireResponse and scored again from the answers.
      const bool score = (code->first == kLoinc && code->second == kOdiScoreCode) ||
                         (code->first == kCodes && code->second.ends_with("-score"));
      if (!score) problem(at(p, ".code.coding[0].code"), Json(code->second), "a questionnaire's score code");
      return;
    }
    const FieldCode* f = field_of_code(code->first, code->second);
    if (f == nullptr || f->kind == ValueKind::medication) {
      problem(at(p, ".code.coding[0].code"), Json(code->first + "#" + code->second),
              fmt::format("a code daybreak writes for a diary value: {}#{} or one of {} (docs/fhir.md)", kLoinc,
                          kPainCode, kCodes));
      return;
    }
    EntryDraft* d = diary_context(r, p);
    if (d == nullptr) return;
    recorded_at(*d, r, p, "effectiveDateTime");
    const auto value_of = [&](std::string_view key) -> const Json* {
      const Json* v = find(r, key);
      if (v == nullptr) problem(at(p, "." + std::string(key)), Json(), fmt::format("a value for {}", f->display));
      return v;
    };
    switch (f->kind) {
      case ValueKind::integer:
        if (const Json* v = value_of("valueInteger")) set_once(*d, *f, at(p, ".valueInteger"), as_ordered(*v));
        break;
      case ValueKind::quantity:
        if (const Json* v = value_of("valueQuantity")) {
          const FhirPlace qp = at(p, ".valueQuantity");
          if (!v->is_object() || text_member(*v, "code") != f->unit || text_member(*v, "system") != kUcum) {
            problem(at(qp, ".code"), v->is_object() ? v->value("code", Json()) : *v,
                    fmt::format("the UCUM unit {} ({})", f->unit, kUcum));
          } else if (const Json* n = find(*v, "value")) {
            set_once(*d, *f, at(qp, ".value"), as_ordered(*n));
          } else {
            problem(at(qp, ".value"), Json(), "a number");
          }
        }
        break;
      case ValueKind::flag:
      case ValueKind::yes_no:
        if (const Json* v = value_of("valueBoolean")) {
          if (!v->is_boolean() || (f->kind == ValueKind::flag && !v->get<bool>())) {
            problem(at(p, ".valueBoolean"), *v,
                    f->kind == ValueKind::flag ? "true (the value is left out when false)" : "true or false");
          } else {
            set_once(*d, *f, at(p, ".valueBoolean"),
                     f->kind == ValueKind::flag ? OrderedJson(true) : OrderedJson(v->get<bool>() ? "yes" : "no"));
          }
        }
        break;
      case ValueKind::date_time:
        if (const Json* v = value_of("valueDateTime")) set_once(*d, *f, at(p, ".valueDateTime"), as_ordered(*v));
        break;
      case ValueKind::text:
        if (const Json* v = value_of("valueString")) set_once(*d, *f, at(p, ".valueString"), as_ordered(*v));
        break;
      case ValueKind::texts:
        if (const Json* v = value_of("valueString")) append(*d, *f, at(p, ".valueString"), as_ordered(*v));
        break;
      case ValueKind::coded:
        if (value_of("valueCodeableConcept") != nullptr) {
          const std::string system = words_system(f->field);
          const auto word = coding(r, p, "valueCodeableConcept", "a word of " + system);
          if (word && word->first != system) {
            problem(at(p, ".valueCodeableConcept.coding[0].system"), Json(word->first), system);
          } else if (word) {
            const FhirPlace wp = at(p, ".valueCodeableConcept.coding[0].code");
            if (f->field == "sleep_position") {
              set_once(*d, *f, wp, OrderedJson(word->second));
            } else {
              append(*d, *f, wp, OrderedJson(word->second));
            }
          }
        }
        break;
      case ValueKind::factor: {
        const auto name = string(r["code"], at(p, ".code"), "text", "the factor's name");
        const Json* v = value_of("valueString");
        if (!name || v == nullptr) break;
        auto& factors = d->fields["factors"];
        if (factors.is_null()) factors = OrderedJson::object();
        const std::string key = to_lower_ascii(*name);
        if (factors.contains(key)) {
          problem(at(p, ".code.text"), Json(*name), "each factor once per entry");
        } else {
          factors[key] = as_ordered(*v);
          d->places.emplace("factors", at(p, ".valueString"));
        }
        break;
      }
      case ValueKind::medication:
        break;
    }
  }

  void medication(const Json& r, const FhirPlace& p) {
    if (!only(r, p,
              {"resourceType", "id", "extension", "status", "medicationCodeableConcept", "subject", "effectiveDateTime",
               "dateAsserted", "informationSource", "dosage"})) {
      return;
    }
    if (text_member(r, "status") != "completed") problem(at(p, ".status"), r.value("status", Json()), "completed");
    refers_to_patient(r, p, "subject");
    EntryDraft* d = diary_context(r, p);
    const Json* medicine = find(r, "medicationCodeableConcept");
    const auto name = medicine != nullptr && medicine->is_object()
                          ? string(*medicine, at(p, ".medicationCodeableConcept"), "text", "the medicine's name")
                          : std::nullopt;
    if (medicine == nullptr || !medicine->is_object()) {
      problem(at(p, ".medicationCodeableConcept"), Json(), "the medicine, named in its text");
    }
    if (d == nullptr || !name) return;
    recorded_at(*d, r, p, "dateAsserted");
    OrderedJson m{{"name", *name}};
    const Json* dosage = find(r, "dosage");
    if (dosage != nullptr) {
      if (!dosage->is_array() || dosage->size() != 1 || !(*dosage)[0].is_object()) {
        problem(at(p, ".dosage"), *dosage, "one dosage with its text");
      } else if (const auto dose =
                     string((*dosage)[0], at(p, ".dosage[0]"), "text", "the dose as text, such as 400 mg")) {
        m["dose"] = *dose;
      }
    }
    if (const Json* t = find(r, "effectiveDateTime")) m["taken_at"] = as_ordered(*t);
    append(*d, *code_of_field("medications"), at(p, ".medicationCodeableConcept.text"), std::move(m));
  }

  void finish_entries() {
    for (auto& [key, d] : drafts_) {
      if (!d.created_at) continue;  // reported already
      FhirEntry entry{d.date, d.period, {}, *d.created_at};
      const TimeContext ctx{d.date, d.period, zone_};
      FieldErrors errors = fields_from_json(entry.fields, d.fields, ctx, DraftMode::create);
      if (errors.empty()) errors = check_fields(entry.fields, ctx);
      for (auto& e : errors) {
        const auto place = d.places.find(e.field);
        FhirPlace where = place != d.places.end() ? place->second : d.first;
        if (place == d.places.end()) {
          where.path += fmt::format(" (the {} of {}: {})", name_of(d.period), format_date(d.date), e.field);
        }
        problems_.push_back({std::move(where), std::move(e.value), std::move(e.allowed)});
      }
      if (errors.empty()) content_.entries.push_back(std::move(entry));
    }
  }

  // ---- guided sessions ----

  void session(const Json& r, const FhirPlace& p, const std::string& full_url) {
    if (!only(r, p,
              {"resourceType", "id", "extension", "status", "statusReason", "code", "subject", "performedPeriod",
               "performer"})) {
      return;
    }
    refers_to_patient(r, p, "subject");
    FhirSession s;
    s.place = p;
    SessionRecord& rec = s.record;
    bool ok = true;
    const auto need = [&](bool good) { ok = ok && good; };
    const Json* ext = find(r, "extension");
    bool have_program = false;
    bool have_steps = false;
    if (ext != nullptr && ext->is_array()) {
      for (std::size_t i = 0; i < ext->size(); ++i) {
        const Json& x = (*ext)[i];
        const FhirPlace xp = at(p, fmt::format(".extension[{}]", i));
        const std::string url = x.is_object() ? text_member(x, "url") : "";
        if (url == kExtProgram) {
          const auto v = string(x, xp, "valueCode", "a program id");
          if (v) rec.program = *v;
          have_program = v.has_value();
          need(v.has_value());
        } else if (url == kExtStage) {
          const auto v = integer(x, xp, "valueInteger", 1, 100);
          if (v) rec.stage = static_cast<int>(*v);
          need(v.has_value());
        } else if (url == kExtSteps) {
          const auto v = string(x, xp, "valueString", "one letter per plan step: d done, s skipped, - not reached");
          const auto steps = v ? outcomes_from_letters(*v) : std::nullopt;
          if (v && !steps)
            problem(at(xp, ".valueString"), Json(*v), "one letter per plan step: d done, s skipped, - not reached");
          if (steps) rec.steps = *steps;
          have_steps = steps.has_value();
          need(steps.has_value());
        } else if (url == kExtExercise) {
          need(exercise(x, xp, rec));
        } else {
          problem(at(xp, ".url"), Json(url),
                  fmt::format("{}, {}, {} or {}", kExtProgram, kExtStage, kExtSteps, kExtExercise));
          need(false);
        }
      }
    }
    if (!have_program || !have_steps) {
      problem(at(p, ".extension"), Json(),
              fmt::format("the session's program ({}) and steps ({})", kExtProgram, kExtSteps));
      need(false);
    }
    const std::string status = text_member(r, "status");
    if (status == "stopped") {
      const auto reason = coding(r, p, "statusReason", "why the session stopped: pain, time or other");
      const auto stop = reason ? parse_choice<StopReason>(reason->second) : std::nullopt;
      if (reason && (reason->first != kStopReasons || !stop)) {
        problem(at(p, ".statusReason.coding[0]"), Json(reason->first + "#" + reason->second),
                fmt::format("pain, time or other in {}", kStopReasons));
      }
      rec.stop_reason = stop;
      need(stop.has_value());
    } else if (status != "completed") {
      problem(at(p, ".status"), r.value("status", Json()), "completed, or stopped with a statusReason");
      need(false);
    }
    const auto code = coding(r, p, "code", "a routine: morning-routine, evening-routine or flare-routine");
    std::optional<RoutineKind> routine;
    if (code && code->first == kCodes && code->second.ends_with("-routine")) {
      routine = parse_choice<RoutineKind>(std::string_view(code->second).substr(0, code->second.size() - 8));
    }
    if (code && !routine) {
      problem(at(p, ".code.coding[0]"), Json(code->first + "#" + code->second),
              fmt::format("morning-routine, evening-routine or flare-routine in {}", kCodes));
    }
    need(routine.has_value());
    if (routine) rec.routine = *routine;
    const Json* period = find(r, "performedPeriod");
    if (period == nullptr || !period->is_object()) {
      problem(at(p, ".performedPeriod"), Json(), "when the session started and ended");
      need(false);
    } else {
      const auto start = instant(*period, at(p, ".performedPeriod"), "start");
      const auto end = instant(*period, at(p, ".performedPeriod"), "end");
      if (start && end && *end < *start) {
        problem(at(p, ".performedPeriod.end"), (*period)["end"], "a time after the start");
        need(false);
      }
      need(start && end);
      if (start) rec.started_at = *start;
      if (end) rec.ended_at = *end;
    }
    if (!ok) return;
    procedures_.emplace(full_url, content_.sessions.size());
    content_.sessions.push_back(std::move(s));
  }

  bool exercise(const Json& x, const FhirPlace& xp, SessionRecord& rec) {
    const Json* parts = find(x, "extension");
    if (parts == nullptr || !parts->is_array()) {
      problem(at(xp, ".extension"), Json(), "exercise, level, work-steps, done, skipped and pain-during");
      return false;
    }
    SessionExerciseRecord e;
    bool ok = true;
    bool named = false;
    for (std::size_t i = 0; i < parts->size(); ++i) {
      const Json& part = (*parts)[i];
      const FhirPlace pp = at(xp, fmt::format(".extension[{}]", i));
      const std::string url = part.is_object() ? text_member(part, "url") : "";
      if (url == "exercise") {
        const auto v = string(part, pp, "valueCode", "an exercise id");
        if (v) e.exercise = *v;
        named = v.has_value();
      } else if (url == "level" || url == "work-steps" || url == "done" || url == "skipped" || url == "pain-during") {
        const auto v = integer(part, pp, "valueInteger", url == "level" ? 1 : 0, url == "pain-during" ? 10 : 10000);
        if (!v) {
          ok = false;
          continue;
        }
        const int n = static_cast<int>(*v);
        if (url == "level") e.level = n;
        if (url == "work-steps") e.work_steps = n;
        if (url == "done") e.done = n;
        if (url == "skipped") e.skipped = n;
        if (url == "pain-during") e.pain_during = PainScore::make(n);
      } else {
        problem(at(pp, ".url"), Json(url), "exercise, level, work-steps, done, skipped or pain-during");
        ok = false;
      }
    }
    if (!named) {
      problem(at(xp, ".extension"), Json(), "the exercise's id (url exercise)");
      ok = false;
    }
    if (ok) rec.exercises.push_back(std::move(e));
    return ok;
  }

  // ---- questionnaires ----

  void response(const Json& r, const FhirPlace& p) {
    if (!only(r, p,
              {"resourceType", "id", "questionnaire", "status", "subject", "authored", "author", "source", "item"})) {
      return;
    }
    refers_to_patient(r, p, "subject");
    if (text_member(r, "status") != "completed") problem(at(p, ".status"), r.value("status", Json()), "completed");
    const auto canonical = string(r, p, "questionnaire", "the questionnaire's URL and version, URL|VERSION");
    const auto taken = instant(r, p, "authored");
    if (!canonical || !taken) return;
    const std::size_t bar = canonical->find('|');
    const Instrument* q = instrument_of(std::string_view(*canonical).substr(0, bar));
    if (q == nullptr || bar == std::string::npos || canonical->substr(bar + 1) != q->version) {
      std::vector<std::string> known;
      for (const auto& i : instruments_) known.push_back(questionnaire_url(i.id) + "|" + i.version);
      problem(at(p, ".questionnaire"), Json(*canonical), "one daybreak scores: " + join(known, ", "));
      return;
    }
    FhirResponse out;
    out.place = p;
    QuestionnaireResponse& qr = out.response;
    qr.instrument = q->id;
    qr.version = q->version;
    qr.taken_at = *taken;
    const Json* items = find(r, "item");
    if (items == nullptr || !items->is_array()) {
      problem(at(p, ".item"), Json(), "the answers, one item each, and the score");
      return;
    }
    std::map<std::string, FhirPlace, std::less<>> places;
    std::optional<double> file_score;
    FhirPlace score_place = at(p, ".item");
    const std::string answers = answers_system(q->id);
    for (std::size_t i = 0; i < items->size(); ++i) {
      const Json& item = (*items)[i];
      const FhirPlace ip = at(p, fmt::format(".item[{}]", i));
      const auto link = item.is_object() ? string(item, ip, "linkId", "an item's linkId") : std::nullopt;
      if (!link) continue;
      const Json* answer = find(item, "answer");
      const Json* first = answer != nullptr && answer->is_array() && answer->size() == 1 ? &(*answer)[0] : nullptr;
      if (answer != nullptr && first == nullptr) {
        problem(at(ip, ".answer"), *answer, "one answer");
        continue;
      }
      if (*link == "score") {
        score_place = at(ip, ".answer[0].valueDecimal");
        const Json* v = first != nullptr ? find(*first, "valueDecimal") : nullptr;
        if (v == nullptr || !v->is_number()) {
          problem(score_place, v != nullptr ? *v : Json(), "the score, a number");
        } else {
          file_score = v->get<double>();
        }
        continue;
      }
      if (q->activities && *link == "activity") {
        activity(item, ip, qr, places);
        continue;
      }
      ItemAnswer a{*link, std::nullopt, std::nullopt};
      if (first != nullptr) {
        if (const Json* c = find(*first, "valueCoding")) {
          const auto code =
              c->is_object() ? string(*c, at(ip, ".answer[0].valueCoding"), "code", "an option's code") : std::nullopt;
          if (c->is_object() && text_member(*c, "system") != answers) {
            problem(at(ip, ".answer[0].valueCoding.system"), c->value("system", Json()), answers);
          }
          a.choice = code;
          places.emplace(*link, at(ip, ".answer[0].valueCoding.code"));
        } else if (const Json* v = find(*first, "valueInteger"); v != nullptr && v->is_number_integer()) {
          a.value = static_cast<int>(std::clamp<std::int64_t>(v->get<std::int64_t>(), -1000000, 1000000));
          places.emplace(*link, at(ip, ".answer[0].valueInteger"));
        } else {
          problem(at(ip, ".answer[0]"), *first, "valueCoding (a choice) or valueInteger (a number)");
          continue;
        }
      } else {
        places.emplace(*link, ip);
      }
      qr.answers.push_back(std::move(a));
    }
    const auto scored = score_answers(*q, qr.answers);
    if (!scored) {
      for (const auto& e : scored.error()) {
        const auto it = places.find(e.field);
        problems_.push_back({it != places.end() ? it->second : at(p, ".item"), e.value, e.allowed});
      }
      return;
    }
    qr.score = *scored;
    if (!file_score) {
      problem(score_place, Json(), "the score as an item with linkId score");
    } else if (std::abs(*file_score - scored->value) > 1e-9) {
      problem(
          score_place, Json(*file_score),
          fmt::format("the score of these answers, {} (daybreak scores them again)", format_score(*q, scored->value)));
    }
    content_.responses.push_back(std::move(out));
  }

  // ---- the program ----

  // An id of the content (a program's, an exercise's): a-z, digits, _ and -.
  static bool content_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    });
  }

  void care_plan(const Json& r, const FhirPlace& p, const std::string& full_url) {
    // A CarePlan with a category is an experiment; the program's has none.
    if (const Json* category = find(r, "category")) {
      const Json* first = category->is_array() && category->size() == 1 ? &(*category)[0] : nullptr;
      const Json* codings = first != nullptr && first->is_object() ? find(*first, "coding") : nullptr;
      const Json* c = codings != nullptr && codings->is_array() && !codings->empty() ? &(*codings)[0] : nullptr;
      if (c == nullptr || !c->is_object() || text_member(*c, "system") != kCodes ||
          text_member(*c, "code") != kExperimentCode) {
        problem(at(p, ".category"), *category,
                fmt::format("{}#{} (a personal experiment), or no category (the program)", kCodes, kExperimentCode));
        return;
      }
      return experiment(r, p, full_url);
    }
    if (!only(r, p, {"resourceType", "id", "extension", "status", "intent", "title", "subject", "activity"})) return;
    if (content_.program) {
      problem(p, Json("CarePlan"), "one CarePlan: where the person's program stands");
      return;
    }
    FhirProgram& out = content_.program.emplace();
    refers_to_patient(r, p, "subject");
    if (text_member(r, "status") != "active") problem(at(p, ".status"), r.value("status", Json()), "active");
    if (text_member(r, "intent") != "plan") problem(at(p, ".intent"), r.value("intent", Json()), "plan");
    const Json* ext = find(r, "extension");
    for (std::size_t i = 0; ext != nullptr && ext->is_array() && i < ext->size(); ++i) {
      const Json& x = (*ext)[i];
      const FhirPlace xp = at(p, fmt::format(".extension[{}]", i));
      const Json* parts = x.is_object() ? find(x, "extension") : nullptr;
      if (!x.is_object() || text_member(x, "url") != kExtProgramStage || parts == nullptr || !parts->is_array() ||
          parts->size() != 2 || !(*parts)[0].is_object() || text_member((*parts)[0], "url") != "program" ||
          !(*parts)[1].is_object() || text_member((*parts)[1], "url") != "stage") {
        problem(xp, x, fmt::format("{} with a program (valueCode) and its stage (valueInteger)", kExtProgramStage));
        continue;
      }
      const auto program = string((*parts)[0], at(xp, ".extension[0]"), "valueCode", "a program's id");
      const auto stage = integer((*parts)[1], at(xp, ".extension[1]"), "valueInteger", 1, 99);
      keep(out, out.stages, "program", program, stage, at(xp, ".extension[0].valueCode"),
           at(xp, ".extension[1].valueInteger"));
    }
    const Json* activities = find(r, "activity");
    for (std::size_t i = 0; activities != nullptr && activities->is_array() && i < activities->size(); ++i) {
      const FhirPlace ap = at(p, fmt::format(".activity[{}]", i));
      const Json* detail = activity_detail((*activities)[i], ap, {"extension", "code", "status"}, kExtExerciseLevel,
                                           "an exercise and its level", "the exercise's level");
      if (detail == nullptr) continue;
      const FhirPlace dp = at(ap, ".detail");
      const Json* first = &(*detail)["extension"][0];
      const auto level = integer(*first, at(dp, ".extension[0]"), "valueInteger", 1, 99);
      const auto exercise = word(*detail, dp, "code", kExercises, "an exercise's id");
      keep(out, out.levels, "exercise", exercise, level, at(dp, ".code.coding[0].code"),
           at(dp, ".extension[0].valueInteger"));
    }
  }

  // ---- personal experiments ----

  // One line of at most kMaxExperimentNote characters (a note, a reason), or a problem.
  bool note_text(const std::string& text, const FhirPlace& place) {
    const auto length = utf8_length(text);
    if (length && *length <= kMaxExperimentNote && !has_control_chars(text)) return true;
    problem(place, Json(text), fmt::format("one line of at most {} characters", kMaxExperimentNote));
    return false;
  }

  // A date member `key` of `r`, written YYYY-MM-DD.
  std::optional<LocalDate> date(const Json& r, const FhirPlace& p, std::string_view key, std::string_view what) {
    const auto text = string(r, p, key, fmt::format("{}, YYYY-MM-DD", what));
    if (!text) return std::nullopt;
    const auto d = parse_date(*text);
    if (!d || *d < kFirstDiaryDay) {
      problem(at(p, "." + std::string(key)), Json(*text),
              fmt::format("{}: a day from {} on, written YYYY-MM-DD", what, format_date(kFirstDiaryDay)));
      return std::nullopt;
    }
    return d;
  }

  void experiment(const Json& r, const FhirPlace& p, const std::string& full_url) {
    refused_experiments_.insert(full_url);  // until it is read whole
    if (!only(r, p,
              {"resourceType", "id", "extension", "status", "intent", "category", "title", "subject", "period",
               "created", "activity"})) {
      return;
    }
    refers_to_patient(r, p, "subject");
    if (text_member(r, "intent") != "plan") problem(at(p, ".intent"), r.value("intent", Json()), "plan");
    const std::size_t before = problems_.size();
    FhirExperiment out;
    out.place = p;
    Experiment& e = out.experiment;
    ExperimentDraft draft;

    // The design: one extension of named parts, each once.
    const Json* ext = find(r, "extension");
    const Json* design = ext != nullptr && ext->is_array() && ext->size() == 1 && (*ext)[0].is_object() &&
                                 text_member((*ext)[0], "url") == kExtExperiment
                             ? find((*ext)[0], "extension")
                             : nullptr;
    if (design == nullptr || !design->is_array()) {
      problem(at(p, ".extension"), ext != nullptr ? *ext : Json(),
              fmt::format("the experiment's design ({}): pairs, period-nights, washout-nights, seed and orders",
                          kExtExperiment));
      return;
    }
    const FhirPlace xp = at(p, ".extension[0]");
    static constexpr std::array<std::string_view, 8> kParts = {
        "pairs", "period-nights", "washout-nights", "seed", "orders", "stopped-at", "stopped-after", "stop-reason"};
    std::map<std::string, std::pair<const Json*, FhirPlace>, std::less<>> parts;
    for (std::size_t i = 0; i < design->size(); ++i) {
      const Json& x = (*design)[i];
      const FhirPlace pp = at(xp, fmt::format(".extension[{}]", i));
      const std::string url = x.is_object() ? text_member(x, "url") : "";
      if (std::find(kParts.begin(), kParts.end(), url) == kParts.end()) {
        problem(at(pp, ".url"), Json(url),
                "pairs, period-nights, washout-nights, seed, orders, stopped-at, "
                "stopped-after or stop-reason");
      } else if (!parts.emplace(url, std::pair{&x, pp}).second) {
        problem(at(pp, ".url"), Json(url), "each part of the design once");
      }
    }
    const auto part = [&](std::string_view name) -> const std::pair<const Json*, FhirPlace>* {
      const auto it = parts.find(name);
      return it == parts.end() ? nullptr : &it->second;
    };
    const auto needed = [&](std::string_view name) {
      const auto* found = part(name);
      if (found == nullptr) problem(at(xp, ".extension"), Json(), fmt::format("the design's {}", name));
      return found;
    };
    std::map<std::string, FhirPlace, std::less<>> places;  // check_design's field -> the element
    const auto whole = [&](std::string_view name, std::string_view field, int& into) {
      if (const auto* found = needed(name)) {
        if (const auto n = integer(*found->first, found->second, "valueInteger", 0, 1000)) {
          into = static_cast<int>(*n);
        }
        places.emplace(field, at(found->second, ".valueInteger"));
      }
    };
    whole("pairs", "pairs", draft.pairs);
    whole("period-nights", "nights", draft.period_nights);
    whole("washout-nights", "washout", draft.washout_nights);
    if (const auto* found = needed("seed")) {
      const auto text = string(*found->first, found->second, "valueString", "the seed, a whole number");
      std::uint64_t seed = 0;
      const auto [end, ec] = text ? std::from_chars(text->data(), text->data() + text->size(), seed)
                                  : std::from_chars_result{nullptr, std::errc::invalid_argument};
      if (text && (ec != std::errc{} || end != text->data() + text->size())) {
        problem(at(found->second, ".valueString"), Json(*text), fmt::format("a whole number from 0 to {}", kMaxSeed));
      } else if (text) {
        draft.seed = seed;
      }
      places.emplace("seed", at(found->second, ".valueString"));
    }
    std::optional<std::vector<Condition>> orders;
    FhirPlace orders_place = xp;
    if (const auto* found = needed("orders")) {
      orders_place = at(found->second, ".valueString");
      const auto text = string(*found->first, found->second, "valueString", "the order of each pair, such as AB BA AB");
      orders = text ? orders_from_text(*text) : std::nullopt;
      if (text && !orders) problem(orders_place, Json(*text), "the order of each pair, AB or BA, such as AB BA AB");
    }

    // The title and the two conditions.
    if (const auto title = string(r, p, "title", "the experiment's title")) draft.title = *title;
    places.emplace("title", at(p, ".title"));
    const Json* activities = find(r, "activity");
    if (activities == nullptr || !activities->is_array() || activities->size() != 2) {
      problem(at(p, ".activity"), activities != nullptr ? *activities : Json(),
              "two activities: condition A and condition B, each described");
    }
    for (std::size_t i = 0; activities != nullptr && activities->is_array() && i < activities->size(); ++i) {
      const FhirPlace ap = at(p, fmt::format(".activity[{}]", i));
      const Json* detail = activity_detail((*activities)[i], ap, {"extension", "status", "description"}, kExtCondition,
                                           "a condition and its description", "the condition, A or B");
      if (detail == nullptr) continue;
      const FhirPlace dp = at(ap, ".detail");
      const Json* first = &(*detail)["extension"][0];
      const auto which = string(*first, at(dp, ".extension[0]"), "valueCode", "A or B");
      const auto condition = which ? parse_choice<Condition>(*which) : std::nullopt;
      if (which && !condition) problem(at(dp, ".extension[0].valueCode"), Json(*which), "A or B");
      const auto label = string(*detail, dp, "description", "what the condition is, such as \"no pillow\"");
      if (!condition || !label) continue;
      std::string& into = *condition == Condition::a ? draft.condition_a : draft.condition_b;
      if (!into.empty()) {
        problem(at(dp, ".extension[0].valueCode"), Json(*which), "each condition once: A and B");
        continue;
      }
      into = *label;
      places.emplace(*condition == Condition::a ? "a" : "b", at(dp, ".description"));
    }
    if (draft.condition_a.empty() || draft.condition_b.empty()) {
      if (problems_.size() == before) problem(at(p, ".activity"), Json(), "condition A and condition B");
    }

    // When: the first night, the creation, and a stop.
    const Json* period = find(r, "period");
    const auto first_night = period != nullptr && period->is_object()
                                 ? date(*period, at(p, ".period"), "start", "the first night, by the day it ends on")
                                 : std::nullopt;
    if (period == nullptr || !period->is_object()) {
      problem(at(p, ".period"), period != nullptr ? *period : Json(), "the nights' period: its start (the first)");
    }
    const auto created = instant(r, p, "created");
    const auto* stopped_at = part("stopped-at");
    const auto* stopped_after = part("stopped-after");
    const auto* reason = part("stop-reason");
    if ((stopped_at == nullptr) != (stopped_after == nullptr) || (reason != nullptr && stopped_at == nullptr)) {
      problem(at(xp, ".extension"), Json(),
              "for a stopped experiment, stopped-at and stopped-after (and a "
              "stop-reason, if one was given); for any other, none of them");
    } else if (stopped_at != nullptr) {
      e.stopped_at = instant(*stopped_at->first, stopped_at->second, "valueDateTime");
      e.stopped_after = date(*stopped_after->first, stopped_after->second, "valueDate", "the last night that counts");
      if (reason != nullptr) {
        const auto text = string(*reason->first, reason->second, "valueString", "why it was stopped");
        if (text && note_text(*text, at(reason->second, ".valueString"))) e.stop_reason = *text;
      }
    }
    const std::string status = text_member(r, "status");
    const bool stopped = stopped_at != nullptr;
    if (stopped ? status != "revoked" : status != "active" && status != "completed") {
      problem(at(p, ".status"), r.value("status", Json()),
              stopped ? "revoked (the experiment was stopped)" : "active or completed (it was not stopped)");
    }

    if (problems_.size() != before || !first_night || !created || !orders || !draft.seed) return;
    FieldErrors errors = check_design(draft);
    for (auto& err : errors) {
      const auto it = places.find(err.field);
      problems_.push_back({it != places.end() ? it->second : p, std::move(err.value), std::move(err.allowed)});
    }
    if (!errors.empty()) return;
    e.design = make_design(draft, *draft.seed, *first_night);
    e.created_at = *created;
    if (*orders != e.design.first_in_pair) {
      problem(orders_place, Json(orders_text(*orders)),
              fmt::format("the order drawn from its seed, {} (daybreak draws it again)",
                          orders_text(e.design.first_in_pair)));
      return;
    }
    if (e.stopped_after &&
        (*e.stopped_after < add_days(e.design.first_night, -1) || *e.stopped_after > e.design.last_night())) {
      problem(at(stopped_after->second, ".valueDate"), Json(format_date(*e.stopped_after)),
              fmt::format("a night of the experiment, {} to {}, or the day before its first when it was stopped "
                          "before it began",
                          format_date(e.design.first_night), format_date(e.design.last_night())));
      return;
    }
    const Json* end = find(*period, "end");
    const bool no_nights = e.end_night() < e.design.first_night;
    if (no_nights ? end != nullptr : end == nullptr || *end != Json(format_date(e.end_night()))) {
      problem(at(p, ".period.end"), end != nullptr ? *end : Json(),
              no_nights ? std::string("no end: it was stopped before its first night")
                        : fmt::format("its last night that counts, {}", format_date(e.end_night())));
      return;
    }
    if (std::any_of(content_.experiments.begin(), content_.experiments.end(),
                    [&](const FhirExperiment& o) { return o.experiment.created_at == e.created_at; })) {
      problem(at(p, ".created"), r["created"], "a moment of its own: two experiments were not created at once");
      return;
    }
    refused_experiments_.erase(full_url);
    experiments_.emplace(full_url, content_.experiments.size());
    content_.experiments.push_back(std::move(out));
  }

  void experiment_night(const Json& r, const FhirPlace& p) {
    for (const std::string_view key : {"valueInteger", "valueQuantity", "valueString", "valueDateTime",
                                       "valueCodeableConcept", "bodySite", "partOf", "derivedFrom", "component"}) {
      if (const Json* v = find(r, key)) {
        problem(at(p, "." + std::string(key)), *v,
                "an experiment's night as daybreak writes it: valueBoolean (the condition followed) and a note");
        return;
      }
    }
    refers_to_patient(r, p, "subject");
    if (text_member(r, "status") != "final") problem(at(p, ".status"), r.value("status", Json()), "final");
    NightDraft d;
    d.place = p;
    const Json* ext = find(r, "extension");
    const Json* day = ext != nullptr && ext->is_array() && ext->size() == 1 && (*ext)[0].is_object() &&
                              text_member((*ext)[0], "url") == kExtDiaryDay
                          ? &(*ext)[0]
                          : nullptr;
    std::optional<LocalDate> night;
    if (day == nullptr) {
      problem(at(p, ".extension"), ext != nullptr ? *ext : Json(),
              fmt::format("the night, by the diary day it ends on ({})", kExtDiaryDay));
    } else {
      night = date(*day, at(p, ".extension[0]"), "valueDate", "the night, by the diary day it ends on");
    }
    const Json* based = find(r, "basedOn");
    const Json* ref = based != nullptr && based->is_array() && based->size() == 1 && (*based)[0].is_object()
                          ? find((*based)[0], "reference")
                          : nullptr;
    if (ref == nullptr || !ref->is_string()) {
      problem(at(p, ".basedOn"), based != nullptr ? *based : Json(), "a reference to the experiment's CarePlan");
    } else {
      d.based_on = ref->get<std::string>();
    }
    const auto recorded = instant(r, p, "effectiveDateTime");
    const Json* followed = find(r, "valueBoolean");
    if (followed == nullptr || !followed->is_boolean()) {
      problem(at(p, ".valueBoolean"), followed != nullptr ? *followed : Json(),
              "true (the condition was followed) or false");
    }
    std::string note;
    if (const Json* notes = find(r, "note")) {
      const Json* first = notes->is_array() && notes->size() == 1 && (*notes)[0].is_object() ? &(*notes)[0] : nullptr;
      const auto text = first != nullptr ? string(*first, at(p, ".note[0]"), "text", "the night's note") : std::nullopt;
      if (first == nullptr) problem(at(p, ".note"), *notes, "one note with its text");
      if (text && note_text(*text, at(p, ".note[0].text"))) note = *text;
    }
    if (!night || d.based_on.empty() || !recorded || followed == nullptr || !followed->is_boolean()) return;
    d.night = ExperimentNight{{}, *night, followed->get<bool>(), std::move(note), *recorded};
    nights_.push_back(std::move(d));
  }

  // Each night to its experiment, within the experiment's nights, once.
  void finish_experiments() {
    for (auto& d : nights_) {
      const auto it = experiments_.find(d.based_on);
      if (refused_experiments_.contains(d.based_on)) continue;  // its experiment's problem says enough
      if (it == experiments_.end()) {
        problem(at(d.place, ".basedOn[0].reference"), Json(d.based_on),
                "a reference to an experiment's CarePlan in this Bundle");
        continue;
      }
      FhirExperiment& x = content_.experiments[it->second];
      const Experiment& e = x.experiment;
      const LocalDate n = d.night.night;
      const FhirPlace day = at(d.place, ".extension[0].valueDate");
      if (n < e.design.first_night || n > e.end_night()) {
        problem(day, Json(format_date(n)),
                fmt::format("a night of the experiment: {} to {}", format_date(e.design.first_night),
                            format_date(e.end_night())));
      } else if (std::any_of(x.nights.begin(), x.nights.end(),
                             [&](const ExperimentNight& o) { return o.night == n; })) {
        problem(day, Json(format_date(n)), "each night of an experiment once");
      } else {
        x.nights.push_back(std::move(d.night));
      }
    }
    for (auto& x : content_.experiments) {
      std::sort(x.nights.begin(), x.nights.end(),
                [](const ExperimentNight& a, const ExperimentNight& b) { return a.night < b.night; });
    }
  }

  // An activity's detail holding `members` only and one extension, `url`: the
  // detail, or a problem. `what` says what the activity holds, `value` the extension.
  const Json* activity_detail(const Json& a, const FhirPlace& ap, std::initializer_list<std::string_view> members,
                              std::string_view url, std::string_view what, std::string_view value) {
    const Json* detail = a.is_object() && a.size() == 1 ? find(a, "detail") : nullptr;
    if (detail == nullptr || !detail->is_object()) {
      problem(ap, a, fmt::format("an activity with a detail: {}", what));
      return nullptr;
    }
    const FhirPlace dp = at(ap, ".detail");
    if (!only(*detail, dp, members)) return nullptr;
    const Json* ext = find(*detail, "extension");
    const Json* first = ext != nullptr && ext->is_array() && ext->size() == 1 ? &(*ext)[0] : nullptr;
    if (first == nullptr || !first->is_object() || text_member(*first, "url") != url) {
      problem(at(dp, ".extension"), ext != nullptr ? *ext : Json(), fmt::format("{} ({})", value, url));
      return nullptr;
    }
    return detail;
  }

  // A program's stage or an exercise's level, once per id; `what` is "program" or "exercise".
  void keep(FhirProgram& out, std::map<std::string, int, std::less<>>& into, std::string_view what,
            const std::optional<std::string>& id, std::optional<std::int64_t> value, const FhirPlace& id_place,
            const FhirPlace& value_place) {
    if (id && !content_id(*id)) {
      problem(id_place, Json(*id),
              fmt::format("a{} {}'s id, such as {}", what == "exercise" ? "n" : "", what,
                          what == "exercise" ? "cat_camel" : "daybreak"));
    } else if (id && value) {
      if (!into.emplace(*id, static_cast<int>(*value)).second) {
        problem(id_place, Json(*id), fmt::format("each {} once", what));
      }
      out.places.emplace(fmt::format("{} {}", what, *id), value_place);
    }
  }

  // ---- the program's past decisions ----

  // A word of a closed vocabulary, or a problem naming every word allowed.
  template <class E>
  std::optional<E> vocabulary_word(const Json& part, const FhirPlace& pp, std::string_view key) {
    const auto text = string(part, pp, key, fmt::format("a {}", Vocabulary<E>::kind));
    if (!text) return std::nullopt;
    const auto value = parse_choice<E>(*text);
    if (!value) {
      std::vector<std::string> names(Vocabulary<E>::names.begin(), Vocabulary<E>::names.end());
      problem(at(pp, "." + std::string(key)), Json(*text),
              fmt::format("a {}: {}", Vocabulary<E>::kind, join(names, ", ")));
    }
    return value;
  }

  // One line of text of at most `max` characters, not empty, or a problem.
  std::optional<std::string> line(const Json& r, const FhirPlace& p, std::string_view key, std::size_t max,
                                  std::string_view what) {
    const std::string allowed = fmt::format("{}: text of 1 to {} characters", what, max);
    auto text = string(r, p, key, allowed);
    if (!text) return std::nullopt;
    const auto length = utf8_length(*text);
    if (!length || *length > max) {
      problem(at(p, "." + std::string(key)), Json(*text), allowed);
      return std::nullopt;
    }
    return text;
  }

  void decision(const Json& r, const FhirPlace& p) {
    if (!only(r, p,
              {"resourceType", "id", "extension", "status", "code", "subject", "effectiveDateTime", "assessor",
               "summary", "finding", "note"})) {
      return;
    }
    refers_to_patient(r, p, "subject");
    if (text_member(r, "status") != "completed") problem(at(p, ".status"), r.value("status", Json()), "completed");
    const std::string code_allowed = fmt::format("{}#{} (a decision of the program)", kCodes, kDecisionCode);
    if (const auto code = word(r, p, "code", kCodes, code_allowed); code && *code != kDecisionCode) {
      problem(at(p, ".code.coding[0].code"), Json(*code), code_allowed);
    }
    FhirDecision out;
    out.place = p;
    DecisionRecord& d = out.record;
    bool ok = true;
    const auto need = [&](bool good) { ok = ok && good; };
    const Json* ext = find(r, "extension");
    const bool shaped = ext != nullptr && ext->is_array() && ext->size() == 2 && (*ext)[0].is_object() &&
                        text_member((*ext)[0], "url") == kExtDiaryDay && (*ext)[1].is_object() &&
                        text_member((*ext)[1], "url") == kExtDecision && find((*ext)[1], "extension") != nullptr &&
                        (*ext)[1]["extension"].is_array();
    if (!shaped) {
      problem(at(p, ".extension"), ext != nullptr ? *ext : Json(),
              fmt::format("the decision's day ({}) and its record ({})", kExtDiaryDay, kExtDecision));
      return;
    }
    const auto day = date((*ext)[0], at(p, ".extension[0]"), "valueDate", "the decision's day");
    need(day.has_value());
    if (day) d.date = *day;
    // The record's parts, each once, each with the one value it holds.
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kParts = {{
        {"program", "valueCode"},
        {"kind", "valueCode"},
        {"routine", "valueCode"},
        {"verdict", "valueCode"},
        {"stage", "valueInteger"},
        {"inputs", "valueString"},
        {"changes", "valueString"},
        {"good-sessions", "valueInteger"},
        {"last-step-up", "valueDate"},
        {"last-weekly-check", "valueDate"},
        {"offer-flare", "valueBoolean"},
        {"channel", "valueCode"},
    }};
    std::set<std::string> seen;
    const Json& parts = (*ext)[1]["extension"];
    const FhirPlace rp = at(p, ".extension[1]");
    std::optional<std::string> program;
    std::optional<std::string> channel;
    bool have_kind = false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const Json& part = parts[i];
      const FhirPlace pp = at(rp, fmt::format(".extension[{}]", i));
      const std::string url = part.is_object() ? text_member(part, "url") : "";
      const auto known = std::find_if(kParts.begin(), kParts.end(), [&](const auto& k) { return k.first == url; });
      if (known == kParts.end() || !seen.insert(url).second || part.size() != 2 ||
          find(part, known->second) == nullptr) {
        std::vector<std::string> names;
        for (const auto& [name, key] : kParts) names.push_back(fmt::format("{} ({})", name, key));
        problem(pp, part, "each part of the record once, with its value: " + join(names, ", "));
        ok = false;
        continue;
      }
      const std::string_view key = known->second;
      if (url == "program") {
        program = string(part, pp, key, "a program's id, such as daybreak");
        if (program && !content_id(*program)) {
          problem(at(pp, ".valueCode"), Json(*program), "a program's id, such as daybreak");
          program.reset();
        }
        need(program.has_value());
      } else if (url == "kind") {
        const auto kind = vocabulary_word<DecisionKind>(part, pp, key);
        if (kind) d.kind = *kind;
        need(have_kind = kind.has_value());
      } else if (url == "routine") {
        d.routine = vocabulary_word<RoutineKind>(part, pp, key);
        if (d.routine == RoutineKind::flare) {
          problem(at(pp, ".valueCode"), Json("flare"), "the routine the rule decided: morning or evening");
          d.routine.reset();
        }
        need(d.routine.has_value());
      } else if (url == "verdict") {
        const auto verdict = vocabulary_word<Verdict>(part, pp, key);
        if (verdict) d.verdict = *verdict;
        need(verdict.has_value());
      } else if (url == "stage") {
        const auto stage = integer(part, pp, key, 1, 100);
        if (stage) d.stage = static_cast<int>(*stage);
        need(stage.has_value());
      } else if (url == "inputs") {
        const auto text = string(part, pp, key, "the decision's numbers as a JSON object");
        const bool object =
            text && text->starts_with('{') && nlohmann::ordered_json::parse(*text, nullptr, false).is_object();
        if (text && !object) problem(at(pp, ".valueString"), Json(*text), "the decision's numbers as a JSON object");
        if (object) d.inputs = *text;
        need(object);
      } else if (url == "changes") {
        const std::string allowed = "the level changes as JSON: [{\"exercise\", \"from\", \"to\", \"what\"}, ...]";
        const auto text = string(part, pp, key, allowed);
        if (!text) {
          ok = false;
          continue;
        }
        auto changes = level_changes_from_json(nlohmann::ordered_json::parse(*text, nullptr, false));
        if (!changes) problem(at(pp, ".valueString"), Json(*text), allowed + "; " + changes.error());
        if (changes) d.changes = std::move(changes).value();
        need(changes.ok());
      } else if (url == "good-sessions") {
        const auto good = integer(part, pp, key, 0, 10000);
        if (good) d.state.good_sessions = static_cast<int>(*good);
        need(good.has_value());
      } else if (url == "last-step-up" || url == "last-weekly-check") {
        const auto when = date(part, pp, key, url == "last-step-up" ? "the last step up" : "the last weekly check");
        (url == "last-step-up" ? d.state.last_step_up : d.state.last_weekly_check) = when;
        need(when.has_value());
      } else if (url == "offer-flare") {
        const Json& v = part[key];
        if (!v.is_boolean()) problem(at(pp, ".valueBoolean"), v, "true (the flare-day routine was offered) or false");
        d.offer_flare = v.is_boolean() && v.get<bool>();
        need(v.is_boolean());
      } else if (url == "channel") {
        channel = string(part, pp, key, "where it was made, such as cli or api");
        if (channel && !content_id(*channel)) {
          problem(at(pp, ".valueCode"), Json(*channel), "where it was made, such as cli or api");
          channel.reset();
        }
        need(channel.has_value());
      }
    }
    for (const auto& [name, key] : kParts) {
      const bool optional = name == "last-step-up" || name == "last-weekly-check" || name == "routine";
      if (!optional && !seen.contains(std::string(name))) {
        problem(at(rp, ".extension"), Json(), fmt::format("a part {} ({})", name, key));
        ok = false;
      }
    }
    if (have_kind && (d.kind == DecisionKind::rule) != seen.contains("routine")) {
      problem(at(rp, ".extension"), Json(),
              "a routine (morning or evening) for the rule's decisions, and for them only");
      ok = false;
    }
    const auto decided = instant(r, p, "effectiveDateTime");
    need(decided.has_value());
    if (const Json* assessor = find(r, "assessor")) {
      const FhirPlace ap = at(p, ".assessor");
      if (!assessor->is_object() || assessor->size() != 1) {
        problem(ap, *assessor, "the clinician who made it, by name (display)");
        ok = false;
      } else if (const auto name = line(*assessor, ap, "display", 200, "the clinician's name")) {
        out.record.author = DecisionAuthor{std::nullopt, *name};
      } else {
        ok = false;
      }
    }
    const auto sentence = line(r, p, "summary", 4000, "the sentence the person was shown");
    need(sentence.has_value());
    if (const Json* findings = find(r, "finding")) {
      if (!findings->is_array() || findings->empty()) {
        problem(at(p, ".finding"), *findings, "the reasons, one finding each");
        ok = false;
      }
      for (std::size_t i = 0; findings->is_array() && i < findings->size(); ++i) {
        const Json& f = (*findings)[i];
        const FhirPlace fp = at(p, fmt::format(".finding[{}]", i));
        std::vector<std::string> names(Vocabulary<Why>::names.begin(), Vocabulary<Why>::names.end());
        const std::string allowed = "a reason: " + join(names, ", ");
        if (!f.is_object() || f.size() != 1) {
          problem(fp, f, "a finding with an itemCodeableConcept: " + allowed);
          ok = false;
          continue;
        }
        const auto why_text = word(f, fp, "itemCodeableConcept", kDecisionReasons, allowed);
        const auto why = why_text ? parse_choice<Why>(*why_text) : std::nullopt;
        if (why_text && !why) problem(at(fp, ".itemCodeableConcept.coding[0].code"), Json(*why_text), allowed);
        if (why && d.reasons.contains(*why)) {
          problem(at(fp, ".itemCodeableConcept.coding[0].code"), Json(*why_text), "each reason once");
          ok = false;
        }
        if (why) d.reasons.insert(*why);
        need(why.has_value());
      }
    }
    if (const Json* notes = find(r, "note")) {
      const Json* first = notes->is_array() && notes->size() == 1 && (*notes)[0].is_object() && (*notes)[0].size() == 1
                              ? &(*notes)[0]
                              : nullptr;
      const auto text =
          first != nullptr ? string(*first, at(p, ".note[0]"), "text", "the decision's note") : std::nullopt;
      if (first == nullptr) problem(at(p, ".note"), *notes, "one note with its text");
      if (text) d.note = *text;
      need(text.has_value());
    }
    if (!ok || !program || !channel || !decided || !sentence) return;
    d.program = *program;
    d.channel = *channel;
    d.decided_at = *decided;
    d.sentence = *sentence;
    content_.decisions.push_back(std::move(out));
  }

  // ---- safety checks ----

  // A component's code: (system, code), or a problem.
  std::optional<std::pair<std::string, std::string>> component_code(const Json& c, const FhirPlace& cp) {
    if (!c.is_object()) {
      problem(cp, c, "a component with a code and a value");
      return std::nullopt;
    }
    only(c, cp, {"code", "valueBoolean", "valueInteger", "valueCodeableConcept"});
    return coding(c, cp, "code",
                  fmt::format("a question of the check in {}, or one of {}#{}, {}, {} or {}", kCheckQuestions, kCodes,
                              kIbpOutcomeCode, kIbpAsasCode, kIbpBerlinCode, kIbpMetCode));
  }

  // A word of `system` in member `key` of `c`: its code, or a problem.
  std::optional<std::string> word(const Json& c, const FhirPlace& cp, std::string_view key, std::string_view system,
                                  std::string_view allowed) {
    const auto w = coding(c, cp, key, allowed);
    if (!w) return std::nullopt;
    if (w->first != system) {
      problem(at(cp, "." + std::string(key) + ".coding[0].system"), Json(w->first), std::string(system));
      return std::nullopt;
    }
    return w->second;
  }

  void screening(const Json& r, const FhirPlace& p) {
    if (find(r, "valueInteger") || find(r, "valueQuantity") || find(r, "valueBoolean") || find(r, "valueString") ||
        find(r, "valueDateTime") || find(r, "bodySite") || find(r, "partOf") || find(r, "derivedFrom")) {
      problem(p, Json(),
              "a safety check as daybreak writes it: its result as valueCodeableConcept, its answers "
              "as components");
      return;
    }
    FhirScreening out;
    out.place = p;
    ScreeningEvent& c = out.event;
    refers_to_patient(r, p, "subject");
    if (text_member(r, "status") != "final") problem(at(p, ".status"), r.value("status", Json()), "final");
    const auto t = instant(r, p, "effectiveDateTime");
    std::optional<ScreenKind> kind;
    bool kind_given = false;
    std::optional<LocalDate> date;
    std::optional<Period> period;
    const Json* ext = find(r, "extension");
    for (std::size_t i = 0; ext != nullptr && ext->is_array() && i < ext->size(); ++i) {
      const Json& x = (*ext)[i];
      const FhirPlace xp = at(p, fmt::format(".extension[{}]", i));
      const std::string url = x.is_object() ? text_member(x, "url") : "";
      if (url == kExtCheckKind) {
        kind_given = true;
        const auto text = string(x, xp, "valueCode", "full, quick, legs or clinician_seen");
        kind = text ? parse_choice<ScreenKind>(*text) : std::nullopt;
        if (text && !kind) problem(at(xp, ".valueCode"), Json(*text), "full, quick, legs or clinician_seen");
      } else if (url == kExtDiaryDay) {
        const auto text = string(x, xp, "valueDate", "a diary day, YYYY-MM-DD");
        date = text ? parse_date(*text) : std::nullopt;
        if (text && !date) problem(at(xp, ".valueDate"), Json(*text), "a diary day, YYYY-MM-DD");
      } else if (url == kExtDiaryPeriod) {
        const auto text = string(x, xp, "valueCode", "night, morning, afternoon or evening");
        period = text ? parse_choice<Period>(*text) : std::nullopt;
        if (text && !period) problem(at(xp, ".valueCode"), Json(*text), "night, morning, afternoon or evening");
      } else {
        problem(at(xp, ".url"), Json(url),
                fmt::format("{}, and for a check a diary entry prompted, {} and {}", kExtCheckKind, kExtDiaryDay,
                            kExtDiaryPeriod));
      }
    }
    if (!kind) {
      if (!kind_given) problem(at(p, ".extension"), Json(), fmt::format("the check's kind ({})", kExtCheckKind));
      return;
    }
    if (date.has_value() != period.has_value()) {
      problem(at(p, ".extension"), Json(), "both the diary day and the period of the entry that prompted the check");
    } else if (date) {
      out.entry = std::pair{*date, period.value_or(Period::morning)};  // set: value_or for GCC 12's sake, as above
    }
    const auto result_text = word(r, p, "valueCodeableConcept", kCheckResults,
                                  "the check's result: no_flags, urgent, emergency or acknowledged");
    const auto result = result_text ? parse_choice<ScreenResult>(*result_text) : std::nullopt;
    if (result_text && !result) {
      problem(at(p, ".valueCodeableConcept.coding[0].code"), Json(*result_text),
              "no_flags, urgent, emergency or acknowledged");
    }
    std::set<std::string, std::less<>> asked;
    IbpSnapshot ibp;
    unsigned ibp_parts = 0;  // a bit each: the outcome, the ASAS count, the Berlin count
    bool ibp_twice = false;
    const auto ibp_part = [&](unsigned bit) {
      ibp_twice = ibp_twice || (ibp_parts & bit) != 0;
      ibp_parts |= bit;
    };
    const Json* parts = find(r, "component");
    for (std::size_t i = 0; parts != nullptr && parts->is_array() && i < parts->size(); ++i) {
      const Json& part = (*parts)[i];
      const FhirPlace cp = at(p, fmt::format(".component[{}]", i));
      const auto code = component_code(part, cp);
      if (!code) continue;
      if (code->first == kCheckQuestions) {
        const bool known =
            find_safety_question(code->second) != nullptr || parse_choice<IbpQuestion>(code->second).has_value();
        const Json* v = find(part, "valueBoolean");
        if (!known) {
          problem(at(cp, ".code.coding[0].code"), Json(code->second),
                  "a question of daybreak's safety checks (`daybreak screen questions`)");
        } else if (!asked.insert(code->second).second) {
          problem(at(cp, ".code.coding[0].code"), Json(code->second), "each question once");
        } else if (v == nullptr || !v->is_boolean()) {
          problem(at(cp, ".valueBoolean"), v != nullptr ? *v : Json(), "true (yes) or false (no)");
        } else {
          c.answers.push_back({code->second, v->get<bool>() ? YesNo::yes : YesNo::no});
        }
      } else if (code->first == kCodes && code->second == kIbpOutcomeCode) {
        ibp_part(1);
        const auto o = word(part, cp, "valueCodeableConcept", kIbpOutcomes, "positive, negative or not_applicable");
        const auto outcome = o ? parse_choice<IbpOutcome>(*o) : std::nullopt;
        if (o && !outcome) {
          problem(at(cp, ".valueCodeableConcept.coding[0].code"), Json(*o), "positive, negative or not_applicable");
        }
        if (outcome) ibp.outcome = *outcome;
      } else if (code->first == kCodes && (code->second == kIbpAsasCode || code->second == kIbpBerlinCode)) {
        const bool asas = code->second == kIbpAsasCode;
        ibp_part(asas ? 2 : 4);
        if (const auto n = integer(part, cp, "valueInteger", 0, asas ? 5 : 4)) {
          (asas ? ibp.asas_met : ibp.berlin_met) = static_cast<int>(*n);
        }
      } else if (code->first == kCodes && code->second == kIbpMetCode) {
        const auto id =
            word(part, cp, "valueCodeableConcept", kIbpCriteria, "a criterion's id, such as asas_night_pain");
        const bool plain = id && id->size() <= 64 && std::all_of(id->begin(), id->end(), [](char ch) {
                             return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                           });
        if (id && !plain) {
          problem(at(cp, ".valueCodeableConcept.coding[0].code"), Json(*id),
                  "a criterion's id, such as asas_night_pain");
        } else if (id) {
          ibp.met.push_back(*id);
        }
      } else {
        problem(at(cp, ".code.coding[0]"), Json(code->first + "#" + code->second),
                fmt::format("a question of the check in {}, or one of {}#{}, {}, {} or {}", kCheckQuestions, kCodes,
                            kIbpOutcomeCode, kIbpAsasCode, kIbpBerlinCode, kIbpMetCode));
      }
    }
    if (!t || !result) return;
    c.kind = kind.value_or(ScreenKind::full);  // set (checked above): value_or for GCC 12's sake
    c.at = *t;
    c.result = *result;
    if (ibp_parts != 0) {
      if (ibp_parts != 7 || ibp_twice || c.kind != ScreenKind::full) {
        problem(at(p, ".component"), Json(),
                "the inflammatory back pain screen, on a full check only: its outcome and both counts, once each");
        return;
      }
      c.ibp = std::move(ibp);
    }
    // The result is the answers' (daybreak judges them again); a clinician's review has no answers.
    const ScreenVerdict verdict = judge_answers(c.answers);
    const bool review = c.kind == ScreenKind::clinician_seen;
    if (review ? (c.result != ScreenResult::acknowledged || !c.answers.empty()) : (c.result != verdict.result)) {
      problem(at(p, ".valueCodeableConcept.coding[0].code"), Json(std::string(name_of(c.result))),
              review ? std::string("acknowledged, with no answers (a clinician's review)")
                     : fmt::format("the result of these answers, {} (daybreak judges them again)",
                                   name_of(verdict.result)));
      return;
    }
    c.raised = verdict.raised;
    content_.screenings.push_back(std::move(out));
  }

  void activity(const Json& item, const FhirPlace& ip, QuestionnaireResponse& qr,
                std::map<std::string, FhirPlace, std::less<>>& places) {
    const Json* parts = find(item, "item");
    std::optional<std::string> name;
    std::optional<int> rating;
    FhirPlace rating_place = ip;
    if (parts != nullptr && parts->is_array()) {
      for (std::size_t i = 0; i < parts->size(); ++i) {
        const Json& part = (*parts)[i];
        const FhirPlace pp = at(ip, fmt::format(".item[{}]", i));
        const std::string link = part.is_object() ? text_member(part, "linkId") : "";
        const Json* answer = find(part, "answer");
        const Json* first = answer != nullptr && answer->is_array() && answer->size() == 1 ? &(*answer)[0] : nullptr;
        if (link == "activity-name" && first != nullptr) {
          name = string(*first, at(pp, ".answer[0]"), "valueString", "the activity, as text");
        } else if (link == "activity-rating") {
          rating_place = at(pp, ".answer[0].valueInteger");
          const Json* v = first != nullptr ? find(*first, "valueInteger") : nullptr;
          if (v != nullptr && v->is_number_integer()) {
            rating = static_cast<int>(std::clamp<std::int64_t>(v->get<std::int64_t>(), -1000000, 1000000));
          }
        }
      }
    }
    if (!name) {
      problem(at(ip, ".item"), Json(), "the activity's name (activity-name) and its rating (activity-rating)");
      return;
    }
    places.emplace(*name, rating_place);
    qr.answers.push_back({*name, std::nullopt, rating});
  }
};

}  // namespace

Result<FhirContent, FhirProblems> read_fhir_collection(std::string_view text, const TimeZone& zone,
                                                       std::span<const Instrument> instruments) {
  return Reader(zone, instruments).read(text);
}

}  // namespace daybreak
