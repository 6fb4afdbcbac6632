#include "report/fhir_codes.hpp"

#include <array>

#include <fmt/format.h>

namespace daybreak::fhir {
namespace {

using enum ValueKind;

constexpr std::array kFields{
    FieldCode{"pain", kLoinc, kPainCode, kPainDisplay, integer, {}},
    FieldCode{"stiffness_minutes", kCodes, "morning-stiffness-duration", "Morning stiffness duration", quantity, "min"},
    FieldCode{
        "still_stiff", kCodes, "morning-stiffness-ongoing", "Morning stiffness not yet eased when logged", flag, {}},
    FieldCode{
        "stiffness_severity", kCodes, "morning-stiffness-severity", "Morning stiffness severity (0-10)", integer, {}},
    FieldCode{"signs", kCodes, "warning-sign", "Warning sign noticed", coded, {}},
    FieldCode{"locations", kCodes, "pain-location", "Where the pain is felt", coded, {}},
    FieldCode{"leg_symptoms", kCodes, "leg-symptom", "Leg symptom", coded, {}},
    FieldCode{"red_flags",
              kCodes,
              "red-flag-check",
              "New bladder, bowel, saddle-area, sexual or both-leg symptoms (one-tap check)",
              yes_no,
              {}},
    FieldCode{"medications", kCodes, "medication", "Medication taken", medication, {}},
    FieldCode{"relief", kCodes, "relief-used", "Relief used", coded, {}},
    FieldCode{"walking_minutes", kCodes, "walking-duration", "Time spent walking", quantity, "min"},
    FieldCode{"sitting_hours", kCodes, "sitting-duration", "Time spent sitting", quantity, "h"},
    FieldCode{"anxiety", kCodes, "anxiety", "Anxiety (0-10)", integer, {}},
    FieldCode{"bedtime", kCodes, "bedtime", "Went to bed", date_time, {}},
    FieldCode{"wake_time", kCodes, "wake-time", "Woke up for the day", date_time, {}},
    FieldCode{"awakenings", kCodes, "awakenings-by-pain", "Times woken by pain", integer, {}},
    FieldCode{"sleep_quality", kCodes, "sleep-quality", "Sleep quality (0-10)", integer, {}},
    FieldCode{"sleep_position", kCodes, "sleep-position", "Position slept in most", coded, {}},
    FieldCode{"mattress", kCodes, "mattress", "Mattress slept on", text, {}},
    FieldCode{"pillows", kCodes, "pillow", "Pillow used", texts, {}},
    FieldCode{"room_temperature", kCodes, "bedroom-temperature", "Bedroom temperature", quantity, "Cel"},
    FieldCode{"humidity", kCodes, "bedroom-humidity", "Bedroom humidity", quantity, "%"},
    FieldCode{"factors", kCodes, "factor", "A factor the person tracks", factor, {}},
    FieldCode{"note", kCodes, "diary-note", "Diary note", text, {}},
};

}  // namespace

std::span<const FieldCode> field_codes() { return kFields; }

const FieldCode* code_of_field(std::string_view field) {
  for (const auto& f : kFields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

const FieldCode* field_of_code(std::string_view system, std::string_view code) {
  for (const auto& f : kFields) {
    if (f.system == system && f.code == code) return &f;
  }
  return nullptr;
}

std::string words_system(std::string_view field) {
  const FieldCode* f = code_of_field(field);
  return fmt::format("{}/CodeSystem/{}", kBase, f != nullptr ? f->code : field);
}

std::string routine_code(std::string_view routine) { return fmt::format("{}-routine", routine); }

std::string questionnaire_url(std::string_view instrument) {
  return fmt::format("{}/Questionnaire/{}", kBase, instrument);
}

std::string answers_system(std::string_view instrument) {
  return fmt::format("{}/CodeSystem/questionnaire-{}", kBase, instrument);
}

std::string score_code(std::string_view instrument) {
  return instrument == "odi" ? std::string(kOdiScoreCode) : fmt::format("{}-score", instrument);
}

}  // namespace daybreak::fhir
