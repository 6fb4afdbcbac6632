// JSON forms of the exercise program: exercises, programs, and the session
// plan that players play. The plan's form is a contract with the web player,
// documented in docs/session-plan.md and versioned by its "format" key.
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "domain/result.hpp"
#include "exercise/library.hpp"
#include "exercise/plan.hpp"
#include "exercise/session_result.hpp"

namespace daybreak {

inline constexpr std::string_view kPlanFormat = "daybreak-plan/1";

[[nodiscard]] nlohmann::ordered_json dose_to_json(const Dose& dose);
[[nodiscard]] nlohmann::ordered_json exercise_to_json(const Exercise& exercise);
// The exercise's figure: surface, view, the poses as joint angles (a limb's as
// [near, far]) and the joints that move from the first pose to the last.
[[nodiscard]] nlohmann::ordered_json figure_to_json(const Exercise& exercise);
// Where the library's programs use the exercise: each stage's routine (and each
// flare-day routine, with no stage) that has it, in program order.
[[nodiscard]] nlohmann::ordered_json exercise_uses_to_json(std::string_view id, const ContentLibrary& library);
[[nodiscard]] nlohmann::ordered_json routine_to_json(const Routine& routine, const ContentLibrary& library);
[[nodiscard]] nlohmann::ordered_json program_to_json(const Program& program, const ContentLibrary& library);

[[nodiscard]] nlohmann::ordered_json plan_to_json(const SessionPlan& plan);
// Reads a plan written by plan_to_json; the error names the first problem.
[[nodiscard]] Result<SessionPlan, std::string> plan_from_json(const nlohmann::ordered_json& json);

}  // namespace daybreak
