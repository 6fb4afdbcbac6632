#include "domain/time.hpp"

#include <gtest/gtest.h>

#include "domain/utc_zone.hpp"
#include "support/fixtures.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;
using testing::berlin;
using testing::ymd;

TEST(Time, DatesParseOnlyRealCalendarDays) {
  EXPECT_EQ(parse_date("2026-11-23"), ymd(2026, 11, 23));
  EXPECT_EQ(parse_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2026-1-01"));
  EXPECT_FALSE(parse_date("2026/11/23"));
  EXPECT_FALSE(parse_date("20261123"));
  EXPECT_EQ(format_date(ymd(2026, 3, 9)), "2026-03-09");
  EXPECT_EQ(format_long_date(ymd(2026, 11, 23)), "Monday 23 November 2026");
}

// Found from outside: `log --date 2026-02-29` was told "allowed: a date
// written YYYY-MM-DD, today or yesterday", which is how it was written. A date
// of the right shape that is no day says why.
TEST(Time, A29FebruaryWithoutOneWasToldHowToWriteADate) {
  EXPECT_EQ(calendar_problem("2026-02-29"), "2026 has no 29 February");
  EXPECT_EQ(calendar_problem("2026-02-30"), "February 2026 has 28 days");
  EXPECT_EQ(calendar_problem("2026-04-31"), "April 2026 has 30 days");
  EXPECT_EQ(calendar_problem("2026-13-01"), "there is no month 13");
  EXPECT_EQ(calendar_problem("2026-00-10"), "there is no month 0");
  EXPECT_EQ(calendar_problem("2026-01-00"), "there is no day 0");
  EXPECT_EQ(calendar_problem("2024-02-29"), std::nullopt);  // a leap year: a day
  EXPECT_EQ(calendar_problem("29/02/2026"), std::nullopt);  // not written YYYY-MM-DD: the rule says how
  EXPECT_EQ(date_rule("2026-02-29", "a date written YYYY-MM-DD"),
            "a date written YYYY-MM-DD (2026 has no 29 February)");
  EXPECT_EQ(date_rule("tomorrow", "a date written YYYY-MM-DD"), "a date written YYYY-MM-DD");
}

TEST(Time, ClockTimesAreTwentyFourHour) {
  EXPECT_EQ(parse_clock("07:30"), minutes{450});
  EXPECT_EQ(parse_clock("7:05"), minutes{425});
  EXPECT_EQ(parse_clock("23:59"), minutes{23 * 60 + 59});
  EXPECT_FALSE(parse_clock("24:00"));
  EXPECT_FALSE(parse_clock("12:60"));
  EXPECT_FALSE(parse_clock("7:5"));
  EXPECT_FALSE(parse_clock("0730"));
  EXPECT_FALSE(parse_clock("7am"));
}

TEST(Time, InstantsAcceptZuluAndOffsets) {
  const Instant t = sys_days{ymd(2026, 11, 22)} + hours{22} + minutes{10};
  EXPECT_EQ(parse_instant("2026-11-22T22:10:00Z"), t);
  EXPECT_EQ(parse_instant("2026-11-22T22:10Z"), t);
  EXPECT_EQ(parse_instant("2026-11-22T23:10+01:00"), t);
  EXPECT_EQ(parse_instant("2026-11-22T17:10:00-05:00"), t);
  EXPECT_FALSE(parse_instant("2026-11-22T23:10"));  // no zone: ambiguous
  EXPECT_FALSE(parse_instant("2026-11-22T23:10+0100"));
  EXPECT_FALSE(parse_instant("2026-11-31T23:10Z"));
  EXPECT_FALSE(parse_instant("2026-11-22T23:10Zjunk"));
  EXPECT_EQ(format_utc(t), "2026-11-22T22:10:00Z");
  EXPECT_EQ(format_with_offset(t, berlin()), "2026-11-22T23:10:00+01:00");
  EXPECT_EQ(format_with_offset(t, utc_zone()), "2026-11-22T22:10:00+00:00");
}

// Found by the CSV fuzzer: before standard time, Berlin kept local mean time,
// 53 minutes 28 seconds ahead of UTC. RFC 3339 offsets have no seconds, so
// such instants are written in UTC, and read back exactly.
TEST(Time, InstantsWithOffsetsOfOddSecondsAreWrittenInUtc) {
  const Instant lmt = sys_days{ymd(1850, 6, 1)} + hours{7};
  EXPECT_EQ(berlin().offset(lmt), seconds{53 * 60 + 28});
  EXPECT_EQ(format_with_offset(lmt, berlin()), "1850-06-01T07:00:00Z");
  EXPECT_EQ(parse_instant(format_with_offset(lmt, berlin())), lmt);
}

TEST(Time, LocalDateFollowsTheZone) {
  // 23:30 UTC on the 22nd is already the 23rd in Berlin.
  const Instant t = sys_days{ymd(2026, 11, 22)} + hours{23} + minutes{30};
  EXPECT_EQ(berlin().date_of(t), ymd(2026, 11, 23));
  EXPECT_EQ(utc_zone().date_of(t), ymd(2026, 11, 22));
}

TEST(Time, WallClockReadingsAcrossDaylightSavingChanges) {
  // Spring forward in Berlin: 2026-03-29 02:00 -> 03:00. 02:30 never happens.
  const auto gap = berlin().resolve(at(ymd(2026, 3, 29), hours{2} + minutes{30}));
  EXPECT_EQ(gap.kind, LocalResolution::Kind::nonexistent);
  // Fall back: 2026-10-25 03:00 -> 02:00. 02:30 happens twice, an hour apart.
  const auto overlap = berlin().resolve(at(ymd(2026, 10, 25), hours{2} + minutes{30}));
  ASSERT_EQ(overlap.kind, LocalResolution::Kind::ambiguous);
  EXPECT_EQ(overlap.second - overlap.first, hours{1});
  EXPECT_EQ(format_utc(overlap.first), "2026-10-25T00:30:00Z");
  // An ordinary time maps to one instant.
  const auto plain = berlin().resolve(at(ymd(2026, 11, 23), hours{7}));
  EXPECT_EQ(plain.kind, LocalResolution::Kind::unique);
  EXPECT_EQ(format_utc(plain.first), "2026-11-23T06:00:00Z");
}

TEST(Time, DayArithmetic) {
  EXPECT_EQ(add_days(ymd(2026, 2, 28), 1), ymd(2026, 3, 1));
  EXPECT_EQ(add_days(ymd(2026, 1, 1), -1), ymd(2025, 12, 31));
  EXPECT_EQ(days_between(ymd(2026, 1, 1), ymd(2026, 12, 31)), 364);
}

}  // namespace
}  // namespace daybreak
