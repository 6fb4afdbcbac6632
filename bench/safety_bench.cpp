// Safety screening and questionnaires (issue 5), each against a reference
// doing comparable work, measured in one run:
//   - the safety gate over three years of diary and screening history,
//     against raw SQLite stepping the same rows (the events and a week of
//     entries) without building anything;
//   - scoring an ODI through the generic engine (text in, checked and
//     scored), against the formula written by hand for the ODI alone.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <string>

#include "app/diary.hpp"
#include "app/safety.hpp"
#include "content/instruments.hpp"
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

std::vector<ScreenAnswer> answers(std::initializer_list<RedFlag> yes = {}) {
  std::vector<ScreenAnswer> a;
  for (std::size_t i = 0; i < red_flag_questions().size(); ++i) {
    const bool y = std::find(yes.begin(), yes.end(), static_cast<RedFlag>(i)) != yes.end();
    a.push_back({std::string(red_flag_questions()[i].id), y ? YesNo::yes : YesNo::no});
  }
  return a;
}

// Three years: a diary entry every morning (leg tingling one day in three),
// a full check every week, a leg check for every tingling morning, and twice
// a year an urgent flag and its clinician review: about 600 screening events.
std::filesystem::path seeded_history() {
  static const std::filesystem::path path = [] {
    const auto p = scratch("safety.db");
    SqliteStore store(SqliteOptions{p});
    const UserId user = ensure_local_user(store, kNow, "Europe/Berlin").id;
    auto tx = store.write();
    const Instant start = kNow - days{3 * 365};
    for (int d = 0; d < 3 * 365; ++d) {
      const Instant at = start + days{d};
      DiaryFields f;
      f.pain = *PainScore::make(d % 11);
      f.stiffness_minutes = StiffnessMinutes::make(d % 90);
      f.red_flags = YesNo::no;
      if (d % 3 == 0) f.leg_symptoms.insert(LegSymptom::tingling_left);
      const LocalDate day{floor<days>(at)};
      const DiaryEntry e = tx->insert_entry(user, NewEntry{day, Period::morning, f, {}, {}, RevisionOp::create, {}},
                                            {at, Actor{user, "bench"}});
      const auto add = [&](ScreenKind kind, std::vector<ScreenAnswer> a, Instant when) {
        ScreeningEvent ev;
        ev.kind = kind;
        ev.at = when;
        ev.channel = "bench";
        const ScreenVerdict v = judge_answers(a);
        ev.answers = std::move(a);
        ev.result = kind == ScreenKind::clinician_seen ? ScreenResult::acknowledged : v.result;
        ev.raised = v.raised;
        if (kind == ScreenKind::legs) ev.entry = e.id;
        (void)tx->add_screening(user, ev);
      };
      if (d % 7 == 0)
        add(ScreenKind::full,
            answers(d % 182 == 0 ? std::initializer_list{RedFlag::fever} : std::initializer_list<RedFlag>{}),
            at + minutes{1});
      if (d % 182 == 0) add(ScreenKind::clinician_seen, {}, at + hours{30});
      if (d % 3 == 0) {
        std::vector<ScreenAnswer> legs;
        for (const RedFlag flag : kLegCheckFlags) legs.push_back({std::string(question_for(flag).id), YesNo::no});
        add(ScreenKind::legs, legs, at + minutes{2});
      }
    }
    tx->commit();
    return p;
  }();
  return path;
}

void BM_SafetyGate(benchmark::State& state) {
  SqliteStore store(SqliteOptions{seeded_history()});
  for (auto _ : state) {
    const SafetyGate gate = safety_gate(store, kLocalUser, kNow);
    benchmark::DoNotOptimize(gate);
  }
}
BENCHMARK(BM_SafetyGate);

// Reference: the same two reads, stepped through raw, nothing built.
void BM_RawSqliteGateRows(benchmark::State& state) {
  sqlite3* db = nullptr;
  sqlite3_open(seeded_history().c_str(), &db);
  sqlite3_stmt* events = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, kind, recorded_at, channel, entry_id, answers, result, raised, ibp "
                     "FROM screening_events WHERE user_id = 1 ORDER BY recorded_at, id",
                     -1, &events, nullptr);
  sqlite3_stmt* week = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT * FROM entries WHERE user_id = 1 AND day BETWEEN '2026-11-15' AND '2026-11-24' "
                     "AND deleted_at IS NULL",
                     -1, &week, nullptr);
  for (auto _ : state) {
    std::size_t bytes = 0;
    while (sqlite3_step(events) == SQLITE_ROW) bytes += static_cast<std::size_t>(sqlite3_column_bytes(events, 5));
    sqlite3_reset(events);
    while (sqlite3_step(week) == SQLITE_ROW) ++bytes;
    sqlite3_reset(week);
    benchmark::DoNotOptimize(bytes);
  }
  sqlite3_finalize(events);
  sqlite3_finalize(week);
  sqlite3_close(db);
}
BENCHMARK(BM_RawSqliteGateRows);

constexpr std::string_view kOdiAnswers = "1=2,2=1,3=3,4=2,5=2,6=1,7=2,8=skip,9=2,10=1";

void BM_ScoreOdiWithTheEngine(benchmark::State& state) {
  const Instrument& odi = *find_instrument("odi");
  for (auto _ : state) {
    auto answers = read_answers(odi, kOdiAnswers);
    auto score = score_answers(odi, *answers);
    benchmark::DoNotOptimize(score);
  }
}
BENCHMARK(BM_ScoreOdiWithTheEngine);

// Reference: the ODI formula written for the ODI alone, reading the same text.
void BM_ScoreOdiByHand(benchmark::State& state) {
  for (auto _ : state) {
    int sum = 0;
    int answered = 0;
    std::string_view rest = kOdiAnswers;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view pair = rest.substr(0, comma);
      const std::string_view value = pair.substr(pair.find('=') + 1);
      int v = 0;
      if (std::from_chars(value.data(), value.data() + value.size(), v).ec == std::errc{}) {
        if (v >= 0 && v <= 5) {
          sum += v;
          ++answered;
        }
      }
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    const double percent = 100.0 * sum / (5.0 * answered);
    benchmark::DoNotOptimize(percent);
  }
}
BENCHMARK(BM_ScoreOdiByHand);

}  // namespace
}  // namespace daybreak

BENCHMARK_MAIN();
