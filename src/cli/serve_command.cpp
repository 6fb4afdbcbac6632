// `daybreak serve`: the web app and the HTTP API on this computer, in this
// process. Diary days follow the person's zone as the CLI fixed it at start-up
// (ProcessZone, the C library's), served through a SingleZoneProvider.
#include <csignal>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"
#include "cli/content_option.hpp"
#include "cli/progression_hook.hpp"
#include "platform/zone_provider.hpp"
#include "server/http_server.hpp"
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
  void configure(CLI::App& sub) override {
    sub.add_option("--address", options_.address,
                   "where to listen: 127.0.0.1 (default), ::1 or localhost; other addresses are refused until "
                   "daybreak has sign-in")
        ->type_name("ADDR");
    sub.add_option("--port", port_, "the TCP port (default 8765; 0 picks a free one)")
        ->type_name("PORT")
        ->check(CLI::Range(0, 65535));
    sub.add_option("--threads", options_.threads, "threads serving requests (default 8)")
        ->type_name("N")
        ->check(CLI::Range(1, 64));
    sub.add_flag("--list-routes", list_routes_, "print every route of the API and exit");
    content_.add_to(sub);
    sub.footer(
        "Open the address it prints in a browser, on this computer. Everything stays here:\n"
        "the web app is built into daybreak and talks only to it. Ctrl-C stops it.");
  }

  int run(CommandContext& ctx) override {
    if (auto why = http::refuse_address(options_.address)) {
      ctx.io.err << "daybreak: " << *why << "\n";
      return kInvalid;
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
    const ApiContext api(ctx.store, ctx.clock, zones, *content, DAYBREAK_VERSION,
                         ApiSettings{.progression = *progression,
                                     .wording_dir = ctx.data_dir / "wording",
                                     .paper = paper_for_locale(ctx.paper_locale)});
    const http::Router router = make_router(api, embedded::web_assets());
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

    options_.port = static_cast<std::uint16_t>(port_);
    ctx.store.open_reader();  // reads on their own connection, never behind a write's fsync
    http::HttpServer server(router, options_);
    std::uint16_t port = 0;
    try {
      port = server.start();
    } catch (const http::ServerError& e) {
      ctx.io.err << "daybreak: " << e.what() << "\n";
      return kInvalid;
    }
    const bool v6 = options_.address.find(':') != std::string::npos;
    ctx.io.out << fmt::format("daybreak is running at http://{}:{}/\n",
                              v6 ? "[" + options_.address + "]" : options_.address, port)
               << std::flush;
    ctx.io.err << "Open it in your browser. Press Ctrl-C to stop.\n" << std::flush;
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
    ctx.io.err << "daybreak stopped.\n";
    return kOk;
  }

 private:
  http::ServerOptions options_;
  int port_ = 8765;
  bool list_routes_ = false;
  ContentOption content_;
};

}  // namespace

std::vector<std::unique_ptr<Command>> serve_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ServeCommand>());
  return commands;
}

}  // namespace daybreak
