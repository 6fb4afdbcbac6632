// Keeps the documentation honest: every subcommand has a golden transcript,
// and the README's examples are run and must print what the README shows.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "e2e/golden.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

std::vector<std::string> subcommands() {
  TempDir dir;
  const std::filesystem::path binary = DAYBREAK_BINARY;
  const auto help = run_shell("daybreak --help", {dir.path(), test_environment(dir.path(), binary.parent_path()), ""});
  std::vector<std::string> names;
  const std::string marker = "Subcommands:\n";
  const auto start = help.out.find(marker);
  EXPECT_NE(start, std::string::npos) << help.out;
  const std::regex line(R"(^  ([a-z]+) )");
  std::smatch m;
  std::string rest = help.out.substr(start + marker.size());
  std::istringstream in(rest);
  for (std::string l; std::getline(in, l) && !l.empty();) {
    if (std::regex_search(l, m, line)) names.push_back(m[1]);
  }
  return names;
}

TEST(CliMeta, EverySubcommandHasAGoldenTranscript) {
  std::set<std::string> covered;
  for (const auto& entry : std::filesystem::directory_iterator(DAYBREAK_GOLDEN_DIR)) {
    for (const auto& step : parse_golden(read_file(entry.path())).steps) {
      std::smatch m;
      static const std::regex word(R"(daybreak (?:--data-dir \S+ )?([a-z]+))");
      for (auto it = std::sregex_iterator(step.command.begin(), step.command.end(), word); it != std::sregex_iterator();
           ++it) {
        covered.insert((*it)[1]);
      }
    }
  }
  const auto names = subcommands();
  EXPECT_GE(names.size(), 14U);
  for (const auto& name : names)
    EXPECT_TRUE(covered.contains(name)) << "no golden transcript runs `daybreak " << name << "`";
}

// README console blocks: "$ command" lines followed by what they print, stdout
// and stderr together as a terminal shows them (exit codes are in the prose).
TEST(CliMeta, ReadmeExamplesRunAndPrintWhatTheReadmeShows) {
  const std::string readme = read_file(DAYBREAK_README);
  std::string script = "README examples\n";
  std::size_t blocks = 0;
  for (std::size_t pos = readme.find("```console\n"); pos != std::string::npos;
       pos = readme.find("```console\n", pos + 1)) {
    const std::size_t start = pos + 11;
    const std::size_t end = readme.find("```", start);
    std::istringstream in(readme.substr(start, end - start));
    for (std::string l; std::getline(in, l);) script += "  " + l + "\n";
    script += "\n";
    ++blocks;
  }
  ASSERT_GT(blocks, 0U) << "the README has no ```console examples";
  const GoldenScript parsed = parse_golden(script);
  TempDir dir;
  const auto actual = run_golden(parsed, dir.path());
  for (std::size_t i = 0; i < parsed.steps.size(); ++i) {
    std::vector<std::string> shown;
    for (const auto& line : actual[i]) {
      if (line.rfind("[", 0) == 0) continue;
      shown.push_back(line.rfind("! ", 0) == 0 ? line.substr(2) : line);
    }
    EXPECT_EQ(shown, parsed.steps[i].expected) << "README example: $ " << parsed.steps[i].command;
  }
}

}  // namespace
}  // namespace daybreak::testing
