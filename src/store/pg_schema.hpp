// The PostgreSQL schema: the same numbered migrations as SQLite's
// (sqlite_schema.cpp), each written in PostgreSQL's dialect.
#pragma once

#include <span>

#include "store/sqlite_schema.hpp"  // Migration

namespace daybreak::pg {

[[nodiscard]] std::span<const sqlite::Migration> migrations();

}  // namespace daybreak::pg
