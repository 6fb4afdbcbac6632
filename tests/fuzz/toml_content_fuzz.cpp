// libFuzzer target for content files (exercises and programs in TOML), as a
// physiotherapist would write them. Beyond "does not crash": every problem
// names its file, and loading never half-succeeds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "content/library_loader.hpp"

namespace {

// A built-in exercise or program stands beside the fuzzed file, so that
// references into the library resolve and the checks after parsing run too.
std::vector<daybreak::ContentFile> base_files() {
  std::vector<daybreak::ContentFile> files;
  for (auto& f : daybreak::builtin_content_files()) files.push_back(std::move(f));
  return files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace daybreak;
  static const std::vector<ContentFile> base = base_files();
  if (size < 1) return 0;
  std::vector<ContentFile> files = base;
  // The first byte says whether the text is a new exercise or replaces the first program.
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    files.push_back({"exercises/fuzzed.toml", text});
  } else {
    for (auto& f : files) {
      if (f.name.starts_with("programs/")) {
        f.text = text;
        break;
      }
    }
  }
  const auto loaded = load_content(files);
  if (!loaded) {
    if (loaded.error().empty()) __builtin_trap();
    for (const auto& e : loaded.error()) {
      if (e.file.empty() || e.text().empty()) __builtin_trap();
    }
  }
  return 0;
}
