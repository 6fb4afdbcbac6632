// Fault injection as SQLite tests itself: the Nth read, write, sync, truncate
// or open of the file fails (once, or from then on) during a log, an edit, an
// import and a restore. After each: the operation either reported an error
// and the diary is as it was, or it succeeded and its change is durable; and
// the file passes SQLite's integrity check, every time.
//
// `make test` runs a seeded sample of the failure points of each kind;
// DAYBREAK_SOAK=1 (`make soak`) runs every one (figures in docs/reliability.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <random>

#include <fmt/format.h>

#include "app/diary.hpp"
#include "app/transfer.hpp"
#include "reliability/soak.hpp"
#include "store/sqlite_store.hpp"
#include "support/faulty_vfs.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

WriteMeta meta(UserId user) { return {fixed_now(), Actor{user, "test"}}; }

Draft pain_with_long_note(int p) {
  Draft d;
  d.set("pain", std::to_string(p));
  d.set("note", std::string(300, 'x'));  // rows that spill over a page boundary now and then
  return d;
}

// Everything a person has, in one comparable text.
std::string diary_text(const std::filesystem::path& db) {
  SqliteStore store(SqliteOptions{db});
  const auto problems = store.check();
  EXPECT_TRUE(problems.empty()) << (problems.empty() ? "" : problems.front());
  return export_csv(store, kLocalUser, berlin());
}

struct Scenario {
  std::string name;
  // Runs on the store (opened through the faulty VFS); throws or returns false on failure.
  std::function<bool(SqliteStore&, const std::filesystem::path& dir)> run;
};

std::vector<Scenario> scenarios() {
  return {
      {"log",
       [](SqliteStore& store, const std::filesystem::path&) {
         return log_entry(
                    store, meta(kLocalUser), kLocalUser, berlin(),
                    LogRequest{ymd(2026, 11, 20), Period::evening, pain_with_long_note(6), false, std::string("key-1")})
             .ok();
       }},
      {"edit",
       [](SqliteStore& store, const std::filesystem::path&) {
         return edit_entry(store, meta(kLocalUser), kLocalUser, berlin(), EntryId{2}, pain_with_long_note(9)).ok();
       }},
      {"import",
       [](SqliteStore& store, const std::filesystem::path&) {
         const std::string csv =
             "date,period,pain,note\r\n2026-10-01,morning,3,a\r\n2026-10-02,morning,4,b\r\n2026-10-03,night,5,c\r\n";
         return import_csv(store, meta(kLocalUser), kLocalUser, berlin(), csv, false, false).ok();
       }},
      {"restore",
       [](SqliteStore& store, const std::filesystem::path& dir) {
         store.restore_from(dir / "backup.db");
         return true;
       }},
  };
}

class FaultInjection : public ::testing::TestWithParam<Scenario> {
 protected:
  // A small diary, and a backup of another one for the restore.
  void SetUp() override {
    register_faulty_vfs();
    {
      SqliteStore other(SqliteOptions{dir_ / "other.db"});
      const UserId user = ensure_local_user(other, fixed_now(), "Europe/Berlin").id;
      for (unsigned d = 1; d <= 12; ++d) {
        ASSERT_TRUE(
            log_entry(
                other, meta(user), user, berlin(),
                LogRequest{ymd(2026, 9, d), Period::morning, pain_with_long_note(static_cast<int>(d % 10)), false, {}})
                .ok());
      }
      other.backup_to(dir_ / "backup.db");
    }
    SqliteStore base(SqliteOptions{dir_ / "base.db"});
    const UserId user = ensure_local_user(base, fixed_now(), "Europe/Berlin").id;
    for (unsigned d = 1; d <= 8; ++d) {
      ASSERT_TRUE(
          log_entry(base, meta(user), user, berlin(),
                    LogRequest{ymd(2026, 11, d), Period::morning, pain_with_long_note(static_cast<int>(d)), false, {}})
              .ok());
    }
  }

  // A fresh copy of the base diary, as `work.db`.
  std::filesystem::path fresh_copy() {
    const auto work = dir_ / "work.db";
    for (const char* suffix : {"", "-wal", "-shm", ".checked"}) std::filesystem::remove(work.string() + suffix);
    std::filesystem::copy_file(dir_ / "base.db", work);
    return work;
  }

  // Runs the scenario once with `fault` (or none), returning whether it succeeded.
  bool run_once(const std::optional<Fault>& fault, std::array<int, 5>* calls = nullptr) {
    const auto work = fresh_copy();
    bool ok = false;
    {
      SqliteStore store(SqliteOptions{work, kFaultyVfs});
      if (fault) {
        inject_fault(*fault);
      } else {
        count_calls();
      }
      try {
        ok = GetParam().run(store, dir_.path());
      } catch (const StoreError& e) {
        ok = false;
        const std::string what = e.what();
        EXPECT_NE(what.find(work.string()), std::string::npos) << "the error must name the file: " << what;
      }
      if (calls != nullptr) {
        for (const auto op : kFaultOps) (*calls)[static_cast<std::size_t>(op)] = faulty_vfs_calls(op);
      }
      clear_fault();
    }
    return ok;
  }

  TempDir dir_;
};

TEST_P(FaultInjection, EveryFailurePointLeavesTheDiaryAsItWasOrDurablyChanged) {
  const std::string before = diary_text(fresh_copy());
  std::array<int, 5> calls{};
  ASSERT_TRUE(run_once(std::nullopt, &calls)) << "the scenario must succeed without faults";
  const std::string after = diary_text(dir_ / "work.db");
  ASSERT_NE(before, after);

  std::mt19937 rng(20261202);
  int runs = 0;
  int failed = 0;
  for (const auto op : kFaultOps) {
    const int n_calls = calls[static_cast<std::size_t>(op)];
    std::vector<int> points(static_cast<std::size_t>(n_calls));
    std::iota(points.begin(), points.end(), 1);
    if (!soak() && points.size() > 6) {  // a seeded slice: the first, the last, and four more
      std::shuffle(points.begin() + 1, points.end() - 1, rng);
      points.resize(5);
      points.push_back(n_calls);
    }
    for (const int n : points) {
      for (const bool persistent : {false, true}) {
        const Fault fault{op, n, persistent};
        const bool ok = run_once(fault);
        ++runs;
        failed += ok ? 0 : 1;
        const std::string now = diary_text(dir_ / "work.db");
        const std::string where =
            fmt::format("{} #{}{} during {}", name_of(op), n, persistent ? " and on" : "", GetParam().name);
        if (ok) {
          EXPECT_EQ(now, after) << where << ": it succeeded, so its change must be there";
        } else {
          EXPECT_EQ(now, before) << where << ": it failed, so the diary must be as it was";
        }
      }
    }
  }
  RecordProperty("runs", runs);
  RecordProperty("failed", failed);
  EXPECT_GT(failed, 0) << "no injected fault made " << GetParam().name << " fail";
}

INSTANTIATE_TEST_SUITE_P(Store, FaultInjection, ::testing::ValuesIn(scenarios()),
                         [](const auto& p) { return p.param.name; });

}  // namespace
}  // namespace daybreak::testing
