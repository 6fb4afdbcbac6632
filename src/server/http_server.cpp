// The only file that includes Boost.Asio and Boost.Beast: they take seconds to
// compile, and keeping them here keeps every route module quick to build.
#include <utility>  // before Boost.Asio: its 1.74 headers use std::exchange without it under C++20

#include "server/http_server.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <iostream>
#include <limits>
#include <mutex>
#include <thread>
#include <type_traits>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "server/beast_request.hpp"
#include "server/responses.hpp"

namespace daybreak::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using local = net::local::stream_protocol;  // a Unix socket, for nginx on this computer
// Each connection lives on one thread's io_context: its handlers never run
// concurrently, so it needs no strand, and the concrete executor type spares
// every operation the type-erased executor's bookkeeping.
using Executor = net::io_context::executor_type;

// RFC 9110 asks for a Date header; formatting it once a second is enough.
std::string_view http_date() {
  thread_local std::time_t last = 0;
  thread_local char text[40] = {};
  const std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    last = now;
  }
  return text;
}

// Headers every response carries: no sniffing, no framing by other sites,
// nothing sent to other sites, and health data never stored by caches.
void add_common_headers(bhttp::response<bhttp::string_body>& res, const Request& req) {
  res.set(bhttp::field::date, http_date());
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Referrer-Policy", "no-referrer");
  res.set("X-Frame-Options", "DENY");
  if (req.path.substr(0, 5) == "/api/" && res.find(bhttp::field::cache_control) == res.end()) {
    res.set(bhttp::field::cache_control, "no-store");
  }
  // A request's X-Request-Id (1 to 64 letters, digits and . _ : -) comes back
  // on its answer, so that a client, a proxy's log or a load test can pair them.
  const std::string_view id = req.header("X-Request-Id");
  const auto allowed = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_' || c == ':' || c == '-';
  };
  if (!id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), allowed)) res.set("X-Request-Id", id);
}

// One connection, over TCP or a Unix socket (Protocol).
template <class Protocol>
class Session : public std::enable_shared_from_this<Session<Protocol>> {
  using Socket = net::basic_stream_socket<Protocol, Executor>;
  using Stream = beast::basic_stream<Protocol, Executor>;
  using std::enable_shared_from_this<Session>::shared_from_this;

 public:
  Session(Socket&& socket, const Router& router, const ServerOptions& options, bool lan)
      : stream_(std::move(socket)), router_(router), options_(options), lan_(lan) {}

  void start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::read_header, shared_from_this()));
  }

 private:
  void read_header() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
    // No body limit while the headers are read: the route decides it (on_header),
    // and a too-long Content-Length then gets a 413 that names the limit.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(options_.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void on_header(beast::error_code ec, std::size_t) {
    if (ec) return on_read_error(ec);
    const auto& req = parser_->get();
    request_ = to_request(req);
    request_.lan = lan_;
    request_.peer = peer();
    std::optional<std::uint64_t> length;
    if (const auto cl = parser_->content_length()) length = *cl;
    Admission admission = router_.admit(request_, length);
    if (admission.reject) {
      // A body we will not read leaves the connection unusable: close it.
      return send(std::move(*admission.reject), !parser_->is_done() || !req.keep_alive());
    }
    request_.admitted = true;
    body_limit_ = admission.body_limit;
    parser_->body_limit(body_limit_);
    if (!parser_->is_done() && beast::iequals(req[bhttp::field::expect], "100-continue")) {
      continue_.emplace(bhttp::status::continue_, req.version());
      stream_.expires_after(options_.write_timeout);
      return bhttp::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code e, std::size_t) {
        if (e) return self->close();
        self->read_body();
      });
    }
    if (parser_->is_done()) return on_body({}, 0);  // no body: nothing more to read
    read_body();
  }

  void read_body() {
    stream_.expires_after(options_.read_timeout);
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    if (ec == bhttp::error::body_limit) {
      return send(problem(413, "", "Content Too Large", fmt::format("the body may hold at most {} bytes", body_limit_)),
                  true);
    }
    if (ec) return on_read_error(ec);
    request_.body = parser_->get().body();
    send(router_.handle(request_), !parser_->get().keep_alive());
  }

  void on_read_error(beast::error_code ec) {
    if (ec == bhttp::error::header_limit) {
      return send(problem(431, "", "Request Header Fields Too Large",
                          fmt::format("the headers may hold at most {} bytes", options_.header_limit)),
                  true);
    }
    const auto& parse_errors = bhttp::make_error_code(bhttp::error::bad_target).category();
    if (ec.category() == parse_errors && ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return send(problem(400, "", "Bad Request", "the request is not valid HTTP/1.1"), true);
    }
    close();  // the peer left, or went quiet past the timeout
  }

  void send(Response response, bool close_after) {
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(response.status));
    for (auto& [name, value] : response.headers) res_.insert(name, value);
    add_common_headers(res_, request_);
    const bool no_body = response.status == 204 || response.status == 304;
    if (!response.content_type.empty()) res_.set(bhttp::field::content_type, response.content_type);
    if (!no_body) res_.content_length(response.body.size());
    if (request_.method != Method::head && !no_body) res_.body() = std::move(response.body);
    res_.keep_alive(!close_after);
    stream_.expires_after(options_.write_timeout);
    bhttp::async_write(stream_, res_, [self = shared_from_this(), close_after](beast::error_code ec, std::size_t) {
      if (ec || close_after) return self->close();
      self->read_header();
    });
  }

  // The peer's address, asked of the socket once per connection; none on a
  // Unix socket (this computer: the router trusts its X-Forwarded-For).
  const std::string& peer() {
    if (!peer_) {
      peer_.emplace();
      if constexpr (std::is_same_v<Protocol, tcp>) {
        beast::error_code ec;
        const auto endpoint = stream_.socket().remote_endpoint(ec);
        if (!ec) peer_ = endpoint.address().to_string();
      }
    }
    return *peer_;
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(net::socket_base::shutdown_send, ignored);
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  const Router& router_;
  const ServerOptions& options_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::empty_body>> continue_;
  bhttp::response<bhttp::string_body> res_;
  Request request_;  // views into parser_'s message
  std::size_t body_limit_ = 0;
  bool lan_ = false;  // came in on the home-network listener
  std::optional<std::string> peer_;
};

}  // namespace

std::optional<std::string> refuse_address(std::string_view address) {
  const std::string advice =
      "--address is where this computer reaches daybreak: use 127.0.0.1 (the default), ::1 or localhost; to use "
      "daybreak from your phone, pair it (daybreak serve --pair)";
  if (address == "localhost") return std::nullopt;
  beast::error_code ec;
  const auto ip = net::ip::make_address(std::string(address), ec);
  if (ec) return fmt::format("'{}' is not an IP address; {}", address, advice);
  if (!ip.is_loopback()) return fmt::format("refusing to listen on {}: {}", address, advice);
  return std::nullopt;
}

std::optional<std::string> refuse_home_address(std::string_view address) {
  beast::error_code ec;
  const auto ip = net::ip::make_address(std::string(address), ec);
  if (ec) return fmt::format("'{}' is not an IP address; give this computer's address on your home network", address);
  if (ip.is_loopback()) return fmt::format("{} is this computer's own address, which a phone cannot reach", address);
  if (ip.is_unspecified() || ip.is_multicast()) {
    return fmt::format("refusing to listen on {}: give one address of this computer on your home network", address);
  }
  return std::nullopt;
}

// One io_context per thread, each run by its thread alone: no lock is shared
// between threads on the way of a request. The acceptor deals new connections
// to the threads in turn.
struct HttpServer::Impl {
  using TcpAcceptor = net::basic_socket_acceptor<tcp, Executor>;
  using LocalAcceptor = net::basic_socket_acceptor<local, Executor>;
  struct Listener {
    std::variant<TcpAcceptor, LocalAcceptor> acceptor;
    bool lan = false;
    std::string socket_path;  // a Unix socket's file, removed at stop
  };

  Impl(const Router& r, ServerOptions o) : router(r), options(std::move(o)) {
    const unsigned n = std::max(1U, options.threads);
    for (unsigned i = 0; i < n; ++i) {
      loops.push_back(std::make_unique<net::io_context>(1));
      idle.push_back(net::make_work_guard(*loops.back()));  // a loop with no connection yet keeps running
    }
  }

  // Binds and listens on `address`:`port`; returns the port. Throws ServerError.
  std::uint16_t listen(const std::string& address, std::uint16_t port, bool lan) {
    const std::string host = address == "localhost" ? "127.0.0.1" : address;
    beast::error_code bad_address;
    const auto ip = net::ip::make_address(host, bad_address);
    if (bad_address) throw ServerError(fmt::format("'{}' is not an IP address", address));
    const tcp::endpoint endpoint{ip, port};
    auto listener = std::make_unique<Listener>(
        Listener{.acceptor = TcpAcceptor(loops.front()->get_executor()), .lan = lan, .socket_path = {}});
    auto& acceptor = std::get<TcpAcceptor>(listener->acceptor);
    beast::error_code ec;
    const auto check = [&](std::string_view step) {
      if (!ec) return;
      std::string hint;
      if (ec == net::error::address_in_use) hint = " (is daybreak already running? choose another port with --port)";
      if (ec == boost::system::errc::address_not_available) hint = " (it is not an address of this computer)";
      throw ServerError(fmt::format("cannot {} {}:{}: {}{}", step, address, port, ec.message(), hint));
    };
    acceptor.open(endpoint.protocol(), ec);
    check("open a socket for");
    // SO_REUSEADDR lets a restarted server bind while old connections linger in
    // TIME_WAIT. No SO_REUSEPORT: a second server on the same port must fail, not
    // silently share the traffic.
    acceptor.set_option(net::socket_base::reuse_address(true), ec);
    check("configure");
    acceptor.bind(endpoint, ec);
    check("listen on");
    acceptor.listen(net::socket_base::max_listen_connections, ec);  // a backlog of 5 drops bursts of connections
    check("listen on");
    const std::uint16_t bound = acceptor.local_endpoint().port();
    add(std::move(listener));
    return bound;
  }

  // Binds and listens on a Unix socket at `path`, which only its owner and
  // group may connect to (0660). A socket left by a server that is gone is
  // replaced; a live one, or a file that is not a socket, is left alone.
  void listen_socket(const std::string& path) {
    const auto fail = [&path](std::string_view why) {
      return ServerError(fmt::format("cannot listen on the socket {}: {}", path, why));
    };
    if (path.size() >= sizeof(sockaddr_un::sun_path)) {
      throw fail(fmt::format("its path is {} bytes long, and a socket's may be at most {}", path.size(),
                             sizeof(sockaddr_un::sun_path) - 1));
    }
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0) {
      if (!S_ISSOCK(st.st_mode)) throw fail("a file that is not a socket is there; choose another path with --socket");
      if (socket_answers(path)) throw fail("another server is listening there (is daybreak already running?)");
      if (::unlink(path.c_str()) != 0)
        throw fail(fmt::format("the old socket cannot be removed: {}", std::strerror(errno)));
    }
    auto listener = std::make_unique<Listener>(
        Listener{.acceptor = LocalAcceptor(loops.front()->get_executor()), .lan = false, .socket_path = path});
    auto& acceptor = std::get<LocalAcceptor>(listener->acceptor);
    beast::error_code ec;
    acceptor.open(local(), ec);
    if (!ec) acceptor.bind(local::endpoint(path), ec);
    if (ec) throw fail(ec.message());
    // Before listen(): no connection is taken while the mode is the umask's.
    if (::chmod(path.c_str(), 0660) != 0) {
      const std::string why = std::strerror(errno);
      ::unlink(path.c_str());
      throw fail(why);
    }
    acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      ::unlink(path.c_str());
      throw fail(ec.message());
    }
    add(std::move(listener));
  }

  // Whether a server accepts connections on the Unix socket at `path`.
  static bool socket_answers(const std::string& path) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    const bool answers = ::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return answers;
  }

  void add(std::unique_ptr<Listener> listener) {
    Listener& added = *listener;
    {
      const std::scoped_lock lock(mutex);
      listeners.push_back(std::move(listener));
    }
    net::post(loops.front()->get_executor(), [this, &added] {
      std::visit([this, &added](auto& acceptor) { accept(acceptor, added.lan); }, added.acceptor);
    });
  }

  template <class Acceptor>
  void accept(Acceptor& acceptor, bool lan) {
    using Protocol = typename Acceptor::protocol_type;
    using Socket = net::basic_stream_socket<Protocol, Executor>;
    net::io_context& loop = *loops[next++ % loops.size()];
    acceptor.async_accept(loop.get_executor(), [this, &acceptor, lan](beast::error_code ec, Socket socket) {
      if (!acceptor.is_open()) return;
      if (!ec) {
        if constexpr (std::is_same_v<Protocol, tcp>) {
          beast::error_code ignored;
          socket.set_option(tcp::no_delay(true), ignored);  // else every small response waits ~40 ms for an ACK
        }
        std::make_shared<Session<Protocol>>(std::move(socket), router, options, lan)->start();
      }
      accept(acceptor, lan);
    });
  }

  const Router& router;
  ServerOptions options;
  std::vector<std::unique_ptr<net::io_context>> loops;
  std::vector<net::executor_work_guard<Executor>> idle;
  std::mutex mutex;                                  // guards listeners
  std::vector<std::unique_ptr<Listener>> listeners;  // each accepts on the first loop's thread
  std::size_t next = 0;                              // only the acceptors' handlers touch it, all on the first loop
  std::vector<std::thread> threads;
};

HttpServer::HttpServer(const Router& router, ServerOptions options)
    : impl_(std::make_unique<Impl>(router, std::move(options))) {}

HttpServer::~HttpServer() { stop(); }

std::uint16_t HttpServer::start() {
  const ServerOptions& o = impl_->options;
  if (!o.any_address) {
    if (auto why = refuse_address(o.address)) throw ServerError(*why);
  }
  std::uint16_t port = 0;
  if (o.socket_path.empty()) {
    port = impl_->listen(o.address, o.port, false);
  } else {
    impl_->listen_socket(o.socket_path);
  }
  for (auto& loop : impl_->loops) impl_->threads.emplace_back([&loop] { loop->run(); });
  return port;
}

std::uint16_t HttpServer::listen_lan(const std::string& address, std::uint16_t port) {
  if (auto why = refuse_home_address(address)) throw ServerError(*why);
  return impl_->listen(address, port, true);
}

void HttpServer::stop() {
  if (impl_->threads.empty()) return;
  net::post(impl_->loops.front()->get_executor(), [this] {
    const std::scoped_lock lock(impl_->mutex);
    for (auto& listener : impl_->listeners) {
      beast::error_code ignored;
      std::visit([&ignored](auto& acceptor) { acceptor.close(ignored); }, listener->acceptor);
    }
  });
  for (auto& loop : impl_->loops) loop->stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
  // A Unix socket's file goes with the server (a killed one's is replaced at
  // the next start).
  for (auto& listener : impl_->listeners) {
    if (!listener->socket_path.empty()) ::unlink(listener->socket_path.c_str());
  }
}

}  // namespace daybreak::http
