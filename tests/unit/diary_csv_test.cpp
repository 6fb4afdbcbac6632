#include "report/diary_csv.hpp"

#include <gtest/gtest.h>

#include "report/csv.hpp"
#include "support/fixtures.hpp"

namespace daybreak {
namespace {

using testing::berlin;
using testing::ymd;

DiaryEntry entry(std::int64_t id, LocalDate date, Period period, const Draft& draft) {
  DiaryEntry e;
  e.id = EntryId{id};
  e.date = date;
  e.period = period;
  EXPECT_TRUE(apply_draft(e.fields, draft, TimeContext{date, period, berlin()}, DraftMode::create).empty());
  e.created_at = testing::fixed_now();
  e.updated_at = testing::fixed_now();
  return e;
}

TEST(DiaryCsv, HeaderHasEveryField) {
  const auto columns = diary_csv_columns();
  EXPECT_EQ(columns.front(), "id");
  EXPECT_EQ(columns[1], "date");
  EXPECT_EQ(columns[2], "period");
  EXPECT_EQ(columns.size(), diary_fields().size() + 5);
  EXPECT_EQ(columns.back(), "updated_at");
}

TEST(DiaryCsv, ExportThenImportGivesBackEveryField) {
  const std::vector<DiaryEntry> entries = {
      entry(1, ymd(2026, 11, 22), Period::night, testing::full_night_draft()),
      entry(2, ymd(2026, 11, 22), Period::morning, testing::full_morning_draft()),
  };
  const std::string csv = diary_to_csv(entries, berlin());
  const auto back = diary_from_csv(csv, berlin());
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ((*back)[i].fields, entries[i].fields);
    EXPECT_EQ((*back)[i].date, entries[i].date);
    EXPECT_EQ((*back)[i].period, entries[i].period);
    EXPECT_EQ((*back)[i].created_at, entries[i].created_at);
  }
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(DiaryCsv, EveryBadRowIsReportedWithItsLineFieldValueAndAllowed) {
  const std::string csv =
      "date,period,pain,stiffness_minutes,bedtime\r\n"
      "2026-11-20,morning,4,30,\r\n"
      "2026-11-21,morning,11,30,\r\n"
      "2026-11-31,dusk,4,,\r\n"
      "2026-11-22,afternoon,3,15,\r\n"
      "2026-11-20,morning,4,30,\r\n"
      "2026-11-23,night,2,,\"2026-11-10T23:00+01:00\"\r\n";
  const auto r = diary_from_csv(csv, berlin());
  ASSERT_FALSE(r.ok());
  std::vector<std::string> messages;
  for (const auto& p : r.error()) messages.push_back(p.message());
  ASSERT_EQ(messages.size(), 6U) << ::testing::PrintToString(messages);
  EXPECT_EQ(messages[0], "line 3: pain: '11' is not allowed; allowed: a whole number from 0 to 10");
  EXPECT_EQ(messages[1],
            "line 4: date: '2026-11-31' is not allowed; allowed: a day from 1970-01-01 on, written YYYY-MM-DD");
  EXPECT_EQ(messages[2], "line 4: period: 'dusk' is not allowed; allowed: one of: night, morning, afternoon, evening");
  EXPECT_EQ(messages[3].substr(0, 38), "line 5: stiffness_minutes: '15' is not");
  EXPECT_NE(messages[4].find("line 2 has the same"), std::string::npos);
  EXPECT_EQ(messages[5].substr(0, 15), "line 7: bedtime");
}

TEST(DiaryCsv, HeaderProblemsComeFirstAndStopEverything) {
  auto r = diary_from_csv("date,pain,colour,pain\r\n2026-11-20,4,blue,4\r\n", berlin());
  ASSERT_FALSE(r.ok());
  std::vector<std::string> messages;
  for (const auto& p : r.error()) messages.push_back(p.message());
  ASSERT_EQ(messages.size(), 3U) << ::testing::PrintToString(messages);
  EXPECT_NE(messages[0].find("'colour'"), std::string::npos);
  EXPECT_NE(messages[1].find("each column once"), std::string::npos);
  EXPECT_NE(messages[2].find("a 'period' column"), std::string::npos);
  EXPECT_FALSE(diary_from_csv("", berlin()).ok());
}

TEST(DiaryCsv, RowsWithTheWrongNumberOfFieldsAreRefused) {
  const auto r = diary_from_csv("date,period,pain\r\n2026-11-20,morning\r\n", berlin());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error()[0].message(),
            "line 2: row: '2 fields' is not allowed; allowed: 3 fields, one per column of the header");
}

// A syntax error read "csv: missing; allowed: malformed CSV...": it now shows
// the line it stopped at and says what CSV is allowed.
TEST(DiaryCsv, SyntaxErrorsAreReportedWithTheirLine) {
  const auto r = diary_from_csv("date,period,pain\r\n2026-11-20,morning,\"4\r\n", berlin());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error()[0].line, 2U);
  EXPECT_EQ(r.error()[0].error.message(),
            "csv: '2026-11-20,morning,\"4' is not allowed; allowed: CSV as `daybreak export csv` writes it (RFC "
            "4180); this is malformed: a quoted field is never closed");
}

}  // namespace
}  // namespace daybreak
