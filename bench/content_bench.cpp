// Issue 3: loading the built-in content (parse and check every file) against
// toml++ parsing the same files and nothing more; expanding a session plan
// against copying the finished plan (the same allocations, no logic).
#include <benchmark/benchmark.h>

#include <toml++/toml.h>

#include <nlohmann/json.hpp>

#include "content/library_loader.hpp"
#include "exercise/json.hpp"
#include "exercise/plan.hpp"

namespace daybreak {
namespace {

const ContentLibrary& library() {
  static const ContentLibrary l = load_builtin_content().value();
  return l;
}

// The longest routine of the built-in program at the top of every ladder.
ExerciseLevels top_levels() {
  ExerciseLevels levels;
  for (const Exercise& e : library().exercises()) levels[e.id] = e.level_count();
  return levels;
}

void BM_LoadBuiltinContent(benchmark::State& state) {
  const auto files = builtin_content_files();
  for (auto _ : state) {
    auto loaded = load_content(files, "built-in:");
    benchmark::DoNotOptimize(loaded);
  }
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_LoadBuiltinContent)->Unit(benchmark::kMicrosecond);

void BM_TomlParseOnly(benchmark::State& state) {
  const auto files = builtin_content_files();
  for (auto _ : state) {
    for (const auto& f : files) {
      auto table = toml::parse(f.text, f.name);
      benchmark::DoNotOptimize(table);
    }
  }
}
BENCHMARK(BM_TomlParseOnly)->Unit(benchmark::kMicrosecond);

void BM_ExpandPlan(benchmark::State& state) {
  const Program& p = library().default_program();
  const ExerciseLevels levels = top_levels();
  for (auto _ : state) {
    auto plan = expand_plan(library(), p, 2, RoutineKind::evening, levels);
    benchmark::DoNotOptimize(plan);
  }
  state.counters["steps"] =
      static_cast<double>(expand_plan(library(), p, 2, RoutineKind::evening, levels).steps.size());
}
BENCHMARK(BM_ExpandPlan)->Unit(benchmark::kMicrosecond);

void BM_CopyPlan(benchmark::State& state) {
  const SessionPlan plan = expand_plan(library(), library().default_program(), 2, RoutineKind::evening, top_levels());
  for (auto _ : state) {
    SessionPlan copy = plan;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_CopyPlan)->Unit(benchmark::kMicrosecond);

void BM_PlanToJson(benchmark::State& state) {
  const SessionPlan plan = expand_plan(library(), library().default_program(), 2, RoutineKind::evening, top_levels());
  for (auto _ : state) {
    auto text = plan_to_json(plan).dump();
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_PlanToJson)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace daybreak

BENCHMARK_MAIN();
