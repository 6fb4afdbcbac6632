// Routes: which handler answers which method and path, what body each accepts,
// and the checks every request passes before a handler runs (host, origin,
// content type, size). Built once at start-up, then only read, from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http.hpp"

namespace daybreak::http {

// Values of the {name} segments of a matched pattern, percent-decoded.
class PathParams {
 public:
  void add(std::string_view name, std::string value) { values_.emplace_back(name, std::move(value)); }
  [[nodiscard]] const std::string& get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string_view, std::string>> values_;
};

using Handler = std::function<Response(const Request&, const PathParams&)>;

inline constexpr std::size_t kDefaultBodyLimit = 64 * 1024;  // a diary entry is under 10 KB

struct RouteOptions {
  std::vector<std::string_view> accepts;  // media types the body may have; empty: no body
  std::size_t body_limit = kDefaultBodyLimit;
};

struct RouteInfo {
  Method method = Method::get;
  std::string pattern;                    // "/api/entries/{id}"
  std::vector<std::string_view> accepts;  // the body's media types; empty: no body
};

// What to do with a request once its headers are read: refuse it at once
// (without reading the body), or read a body of at most `body_limit` bytes.
struct Admission {
  std::optional<Response> reject;
  std::size_t body_limit = 0;
};

class Router {
 public:
  // Patterns are '/'-separated literals and {name} segments.
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  // Answers GET and HEAD requests outside /api/ that no route matches (the web app).
  void set_fallback(Handler handler) { fallback_ = std::move(handler); }
  // Decides requests that came over the home network (Request::lan), given
  // the pattern of the route they match ("" for none): a response refuses
  // one, nullopt lets it through to the usual checks. Without a gate, every
  // such request is refused.
  using Gate = std::function<std::optional<Response>(const Request&, std::string_view pattern)>;
  void set_lan_gate(Gate gate) { lan_gate_ = std::move(gate); }
  // A clinic's accounts: decides, once a request is admitted and matches a
  // route, whom it acts for (Request::actor and subject) or refuses it; and
  // may see the response before it leaves (the audit trail). Without a guard,
  // every request acts for the local person.
  struct Pass {
    std::optional<Response> refusal;
    std::int64_t actor = 0;
    std::int64_t subject = 0;
    // Runs after the handler with its response; a throw turns the response
    // into a 500 (nothing read is given out unrecorded).
    std::function<void(const Request&, const Response&)> after;
    // Held while the handler and `after` run (the acting user of the store's
    // transactions, for PostgreSQL's row-level security).
    std::shared_ptr<void> scope;
    unsigned shared = ~0U;  // Request::shared
  };
  using Guard = std::function<Pass(const Request&, std::string_view pattern)>;
  void set_guard(Guard guard) { guard_ = std::move(guard); }
  // Lets any Host in on the loopback listener (a clinic behind its TLS proxy,
  // where sign-in guards everything); an Origin must then be the Host's own.
  void set_any_host(bool any) { any_host_ = any; }
  // Where unexpected failures are reported (with the detail the client never sees).
  void set_error_log(std::function<void(const std::string&)> log) { log_ = std::move(log); }

  // Checks a request whose headers are in: host, origin, route, method,
  // content type and announced length.
  [[nodiscard]] Admission admit(const Request& head, std::optional<std::uint64_t> content_length) const;
  // Runs the handler. Never throws: failures become problem responses.
  [[nodiscard]] Response handle(const Request& request) const;

  [[nodiscard]] std::vector<RouteInfo> routes() const;

 private:
  struct Route {
    Method method;
    std::string pattern;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  struct Match {
    const Route* route = nullptr;
    PathParams params;
    std::vector<Method> allowed;  // when the path matched but the method did not
    bool malformed = false;       // a bad %-escape in the path
  };
  [[nodiscard]] Match match(Method method, std::string_view path) const;
  [[nodiscard]] std::optional<Response> refuse(const Request& head, const Match& m) const;

  std::vector<Route> routes_;
  Handler fallback_;
  Gate lan_gate_;
  Guard guard_;
  bool any_host_ = false;
  [[nodiscard]] Response answer(const Request& request) const;
  [[nodiscard]] Response run(const Request& request, const Match& m) const;
  std::function<void(const std::string&)> log_;
};

// True for a Host header naming this computer: 127.0.0.1, localhost or [::1],
// with any port. Anything else may be a DNS-rebinding attack from a web page.
[[nodiscard]] bool is_loopback_host(std::string_view host);

}  // namespace daybreak::http
