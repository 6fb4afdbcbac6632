#include "content/toml_reader.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>

// toml++ as a header-only library: the Debian shared library would pull the
// shared C++ runtime back into the statically linked release build.
//
// Its internal checks are switched off, in every build: toml++ 3.3 asserts,
// or with NDEBUG *assumes*, that a table header starts with a key character,
// so "[%]" aborted the debug build and was undefined behaviour in release
// (found by toml_content_fuzz). Without the check its parser reports the
// bad key as a syntax error. This is the only file that includes toml++.
#pragma push_macro("NDEBUG")
#undef NDEBUG
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>
#pragma pop_macro("NDEBUG")

#include "domain/text.hpp"

namespace daybreak {
namespace {

std::string shown(const toml::node& node) {
  if (const auto* s = node.as_string()) return s->get();
  if (node.is_table()) return "a table";
  if (node.is_array()) return "a list";
  std::ostringstream out;
  node.visit([&](const auto& value) {
    if constexpr (toml::is_value<decltype(value)>) out << value;
  });
  return out.str();
}

// Where a byte outside ASCII stands outside any string or comment, as
// {line, column}. TOML allows none there, and toml++ 3.3 reaches undefined
// behaviour (an "unreachable" in its Unicode whitespace tables) on some of
// them, such as U+3001 (found by toml_content_fuzz); so such a file is
// refused before toml++ sees it.
std::optional<std::pair<std::size_t, std::size_t>> stray_non_ascii(std::string_view text) {
  enum class In { code, comment, basic, literal, multi_basic, multi_literal };
  In in = In::code;
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < text.size(); ++i, ++column) {
    const char c = text[i];
    const auto starts = [&](std::string_view s) { return text.substr(i, s.size()) == s; };
    if (c == '\n') {
      ++line;
      column = 0;
      if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
      continue;
    }
    switch (in) {
      case In::code:
        if (static_cast<unsigned char>(c) >= 0x80) return std::pair{line, column};
        if (c == '#') {
          in = In::comment;
        } else if (starts("\"\"\"")) {
          in = In::multi_basic;
          i += 2;
          column += 2;
        } else if (starts("'''")) {
          in = In::multi_literal;
          i += 2;
          column += 2;
        } else if (c == '"') {
          in = In::basic;
        } else if (c == '\'') {
          in = In::literal;
        }
        break;
      case In::basic:
      case In::multi_basic:
        if (c == '\\') {
          ++i;  // the escaped character (a newline after it is counted below only if it is one)
          if (i < text.size() && text[i] == '\n') {
            ++line;
            column = 0;
          } else {
            ++column;
          }
        } else if (in == In::basic && c == '"') {
          in = In::code;
        } else if (in == In::multi_basic && starts("\"\"\"")) {
          in = In::code;
          i += 2;
          column += 2;
        }
        break;
      case In::literal:
        if (c == '\'') in = In::code;
        break;
      case In::multi_literal:
        if (starts("'''")) {
          in = In::code;
          i += 2;
          column += 2;
        }
        break;
      case In::comment:
        break;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string ContentError::text() const {
  std::string where = file;
  if (line > 0) where += fmt::format(":{}:{}", line, column);
  if (!value) return fmt::format("{}: {}: missing; allowed: {}", where, field, allowed);
  return fmt::format("{}: {}: '{}' is not allowed; allowed: {}", where, field, *value, allowed);
}

TomlDocument::TomlDocument(std::shared_ptr<const toml::table> root, std::string file)
    : root_(std::move(root)), file_(std::move(file)) {}

Result<TomlDocument, ContentError> TomlDocument::parse(std::string_view text, std::string file_name) {
  if (const auto at = stray_non_ascii(text)) {
    return fail(ContentError{file_name, at->first, at->second, "toml",
                             "a character outside ASCII outside quotes and comments",
                             "valid TOML (see toml.io): letters beyond ASCII only inside quotes or after #"});
  }
  try {
    auto table = std::make_shared<const toml::table>(toml::parse(text, file_name));
    return TomlDocument(std::move(table), std::move(file_name));
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return fail(ContentError{file_name, where.line, where.column, "toml", std::string(e.description()),
                             "valid TOML (see toml.io)"});
  }
}

Result<TomlDocument, ContentError> TomlDocument::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ContentError{path.string(), 0, 0, "file", std::nullopt, "a readable file"});
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string());
}

TableReader::TableReader(const toml::table& table, std::string file, std::string path, ContentErrors& errors)
    : table_(&table), file_(std::move(file)), path_(std::move(path)), errors_(&errors) {}

TableReader::TableReader(const TomlDocument& document, ContentErrors& errors)
    : TableReader(document.root(), document.file(), "", errors) {}

std::string TableReader::field(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  if (key.empty()) return path_;
  return path_ + "." + std::string(key);
}

std::size_t TableReader::line() const { return table_->source().begin.line; }

const toml::node* TableReader::find(std::string_view key) {
  used_.emplace(key);
  return table_->get(key);
}

bool TableReader::has(std::string_view key) { return find(key) != nullptr; }

void TableReader::problem(std::string_view key, std::optional<std::string> value, std::string allowed) {
  errors_->push_back(problem_at(key, std::move(value), std::move(allowed)));
}

ContentError TableReader::problem_at(std::string_view key, std::optional<std::string> value,
                                     std::string allowed) const {
  const toml::node* node = key.empty() ? nullptr : table_->get(key);
  const auto& where = node != nullptr ? node->source().begin : table_->source().begin;
  return {file_, where.line, where.column, field(key), std::move(value), std::move(allowed)};
}

std::optional<std::string> TableReader::text(std::string_view key, Need need, std::size_t max_length) {
  const std::string allowed = fmt::format("text of 1 to {} characters", max_length);
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  const auto* s = node->as_string();
  const auto length = s != nullptr ? utf8_length(s->get()) : std::nullopt;
  if (s == nullptr || !length || *length == 0 || *length > max_length || has_control_chars(s->get(), "\n")) {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  return s->get();
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t lo, std::int64_t hi, Need need) {
  const std::string allowed = fmt::format("a whole number from {} to {}", lo, hi);
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  const auto* v = node->as_integer();
  if (v == nullptr || v->get() < lo || v->get() > hi) {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  return v->get();
}

std::optional<double> TableReader::number(std::string_view key, double lo, double hi, Need need) {
  const std::string allowed = fmt::format("a number from {} to {}", lo, hi);
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  std::optional<double> v;
  if (const auto* i = node->as_integer()) v = static_cast<double>(i->get());
  if (const auto* f = node->as_floating_point()) v = f->get();
  if (!v || !(*v >= lo && *v <= hi)) {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  return v;
}

std::optional<std::vector<double>> TableReader::numbers(std::string_view key, Need need) {
  const std::string allowed = "a number, or a list of numbers";
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  const auto as_number = [](const toml::node& n) -> std::optional<double> {
    if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
    if (const auto* f = n.as_floating_point()) return f->get();
    return std::nullopt;
  };
  std::vector<double> out;
  if (const auto* array = node->as_array()) {
    for (const auto& item : *array) {
      const auto v = as_number(item);
      if (!v || !std::isfinite(*v)) {
        problem(key, shown(*node), allowed);
        return std::nullopt;
      }
      out.push_back(*v);
    }
  } else if (const auto v = as_number(*node); v && std::isfinite(*v)) {
    out.push_back(*v);
  } else {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  return out;
}

std::optional<bool> TableReader::boolean(std::string_view key, Need need) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, "true or false");
    return std::nullopt;
  }
  const auto* v = node->as_boolean();
  if (v == nullptr) {
    problem(key, shown(*node), "true or false");
    return std::nullopt;
  }
  return v->get();
}

std::optional<std::vector<std::string>> TableReader::texts(std::string_view key, Need need, std::size_t max_length) {
  const std::string allowed = fmt::format("a list of texts of 1 to {} characters", max_length);
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  const auto* array = node->as_array();
  if (array == nullptr) {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : *array) {
    const auto* s = item.as_string();
    const auto length = s != nullptr ? utf8_length(s->get()) : std::nullopt;
    if (s == nullptr || !length || *length == 0 || *length > max_length || has_control_chars(s->get(), "\n")) {
      const auto& where = item.source().begin;
      errors_->push_back({file_, where.line, where.column, field(key), shown(item), allowed});
      return std::nullopt;
    }
    out.push_back(s->get());
  }
  return out;
}

std::optional<std::string> TableReader::word_of(std::string_view key, Need need, const std::string& allowed) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, allowed);
    return std::nullopt;
  }
  const auto* s = node->as_string();
  if (s == nullptr) {
    problem(key, shown(*node), allowed);
    return std::nullopt;
  }
  return s->get();
}

std::optional<TableReader> TableReader::table(std::string_view key, Need need) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, "a table");
    return std::nullopt;
  }
  const auto* t = node->as_table();
  if (t == nullptr) {
    problem(key, shown(*node), "a table");
    return std::nullopt;
  }
  return TableReader(*t, file_, field(key), *errors_);
}

std::optional<std::vector<TableReader>> TableReader::tables(std::string_view key, Need need) {
  const toml::node* node = find(key);
  if (node == nullptr) {
    if (need == Need::required) problem(key, std::nullopt, "a list of tables ([[" + std::string(key) + "]])");
    return std::nullopt;
  }
  const auto* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    problem(key, shown(*node), "a list of tables ([[" + std::string(key) + "]])");
    return std::nullopt;
  }
  std::vector<TableReader> out;
  std::size_t i = 0;
  for (const auto& item : *array) {
    out.emplace_back(*item.as_table(), file_, fmt::format("{}[{}]", field(key), i++), *errors_);
  }
  return out;
}

void TableReader::finish() {
  for (const auto& [key, node] : *table_) {
    if (used_.contains(key.str())) continue;
    const auto& where = key.source().begin;
    errors_->push_back({file_, where.line, where.column, field(key.str()), std::string(key.str()),
                        "no such key here (check the spelling; see docs/content-authoring.md)"});
  }
}

}  // namespace daybreak
