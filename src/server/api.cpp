// Every route of the server in one list: a capability that joins the API adds
// its add_<capability>_routes() call here (and its declaration in routes.hpp).
#include <iostream>
#include <mutex>

#include "server/routes.hpp"

namespace daybreak {

http::Router make_router(const ApiContext& api, std::span<const EmbeddedFile> web_assets) {
  http::Router router;
  add_meta_routes(router, api);
  add_diary_routes(router, api);
  add_data_routes(router, api);
  add_session_routes(router, api);
  add_safety_routes(router, api);
  add_questionnaire_routes(router, api);
  add_progress_routes(router, api);
  add_insights_routes(router, api);
  add_export_routes(router, api);
  add_report_routes(router, api);
  add_pairing_routes(router, api);
  add_account_routes(router, api);
  add_web_routes(router, web_assets);
  router.set_error_log([](const std::string& line) {
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::cerr << "daybreak serve: " << line << std::endl;
  });
  return router;
}

}  // namespace daybreak
