// The C library's zone (used by the CLI for speed) must agree with Howard
// Hinnant's date/tz everywhere: every offset, every change, several zones.
#include "platform/zones.hpp"
#include "platform/tzdb_zone.hpp"

#include <gtest/gtest.h>

#include <date/tz.h>

namespace daybreak {
namespace {

using namespace std::chrono;

class ZoneAgreement : public ::testing::TestWithParam<const char*> {};

TEST_P(ZoneAgreement, ProcessZoneMatchesTzdbAtEveryInstantAndChange) {
  const std::string name = GetParam();
  const TzdbZone reference(name);
  const ProcessZone fast(name);
  const Instant start = sys_days{year{1990} / January / 1};
  const Instant end = sys_days{year{2037} / January / 1};
  int changes = 0;
  // Every 6 hours across 47 years...
  for (Instant t = start; t < end; t += hours{6}) {
    ASSERT_EQ(fast.offset(t), reference.offset(t)) << name << " at " << format_utc(t);
  }
  // ...and a second either side of every change, with wall-clock resolution.
  const auto* zone = date::locate_zone(name);
  for (auto info = zone->get_info(start); info.end < end; info = zone->get_info(info.end)) {
    ++changes;
    for (const Instant t : {info.end - seconds{1}, info.end}) {
      ASSERT_EQ(fast.offset(t), reference.offset(t)) << name << " at " << format_utc(t);
      const LocalTime local = reference.to_local(t);
      const auto r_fast = fast.resolve(local);
      const auto r_ref = reference.resolve(local);
      ASSERT_EQ(r_fast.kind, r_ref.kind) << name << " " << format_utc(t);
      ASSERT_EQ(r_fast.first, r_ref.first);
      const auto expected = [&] {
        switch (zone->get_info(date::local_seconds{local.time_since_epoch()}).result) {
          case date::local_info::unique:
            return LocalResolution::Kind::unique;
          case date::local_info::ambiguous:
            return LocalResolution::Kind::ambiguous;
          case date::local_info::nonexistent:
            break;
        }
        return LocalResolution::Kind::nonexistent;
      }();
      ASSERT_EQ(r_ref.kind, expected) << "our resolve disagrees with date/tz at " << format_utc(t);
    }
  }
  if (name != "UTC" && name != "Asia/Kolkata") {
    EXPECT_GT(changes, 10);
  }
}

INSTANTIATE_TEST_SUITE_P(Zones, ZoneAgreement,
                         ::testing::Values("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                                           "America/Sao_Paulo", "Asia/Kolkata", "Pacific/Chatham", "UTC"));

TEST(Zones, OnlyInstalledZoneNamesAreKnown) {
  EXPECT_TRUE(is_known_zone("Europe/Oslo"));
  EXPECT_TRUE(is_known_zone("UTC"));
  EXPECT_FALSE(is_known_zone("Europe/Atlantis"));
  EXPECT_FALSE(is_known_zone("../../etc/passwd"));
  EXPECT_FALSE(is_known_zone("/etc/localtime"));
  EXPECT_FALSE(is_known_zone(""));
  EXPECT_FALSE(is_known_zone("Europe"));  // a directory, not a zone
  EXPECT_THROW(TzdbZone("Nope/Zone"), std::invalid_argument);
  EXPECT_THROW(ProcessZone("Nope/Zone"), std::invalid_argument);
}

TEST(Zones, SystemZoneComesFromTzFirst) {
  EXPECT_EQ(system_zone_name(":America/Chicago"), "America/Chicago");
  EXPECT_EQ(system_zone_name("Asia/Tokyo"), "Asia/Tokyo");
  EXPECT_TRUE(is_known_zone(system_zone_name("Not/AZone")));  // falls back to the machine's zone
}

TEST(Zones, OnlyOneProcessZoneAtATime) {
  const ProcessZone first("Europe/Oslo");
  EXPECT_THROW(ProcessZone("Asia/Tokyo"), std::logic_error);
}

}  // namespace
}  // namespace daybreak
