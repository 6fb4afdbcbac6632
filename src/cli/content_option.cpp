#include "cli/content_option.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "content/library_loader.hpp"

namespace daybreak {
namespace {

constexpr std::size_t kProblemsShown = 20;

}  // namespace

std::string content_name(const std::optional<std::string>& dir) {
  return dir ? fmt::format("the content in {}", *dir) : std::string("the built-in content");
}

void ContentOption::add_to(CLI::App& sub) {
  sub.add_option("--content", dir_, "use the exercises and programs in DIR instead of the built-in ones")
      ->type_name("DIR")
      ->envname("DAYBREAK_CONTENT");
}

AppResult<ContentLibrary> ContentOption::load() const {
  const bool custom = dir_ && !dir_->empty();
  auto loaded = custom ? load_content_dir(*dir_) : load_builtin_content();
  if (loaded) return std::move(loaded).value();
  const ContentErrors& problems = loaded.error();
  AppError error =
      invalid(fmt::format("{} has {} problem{}; nothing was done", content_name(custom ? dir_ : std::nullopt),
                          problems.size(), problems.size() == 1 ? "" : "s"));
  for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) error.details.push_back(problems[i].text());
  if (problems.size() > kProblemsShown) {
    error.details.push_back(fmt::format("... and {} more: `daybreak content check {}` lists them all",
                                        problems.size() - kProblemsShown, dir_.value_or("")));
  }
  return fail(std::move(error));
}

}  // namespace daybreak
