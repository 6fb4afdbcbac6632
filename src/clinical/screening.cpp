#include "clinical/screening.hpp"

namespace daybreak {

std::string_view check_name(ScreenKind kind) {
  switch (kind) {
    case ScreenKind::full:
      return "full check";
    case ScreenKind::quick:
      return "diary check";
    case ScreenKind::legs:
      return "leg check";
    case ScreenKind::clinician_seen:
      return "clinician seen";
  }
  return "";
}

ScreenVerdict judge_answers(const std::vector<ScreenAnswer>& answers) {
  ScreenVerdict v;
  for (const auto& a : answers) {
    const SafetyQuestion* q = find_safety_question(a.question);
    if (q == nullptr || a.answer != YesNo::yes) continue;
    v.raised.push_back(a.question);
    if (q->level == FlagLevel::emergency) {
      v.result = ScreenResult::emergency;
    } else if (v.result != ScreenResult::emergency) {
      v.result = ScreenResult::urgent;
    }
  }
  return v;
}

IbpSnapshot snapshot_of(const IbpResult& result) {
  IbpSnapshot s{result.outcome, result.asas_met, result.berlin_met, {}};
  for (const auto& c : result.asas) {
    if (c.met) s.met.emplace_back(c.id);
  }
  for (const auto& c : result.berlin) {
    if (c.met) s.met.emplace_back(c.id);
  }
  return s;
}

}  // namespace daybreak
