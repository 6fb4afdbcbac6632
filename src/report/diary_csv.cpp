#include "report/diary_csv.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "domain/entry_fields.hpp"
#include "domain/text.hpp"
#include "report/csv.hpp"

namespace daybreak {
namespace {

constexpr std::string_view kId = "id";
constexpr std::string_view kDate = "date";
constexpr std::string_view kPeriod = "period";
constexpr std::string_view kCreated = "created_at";
constexpr std::string_view kUpdated = "updated_at";

std::string period_words() {
  std::vector<std::string> names(Vocabulary<Period>::names.begin(), Vocabulary<Period>::names.end());
  return "one of: " + join(names, ", ");
}

}  // namespace

std::string CsvProblem::message() const { return fmt::format("line {}: {}", line, error.message()); }

std::vector<std::string> diary_csv_columns() {
  std::vector<std::string> columns{std::string(kId), std::string(kDate), std::string(kPeriod)};
  for (const auto& f : diary_fields()) columns.emplace_back(f.name);
  columns.emplace_back(kCreated);
  columns.emplace_back(kUpdated);
  return columns;
}

std::string diary_to_csv(const std::vector<DiaryEntry>& entries, const TimeZone& zone) {
  std::string out;
  append_csv_record(out, diary_csv_columns());
  std::vector<std::string> row;
  for (const auto& e : entries) {
    row.clear();
    row.push_back(std::to_string(e.id.value));
    row.push_back(format_date(e.date));
    row.emplace_back(name_of(e.period));
    for (const auto& f : diary_fields()) row.push_back(field_text(e.fields, f, zone));
    row.push_back(format_utc(e.created_at));
    row.push_back(format_utc(e.updated_at));
    append_csv_record(out, row);
  }
  return out;
}

Result<std::vector<CsvEntry>, std::vector<CsvProblem>> diary_from_csv(std::string_view text, const TimeZone& zone) {
  auto records = read_csv(text);
  if (!records) {
    // The line it stopped at, as given (shortened), and what went wrong there.
    const auto& e = records.error();
    std::string_view rest = text;
    for (std::size_t n = 1; n < e.line && !rest.empty(); ++n) {
      const auto end = rest.find('\n');
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    std::string_view whole = rest.substr(0, rest.find('\n'));
    if (!whole.empty() && whole.back() == '\r') whole.remove_suffix(1);
    const std::string line(utf8_prefix(whole, 60));
    return fail(std::vector<CsvProblem>{
        {e.line,
         {"csv", line.empty() ? std::string("(an empty line)") : line,
          fmt::format("CSV as `daybreak export csv` writes it (RFC 4180); this is {}", e.message)}}});
  }
  std::vector<CsvProblem> problems;
  if (records->empty()) return fail(std::vector<CsvProblem>{{1, {"header", "", "a header row naming the columns"}}});

  // The header: known columns, each once; date, period and pain required.
  const CsvRecord& header = records->front();
  const auto known = diary_csv_columns();
  std::map<std::string, std::size_t> column_of;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string name = std::string(trim(header.fields[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      problems.push_back({header.line, {"header", name, "a column named " + join(known, ", ")}});
    } else if (!column_of.emplace(name, i).second) {
      problems.push_back({header.line, {"header", name, "each column once"}});
    }
  }
  for (const std::string_view required : {kDate, kPeriod, std::string_view("pain")}) {
    if (!column_of.contains(std::string(required))) {
      problems.push_back({header.line, {"header", "", fmt::format("a '{}' column", required)}});
    }
  }
  if (!problems.empty()) return fail(std::move(problems));

  std::vector<CsvEntry> entries;
  std::map<std::pair<LocalDate, Period>, std::size_t> seen;  // -> line
  std::map<long long, std::size_t> ids;                      // -> line
  for (std::size_t r = 1; r < records->size(); ++r) {
    const CsvRecord& record = (*records)[r];
    const auto report = [&](FieldError e) { problems.push_back({record.line, std::move(e)}); };
    if (record.fields.size() != header.fields.size()) {
      report({"row", fmt::format("{} fields", record.fields.size()),
              fmt::format("{} fields, one per column of the header", header.fields.size())});
      continue;
    }
    const auto cell = [&](std::string_view column) -> std::string_view {
      const auto it = column_of.find(std::string(column));
      return it == column_of.end() ? std::string_view() : trim(record.fields[it->second]);
    };

    CsvEntry entry;
    entry.line = record.line;
    const auto date = parse_date(cell(kDate));
    const auto period = parse_choice<Period>(cell(kPeriod));
    if (!date || *date < kFirstDiaryDay) {
      report({"date", std::string(cell(kDate)),
              fmt::format("a day from {} on, written YYYY-MM-DD", format_date(kFirstDiaryDay))});
    }
    if (!period) report({"period", std::string(cell(kPeriod)), period_words()});
    if (!cell(kId).empty()) {
      const auto id = parse_integer(cell(kId));
      if (id && *id > 0) {
        entry.id = EntryId{*id};
        if (const auto [at, first] = ids.emplace(*id, record.line); !first) {
          report({std::string(kId), std::string(cell(kId)),
                  fmt::format("each entry number once (line {} has the same)", at->second)});
        }
      } else {
        report({std::string(kId), std::string(cell(kId)), "an entry number (a whole number from 1), or nothing"});
      }
    }
    if (!cell(kCreated).empty()) {
      entry.created_at = parse_instant(cell(kCreated));
      if (!entry.created_at) {
        report({std::string(kCreated), std::string(cell(kCreated)), "a date and time such as 2026-11-23T06:30:00Z"});
      }
    }
    if (!date || *date < kFirstDiaryDay || !period) continue;
    entry.date = *date;
    entry.period = *period;

    const auto [it, first] = seen.emplace(std::pair{*date, *period}, record.line);
    if (!first) {
      report({"period", fmt::format("{} {}", format_date(*date), name_of(*period)),
              fmt::format("one row per day and period (line {} has the same)", it->second)});
      continue;
    }

    Draft draft;
    for (const auto& f : diary_fields()) {
      const auto column = column_of.find(std::string(f.name));
      if (column == column_of.end()) continue;
      const std::string& cell_text = record.fields[column->second];
      if (trim(cell_text).empty()) {
        draft.clear(f.name);  // an empty cell: no value
      } else {
        draft.set(f.name, cell_text);
      }
    }
    const TimeContext ctx{*date, *period, zone};
    FieldErrors errors = apply_draft(entry.fields, draft, ctx, DraftMode::create);
    if (errors.empty()) errors = check_fields(entry.fields, ctx);
    for (auto& e : errors) report(std::move(e));
    if (errors.empty()) entries.push_back(std::move(entry));
  }
  if (!problems.empty()) return fail(std::move(problems));
  return entries;
}

}  // namespace daybreak
