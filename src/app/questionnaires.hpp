// Questionnaire use cases: which instruments a person is offered, taking one
// (answers checked and scored by the engine, stored with the score), and the
// scores over time with each change judged against the minimal important change.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "clinical/instrument.hpp"
#include "clinical/score_change.hpp"
#include "store/store.hpp"

namespace daybreak {

struct InstrumentOffer {
  const Instrument* instrument = nullptr;
  bool offered = true;
  std::string why_not;            // when not offered: the reason, in plain words
  std::optional<Hint> hint = {};  // when not offered: what would change it
};

// Every built-in instrument, with whether this person is offered it (BASDAI
// only to people who report an axial spondyloarthritis diagnosis).
[[nodiscard]] std::vector<InstrumentOffer> instrument_offers(const Store& store, UserId user);

// An instrument to take or show, with the licensed wording laid over it when
// `wording` names a file, or when `wording_dir` holds <id>.toml.
[[nodiscard]] AppResult<Instrument> load_instrument(std::string_view id,
                                                    const std::optional<std::filesystem::path>& wording,
                                                    const std::optional<std::filesystem::path>& wording_dir);

// Scores and stores one response. Refused when the person is not offered the
// instrument, and (nothing stored) when any answer is wrong.
[[nodiscard]] AppResult<QuestionnaireResponse> record_response(Store& store, Instant now, UserId user,
                                                               const Instrument& instrument,
                                                               const std::vector<ItemAnswer>& answers,
                                                               const std::string& channel);

// PSFS compares like with like: only activities rated both times.
struct ActivityChange {
  std::string activity;
  int before = 0;
  int after = 0;
};

struct ScoreHistory {
  const Instrument* instrument = nullptr;
  std::vector<QuestionnaireResponse> responses;  // oldest first
  std::optional<ScoreChange> since_first;        // the latest against the first
  std::optional<ScoreChange> since_previous;     // the latest against the one before
  std::vector<ActivityChange> activities;        // PSFS: the activities rated first and last
  std::vector<std::string> not_compared;         // PSFS: activities rated only once of the two
};

// One history per instrument taken (all of them when `id` is empty).
[[nodiscard]] AppResult<std::vector<ScoreHistory>> questionnaire_history(const Store& store, UserId user,
                                                                         std::string_view id);

// The activities of the person's latest PSFS, to rate again.
[[nodiscard]] std::vector<std::string> previous_activities(const Store& store, UserId user);

}  // namespace daybreak
