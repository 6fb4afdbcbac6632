// Files built into the daybreak binary (content, web assets): see cmake/Embed.cmake.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace daybreak {

struct EmbeddedFile {
  std::string_view path;  // relative to the bundle's root, '/'-separated
  std::string_view data;  // the bytes; also followed by a '\0' not counted here
};

// The file at `path` in a bundle, if any.
[[nodiscard]] inline std::optional<EmbeddedFile> find_embedded(std::span<const EmbeddedFile> bundle,
                                                               std::string_view path) {
  for (const auto& f : bundle) {
    if (f.path == path) return f;
  }
  return std::nullopt;
}

}  // namespace daybreak
