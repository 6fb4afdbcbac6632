// One completed questionnaire as stored: the answers exactly as given, and
// the score the engine gave them at the time.
#pragma once

#include <string>
#include <vector>

#include "clinical/instrument.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

using ResponseId = Id<struct ResponseTag>;

struct QuestionnaireResponse {
  ResponseId id;
  UserId user;
  std::string instrument;  // "odi"
  std::string version;     // of the definition it was scored with: "2.1a"
  Instant taken_at;
  std::string channel;  // "cli", "paper" (entered by a clinician from the paper form)
  std::vector<ItemAnswer> answers;
  InstrumentScore score;
  bool operator==(const QuestionnaireResponse&) const = default;
};

}  // namespace daybreak
