#include "store/acting_user.hpp"

namespace daybreak {
namespace {
thread_local std::optional<UserId> acting;
}

ActingUser::ActingUser(UserId user) : previous_(acting) { acting = user; }
ActingUser::~ActingUser() { acting = previous_; }
std::optional<UserId> ActingUser::current() { return acting; }

}  // namespace daybreak
