#include "clinical/emergency_numbers.hpp"

#include <gtest/gtest.h>

#include <set>

namespace daybreak {
namespace {

TEST(EmergencyNumbers, DefaultsFollowTheTimeZoneAndTheChoiceWins) {
  EXPECT_EQ(emergency_contact(std::nullopt, "Europe/Berlin").number, "112");
  EXPECT_EQ(emergency_contact(std::nullopt, "Europe/London").number, "999");
  EXPECT_EQ(emergency_contact(std::nullopt, "America/New_York").number, "911");
  EXPECT_EQ(emergency_contact(std::nullopt, "Australia/Sydney").number, "000");
  EXPECT_FALSE(emergency_contact(std::nullopt, "Europe/Berlin").chosen);
  // A zone shared by several countries, or unknown: no guess.
  EXPECT_FALSE(emergency_contact(std::nullopt, "UTC").number);
  EXPECT_FALSE(emergency_contact(std::nullopt, "America/Mexico_City").number);
  const auto chosen = emergency_contact(std::string("999"), "Europe/Berlin");
  EXPECT_EQ(chosen.number, "999");
  EXPECT_TRUE(chosen.chosen);
}

TEST(EmergencyNumbers, EveryKnownServiceIsWellFormedAndSourced) {
  std::set<std::string_view> countries;
  for (const auto& s : emergency_services()) {
    EXPECT_TRUE(countries.insert(s.country).second) << s.country;
    EXPECT_EQ(s.country.size(), 2U);
    EXPECT_TRUE(valid_emergency_number(s.number)) << s.country;
    EXPECT_FALSE(s.source.empty()) << s.country;
  }
  EXPECT_EQ(emergency_service("gb")->number, "999");
  EXPECT_EQ(emergency_service("nz")->number, "111");
  EXPECT_FALSE(emergency_service("xx"));
}

TEST(EmergencyNumbers, ANumberIsTwoToEightDigits) {
  EXPECT_TRUE(valid_emergency_number("000"));
  EXPECT_TRUE(valid_emergency_number("112"));
  EXPECT_FALSE(valid_emergency_number("1"));
  EXPECT_FALSE(valid_emergency_number("11 2"));
  EXPECT_FALSE(valid_emergency_number("+44999"));
  EXPECT_FALSE(valid_emergency_number("123456789"));
}

}  // namespace
}  // namespace daybreak
