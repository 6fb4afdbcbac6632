#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "e2e/golden.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + " (no newline at end)");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

}  // namespace

GoldenScript parse_golden(const std::string& text) {
  GoldenScript script;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    script.lines.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  bool in_step = false;
  for (std::size_t i = 0; i < script.lines.size(); ++i) {
    const std::string& line = script.lines[i];
    if (line.rfind("  $ ", 0) == 0) {
      script.steps.push_back({i + 1, line.substr(4), {}});
      in_step = true;
    } else if (in_step && line.rfind("  ", 0) == 0) {
      script.steps.back().expected.push_back(line.substr(2));
    } else {
      in_step = false;
    }
  }
  return script;
}

std::vector<std::vector<std::string>> run_golden(const GoldenScript& script, const std::filesystem::path& dir) {
  const std::filesystem::path binary = DAYBREAK_BINARY;
  ProcessOptions options{dir, test_environment(dir, binary.parent_path()), ""};
  // Input files for transcripts (bad content folders...): $FIXTURES/...
  options.env.push_back("FIXTURES=" + (std::filesystem::path(DAYBREAK_GOLDEN_DIR).parent_path() / "fixtures").string());
  std::vector<std::vector<std::string>> outputs;
  for (const auto& step : script.steps) {
    const ProcessResult r = run_shell(step.command, options);
    std::vector<std::string> lines;
    for (auto& l : split_lines(replace_all(r.out, dir.string(), "$TMP"))) lines.push_back(std::move(l));
    for (auto& l : split_lines(replace_all(r.err, dir.string(), "$TMP"))) lines.push_back("! " + l);
    if (r.exit_code != 0)
      lines.push_back(r.signal != 0 ? "[signal " + std::to_string(r.signal) + "]"
                                    : "[" + std::to_string(r.exit_code) + "]");
    outputs.push_back(std::move(lines));
  }
  return outputs;
}

std::string render_golden(const GoldenScript& script, const std::vector<std::vector<std::string>>& actual) {
  std::string out;
  std::size_t step = 0;
  bool skipping = false;
  for (std::size_t i = 0; i < script.lines.size(); ++i) {
    const std::string& line = script.lines[i];
    if (skipping && line.rfind("  ", 0) == 0 && line.rfind("  $ ", 0) != 0) continue;
    skipping = false;
    out += line + "\n";
    if (line.rfind("  $ ", 0) == 0) {
      for (const auto& l : actual[step]) out += "  " + l + "\n";
      ++step;
      skipping = true;
    }
  }
  return out;
}

namespace {

std::vector<std::string> golden_files() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(DAYBREAK_GOLDEN_DIR)) {
    if (entry.path().extension() == ".t") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, TranscriptMatches) {
  const auto path = std::filesystem::path(DAYBREAK_GOLDEN_DIR) / (GetParam() + ".t");
  const GoldenScript script = parse_golden(read_file(path));
  ASSERT_FALSE(script.steps.empty()) << path << " has no commands";
  TempDir dir;
  const auto actual = run_golden(script, dir.path());
  const char* update = std::getenv("DAYBREAK_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    write_file(path, render_golden(script, actual));
    return;
  }
  for (std::size_t i = 0; i < script.steps.size(); ++i) {
    EXPECT_EQ(actual[i], script.steps[i].expected)
        << path.filename().string() << ":" << script.steps[i].line << ": $ " << script.steps[i].command;
  }
}

INSTANTIATE_TEST_SUITE_P(Transcripts, Golden, ::testing::ValuesIn(golden_files()), [](const auto& p) {
  std::string name = p.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

}  // namespace
}  // namespace daybreak::testing
