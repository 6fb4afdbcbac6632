// Conformance tests for a clinic's sign-ins (issue 20): against the Store
// interface only, so SQLite and PostgreSQL answer alike.
#include <string>

#include "store/store_conformance.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

const std::string kTokenHash(64, 'a');

Account account_for(UserId user, std::string login) {
  Account a;
  a.user = user;
  a.login = std::move(login);
  a.role = Role::person;
  a.password_hash = "$argon2id$not-a-real-hash";
  a.created_at = kNow;
  return a;
}

TEST_P(StoreConformance, ASignInIsFoundWithItsAccountAndProfileInOneRead) {
  const UserId anna = new_user(*store_, "Anna");
  const UserId other = new_user(*store_, "Other");
  SignIn made;
  {
    auto tx = store_->write();
    tx->add_account(account_for(other, "other"));
    tx->add_account(account_for(anna, "anna"));
    made = tx->add_sign_in(anna, kTokenHash, kNow, kNow + hours{12});
    tx->commit();
  }
  const auto found = store_->read()->find_sign_in(kTokenHash);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->sign_in.id, made.id);
  EXPECT_EQ(found->sign_in.user, anna);
  EXPECT_EQ(found->sign_in.expires_at, kNow + hours{12});
  EXPECT_FALSE(found->sign_in.ended_at);
  ASSERT_TRUE(found->account);
  EXPECT_EQ(found->account->user, anna);
  EXPECT_EQ(found->account->login, "anna");
  EXPECT_EQ(found->account->role, Role::person);
  EXPECT_EQ(found->account->password_hash, "$argon2id$not-a-real-hash");
  EXPECT_FALSE(found->account->disabled_at);
  ASSERT_TRUE(found->user);
  EXPECT_EQ(found->user->id, anna);
  EXPECT_EQ(found->user->name, "Anna");
  EXPECT_EQ(found->user->time_zone, "Europe/Berlin");

  EXPECT_FALSE(store_->read()->find_sign_in(std::string(64, 'b')));
}

TEST_P(StoreConformance, ASignInsEndAndItsAccountsDisablingAreReadWithIt) {
  const UserId anna = new_user(*store_, "Anna");
  Account account = account_for(anna, "anna");
  SignIn made;
  {
    auto tx = store_->write();
    tx->add_account(account);
    made = tx->add_sign_in(anna, kTokenHash, kNow, kNow + hours{12});
    tx->commit();
  }
  {
    auto tx = store_->write();
    tx->end_sign_in(made.id, kNow + minutes{5});
    account.disabled_at = kNow + minutes{6};
    tx->update_account(account);
    tx->commit();
  }
  const auto found = store_->read()->find_sign_in(kTokenHash);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->sign_in.ended_at, kNow + minutes{5});
  ASSERT_TRUE(found->account);
  EXPECT_EQ(found->account->disabled_at, kNow + minutes{6});
}

TEST_P(StoreConformance, ASignInWithoutAnAccountIsFoundWithoutOne) {
  const UserId anna = new_user(*store_, "Anna");
  {
    auto tx = store_->write();
    (void)tx->add_sign_in(anna, kTokenHash, kNow, kNow + hours{12});
    tx->commit();
  }
  const auto found = store_->read()->find_sign_in(kTokenHash);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->account);
  ASSERT_TRUE(found->user);
  EXPECT_EQ(found->user->id, anna);
}

}  // namespace
}  // namespace daybreak::testing
