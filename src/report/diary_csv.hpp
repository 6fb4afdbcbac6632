// The diary as CSV: one row per entry, one column per field (see entry_fields.hpp).
// Export then import gives back the same diary: every field, in the same words.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/diary_entry.hpp"
#include "domain/field_error.hpp"
#include "domain/result.hpp"

namespace daybreak {

// The header: id, date, period, every diary field, created_at, updated_at.
[[nodiscard]] std::vector<std::string> diary_csv_columns();

[[nodiscard]] std::string diary_to_csv(const std::vector<DiaryEntry>& entries, const TimeZone& zone);

struct CsvEntry {
  std::size_t line = 0;
  LocalDate date;
  Period period = Period::morning;
  DiaryFields fields;
  std::optional<Instant> created_at;  // kept on import; updated_at is informational
  std::optional<EntryId> id;          // kept on import where this diary has no entry with that number
};

struct CsvProblem {
  std::size_t line = 0;
  FieldError error;
  [[nodiscard]] std::string message() const;  // "line 7: pain: '11' is not allowed; ..."
};

// Reads and validates every row. Any problem anywhere means no entries: the
// caller gets every problem of the file, so it can be fixed in one go.
[[nodiscard]] Result<std::vector<CsvEntry>, std::vector<CsvProblem>> diary_from_csv(std::string_view text,
                                                                                    const TimeZone& zone);

}  // namespace daybreak
