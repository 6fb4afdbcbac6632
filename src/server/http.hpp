// HTTP requests and responses as the API sees them, independent of the HTTP
// library underneath (Boost.Beast, in http_server.cpp): route modules and
// their tests never touch sockets or parsers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace daybreak::http {

enum class Method { get, head, post, put, patch, del, options, other };

[[nodiscard]] std::string_view method_name(Method m);  // "GET", "DELETE"...
[[nodiscard]] Method parse_method(std::string_view name);

// A request being handled. The views point into the connection's buffers and
// live as long as the handler runs.
struct Request {
  Method method = Method::get;
  std::string_view path;   // "/api/entries/12", still percent-encoded
  std::string_view query;  // "from=2026-11-01&to=2026-11-23", without '?'
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
  // Arrived on the home-network listener (a paired device's way in), not on
  // this computer's loopback one: the router's home-network gate decides.
  bool lan = false;
  // Router::admit() let it in (the server sets it): handle() does not check again.
  bool admitted = false;
  // The client's address as the socket saw it ("127.0.0.1"), for the audit trail.
  std::string peer;
  // Set by the router's guard (a clinic's accounts) before the handler runs:
  // the user acting and the person whose data the request is about. 0: no
  // accounts, the local person.
  std::int64_t actor = 0;
  std::int64_t subject = 0;
  // The parts of the subject's data the actor may see, one bit per Scope (a
  // clinician's grant); every part for the person's own requests.
  unsigned shared = ~0U;

  // The first header of that name (case-insensitive), or "".
  [[nodiscard]] std::string_view header(std::string_view name) const;
  // The media type of Content-Type, lower case, without parameters: "application/json".
  [[nodiscard]] std::string media_type() const;
  // A cookie's value from the Cookie header, or "".
  [[nodiscard]] std::string_view cookie(std::string_view name) const;
  // Whether it came through a proxy that took it over TLS (nginx says so):
  // its cookies are then Secure.
  [[nodiscard]] bool behind_tls() const { return header("X-Forwarded-Proto") == "https"; }
  // A query parameter, percent-decoded; nullopt when absent.
  [[nodiscard]] std::optional<std::string> param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;  // empty: no body
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  Response& with_header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// Decodes %XX escapes (and '+' as a space when `plus_is_space`, as in queries).
// nullopt for a malformed escape or a decoded NUL.
[[nodiscard]] std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);
// What is wrong with a query string, or nullopt: a bad %-escape, or a name
// given twice (which value was meant cannot be known).
[[nodiscard]] std::optional<std::string> query_problem(std::string_view query);

inline constexpr std::string_view kJson = "application/json";
inline constexpr std::string_view kProblemJson = "application/problem+json";
inline constexpr std::string_view kCsv = "text/csv";
inline constexpr std::string_view kFhirJson = "application/fhir+json";

}  // namespace daybreak::http
