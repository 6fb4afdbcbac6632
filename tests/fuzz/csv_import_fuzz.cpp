// libFuzzer target for the CSV importer. Beyond "does not crash", it checks a
// property: whatever the importer accepts, exporting it and importing the
// export gives back the same entries.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "berlin.hpp"
#include "domain/utc_zone.hpp"
#include "report/diary_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace daybreak;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = diary_from_csv(text, fuzz::berlin());
  if (!parsed) {
    for (const auto& problem : parsed.error()) {
      if (problem.message().empty()) __builtin_trap();
    }
    return 0;
  }
  std::vector<DiaryEntry> entries;
  for (const auto& row : *parsed) {
    DiaryEntry e;
    e.id = EntryId{static_cast<std::int64_t>(entries.size()) + 1};
    e.date = row.date;
    e.period = row.period;
    e.fields = row.fields;
    e.created_at = row.created_at.value_or(Instant{});
    entries.push_back(e);
  }
  const auto again = diary_from_csv(diary_to_csv(entries, fuzz::berlin()), fuzz::berlin());
  if (!again || again->size() != entries.size()) __builtin_trap();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if ((*again)[i].fields != entries[i].fields || (*again)[i].date != entries[i].date ||
        (*again)[i].period != entries[i].period || (*again)[i].id != entries[i].id) {
      __builtin_trap();
    }
  }
  return 0;
}
