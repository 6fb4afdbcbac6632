// The HTTP/1.1 server: sockets, keep-alive, timeouts and limits, over
// Boost.Beast. It knows nothing of daybreak: every request goes to a Router.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "server/router.hpp"

namespace daybreak::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8765;  // 0: any free port (tests)
  // Threads, each running its own network loop and the handlers of the
  // connections dealt to it. A handler may wait for the disk (a durable
  // write), and writes waiting together share one fsync: more threads than
  // cores keep reads flowing and writes grouped.
  unsigned threads = 8;
  std::chrono::seconds idle_timeout{60};  // an open connection waiting for its next request
  std::chrono::seconds read_timeout{30};  // to receive a request's body once its headers are in
  std::chrono::seconds write_timeout{30};
  std::size_t header_limit = 16 * 1024;
  // A clinic with accounts on may listen on any address (everyone signs in);
  // otherwise only this computer's loopback (refuse_address).
  bool any_address = false;
  // A Unix socket's path to listen on instead of address:port, for nginx on
  // this computer: only the socket's owner and group may connect (0660).
  std::string socket_path = {};
};

class ServerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Why `address` may not be listened on, or nullopt when it may. Until people
// sign in (a later issue) daybreak listens only on this computer's loopback
// addresses: 127.0.0.0/8, ::1, or "localhost".
[[nodiscard]] std::optional<std::string> refuse_address(std::string_view address);
// Why `address` may not be the home-network listener's, or nullopt when it
// may: one address of this computer that is not loopback, not "any" and not
// multicast (a paired phone reaches daybreak there).
[[nodiscard]] std::optional<std::string> refuse_home_address(std::string_view address);

class HttpServer {
 public:
  HttpServer(const Router& router, ServerOptions options);
  ~HttpServer();  // stops
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and serves on background threads. Returns the port, which is the
  // one asked for or, for port 0, the one the system chose (0 on a Unix
  // socket). Throws ServerError when the address cannot be listened on (in
  // use, refused, not loopback; a socket's path taken or too long).
  std::uint16_t start();
  // Listens also on a home-network address (see refuse_home_address), once
  // started; its requests are marked Request::lan, for the router's gate.
  // Returns the port (for port 0, the one the system chose). Throws ServerError.
  std::uint16_t listen_lan(const std::string& address, std::uint16_t port);
  // Stops accepting, lets running handlers finish, and joins the threads.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace daybreak::http
