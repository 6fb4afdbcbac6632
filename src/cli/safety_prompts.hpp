// Safety on the command line: asking the check's questions, showing what the
// answers mean (the stop screen, the 24-hour advice, the IBP message), and what
// happens after a diary entry that says yes or notes leg symptoms.
#pragma once

#include <iosfwd>
#include <optional>
#include <string_view>
#include <vector>

#include "app/safety.hpp"
#include "cli/command.hpp"
#include "clinical/safety_messages.hpp"

namespace daybreak {

// The commands the person is told to run.
inline constexpr std::string_view kAckCommand = "daybreak screen ack --seen-clinician";

// A message for people; the emergency one framed so it stands out.
void print_message(std::ostream& out, const SafetyMessage& message, bool framed = false);

// Asks one yes-or-no question until answered; nullopt at end of input.
[[nodiscard]] std::optional<YesNo> ask_yes_no(Io& io, std::string_view question);

// Asks a check's questions in order; stops early at an emergency yes (the rest
// is not asked). nullopt when the input ended first: nothing is saved then.
[[nodiscard]] std::optional<std::vector<ScreenAnswer>> ask_check(Io& io, const CheckQuestions& questions);

// "both_legs=no,fever=yes,ibp_chronic=yes": answers for scripts.
[[nodiscard]] AppResult<std::vector<ScreenAnswer>> parse_screen_answers(std::string_view text);

// What a check's answers mean, and what to do next.
void print_check_outcome(const CommandContext& ctx, const ScreenOutcome& outcome, std::ostream& out);

// After an import: the stop screen or the 24-hour advice, as `log` gives it,
// when the file brought in a warning sign that is open now (`before`: the
// gate as it was before the import).
void after_import(CommandContext& ctx, const SafetyGate& before);

// After a diary entry is saved: a new yes in the one-tap check (`new_yes`)
// shows the stop screen; leg symptoms not yet checked lead to the leg
// questions when `ask`, otherwise to a notice naming the command that asks
// them. Everything goes to stderr.
void after_entry_saved(CommandContext& ctx, const DiaryEntry& entry, bool new_yes, bool ask);

}  // namespace daybreak
