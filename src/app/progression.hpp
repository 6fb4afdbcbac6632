// The progression use cases: after each session day and the next
// morning's entry, decide each routine's next step by the rule of
// progression/decision.hpp and store it with its inputs and sentence; show
// where the person stands; let the person or a clinician set a level or a
// stage by hand; confirm a proposed stage. Each runs in one transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "exercise/library.hpp"
#include "progression/config.hpp"
#include "progression/record.hpp"
#include "progression/sentence.hpp"
#include "progression/stage_exit.hpp"
#include "store/store.hpp"

namespace daybreak {

// What the safety capability says about moving on (clinical.md "Safety": an
// emergency or urgent flag pauses progression). See app/progression_safety.hpp.
struct ProgressionSafety {
  bool allowed = true;  // the rule's own decisions, about sessions already done: not while paused or locked
  std::string note;     // why not, for the decision's sentence
  // A move on by hand (a higher level, a later stage, a proposed stage
  // confirmed) only while nothing is open at all (SafetyState::
  // progression_allowed()): not while a check waits to be answered either.
  bool by_hand = true;
  std::string wait;          // why not, for the refusal
  std::optional<Hint> hint;  // the check to answer, when one is what it waits for
};

// Everything a decision needs besides the store.
struct ProgressionContext {
  const ContentLibrary& library;
  const ProgressionConfig& config;
  const TimeZone& zone;
  ProgressionSafety safety;
};

// Whether some session day can be decided now. Cheap and content-free, so a
// diary command can ask on every run and load the content only when needed.
[[nodiscard]] bool progression_due(const Store& store, UserId user, const ProgressionConfig& config,
                                   const TimeZone& zone, Instant now);

// Makes every decision that became decidable (oldest first, each routine in
// order), applies their level changes, and proposes the next stage when the
// current one's exit criteria are met. Idempotent: a session day is decided
// once. Returns the decisions made now.
[[nodiscard]] AppResult<std::vector<DecisionRecord>> decide_progression(Store& store, const WriteMeta& meta,
                                                                        UserId user, const ProgressionContext& ctx);

// Where the person stands, for `daybreak progress`.
struct ProgressOverview {
  const Program* program = nullptr;
  int stage = 1;
  ExerciseLevels levels;
  StageProgress stage_progress;
  std::optional<DecisionRecord> proposal;     // a stage change waiting for the person's word
  std::vector<DecisionRecord> recent;         // newest first
  std::vector<std::string> waiting;           // session days waiting for their next morning, as sentences
  std::optional<DecisionRecord> flare_offer;  // today's offer of the flare-day routine
};
[[nodiscard]] AppResult<ProgressOverview> progress_overview(const Store& store, UserId user,
                                                            const ProgressionContext& ctx, Instant now,
                                                            const std::optional<std::string>& program, int limit);

// The decisions dated `day` (a session day, or the day of an override), or
// the latest decision's day when none is given.
[[nodiscard]] AppResult<std::vector<DecisionRecord>> decisions_for(const Store& store, UserId user,
                                                                   const ContentLibrary& library,
                                                                   std::optional<LocalDate> day);

// The note of an override: up to 500 characters (who set it and why). One
// rule for the CLI and the HTTP API: its problem, or none.
inline constexpr std::size_t kMaxOverrideNote = 500;
inline constexpr std::string_view kOverrideNoteAllowed =
    "a short note of up to 500 characters (who set it and why), or left out";
[[nodiscard]] std::optional<FieldError> override_note_problem(std::string_view note);

// Sets one exercise's level by hand; logged as an override with the note.
[[nodiscard]] AppResult<DecisionRecord> override_level(Store& store, const WriteMeta& meta, UserId user,
                                                       const ProgressionContext& ctx, const std::string& exercise,
                                                       int level, const std::string& note);
// Sets the stage by hand; logged as an override with the note.
[[nodiscard]] AppResult<DecisionRecord> override_stage(Store& store, const WriteMeta& meta, UserId user,
                                                       const ProgressionContext& ctx,
                                                       const std::optional<std::string>& program, int stage,
                                                       const std::string& note);
// The person's word on a proposed stage: the next stage begins.
[[nodiscard]] AppResult<DecisionRecord> confirm_stage(Store& store, const WriteMeta& meta, UserId user,
                                                      const ProgressionContext& ctx,
                                                      const std::optional<std::string>& program);

// Who reads a decision: the person, as it was said to them (no clinician);
// or a clinician viewing them, in the report's words (third person, built
// from the record), without the diary's numbers, in the sentence or the
// inputs, when the diary is not shared with them, and without the warning
// sign that paused it when the safety answers are not.
struct DecisionReader {
  struct Clinician {
    const ContentLibrary& library;
    const ProgressionConfig& config;
  };
  std::optional<Clinician> clinician;
  DiaryNumbers numbers = DiaryNumbers::shown;
  bool safety_shown = true;
};

// The decision for scripts and the API (inputs included, parsed).
[[nodiscard]] nlohmann::ordered_json decision_to_json(const DecisionRecord& decision,
                                                      const DecisionReader& reader = {});

// Each exercise of the current stage's morning and evening routines at the
// person's level, as `daybreak progress` and the web app's Progress show them.
struct ProgressExercise {
  const Exercise* played = nullptr;  // what is played at this level (a ladder may move on)
  const Exercise* listed = nullptr;  // what the routine lists
  int level = 1;
  std::string dose;  // "8 holds of 5 s, 5 s relax between"
};
struct ProgressRoutine {
  RoutineKind kind = RoutineKind::morning;
  std::string title;
  std::vector<ProgressExercise> exercises;
};
[[nodiscard]] std::vector<ProgressRoutine> progress_routines(const ContentLibrary& library,
                                                             const ProgressOverview& overview);

// The overview for scripts and the API: `daybreak progress --json` and
// GET /api/progress.
[[nodiscard]] nlohmann::ordered_json progress_overview_to_json(const ProgressOverview& overview,
                                                               const ContentLibrary& library,
                                                               const DecisionReader& reader = {});
// One day's decisions with the rule's provenance: `daybreak progress explain
// --json` and GET /api/progress/decisions.
[[nodiscard]] nlohmann::ordered_json decisions_to_json(const std::vector<DecisionRecord>& decisions,
                                                       const DecisionReader& reader = {});

}  // namespace daybreak
