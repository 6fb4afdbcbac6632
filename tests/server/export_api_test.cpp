// Issue 19's open exports over HTTP: the FHIR Bundle and the reminders'
// calendar file, the same as the CLI writes, with bad parameters refused.
#include "api_fixture.hpp"
#include "app/profile.hpp"
#include "app/reminders.hpp"
#include "app/safety.hpp"
#include "platform/tzdb_zone.hpp"

namespace daybreak::testing {
namespace {

using Json = nlohmann::ordered_json;

class ExportApi : public ApiTest {};

TEST_F(ExportApi, TheDiaryDownloadsAsAFhirCollectionBundle) {
  ASSERT_EQ(post("/api/entries", R"({"period": "morning", "fields": {"pain": 5, "stiffness_minutes": 40}})").status,
            201);
  const auto r = get("/api/export.fhir.json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/fhir+json");
  EXPECT_EQ(r.header("content-disposition"), "attachment; filename=\"daybreak-fhir-2026-11-23.json\"");
  const Json bundle = Json::parse(r.body);
  EXPECT_EQ(bundle["type"], "collection");
  ASSERT_EQ(bundle["entry"].size(), 3U);  // the Patient, pain, stiffness minutes
  EXPECT_EQ(bundle["entry"][1]["resource"]["code"]["coding"][0]["code"], "72514-3");
  EXPECT_EQ(bundle["entry"][1]["resource"]["valueInteger"], 5);
  EXPECT_EQ(bundle["entry"][2]["resource"]["valueQuantity"]["value"], 40);
  EXPECT_EQ(get("/api/export.fhir.json").body, r.body) << "the same data gives the same bytes";
  // A range without the entry: only the Patient.
  const auto none = get("/api/export.fhir.json?from=2026-11-01&to=2026-11-22");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(Json::parse(none.body)["entry"].size(), 1U);
}

TEST_F(ExportApi, ABadRangeIsRefused) {
  const auto bad = get("/api/export.fhir.json?from=yesterday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("\"from\""), std::string::npos) << bad.body;
  const auto empty = get("/api/export.fhir.json?from=2026-11-23&to=2026-11-01");
  EXPECT_EQ(empty.status, 422) << empty.body;
}

TEST_F(ExportApi, TheRemindersDownloadAsICalendarWithAnAlarmOnlyWhenAsked) {
  const auto plain = get("/api/reminders.ics");
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(plain.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_EQ(plain.body.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0U);
  EXPECT_NE(plain.body.find("SUMMARY:Morning routine\\, before you get up\r\n"), std::string::npos);
  EXPECT_EQ(plain.body.find("BEGIN:VALARM"), std::string::npos);
  const auto alarmed = get("/api/reminders.ics?alarm=15");
  ASSERT_EQ(alarmed.status, 200);
  EXPECT_NE(alarmed.body.find("TRIGGER:-PT15M\r\n"), std::string::npos);
  EXPECT_EQ(get("/api/reminders.ics?alarm=-1").status, 400);
  EXPECT_EQ(get("/api/reminders.ics?alarm=often").status, 400);
}

// Found from outside: after `daybreak profile --time-zone America/New_York`
// the calendar file's events stood in the new zone (DTSTART;TZID) with the
// same SEQUENCE and DTSTAMP, so a calendar that trusts SEQUENCE kept
// reminding at Berlin's times. A new zone, from the profile or from setup's
// settings, now moves every reminder's SEQUENCE up and its DTSTAMP on.
TEST_F(ExportApi, ANewTimeZoneLeftTheRemindersSequenceAsItWasAndCalendarsKeptTheOldTimes) {
  const auto sequences = [&](const TimeZone& zone) {
    std::map<std::string, std::pair<int, Instant>> out;
    for (const Reminder& r : person_reminders(store_, user_.id, zone)) out[r.key] = {r.sequence, r.stamp};
    return out;
  };
  const auto before = sequences(berlin());
  ASSERT_EQ(before.size(), 4U);
  const Instant moved = fixed_now() + std::chrono::hours{1};
  const auto always = [](std::string_view) { return true; };
  ASSERT_TRUE(update_profile(store_, moved, user_.id, {std::nullopt, "America/New_York"}, always));
  const TzdbZone new_york("America/New_York");
  const auto after = sequences(new_york);
  for (const auto& [key, was] : before) {
    EXPECT_EQ(after.at(key).first, was.first + 1) << key;
    EXPECT_EQ(after.at(key).second, moved) << key;
  }
  // The same zone again, or a name alone, changes no reminder.
  ASSERT_TRUE(update_profile(store_, moved + std::chrono::hours{1}, user_.id, {"Ana", "America/New_York"}, always));
  EXPECT_EQ(sequences(new_york), after);
  // Setup's settings move them too.
  const Instant back = moved + std::chrono::hours{2};
  ASSERT_TRUE(change_settings(store_, back, user_.id, SettingsChange{"Europe/Berlin", std::nullopt, std::nullopt}));
  for (const auto& [key, was] : after) EXPECT_EQ(sequences(berlin()).at(key), (std::pair{was.first + 1, back})) << key;
  EXPECT_NE(get("/api/reminders.ics").body.find("SEQUENCE:2\r\n"), std::string::npos);
}

// Before, the times could be set only with `daybreak reminders`: a person
// using the web app on their phone had no way to move a reminder.
TEST_F(ExportApi, TheRemindersTimesAreReadAndSetAsTheCliSetsThem) {
  const auto defaults = get("/api/reminders");
  ASSERT_EQ(defaults.status, 200) << defaults.body;
  EXPECT_EQ(Json::parse(defaults.body),
            Json::parse(R"({"morning_routine": "06:30", "morning_log": "07:30", "evening_routine": "21:00",
                            "safety_check": "mon 09:00", "experiment": "21:30"})"));
  const auto before = get("/api/reminders.ics").body;

  const auto set = patch("/api/reminders", R"({"morning_log": " 7:45", "safety_check": "Sun 18:30"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(Json::parse(set.body)["morning_log"], "07:45");
  EXPECT_EQ(Json::parse(set.body)["safety_check"], "sun 18:30");
  EXPECT_EQ(Json::parse(set.body)["morning_routine"], "06:30");
  EXPECT_EQ(get("/api/reminders").body, set.body);
  const auto after = get("/api/reminders.ics").body;
  EXPECT_NE(after.find("DTSTART;TZID=Europe/Berlin:20261123T074500\r\n"), std::string::npos) << after;
  EXPECT_NE(after.find("RRULE:FREQ=WEEKLY;BYDAY=SU\r\n"), std::string::npos) << after;
  EXPECT_NE(after, before);

  // Every bad value named, by its member; nothing changed.
  const auto bad = patch("/api/reminders", R"({"morning_log": "25:00", "safety_check": "someday 09:00", "snooze": 5})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  const Json problem = Json::parse(bad.body);
  std::vector<std::string> fields;
  for (const auto& e : problem["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"snooze"})) << bad.body;
  const auto wrong = patch("/api/reminders", R"({"morning_log": "25:00", "safety_check": "someday 09:00"})");
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  fields.clear();
  const Json problems = Json::parse(wrong.body);
  for (const auto& e : problems["errors"]) fields.push_back(e["field"]);
  EXPECT_EQ(fields, (std::vector<std::string>{"morning_log", "safety_check"})) << wrong.body;
  EXPECT_EQ(get("/api/reminders").body, set.body);
  EXPECT_EQ(patch("/api/reminders", R"({"morning_log": 745})").status, 422);
}

}  // namespace
}  // namespace daybreak::testing
