// The web app's files, built by Vite and embedded in the binary. Any path
// without a file extension is one of the app's screens and gets index.html.
#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "server/responses.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace {

using http::Request;
using http::Response;

struct Asset {
  std::string_view data;
  std::string_view content_type;
  std::string etag;
};

std::string_view content_type_of(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "json") return "application/json";
  if (ext == "webmanifest") return "application/manifest+json";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  return "application/octet-stream";
}

// FNV-1a: a validator, not a security measure.
std::string etag_of(std::string_view data) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : data) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return fmt::format("\"{:016x}\"", h);
}

// Only this origin's scripts, styles and connections; no inline code, no
// framing. Preact and uPlot set styles through the DOM, which CSP allows.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// A path that climbs (`..`), names the current folder (`.`), or hides a
// separator or an escape in percent-encoding, raw or encoded: never a file or
// a screen of the app, so it gets a 404 and not index.html.
bool is_odd_path(std::string_view raw) {
  const auto decoded = http::percent_decode(raw, false);
  if (!decoded || decoded->find('\\') != std::string::npos) return true;
  if (decoded->find('%') != std::string::npos) return true;  // escaped twice
  if (decoded->size() != raw.size() && decoded->find('/') != std::string::npos &&
      std::count(decoded->begin(), decoded->end(), '/') != std::count(raw.begin(), raw.end(), '/')) {
    return true;  // an encoded slash
  }
  std::string_view rest(*decoded);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == ".." || segment == ".") return true;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return false;
}

bool has_extension(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return path.find('.', slash == std::string_view::npos ? 0 : slash) != std::string_view::npos;
}

}  // namespace

void add_web_routes(http::Router& router, std::span<const EmbeddedFile> assets) {
  auto table = std::make_shared<std::map<std::string, Asset, std::less<>>>();
  for (const auto& f : assets) {
    table->emplace("/" + std::string(f.path), Asset{f.data, content_type_of(f.path), etag_of(f.data)});
  }
  router.set_fallback([table](const Request& req, const http::PathParams&) {
    if (is_odd_path(req.path)) {
      return http::problem(404, "", "Not Found", "there is nothing at this path");
    }
    // "/pair": the page a phone opens to pair (web/public/pair.html).
    const std::string_view path = req.path == "/" ? "/index.html" : req.path == "/pair" ? "/pair.html" : req.path;
    auto it = table->find(path);
    if (it == table->end() && !has_extension(req.path)) it = table->find(std::string_view("/index.html"));
    if (it == table->end()) return http::problem(404, "", "Not Found", fmt::format("there is nothing at {}", req.path));
    const Asset& a = it->second;
    Response r;
    // Names carry no content hash (they are fixed so CMake knows them), so the
    // browser revalidates each time; a match costs a 304 without a body.
    r.with_header("Cache-Control", "no-cache").with_header("ETag", a.etag);
    if (a.content_type.starts_with("text/html")) {
      r.with_header("Content-Security-Policy", std::string(kContentSecurityPolicy));
    }
    if (req.header("If-None-Match") == a.etag) {
      r.status = 304;
      return r;
    }
    r.content_type = a.content_type;
    r.body = std::string(a.data);
    return r;
  });
}

}  // namespace daybreak
