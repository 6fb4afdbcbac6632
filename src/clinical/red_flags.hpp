// The red flags of low back pain that daybreak asks about, each with the
// question a person answers, its level, and the source it comes from.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "domain/choices.hpp"

namespace daybreak {

// Emergency: go to the emergency department now; exercise locked.
// Urgent: see a doctor within 24 hours; progression paused, gentle movement only.
enum class FlagLevel : std::uint8_t { emergency, urgent };

template <>
struct Vocabulary<FlagLevel> {
  static constexpr std::string_view kind = "flag level";
  static constexpr std::array<std::string_view, 2> names = {"emergency", "urgent"};
};

// Exactly the items of clinical.md "Safety", in its order.
enum class RedFlag : std::uint8_t {
  // emergency
  both_legs,
  saddle_numbness,
  bladder_bowel,
  sexual_function,
  leg_weakness,
  major_accident,
  // urgent
  fever,
  weight_loss,
  cancer_history,
  night_pain,
  bone_risk_trauma,
  age_at_onset,
};

template <>
struct Vocabulary<RedFlag> {
  static constexpr std::string_view kind = "red flag";
  static constexpr std::array<std::string_view, 12> names = {
      "both_legs", "saddle_numbness", "bladder_bowel",  "sexual_function", "leg_weakness",     "major_accident",
      "fever",     "weight_loss",     "cancer_history", "night_pain",      "bone_risk_trauma", "age_at_onset"};
};

// A yes-or-no question of the safety check. A yes raises a flag of `level`.
struct SafetyQuestion {
  std::string_view id;        // stored with the answer; a RedFlag name, or kQuickCheck.id
  std::string_view question;  // asked, in our own words
  std::string_view label;     // said back to the person: "new bladder or bowel trouble"
  FlagLevel level = FlagLevel::emergency;
  std::string_view source;  // where the item comes from
};

// Every red flag, emergency ones first, in the order they are asked.
[[nodiscard]] std::span<const SafetyQuestion> red_flag_questions();
[[nodiscard]] const SafetyQuestion& question_for(RedFlag flag);

// The one-tap check carried by the morning diary entry: one question standing
// for the five emergency flags a person can notice themselves each morning.
// Source: clinical-facts.md 8.2 (required app behaviour 2), from the NHS
// emergency list (nhs.uk "Back pain"; NHS G-Care cauda equina pathway).
inline constexpr SafetyQuestion kQuickCheck{
    "new_symptoms", "Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms?",
    "new bladder, bowel, saddle, sexual or both-leg symptoms", FlagLevel::emergency,
    "NHS (nhs.uk Back pain; G-Care cauda equina pathway); clinical-facts.md 8.2"};

// The questions asked after a diary entry notes numbness, tingling or weakness
// in a leg: the cauda equina group (NHS G-Care; Finucane 2020).
inline constexpr std::array<RedFlag, 5> kLegCheckFlags = {RedFlag::both_legs, RedFlag::leg_weakness,
                                                          RedFlag::saddle_numbness, RedFlag::bladder_bowel,
                                                          RedFlag::sexual_function};

// Any safety question by its stored id (red flags and the quick check).
[[nodiscard]] const SafetyQuestion* find_safety_question(std::string_view id);

}  // namespace daybreak
