// The safety check as JSON, the one shape shared by `daybreak screen --json`
// (and `screen status --json`, `setup --json`) and the HTTP API's /api/safety.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include "app/safety.hpp"

namespace daybreak {

// One recorded check (or clinician review): its answers, result and IBP snapshot.
[[nodiscard]] nlohmann::ordered_json screening_event_json(const ScreeningEvent& event);
// The inflammatory back pain screen in full, with each criterion.
[[nodiscard]] nlohmann::ordered_json ibp_result_json(const IbpResult& result);
// The gate: status, whether sessions and progression may go on, the reasons
// in words (times in `zone`), open flags, last and next checks, the contact.
// `who`: as gate_reasons() says it.
[[nodiscard]] nlohmann::ordered_json safety_gate_json(const SafetyGate& gate, const TimeZone& zone,
                                                      std::string_view who = "you");
// The inflammatory back pain screen as `screen status` and GET /api/safety
// tell it at rest: ibp_result_json, and, when it is positive, the message
// the CLI prints ("message"), unless exercise is locked (the warning sign
// comes first).
[[nodiscard]] nlohmann::ordered_json ibp_status_json(const IbpResult& result, SafetyStatus status);
// A check just recorded: {"check", "safety"} and "ibp" for a full check.
[[nodiscard]] nlohmann::ordered_json screen_outcome_json(const ScreenOutcome& outcome, const TimeZone& zone);
// A clinician's review just recorded: {"event", "safety"} (the gate after it).
[[nodiscard]] nlohmann::ordered_json clinician_seen_json(const ScreeningEvent& event, const SafetyGate& gate,
                                                         const TimeZone& zone);
// The questions a check asks, in order: [{"id", "question", "label", "level", "group"}].
[[nodiscard]] nlohmann::ordered_json check_questions_json(const CheckQuestions& questions);

}  // namespace daybreak
