// The diary fields as command-line options (--pain, --stiffness-minutes, ...),
// generated from the field catalogue, and the Draft they fill.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "domain/entry_fields.hpp"

namespace CLI {
class App;
}

namespace daybreak {

class FieldOptions {
 public:
  // Adds one option per field. With `clearable`, also --clear FIELD (for edit).
  void add_to(CLI::App& sub, bool clearable);
  // The values given on the command line, in catalogue order.
  [[nodiscard]] Draft draft() const;

 private:
  struct Given {
    const FieldInfo* field;
    std::vector<std::string> values;
    int flag_count = 0;
  };
  std::deque<Given> given_;  // stable addresses: CLI11 writes into them
  std::vector<std::string> clear_;
};

// "--stiffness-minutes" for a diary field or "--date"; a field that is an
// option of `command` (or of its chosen subcommand) as that option ("--b");
// other names unchanged.
[[nodiscard]] std::string option_name(std::string_view field, const CLI::App* command = nullptr);

}  // namespace daybreak
