// About the API itself: is it up, which diary fields exist (the web app builds
// its forms from them), and the OpenAPI document.
#include "domain/entry_fields.hpp"
#include "platform/embedded.hpp"
#include "server/responses.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace embedded {
std::span<const EmbeddedFile> api_docs();  // docs/openapi.yaml, see src/server/CMakeLists.txt
}

namespace {

using http::Json;
using http::Method;
using http::PathParams;
using http::Request;
using http::Response;

constexpr std::array<std::string_view, 7> kShapes = {"number", "flag", "choice", "choices", "time", "text", "list"};

Json field_json(const FieldInfo& f) {
  Json periods = Json::array();
  for (std::size_t i = 0; i < choice_count<Period>(); ++i) {
    if (applies_to(f.applies, static_cast<Period>(i))) periods.push_back(name_of(static_cast<Period>(i)));
  }
  Json o{{"name", f.name},
         {"label", f.label},
         {"help", f.help},
         {"shape", kShapes[static_cast<std::size_t>(f.shape)]},
         {"periods", std::move(periods)},
         {"required", f.required},
         {"repeatable", f.repeatable},
         {"unit", f.unit},
         {"allowed", f.allowed}};
  if (!f.choices.empty()) o["choices"] = f.choices;
  if (!f.choice_labels.empty()) o["choice_labels"] = f.choice_labels;
  if (f.range) {
    o["min"] = f.range->min;
    o["max"] = f.range->max;
    o["step"] = f.range->step;
  }
  return o;
}

}  // namespace

void add_meta_routes(http::Router& router, const ApiContext& api) {
  router.add(Method::get, "/api/health", [&api](const Request&, const PathParams&) {
    return http::json_response(200, Json{{"status", "ok"}, {"version", api.version()}});
  });

  // The catalogue never changes while the server runs: build it once.
  const auto fields = std::make_shared<const Response>([] {
    Json list = Json::array();
    for (const auto& f : diary_fields()) list.push_back(field_json(f));
    Json periods = Json::array();
    for (const auto name : Vocabulary<Period>::names) periods.push_back(name);
    return http::json_response(200, Json{{"periods", std::move(periods)}, {"fields", std::move(list)}});
  }());
  router.add(Method::get, "/api/fields", [fields](const Request&, const PathParams&) { return *fields; });

  router.add(Method::get, "/api/openapi.yaml", [](const Request&, const PathParams&) {
    Response r;
    const auto doc = find_embedded(embedded::api_docs(), "openapi.yaml");
    r.content_type = "application/yaml";
    r.body = doc ? std::string(doc->data) : std::string();
    return r;
  });
}

}  // namespace daybreak
