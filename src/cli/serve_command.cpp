// `daybreak serve` hands over to daybreak-serve, the executable next to this
// one that holds the HTTP server and the web app. The server needs shared C++
// libraries (date/tz for many time zones) that would double the start-up time
// of every other command if this binary linked them.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "cli/command.hpp"

namespace daybreak {
namespace {

constexpr std::string_view kServer = "daybreak-serve";

class ServeCommand final : public Command {
 public:
  std::string_view name() const override { return "serve"; }
  std::string_view summary() const override {
    return "start the web app and the HTTP API on this computer (http://127.0.0.1:8765)";
  }
  bool writes() const override { return true; }
  void configure(CLI::App& sub) override {
    // Every argument, --help included, is daybreak-serve's to read.
    sub.prefix_command();
    sub.allow_extras();
    sub.set_help_flag();
    sub_ = &sub;
  }

  int run(CommandContext& ctx) override {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const auto server = self.parent_path() / kServer;
    std::vector<std::string> args = {"daybreak", "--data-dir", ctx.data_dir.string(), "serve"};
    for (const auto& a : sub_->remaining()) args.push_back(a);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ctx.io.out.flush();
    ctx.io.err.flush();
    std::cout.flush();
    ::execv(server.c_str(), argv.data());
    ctx.io.err << fmt::format("daybreak: cannot start {}: {}; it belongs next to this daybreak, in {}\n",
                              server.string(), std::strerror(errno), self.parent_path().string());
    return kNotFound;
  }

 private:
  CLI::App* sub_ = nullptr;
};

}  // namespace

std::vector<std::unique_ptr<Command>> serve_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<ServeCommand>());
  return commands;
}

}  // namespace daybreak
