// The store against raw SQLite doing the same work on the same kind of file
// (WAL, synchronous=FULL, one commit per write), measured in one run.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/diary.hpp"
#include "domain/entry_fields.hpp"
#include "platform/tzdb_zone.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

const Instant kNow = Instant{sys_days{year{2026} / 11 / 23}} + hours{6};

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("daybreak-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path;
}

const TimeZone& zone() {
  static const TzdbZone z("Europe/Berlin");
  return z;
}

Draft morning_draft(int i) {
  Draft d;
  d.set("pain", std::to_string(i % 11));
  d.set("stiffness_minutes", std::to_string(i % 120));
  d.set("stiffness_severity", std::to_string(i % 10));
  d.set("signs", "stiffness,ache");
  d.set("note", "a short note about the morning");
  return d;
}

void check(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db));
}

// Reference: one prepared INSERT of a comparable row per durable commit.
void BM_RawSqliteDurableInsert(benchmark::State& state) {
  const auto path = scratch("raw.db");
  sqlite3* db = nullptr;
  check(sqlite3_open(path.c_str(), &db), db);
  check(sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE e (id INTEGER PRIMARY KEY, "
                     "user_id INTEGER, day TEXT, period TEXT, pain INTEGER, stiff INTEGER, note TEXT)",
                     nullptr, nullptr, nullptr),
        db);
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(
            db, "INSERT INTO e (user_id, day, period, pain, stiff, note) VALUES (1, ?1, 'morning', ?2, ?3, ?4)", -1,
            &insert, nullptr),
        db);
  int i = 0;
  for (auto _ : state) {
    const std::string day = format_date(LocalDate{sys_days{year{2000} / 1 / 1} + days{i}});
    sqlite3_bind_text(insert, 1, day.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 2, i % 11);
    sqlite3_bind_int(insert, 3, i % 120);
    sqlite3_bind_text(insert, 4, "a short note about the morning", -1, SQLITE_STATIC);
    check(sqlite3_step(insert), db);
    sqlite3_reset(insert);
    ++i;
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
}
BENCHMARK(BM_RawSqliteDurableInsert)->UseRealTime()->MinTime(2.0);

// daybreak: validate, check the period is free, insert with its revision, commit.
void BM_LogEntryDurable(benchmark::State& state) {
  SqliteStore store(SqliteOptions{scratch("store.db")});
  const User user = ensure_local_user(store, kNow, "Europe/Berlin");
  int i = 0;
  for (auto _ : state) {
    const LocalDate date{sys_days{year{2026} / 11 / 22} - days{i++}};  // the past only
    auto r = log_entry(store, {kNow, Actor{user.id, "bench"}}, user.id, zone(),
                       LogRequest{date, Period::morning, morning_draft(i), false, {}});
    if (!r) state.SkipWithError(r.error().message.c_str());
  }
}
BENCHMARK(BM_LogEntryDurable)->UseRealTime()->MinTime(2.0);

// A month of a 3-year diary (4 entries a day), through the store and raw.
std::filesystem::path seeded_diary() {
  static const std::filesystem::path path = [] {
    const auto p = scratch("month.db");
    SqliteStore store(SqliteOptions{p});
    const User user = ensure_local_user(store, kNow, "Europe/Berlin");
    auto tx = store.write();
    for (int d = 0; d < 3 * 365; ++d) {
      for (const auto period : {Period::night, Period::morning, Period::afternoon, Period::evening}) {
        DiaryFields f;
        (void)apply_draft(f, morning_draft(d), TimeContext{LocalDate{}, Period::morning, zone(), false},
                          DraftMode::create);
        if (period != Period::morning) f.stiffness_minutes.reset(), f.stiffness_severity.reset();
        (void)tx->insert_entry(
            user.id,
            NewEntry{LocalDate{sys_days{year{2024} / 1 / 1} + days{d}}, period, f, {}, {}, RevisionOp::create, {}},
            {kNow, Actor{user.id, "bench"}});
      }
    }
    tx->commit();
    return p;
  }();
  return path;
}

void BM_RawSqliteMonthSelect(benchmark::State& state) {
  sqlite3* db = nullptr;
  check(sqlite3_open(seeded_diary().c_str(), &db), db);
  sqlite3_stmt* select = nullptr;
  check(sqlite3_prepare_v2(db,
                           "SELECT * FROM entries WHERE user_id = 1 AND day BETWEEN '2025-03-01' AND '2025-03-31' "
                           "AND deleted_at IS NULL",
                           -1, &select, nullptr),
        db);
  for (auto _ : state) {
    int rows = 0;
    while (sqlite3_step(select) == SQLITE_ROW) ++rows;
    sqlite3_reset(select);
    benchmark::DoNotOptimize(rows);
  }
  sqlite3_finalize(select);
  sqlite3_close(db);
}
BENCHMARK(BM_RawSqliteMonthSelect);

void BM_StoreMonthRead(benchmark::State& state) {
  SqliteStore store(SqliteOptions{seeded_diary()});
  const LocalDate from{year{2025} / 3 / 1};
  const LocalDate to{year{2025} / 3 / 31};
  for (auto _ : state) {
    auto entries = store.read()->entries_between(kLocalUser, from, to);
    if (entries.size() != 124) state.SkipWithError("expected 124 entries");
    benchmark::DoNotOptimize(entries);
  }
}
BENCHMARK(BM_StoreMonthRead);

void BM_ValidateFullEntry(benchmark::State& state) {
  Draft d = morning_draft(3);
  d.set("medications", "ibuprofen, 400 mg, 07:30");
  d.set("factors", "caffeine=2;late dinner");
  const TimeContext ctx{LocalDate{year{2026} / 11 / 23}, Period::morning, zone()};
  for (auto _ : state) {
    DiaryFields f;
    auto errors = apply_draft(f, d, ctx, DraftMode::create);
    auto more = check_fields(f, ctx);
    benchmark::DoNotOptimize(errors);
    benchmark::DoNotOptimize(more);
  }
}
BENCHMARK(BM_ValidateFullEntry);

}  // namespace
}  // namespace daybreak

BENCHMARK_MAIN();
