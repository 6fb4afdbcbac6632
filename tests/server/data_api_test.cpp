// The rest of the API: the profile, sleep items, CSV export and import, the
// database check, and the routes about the API itself.
#include <sqlite3.h>

#include <fmt/format.h>

#include <set>
#include <sstream>
#include <string>

#include "api_fixture.hpp"
#include "app/profile.hpp"
#include "domain/hint.hpp"
#include "domain/text.hpp"
#include "platform/tzdb_zone.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class DataApi : public ApiTest {};

TEST_F(DataApi, HealthNamesTheVersion) {
  const auto r = get("/api/health");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json(), (Json{{"status", "ok"}, {"version", "test"}}));
}

// Found from outside: a 60 KB body of 30,000 '[' sent to POST
// /api/import/fhir crashed the server (a copy of the parsed value recursed
// once per level); the same inside a diary entry came back as a 422 that
// echoed all 60 KB. JSON nested deeper than kMaxJsonDepth is now refused by
// name, and the server goes on.
TEST_F(DataApi, ABodyNestedThirtyThousandDeepCrashedTheServerAndIsRefused) {
  const std::string deep = std::string(30000, '[') + std::string(30000, ']');
  const auto fhir = http(port_, "POST", "/api/import/fhir", deep, "application/fhir+json");
  EXPECT_EQ(fhir.status, 422) << fhir.body.substr(0, 300);
  EXPECT_NE(fhir.body.find("nested at most 64 levels deep"), std::string::npos) << fhir.body.substr(0, 300);
  const auto entry = post("/api/entries", R"({"period": "morning", "fields": {"pain": )" + deep + "}}");
  EXPECT_EQ(entry.status, 400) << entry.body.substr(0, 300);
  EXPECT_NE(entry.body.find("nested at most 64 levels deep"), std::string::npos) << entry.body.substr(0, 300);
  EXPECT_LT(entry.body.size(), 1000U);
  EXPECT_EQ(get("/api/health").status, 200);
  EXPECT_TRUE(store_.read()->entries_between(user_.id, ymd(2000, 1, 1), ymd(2100, 1, 1)).empty());
}

TEST_F(DataApi, TheFieldCatalogueHasRangesChoicesAndPeriods) {
  const Json j = get("/api/fields").json();
  EXPECT_EQ(j["periods"], (Json{"night", "morning", "afternoon", "evening"}));
  const auto field = [&](std::string_view name) {
    for (const auto& f : j["fields"]) {
      if (f["name"] == name) return f;
    }
    return Json();
  };
  EXPECT_EQ(field("pain")["required"], true);
  EXPECT_EQ(field("pain")["min"], 0);
  EXPECT_EQ(field("pain")["max"], 10);
  EXPECT_EQ(field("pain")["periods"].size(), 4U);
  EXPECT_EQ(field("stiffness_minutes")["periods"], Json{"morning"});
  EXPECT_EQ(field("stiffness_minutes")["max"], 720);
  EXPECT_EQ(field("sitting_hours")["step"], 0.1);
  EXPECT_EQ(field("signs")["shape"], "choices");
  EXPECT_EQ(field("signs")["choices"], (Json{"spasm", "stiffness", "soreness", "tightness", "ache"}));
  EXPECT_EQ(field("bedtime")["shape"], "time");
  EXPECT_FALSE(field("note").contains("min"));
}

TEST_F(DataApi, TheOpenApiDocumentIsServed) {
  const auto r = get("/api/openapi.yaml");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/yaml");
  EXPECT_EQ(r.body.rfind("openapi: 3.1", 0), 0U) << r.body.substr(0, 80);
}

// The property names of one schema of docs/openapi.yaml's components, read
// from its text: a property is a line indented eight spaces under `properties:`.
std::set<std::string> schema_properties(const std::string& yaml, const std::string& schema) {
  std::set<std::string> names;
  std::istringstream in(yaml);
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("    ") && !line.starts_with("     ") && line.ends_with(":")) {
      inside = line == "    " + schema + ":";
      continue;
    }
    if (!inside || !line.starts_with("        ") || line.starts_with("         ")) continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos) names.insert(line.substr(8, colon - 8));
  }
  return names;
}

// Issue 15.9: the spec's Fields lacked red_flags, which the server accepts, so a
// client built from the spec could not send the one-tap safety check.
TEST_F(DataApi, EveryFieldOfTheCatalogueIsInTheOpenApiFieldsAndFieldsPatch) {
  const std::string yaml = get("/api/openapi.yaml").body;
  const auto fields = schema_properties(yaml, "Fields");
  const auto patch = schema_properties(yaml, "FieldsPatch");
  ASSERT_GT(fields.size(), 10U);
  EXPECT_TRUE(fields.contains("red_flags"));
  std::set<std::string> catalogue;
  const Json catalogue_json = get("/api/fields").json();
  for (const auto& f : catalogue_json["fields"]) {
    const std::string name = f["name"];
    catalogue.insert(name);
    EXPECT_TRUE(fields.contains(name)) << name << " is missing from Fields in docs/openapi.yaml";
    EXPECT_TRUE(patch.contains(name)) << name << " is missing from FieldsPatch in docs/openapi.yaml";
  }
  for (const auto& name : fields) EXPECT_TRUE(catalogue.contains(name)) << name << " is in the spec only";
}

// The spec lists every hint action the server can send, and no other.
TEST_F(DataApi, EveryHintActionIsInTheOpenApiHint) {
  const std::string yaml = get("/api/openapi.yaml").body;
  const auto at = yaml.find("    Hint:");
  ASSERT_NE(at, std::string::npos);
  const auto list_at = yaml.find("enum: [", at);
  ASSERT_NE(list_at, std::string::npos);
  std::string list = yaml.substr(list_at + 7, yaml.find(']', list_at) - list_at - 7);
  std::set<std::string> spec;
  for (auto part : split_list(list, ",")) spec.insert(std::string(trim(part)));
  std::set<std::string> actions;
  for (const auto name : Vocabulary<HintAction>::names) actions.insert(std::string(name));
  EXPECT_EQ(spec, actions);
}

TEST_F(DataApi, TheProfileChangesTheNameButNotTheZoneTheServerStartedWith) {
  const Json p = get("/api/profile").json();
  EXPECT_EQ(p, (Json{{"name", "me"}, {"time_zone", "Europe/Berlin"}, {"since", "2026-11-23T06:30:00Z"}}));
  const auto r = patch("/api/profile", R"({"time_zone": "Europe/Berlin", "name": "Sam"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["name"], "Sam");

  // Another installed zone: refused, saying which zone is served and how to move.
  const auto moved = patch("/api/profile", R"({"time_zone": "Pacific/Auckland", "name": "Kim"})");
  ASSERT_EQ(moved.status, 422) << moved.body;
  const Json error = moved.json()["errors"][0];
  EXPECT_EQ(error["field"], "time_zone");
  EXPECT_EQ(error["value"], "Pacific/Auckland");
  EXPECT_EQ(error["allowed"],
            "Europe/Berlin, the zone daybreak serve started with; to move to another, stop it, run `daybreak profile "
            "--time-zone ZONE` and start it again");

  const auto bad = patch("/api/profile", R"({"time_zone": "Mars/Olympus", "name": "", "age": 40})");
  ASSERT_EQ(bad.status, 422);
  std::vector<std::string> fields;
  const Json errors = bad.json()["errors"];
  for (const auto& e : errors) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"age"}));
  const auto bad_values = patch("/api/profile", R"({"time_zone": "Mars/Olympus", "name": ""})");
  ASSERT_EQ(bad_values.status, 422);
  EXPECT_EQ(bad_values.json()["errors"].size(), 2U);
  EXPECT_EQ(bad_values.json()["errors"][0]["allowed"],
            "an IANA time zone installed here, such as Europe/Oslo or America/New_York");
  EXPECT_EQ(get("/api/profile").json()["name"], "Sam");  // refused changes change nothing
  EXPECT_EQ(patch("/api/profile", R"({"name": 7})").status, 422);
}

TEST_F(DataApi, AZoneChangedBehindTheServerIsAClearConflictUntilPutRight) {
  // `daybreak profile --time-zone` while the server runs.
  ASSERT_TRUE(
      update_profile(store_, fixed_now(), user_.id, {std::nullopt, "Pacific/Auckland"}, [](auto) { return true; }));
  for (const auto target : {"/api/today", "/api/entries", "/api/check"}) {
    const auto r = get(target);
    ASSERT_EQ(r.status, 409) << target;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    const Json j = r.json();
    EXPECT_EQ(j["type"], "tag:daybreak,2026:zone-not-served");
    EXPECT_EQ(j["time_zone"], "Pacific/Auckland");
    EXPECT_EQ(j["served"], Json{"Europe/Berlin"});
    EXPECT_EQ(j["detail"],
              "daybreak serve keeps diary days in Europe/Berlin, the time zone it started with, but the profile now "
              "says 'Pacific/Auckland'. Stop daybreak serve and start it again to use Pacific/Auckland.");
  }
  EXPECT_EQ(post("/api/entries", R"({"period": "morning", "fields": {"pain": 4}})").status, 409);
  EXPECT_EQ(stored_entries(), 0U);  // nothing filed under the wrong day

  // The profile still answers, so the zone can be put back from the browser.
  EXPECT_EQ(get("/api/profile").json()["time_zone"], "Pacific/Auckland");
  ASSERT_EQ(patch("/api/profile", R"({"time_zone": "Europe/Berlin"})").status, 200);
  EXPECT_EQ(get("/api/today").status, 200);
}

TEST_F(DataApi, TheLocalServerOffersTheOneZoneItServes) {
  const auto r = get("/api/time-zones");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["zones"], Json{"Europe/Berlin"});
}

// A server for people in many zones (the later clinic server) hands out any
// installed zone through TzdbZoneProvider; the routes are the same.
class MultiZoneApi : public ApiTest {
 protected:
  MultiZoneApi() : ApiTest(tzdb_zones()) {}
  static const ZoneProvider& tzdb_zones() {
    static const TzdbZoneProvider zones;
    return zones;
  }
};

TEST_F(MultiZoneApi, TheProfileChangesTheZoneDiaryDaysFollow) {
  const auto r = patch("/api/profile", R"({"time_zone": "Pacific/Auckland", "name": "Sam"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["time_zone"], "Pacific/Auckland");
  // 06:30 UTC is 19:30 in Auckland: the evening of the same day.
  const Json today = get("/api/today").json();
  EXPECT_EQ(today["time_zone"], "Pacific/Auckland");
  EXPECT_EQ(today["local_time"], "19:30");
  EXPECT_EQ(today["periods"][2]["status"], "due");
  const auto bad = patch("/api/profile", R"({"time_zone": "Mars/Olympus"})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["allowed"],
            "an IANA time zone installed here, such as Europe/Oslo or America/New_York");
}

// Found from outside: after a move west, today's entries fell on "tomorrow"
// in the new zone, and the default range (ending today) hid them.
TEST_F(MultiZoneApi, ADayLoggedBeforeAMoveWestIsNotHiddenFromTheDefaultRange) {
  ASSERT_EQ(post("/api/entries", R"({"period": "morning", "fields": {"pain": 5}})").status, 201);  // Monday, Berlin
  ASSERT_EQ(patch("/api/profile", R"({"time_zone": "America/Los_Angeles"})").status, 200);         // still Sunday there
  const Json list = get("/api/entries").json();
  EXPECT_EQ(list["to"], "2026-11-23");
  EXPECT_EQ(list["entries"].size(), 1U) << list.dump();
  EXPECT_EQ(get("/api/entries?to=2026-11-22").json()["entries"].size(), 0U);  // a range given is kept
}

TEST_F(MultiZoneApi, EveryInstalledZoneIsOffered) {
  const auto zones = get("/api/time-zones").json()["zones"];
  EXPECT_GT(zones.size(), 300U);
  EXPECT_NE(std::find(zones.begin(), zones.end(), "Pacific/Auckland"), zones.end());
}

TEST_F(DataApi, SleepItemsAreAddedListedAndRetired) {
  EXPECT_EQ(get("/api/sleep-items").json(), (Json{{"items", Json::array()}}));
  const auto added = post("/api/sleep-items", R"({"kind": "pillow", "name": "knee pillow"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.header("location"), "/api/sleep-items/1");
  EXPECT_EQ(added.json()["name"], "knee pillow");
  EXPECT_EQ(post("/api/sleep-items", R"({"kind": "pillow", "name": "knee pillow"})").status, 409);
  const auto bad = post("/api/sleep-items", R"({"kind": "duvet", "name": ""})");
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"].size(), 2U);

  // A night can name it now.
  const auto night = post("/api/entries", R"({"period": "night", "fields": {"pain": 2, "pillows": ["knee pillow"]}})");
  ASSERT_EQ(night.status, 201) << night.body;
  EXPECT_EQ(
      post("/api/entries", R"({"period": "night", "date": "2026-11-22", "fields": {"pain": 2, "pillows": ["sofa"]}})")
          .status,
      422);

  const auto retired = post("/api/sleep-items/1/retire", "");
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(retired.json()["retired_at"], "2026-11-23T06:30:00Z");
  EXPECT_EQ(post("/api/sleep-items/1/retire", "").status, 200);  // again: nothing changes
  EXPECT_EQ(post("/api/sleep-items/7/retire", "").status, 404);
  EXPECT_EQ(get("/api/sleep-items").json()["items"].size(), 1U);
}

TEST_F(DataApi, TheDiaryExportsAsCsvAndImportsBackAllOrNothing) {
  ASSERT_EQ(
      post("/api/entries", R"({"period": "morning", "fields": {"pain": 5, "note": "a, \"quoted\" note"}})").status,
      201);
  ASSERT_EQ(post("/api/entries", R"({"period": "night", "fields": {"pain": 3, "bedtime": "23:10"}})").status, 201);
  const auto csv = get("/api/export/csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"daybreak-diary-2026-11-23.csv\"");
  EXPECT_NE(csv.body.find("\"a, \"\"quoted\"\" note\""), std::string::npos);

  // Into a fresh diary: a dry run says what would happen, then the import does it.
  ASSERT_EQ(del("/api/entries/1").status, 200);
  ASSERT_EQ(del("/api/entries/2").status, 200);
  const auto dry = http(port_, "POST", "/api/import/csv?dry_run=true", csv.body, "text/csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(
      dry.json(),
      (Json{{"added", 2}, {"replaced", 0}, {"unchanged", 0}, {"items_created", Json::array()}, {"written", false}}));
  EXPECT_EQ(stored_entries(), 0U);
  const auto done = http(port_, "POST", "/api/import/csv", csv.body, "text/csv");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["added"], 2);
  EXPECT_EQ(stored_entries(), 2U);
  // Twice is harmless.
  EXPECT_EQ(http(port_, "POST", "/api/import/csv", csv.body, "text/csv").json()["unchanged"], 2);

  const auto broken = http(port_, "POST", "/api/import/csv", csv.body + "2026-11-22,noon,x\r\n", "text/csv");
  ASSERT_EQ(broken.status, 422) << broken.body;
  EXPECT_FALSE(broken.json()["details"].empty());
  EXPECT_EQ(stored_entries(), 2U);
  EXPECT_EQ(http(port_, "POST", "/api/import/csv", csv.body, "application/json").status, 415);
  EXPECT_EQ(http(port_, "POST", "/api/import/csv?dry_run=maybe", csv.body, "text/csv").status, 400);
}

TEST_F(DataApi, TheCheckReportsAHealthyDatabase) {
  ASSERT_EQ(post("/api/entries", R"({"period": "morning", "fields": {"pain": 5}})").status, 201);
  EXPECT_EQ(
      get("/api/check").json(),
      (Json{{"schema_version", store_.schema_version()}, {"entries", 1}, {"ok", true}, {"problems", Json::array()}}));
}

// Data safety: "one GET /api/entries on a file damaged mid-way kills daybreak
// serve" (a read whose COMMIT failed fell through to the write path's
// clean-up). The server answers a clear problem and goes on serving.
TEST_F(DataApi, ADamagedFileGivesAProblemAndTheServerGoesOn) {
  for (int d = 1; d <= 28; ++d) {
    const auto body = Json{{"date", fmt::format("2026-10-{:02}", d)},
                           {"period", "morning"},
                           {"fields", {{"pain", d % 10}, {"note", std::string(400, 'n')}}}};
    ASSERT_EQ(post("/api/entries", body.dump()).status, 201);
  }
  // Everything into the main file, then noise over the entries' pages.
  const auto db = dir_ / "daybreak.db";
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr), SQLITE_OK);
  std::vector<std::int64_t> pages;
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf'", -1, &s,
                               nullptr),
            SQLITE_OK);
  while (sqlite3_step(s) == SQLITE_ROW) pages.push_back(sqlite3_column_int64(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(raw);
  ASSERT_FALSE(pages.empty());
  std::string bytes = read_file(db);
  for (const auto p : pages) {
    for (std::size_t i = static_cast<std::size_t>(p - 1) * 4096; i < static_cast<std::size_t>(p) * 4096; ++i) {
      bytes[i] = static_cast<char>(i * 31);
    }
  }
  write_file(db, bytes);

  const auto reply = get("/api/entries?from=2026-10-01&to=2026-10-31");
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.json()["title"], "The diary file is damaged") << reply.body;
  EXPECT_NE(reply.json()["detail"].get<std::string>().find("daybreak recover"), std::string::npos);
  EXPECT_EQ(get("/api/health").status, 200);  // still serving
  EXPECT_EQ(post("/api/entries", R"({"period": "evening", "fields": {"pain": 2}})").status, 500);
}

}  // namespace
}  // namespace daybreak::testing
