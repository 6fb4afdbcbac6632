// Identifiers of stored records. Distinct types, so an entry id cannot be passed as a user id.
#pragma once

#include <compare>
#include <cstdint>

namespace daybreak {

template <class Tag>
struct Id {
  std::int64_t value = 0;
  auto operator<=>(const Id&) const = default;
};

using UserId = Id<struct UserTag>;
using EntryId = Id<struct EntryTag>;
using ItemId = Id<struct ItemTag>;

}  // namespace daybreak
