// How the CLI shows diary data to people. Machine formats (JSON, CSV) come
// from the domain and report modules; this is only the human view.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "app/diary.hpp"

namespace daybreak {

// "pain 4/10, stiffness 45 min, warning signs: stiffness, ache"
[[nodiscard]] std::string entry_summary(const DiaryFields& fields, const TimeZone& zone);
// "the morning of Monday 23 November 2026"
[[nodiscard]] std::string entry_title(LocalDate date, Period period);
// "2026-11-23 07:31" in the person's zone
[[nodiscard]] std::string local_stamp(Instant t, const TimeZone& zone);

void print_entry(std::ostream& out, const DiaryEntry& entry, const TimeZone& zone);
void print_revisions(std::ostream& out, const std::vector<EntryRevision>& revisions, const TimeZone& zone);
void print_day(std::ostream& out, LocalDate day, const std::vector<DiaryEntry>& entries, Instant now,
               const TimeZone& zone);
void print_history(std::ostream& out, const std::vector<DiaryEntry>& entries, LocalDate from, LocalDate to);
// One line per changed field: "pain: 4/10 -> 5/10".
[[nodiscard]] std::vector<std::string> field_changes(const DiaryFields& before, const DiaryFields& after,
                                                     const TimeZone& zone);

void print_json(std::ostream& out, const nlohmann::ordered_json& value);

}  // namespace daybreak
