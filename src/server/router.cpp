#include "server/router.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <exception>

#include <fmt/format.h>

#include "server/responses.hpp"
#include "store/request_versions.hpp"

namespace daybreak::http {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  for (;;) {
    const std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool has_body(Method m) { return m == Method::post || m == Method::put || m == Method::patch; }

// Host without its port: "127.0.0.1:8765" -> "127.0.0.1", "[::1]:8765" -> "[::1]".
std::string_view host_name(std::string_view host) {
  if (!host.empty() && host.front() == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

// Origin "http://localhost:8765" -> its host "localhost:8765"; "" if not http(s).
std::string_view origin_host(std::string_view origin) {
  for (std::string_view scheme : {"http://", "https://"}) {
    if (origin.substr(0, scheme.size()) == scheme) return origin.substr(scheme.size());
  }
  return {};
}

std::string allow_header(std::vector<Method> methods) {
  if (std::find(methods.begin(), methods.end(), Method::get) != methods.end()) methods.push_back(Method::head);
  std::string out;
  for (const Method m : methods) {
    if (!out.empty()) out += ", ";
    out += method_name(m);
  }
  return out;
}

std::atomic<unsigned> incident_counter{0};

}  // namespace

const std::string& PathParams::get(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  throw std::logic_error(fmt::format("no path parameter {{{}}} in this route", name));
}

bool is_loopback_host(std::string_view host) {
  const std::string_view name = host_name(host);
  if (name.size() != host.size()) {
    const std::string_view port = host.substr(name.size());
    if (port.size() < 2 || port.front() != ':' ||
        !std::all_of(port.begin() + 1, port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
  }
  return name == "127.0.0.1" || name == "localhost" || name == "[::1]";
}

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  Route r{method, pattern, {}, std::move(handler), std::move(options)};
  for (const auto part : split_path(pattern)) r.segments.emplace_back(part);
  routes_.push_back(std::move(r));
}

std::vector<RouteInfo> Router::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.options.accepts});
  return out;
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match m;
  const auto parts = split_path(path);
  const Method wanted = method == Method::head ? Method::get : method;
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    PathParams params;
    bool same = true;
    for (std::size_t i = 0; i < parts.size() && same; ++i) {
      const std::string& seg = route.segments[i];
      if (is_param(seg)) {
        auto value = percent_decode(parts[i], false);
        if (!value) {
          m.malformed = true;
          return m;
        }
        same = !value->empty();
        params.add(std::string_view(seg).substr(1, seg.size() - 2), std::move(*value));
      } else {
        same = seg == parts[i];
      }
    }
    if (!same) continue;
    if (route.method != wanted) {
      m.allowed.push_back(route.method);
      continue;
    }
    m.route = &route;
    m.params = std::move(params);
    return m;
  }
  return m;
}

std::optional<Response> Router::refuse(const Request& head, const Match& m) const {
  const std::string_view host = head.header("Host");
  if (head.lan) {
    // The home network: the gate checks the host, the origin and the device.
    if (!lan_gate_) {
      return problem(403, "host-not-allowed", "Only this computer may use daybreak",
                     "daybreak is not open to the home network");
    }
    if (auto refusal = lan_gate_(head, m.route != nullptr ? std::string_view(m.route->pattern) : "")) {
      return refusal;
    }
  } else if (any_host_) {
    // A clinic: any name may reach it (its proxy decides), but a page may
    // only call the API from the same origin.
    const std::string_view origin = head.header("Origin");
    if (!origin.empty() && origin_host(origin) != host) {
      return problem(403, "origin-not-allowed", "Requests from other sites are refused",
                     fmt::format("a page from '{}' may not use daybreak", origin));
    }
  } else if (!is_loopback_host(host)) {
    return problem(403, "host-not-allowed", "Only this computer may use daybreak",
                   fmt::format("daybreak answers requests addressed to 127.0.0.1, localhost or [::1], not '{}'", host));
  }
  // A page from another site may send requests to this computer: refuse them
  // (browsers name the page's origin on every cross-origin request).
  const std::string_view origin = head.header("Origin");
  if (!head.lan && !any_host_ && !origin.empty() && !is_loopback_host(origin_host(origin))) {
    return problem(403, "origin-not-allowed", "Requests from other sites are refused",
                   fmt::format("a page from '{}' may not use daybreak", origin));
  }
  if (m.malformed) return problem(400, "malformed-path", "The path is malformed", "it holds a bad %-escape");
  if (m.route == nullptr) {
    if (!m.allowed.empty()) {
      return problem(
                 405, "", "Method Not Allowed",
                 fmt::format("{} is not allowed here; allowed: {}", method_name(head.method), allow_header(m.allowed)))
          .with_header("Allow", allow_header(m.allowed));
    }
    const bool api = head.path.substr(0, 5) == "/api/" || head.path == "/api";
    if (fallback_ && !api && (head.method == Method::get || head.method == Method::head)) return std::nullopt;
    return problem(404, "", "Not Found", fmt::format("there is nothing at {}", head.path));
  }
  if (auto why = query_problem(head.query)) return problem(400, "malformed-query", "The query is malformed", *why);
  const auto& accepts = m.route->options.accepts;
  if (!accepts.empty()) {
    const std::string type = head.media_type();
    if (std::find(accepts.begin(), accepts.end(), type) == accepts.end()) {
      std::string list;
      for (const auto a : accepts) list += (list.empty() ? "" : ", ") + std::string(a);
      return problem(415, "", "Unsupported Media Type",
                     fmt::format("send the body as {} (Content-Type was '{}')", list, head.header("Content-Type")))
          .with_header(head.method == Method::patch ? "Accept-Patch" : "Accept-Post", list);
    }
  }
  return std::nullopt;
}

Admission Router::admit(const Request& head, std::optional<std::uint64_t> content_length) const {
  const Match m = match(head.method, head.path);
  if (auto refusal = refuse(head, m)) return {std::move(refusal), 0};
  const bool expects_body = m.route != nullptr && has_body(head.method) && !m.route->options.accepts.empty();
  const std::size_t limit = expects_body ? m.route->options.body_limit : 0;
  if (content_length && *content_length > limit) {
    if (!expects_body) {
      return {problem(413, "", "Content Too Large", "this request takes no body"), 0};
    }
    return {problem(413, "", "Content Too Large", fmt::format("the body may hold at most {} bytes", limit)), 0};
  }
  return {std::nullopt, limit};
}

namespace {

// The store's version a client's last write moved it to (a clinic's
// PostgreSQL): a server that learned less reads it again before answering, so
// a person sees their own writes at once through any server. A number, not a
// secret; a value that is not one is ignored.
constexpr std::string_view kSeenCookie = "daybreak_seen";

std::int64_t seen_by(const Request& request) {
  const std::string_view v = request.cookie(kSeenCookie);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc{} && end == v.data() + v.size() && n > 0 ? n : 0;
}

}  // namespace

Response Router::handle(const Request& request) const {
  // The store's versions are read once for the whole request (its guard, its
  // kept views), and again after a write it commits.
  const RequestVersions versions;
  RequestVersions::must_see(seen_by(request));
  Response response = answer(request);
  if (const std::int64_t v = RequestVersions::committed_version(); v > 0) {
    // Kept a minute: by then every server has read past it (--fresh-within).
    response.with_header("Set-Cookie", fmt::format("{}={}; Path=/; Max-Age=60; HttpOnly; SameSite=Strict{}",
                                                   kSeenCookie, v, request.behind_tls() ? "; Secure" : ""));
  }
  return response;
}

Response Router::answer(const Request& request) const {
  Match m = match(request.method, request.path);
  // Admitted requests were checked with their headers (for the home network,
  // a store read each); the others (tests, the fuzzer) are checked here.
  if (!request.admitted || (m.route == nullptr && !fallback_)) {
    if (auto refusal = refuse(request, m)) return std::move(*refusal);
  }
  if (!guard_ || m.route == nullptr) return run(request, m);
  Pass pass;
  Response response;
  {
    Request guarded = request;
    try {
      pass = guard_(request, m.route->pattern);
    } catch (const StoreError& e) {
      if (log_) log_(fmt::format("{} {}: {}", method_name(request.method), request.path, e.what()));
      return problem_for(e);
    }
    if (pass.refusal) {
      response = std::move(*pass.refusal);
    } else {
      guarded.actor = pass.actor;
      guarded.subject = pass.subject;
      guarded.shared = pass.shared;
      response = run(guarded, m);
    }
    if (pass.after) {
      try {
        pass.after(guarded, response);
      } catch (const std::exception& e) {
        if (log_)
          log_(fmt::format("{} {}: the audit record failed: {}", method_name(request.method), request.path, e.what()));
        return problem(500, "audit-failed", "Something went wrong",
                       "the server could not record this access, so it gives nothing out; try again");
      }
    }
  }
  return response;
}

Response Router::run(const Request& request, const Match& m) const {
  const Handler& handler = m.route != nullptr ? m.route->handler : fallback_;
  try {
    return handler(request, m.params);
  } catch (const ProblemError& e) {
    return e.response();
  } catch (const StoreError& e) {
    Response r = problem_for(e);
    if (r.status >= 500 && log_) log_(fmt::format("{} {}: {}", method_name(request.method), request.path, e.what()));
    return r;
  } catch (const std::exception& e) {
    const unsigned id = ++incident_counter;
    if (log_) log_(fmt::format("incident {}: {} {}: {}", id, method_name(request.method), request.path, e.what()));
    return problem(500, "internal", "Something went wrong",
                   fmt::format("the server could not finish this request; its log has the details (incident {})", id));
  } catch (...) {
    const unsigned id = ++incident_counter;
    if (log_) log_(fmt::format("incident {}: {} {}: unknown failure", id, method_name(request.method), request.path));
    return problem(500, "internal", "Something went wrong",
                   fmt::format("the server could not finish this request; its log has the details (incident {})", id));
  }
}

}  // namespace daybreak::http
