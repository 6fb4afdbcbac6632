// libFuzzer target for content files (exercises and programs in TOML), as a
// physiotherapist would write them. Beyond "does not crash": every problem
// names its file, and loading never half-succeeds.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/library_loader.hpp"

namespace {

// The built-in exercises and programs stand beside the fuzzed file, so that
// references into the library resolve and the checks after parsing run too.
// They are parsed once: parsing all of them for every input held the target
// under a hundred executions a second.
std::vector<daybreak::ParsedContentFile> base_files() {
  std::vector<daybreak::ParsedContentFile> files;
  for (const auto& f : daybreak::builtin_content_files()) files.push_back(daybreak::parse_content_file(f));
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace daybreak;
  static const std::vector<ParsedContentFile> base = base_files();
  if (size < 1) return 0;
  std::vector<ParsedContentFile> files = base;
  // The first byte says whether the text is a new exercise or replaces the first program.
  const ContentFile fuzzed{data[0] % 2 == 0 ? "exercises/fuzzed.toml" : "programs/fuzzed.toml",
                           std::string(reinterpret_cast<const char*>(data + 1), size - 1)};
  if (data[0] % 2 == 0) {
    files.push_back(parse_content_file(fuzzed));
  } else {
    const auto program = std::find_if(files.begin(), files.end(),
                                      [](const ParsedContentFile& f) { return f.name.starts_with("programs/"); });
    if (program != files.end()) *program = parse_content_file(fuzzed);
  }
  const auto loaded = load_parsed_content(files);
  if (!loaded) {
    if (loaded.error().empty()) __builtin_trap();
    for (const auto& e : loaded.error()) {
      if (e.file.empty() || e.text().empty()) __builtin_trap();
    }
  }
  return 0;
}
