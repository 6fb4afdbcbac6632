// Moving a whole store between databases: a person's diary from their SQLite
// file into a clinic's PostgreSQL database, or back (`daybreak migrate`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace daybreak {

// The schema's tables a copy moves, parents before children.
[[nodiscard]] const std::vector<std::string_view>& store_tables();
// The schema's other tables: each database's own bookkeeping, not copied.
[[nodiscard]] std::vector<std::string_view> store_tables_not_copied();

struct TableCopied {
  std::string_view table;
  std::int64_t rows = 0;
};

// Copies every row of every table of `from` into `to`, numbers kept, in one
// transaction on `to`: all or nothing. Both stores are at the latest schema
// (opening them does that). Refuses (StoreError{conflict}) a destination that
// holds any row. Before committing, reads every table back from `to` and
// compares it, value by value, with `from`: a difference undoes the copy
// (StoreError{io}). `from` is read in one snapshot while it is copied.
[[nodiscard]] std::vector<TableCopied> copy_store(const Store& from, Store& to);

}  // namespace daybreak
