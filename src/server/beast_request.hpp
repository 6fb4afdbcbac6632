// Our view of a request Beast has parsed: for http_server.cpp and the HTTP
// fuzz target only (both already pay for Beast's headers).
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/http.hpp"

namespace daybreak::http {

// Views into `req`: valid while it lives and is not changed. The body is
// left for the caller (the server reads it after admission).
[[nodiscard]] inline Request to_request(const boost::beast::http::request<boost::beast::http::string_body>& req) {
  Request r;
  r.method = parse_method(req.method_string());
  const std::string_view target = req.target();
  const std::size_t q = target.find('?');
  r.path = target.substr(0, q);
  if (q != std::string_view::npos) r.query = target.substr(q + 1);
  r.headers.reserve(8);
  for (const auto& field : req) r.headers.emplace_back(field.name_string(), field.value());
  return r;
}

}  // namespace daybreak::http
