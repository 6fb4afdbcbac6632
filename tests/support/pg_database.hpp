// Databases on the tests' throw-away PostgreSQL cluster (pg_cluster, started
// by ctest as the daybreak_pg fixture).
#pragma once

#include <string>

struct pg_conn;

namespace daybreak::testing {

// The cluster's connection words, for its maintenance database; empty when
// the fixture is not running.
[[nodiscard]] std::string pg_cluster();
// A new, empty database on the cluster: its connection words (key=value).
[[nodiscard]] std::string fresh_pg_database();
// The same database as a postgresql:// URI, as a person gives it to daybreak.
[[nodiscard]] std::string pg_uri(const std::string& words);
// The value a libpq connection uses for one of its options ("": none).
[[nodiscard]] std::string connection_option(pg_conn* conn, const std::string& keyword);

}  // namespace daybreak::testing
