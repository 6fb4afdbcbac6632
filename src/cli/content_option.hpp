// The --content DIR option (or $DAYBREAK_CONTENT) of the commands that use
// exercises and programs: a folder of content files in place of the built-in
// content. docs/content-authoring.md says how to write one.
#pragma once

#include <optional>
#include <string>

#include "app/app_error.hpp"
#include "exercise/library.hpp"

namespace CLI {
class App;
}

namespace daybreak {

class ContentOption {
 public:
  void add_to(CLI::App& sub);
  // The content, or why it cannot be used (every problem, up to a limit).
  [[nodiscard]] AppResult<ContentLibrary> load() const;

 private:
  std::optional<std::string> dir_;
};

// "built-in content" or "the content in DIR".
[[nodiscard]] std::string content_name(const std::optional<std::string>& dir);

}  // namespace daybreak
