// Pairing codes and device tokens (app/devices.hpp), on a real SQLite store.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "app/devices.hpp"
#include "app/diary.hpp"
#include "platform/secrets.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

TEST(PairingDesk, ACodeIsEightLettersThatCannotBeMisreadAndWorksOnce) {
  PairingDesk desk;
  const PairingCode code = desk.open(fixed_now());
  EXPECT_TRUE(std::regex_match(code.code, std::regex("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))) << code.code;
  EXPECT_EQ(code.expires_at, fixed_now() + kPairingCodeLifetime);
  EXPECT_EQ(desk.redeem(code.code, fixed_now()).verdict, PairingVerdict::accepted);
  EXPECT_EQ(desk.redeem(code.code, fixed_now()).verdict, PairingVerdict::none);
}

TEST(PairingDesk, ACodeExpiresAtItsMinute) {
  PairingDesk desk;
  const PairingCode code = desk.open(fixed_now());
  EXPECT_EQ(desk.redeem(code.code, code.expires_at).verdict, PairingVerdict::expired);
  const PairingCode next = desk.open(fixed_now());
  EXPECT_EQ(desk.redeem(next.code, next.expires_at - seconds{1}).verdict, PairingVerdict::accepted);
}

TEST(PairingDesk, TooManyWrongCodesVoidTheOpenOne) {
  PairingDesk desk;
  const PairingCode code = desk.open(fixed_now());
  for (int left = kPairingAttempts - 1; left > 0; --left) {
    const auto a = desk.redeem("0000-0000" == code.code ? "1111-1111" : "0000-0000", fixed_now());
    EXPECT_EQ(a.verdict, PairingVerdict::wrong);
    EXPECT_EQ(a.attempts_left, left);
  }
  EXPECT_EQ(desk.redeem("not it", fixed_now()).verdict, PairingVerdict::exhausted);
  EXPECT_EQ(desk.redeem(code.code, fixed_now()).verdict, PairingVerdict::none);
}

TEST(PairingDesk, CodesTypedOnAPhoneAreReadKindly) {
  EXPECT_EQ(normalize_pairing_code("k7qm-2xhd"), "K7QM2XHD");
  EXPECT_EQ(normalize_pairing_code(" K7QM 2XHD "), "K7QM2XHD");
  EXPECT_EQ(normalize_pairing_code("o1il"), "0111");
}

TEST(PairingDesk, CodesAreNotRepeated) {
  PairingDesk desk;
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(desk.open(fixed_now()).code);
  EXPECT_EQ(seen.size(), 200U);
}

TEST(DeviceTokens, OnlyTheTokensHashIsStoredAndARevokedTokenOpensNothing) {
  TempDir dir;
  SqliteStore store(SqliteOptions{dir.path() / "daybreak.db"});
  const User me = ensure_local_user(store, fixed_now(), "Europe/Berlin");
  const auto paired = add_paired_device(store, me.id, "  Anna's phone ", fixed_now());
  ASSERT_TRUE(paired) << paired.error().message;
  EXPECT_EQ(paired->device.name, "Anna's phone");
  EXPECT_TRUE(std::regex_match(paired->token, std::regex("[0-9a-f]{64}")));
  EXPECT_FALSE(store.read()->find_device_by_token(paired->token));  // not the token itself
  EXPECT_TRUE(store.read()->find_device_by_token(sha256_hex(paired->token)));

  const auto seen = device_for_token(store, paired->token, fixed_now() + minutes{1});
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->id, paired->device.id);
  EXPECT_EQ(list_devices(store, me.id)[0].last_seen_at, fixed_now() + minutes{1});
  // Seen again within a quarter of an hour: no write.
  (void)device_for_token(store, paired->token, fixed_now() + minutes{10});
  EXPECT_EQ(list_devices(store, me.id)[0].last_seen_at, fixed_now() + minutes{1});

  EXPECT_FALSE(device_for_token(store, std::string(64, '0'), fixed_now()));
  EXPECT_FALSE(device_for_token(store, "short", fixed_now()));
  ASSERT_TRUE(revoke_device(store, me.id, paired->device.id, fixed_now() + hours{1}));
  EXPECT_FALSE(device_for_token(store, paired->token, fixed_now() + hours{2}));
  EXPECT_EQ(revoke_device(store, me.id, DeviceId{99}, fixed_now()).error().code, ErrorCode::not_found);
}

TEST(DeviceTokens, ANameMustBeOneToSixtyCharactersWithoutControls) {
  EXPECT_FALSE(check_device_name("Phone"));
  EXPECT_FALSE(check_device_name(std::string(60, 'x')));
  for (const std::string& bad : {std::string(), std::string("   "), std::string(61, 'x'), std::string("a\tb")}) {
    const auto e = check_device_name(bad);
    ASSERT_TRUE(e) << bad;
    EXPECT_EQ(e->fields.at(0).field, "name");
  }
}

TEST(Secrets, Sha256MatchesTheStandardsExample) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace daybreak::testing
