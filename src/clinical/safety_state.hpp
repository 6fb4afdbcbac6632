// The safety state machine: from every screening event and the leg symptoms
// noted in the diary, whether exercise may go on.
//
//   an emergency flag                    -> locked: emergency care now; no exercise
//   first check not done, weekly check
//   due, a sharp rise in morning pain,
//   or leg symptoms not yet checked      -> check_needed: answer the questions first
//   an urgent flag                       -> paused: see a doctor within 24 hours; no
//                                           progression, gentle movement only
//   none of these                        -> ok
//
// The first that applies wins; the state keeps every reason.
// A lock or pause lasts until the person confirms a clinician has seen them.
// An urgent flag the clinician has seen does not pause again while it is still
// reported in every full check (a past cancer stays past); once a check says
// no, the review lapses and a later yes pauses again (a new fever). The review
// of an evolving symptom (fever, weight loss, night pain) also lapses after
// kEvolvingReviewLapse: still reported then, it pauses again. Emergency
// flags ask about what is new, and always lock.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clinical/screening.hpp"
#include "domain/diary_entry.hpp"

namespace daybreak {

enum class SafetyStatus : std::uint8_t { ok, check_needed, paused, locked };

template <>
struct Vocabulary<SafetyStatus> {
  static constexpr std::string_view kind = "safety status";
  static constexpr std::array<std::string_view, 4> names = {"ok", "check_needed", "paused", "locked"};
};

// The full check is asked at first use and then weekly: clinical.md "Safety";
// clinical-facts.md 8.2 (required app behaviour 1 and 2).
inline constexpr std::chrono::days kFullCheckInterval{7};
// [D] Leg symptoms noted in entries of the last week prompt the leg questions.
inline constexpr int kLegCheckWindowDays = 7;
// [D] A clinician's review of an evolving symptom (fever, weight loss without
// trying, constant night pain) holds for 4 weeks: a yes after that pauses
// again. Red flags call for safety netting, re-assessment when a symptom
// persists or evolves, not a single all-clear (Finucane 2020, IFOMPT
// framework, JOSPT 50:350; clinical-facts.md 8.1); 4 weeks is our choice of
// interval, about a month of weekly checks. Facts that cannot change (a past
// cancer, the age at onset, bone risk with a fall) stay reviewed.
inline constexpr std::chrono::days kEvolvingReviewLapse{28};
[[nodiscard]] bool is_evolving_flag(std::string_view question);

// A flag the person reported: which question, when, in which kind of check.
struct FlagReport {
  std::string question;
  std::string_view label;
  FlagLevel level = FlagLevel::emergency;
  Instant at;
  ScreenKind kind = ScreenKind::full;
  std::optional<Instant> reviewed_before;  // an evolving flag reported again after its review lapsed
};

struct ReviewedFlag {
  std::string question;
  std::string_view label;
  Instant reviewed_at;  // when the person confirmed a clinician had seen them
};

// A diary entry that noted numbness, tingling or weakness in a leg.
struct LegSymptomNote {
  EntryId entry;
  LocalDate date;
  Period period = Period::morning;
  ChoiceSet<LegSymptom> symptoms;
  Instant written;  // when the entry was last written
};

// [D] A sharp change in the pain pattern brings the full check forward
// (clinical-facts 8.2: "re-ask the full list weekly and whenever pain pattern
// changes sharply"): the last kRiseMornings mornings logged, all within the
// last week, each at least kRisePoints above the usual (the NRS's important
// change, clinical-facts 4), the usual being the median of the 28 days before
// them, with at least kRiseUsualMornings mornings there.
inline constexpr int kRiseMornings = 3;
inline constexpr int kRisePoints = 2;
inline constexpr int kRiseUsualDays = 28;
inline constexpr int kRiseUsualMornings = 7;

struct PainRise {
  std::vector<int> recent;  // the mornings' pain, oldest first
  double usual = 0;         // the median of the mornings before them
  LocalDate from;           // the first of the recent mornings
  LocalDate to;             // the last
  Instant written;          // when the earliest of them was written: a check after it has seen the rise
};

struct SafetyState {
  SafetyStatus status = SafetyStatus::check_needed;
  std::vector<FlagReport> emergency;           // reported since the last clinician review: locking
  std::vector<FlagReport> urgent;              // reported since the last clinician review: pausing
  std::vector<ReviewedFlag> reviewed;          // urgent flags a clinician has seen, still reported
  std::vector<LegSymptomNote> unchecked_legs;  // leg symptoms noted after the last leg questions
  std::optional<PainRise> sharp_rise;          // a rise since the last full check: the check is due again
  std::optional<Instant> last_full_check;
  std::optional<Instant> next_full_check;  // last + 7 days; nullopt before the first
  bool full_check_due = true;
  std::optional<Instant> last_clinician_review;
  std::optional<Instant> since;  // when the current lock or pause began

  // A guided session may start (paused: the gentle routine only).
  [[nodiscard]] bool session_allowed() const { return status == SafetyStatus::ok || status == SafetyStatus::paused; }
  // The program may move on to more.
  [[nodiscard]] bool progression_allowed() const { return status == SafetyStatus::ok; }
  // Something is open that a clinician review would close.
  [[nodiscard]] bool awaiting_clinician() const { return !emergency.empty() || !urgent.empty(); }
  // The questions that answer check_needed: the leg questions when only leg
  // symptoms wait for them, else the full check (which asks them too).
  [[nodiscard]] ScreenKind check_to_answer() const {
    return unchecked_legs.empty() || full_check_due ? ScreenKind::full : ScreenKind::legs;
  }
};

// `events` in any order; `notes` from recent entries (the caller picks the
// last kLegCheckWindowDays days); `rise` from sharp_pain_rise(). Pure: `now`
// is a parameter.
[[nodiscard]] SafetyState safety_state(std::span<const ScreeningEvent> events, std::span<const LegSymptomNote> notes,
                                       Instant now, const std::optional<PainRise>& rise = std::nullopt);

// The screening events taken one at a time, in (at, id) order: the fold that
// safety_state() makes over all of them, open to a caller that wants the
// state after each one (safety_holds) without replaying the history again
// for every event. The events must outlive the replay.
class SafetyReplay {
 public:
  void apply(const ScreeningEvent& event);
  // Flags reported since the last clinician review: locking, pausing.
  [[nodiscard]] const std::vector<FlagReport>& emergency() const { return state_.emergency; }
  [[nodiscard]] const std::vector<FlagReport>& urgent() const { return state_.urgent; }
  // The state after the events applied, as safety_state() gives it.
  [[nodiscard]] SafetyState finish(std::span<const LegSymptomNote> notes, Instant now,
                                   const std::optional<PainRise>& rise) &&;

 private:
  SafetyState state_;
  std::map<std::string, Instant> reviewed_;           // urgent question -> when a clinician saw it
  std::vector<const ScreeningEvent*> leg_questions_;  // full and leg checks: they ask the leg questions
};

// A sharp rise in morning pain in `entries` (any order; the caller gives the
// last kRiseUsualDays + 7 days or more), as of `today`; nullopt if none.
[[nodiscard]] std::optional<PainRise> sharp_pain_rise(std::span<const DiaryEntry> entries, LocalDate today);

// "numbness in the left leg and weakness in the right leg"
[[nodiscard]] std::string describe_leg_symptoms(const ChoiceSet<LegSymptom>& symptoms);

// Entries that note leg symptoms, as notes for safety_state.
[[nodiscard]] std::vector<LegSymptomNote> leg_symptom_notes(std::span<const DiaryEntry> entries);

}  // namespace daybreak
