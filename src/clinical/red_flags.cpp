#include "clinical/red_flags.hpp"

namespace daybreak {
namespace {

// Sources (see clinical-facts.md section 8):
//   nhs.uk "Back pain": the public emergency (999 / A&E) and urgent (GP / 111) lists.
//   NHS G-Care: the Gloucestershire CKS-derived pathway: cauda equina, possible
//     cancer, infection and fracture.
//   NHS trust leaflets (Torbay, Norfolk): new loss of sexual function.
//   Finucane 2020: IFOMPT International Framework for Red Flags, JOSPT 50:350.
// The questions are ours; each asks about what is NEW, so a long-known and
// assessed symptom does not raise the alarm again.
constexpr std::array<SafetyQuestion, 12> kSafetyQuestions = {{
    {"both_legs", "Do you have NEW pain, pins and needles, numbness or weakness in BOTH legs?",
     "new symptoms in both legs", FlagLevel::emergency, "nhs.uk Back pain (emergency); Finucane 2020"},
    {"saddle_numbness",
     "Do you have NEW numbness or altered feeling around your genitals, buttocks or back passage (where you would "
     "sit on a saddle)?",
     "new numbness around the genitals, buttocks or back passage", FlagLevel::emergency,
     "nhs.uk Back pain (emergency); NHS G-Care cauda equina"},
    {"bladder_bowel", "Do you have NEW trouble passing urine, or NEW loss of control of your bladder or bowels?",
     "new bladder or bowel trouble", FlagLevel::emergency, "nhs.uk Back pain (emergency); NHS G-Care cauda equina"},
    {"sexual_function",
     "Have you noticed a NEW change in sexual function, such as loss of erection, ejaculation or feeling in the "
     "genitals?",
     "new change in sexual function", FlagLevel::emergency, "NHS trust leaflets (Torbay, Norfolk)"},
    {"leg_weakness", "Is weakness in a leg or foot getting worse quickly, or are you newly finding it hard to walk?",
     "leg weakness getting worse quickly", FlagLevel::emergency,
     "NHS G-Care cauda equina (progressive leg deficit or gait disturbance)"},
    // A recent event, not the story of how long-standing pain began: an old
    // crash assessed years ago must not lock the program every week.
    {"major_accident",
     "Have you had a NEW serious accident or injury in the last few weeks, such as a road accident or a bad fall, "
     "and has your back hurt since?",
     "back pain after a recent serious accident or fall", FlagLevel::emergency,
     "nhs.uk Back pain (emergency); NHS G-Care possible fracture"},
    {"fever", "Do you have a high temperature, or feel hot and shivery?", "fever, or feeling hot and shivery",
     FlagLevel::urgent, "nhs.uk Back pain (urgent); NHS G-Care possible infection"},
    {"weight_loss", "Have you lost weight recently without trying to?", "weight loss without trying", FlagLevel::urgent,
     "nhs.uk Back pain (urgent); NHS G-Care possible cancer"},
    {"cancer_history", "Have you ever had cancer, and has this back pain started since then?",
     "back pain since a past cancer", FlagLevel::urgent, "NHS G-Care possible cancer (history of cancer)"},
    {"night_pain", "Is the pain there all night, and not eased by changing position?",
     "constant night pain not eased by changing position", FlagLevel::urgent,
     "NHS G-Care possible cancer (persistent night pain); nhs.uk Back pain (urgent)"},
    {"bone_risk_trauma",
     "Did this pain start after a fall or knock, and do you have thin bones (osteoporosis) or take steroid "
     "tablets?",
     "pain after a fall or knock, with osteoporosis or steroid use", FlagLevel::urgent,
     "NHS G-Care possible fracture (minor trauma with osteoporosis or corticosteroids)"},
    {"age_at_onset", "Did this back pain start recently, and are you under 20 or over 50?",
     "new back pain under the age of 20 or over 50", FlagLevel::urgent,
     "NHS G-Care possible cancer (new pain at age > 50 or < 20)"},
}};

}  // namespace

std::span<const SafetyQuestion> red_flag_questions() { return kSafetyQuestions; }

const SafetyQuestion& question_for(RedFlag flag) { return kSafetyQuestions.at(static_cast<std::size_t>(flag)); }

const SafetyQuestion* find_safety_question(std::string_view id) {
  if (id == kQuickCheck.id) return &kQuickCheck;
  for (const auto& q : kSafetyQuestions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

}  // namespace daybreak
