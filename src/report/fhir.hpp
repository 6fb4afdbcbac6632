// The diary as HL7 FHIR R4: a `collection` Bundle of the person (Patient),
// one Observation per diary value, one MedicationStatement per medicine, a
// Procedure per guided session, a Questionnaire, QuestionnaireResponse and
// score Observation per questionnaire taken, an Observation per safety
// check, a CarePlan for the program, a ClinicalImpression per decision the
// program made, and a CarePlan per personal experiment (its nights
// Observations); and the reader that takes such a Bundle back.
// docs/fhir.md describes every resource and code.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clinical/instrument.hpp"
#include "clinical/questionnaire_response.hpp"
#include "clinical/screening.hpp"
#include "domain/account.hpp"
#include "domain/experiment.hpp"
#include "domain/field_error.hpp"
#include "domain/result.hpp"
#include "report/stable_id.hpp"
#include "store/store.hpp"

namespace daybreak {

// Where a value sits in the file, for messages: the resource and the FHIRPath of the element.
struct FhirPlace {
  std::string resource;  // "Observation/2f1c..."
  std::string path;      // "Bundle.entry[12].resource.valueInteger"
};

// A personal experiment with the nights logged for it. In a file read: without
// ids, the nights' experiment unset; `place` is its CarePlan.
struct FhirExperiment {
  Experiment experiment;
  std::vector<ExperimentNight> nights;  // in night order
  FhirPlace place;
};

struct FhirExport {
  const User& user;
  Uuid person;  // the Patient's id; every other id is a name under it
  const TimeZone& zone;
  std::span<const DiaryEntry> entries;
  std::span<const SessionRecord> sessions;
  std::span<const QuestionnaireResponse> responses;
  std::span<const Instrument* const> instruments;  // the definitions the responses answer
  std::span<const ScreeningEvent> screenings;      // the safety checks, oldest first
  // Where the program stands now: each program's stage, each exercise's level (the ones ever set).
  const std::map<std::string, int, std::less<>>* stages = nullptr;
  const std::map<std::string, int, std::less<>>* levels = nullptr;
  std::span<const FhirExperiment> experiments = {};  // oldest first
  std::span<const DecisionRecord> decisions = {};    // the program's, by day and then as made
  // The night to come (tonight() of now): whether an experiment is planned, running or finished.
  LocalDate coming_night = {};
};

// The Bundle as JSON, one resource per line. The same data gives the same bytes.
[[nodiscard]] std::string fhir_collection(const FhirExport& data);

struct FhirProblem {
  FhirPlace place;
  std::string value;    // as given; empty when missing
  std::string allowed;  // what would be accepted
  // "Observation/2f1c... at Bundle.entry[12].resource.valueInteger: '11' is not allowed; allowed: ..."
  [[nodiscard]] std::string message() const;
};
using FhirProblems = std::vector<FhirProblem>;

struct FhirEntry {
  LocalDate date;
  Period period = Period::morning;
  DiaryFields fields;
  Instant created_at;
};

struct FhirSession {
  SessionRecord record;  // without id, key, recorded_at and channel
  FhirPlace place;       // the Procedure
};

struct FhirResponse {
  QuestionnaireResponse response;  // answers and the score the file gives (checked against the engine)
  FhirPlace place;
};

struct FhirScreening {
  ScreeningEvent event;  // without id, user, channel and entry
  // The diary entry that prompted it (a quick or leg check), by its day and period.
  std::optional<std::pair<LocalDate, Period>> entry;
  FhirPlace place;
};

// Where the program stood in the file (its CarePlan): stages and levels by id,
// checked against the content at import.
struct FhirProgram {
  std::map<std::string, int, std::less<>> stages;        // program -> stage
  std::map<std::string, int, std::less<>> levels;        // exercise -> level
  std::map<std::string, FhirPlace, std::less<>> places;  // each id's element, for messages
};

// One of the program's past decisions: the record as the store keeps it,
// without id; its author, if the file names one, by name only.
struct FhirDecision {
  DecisionRecord record;
  FhirPlace place;  // the ClinicalImpression
};

struct FhirContent {
  Uuid person;
  std::string name;  // empty when the Patient has none
  std::vector<FhirEntry> entries;
  std::vector<FhirSession> sessions;
  std::vector<FhirResponse> responses;
  std::vector<FhirScreening> screenings;
  std::optional<FhirProgram> program;
  std::vector<FhirExperiment> experiments;
  std::vector<FhirDecision> decisions;  // in the file's order
};

// Reads a Bundle as fhir_collection writes it. Every diary value is checked by
// the field catalogue (the CLI's rules), every answer by the questionnaire
// engine; any problem anywhere means no content, and every problem is reported.
[[nodiscard]] Result<FhirContent, FhirProblems> read_fhir_collection(std::string_view text, const TimeZone& zone,
                                                                     std::span<const Instrument> instruments);

// A person's grants as FHIR Consent (docs/fhir.md): who shared, with whom,
// what, from when until when. A grant stopped or past its last day is an
// inactive Consent whose provision.period ends then.
struct FhirParty {
  Uuid id;  // the Patient's or Practitioner's id
  std::string name;
};

struct FhirConsent {
  Grant grant;
  FhirParty clinician;
};

struct FhirConsentExport {
  FhirParty person;
  const TimeZone& zone;
  LocalDate today;  // the person's date, which decides whether a grant is still active
  std::span<const FhirConsent> consents;
};

// A collection Bundle of the Patient, each clinician as a Practitioner, and one Consent per grant.
[[nodiscard]] std::string fhir_consents(const FhirConsentExport& data);

}  // namespace daybreak
