#include "cli/output.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/text.hpp"

namespace daybreak {
namespace {

// "45 min", "4/10", "yes": a field's value with its unit.
std::string value_with_unit(const DiaryFields& fields, const FieldInfo& f, const TimeZone& zone) {
  return field_display(fields, f, zone) + std::string(f.unit);
}

std::string labelled(const DiaryFields& fields, const FieldInfo& f, const TimeZone& zone) {
  switch (f.shape) {
    case FieldShape::flag:
      return std::string(f.label);
    case FieldShape::number:
    case FieldShape::time:
      return fmt::format("{} {}", f.label, value_with_unit(fields, f, zone));
    default:
      return fmt::format("{}: {}", f.label, value_with_unit(fields, f, zone));
  }
}

std::string shown_or_none(const DiaryFields& fields, const FieldInfo& f, const TimeZone& zone) {
  if (!field_is_set(fields, f)) return "(none)";
  return f.shape == FieldShape::flag ? "yes" : value_with_unit(fields, f, zone);
}

}  // namespace

std::string entry_summary(const DiaryFields& fields, const TimeZone& zone) {
  std::vector<std::string> parts;
  for (const auto& f : diary_fields()) {
    if (f.name == "note" || !field_is_set(fields, f)) continue;
    parts.push_back(labelled(fields, f, zone));
  }
  std::string out = join(parts, ", ");
  if (!fields.note.empty()) out += fmt::format(" - \"{}\"", shorten(fields.note, 43));  // 40 characters and "..."
  return out;
}

std::string entry_title(LocalDate date, Period period) {
  return fmt::format("the {} of {}", name_of(period), format_long_date(date));
}

std::string local_stamp(Instant t, const TimeZone& zone) {
  const LocalTime local = zone.to_local(t);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  return format_date(LocalDate{std::chrono::sys_days{day.time_since_epoch()}}) + " " + format_clock(local);
}

void print_entry(std::ostream& out, const DiaryEntry& e, const TimeZone& zone) {
  out << fmt::format("entry {}: {}\n", e.id.value, entry_title(e.date, e.period));
  // The values' column: after the longest label of any field and two spaces,
  // so that every entry shows its values in the same place.
  static const std::size_t column = [] {
    std::size_t longest = 0;
    for (const auto& f : diary_fields()) longest = std::max(longest, f.label.size());
    return longest + 2;
  }();
  for (const auto& f : diary_fields()) {
    if (!field_is_set(e.fields, f)) continue;
    std::string value = f.shape == FieldShape::flag ? "yes" : value_with_unit(e.fields, f, zone);
    // Indent continuation lines of a multi-line note under the value column.
    std::string indented;
    for (char c : value) {
      indented += c;
      if (c == '\n') indented += std::string(2 + column, ' ');
    }
    out << fmt::format("  {:<{}}{}\n", f.label, column, indented);
  }
  out << fmt::format("  recorded {}", local_stamp(e.created_at, zone));
  if (e.revision > 1) out << fmt::format(", changed {} (revision {})", local_stamp(e.updated_at, zone), e.revision);
  out << "\n";
}

std::vector<std::string> field_changes(const DiaryFields& before, const DiaryFields& after, const TimeZone& zone) {
  std::vector<std::string> lines;
  for (const auto& f : diary_fields()) {
    const std::string a = field_text(before, f, zone);
    const std::string b = field_text(after, f, zone);
    if (a == b) continue;
    lines.push_back(
        fmt::format("{}: {} -> {}", f.label, shown_or_none(before, f, zone), shown_or_none(after, f, zone)));
  }
  return lines;
}

void print_revisions(std::ostream& out, const std::vector<EntryRevision>& revisions, const TimeZone& zone) {
  static const std::map<RevisionOp, std::string_view> verbs = {
      {RevisionOp::create, "created"},  {RevisionOp::edit, "edited"},    {RevisionOp::replace, "replaced"},
      {RevisionOp::import, "imported"}, {RevisionOp::remove, "deleted"},
  };
  const EntryRevision* previous = nullptr;
  for (const auto& r : revisions) {
    out << fmt::format("revision {}: {} {} via {}\n", r.revision, verbs.at(r.op), local_stamp(r.recorded_at, zone),
                       r.actor.channel);
    if (previous == nullptr) {
      out << "  " << entry_summary(r.fields, zone) << "\n";
    } else if (r.op != RevisionOp::remove) {
      const auto changes = field_changes(previous->fields, r.fields, zone);
      if (changes.empty()) out << "  (no change)\n";
      for (const auto& line : changes) out << "  " << line << "\n";
    }
    previous = &r;
  }
}

void print_day(std::ostream& out, LocalDate day, const std::vector<DiaryEntry>& entries, Instant now,
               const TimeZone& zone) {
  out << fmt::format("{} ({})\n\n", format_long_date(day), zone.name());
  for (std::size_t i = 0; i < choice_count<Period>(); ++i) {
    const auto period = static_cast<Period>(i);
    const DiaryEntry* entry = nullptr;
    for (const auto& e : entries) {
      if (e.date == day && e.period == period) entry = &e;
    }
    const PeriodDue due = period_due(period, entry != nullptr, day, zone.to_local(now));
    std::string line;
    switch (due) {
      case PeriodDue::logged:
        line = fmt::format("{}  (entry {})", entry_summary(entry->fields, zone), entry->id.value);
        break;
      case PeriodDue::due:
        line = fmt::format("not logged yet: daybreak log {} --pain N", name_of(period));
        break;
      case PeriodDue::later: {
        // From when it is asked for (the afternoon from 14:00), not just "later".
        const auto from = asked_from(period);
        line = from ? fmt::format("from {} today", format_clock(at(day, *from))) : "later today";
        break;
      }
      case PeriodDue::missed:
        line = "not logged";
        break;
    }
    out << fmt::format("  {:<10} {}\n", name_of(period), line);
  }
}

void print_history(std::ostream& out, const std::vector<DiaryEntry>& entries, LocalDate from, LocalDate to) {
  if (entries.empty()) {
    // No table of headings over nothing: say so, and how to begin.
    out << fmt::format("Nothing logged from {} to {}. To log a morning: daybreak log morning --pain N\n",
                       format_date(from), format_date(to));
    return;
  }
  out << fmt::format("{:<10}  {:<3}  {:>5}  {:>7}  {:>9}  {:>7}  {}\n", "date", "day", "night", "morning", "afternoon",
                     "evening", "stiffness");
  std::size_t i = 0;
  int days = 0;
  while (i < entries.size()) {
    const LocalDate day = entries[i].date;
    std::array<std::string, 4> pain = {"-", "-", "-", "-"};
    std::string stiffness = "-";
    for (; i < entries.size() && entries[i].date == day; ++i) {
      const auto& e = entries[i];
      pain[static_cast<std::size_t>(e.period)] = std::to_string(e.fields.pain.value());
      if (e.period == Period::morning && (e.fields.stiffness_minutes || e.fields.still_stiff)) {
        stiffness = e.fields.stiffness_minutes ? fmt::format("{} min", e.fields.stiffness_minutes->value()) : "";
        if (e.fields.still_stiff) stiffness += stiffness.empty() ? "still stiff" : "+";
      }
    }
    const std::string weekday = format_long_date(day).substr(0, 3);
    out << fmt::format("{:<10}  {:<3}  {:>5}  {:>7}  {:>9}  {:>7}  {}\n", format_date(day), weekday, pain[0], pain[1],
                       pain[2], pain[3], stiffness);
    ++days;
  }
  out << fmt::format("\n{} day{} with entries from {} to {} (pain 0-10; '+' means still stiff when logged)\n", days,
                     days == 1 ? "" : "s", format_date(from), format_date(to));
}

void print_json(std::ostream& out, const nlohmann::ordered_json& value) { out << value.dump(2) << "\n"; }

}  // namespace daybreak
