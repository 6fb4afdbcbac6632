// Loads exercise and program content from TOML files and checks all of it:
// every problem names file, line, field and what is allowed; unknown keys,
// duplicate ids, references that do not resolve, doses out of bounds and
// flexion-loaded exercises in a morning routine are all errors.
// The schema is documented for authors in docs/content-authoring.md.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "content/toml_reader.hpp"
#include "exercise/library.hpp"

namespace daybreak {

// One content file: its name relative to the content folder, as shown in
// errors ("exercises/bird_dog.toml"), and its text.
struct ContentFile {
  std::string name;
  std::string text;
};

using ContentResult = Result<ContentLibrary, ContentErrors>;

// Files under exercises/ are exercises, under programs/ programs; any other
// name is an error. Errors come sorted by file and line.
[[nodiscard]] ContentResult load_content(std::span<const ContentFile> files, std::string_view shown_prefix = "");

// The same in two steps, for a caller that loads many variations of one set of
// files (the content fuzzer parses the built-in library once): parsing, then
// reading and checking what was parsed. `load_content` is both in turn.
struct ParsedContentFile {
  std::string name;
  Result<TomlDocument, ContentError> document;
};
[[nodiscard]] ParsedContentFile parse_content_file(const ContentFile& file, std::string_view shown_prefix = "");
[[nodiscard]] ContentResult load_parsed_content(std::span<const ParsedContentFile> files,
                                                std::string_view shown_prefix = "");

// Reads DIR/exercises/*.toml and DIR/programs/*.toml. Errors name files as DIR/...
[[nodiscard]] ContentResult load_content_dir(const std::filesystem::path& dir);

// The content built into daybreak (the content/ folder of the source tree).
[[nodiscard]] ContentResult load_builtin_content();
[[nodiscard]] std::vector<ContentFile> builtin_content_files();

// Where content comes from when nobody says otherwise.
inline constexpr std::string_view kBuiltinContentName = "built-in";

}  // namespace daybreak
