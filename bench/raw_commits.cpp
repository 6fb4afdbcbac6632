// The reference for POST /api/entries: raw SQLite durable single-row commits
// (WAL, synchronous=FULL, one prepared INSERT committed per row), as many as
// fit in the given seconds. Prints the rate. Usage: raw_commits FILE SECONDS
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace {

void check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: raw_commits FILE SECONDS\n");
    return 1;
  }
  sqlite3* db = nullptr;
  check(sqlite3_open(argv[1], &db), db);
  check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS e (id INTEGER "
                     "PRIMARY KEY, user_id INTEGER, day TEXT, period TEXT, pain INTEGER, stiff INTEGER, note TEXT)",
                     nullptr, nullptr, nullptr),
        db);
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(
            db, "INSERT INTO e (user_id, day, period, pain, stiff, note) VALUES (1, ?1, 'morning', ?2, ?3, ?4)", -1,
            &insert, nullptr),
        db);
  using clock = std::chrono::steady_clock;
  const auto until = clock::now() + std::chrono::seconds(std::stoi(argv[2]));
  const auto start = clock::now();
  long rows = 0;
  while (clock::now() < until) {
    const std::string day = "2000-01-" + std::to_string(rows % 28 + 1);
    sqlite3_bind_text(insert, 1, day.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 2, static_cast<int>(rows % 11));
    sqlite3_bind_int(insert, 3, static_cast<int>(rows % 120));
    sqlite3_bind_text(insert, 4, "a short note about the morning", -1, SQLITE_STATIC);
    check(sqlite3_step(insert), db);
    sqlite3_reset(insert);
    ++rows;
  }
  const double seconds = std::chrono::duration<double>(clock::now() - start).count();
  std::printf("%.0f\n", static_cast<double>(rows) / seconds);
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return 0;
}
