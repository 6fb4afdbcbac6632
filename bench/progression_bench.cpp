// Issue 4: how long progression takes to decide a whole year of session days
// (two routines a day, 730 decisions, one transaction), against reading the
// same year's diary and sessions from the store, measured in the same run.
// Also one more day decided on top of a decided year: what `daybreak log
// morning` adds when a decision is due.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "app/diary.hpp"
#include "app/progression.hpp"
#include "app/session.hpp"
#include "content/library_loader.hpp"
#include "platform/tzdb_zone.hpp"
#include "store/sqlite_store.hpp"

namespace daybreak {
namespace {

using namespace std::chrono;

const LocalDate kFirst{year{2025}, month{11}, day{23}};
constexpr int kDays = 365;

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("daybreak-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}
void remove_db(const std::filesystem::path& p) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
}

const TimeZone& zone() {
  static const TzdbZone z("Europe/Berlin");
  return z;
}
const ContentLibrary& library() {
  static const ContentLibrary l = load_builtin_content().value();
  return l;
}
Instant local(LocalDate d, minutes m) { return zone().resolve(at(d, m)).first; }

// A year of mornings (pain wandering 2-6, stiffness 10-50 min), evenings, and
// a morning and an evening session every day; no decision made yet.
const std::filesystem::path& year_template() {
  static const std::filesystem::path path = [] {
    const auto p = scratch("year.db");
    remove_db(p);
    SqliteStore store(SqliteOptions{p});
    const UserId user = ensure_local_user(store, local(kFirst, hours{6}), "Europe/Berlin").id;
    for (int i = 0; i < kDays; ++i) {
      const LocalDate d = add_days(kFirst, i);
      const WriteMeta meta{local(d, hours{7}), Actor{user, "bench"}};
      Draft m;
      m.set("pain", std::to_string(2 + (i * 7) % 5));
      m.set("stiffness_minutes", std::to_string(10 + (i * 13) % 41));
      (void)log_entry(store, meta, user, zone(), LogRequest{d, Period::morning, m, false, {}});
      Draft e;
      e.set("pain", std::to_string(1 + (i * 3) % 5));
      (void)log_entry(store, meta, user, zone(), LogRequest{d, Period::evening, e, false, {}});
      for (RoutineKind r : {RoutineKind::morning, RoutineKind::evening}) {
        const auto plan = session_plan(store, library(), user, SessionChoice{r, std::nullopt, std::nullopt});
        SessionResult res;
        res.pain_before = *PainScore::make(3);
        res.steps.assign(plan->steps.size(), StepOutcome::done);
        res.pain_during.assign(plan->exercises.size(), PainScore::make(2 + i % 3));
        res.duration = seconds{plan->total_seconds()};
        const Instant started = local(d, r == RoutineKind::morning ? minutes{7 * 60 + 30} : hours{21});
        (void)save_session(store, {started, Actor{user, "bench"}}, user, *plan, SessionSave{started, res, {}}, zone());
      }
    }
    return p;
  }();
  return path;
}

void copy_db(const std::filesystem::path& from, const std::filesystem::path& to) {
  remove_db(to);
  std::filesystem::copy_file(from, to);
}

ProgressionContext context() {
  static const ProgressionConfig config;
  return {library(), config, zone(), {}};
}
const Instant kEnd = Instant{sys_days{add_days(kFirst, kDays + 1)}} + hours{8};

// Decides the whole year from scratch: 730 decisions, their level changes, one commit.
void BM_DecideYear(benchmark::State& state) {
  const auto work = scratch("decide-year.db");
  for (auto _ : state) {
    state.PauseTiming();
    copy_db(year_template(), work);
    {
      SqliteStore store(SqliteOptions{work});
      state.ResumeTiming();
      const auto made = decide_progression(store, {kEnd, Actor{UserId{1}, "bench"}}, UserId{1}, context());
      benchmark::DoNotOptimize(made);
      if (!made || made->size() < 2 * kDays) state.SkipWithError("not every day was decided");
      state.PauseTiming();
    }
    state.ResumeTiming();
  }
}
BENCHMARK(BM_DecideYear)->Unit(benchmark::kMillisecond)->Iterations(5);

// Reference: reading the same year's diary and sessions into domain objects.
void BM_ReadYear(benchmark::State& state) {
  const auto work = scratch("read-year.db");
  copy_db(year_template(), work);
  SqliteStore store(SqliteOptions{work});
  for (auto _ : state) {
    const auto tx = store.read();
    auto entries = tx->entries_between(UserId{1}, add_days(kFirst, -28), add_days(kFirst, kDays));
    auto sessions = tx->sessions_between(UserId{1}, Instant{}, kEnd);
    benchmark::DoNotOptimize(entries);
    benchmark::DoNotOptimize(sessions);
  }
}
BENCHMARK(BM_ReadYear)->Unit(benchmark::kMillisecond);

// A decided year, then one more day: what a morning entry costs when a decision is due.
void BM_DecideOneMoreDay(benchmark::State& state) {
  static const std::filesystem::path decided = [] {
    const auto p = scratch("decided.db");
    copy_db(year_template(), p);
    SqliteStore store(SqliteOptions{p});
    (void)decide_progression(store, {kEnd - hours{24}, Actor{UserId{1}, "bench"}}, UserId{1}, context());
    return p;
  }();
  const auto work = scratch("one-more.db");
  for (auto _ : state) {
    state.PauseTiming();
    copy_db(decided, work);
    {
      SqliteStore store(SqliteOptions{work});
      state.ResumeTiming();
      const auto made = decide_progression(store, {kEnd, Actor{UserId{1}, "bench"}}, UserId{1}, context());
      benchmark::DoNotOptimize(made);
      state.PauseTiming();
    }
    state.ResumeTiming();
  }
}
BENCHMARK(BM_DecideOneMoreDay)->Unit(benchmark::kMillisecond)->Iterations(20);

// Reference for one day: one durable diary entry through the same store.
void BM_LogOneEntry(benchmark::State& state) {
  const auto work = scratch("log-one.db");
  copy_db(year_template(), work);
  SqliteStore store(SqliteOptions{work});
  int i = 0;
  for (auto _ : state) {
    Draft d;
    d.set("pain", "3");
    const LocalDate day = add_days(kFirst, kDays + 10 + i++);
    benchmark::DoNotOptimize(log_entry(store, {local(day, hours{7}), Actor{UserId{1}, "bench"}}, UserId{1}, zone(),
                                       LogRequest{day, Period::afternoon, d, false, {}}));
  }
}
BENCHMARK(BM_LogOneEntry)->Unit(benchmark::kMillisecond)->Iterations(20);

}  // namespace
}  // namespace daybreak

BENCHMARK_MAIN();
