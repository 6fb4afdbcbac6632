// Insights in process on ten years of synthetic daily diary: the analysis
// alone, each of its costly methods, and, as the reference in the same run,
// reading the same ten years back from SQLite into domain values.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "analysis/change_points.hpp"
#include "analysis/insights.hpp"
#include "analysis/mann_kendall.hpp"
#include "analysis/theil_sen.hpp"
#include "app/diary.hpp"
#include "store/sqlite_store.hpp"
#include "synthetic_diary.hpp"

namespace daybreak {
namespace {

constexpr int kTenYears = 3650;

testing::SyntheticDiary ten_years() {
  testing::SyntheticDiary d;
  d.start = testing::ymd(2016, 11, 26);
  d.days = kTenYears;
  d.level = [](int i) { return i < 1500 ? 5.0 : (i < 2700 ? 3.0 : 4.5); };
  d.back_share = 0.25;
  d.back_effect = 1.0;
  d.log_temperature = true;
  d.afternoons = 1.0;
  d.log_walking = true;
  d.walking_effect_per_30 = -0.3;
  d.medication_share = 0.2;
  d.medication_effect = -1.0;
  return d;
}

const std::vector<DiaryEntry>& entries() {
  static const std::vector<DiaryEntry> e = ten_years().build();
  return e;
}

void BM_InsightsTenYears(benchmark::State& state) {
  const auto d = ten_years();
  const LocalDate to = add_days(d.start, d.days - 1);
  for (auto _ : state) {
    auto in = analysis::build_insights(entries(), d.start, to, testing::berlin(), std::nullopt,
                                       analysis::AdherenceCalendar{add_days(to, 1), {}});
    benchmark::DoNotOptimize(in);
  }
  state.counters["entries"] = static_cast<double>(entries().size());
}
BENCHMARK(BM_InsightsTenYears)->Unit(benchmark::kMillisecond);

void BM_ShiftsTenYears(benchmark::State& state) {
  std::vector<double> y;
  for (const auto& e : entries()) {
    if (e.period == Period::morning) y.push_back(e.fields.pain.value());
  }
  for (auto _ : state) benchmark::DoNotOptimize(analysis::detect_mean_shifts(y));
}
BENCHMARK(BM_ShiftsTenYears)->Unit(benchmark::kMillisecond);

void BM_TrendTwelveWeeks(benchmark::State& state) {
  std::vector<double> t;
  std::vector<double> y;
  for (const auto& e : entries()) {
    if (e.period != Period::morning || t.size() == 84) continue;
    t.push_back(static_cast<double>(t.size()));
    y.push_back(e.fields.pain.value());
  }
  for (auto _ : state) {
    const double slope = analysis::theil_sen_slope(t, y);
    const auto mk = analysis::mann_kendall_hamed_rao(t, y, slope);
    benchmark::DoNotOptimize(analysis::theil_sen(t, y, mk.variance * mk.correction));
  }
}
BENCHMARK(BM_TrendTwelveWeeks)->Unit(benchmark::kMicrosecond);

// Reference: the ten years read back from a SQLite file, as `insights` reads them.
void BM_StoreReadTenYears(benchmark::State& state) {
  const auto dir = std::filesystem::temp_directory_path() / ("daybreak-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "ten-years.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  SqliteStore store(SqliteOptions{path});
  const UserId user = ensure_local_user(store, testing::fixed_now(), "Europe/Berlin").id;
  {
    auto tx = store.write();
    for (const auto& e : entries()) {
      (void)tx->insert_entry(user,
                             NewEntry{e.date, e.period, e.fields, std::nullopt, std::nullopt, RevisionOp::import, {}},
                             {testing::fixed_now(), Actor{user, "bench"}});
    }
    tx->commit();
  }
  const auto d = ten_years();
  for (auto _ : state) {
    auto read = store.read()->entries_between(user, d.start, add_days(d.start, d.days - 1));
    benchmark::DoNotOptimize(read);
  }
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_StoreReadTenYears)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace daybreak

BENCHMARK_MAIN();
