// Questionnaires as JSON: the one shape shared by `daybreak questionnaire
// list|show|take|history --json` and the HTTP API's /api/questionnaires.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/questionnaires.hpp"

namespace daybreak {

// A band's label ("moderate disability (21-40%)"), or its id when unknown.
[[nodiscard]] std::string band_label(const Instrument& instrument, const std::string& band);
// A band's condition in words: "total <= 3", or "otherwise" for the last band.
[[nodiscard]] std::string band_condition_text(const Band& band);
// What a change between two responses means. An instrument that sorts people
// into groups without a minimal important change (STarT Back) changes group:
// "STarT Back: from medium risk to low risk"; others say `change.sentence`.
[[nodiscard]] std::string change_sentence(const Instrument& instrument, const QuestionnaireResponse& from,
                                          const QuestionnaireResponse& to, const ScoreChange& change);

// Every instrument with whether it is offered (and why not), and the last
// response to each of `histories` (from questionnaire_history).
[[nodiscard]] nlohmann::ordered_json questionnaire_list_json(const std::vector<InstrumentOffer>& offers,
                                                             const std::vector<ScoreHistory>& histories);
// One instrument: items with their kinds, ranges and options, the scoring,
// bands, the minimal important change, source, licence and wording notice.
[[nodiscard]] nlohmann::ordered_json instrument_json(const Instrument& instrument);
// One stored response with its score, band and answers.
[[nodiscard]] nlohmann::ordered_json response_json(const Instrument& instrument, const QuestionnaireResponse& response);
// A response just recorded, with the change since the first when there is one
// (`history`: the instrument's history after recording it, or null).
[[nodiscard]] nlohmann::ordered_json recorded_response_json(const Instrument& instrument,
                                                            const QuestionnaireResponse& response,
                                                            const ScoreHistory* history);
// Scores over time per instrument, with the changes judged and, for the
// PSFS, the activities compared.
[[nodiscard]] nlohmann::ordered_json history_json(const std::vector<ScoreHistory>& histories);

}  // namespace daybreak
