// Writes the FHIR R4 collection Bundle (report/fhir.hpp) straight into one
// string with JsonWriter: ten years of diary is some 70,000 resources.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/entry_fields.hpp"
#include "domain/sleep_item.hpp"
#include "progression/record.hpp"
#include "report/fhir.hpp"
#include "report/fhir_codes.hpp"
#include "report/json_writer.hpp"

namespace daybreak {
namespace {

using namespace fhir;

class BundleWriter {
 public:
  BundleWriter(std::string& out, const FhirExport& data)
      : w_(out), data_(data), patient_ref_("urn:uuid:" + data.person.text()) {
    // What every diary Observation repeats, written once (ten years hold some 70,000).
    std::string fragment;
    JsonWriter f(fragment);
    f.begin_object().member("status", "final");
    f.key("category").begin_array().begin_object().key("coding").begin_array();
    f.begin_object().member("system", kCategory).member("code", "survey").member("display", "Survey").end_object();
    f.end_array().end_object().end_array().end_object();
    status_survey_ = fragment.substr(1, fragment.size() - 2);
    subject_ = fmt::format("\"subject\":{{\"reference\":{}}}", json_quoted(patient_ref_));
    performer_ = fmt::format("\"performer\":[{{\"reference\":{}}}]", json_quoted(patient_ref_));
    for (const auto& c : field_codes()) {
      fragment.clear();
      JsonWriter g(fragment);
      g.begin_object().key("code").begin_object().key("coding").begin_array();
      g.begin_object().member("system", c.system).member("code", c.code).member("display", c.display).end_object();
      g.end_array().member("text", c.display).end_object().end_object();
      codes_.push_back(fragment.substr(1, fragment.size() - 2));
    }
  }

  void write() {
    w_.begin_object();
    w_.member("resourceType", "Bundle");
    w_.member("id", data_.person.name("bundle").text());
    w_.member("type", "collection");
    w_.key("entry").begin_array();
    patient();
    for (const auto& e : data_.entries) entry(e);
    for (const auto& s : data_.sessions) session(s);
    for (const Instrument* i : data_.instruments) questionnaire(*i);
    for (const auto& r : data_.responses) response(r);
    for (const auto& c : data_.screenings) screening(c);
    program();
    for (const auto& d : data_.decisions) decision(d);
    for (const auto& x : data_.experiments) experiment(x);
    w_.newline().end_array();
    w_.end_object();
    w_.newline();
  }

 private:
  JsonWriter w_;
  const FhirExport& data_;
  std::string patient_ref_;
  std::string key_;                                        // scratch for resource names
  std::string status_survey_;                              // "status":"final","category":[survey]
  std::string subject_;                                    // "subject":{"reference":"urn:uuid:..."}
  std::string performer_;                                  // "performer":[{"reference":...}]
  std::vector<std::string> codes_;                         // "code":{...} of each field, in field_codes() order
  std::string entry_context_;                              // "extension":[diary day, period] of the entry being written
  std::string entry_time_;                                 // its effectiveDateTime
  std::string entry_key_;                                  // "entry/2026-11-23/morning/": its resources' names start so
  std::map<std::int64_t, const DiaryEntry*> entry_by_id_;  // for the entry a safety check names
  std::map<std::string, int> names_;                       // how many resources had each name so far

  std::string when(Instant t) const { return format_with_offset(t, data_.zone); }

  // {"fullUrl":"urn:uuid:X","resource":{"resourceType":T,"id":X, ...
  // Each resource is named by what makes it itself (a questionnaire's kind and
  // moment...); two records alike in that (two answers to one questionnaire in
  // the same second) are told apart by their order, the second "NAME/2", so
  // that every id is in the Bundle once and the same at every export.
  Uuid begin(std::string_view type, std::string_view name) {
    std::string unique(name);
    if (const int n = ++names_[unique]; n > 1) unique += fmt::format("/{}", n);
    return begin(type, data_.person.name(unique));
  }
  Uuid begin(std::string_view type, const Uuid& id) {
    const std::string text = id.text();
    w_.newline().begin_object();
    w_.member("fullUrl", "urn:uuid:" + text);
    w_.key("resource").begin_object();
    w_.member("resourceType", type);
    w_.member("id", text);
    return id;
  }
  void end() { w_.end_object().end_object(); }

  void reference(std::string_view key, std::string_view ref) {
    w_.key(key).begin_object().member("reference", ref).end_object();
  }
  void coding(std::string_view system, std::string_view code, std::string_view display) {
    w_.begin_object().member("system", system).member("code", code);
    if (!display.empty()) w_.member("display", display);
    w_.end_object();
  }
  // One extension, or one part of a complex one: {"url":URL,KEY:VALUE}.
  void part(std::string_view url, std::string_view key, std::string_view text) {
    w_.begin_object().member("url", url).member(key, text).end_object();
  }
  void part(std::string_view url, int value) {
    w_.begin_object().member("url", url).member("valueInteger", value).end_object();
  }
  void codeable(std::string_view key, std::string_view system, std::string_view code, std::string_view display,
                std::string_view text) {
    w_.key(key).begin_object().key("coding").begin_array();
    coding(system, code, display);
    w_.end_array();
    if (!text.empty()) w_.member("text", text);
    w_.end_object();
  }
  void survey() {
    w_.key("category").begin_array().begin_object().key("coding").begin_array();
    coding(kCategory, "survey", "Survey");
    w_.end_array().end_object().end_array();
  }
  void lower_back() { codeable("bodySite", kSnomed, kLowerBackCode, kLowerBackDisplay, ""); }
  void quantity(double value, std::string_view unit) {
    w_.key("valueQuantity").begin_object();
    w_.key("value").number(value);
    w_.member("unit", unit).member("system", kUcum).member("code", unit);
    w_.end_object();
  }

  void patient() {
    begin("Patient", data_.person);
    if (!data_.user.name.empty()) {  // the name the person gave, if any
      w_.key("name").begin_array().begin_object().member("text", data_.user.name).end_object().end_array();
    }
    end();
  }

  // ---- diary entries ----

  void diary_context(const DiaryEntry& e) {
    std::string fragment;
    JsonWriter f(fragment);
    f.begin_object().key("extension").begin_array();
    f.begin_object().member("url", kExtDiaryDay).member("valueDate", format_date(e.date)).end_object();
    f.begin_object().member("url", kExtDiaryPeriod).member("valueCode", name_of(e.period)).end_object();
    f.end_array().end_object();
    entry_context_ = fragment.substr(1, fragment.size() - 2);
    entry_time_ = when(e.created_at);
    entry_key_ = fmt::format("entry/{}/{}/", format_date(e.date), name_of(e.period));
  }

  // Opens one diary value's Observation up to its value.
  void observation(const DiaryEntry& e, const FieldCode& f, std::string_view member, std::string_view text) {
    (void)e;
    key_ = entry_key_;
    key_ += f.field;
    if (!member.empty()) (key_ += '/') += member;
    begin("Observation", key_);
    w_.raw_members(entry_context_).raw_members(status_survey_);
    if (text.empty()) {
      w_.raw_members(codes_[static_cast<std::size_t>(&f - field_codes().data())]);
    } else {
      codeable("code", f.system, f.code, f.display, text);
    }
    w_.raw_members(subject_);
    w_.member("effectiveDateTime", entry_time_);
    w_.raw_members(performer_);
  }

  template <class E>
  void words(const DiaryEntry& e, const FieldCode& f, const ChoiceSet<E>& set) {
    const std::string system = words_system(f.field);
    set.for_each([&](E v) {
      observation(e, f, name_of(v), {});
      codeable("valueCodeableConcept", system, name_of(v), {}, {});
      end();
    });
  }

  void integer(const DiaryEntry& e, const FieldCode& f, int value) {
    observation(e, f, {}, {});
    w_.member("valueInteger", value);
    if (f.field == "pain") lower_back();
    end();
  }
  void measured(const DiaryEntry& e, const FieldCode& f, double value) {
    observation(e, f, {}, {});
    quantity(value, f.unit);
    end();
  }
  void boolean(const DiaryEntry& e, const FieldCode& f, bool value) {
    observation(e, f, {}, {});
    w_.member("valueBoolean", value);
    end();
  }
  void text(const DiaryEntry& e, const FieldCode& f, std::string_view member, std::string_view code_text,
            std::string_view value) {
    observation(e, f, member, code_text);
    w_.member("valueString", value);
    end();
  }
  void moment(const DiaryEntry& e, const FieldCode& f, Instant t) {
    observation(e, f, {}, {});
    w_.member("valueDateTime", when(t));
    end();
  }

  void medication(const Medication& m, std::size_t index) {
    begin("MedicationStatement", fmt::format("{}medications/{}", entry_key_, index));
    w_.raw_members(entry_context_);
    w_.member("status", "completed");
    w_.key("medicationCodeableConcept").begin_object().member("text", m.name).end_object();
    reference("subject", patient_ref_);
    if (m.taken_at) w_.member("effectiveDateTime", when(*m.taken_at));
    w_.member("dateAsserted", entry_time_);
    reference("informationSource", patient_ref_);
    if (!m.dose.empty()) {
      w_.key("dosage").begin_array().begin_object().member("text", m.dose).end_object().end_array();
    }
    end();
  }

  void entry(const DiaryEntry& e) {
    diary_context(e);
    const DiaryFields& v = e.fields;
    const auto fields = field_codes();
    const auto at = [&](std::size_t i) -> const FieldCode& { return fields[i]; };
    // In field_codes() order, which is the catalogue's.
    integer(e, at(0), v.pain.value());
    if (v.stiffness_minutes) measured(e, at(1), v.stiffness_minutes->value());
    if (v.still_stiff) boolean(e, at(2), true);
    if (v.stiffness_severity) integer(e, at(3), v.stiffness_severity->value());
    words(e, at(4), v.signs);
    words(e, at(5), v.locations);
    words(e, at(6), v.leg_symptoms);
    if (v.red_flags) boolean(e, at(7), *v.red_flags == YesNo::yes);
    for (std::size_t i = 0; i < v.medications.size(); ++i) medication(v.medications[i], i);
    words(e, at(9), v.relief);
    if (v.walking_minutes) measured(e, at(10), v.walking_minutes->value());
    if (v.sitting_hours) measured(e, at(11), v.sitting_hours->value());
    if (v.anxiety) integer(e, at(12), v.anxiety->value());
    if (v.bedtime) moment(e, at(13), *v.bedtime);
    if (v.wake_time) moment(e, at(14), *v.wake_time);
    if (v.awakenings) integer(e, at(15), v.awakenings->value());
    if (v.sleep_quality) integer(e, at(16), v.sleep_quality->value());
    if (v.sleep_position) {
      observation(e, at(17), {}, {});
      codeable("valueCodeableConcept", words_system(at(17).field), name_of(*v.sleep_position), {}, {});
      end();
    }
    if (v.mattress) text(e, at(18), {}, {}, *v.mattress);
    if (v.pillows && v.pillows->empty()) text(e, at(19), kNoSleepItem, {}, kNoSleepItem);
    for (const auto& p : v.pillows.value_or(std::vector<std::string>{})) text(e, at(19), p, {}, p);
    if (v.room_temperature) measured(e, at(20), v.room_temperature->value());
    if (v.humidity) measured(e, at(21), v.humidity->value());
    for (const auto& f : v.factors) text(e, at(22), f.name, f.name, f.value);
    if (!v.note.empty()) text(e, at(23), {}, {}, v.note);
  }

  // ---- guided sessions ----

  void session(const SessionRecord& s) {
    const std::string name = fmt::format("session/{}/{}", format_utc(s.started_at), name_of(s.routine));
    const Uuid id = begin("Procedure", name);
    w_.key("extension").begin_array();
    part(kExtProgram, "valueCode", s.program);
    part(kExtStage, s.stage);
    part(kExtSteps, "valueString", outcome_letters(s.steps));
    for (const auto& x : s.exercises) {
      w_.begin_object().member("url", kExtExercise).key("extension").begin_array();
      part("exercise", "valueCode", x.exercise);
      part("level", x.level);
      part("work-steps", x.work_steps);
      part("done", x.done);
      part("skipped", x.skipped);
      if (x.pain_during) {
        part("pain-during", x.pain_during->value());
      }
      w_.end_array().end_object();
    }
    w_.end_array();
    w_.member("status", s.stop_reason ? "stopped" : "completed");
    if (s.stop_reason) {
      const std::string_view reason = name_of(*s.stop_reason);
      codeable("statusReason", kStopReasons, reason, {}, reason);
    }
    const std::string routine(name_of(s.routine));
    codeable("code", kCodes, routine_code(routine), fmt::format("Guided {} routine", routine), {});
    reference("subject", patient_ref_);
    w_.key("performedPeriod").begin_object();
    w_.member("start", when(s.started_at)).member("end", when(s.ended_at));
    w_.end_object();
    w_.key("performer").begin_array().begin_object();
    reference("actor", patient_ref_);
    w_.end_object().end_array();
    end();

    // Pain before the session: a pain rating like the diary's, part of the session.
    begin("Observation", name + "/pain-before");
    w_.member("status", "final");
    survey();
    codeable("code", kLoinc, kPainCode, kPainDisplay, "Pain before the session");
    reference("subject", patient_ref_);
    w_.member("effectiveDateTime", when(s.started_at));
    w_.key("performer").begin_array().begin_object().member("reference", patient_ref_).end_object().end_array();
    w_.key("partOf").begin_array().begin_object().member("reference", "urn:uuid:" + id.text()).end_object().end_array();
    w_.member("valueInteger", s.pain_before.value());
    lower_back();
    end();
  }

  // ---- questionnaires ----

  void min_max(int min, int max) {
    w_.key("extension").begin_array();
    part(kMinValue, min);
    part(kMaxValue, max);
    w_.end_array();
  }

  void questionnaire(const Instrument& q) {
    begin("Questionnaire", fmt::format("questionnaire/{}/{}", q.id, q.version));
    w_.member("url", questionnaire_url(q.id));
    w_.member("version", q.version);
    w_.member("title", q.name);
    w_.member("status", "active");
    w_.key("subjectType").begin_array().string("Patient").end_array();
    w_.member("description", q.description);
    w_.member("copyright", q.licence);
    if (q.id == "odi") {
      w_.key("code").begin_array();
      coding(kLoinc, kOdiPanelCode, "Oswestry Disability Index");
      w_.end_array();
    }
    const std::string answers = answers_system(q.id);
    w_.key("item").begin_array();
    if (q.activities) {
      w_.begin_object();
      w_.member("linkId", "activity").member("text", "An activity you find hard").member("type", "group");
      w_.member("repeats", true);
      w_.key("item").begin_array();
      w_.begin_object().member("linkId", "activity-name").member("text", "The activity").member("type", "string");
      w_.member("required", true).end_object();
      w_.begin_object();
      min_max(q.activities->min, q.activities->max);
      w_.member("linkId", "activity-rating").member("text", q.activities->anchors).member("type", "integer");
      w_.member("required", true).end_object();
      w_.end_array();
      w_.end_object();
    }
    for (const auto& item : q.items) {
      w_.begin_object();
      if (item.kind != ItemKind::choice) min_max(item.min, item.max);
      w_.member("linkId", item.id).member("text", item.label);
      w_.member("type", item.kind == ItemKind::choice ? "choice" : "integer");
      w_.member("required", item.required);
      if (item.kind == ItemKind::choice) {
        w_.key("answerOption").begin_array();
        for (const auto& o : item.options) {
          w_.begin_object().key("valueCoding");
          coding(answers, o.code, o.label);
          w_.end_object();
        }
        w_.end_array();
      }
      w_.end_object();
    }
    w_.begin_object();
    w_.member("linkId", "score");
    if (q.id == "odi") {
      w_.key("code").begin_array();
      coding(kLoinc, kOdiScoreCode, "Oswestry disability index score ODI");
      w_.end_array();
    }
    w_.member("text", fmt::format("{} score", q.abbreviation)).member("type", "decimal").member("readOnly", true);
    w_.end_object();
    w_.end_array();
    end();
  }

  const Instrument* instrument(std::string_view id) const {
    for (const Instrument* i : data_.instruments) {
      if (i->id == id) return i;
    }
    return nullptr;
  }

  void answer_item(const ItemAnswer& a, std::string_view answers) {
    w_.begin_object().member("linkId", a.item);
    if (a.choice) {
      w_.key("answer").begin_array().begin_object().key("valueCoding");
      coding(answers, *a.choice, {});
      w_.end_object().end_array();
    } else if (a.value) {
      w_.key("answer").begin_array().begin_object().member("valueInteger", *a.value).end_object().end_array();
    }
    w_.end_object();
  }

  void activity_item(const ItemAnswer& a) {
    w_.begin_object().member("linkId", "activity").key("item").begin_array();
    w_.begin_object().member("linkId", "activity-name");
    w_.key("answer").begin_array().begin_object().member("valueString", a.item).end_object().end_array();
    w_.end_object();
    w_.begin_object().member("linkId", "activity-rating");
    if (a.value)
      w_.key("answer").begin_array().begin_object().member("valueInteger", *a.value).end_object().end_array();
    w_.end_object();
    w_.end_array().end_object();
  }

  void response(const QuestionnaireResponse& r) {
    const Instrument* q = instrument(r.instrument);
    const std::string name = fmt::format("questionnaire-response/{}/{}", r.instrument, format_utc(r.taken_at));
    const Uuid id = begin("QuestionnaireResponse", name);
    w_.member("questionnaire", fmt::format("{}|{}", questionnaire_url(r.instrument), r.version));
    w_.member("status", "completed");
    reference("subject", patient_ref_);
    w_.member("authored", when(r.taken_at));
    reference("author", patient_ref_);
    reference("source", patient_ref_);
    const std::string answers = answers_system(r.instrument);
    w_.key("item").begin_array();
    for (const auto& a : r.answers) {
      if (q != nullptr && q->activities) {
        activity_item(a);
      } else {
        answer_item(a, answers);
      }
    }
    w_.begin_object().member("linkId", "score").key("answer").begin_array().begin_object();
    w_.key("valueDecimal").number(r.score.value);
    w_.end_object().end_array().end_object();
    w_.end_array();
    end();

    begin("Observation", name + "/score");
    w_.member("status", "final");
    survey();
    const std::string code = score_code(r.instrument);
    const std::string label = fmt::format("{} score", q != nullptr ? q->abbreviation : r.instrument);
    codeable("code", r.instrument == "odi" ? kLoinc : kCodes, code,
             r.instrument == "odi" ? "Oswestry disability index score ODI" : label, label);
    reference("subject", patient_ref_);
    w_.member("effectiveDateTime", when(r.taken_at));
    w_.key("performer").begin_array().begin_object().member("reference", patient_ref_).end_object().end_array();
    quantity(r.score.value, q != nullptr && q->unit == "%" ? "%" : "{score}");
    w_.key("derivedFrom").begin_array().begin_object().member("reference", "urn:uuid:" + id.text());
    w_.end_object().end_array();
    end();
  }

  // ---- the program ----

  void program() {
    const bool stages = data_.stages != nullptr && !data_.stages->empty();
    const bool levels = data_.levels != nullptr && !data_.levels->empty();
    if (!stages && !levels) return;
    begin("CarePlan", "program");
    if (stages) {
      w_.key("extension").begin_array();
      for (const auto& [program, stage] : *data_.stages) {
        w_.begin_object().member("url", kExtProgramStage).key("extension").begin_array();
        part("program", "valueCode", program);
        part("stage", stage);
        w_.end_array().end_object();
      }
      w_.end_array();
    }
    w_.member("status", "active").member("intent", "plan");
    w_.member("title", "The exercise program: its stage and the exercises' levels");
    reference("subject", patient_ref_);
    if (levels) {
      w_.key("activity").begin_array();
      for (const auto& [exercise, level] : *data_.levels) {
        w_.begin_object().key("detail").begin_object();
        w_.key("extension").begin_array();
        part(kExtExerciseLevel, level);
        w_.end_array();
        codeable("code", kExercises, exercise, {}, {});
        w_.member("status", "in-progress");
        w_.end_object().end_object();
      }
      w_.end_array();
    }
    end();
  }

  // ---- the program's past decisions ----

  // One ClinicalImpression: the rule (or the person, or their clinician)
  // assessed how the back answered and decided; the record in one extension.
  void decision(const DecisionRecord& d) {
    // Named by what makes it itself: the rule decides a routine once a day; by
    // hand, the moment it was made (two made in one second are told apart by their order).
    const std::string name =
        fmt::format("decision/{}/{}/{}/{}/{}", d.program, name_of(d.kind), d.routine ? name_of(*d.routine) : "-",
                    format_date(d.date), format_utc(d.decided_at));
    begin("ClinicalImpression", name);
    w_.key("extension").begin_array();
    part(kExtDiaryDay, "valueDate", format_date(d.date));
    w_.begin_object().member("url", kExtDecision).key("extension").begin_array();
    part("program", "valueCode", d.program);
    part("kind", "valueCode", name_of(d.kind));
    if (d.routine) part("routine", "valueCode", name_of(*d.routine));
    part("verdict", "valueCode", name_of(d.verdict));
    part("stage", d.stage);
    part("inputs", "valueString", d.inputs);
    part("changes", "valueString", level_changes_to_json(d.changes).dump());
    part("good-sessions", d.state.good_sessions);
    if (d.state.last_step_up) part("last-step-up", "valueDate", format_date(*d.state.last_step_up));
    if (d.state.last_weekly_check) part("last-weekly-check", "valueDate", format_date(*d.state.last_weekly_check));
    w_.begin_object().member("url", "offer-flare").member("valueBoolean", d.offer_flare).end_object();
    part("channel", "valueCode", d.channel);
    w_.end_array().end_object().end_array();
    w_.member("status", "completed");
    codeable("code", kCodes, kDecisionCode, kDecisionDisplay, kDecisionDisplay);
    reference("subject", patient_ref_);
    w_.member("effectiveDateTime", when(d.decided_at));
    if (d.author) w_.key("assessor").begin_object().member("display", d.author->name).end_object();
    w_.member("summary", d.sentence);
    if (!d.reasons.empty()) {
      w_.key("finding").begin_array();
      d.reasons.for_each([&](Why why) {
        w_.begin_object();
        codeable("itemCodeableConcept", kDecisionReasons, name_of(why), {}, {});
        w_.end_object();
      });
      w_.end_array();
    }
    if (!d.note.empty()) w_.key("note").begin_array().begin_object().member("text", d.note).end_object().end_array();
    end();
  }

  // ---- personal experiments ----

  // One CarePlan: the design in an extension, each condition an activity; then
  // an Observation for each night logged, basedOn the CarePlan.
  void experiment(const FhirExperiment& x) {
    const Experiment& e = x.experiment;
    const ExperimentDesign& d = e.design;
    const std::string name = fmt::format("experiment/{}", format_utc(e.created_at));
    const Uuid id = begin("CarePlan", name);
    w_.key("extension").begin_array();
    w_.begin_object().member("url", kExtExperiment).key("extension").begin_array();
    part("pairs", d.pairs);
    part("period-nights", d.period_nights);
    part("washout-nights", d.washout_nights);
    part("seed", "valueString", std::to_string(d.seed));
    part("orders", "valueString", orders_text(d.first_in_pair));
    if (e.stopped_at) {
      part("stopped-at", "valueDateTime", when(*e.stopped_at));
      part("stopped-after", "valueDate", format_date(*e.stopped_after));
      if (!e.stop_reason.empty()) part("stop-reason", "valueString", e.stop_reason);
    }
    w_.end_array().end_object().end_array();
    const ExperimentStatus status = status_of(e, data_.coming_night);
    const bool done = status == ExperimentStatus::finished;
    w_.member("status", e.stopped_at ? "revoked" : done ? "completed" : "active");
    w_.member("intent", "plan");
    w_.key("category").begin_array().begin_object().key("coding").begin_array();
    coding(kCodes, kExperimentCode, kExperimentDisplay);
    w_.end_array().end_object().end_array();
    w_.member("title", d.title);
    reference("subject", patient_ref_);
    // The nights by the diary days they end on: the first, and the last that
    // counts (none when it was stopped before its first night).
    w_.key("period").begin_object().member("start", format_date(d.first_night));
    if (e.end_night() >= d.first_night) w_.member("end", format_date(e.end_night()));
    w_.end_object();
    w_.member("created", when(e.created_at));
    w_.key("activity").begin_array();
    const std::string_view state = e.stopped_at                          ? "stopped"
                                   : done                                ? "completed"
                                   : status == ExperimentStatus::running ? "in-progress"
                                                                         : "scheduled";
    for (const Condition c : {Condition::a, Condition::b}) {
      w_.begin_object().key("detail").begin_object();
      w_.key("extension").begin_array();
      part(kExtCondition, "valueCode", name_of(c));
      w_.end_array();
      w_.member("status", state).member("description", d.label(c));
      w_.end_object().end_object();
    }
    w_.end_array();
    end();
    const std::string based_on = "urn:uuid:" + id.text();
    for (const auto& n : x.nights) {
      begin("Observation", fmt::format("{}/night/{}", name, format_date(n.night)));
      w_.key("extension").begin_array();
      part(kExtDiaryDay, "valueDate", format_date(n.night));
      w_.end_array();
      w_.key("basedOn").begin_array().begin_object().member("reference", based_on).end_object().end_array();
      w_.raw_members(status_survey_);
      codeable("code", kCodes, kNightCode, kNightDisplay, kNightDisplay);
      w_.raw_members(subject_);
      w_.member("effectiveDateTime", when(n.recorded_at));
      w_.raw_members(performer_);
      w_.member("valueBoolean", n.followed);
      if (!n.note.empty()) w_.key("note").begin_array().begin_object().member("text", n.note).end_object().end_array();
      end();
    }
  }

  // ---- safety checks ----

  void component(std::string_view system, std::string_view code) {
    w_.begin_object().key("code").begin_object().key("coding").begin_array();
    coding(system, code, {});
    w_.end_array().end_object();
  }

  void screening(const ScreeningEvent& c) {
    if (entry_by_id_.empty()) {
      for (const auto& e : data_.entries) entry_by_id_.emplace(e.id.value, &e);
    }
    const auto found = c.entry ? entry_by_id_.find(c.entry->value) : entry_by_id_.end();
    const DiaryEntry* prompted = found != entry_by_id_.end() ? found->second : nullptr;
    // Checks made at one moment are of different entries (an import's one-tap checks): the entry names them apart.
    std::string name = fmt::format("safety-check/{}/{}", format_utc(c.at), name_of(c.kind));
    if (prompted != nullptr) name += fmt::format("/{}/{}", format_date(prompted->date), name_of(prompted->period));
    begin("Observation", name);
    w_.key("extension").begin_array();
    part(kExtCheckKind, "valueCode", name_of(c.kind));
    if (prompted != nullptr) {
      part(kExtDiaryDay, "valueDate", format_date(prompted->date));
      part(kExtDiaryPeriod, "valueCode", name_of(prompted->period));
    }
    w_.end_array();
    w_.raw_members(status_survey_);
    codeable("code", kCodes, kCheckCode, kCheckDisplay, check_name(c.kind));
    w_.raw_members(subject_);
    w_.member("effectiveDateTime", when(c.at));
    w_.raw_members(performer_);
    codeable("valueCodeableConcept", kCheckResults, name_of(c.result), {}, {});
    if (!c.answers.empty() || c.ibp) {
      w_.key("component").begin_array();
      for (const auto& a : c.answers) {
        component(kCheckQuestions, a.question);
        w_.member("valueBoolean", a.answer == YesNo::yes).end_object();
      }
      if (c.ibp) {
        component(kCodes, kIbpOutcomeCode);
        codeable("valueCodeableConcept", kIbpOutcomes, name_of(c.ibp->outcome), {}, {});
        w_.end_object();
        component(kCodes, kIbpAsasCode);
        w_.member("valueInteger", c.ibp->asas_met).end_object();
        component(kCodes, kIbpBerlinCode);
        w_.member("valueInteger", c.ibp->berlin_met).end_object();
        for (const auto& m : c.ibp->met) {
          component(kCodes, kIbpMetCode);
          codeable("valueCodeableConcept", kIbpCriteria, m, {}, {});
          w_.end_object();
        }
      }
      w_.end_array();
    }
    end();
  }
};

}  // namespace

std::string fhir_collection(const FhirExport& data) {
  std::string out;
  // About 700 bytes per resource; one allocation for most exports.
  out.reserve(1024 + data.entries.size() * 4000 + data.sessions.size() * 2000 + data.responses.size() * 3000 +
              data.decisions.size() * 2000);
  BundleWriter(out, data).write();
  return out;
}

std::string FhirProblem::message() const {
  const std::string where = place.resource.empty() ? place.path : place.resource + " at " + place.path;
  if (value.empty()) return fmt::format("{}: missing; allowed: {}", where, allowed);
  return fmt::format("{}: '{}' is not allowed; allowed: {}", where, value, allowed);
}

}  // namespace daybreak
