// A deliberately small HTTP/1.1 client over a plain socket, for the API
// tests: it sends exactly the bytes a test gives (so tests can also send
// broken requests) and reads one response at a time on a kept-alive connection.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace daybreak::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower case
  std::string body;

  [[nodiscard]] std::string header(const std::string& name) const;
  [[nodiscard]] nlohmann::ordered_json json() const;  // throws if the body is not JSON
};

class HttpConnection {
 public:
  explicit HttpConnection(std::uint16_t port);
  explicit HttpConnection(const std::filesystem::path& socket);  // a Unix socket's
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  // Sends raw bytes.
  void send_raw(std::string_view bytes);
  // Reads one response (nullopt if the server closed the connection first).
  // `head` tells it a HEAD response has no body whatever Content-Length says.
  std::optional<HttpReply> read_reply(bool head = false);

  // A well-formed request with Host 127.0.0.1:<port>, Content-Length and any
  // extra header lines ("Name: value\r\n" each).
  HttpReply request(std::string_view method, std::string_view target, std::string_view body = {},
                    std::string_view content_type = "application/json", std::string_view extra_headers = {});

  [[nodiscard]] bool closed_by_peer();  // true once the server has closed its side

 private:
  int fd_ = -1;
  std::uint16_t port_;  // 0 on a Unix socket
  std::string buffer_;
};

// One request on its own connection.
HttpReply http(std::uint16_t port, std::string_view method, std::string_view target, std::string_view body = {},
               std::string_view content_type = "application/json", std::string_view extra_headers = {});

}  // namespace daybreak::testing
