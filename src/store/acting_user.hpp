// Who the transactions begun on this thread act for, where the database
// itself enforces whose rows they may touch (PostgreSQL's row-level security,
// docs/deploy.md): the server sets it for the span of one request. SQLite,
// with one person or a small practice on one machine, does not use it.
#pragma once

#include <optional>

#include "domain/ids.hpp"

namespace daybreak {

class ActingUser {
 public:
  explicit ActingUser(UserId user);
  ~ActingUser();
  ActingUser(const ActingUser&) = delete;
  ActingUser& operator=(const ActingUser&) = delete;

  // The user set on this thread, or nullopt (then no row of any person is
  // visible where the database enforces it).
  [[nodiscard]] static std::optional<UserId> current();

 private:
  std::optional<UserId> previous_;
};

}  // namespace daybreak
