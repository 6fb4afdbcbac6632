// Progression's part in the routes that save what it decides from:
// POST /api/entries and POST /api/sessions make the decisions that became
// decidable and return them with what they saved.
#pragma once

#include "server/api_context.hpp"
#include "server/responses.hpp"

namespace daybreak {

// Adds "progression": the decisions made now (decision_to_json each; an empty
// list when none was due, as for a retried save). When progression has to
// wait (the store busy), "progression_waits" says why; the save stands.
void add_decisions_made(http::Json& response, const ApiContext& api, const Caller& caller);

}  // namespace daybreak
