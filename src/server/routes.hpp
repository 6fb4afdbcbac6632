// The route modules. Each capability adds its routes in one function, in its
// own file: to add one, write src/server/<capability>_routes.cpp defining
// add_<capability>_routes(), declare it here, and call it in make_router()
// (api.cpp). See docs/architecture.md, "The HTTP server".
#pragma once

#include <span>
#include <string>
#include <vector>

#include "platform/embedded.hpp"
#include "server/api_context.hpp"
#include "server/router.hpp"

namespace daybreak {

// GET /api/health, /api/fields (the diary's field catalogue), /api/openapi.yaml.
void add_meta_routes(http::Router& router, const ApiContext& api);
// Today, the diary entries, their revisions.
void add_diary_routes(http::Router& router, const ApiContext& api);
// The profile, sleep items, CSV export and import, the database check.
void add_data_routes(http::Router& router, const ApiContext& api);
// The program and guided sessions: the program, session plans, sessions.
void add_session_routes(http::Router& router, const ApiContext& api);
// The safety check: the gate, the questions of a check, recording one,
// a clinician's review.
void add_safety_routes(http::Router& router, const ApiContext& api);
// Standard questionnaires: offers, one instrument, responses, history.
void add_questionnaire_routes(http::Router& router, const ApiContext& api);
// The progression: the overview, a day's decisions, overrides, confirming a stage.
void add_progress_routes(http::Router& router, const ApiContext& api);
// The insights and personal experiments.
void add_insights_routes(http::Router& router, const ApiContext& api);
// The open exports: the FHIR R4 Bundle and the reminders' iCalendar file.
void add_export_routes(http::Router& router, const ApiContext& api);
// The clinician report as PDF.
void add_report_routes(http::Router& router, const ApiContext& api);
// Pairing a phone: the home-network gate, POST /api/pairing (a new code, on
// the computer), POST /api/pair (the phone), the paired devices.
void add_pairing_routes(http::Router& router, const ApiContext& api);
// A clinic's accounts: the guard of every request once accounts are on
// (sign-in, CSRF, roles, grants, the audit trail), signing in and out,
// invitations, passwords, grants, "who looked", a clinician's people.
void add_account_routes(http::Router& router, const ApiContext& api);
// The routes the accounts' guard has no rule for (refused to all in a
// clinic): none, or a new route was added without one.
[[nodiscard]] std::vector<std::string> routes_without_a_rule(const http::Router& router);
// The web app's files, for every GET outside /api/.
void add_web_routes(http::Router& router, std::span<const EmbeddedFile> assets);

// Every route of the API and the web app.
[[nodiscard]] http::Router make_router(const ApiContext& api, std::span<const EmbeddedFile> web_assets);

}  // namespace daybreak
