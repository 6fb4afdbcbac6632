// A progression decision as it is kept for ever: what was decided, why, from
// which numbers (as JSON, so the record reads the same whatever the rule
// becomes), the level changes, and the sentence the person was shown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "domain/hint.hpp"
#include "domain/ids.hpp"
#include "domain/result.hpp"
#include "progression/decision.hpp"
#include "progression/ladder.hpp"

namespace daybreak {

using DecisionId = Id<struct DecisionTag>;

enum class DecisionKind : std::uint8_t {
  rule,      // made by the rule after a session day
  override,  // a level or stage set by hand
  stage,     // a stage proposed by its exit criteria, or confirmed
};

template <>
struct Vocabulary<DecisionKind> {
  static constexpr std::string_view kind = "decision kind";
  static constexpr std::array<std::string_view, 3> names = {"rule", "override", "stage"};
};

// Where a routine stands after a decision: the rule's memory from one session day to the next.
struct RoutineState {
  int good_sessions = 0;                       // in a row, at or below baseline
  std::optional<LocalDate> last_step_up;       // session day of the last step up
  std::optional<LocalDate> last_weekly_check;  // the last day a weekly check covered
  bool operator==(const RoutineState&) const = default;
};

// Who made a decision for the person, when it was not the person themself
// nor the rule: a clinician they share with, setting a level or the stage by
// hand (a clinic's accounts).
struct DecisionAuthor {
  std::optional<UserId> id;  // their account here; none when the decision came with a diary from elsewhere
  std::string name;          // as their account shows it, or as the diary brought it
  bool operator==(const DecisionAuthor&) const = default;
};

struct DecisionRecord {
  DecisionId id;  // set by the store
  std::string program;
  DecisionKind kind = DecisionKind::rule;
  std::optional<RoutineKind> routine;  // rule decisions
  LocalDate date;                      // rule: the session day; else the day it was made
  Verdict verdict = Verdict::repeat;
  ChoiceSet<Why> reasons;
  int stage = 1;       // the stage the decision was made in (stage decisions: the stage proposed or begun)
  std::string inputs;  // JSON: decision_inputs_to_json, or the stage's numbers
  std::vector<LevelChange> changes;
  std::string sentence;
  RoutineState state;  // rule decisions: after this one
  bool offer_flare = false;
  std::string note;                      // an override's reason, as given
  Instant decided_at;                    // set by the store from WriteMeta
  std::string channel;                   // set by the store from WriteMeta
  std::optional<DecisionAuthor> author;  // set by the store from WriteMeta (someone else than the person), or
                                         // a name without id, brought in with the diary, that the store keeps
  bool operator==(const DecisionRecord&) const = default;
};

// What the person can do next about a decision: the flare-day routine it
// offers, or the stage change it proposes, waiting for their word.
[[nodiscard]] std::optional<Hint> next_step(const DecisionRecord& d);

[[nodiscard]] nlohmann::ordered_json decision_inputs_to_json(const DecisionInputs& in);
[[nodiscard]] Result<DecisionInputs, std::string> decision_inputs_from_json(const nlohmann::ordered_json& json);

[[nodiscard]] nlohmann::ordered_json level_changes_to_json(const std::vector<LevelChange>& changes);
[[nodiscard]] Result<std::vector<LevelChange>, std::string> level_changes_from_json(const nlohmann::ordered_json& json);

}  // namespace daybreak
