// A screening event: one safety check as it happened (who, when, what was
// asked, every answer, the result). Stored for ever and shown in history.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clinical/ibp.hpp"
#include "clinical/red_flags.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

using ScreeningId = Id<struct ScreeningTag>;

// full: every red flag (at first use and weekly), with the inflammatory back
//   pain questions when they are due;
// quick: the diary's one-tap check answered yes;
// legs: the questions that follow numbness, tingling or weakness in a leg;
// clinician_seen: the person confirmed a clinician has seen them.
enum class ScreenKind : std::uint8_t { full, quick, legs, clinician_seen };

template <>
struct Vocabulary<ScreenKind> {
  static constexpr std::string_view kind = "screening kind";
  static constexpr std::array<std::string_view, 4> names = {"full", "quick", "legs", "clinician_seen"};
};

// For people: "full check", "diary check", "leg check", "clinician seen" (at most
// 14 characters: the width of the check column in `screen history`).
[[nodiscard]] std::string_view check_name(ScreenKind kind);

enum class ScreenResult : std::uint8_t { no_flags, urgent, emergency, acknowledged };

template <>
struct Vocabulary<ScreenResult> {
  static constexpr std::string_view kind = "screening result";
  static constexpr std::array<std::string_view, 4> names = {"no_flags", "urgent", "emergency", "acknowledged"};
};

struct ScreenAnswer {
  std::string question;  // a SafetyQuestion id or an IbpQuestion name
  YesNo answer = YesNo::no;
  bool operator==(const ScreenAnswer&) const = default;
};

// The inflammatory back pain screen as it stood when a check was made.
struct IbpSnapshot {
  IbpOutcome outcome = IbpOutcome::negative;
  int asas_met = 0;
  int berlin_met = 0;
  std::vector<std::string> met;  // criterion ids
  bool operator==(const IbpSnapshot&) const = default;
};

struct ScreeningEvent {
  ScreeningId id;
  UserId user;
  ScreenKind kind = ScreenKind::full;
  Instant at;
  std::string channel;                // "cli", "setup", "api"
  std::optional<EntryId> entry;       // the diary entry that prompted a quick or leg check
  std::vector<ScreenAnswer> answers;  // in the order asked
  ScreenResult result = ScreenResult::no_flags;
  std::vector<std::string> raised;  // the questions answered yes that raise a flag
  std::optional<IbpSnapshot> ibp;
  bool operator==(const ScreeningEvent&) const = default;
};

// The result of a set of answers: the highest level raised, and which.
struct ScreenVerdict {
  ScreenResult result = ScreenResult::no_flags;
  std::vector<std::string> raised;
};
[[nodiscard]] ScreenVerdict judge_answers(const std::vector<ScreenAnswer>& answers);

[[nodiscard]] IbpSnapshot snapshot_of(const IbpResult& result);

}  // namespace daybreak
