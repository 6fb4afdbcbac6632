// RFC 4180 CSV: reading with libcsv in strict mode, and writing with CRLF line ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

namespace daybreak {

struct CsvRecord {
  std::size_t line = 0;  // the physical line the record starts on, from 1
  std::vector<std::string> fields;
};

struct CsvSyntaxError {
  std::size_t line = 0;
  std::string message;
};

// Parses a whole document. Blank lines are skipped. A UTF-8 byte order mark is accepted.
[[nodiscard]] Result<std::vector<CsvRecord>, CsvSyntaxError> read_csv(std::string_view text);

// Appends one record, quoting fields that need it, ending with CRLF.
void append_csv_record(std::string& out, const std::vector<std::string>& fields);

}  // namespace daybreak
