// Kill -9 at random moments during bursts of writes by the real binary: every
// write the CLI acknowledged must be there afterwards, and the database must
// pass SQLite's integrity check. Done many times.
#include <signal.h>

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <regex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "app/diary.hpp"
#include "reliability/soak.hpp"
#include "store/sqlite_store.hpp"
#include "support/fixtures.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

struct Harness {
  TempDir dir;
  ProcessOptions options;
  std::filesystem::path db;
  Harness() {
    const std::filesystem::path binary = DAYBREAK_BINARY;
    options = {dir.path(), test_environment(dir.path(), binary.parent_path()), ""};
    db = dir / "data" / "daybreak.db";
  }
  std::vector<DiaryEntry> entries() {
    if (!std::filesystem::exists(db)) return {};  // killed before the first write
    SqliteStore store(SqliteOptions{db});
    EXPECT_TRUE(store.check().empty()) << "integrity check failed";
    return store.read()->entries_between(kLocalUser, ymd(1900, 1, 1), ymd(2100, 1, 1));
  }
};

TEST(CrashSafety, KilledWritersNeverLoseAnAcknowledgedEntry) {
  Harness h;
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> acks_before_kill(1, 20);
  std::uniform_int_distribution<int> extra_us(0, 15000);
  const std::regex ack(R"(\(entry (\d+)\))");
  std::set<std::int64_t> acknowledged;
  int killed_mid_burst = 0;
  // `make test` runs a seeded slice (12 rounds: at 30 they were a minute and a
  // half of the sanitized tree's time); `make soak` the long sweep, as many
  // rounds of fresh days as daybreak accepts (from 1970 to today).
  const int kRounds = soak() ? 120 : 12;
  constexpr int kPerRound = 150;

  const auto count_acks = [&](const std::string& text) {
    return std::distance(std::sregex_iterator(text.begin(), text.end(), ack), std::sregex_iterator());
  };

  for (int round = 0; round < kRounds; ++round) {
    // Each round logs fresh days, so a write that landed without being
    // acknowledged never collides with the next round.
    std::string script;
    const LocalDate first = add_days(ymd(1970, 1, 1), round * kPerRound);
    for (int i = 0; i < kPerRound; ++i) {
      script +=
          fmt::format("daybreak log morning --date {} --pain {} --stiffness-minutes {} --note 'round {} write {}'\n",
                      format_date(add_days(first, i)), i % 11, (i * 7) % 721, round, i);
    }
    write_file(h.dir / "burst.sh", script);
    const auto out = h.dir / fmt::format("out-{}.txt", round);
    Child child("sh burst.sh", h.options, out, h.dir / "err.txt");
    // Let a random number of writes through (however loaded the machine is),
    // then kill at a random moment of the ones that follow.
    const int wanted = acks_before_kill(rng);
    const auto deadline = steady_clock::now() + seconds(30);
    while (count_acks(read_file(out)) < wanted && steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(1));
    }
    std::this_thread::sleep_for(microseconds(extra_us(rng)));
    child.kill_group(SIGKILL);
    if (child.wait() == -SIGKILL) ++killed_mid_burst;

    const std::string printed = read_file(out);
    for (auto it = std::sregex_iterator(printed.begin(), printed.end(), ack); it != std::sregex_iterator(); ++it) {
      acknowledged.insert(std::stoll((*it)[1].str()));
    }
    const auto stored = h.entries();
    std::set<std::int64_t> ids;
    for (const auto& e : stored) ids.insert(e.id.value);
    for (const auto id : acknowledged) ASSERT_TRUE(ids.contains(id)) << "acknowledged entry " << id << " was lost";
  }
  EXPECT_GE(acknowledged.size(), static_cast<std::size_t>(kRounds));
  EXPECT_GT(killed_mid_burst, kRounds / 2);
  // The figures of docs/reliability.md (--gtest_output=xml shows them).
  RecordProperty("acknowledged", static_cast<int>(acknowledged.size()));
  RecordProperty("killed_mid_burst", killed_mid_burst);
}

TEST(CrashSafety, AKilledImportIsAllOrNothing) {
  Harness h;
  std::string csv = "date,period,pain,note\r\n";
  constexpr int kRows = 3000;
  for (int i = 0; i < kRows; ++i) {
    csv += fmt::format("{},evening,{},row {}\r\n", format_date(add_days(ymd(1995, 1, 1), i)), i % 11, i);
  }
  write_file(h.dir / "big.csv", csv);
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> delay_ms(10, 150);
  int partial_checks = 0;
  for (int round = 0; round < 12; ++round) {
    {
      Child child("daybreak import csv big.csv", h.options, h.dir / "out.txt", h.dir / "err.txt");
      std::this_thread::sleep_for(milliseconds(delay_ms(rng)));
      child.kill_group(SIGKILL);
      (void)child.wait();
    }
    const auto stored = h.entries();
    ASSERT_TRUE(stored.empty() || stored.size() == kRows) << stored.size() << " of " << kRows << " rows landed";
    if (!stored.empty()) break;  // the import finished before the kill; nothing more to learn
    ++partial_checks;
  }
  EXPECT_GT(partial_checks, 0) << "every import finished before it could be killed";
}

}  // namespace
}  // namespace daybreak::testing
