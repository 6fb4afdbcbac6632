// libFuzzer target for HTTP requests, from the bytes on the wire to the
// answer: Beast's parser, our view of the request, the router's admission
// and every route of the API over a real store (in a temporary folder).
// Beyond "does not crash": every answer has a status from 100 to 599, and a
// problem never leaks a file path.
#include <utility>  // before Boost: its 1.74 headers use std::exchange without it under C++20

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "app/diary.hpp"
#include "content/library_loader.hpp"
#include "platform/clock.hpp"
#include "platform/zone_provider.hpp"
#include "platform/zones.hpp"
#include "server/beast_request.hpp"
#include "server/router.hpp"
#include "server/routes.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak::embedded {
std::span<const EmbeddedFile> server_test_assets();
}

namespace {

using namespace daybreak;

struct Api {
  std::filesystem::path dir;
  SqliteStore store;
  FixedClock clock;
  ProcessZone zone;
  SingleZoneProvider zones;
  ContentLibrary content;
  ApiContext api;
  http::Router router;

  Api()
      : dir(make_dir()),
        store(SqliteOptions{dir / "daybreak.db"}),
        clock(*parse_instant("2026-11-23T06:30:00Z")),
        zone("Europe/Berlin"),
        zones(zone),
        content(load_builtin_content().value()),
        api(((void)ensure_local_user(store, clock.now(), "Europe/Berlin"), store), clock, zones, content, "fuzz",
            ApiSettings{.progression = {}, .wording_dir = dir / "wording"}),
        router(make_router(api, embedded::server_test_assets())) {
    store.open_reader();
  }
  static std::filesystem::path make_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "daybreak-http-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    return pattern;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace bhttp = boost::beast::http;
  static Api api;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  http::Request request = http::to_request(parser.get());
  std::optional<std::uint64_t> length;
  if (const auto cl = parser.content_length()) length = *cl;
  const http::Admission admission = api.router.admit(request, length);
  const http::Response response = admission.reject ? *admission.reject : [&] {
    request.body = parser.get().body();
    return api.router.handle(request);
  }();
  if (response.status < 100 || response.status > 599) __builtin_trap();
  // No file path in an answer, unless the request itself carried it (a header
  // value said back in an error is not a leak).
  const std::string_view sent(reinterpret_cast<const char*>(data), size);
  const std::string dir = api.dir.string();
  if (response.body.find(dir) != std::string::npos && sent.find(dir) == std::string_view::npos) __builtin_trap();
  return 0;
}
