// The codes and names daybreak's FHIR R4 exports use, shared by the writer
// and the reader: LOINC and SNOMED CT where a code could be verified
// (docs/fhir.md says where), daybreak's own code systems elsewhere.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace daybreak::fhir {

// daybreak's canonical names. ".invalid" is reserved (RFC 6761): these are
// names, never addresses, and can clash with nobody's.
inline constexpr std::string_view kBase = "https://daybreak.invalid/fhir";
inline constexpr std::string_view kCodes = "https://daybreak.invalid/fhir/CodeSystem/daybreak";
inline constexpr std::string_view kStopReasons = "https://daybreak.invalid/fhir/CodeSystem/stop-reason";
inline constexpr std::string_view kExtDiaryDay = "https://daybreak.invalid/fhir/StructureDefinition/diary-day";
inline constexpr std::string_view kExtDiaryPeriod = "https://daybreak.invalid/fhir/StructureDefinition/diary-period";
inline constexpr std::string_view kExtProgram = "https://daybreak.invalid/fhir/StructureDefinition/session-program";
inline constexpr std::string_view kExtStage = "https://daybreak.invalid/fhir/StructureDefinition/session-stage";
inline constexpr std::string_view kExtSteps = "https://daybreak.invalid/fhir/StructureDefinition/session-steps";
inline constexpr std::string_view kExtExercise = "https://daybreak.invalid/fhir/StructureDefinition/session-exercise";
// Safety checks (docs/fhir.md): one Observation each, its kind in an extension,
// its result the value, each answer a component, the inflammatory back pain
// screen as it stood then in components of its own.
inline constexpr std::string_view kExtCheckKind = "https://daybreak.invalid/fhir/StructureDefinition/safety-check-kind";
inline constexpr std::string_view kCheckResults = "https://daybreak.invalid/fhir/CodeSystem/safety-check-result";
inline constexpr std::string_view kCheckQuestions = "https://daybreak.invalid/fhir/CodeSystem/safety-question";
inline constexpr std::string_view kIbpOutcomes = "https://daybreak.invalid/fhir/CodeSystem/ibp-outcome";
inline constexpr std::string_view kIbpCriteria = "https://daybreak.invalid/fhir/CodeSystem/ibp-criterion";
// The program where the person stands: one CarePlan, each program's stage in an
// extension, each exercise's level an activity.
inline constexpr std::string_view kExtProgramStage = "https://daybreak.invalid/fhir/StructureDefinition/program-stage";
inline constexpr std::string_view kExtExerciseLevel =
    "https://daybreak.invalid/fhir/StructureDefinition/exercise-level";
inline constexpr std::string_view kExercises = "https://daybreak.invalid/fhir/CodeSystem/exercise";
// Personal experiments: one CarePlan each (its design in an extension, each
// condition an activity), one Observation per night logged, basedOn it.
inline constexpr std::string_view kExtExperiment = "https://daybreak.invalid/fhir/StructureDefinition/experiment";
inline constexpr std::string_view kExtCondition =
    "https://daybreak.invalid/fhir/StructureDefinition/experiment-condition";
inline constexpr std::string_view kExperimentCode = "experiment";  // in kCodes: the CarePlan's category
inline constexpr std::string_view kExperimentDisplay = "Personal experiment (n-of-1 trial)";
inline constexpr std::string_view kNightCode = "experiment-night";  // in kCodes
inline constexpr std::string_view kNightDisplay = "Experiment condition followed that night";
// The program's past decisions: one ClinicalImpression each (the rule's after a
// session day, a level or stage set by hand, a stage proposed or begun), its
// record in one extension, its reasons as findings.
inline constexpr std::string_view kExtDecision = "https://daybreak.invalid/fhir/StructureDefinition/program-decision";
inline constexpr std::string_view kDecisionReasons = "https://daybreak.invalid/fhir/CodeSystem/decision-reason";
inline constexpr std::string_view kDecisionCode = "program-decision";  // in kCodes
inline constexpr std::string_view kDecisionDisplay = "Exercise program decision";
inline constexpr std::string_view kCheckCode = "safety-check";  // in kCodes
inline constexpr std::string_view kCheckDisplay = "Safety check for warning signs";
inline constexpr std::string_view kIbpOutcomeCode = "ibp-outcome";
inline constexpr std::string_view kIbpAsasCode = "ibp-asas-criteria-met";
inline constexpr std::string_view kIbpBerlinCode = "ibp-berlin-criteria-met";
inline constexpr std::string_view kIbpMetCode = "ibp-criterion-met";

inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr std::string_view kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
inline constexpr std::string_view kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

// LOINC 72514-3, checked in the HL7 Belgium patient-monitoring pain scale ValueSet (reach.md 2).
inline constexpr std::string_view kPainCode = "72514-3";
inline constexpr std::string_view kPainDisplay = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
// SNOMED CT 37822005 "Lower back structure".
inline constexpr std::string_view kLowerBackCode = "37822005";
inline constexpr std::string_view kLowerBackDisplay = "Lower back structure";
// The ODI panel and score, as the PACIO sample IG and other public guides use them.
inline constexpr std::string_view kOdiPanelCode = "97908-8";
inline constexpr std::string_view kOdiScoreCode = "97909-6";

// How a diary field's value is written.
enum class ValueKind {
  integer,     // valueInteger
  quantity,    // valueQuantity in the UCUM unit
  flag,        // valueBoolean true (the field is left out when false)
  yes_no,      // valueBoolean true or false
  date_time,   // valueDateTime with the person's offset
  text,        // valueString
  coded,       // one Observation per chosen word: valueCodeableConcept in the field's code system
  texts,       // one Observation per name: valueString (pillows)
  factor,      // one Observation per factor: code.text is its name, valueString its value
  medication,  // one MedicationStatement per medicine
};

struct FieldCode {
  std::string_view field;   // the catalogue's name (domain/entry_fields.hpp)
  std::string_view system;  // kLoinc or kCodes
  std::string_view code;
  std::string_view display;  // also code.text
  ValueKind kind = ValueKind::integer;
  std::string_view unit;  // quantity: the UCUM code
};

// One per diary field, in the catalogue's order (a test checks both ways).
[[nodiscard]] std::span<const FieldCode> field_codes();
[[nodiscard]] const FieldCode* code_of_field(std::string_view field);
[[nodiscard]] const FieldCode* field_of_code(std::string_view system, std::string_view code);

// The code system of a coded field's words: ".../CodeSystem/warning-sign".
[[nodiscard]] std::string words_system(std::string_view field);
// A routine's code in kCodes: "morning-routine".
[[nodiscard]] std::string routine_code(std::string_view routine);
// A questionnaire: its canonical URL, its answers' code system, its score code.
[[nodiscard]] std::string questionnaire_url(std::string_view instrument);
[[nodiscard]] std::string answers_system(std::string_view instrument);
[[nodiscard]] std::string score_code(std::string_view instrument);  // in kCodes, or kOdiScoreCode in LOINC

}  // namespace daybreak::fhir
