// The SQLite schema, as forward-only migrations. A migration is never edited
// once released: a change is a new migration at the end of the list.
#pragma once

#include <span>
#include <string_view>

namespace daybreak::sqlite {

struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
};

// "DYBR": marks a SQLite file as a daybreak database (PRAGMA application_id).
inline constexpr int kApplicationId = 0x44594252;

[[nodiscard]] std::span<const Migration> migrations();
[[nodiscard]] int latest_schema_version();

}  // namespace daybreak::sqlite
