// The server's zones by name: one fixed zone for the local server, any
// installed zone (each loaded once) for a server with many people.
#include "platform/zone_provider.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "platform/tzdb_zone.hpp"
#include "platform/zones.hpp"

namespace daybreak {
namespace {

TEST(SingleZoneProvider, ServesItsOneZoneAndNoOther) {
  const TzdbZone oslo("Europe/Oslo");
  const SingleZoneProvider zones(oslo);
  EXPECT_EQ(zones.find("Europe/Oslo"), &oslo);
  EXPECT_EQ(zones.find("Europe/Berlin"), nullptr);  // same offsets, another zone: not served
  EXPECT_EQ(zones.find(""), nullptr);
  EXPECT_EQ(zones.names(), std::vector<std::string>{"Europe/Oslo"});
}

TEST(SingleZoneProvider, ServesTheProcessZoneFromManyThreads) {
  const ProcessZone auckland("Pacific/Auckland");
  const SingleZoneProvider zones(auckland);
  const TzdbZone reference("Pacific/Auckland");
  const Instant start = std::chrono::sys_days{std::chrono::year{2026} / 1 / 1};
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      const TimeZone& z = *zones.find("Pacific/Auckland");
      for (int h = i; h < 24 * 366; h += 4) {
        const Instant t = start + std::chrono::hours{h};
        if (z.offset(t) != reference.offset(t)) ++mismatches;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches, 0);
}

TEST(TzdbZoneProvider, LoadsEachInstalledZoneOnce) {
  const TzdbZoneProvider zones;
  const TimeZone* auckland = zones.find("Pacific/Auckland");
  ASSERT_NE(auckland, nullptr);
  EXPECT_EQ(auckland->name(), "Pacific/Auckland");
  EXPECT_EQ(zones.find("Pacific/Auckland"), auckland);
  EXPECT_EQ(zones.find("Mars/Olympus"), nullptr);
  EXPECT_EQ(zones.find("../../etc/passwd"), nullptr);
  const auto names = zones.names();
  EXPECT_GT(names.size(), 300U);
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
}

}  // namespace
}  // namespace daybreak
