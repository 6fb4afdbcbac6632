// The open exports on the command line: `export fhir`, `import
// fhir` (the format choice lives with the CSV commands in data_commands.cpp)
// and `reminders`.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/app_error.hpp"
#include "app/fhir_transfer.hpp"
#include "cli/command.hpp"
#include "cli/content_option.hpp"

namespace CLI {
class App;
}

namespace daybreak {

// --from and --to: diary days, YYYY-MM-DD, today or yesterday.
class RangeOptions {
 public:
  void add_to(CLI::App& sub);
  [[nodiscard]] AppResult<DayRange> read(LocalDate today) const;
  // The options are for FHIR only: a refusal when given with another format.
  [[nodiscard]] std::optional<AppError> refuse_for(std::string_view format) const;

 private:
  std::optional<std::string> from_;
  std::optional<std::string> to_;
};

int export_fhir_command(CommandContext& ctx, const RangeOptions& range, const std::optional<std::string>& output);
int import_fhir_command(CommandContext& ctx, const std::string& text, bool replace, bool dry_run,
                        const ContentOption& content);

// `reminders`: the calendar file of the person's routines and checks.
[[nodiscard]] std::vector<std::unique_ptr<Command>> export_commands();

}  // namespace daybreak
