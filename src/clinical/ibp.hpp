// The inflammatory back pain screen: the ASAS 2009 and Berlin criteria,
// evaluated from a person's answers and from their own diary. A positive
// screen is a reason to mention inflammatory back pain to a doctor; it is
// never a diagnosis, and exercise continues.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/diary_entry.hpp"

namespace daybreak {

// The questions of the screen. Their ids are stored with screening answers.
enum class IbpQuestion : std::uint8_t {
  chronic,               // back pain for more than 3 months (both criteria sets apply only then)
  onset_before_40,       // ASAS 1
  gradual_onset,         // ASAS 2
  better_with_exercise,  // ASAS 3; Berlin 2 with the next
  not_better_with_rest,  // ASAS 4; Berlin 2 with the previous
  night_pain,            // ASAS 5: night pain that improves on getting up
  morning_stiffness,     // Berlin 1: stiffness on waking lasting more than 30 minutes
  second_half_waking,    // Berlin 3: woken by back pain in the second half of the night
  alternating_buttock,   // Berlin 4: buttock pain alternating between sides
  under_50,              // the Berlin criteria were made for people under 50
};

template <>
struct Vocabulary<IbpQuestion> {
  static constexpr std::string_view kind = "inflammatory back pain question";
  static constexpr std::array<std::string_view, 10> names = {"ibp_chronic",
                                                             "ibp_onset_before_40",
                                                             "ibp_gradual_onset",
                                                             "ibp_better_with_exercise",
                                                             "ibp_not_better_with_rest",
                                                             "ibp_night_pain",
                                                             "ibp_morning_stiffness",
                                                             "ibp_second_half_waking",
                                                             "ibp_alternating_buttock",
                                                             "ibp_under_50"};
};

struct IbpQuestionInfo {
  IbpQuestion id;
  std::string_view question;  // in our own words
  std::string_view label;     // said back: "stiffness on waking lasting more than 30 minutes"
};
[[nodiscard]] std::span<const IbpQuestionInfo> ibp_questions();
[[nodiscard]] const IbpQuestionInfo& ibp_question(IbpQuestion q);

// The person's latest answer to each question; nullopt = not answered.
class IbpAnswers {
 public:
  void set(IbpQuestion q, YesNo a) { answers_[static_cast<std::size_t>(q)] = a; }
  [[nodiscard]] std::optional<YesNo> get(IbpQuestion q) const { return answers_[static_cast<std::size_t>(q)]; }
  [[nodiscard]] bool yes(IbpQuestion q) const { return get(q) == YesNo::yes; }
  [[nodiscard]] bool no(IbpQuestion q) const { return get(q) == YesNo::no; }
  [[nodiscard]] bool empty() const;

 private:
  std::array<std::optional<YesNo>, choice_count<IbpQuestion>()> answers_{};
};

// ---- the diary as evidence ----------------------------------------------------

// Constants. [D] marks a design proposal of this app (clinical-facts.md tag),
// not a published rule.
inline constexpr int kAsasNeeded = 4;             // of 5: Sieper 2009, Ann Rheum Dis 68:784
inline constexpr int kBerlinNeeded = 2;           // of 4: Rudwaleit 2006, Arthritis Rheum 54:569
inline constexpr int kStiffnessOverMinutes = 30;  // strictly more: Rudwaleit 2006 (Berlin item 1)
inline constexpr int kIbpDiaryWindowDays = 28;    // [D] "recent weeks": four weeks of diary
inline constexpr int kMinStiffnessMornings = 7;   // [D] a week of mornings (stiffness varies day to
                                                  //     day: Hazes' diary study, clinical-facts.md 11)
inline constexpr int kMinNights = 7;              // [D] a week of nights
inline constexpr int kMinSessions = 3;            // [D] sessions with pain before and after
inline constexpr int kMinRestOccasions = 3;       // [D] periods with rest used and a later pain rating
inline constexpr int kSessionEasePoints = 1;      // [D] median drop in pain across a session

// Pain before and after one exercise session (from guided sessions).
struct SessionPain {
  LocalDate date;
  PainScore before;
  PainScore after;
};

// What the diary says about one item: met, not met, or not enough data (nullopt).
struct DiaryFinding {
  std::optional<bool> met;
  std::string detail;  // "median 45 min over 21 mornings"; empty when there is no data
};

struct IbpDiaryEvidence {
  DiaryFinding morning_stiffness;     // median stiffness minutes > 30
  DiaryFinding night_waking;          // pain woke the person on at least half the nights
  DiaryFinding better_with_exercise;  // pain eased across sessions
  DiaryFinding not_better_with_rest;  // pain did not ease in the period after rest
  DiaryFinding alternating_buttock;   // buttock pain on the left on some days, on the right on others
};

// Reads `entries` (the window to look at, any order) and `sessions`.
[[nodiscard]] IbpDiaryEvidence ibp_diary_evidence(std::span<const DiaryEntry> entries,
                                                  std::span<const SessionPain> sessions);

// ---- the screen ---------------------------------------------------------------

enum class IbpOutcome : std::uint8_t { positive, negative, not_applicable };

template <>
struct Vocabulary<IbpOutcome> {
  static constexpr std::string_view kind = "inflammatory back pain screen result";
  static constexpr std::array<std::string_view, 3> names = {"positive", "negative", "not_applicable"};
};

// One criterion of a set, and why it counts (or not).
struct IbpCriterion {
  std::string_view id;     // "asas_onset_before_40", "berlin_morning_stiffness"...
  std::string_view label;  // for people
  bool met = false;
  std::vector<std::string> because;  // "you said yes", "your diary: median 45 min over 21 mornings"
};

struct IbpResult {
  IbpOutcome outcome = IbpOutcome::negative;
  std::vector<IbpCriterion> asas;    // 5 items
  std::vector<IbpCriterion> berlin;  // 4 items
  int asas_met = 0;
  int berlin_met = 0;
  bool berlin_applies = true;  // not for people who said they are 50 or over
  bool answered = false;       // the person has answered at least one question
  std::string note;            // why the screen does not apply, when it does not
};

// A criterion counts when the person said yes, or when the diary shows it;
// for second-half-of-the-night waking, whose timing the diary cannot see, the
// diary counts only when the person has not said no.
[[nodiscard]] IbpResult evaluate_ibp(const IbpAnswers& answers, const IbpDiaryEvidence& diary);

// The distinct reasons behind a positive screen, for the message.
[[nodiscard]] std::vector<std::string> ibp_reasons(const IbpResult& result);

}  // namespace daybreak
