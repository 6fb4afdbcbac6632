#include "report/csv.hpp"

#include <algorithm>
#include <optional>

#include <csv.h>
#include <fmt/format.h>

namespace daybreak {
namespace {

// Collects libcsv's callbacks into records and counts physical lines, including
// line breaks inside quoted fields, so errors can name the line.
struct Collector {
  std::vector<CsvRecord> records;
  std::vector<std::string> fields;
  std::size_t line = 1;         // current physical line
  std::size_t record_line = 1;  // where the record being collected started

  static void on_field(void* data, std::size_t len, void* self) {
    auto* c = static_cast<Collector*>(self);
    const auto* p = static_cast<const char*>(data);
    if (c->fields.empty()) c->record_line = c->line;
    c->fields.emplace_back(p == nullptr ? "" : std::string(p, len));
    c->line += static_cast<std::size_t>(std::count(c->fields.back().begin(), c->fields.back().end(), '\n'));
  }
  static void on_record_end(int terminator, void* self) {
    auto* c = static_cast<Collector*>(self);
    // With CSV_REPALL_NL every CR and LF arrives here; only LF ends a line.
    if (!c->fields.empty()) {
      c->records.push_back({c->record_line, std::move(c->fields)});
      c->fields.clear();
    }
    if (terminator == '\n') ++c->line;
  }
};

}  // namespace

Result<std::vector<CsvRecord>, CsvSyntaxError> read_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    return fail(CsvSyntaxError{0, "cannot start the CSV parser"});
  }
  Collector c;
  const std::size_t used =
      csv_parse(&parser, text.data(), text.size(), &Collector::on_field, &Collector::on_record_end, &c);
  std::optional<CsvSyntaxError> error;
  if (used != text.size()) {
    // Count lines up to where parsing stopped.
    const auto line =
        1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(used), '\n'));
    error = CsvSyntaxError{line, "malformed: a quote inside an unquoted field, or text after a closing quote"};
  } else if (csv_fini(&parser, &Collector::on_field, &Collector::on_record_end, &c) != 0) {
    error = CsvSyntaxError{c.record_line, "malformed: a quoted field is never closed"};
  }
  csv_free(&parser);
  if (error) return fail(std::move(*error));
  return std::move(c.records);
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char ch : f) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  out += "\r\n";
}

}  // namespace daybreak
