// Golden transcripts: a file of commands with the output they must give,
// readable on its own. The format (like cram's):
//
//   Free text is a comment.
//
//     $ daybreak log morning --pain 5
//     Logged the morning of ...          <- expected stdout
//     ! daybreak: ...                    <- expected stderr
//     [2]                                <- expected exit code, when not 0
//
// Each file runs in a fresh temporary directory with a fixed clock
// (2026-11-23 06:30 UTC), TZ=Europe/Berlin and its own DAYBREAK_HOME. The
// directory's path shows as $TMP; tests/e2e/fixtures is $FIXTURES, for input
// files. DAYBREAK_UPDATE_GOLDEN=1 rewrites the files
// with what the commands print now; review the diff before committing it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace daybreak::testing {

struct GoldenStep {
  std::size_t line = 0;  // of the command in the file
  std::string command;
  std::vector<std::string> expected;
};

struct GoldenScript {
  std::vector<std::string> lines;  // the whole file
  std::vector<GoldenStep> steps;
};

[[nodiscard]] GoldenScript parse_golden(const std::string& text);

// Runs every step in `dir`; returns what each printed, in the expected format.
[[nodiscard]] std::vector<std::vector<std::string>> run_golden(const GoldenScript& script,
                                                               const std::filesystem::path& dir);

// The file's text with each step's output replaced by `actual`.
[[nodiscard]] std::string render_golden(const GoldenScript& script,
                                        const std::vector<std::vector<std::string>>& actual);

}  // namespace daybreak::testing
