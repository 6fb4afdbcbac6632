// The diary over HTTP: today, entries with idempotent creation, edits,
// deletes and revisions; every route with good and bad input.
#include <thread>

#include "api_fixture.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kMorning = R"({"period": "morning", "fields": {"pain": 5, "stiffness_minutes": 45}})";

std::vector<std::string> error_fields(const HttpReply& r) {
  std::vector<std::string> fields;
  const Json j = r.json();  // the loop below must not run over a destroyed temporary
  for (const auto& e : j["errors"]) fields.push_back(e["field"].get<std::string>());
  return fields;
}

class DiaryApi : public ApiTest {};

TEST_F(DiaryApi, TodayListsTheFourPeriodsInThePersonsZone) {
  const auto r = get("/api/today");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  const Json j = r.json();
  EXPECT_EQ(j["date"], "2026-11-23");
  EXPECT_EQ(j["time_zone"], "Europe/Berlin");
  EXPECT_EQ(j["local_time"], "07:30");
  ASSERT_EQ(j["periods"].size(), 4U);
  EXPECT_EQ(j["periods"][0], (Json{{"period", "night"}, {"status", "due"}}));
  EXPECT_EQ(j["periods"][2], (Json{{"period", "afternoon"}, {"status", "later"}, {"from", "14:00"}}));

  ASSERT_EQ(post("/api/entries", kMorning).status, 201);
  const Json after = get("/api/today").json();
  EXPECT_EQ(after["periods"][1]["status"], "logged");
  EXPECT_EQ(after["periods"][1]["entry"]["fields"], (Json{{"pain", 5}, {"stiffness_minutes", 45}}));
}

// Today's view is kept between requests (http::Memo): what changes it must
// show at once, whether another program wrote it or the clock turned.
TEST_F(DiaryApi, TodayShowsAtOnceWhatAnotherProgramLoggedAndWhatTheClockTurned) {
  const Json first = get("/api/today").json();
  EXPECT_EQ(first["periods"][1]["status"], "due");
  EXPECT_EQ(get("/api/today").json(), first);
  {
    SqliteStore cli(SqliteOptions{dir_ / "daybreak.db"});  // `daybreak log` beside the server
    Draft d;
    d.set("pain", "6");
    ASSERT_TRUE(log_entry(cli, WriteMeta{fixed_now(), Actor{user_.id, "cli"}}, user_.id, berlin(),
                          LogRequest{ymd(2026, 11, 23), Period::morning, d, false, std::nullopt}));
  }
  const Json logged = get("/api/today").json();
  EXPECT_EQ(logged["periods"][1]["status"], "logged");
  EXPECT_EQ(logged["periods"][1]["entry"]["fields"], (Json{{"pain", 6}}));
  EXPECT_EQ(logged["local_time"], "07:30");

  clock_.advance(std::chrono::seconds{59});  // 07:30:59: the same minute, the same view
  EXPECT_EQ(get("/api/today").json(), logged);
  clock_.set(fixed_now() + std::chrono::hours{6} + std::chrono::minutes{30});  // 14:00 in Berlin
  const Json afternoon = get("/api/today").json();
  EXPECT_EQ(afternoon["local_time"], "14:00");
  EXPECT_EQ(afternoon["periods"][2]["status"], "due");
}

// Issue: at midday Today's afternoon was "later" under "Midday to late
// afternoon", and nothing said from when it would be asked for.
TEST_F(DiaryApi, TheAfternoonSaidLaterAtMiddayWithoutSayingWhen) {
  clock_.set(fixed_now() + std::chrono::hours{5});  // 12:30 in Berlin
  const Json midday = get("/api/today").json();
  EXPECT_EQ(midday["periods"][0], (Json{{"period", "night"}, {"status", "due"}}));
  EXPECT_EQ(midday["periods"][2], (Json{{"period", "afternoon"}, {"status", "later"}, {"from", "14:00"}}));
  EXPECT_EQ(midday["periods"][3], (Json{{"period", "evening"}, {"status", "later"}, {"from", "20:00"}}));
  clock_.set(fixed_now() + std::chrono::hours{6} + std::chrono::minutes{30});  // 14:00: asked for, no "from"
  const Json afternoon = get("/api/today").json();
  EXPECT_EQ(afternoon["periods"][2], (Json{{"period", "afternoon"}, {"status", "due"}}));
  EXPECT_EQ(afternoon["periods"][3]["from"], "20:00");
}

TEST_F(DiaryApi, CreatingAnEntryReturnsItWithItsAddress) {
  const auto r = post("/api/entries", kMorning);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.header("location"), "/api/entries/1");
  const Json j = r.json();
  EXPECT_EQ(j["outcome"], "created");
  EXPECT_EQ(j["entry"]["id"], 1);
  EXPECT_EQ(j["entry"]["date"], "2026-11-23");
  EXPECT_EQ(j["entry"]["period"], "morning");
  EXPECT_EQ(j["entry"]["revision"], 1);
  EXPECT_EQ(j["entry"]["created_at"], "2026-11-23T06:30:00Z");

  const auto shown = get("/api/entries/1");
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json(), j["entry"]);
  const auto history = get("/api/entries/1/revisions").json();
  EXPECT_EQ(history["revisions"][0]["channel"], "api");  // the door it came through is recorded
}

TEST_F(DiaryApi, ARetryWithTheSameIdempotencyKeyReturnsTheSameEntryAndStoresItOnce) {
  const std::string key = "Idempotency-Key: \"3f2c1a9e-5b7d-4c1e-9a2b-8d7e6f5a4b3c\"\r\n";
  const auto first = post("/api/entries", kMorning, key);
  ASSERT_EQ(first.status, 201) << first.body;
  const auto again = post("/api/entries", kMorning, key);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["outcome"], "replayed");
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json()["entry"], first.json()["entry"]);
  EXPECT_EQ(stored_entries(), 1U);

  // The key may also travel in the body, as the CLI's --idempotency-key does.
  const auto in_body = post("/api/entries",
                            R"({"period": "morning", "fields": {"pain": 5, "stiffness_minutes": 45},
                                "idempotency_key": "3f2c1a9e-5b7d-4c1e-9a2b-8d7e6f5a4b3c"})");
  EXPECT_EQ(in_body.status, 200);
  EXPECT_EQ(stored_entries(), 1U);
}

TEST_F(DiaryApi, TheSameKeyWithOtherContentIsRefused) {
  ASSERT_EQ(post("/api/entries", kMorning, "Idempotency-Key: k-1\r\n").status, 201);
  const auto r = post("/api/entries", R"({"period": "evening", "fields": {"pain": 2}})", "Idempotency-Key: k-1\r\n");
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_NE(r.json()["detail"].get<std::string>().find("already used for a different entry"), std::string::npos);
  EXPECT_EQ(stored_entries(), 1U);
}

TEST_F(DiaryApi, ConcurrentRetriesOfOneRequestStoreOneEntry) {
  std::vector<std::thread> threads;
  std::vector<int> statuses(8);
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] { statuses[i] = post("/api/entries", kMorning, "Idempotency-Key: same\r\n").status; });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 7);
  EXPECT_EQ(stored_entries(), 1U);
}

TEST_F(DiaryApi, BadKeysAreRefused) {
  const std::string long_key(256, 'k');
  const auto r = post("/api/entries", kMorning, "Idempotency-Key: " + long_key + "\r\n");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(error_fields(r), std::vector<std::string>{"idempotency_key"});
  const auto mismatch = post("/api/entries", R"({"period": "morning", "fields": {"pain": 5}, "idempotency_key": "a"})",
                             "Idempotency-Key: b\r\n");
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_EQ(stored_entries(), 0U);
}

// Found from outside: POST {"date": "2026-02-29"} answered "nothing was saved
// for the morning of 2026-11-23", today's date, not the one sent, and allowed
// "a day ... written YYYY-MM-DD", as it was written.
TEST_F(DiaryApi, AnImpossibleDateWasAnsweredWithTodaysDate) {
  const auto r = post("/api/entries", R"({"date": "2026-02-29", "period": "morning", "fields": {"pain": 3}})");
  ASSERT_EQ(r.status, 422) << r.body;
  const Json j = r.json();
  EXPECT_EQ(j["detail"], "nothing was saved for the morning") << r.body;
  ASSERT_EQ(j["errors"].size(), 1U) << r.body;
  EXPECT_EQ(j["errors"][0]["field"], "date");
  EXPECT_EQ(j["errors"][0]["value"], "2026-02-29");
  EXPECT_NE(j["errors"][0]["allowed"].get<std::string>().find("(2026 has no 29 February)"), std::string::npos)
      << r.body;
  EXPECT_EQ(stored_entries(), 0U);
}

TEST_F(DiaryApi, EveryBadValueIsReportedAtOnceAndNothingIsSaved) {
  const auto r = post("/api/entries",
                      R"({"period": "evening", "fields": {"pain": 11, "stiffness_minutes": 30, "mood": 3}, "x": 1})");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  const Json j = r.json();
  EXPECT_EQ(j["type"], "tag:daybreak,2026:invalid-input");
  EXPECT_EQ(j["status"], 422);
  EXPECT_EQ(j["detail"], "nothing was saved for the evening of 2026-11-23");
  EXPECT_EQ(error_fields(r), (std::vector<std::string>{"x", "mood", "pain", "stiffness_minutes"}));
  EXPECT_EQ(j["errors"][2], (Json{{"field", "pain"}, {"value", "11"}, {"allowed", "a whole number from 0 to 10"}}));
  EXPECT_EQ(stored_entries(), 0U);
}

TEST_F(DiaryApi, ValuesOfTheWrongJsonTypeAreFieldErrors) {
  const auto r = post("/api/entries", R"({"period": "morning", "fields": {"pain": "5", "signs": "ache"}})");
  ASSERT_EQ(r.status, 422);
  EXPECT_EQ(error_fields(r), (std::vector<std::string>{"pain", "signs"}));
}

TEST_F(DiaryApi, ThePeriodAndTheDayAreChecked) {
  EXPECT_EQ(error_fields(post("/api/entries", R"({"fields": {"pain": 5}})")), std::vector<std::string>{"period"});
  EXPECT_EQ(error_fields(post("/api/entries", R"({"period": "noon", "fields": {"pain": 5}})")),
            std::vector<std::string>{"period"});
  EXPECT_EQ(error_fields(post("/api/entries", R"({"period": "morning", "date": "23.11.2026", "fields": {"pain": 5}})")),
            std::vector<std::string>{"date"});
  const auto future = post("/api/entries", R"({"period": "morning", "date": "2026-11-24", "fields": {"pain": 5}})");
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(error_fields(future), std::vector<std::string>{"date"});
  // With the shape wrong, the values are still checked: one answer shows every problem.
  EXPECT_EQ(error_fields(post("/api/entries", R"({"period": "morning"})")),
            (std::vector<std::string>{"fields", "pain"}));
  EXPECT_EQ(stored_entries(), 0U);
}

TEST_F(DiaryApi, AnEarlierDayCanBeLogged) {
  const auto r = post("/api/entries", R"({"period": "night", "date": "2026-11-20",
      "fields": {"pain": 3, "bedtime": "23:10", "wake_time": "06:40"}})");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["entry"]["fields"]["bedtime"], "2026-11-19T23:10:00+01:00");
}

TEST_F(DiaryApi, ALoggedPeriodIsAConflictUntilReplaced) {
  ASSERT_EQ(post("/api/entries", kMorning).status, 201);
  const auto again = post("/api/entries", R"({"period": "morning", "fields": {"pain": 3}})");
  ASSERT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["type"], "tag:daybreak,2026:already-logged");
  EXPECT_EQ(again.json()["existing_entry"], 1);
  const auto replaced = post("/api/entries", R"({"period": "morning", "fields": {"pain": 3}, "replace": true})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;
  EXPECT_EQ(replaced.json()["outcome"], "replaced");
  EXPECT_EQ(replaced.json()["entry"]["revision"], 2);
  EXPECT_EQ(stored_entries(), 1U);
  EXPECT_EQ(error_fields(post("/api/entries", R"({"period": "morning", "fields": {"pain": 3}, "replace": "yes"})")),
            std::vector<std::string>{"replace"});
}

TEST_F(DiaryApi, TheBodyMustBeAJsonObject) {
  const auto broken = post("/api/entries", "{\"period\": ");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.json()["type"], "tag:daybreak,2026:malformed-json");
  EXPECT_EQ(
      broken.json()["detail"],
      "it ends before the JSON does; send a JSON object, e.g. {\"period\": \"morning\", \"fields\": {\"pain\": 4}}");
  // Found from outside: a number too large for any field was "not JSON", said nowhere.
  const auto huge = post("/api/entries", R"({"period": "morning", "fields": {"pain": 1e400}})");
  EXPECT_EQ(huge.status, 400);
  EXPECT_NE(huge.json()["detail"].get<std::string>().find("the number 1e400 at byte 42 is too large"),
            std::string::npos)
      << huge.body;
  EXPECT_EQ(stored_entries(), 0U);
  EXPECT_EQ(post("/api/entries", "[1, 2]").status, 400);
  const auto text = http(port_, "POST", "/api/entries", std::string(kMorning), "text/plain");
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(text.header("accept-post"), "application/json");
  EXPECT_EQ(http(port_, "POST", "/api/entries", std::string(kMorning), "").status, 415);
  // Parameters of the media type are fine.
  EXPECT_EQ(http(port_, "POST", "/api/entries", std::string(kMorning), "application/json; charset=utf-8").status, 201);
}

TEST_F(DiaryApi, HistoryListsARangeOfDays) {
  ASSERT_EQ(post("/api/entries", R"({"period": "morning", "date": "2026-11-01", "fields": {"pain": 6}})").status, 201);
  ASSERT_EQ(post("/api/entries", R"({"period": "evening", "date": "2026-11-20", "fields": {"pain": 2}})").status, 201);
  ASSERT_EQ(post("/api/entries", kMorning).status, 201);

  const Json last30 = get("/api/entries").json();  // the last 30 days by default
  EXPECT_EQ(last30["from"], "2026-10-25");
  EXPECT_EQ(last30["to"], "2026-11-23");
  EXPECT_EQ(last30["entries"].size(), 3U);
  const Json some = get("/api/entries?from=2026-11-15&to=2026-11-22").json();
  ASSERT_EQ(some["entries"].size(), 1U);
  EXPECT_EQ(some["entries"][0]["date"], "2026-11-20");

  EXPECT_EQ(error_fields(get("/api/entries?from=yesterday")), std::vector<std::string>{"from"});
  EXPECT_EQ(get("/api/entries?from=2026-11-20&to=2026-11-10").status, 400);
  EXPECT_EQ(get("/api/entries?from=2000-01-01&to=2026-11-23").status, 400);  // more than ten years
}

TEST_F(DiaryApi, AnEntryIsEditedFieldByField) {
  ASSERT_EQ(post("/api/entries", kMorning).status, 201);
  const auto r = patch("/api/entries/1", R"({"fields": {"pain": 4, "stiffness_minutes": null, "note": "eased"}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["revision"], 2);
  EXPECT_EQ(r.json()["fields"], (Json{{"pain", 4}, {"note", "eased"}}));
  const Json history = get("/api/entries/1/revisions").json();
  ASSERT_EQ(history["revisions"].size(), 2U);
  EXPECT_EQ(history["revisions"][1]["operation"], "edit");
  EXPECT_EQ(history["revisions"][0]["fields"]["pain"], 5);

  EXPECT_EQ(error_fields(patch("/api/entries/1", R"({"fields": {"pain": 12}})")), std::vector<std::string>{"pain"});
  EXPECT_EQ(error_fields(patch("/api/entries/1", R"({"fields": {}})")), std::vector<std::string>{"fields"});
  EXPECT_EQ(error_fields(patch("/api/entries/1", R"({"pain": 3})")), (std::vector<std::string>{"pain", "fields"}));
  EXPECT_EQ(patch("/api/entries/9", R"({"fields": {"pain": 3}})").status, 404);
  EXPECT_EQ(get("/api/entries/1").json()["fields"]["pain"], 4);  // the refused edits changed nothing
}

TEST_F(DiaryApi, ADeletedEntryIsGoneButKeepsItsHistory) {
  ASSERT_EQ(post("/api/entries", kMorning).status, 201);
  const auto r = del("/api/entries/1");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["id"], 1);
  EXPECT_EQ(get("/api/entries/1").status, 404);
  EXPECT_EQ(del("/api/entries/1").status, 404);
  const Json history = get("/api/entries/1/revisions").json();
  ASSERT_EQ(history["revisions"].size(), 2U);
  EXPECT_EQ(history["revisions"][1]["operation"], "delete");
  EXPECT_EQ(post("/api/entries", kMorning).status, 201);  // the period is free again
}

TEST_F(DiaryApi, UnknownAndMalformedEntryIdsAreProblems) {
  const auto missing = get("/api/entries/42");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  EXPECT_EQ(missing.json()["detail"], "there is no entry 42");
  EXPECT_EQ(error_fields(get("/api/entries/abc")), std::vector<std::string>{"id"});
  EXPECT_EQ(get("/api/entries/0").status, 400);
  EXPECT_EQ(get("/api/entries/42/revisions").status, 404);
  EXPECT_EQ(get("/api/entries/%zz").status, 400);
}

}  // namespace
}  // namespace daybreak::testing
