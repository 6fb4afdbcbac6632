#include "app/experiments_json.hpp"

#include <nlohmann/json.hpp>

#include "analysis/insights_json.hpp"

namespace daybreak {

using Json = nlohmann::ordered_json;

Json experiments_json(const std::vector<Experiment>& all, LocalDate coming_night) {
  Json list = Json::array();
  for (const auto& e : all) list.push_back(analysis::experiment_to_json(e, coming_night));
  return list;
}

Json tonight_json(const TonightPlan& tonight) {
  const ExperimentDesign& d = tonight.experiment.design;
  const NightPlan& p = tonight.plan;
  return Json{{"experiment", tonight.experiment.id.value},
              {"night", format_date(p.night)},
              {"night_number", p.index + 1},
              {"nights", d.total_nights()},
              {"condition", name_of(p.condition)},
              {"label", d.label(p.condition)},
              {"washout", p.washout}};
}

Json logged_night_json(const LoggedNight& logged) {
  Json o{{"experiment", logged.experiment.id.value},
         {"night", format_date(logged.night.night)},
         {"condition", name_of(logged.plan.condition)},
         {"followed", logged.night.followed}};
  if (!logged.night.note.empty()) o["note"] = logged.night.note;
  if (logged.previous) o["was_followed"] = logged.previous->followed;
  return o;
}

}  // namespace daybreak
