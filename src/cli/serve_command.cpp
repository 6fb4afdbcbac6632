// `daybreak serve`: the web app and the HTTP API on this computer, in this
// process. Diary days follow the person's zone as the CLI fixed it at start-up
// (ProcessZone, the C library's), served through a SingleZoneProvider.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/devices.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/number_option.hpp"
#include "cli/output.hpp"
#include "cli/progression_hook.hpp"
#include "platform/network.hpp"
#include "platform/zone_provider.hpp"
#include "server/home_network.hpp"
#include "server/http_server.hpp"
#include "server/qr.hpp"
#include "server/routes.hpp"

namespace daybreak {
namespace embedded {
std::span<const EmbeddedFile> web_assets();  // web/, built by Vite (see web/CMakeLists.txt)
}

namespace {

class ServeCommand final : public Command {
 public:
  std::string_view name() const override { return "serve"; }
  std::string_view summary() const override {
    return "start the web app and the HTTP API on this computer (http://127.0.0.1:8765)";
  }
  bool writes() const override { return true; }
  bool acts_for_local_person() const override { return false; }
  bool waits_for_database() const override { return true; }
  std::chrono::milliseconds database_answer_limit() const override { return std::chrono::seconds{database_timeout_}; }
  std::chrono::microseconds database_version_max_age() const override {
    return std::chrono::milliseconds{fresh_within_};
  }
  void configure(CLI::App& sub) override {
    tcp_options_.push_back(
        sub.add_option("--address", options_.address,
                       "where this computer reaches it: 127.0.0.1 (default), ::1 or localhost (a phone: see --pair)")
            ->type_name("ADDR"));
    tcp_options_.push_back(sub.add_option("--port", port_, "the TCP port (default 8765; 0 picks a free one)")
                               ->type_name("PORT")
                               ->check(whole_number(0, 65535)));
    sub.add_option("--threads", threads_,
                   "threads serving requests (default 8; on PostgreSQL one per core, at least 2)")
        ->type_name("N")
        ->check(whole_number(1, 64));
    tcp_options_.push_back(sub.add_flag(
        "--pair", pair_, "pair a phone: listen on the home network too and show a QR code and a code to type on it"));
    tcp_options_.push_back(
        sub.add_option("--lan-address", lan_address_,
                       "this computer's address on the home network, for paired phones (default: found by itself)")
            ->type_name("ADDR"));
    sub.add_option("--socket", options_.socket_path,
                   "listen on a Unix socket at PATH instead of a TCP port, for nginx on this computer "
                   "(docs/deploy.md); only its owner and group may connect")
        ->type_name("PATH");
    sub.add_option("--database-timeout", database_timeout_,
                   "on PostgreSQL: seconds to wait for the database's answer before a request gets 503 "
                   "(default 60; 0: no limit)")
        ->type_name("SECONDS")
        ->check(whole_number(0, 3600));
    sub.add_option("--fresh-within", fresh_within_,
                   "on PostgreSQL: milliseconds a read may answer from what this server last learned of the "
                   "database's changes (default 5; 0: ask on every read); a browser sees its own writes at once")
        ->type_name("MS")
        ->check(whole_number(0, 60000));
    sub.add_flag("--list-routes", list_routes_, "print every route of the API and exit");
    content_.add_to(sub);
    sub.footer(
        "Open the address it prints in a browser, on this computer. Everything stays here:\n"
        "the web app is built into daybreak and talks only to it. Ctrl-C stops it.\n"
        "With --pair, or once a phone is paired, it listens on the home network too, where\n"
        "only paired devices are let in (docs/security.md).");
  }

  int run(CommandContext& ctx) override {
    if (!options_.socket_path.empty()) {
      for (const CLI::Option* o : tcp_options_) {
        if (o->count() == 0) continue;
        ctx.io.err << fmt::format(
            "daybreak: --socket listens on a Unix socket instead of an address and port, and without the home "
            "network: leave out {}\n",
            o->get_name());
        return kInvalid;
      }
    }
    // Another address than this computer's own only with accounts on: then
    // everyone signs in (docs/deploy.md puts nginx with TLS in front).
    const bool accounts = ctx.store.read()->has_accounts();
    if (auto why = http::refuse_address(options_.address)) {
      if (!accounts) {
        ctx.io.err << "daybreak: " << *why << "; a clinic adds accounts first (`daybreak admin user add`)\n";
        return kInvalid;
      }
      ctx.io.err << fmt::format(
          "daybreak: warning: listening on {} with sign-in, but without TLS passwords cross the network in the "
          "clear; put nginx with TLS in front (docs/deploy.md)\n",
          options_.address);
    }
    if (!lan_address_.empty()) {
      if (auto why = http::refuse_home_address(lan_address_)) {
        ctx.io.err << "daybreak: --lan-address: " << *why << "\n";
        return kInvalid;
      }
    }
    if (ctx.zone.name() != ctx.user.time_zone) {
      // run_cli fell back to UTC and said so; a server would file every entry
      // under UTC dates without saying it again, so it does not start.
      ctx.io.err << fmt::format(
          "daybreak: serve needs your time zone, and '{}' is not installed here; set yours with `daybreak profile "
          "--time-zone ZONE`\n",
          ctx.user.time_zone);
      return kInvalid;
    }
    // Exercises and programs: loaded and checked once, read by every thread.
    const auto content = content_.load();
    if (!content) return report(ctx.io, content.error());
    // The progression rule's numbers (config.toml), read once: a bad file
    // stops the server here, or a web-only person would never progress.
    const auto progression = progression_config(ctx);
    if (!progression) return report(ctx.io, progression.error());
    // The one zone this process has; every thread only reads it from here on.
    const SingleZoneProvider zones(ctx.zone);
    // The home network opens on --pair, on "Pair a phone" in the web app, or
    // at start when a device is paired; until then only loopback listens.
    http::HttpServer* running = nullptr;
    HomeNetwork home([this, &running] {
      const auto address = lan_address_.empty() ? home_network_address() : std::optional(lan_address_);
      if (!address) throw std::runtime_error("no address of this computer on a home network was found");
      if (running == nullptr) throw std::runtime_error("daybreak is not running yet");
      const std::uint16_t port = running->listen_lan(*address, bound_port_);
      const bool v6 = address->find(':') != std::string::npos;
      return fmt::format("{}:{}", v6 ? "[" + *address + "]" : *address, port);
    });
    const ApiContext api(ctx.store, ctx.clock, zones, *content, DAYBREAK_VERSION,
                         ApiSettings{.progression = *progression,
                                     .wording_dir = ctx.data_dir / "wording",
                                     .paper = paper_for_locale(ctx.paper_locale),
                                     .home = &home});
    http::Router router = make_router(api, embedded::web_assets());
    router.set_any_host(accounts);  // a clinic's name, through its proxy; sign-in guards every request
    if (list_routes_) {
      for (const auto& r : router.routes())
        ctx.io.out << fmt::format("{:<7} {}\n", http::method_name(r.method), r.pattern);
      return kOk;
    }

    // Ctrl-C and SIGTERM are taken by sigwait below; blocking them before the
    // server's threads start keeps them from landing anywhere else.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    // On a SQLite file, writes waiting together share one fsync: 8 threads
    // keep the groups large. On PostgreSQL the database groups the commits
    // of every server, each thread holds a connection of its own, and a
    // thread past the cores costs more in switching than it saves
    // (bench/RESULTS.md, "Fresh within 5 ms").
    if (threads_ == 0) {
      threads_ = ctx.store.groups_commits_here() ? 8U : std::max(2U, std::thread::hardware_concurrency());
    }
    options_.threads = threads_;
    options_.port = static_cast<std::uint16_t>(port_);
    options_.any_address = accounts;
    ctx.store.open_reader();  // reads on their own connection, never behind a write's fsync
    http::HttpServer server(router, options_);
    std::uint16_t port = 0;
    try {
      port = server.start();
    } catch (const http::ServerError& e) {
      ctx.io.err << "daybreak: " << e.what() << "\n";
      return kInvalid;
    }
    bound_port_ = port;
    running = &server;
    const bool v6 = options_.address.find(':') != std::string::npos;
    if (!options_.socket_path.empty()) {
      ctx.io.out << fmt::format("daybreak is running at unix:{}\n", options_.socket_path) << std::flush;
    } else {
      ctx.io.out << fmt::format("daybreak is running at http://{}:{}/\n",
                                v6 ? "[" + options_.address + "]" : options_.address, port)
                 << std::flush;
    }
    if (accounts) {
      ctx.io.err << "Accounts are on: everyone signs in.\n";
    } else if (const int status = open_home_network(ctx, api, home); status != kOk) {
      return status;
    }
    ctx.io.err << (options_.socket_path.empty() ? "Open it in your browser. Press Ctrl-C to stop.\n"
                                                : "Put nginx in front of it (docs/deploy.md). Press Ctrl-C to stop.\n")
               << std::flush;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    ctx.io.err << "daybreak stopped.\n";
    return kOk;
  }

 private:
  // Listens on the home network when asked (--pair) or when a device is
  // paired, and with --pair shows the code to pair with.
  int open_home_network(CommandContext& ctx, const ApiContext& api, HomeNetwork& home) const {
    bool paired = false;
    for (const auto& d : list_devices(ctx.store, ctx.user.id)) paired = paired || !d.revoked();
    if (!pair_ && !paired) return kOk;
    if (!options_.socket_path.empty()) {  // --pair is refused with --socket
      ctx.io.err << "daybreak: your paired devices cannot reach it: it listens on a Unix socket only\n";
      return kOk;
    }
    std::string host;
    try {
      host = home.open();
    } catch (const std::exception& e) {
      if (!pair_) {  // paired devices wait; this computer is served as before
        ctx.io.err << fmt::format("daybreak: your paired devices cannot reach it: {}\n", e.what());
        return kOk;
      }
      ctx.io.err << fmt::format("daybreak: cannot pair: {}; name this computer's address with --lan-address\n",
                                e.what());
      return kInvalid;
    }
    ctx.io.out << fmt::format("Paired devices reach it at http://{}/\n", host) << std::flush;
    if (!pair_) return kOk;
    const PairingCode code = home.desk().open(api.now());
    const std::string url = fmt::format("http://{}/pair#code={}", host, code.code);
    const bool color = ::isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
    ctx.io.out << "\nTo pair your phone, scan this code with its camera:\n\n"
               << qr_terminal(url, color)
               << fmt::format("\nor open http://{}/pair on it and type {}\n", host, code.code)
               << fmt::format("The code works once, until {} (a new one: More > Paired devices on this computer).\n",
                              format_clock(ctx.zone.to_local(code.expires_at)))
               << "Your phone and this computer must be on the same home network.\n\n"
               << std::flush;
    return kOk;
  }

  http::ServerOptions options_;
  std::vector<const CLI::Option*> tcp_options_;  // --address, --port, --pair, --lan-address: not with --socket
  bool pair_ = false;
  std::string lan_address_;
  std::uint16_t bound_port_ = 0;
  int port_ = 8765;
  bool list_routes_ = false;
  int database_timeout_ = 60;
  int fresh_within_ = 5;
  unsigned threads_ = 0;  // 0: the store's default
  ContentOption content_;
};

// `daybreak devices`: the paired phones, and revoking one (as More > Paired
// devices in the web app).
class DevicesCommand final : public Command {
 public:
  std::string_view name() const override { return "devices"; }
  std::string_view summary() const override { return "list the phones paired with daybreak serve, or revoke one"; }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    sub.add_option("--revoke", revoke_, "revoke the device with this number: it no longer reaches daybreak")
        ->type_name("N");
    sub.footer("Pair a phone with `daybreak serve --pair` (docs/security.md).");
  }

  int run(CommandContext& ctx) override {
    if (revoke_) {
      const auto revoked = revoke_device(ctx.store, ctx.user.id, DeviceId{*revoke_}, ctx.now());
      if (!revoked) return report(ctx.io, revoked.error());
      ctx.io.out << fmt::format("Revoked {}: it no longer reaches daybreak.\n", revoked->name);
      return kOk;
    }
    const auto devices = list_devices(ctx.store, ctx.user.id);
    if (devices.empty()) {
      ctx.io.out << "No device is paired. To use daybreak from your phone: daybreak serve --pair\n";
      return kOk;
    }
    for (const auto& d : devices) {
      std::string status = "paired " + local_stamp(d.created_at, ctx.zone);
      if (d.last_seen_at) status += ", last seen " + local_stamp(*d.last_seen_at, ctx.zone);
      if (d.revoked_at) status += ", revoked " + local_stamp(*d.revoked_at, ctx.zone);
      ctx.io.out << fmt::format("{:>3}  {}  ({})\n", d.id.value, d.name, status);
    }
    return kOk;
  }

 private:
  std::optional<std::int64_t> revoke_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> serve_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ServeCommand>());
  commands.push_back(std::make_unique<DevicesCommand>());
  return commands;
}

}  // namespace daybreak
