#include "domain/hint.hpp"

#include <nlohmann/json.hpp>

namespace daybreak {

nlohmann::ordered_json hint_to_json(const Hint& hint) {
  nlohmann::ordered_json args = nlohmann::ordered_json::object();
  for (const auto& [key, value] : hint.args) args[key] = value;
  return {{"action", name_of(hint.action)}, {"args", std::move(args)}};
}

}  // namespace daybreak
