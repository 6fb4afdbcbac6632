// Reading content files (TOML, with toml++) so that every problem names the
// file, line, field and what would be allowed, and unknown keys are errors.
// Shared by everything daybreak loads as data: exercises, programs,
// questionnaires.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/choices.hpp"
#include "domain/result.hpp"

namespace toml {
inline namespace v3 {
class table;
class node;
}  // namespace v3
}  // namespace toml

namespace daybreak {

struct ContentError {
  std::string file;
  std::size_t line = 0;  // 0 when unknown
  std::size_t column = 0;
  std::string field;                 // dotted path, e.g. "exercise.dose.sets"
  std::optional<std::string> value;  // as written; nullopt when missing
  std::string allowed;

  // "content/exercises/core.toml:12:3: exercise.dose.sets: '12' is not allowed; allowed: 1 to 10"
  [[nodiscard]] std::string text() const;
  bool operator==(const ContentError&) const = default;
};
using ContentErrors = std::vector<ContentError>;

// A parsed TOML document. Keeps the tree alive for the readers made from it.
class TomlDocument {
 public:
  // Syntax errors come back as one ContentError with the parser's position.
  [[nodiscard]] static Result<TomlDocument, ContentError> parse(std::string_view text, std::string file_name);
  [[nodiscard]] static Result<TomlDocument, ContentError> load(const std::filesystem::path& path);

  [[nodiscard]] const toml::table& root() const { return *root_; }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  TomlDocument(std::shared_ptr<const toml::table> root, std::string file);
  std::shared_ptr<const toml::table> root_;
  std::string file_;
};

// Reads one table. Every accessor reports a missing, mistyped or out-of-range
// value to the shared error list and returns nullopt; `finish()` reports the
// keys nobody asked for.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, std::string path, ContentErrors& errors);
  TableReader(const TomlDocument& document, ContentErrors& errors);

  enum class Need { required, optional };

  [[nodiscard]] std::optional<std::string> text(std::string_view key, Need need = Need::required,
                                                std::size_t max_length = 200);
  [[nodiscard]] std::optional<std::int64_t> integer(std::string_view key, std::int64_t lo, std::int64_t hi,
                                                    Need need = Need::required);
  [[nodiscard]] std::optional<bool> boolean(std::string_view key, Need need = Need::required);
  // A number, whole or decimal, in [lo, hi] (questionnaire weights and thresholds).
  [[nodiscard]] std::optional<double> number(std::string_view key, double lo, double hi, Need need = Need::required);
  // A number, or a list of numbers (any count; the caller checks it).
  [[nodiscard]] std::optional<std::vector<double>> numbers(std::string_view key, Need need = Need::required);
  // An array of strings, each at most `max_length` characters.
  [[nodiscard]] std::optional<std::vector<std::string>> texts(std::string_view key, Need need = Need::required,
                                                              std::size_t max_length = 200);
  // A word of a closed vocabulary (see domain/choices.hpp).
  template <class E>
  [[nodiscard]] std::optional<E> choice(std::string_view key, Need need = Need::required) {
    const auto word = word_of(key, need, one_of(Vocabulary<E>::names.begin(), Vocabulary<E>::names.end()));
    if (!word) return std::nullopt;
    if (const auto v = parse_choice<E>(*word)) return v;
    problem(key, *word, one_of(Vocabulary<E>::names.begin(), Vocabulary<E>::names.end()));
    return std::nullopt;
  }
  [[nodiscard]] std::optional<TableReader> table(std::string_view key, Need need = Need::required);
  // An array of tables ([[key]] in TOML).
  [[nodiscard]] std::optional<std::vector<TableReader>> tables(std::string_view key, Need need = Need::required);

  // True if the key is present (and marks it as used).
  [[nodiscard]] bool has(std::string_view key);
  // Reports a problem with `key` (or with the table itself when `key` is empty).
  void problem(std::string_view key, std::optional<std::string> value, std::string allowed);
  // The problem problem() would report, without reporting it: for checks that
  // can only be made later (a reference to an exercise in another file).
  [[nodiscard]] ContentError problem_at(std::string_view key, std::optional<std::string> value,
                                        std::string allowed) const;
  // Reports every key that no accessor asked for.
  void finish();

  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] std::size_t line() const;

 private:
  const toml::node* find(std::string_view key);
  std::optional<std::string> word_of(std::string_view key, Need need, const std::string& allowed);
  template <class It>
  static std::string one_of(It first, It last) {
    std::string out = "one of: ";
    for (It it = first; it != last; ++it) out += (it == first ? "" : ", ") + std::string(*it);
    return out;
  }
  [[nodiscard]] std::string field(std::string_view key) const;

  const toml::table* table_;
  std::string file_;
  std::string path_;
  ContentErrors* errors_;
  std::set<std::string, std::less<>> used_;
};

}  // namespace daybreak
