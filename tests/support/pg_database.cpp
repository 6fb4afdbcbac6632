#include "support/pg_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace daybreak::testing {

std::string pg_cluster() {
  std::ifstream in(DAYBREAK_TEST_PG);
  std::string words;
  std::getline(in, words);
  return words;
}

std::string fresh_pg_database() {
  const std::string cluster = pg_cluster();
  if (cluster.empty()) {
    throw std::runtime_error("no PostgreSQL cluster for the tests: run them with ctest, which starts one");
  }
  static std::atomic<int> made{0};
  const std::string name = fmt::format("t_{}_{}", ::getpid(), ++made);
  PGconn* admin = PQconnectdb(cluster.c_str());
  PGresult* r = PQexec(admin, fmt::format("CREATE DATABASE {}", name).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string says = PQerrorMessage(admin);
  PQclear(r);
  PQfinish(admin);
  if (!ok) throw std::runtime_error("cannot make a test database: " + says);
  return cluster.substr(0, cluster.rfind("dbname=")) + "dbname=" + name;
}

std::string pg_uri(const std::string& words) {
  std::map<std::string, std::string> w;
  std::istringstream in(words);
  for (std::string word; in >> word;) {
    const auto eq = word.find('=');
    w[word.substr(0, eq)] = word.substr(eq + 1);
  }
  return fmt::format("postgresql:///{}?host={}&port={}&user={}", w["dbname"], w["host"], w["port"], w["user"]);
}

std::string connection_option(pg_conn* conn, const std::string& keyword) {
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfo(conn), &PQconninfoFree);
  for (const PQconninfoOption* o = options.get(); o != nullptr && o->keyword != nullptr; ++o) {
    if (keyword == o->keyword) return o->val != nullptr ? o->val : "";
  }
  return "";
}

}  // namespace daybreak::testing
