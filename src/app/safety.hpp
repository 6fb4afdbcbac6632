// Safety screening use cases: the full check (at first use and weekly), the
// leg questions, the clinician's review, the settings they need, and the gate
// every exercise command asks before it starts. Each writes in one
// transaction; a bad answer changes nothing.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "clinical/emergency_numbers.hpp"
#include "clinical/ibp.hpp"
#include "clinical/safety_state.hpp"
#include "store/store.hpp"

namespace daybreak {

// ---- settings -----------------------------------------------------------------

inline constexpr std::string_view kEmergencyNumberKey = "emergency_number";
inline constexpr std::string_view kAxspaKey = "axspa_diagnosis";  // "yes": BASDAI is offered
inline constexpr std::string_view kSetupDoneKey = "setup_completed_at";

struct SafetySettings {
  std::optional<std::string> emergency_number;
  std::optional<YesNo> axspa_diagnosis;
  std::optional<Instant> setup_completed_at;
};
[[nodiscard]] SafetySettings safety_settings(const Store& store, UserId user);
[[nodiscard]] EmergencyContact emergency_contact_of(const Store& store, const User& user);

// What `daybreak setup` may change; every member optional. The time zone must
// already be known to be installed (the interface checks it with the platform).
struct SettingsChange {
  std::optional<std::string> time_zone;
  std::optional<std::string> emergency_number;
  std::optional<YesNo> axspa_diagnosis;
};
[[nodiscard]] FieldErrors check_settings(const SettingsChange& change);
[[nodiscard]] AppResult<Ok> change_settings(Store& store, Instant now, UserId user, const SettingsChange& change);

// ---- the gate -----------------------------------------------------------------

struct SafetyGate {
  SafetyState state;
  EmergencyContact contact;
  Instant as_of;  // the moment it stands at (what was reported later does not count)
};

// Whether exercise may go on now. start_session() (app/session.hpp) refuses
// unless state.session_allowed(), and allows only the flare-day routine when
// paused; progression moves on only if state.progression_allowed().
[[nodiscard]] SafetyGate safety_gate(const Store& store, UserId user, Instant now);
// Whether a warning sign (emergency or urgent) is open in `after` that was
// not in `before`: what a write (an import) brought in, to be said at once.
[[nodiscard]] bool new_warning_sign(const SafetyGate& before, const SafetyGate& after);

// Why a session may not start (or may only be gentle), in plain sentences with
// times in the person's zone; empty when the gate is ok.
// `who` names the person as the reader knows them: "you", or their name on a
// clinician's screen ("Anna reported ...").
[[nodiscard]] std::vector<std::string> gate_reasons(const SafetyGate& gate, const TimeZone& zone,
                                                    std::string_view who = "you");

// ---- checks -------------------------------------------------------------------

// [D] The inflammatory back pain questions are asked again every 90 days;
// the diary's part of the screen is read afresh every time.
inline constexpr std::chrono::days kIbpQuestionsEvery{90};

struct ScreenRequest {
  ScreenKind kind = ScreenKind::full;  // full or legs
  // full: every red flag, IBP answers optional; legs: the five leg questions.
  // A check may stop at its first emergency yes: the questions after it may be left out.
  std::vector<ScreenAnswer> answers;
  std::optional<EntryId> entry;  // legs: the entry that noted the symptoms
  std::string channel = "cli";
};

struct ScreenOutcome {
  ScreeningEvent event;
  SafetyGate gate;               // after this check
  std::optional<IbpResult> ibp;  // full checks: the inflammatory back pain screen now
};

// The questions a check asks, in order. For a full check the IBP questions
// are included when they are due (never answered, or not for 90 days).
struct CheckQuestions {
  std::vector<const SafetyQuestion*> flags;
  std::vector<IbpQuestion> ibp;
};
[[nodiscard]] CheckQuestions questions_for(const Store& store, UserId user, ScreenKind kind, Instant now);

// The diary entry a leg check follows when none is named: the latest whose
// leg symptoms have not been checked (none when every one has).
[[nodiscard]] std::optional<EntryId> leg_check_entry(const Store& store, UserId user, Instant now);

[[nodiscard]] AppResult<ScreenOutcome> record_screen(Store& store, const WriteMeta& meta, UserId user,
                                                     const TimeZone& zone, const ScreenRequest& request);

// First use: the settings and the first full check, in one transaction.
[[nodiscard]] AppResult<ScreenOutcome> complete_setup(Store& store, const WriteMeta& meta, UserId user,
                                                      const TimeZone& zone, const SettingsChange& settings,
                                                      const ScreenRequest& request);

// The person confirms a clinician has seen them: ends a lock or a pause.
// Refused (conflict) when nothing is waiting for a clinician.
[[nodiscard]] AppResult<ScreeningEvent> acknowledge_clinician(Store& store, const WriteMeta& meta, UserId user);

// Called by the diary use cases inside their transaction: a diary entry whose
// one-tap check says yes is stored as a quick screening event. An edit that
// leaves a yes as it was records nothing new.
void record_entry_check(StoreWriter& tx, UserId user, const DiaryEntry& entry, std::optional<YesNo> before,
                        const WriteMeta& meta);

// ---- reading --------------------------------------------------------------------

// The inflammatory back pain screen from the latest answers and the last
// kIbpDiaryWindowDays of diary and guided sessions (pain before a session and
// at its last comfort check).
[[nodiscard]] IbpResult ibp_screen(const Store& store, UserId user, const TimeZone& zone, Instant now);

[[nodiscard]] std::vector<ScreeningEvent> screening_history(const Store& store, UserId user);

}  // namespace daybreak
