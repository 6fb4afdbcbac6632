// `daybreak migrate` as a person runs it: a diary moved from its file into a
// PostgreSQL database (the tests' throw-away cluster) and back, each time
// checked by exporting it from both ends: the same CSV, the same FHIR.
#include <gtest/gtest.h>

#include "support/pg_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {
namespace {

// Commands run in `dir` as a person runs them, each expected to succeed.
struct Shell {
  explicit Shell(const TempDir& dir)
      : options{dir.path(), test_environment(dir.path(), std::filesystem::path(DAYBREAK_BINARY).parent_path()), ""} {}
  std::string operator()(const std::string& command) const {
    const auto r = run_shell(command, options);
    EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.out << r.err;
    return r.out;
  }
  ProcessOptions options;
};

TEST(Migrate, ADiaryMovesToPostgresqlAndBackAndExportsTheSame) {
  TempDir dir;
  const Shell run(dir);
  run("daybreak item add pillow knee");
  for (int d = 1; d <= 9; ++d) {
    run(fmt::format("daybreak log morning --date 2026-11-0{} --pain {} --stiffness-minutes {} --note 'day {}, ünïcödé'",
                    d, d % 7, 10 * d, d));
    run(fmt::format("daybreak log night --date 2026-11-0{} --pain 2 --pillow knee --awakenings 1", d));
  }
  run("daybreak edit 3 --pain 9");
  run("daybreak delete 4");
  run("daybreak questionnaire take odi --answers '1=2,2=2,3=2,4=2,5=2,6=2,7=2,8=1,9=2,10=1'");
  const std::string uri = pg_uri(fresh_pg_database());

  const std::string moved = run("daybreak migrate --to postgresql '" + uri + "'");
  EXPECT_NE(moved.find("diary entries"), std::string::npos) << moved;
  for (const char* format : {"csv", "fhir"}) {
    EXPECT_EQ(run(fmt::format("daybreak export {}", format)),
              run(fmt::format("DAYBREAK_DATABASE='{}' daybreak export {}", uri, format)))
        << format;
  }
  run("daybreak migrate --from '" + uri + "' --to sqlite back.db");
  run("mkdir back && mv back.db back/daybreak.db");
  for (const char* format : {"csv", "fhir"}) {
    EXPECT_EQ(run(fmt::format("daybreak export {}", format)),
              run(fmt::format("daybreak --data-dir back export {}", format)))
        << format;
  }
  // A second move into the same database is refused; it keeps one copy.
  const auto again = run_shell("daybreak migrate --to '" + uri + "'", run.options);
  EXPECT_EQ(again.exit_code, 4);
  EXPECT_NE(again.err.find("already holds data"), std::string::npos) << again.err;
}

// Found from outside: a clinic's move listed some tables in words ("diary
// entries") and the others by their names ("audit_events", "sign_ins"), and
// called the table of every person "your profile".
TEST(Migrate, AClinicsMoveNamesEveryTableInWords) {
  TempDir dir;
  const Shell run(dir);
  run("daybreak log morning --pain 4");
  run("echo 'a long clinic password' | daybreak admin user add dr.berg --role clinician --name 'Dr Berg' "
      "--password-stdin");
  run("daybreak admin user add anna --role person --name Anna --local-person");
  run("daybreak share --person anna --with dr.berg");
  const std::string moved = run("daybreak migrate --to postgresql '" + pg_uri(fresh_pg_database()) + "'");
  for (const char* table : {"users", "sign_ins", "audit_events", "person_changes"}) {
    EXPECT_EQ(moved.find(table), std::string::npos) << "a table's own name: " << table << "\n" << moved;
  }
  EXPECT_EQ(moved.find("your profile"), std::string::npos) << moved;
  EXPECT_NE(moved.find("accounts"), std::string::npos) << moved;
  EXPECT_NE(moved.find("grants of sharing"), std::string::npos) << moved;
}

}  // namespace
}  // namespace daybreak::testing
