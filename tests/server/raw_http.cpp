#include "raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

namespace daybreak::testing {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

}  // namespace

std::string HttpReply::header(const std::string& name) const {
  const auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

nlohmann::ordered_json HttpReply::json() const { return nlohmann::ordered_json::parse(body); }

HttpConnection::HttpConnection(std::uint16_t port) : port_(port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
  }
}

HttpConnection::HttpConnection(const std::filesystem::path& socket) : port_(0) {
  const std::string path = socket.string();
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) throw std::runtime_error("socket path too long: " + path);
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    const std::string why = std::strerror(errno);
    ::close(fd_);
    throw std::runtime_error("connect to " + path + ": " + why);
  }
}

HttpConnection::~HttpConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void HttpConnection::send_raw(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // the server may close early (413): the test reads what it said
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

std::optional<HttpReply> HttpConnection::read_reply(bool head) {
  const auto fill = [&]() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 10000) <= 0) throw std::runtime_error("no answer from the server within 10 s");
    char chunk[16384];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
  };
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!fill()) return std::nullopt;
  }
  HttpReply r;
  const std::string head_text = buffer_.substr(0, end);
  buffer_.erase(0, end + 4);
  std::size_t line_end = head_text.find("\r\n");
  const std::string status_line = head_text.substr(0, line_end);
  r.status = std::stoi(status_line.substr(9, 3));
  while (line_end != std::string::npos) {
    const std::size_t start = line_end + 2;
    line_end = head_text.find("\r\n", start);
    const std::string line =
        head_text.substr(start, line_end == std::string::npos ? std::string::npos : line_end - start);
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[lower(line.substr(0, colon))] = value;
  }
  const bool no_body = head || r.status == 204 || r.status == 304 || r.status / 100 == 1;
  const std::size_t length = no_body || r.header("content-length").empty() ? 0 : std::stoul(r.header("content-length"));
  while (buffer_.size() < length) {
    if (!fill()) break;
  }
  r.body = buffer_.substr(0, length);
  buffer_.erase(0, std::min(length, buffer_.size()));
  return r;
}

HttpReply HttpConnection::request(std::string_view method, std::string_view target, std::string_view body,
                                  std::string_view content_type, std::string_view extra_headers) {
  // On a Unix socket, as curl --unix-socket says it: "localhost".
  std::string req = port_ == 0 ? fmt::format("{} {} HTTP/1.1\r\nHost: localhost\r\n", method, target)
                               : fmt::format("{} {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n", method, target, port_);
  if (!body.empty() || method == "POST" || method == "PATCH") {
    if (!content_type.empty()) req += fmt::format("Content-Type: {}\r\n", content_type);
    req += fmt::format("Content-Length: {}\r\n", body.size());
  }
  req += extra_headers;
  req += "\r\n";
  req += body;
  send_raw(req);
  auto reply = read_reply(method == "HEAD");
  if (!reply) throw std::runtime_error(fmt::format("{} {}: the server closed the connection", method, target));
  return std::move(*reply);
}

bool HttpConnection::closed_by_peer() {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, 5000) <= 0) return false;
  char c;
  return ::recv(fd_, &c, 1, MSG_PEEK) == 0;
}

HttpReply http(std::uint16_t port, std::string_view method, std::string_view target, std::string_view body,
               std::string_view content_type, std::string_view extra_headers) {
  HttpConnection c(port);
  return c.request(method, target, body, content_type, extra_headers);
}

}  // namespace daybreak::testing
