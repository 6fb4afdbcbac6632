// Conformance tests for paired devices (issue 17): against the Store
// interface only.
#include <string>

#include "store/store_conformance.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

Device pair(Store& store, UserId user, const std::string& name, const std::string& hash, Instant at) {
  auto tx = store.write();
  Device d = tx->add_device(user, name, hash, at);
  tx->commit();
  return d;
}

TEST_P(StoreConformance, DevicesAreKeptInTheOrderPairedAndFoundByTheirTokensHash) {
  const UserId me = new_user(*store_, "me");
  const Device phone = pair(*store_, me, "Anna's phone", kHashA, kNow);
  const Device tablet = pair(*store_, me, "Tablet", kHashB, kNow + minutes{1});
  const auto listed = store_->read()->devices(me);
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].id, phone.id);
  EXPECT_EQ(listed[0].name, "Anna's phone");
  EXPECT_EQ(listed[0].created_at, kNow);
  EXPECT_FALSE(listed[0].last_seen_at);
  EXPECT_FALSE(listed[0].revoked());
  EXPECT_EQ(listed[1].id, tablet.id);

  const auto found = store_->read()->find_device_by_token(kHashB);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, tablet.id);
  EXPECT_EQ(found->user, me);
  EXPECT_FALSE(store_->read()->find_device_by_token(std::string(64, 'c')));
}

TEST_P(StoreConformance, ATokensHashOpensOneDeviceOnly) {
  const UserId me = new_user(*store_, "me");
  (void)pair(*store_, me, "Phone", kHashA, kNow);
  auto tx = store_->write();
  try {
    (void)tx->add_device(me, "Other", kHashA, kNow);
    FAIL() << "a second device with the same token's hash was stored";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::conflict) << e.what();
  }
}

TEST_P(StoreConformance, ARevokedDeviceStaysListedWithTheFirstRevocationTime) {
  const UserId me = new_user(*store_, "me");
  const Device phone = pair(*store_, me, "Phone", kHashA, kNow);
  for (const auto at : {kNow + hours{1}, kNow + hours{2}}) {
    auto tx = store_->write();
    tx->revoke_device(me, phone.id, at);
    tx->commit();
  }
  const auto found = store_->read()->find_device_by_token(kHashA);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->revoked_at, kNow + hours{1});
  EXPECT_EQ(store_->read()->devices(me).size(), 1U);
}

TEST_P(StoreConformance, OnePersonCannotRevokeOrTouchAnothersDevice) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  const Device phone = pair(*store_, me, "Phone", kHashA, kNow);
  EXPECT_TRUE(store_->read()->devices(other).empty());
  for (const bool revoke : {true, false}) {
    auto tx = store_->write();
    try {
      if (revoke) {
        tx->revoke_device(other, phone.id, kNow);
      } else {
        tx->touch_device(other, phone.id, kNow);
      }
      FAIL() << "another person's device was changed";
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::not_found) << e.what();
    }
  }
  EXPECT_FALSE(store_->read()->devices(me)[0].revoked());
}

TEST_P(StoreConformance, TouchingADeviceRecordsWhenItWasLastSeen) {
  const UserId me = new_user(*store_, "me");
  const Device phone = pair(*store_, me, "Phone", kHashA, kNow);
  {
    auto tx = store_->write();
    tx->touch_device(me, phone.id, kNow + minutes{30});
    tx->commit();
  }
  EXPECT_EQ(store_->read()->devices(me)[0].last_seen_at, kNow + minutes{30});
}

}  // namespace
}  // namespace daybreak::testing
