// The building blocks of issue 19's open exports: name-based UUIDs, the JSON
// writer, iCalendar lines and time zones, the reminder schedule, and the FHIR
// codes of every diary field, and a program decision read back.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/entry_fields.hpp"
#include "domain/json_text.hpp"
#include "domain/reminder.hpp"
#include "platform/tzdb_zone.hpp"
#include "platform/zones.hpp"
#include "report/fhir.hpp"
#include "report/fhir_codes.hpp"
#include "report/ical.hpp"
#include "report/json_writer.hpp"
#include "report/stable_id.hpp"

namespace daybreak {
namespace {

using namespace std::chrono_literals;

LocalDate day(int y, unsigned m, unsigned d) {
  return LocalDate{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(StableId, IsTheRfcVersion5Uuid) {
  // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the textbook example.
  const auto dns = Uuid::parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  ASSERT_TRUE(dns);
  EXPECT_EQ(dns->name("python.org").text(), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(dns->name("python.org"), dns->name("python.org"));
  EXPECT_NE(dns->name("python.org"), dns->name("python.org "));
}

TEST(StableId, ParsesOnlyLowerCaseUuids) {
  EXPECT_FALSE(Uuid::parse("6BA7B810-9DAD-11D1-80B4-00C04FD430C8"));
  EXPECT_FALSE(Uuid::parse("6ba7b810-9dad-11d1-80b4-00c04fd430c"));
  EXPECT_FALSE(Uuid::parse("not a uuid at all, but 36 characters"));
}

TEST(StableId, APersonDerivedTwiceIsTheSameAndTwoPeopleDiffer) {
  const Instant t = std::chrono::sys_days{day(2026, 11, 23)};
  EXPECT_EQ(derived_person_id(1, t), derived_person_id(1, t));
  EXPECT_NE(derived_person_id(1, t), derived_person_id(1, t + 1s));
  EXPECT_NE(derived_person_id(1, t), derived_person_id(2, t));
}

TEST(JsonWriter, EscapesWhatJsonNeedsAndReadsBackTheSame) {
  const std::string tricky = "a \"quote\", a \\ backslash, a\nline, a \x01 control, caf\xC3\xA9";
  std::string out;
  JsonWriter w(out);
  w.begin_object().member("text", tricky).key("n").number(7.5).member("i", 3).member("yes", true);
  w.key("list").begin_array().newline().integer(1).newline().integer(2).end_array().end_object();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["text"], tricky);
  EXPECT_EQ(parsed["n"], 7.5);
  EXPECT_EQ(parsed["list"], nlohmann::json({1, 2}));
  EXPECT_NE(out.find("\\u0001"), std::string::npos);
  EXPECT_NE(out.find(",\n2"), std::string::npos) << out;
}

TEST(Ical, FoldsAt75OctetsNeverInsideACharacter) {
  std::string text = "DESCRIPTION:";
  for (int i = 0; i < 60; ++i) text += "\xC3\xA9x";  // é is two octets
  std::string out;
  append_ical_line(out, text);
  ASSERT_TRUE(out.ends_with("\r\n"));
  std::string unfolded;
  std::size_t start = 0;
  for (std::size_t end; (end = out.find("\r\n", start)) != std::string::npos; start = end + 2) {
    const std::string line = out.substr(start, end - start);
    EXPECT_LE(line.size(), 75U);
    // A continuation starts with one space, and no line starts inside a character.
    const std::string content = start == 0 ? line : line.substr(1);
    ASSERT_FALSE(content.empty());
    EXPECT_NE(static_cast<unsigned char>(content[0]) & 0xC0, 0x80);
    unfolded += content;
  }
  EXPECT_EQ(unfolded, text);
}

TEST(Ical, EscapesText) { EXPECT_EQ(ical_text("a, b; c\\d\ne\r\nf"), "a\\, b\\; c\\\\d\\ne\\nf"); }

// A calendar of one daily reminder from 1 March 2027, in `zone`.
std::string morning_calendar(const TimeZone& zone) {
  Reminder r{"morning-routine",
             "Morning",
             "",
             6h + 30min,
             day(2027, 3, 1),
             std::nullopt,
             std::nullopt,
             {},
             10,
             0,
             std::chrono::sys_days{day(2027, 3, 1)}};
  return reminders_calendar({&r, 1}, zone, daybreak_namespace().name("test"), {"test", std::nullopt});
}

TEST(Ical, TheTimeZoneIsTheSameFromTheCLibraryAndFromDateTz) {
  const std::string a = morning_calendar(TzdbZone("Europe/Berlin"));
  EXPECT_EQ(morning_calendar(ProcessZone("Europe/Berlin")), a);
  EXPECT_NE(a.find("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"),
            std::string::npos);
  EXPECT_NE(a.find("DTSTART;TZID=Europe/Berlin:20270301T063000\r\n"), std::string::npos);
}

// The last change of each way recurs by the zone's own rule, found only where
// the years before follow it: none for a zone without summer time, none where
// the rule is not a weekday of the month (Israel: the Friday before the last
// Sunday of March), and the C library's zone gives the same file as date/tz.
TEST(Ical, SummerTimeGoesOnPast2037ByTheZonesRuleAndOnlyWhereThereIsOne) {
  const auto rules = [](const std::string& ics) {
    std::vector<std::string> out;
    for (std::size_t at = ics.find("RRULE:FREQ=YEARLY"); at != std::string::npos;
         at = ics.find("RRULE:FREQ=YEARLY", at + 1)) {
      out.push_back(ics.substr(at, ics.find("\r\n", at) - at));
    }
    return out;
  };
  const std::string berlin = morning_calendar(TzdbZone("Europe/Berlin"));
  EXPECT_EQ(rules(berlin), (std::vector<std::string>{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
                                                     "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"}));
  EXPECT_NE(berlin.find("DTSTART:20371025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"), std::string::npos);
  EXPECT_EQ(morning_calendar(ProcessZone("Europe/Berlin")), berlin);
  EXPECT_EQ(
      rules(morning_calendar(TzdbZone("America/New_York"))),
      (std::vector<std::string>{"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"}));
  EXPECT_EQ(
      rules(morning_calendar(TzdbZone("Australia/Sydney"))),
      (std::vector<std::string>{"RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"}));
  EXPECT_TRUE(rules(morning_calendar(TzdbZone("Asia/Tokyo"))).empty());
  EXPECT_TRUE(rules(morning_calendar(TzdbZone("America/Sao_Paulo"))).empty()) << "summer time given up in 2019";
  EXPECT_TRUE(rules(morning_calendar(TzdbZone("Asia/Jerusalem"))).empty());
}

TEST(Reminders, ATimeTheClocksSkipIsReadWithTheOffsetBefore) {
  const TzdbZone berlin("Europe/Berlin");
  // 02:30 does not exist on 28 March 2027: RFC 5545 3.3.5 reads it as 02:30 CET, 01:30 UTC.
  EXPECT_EQ(reminder_instant(day(2027, 3, 28), 2h + 30min, berlin),
            std::chrono::sys_days{day(2027, 3, 28)} + 1h + 30min);
  // 02:30 happens twice on 31 October 2027: the first, still in summer time.
  EXPECT_EQ(reminder_instant(day(2027, 10, 31), 2h + 30min, berlin), std::chrono::sys_days{day(2027, 10, 31)} + 30min);
}

TEST(Reminders, WeeklyRemindersAndSkippedDaysAndAnEnd) {
  const TzdbZone berlin("Europe/Berlin");
  Reminder weekly{"safety-check", "Safety", "", 9h, day(2027, 3, 1), std::nullopt, std::chrono::Sunday, {}, 10, 0, {}};
  Reminder nightly{"experiment-1-A",
                   "A",
                   "",
                   21h + 30min,
                   day(2027, 3, 26),
                   day(2027, 3, 30),
                   std::nullopt,
                   {day(2027, 3, 27), day(2027, 3, 29)},
                   10,
                   0,
                   {}};
  const std::vector<Reminder> list{weekly, nightly};
  const auto o = occurrences(list, day(2027, 3, 25), day(2027, 4, 4), berlin);
  std::vector<std::pair<std::string, Instant>> got;
  for (const auto& x : o) got.emplace_back(x.reminder->key, x.start);
  const auto at_utc = [](LocalDate d, std::chrono::minutes m) { return Instant{std::chrono::sys_days{d} + m}; };
  const std::vector<std::pair<std::string, Instant>> want{
      {"experiment-1-A", at_utc(day(2027, 3, 26), 20h + 30min)},  // CET
      {"safety-check", at_utc(day(2027, 3, 28), 7h)},             // CEST from that morning
      {"experiment-1-A", at_utc(day(2027, 3, 28), 19h + 30min)},
      {"experiment-1-A", at_utc(day(2027, 3, 30), 19h + 30min)},
      {"safety-check", at_utc(day(2027, 4, 4), 7h)},
  };
  EXPECT_EQ(got, want);
}

TEST(FhirCodes, EveryDiaryFieldHasACodeInCatalogueOrder) {
  const auto fields = diary_fields();
  const auto codes = fhir::field_codes();
  ASSERT_EQ(codes.size(), fields.size()) << "a new diary field needs its FHIR code (report/fhir_codes.cpp)";
  for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(codes[i].field, fields[i].name);
  for (const auto& c : codes) EXPECT_EQ(fhir::field_of_code(c.system, c.code), &c) << c.code << " is used twice";
}

TEST(FhirReader, RefusesWhatIsNotABundle) {
  const TzdbZone berlin("Europe/Berlin");
  const auto not_json = read_fhir_collection("{", berlin, {});
  ASSERT_FALSE(not_json);
  EXPECT_EQ(not_json.error().front().message(),
            "Bundle: missing; allowed: a JSON document (this file is not valid JSON: it ends before the JSON does)");
  const auto patient = read_fhir_collection(R"({"resourceType": "Patient"})", berlin, {});
  ASSERT_FALSE(patient);
  EXPECT_EQ(
      patient.error().front().message(),
      "Bundle.resourceType: 'Patient' is not allowed; allowed: a FHIR R4 Bundle, as `daybreak export fhir` writes it");
  const auto document =
      read_fhir_collection(R"({"resourceType": "Bundle", "type": "document", "entry": []})", berlin, {});
  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().front().message(),
            "Bundle at Bundle.type: 'document' is not allowed; allowed: collection");
}

// Found from outside: a 40 KB file of 20,000 '[' and as many ']' crashed
// `daybreak import fhir` and, through POST /api/import/fhir, the server (a
// copy of the parsed value recursed once per level until the stack ran out).
// JSON from outside may nest kMaxJsonDepth levels; deeper is refused by name.
TEST(FhirReader, AFileNestedTwentyThousandDeepCrashedTheImportAndIsRefused) {
  const TzdbZone berlin("Europe/Berlin");
  const auto deep = read_fhir_collection(std::string(20000, '[') + std::string(20000, ']'), berlin, {});
  ASSERT_FALSE(deep);
  EXPECT_EQ(deep.error().front().message(),
            "Bundle: missing; allowed: a JSON document nested at most 64 levels deep (this file nests deeper)");
}

// Found from outside: {"pain": 1e400} is JSON by its grammar, and was answered
// "The body is not JSON" with nothing to say where; what is not JSON is now
// said by place, and a number too large by its value.
TEST(JsonText, AHugeNumberWasCalledNotJsonWithNothingToSayWhere) {
  EXPECT_EQ(why_not_json(R"({"fields": {"pain": 1e400}})"),
            "the number 1e400 at byte 21 is too large (numbers reach about 1.8e308 either way)");
  EXPECT_EQ(why_not_json(R"({"pain": x})"), "it stops being JSON at byte 10");
  EXPECT_EQ(why_not_json(R"({"period": )"), "it ends before the JSON does");
  EXPECT_EQ(why_not_json(""), "it ends before the JSON does");
  EXPECT_EQ(why_not_json(std::string(20000, '[')), "it ends before the JSON does");  // no stack for depth
  EXPECT_EQ(why_not_json(R"({"pain": 1e300})"), "");
}

TEST(JsonText, NestsUpToTheLimitAndNoDeeper) {
  const auto nested = [](int levels) {
    const auto n = static_cast<std::size_t>(levels);
    return std::string(n, '[') + "1" + std::string(n, ']');
  };
  JsonText outcome = JsonText::parsed;
  EXPECT_FALSE(parse_json_text<nlohmann::json>(nested(kMaxJsonDepth), outcome).is_discarded());
  EXPECT_EQ(outcome, JsonText::parsed);
  EXPECT_TRUE(parse_json_text<nlohmann::json>(nested(kMaxJsonDepth + 1), outcome).is_discarded());
  EXPECT_EQ(outcome, JsonText::too_deep);
  std::string deep_objects;
  for (int i = 0; i <= kMaxJsonDepth; ++i) deep_objects += R"({"a":)";
  deep_objects += "1" + std::string(static_cast<std::size_t>(kMaxJsonDepth) + 1, '}');
  EXPECT_TRUE(parse_json_text<nlohmann::ordered_json>(deep_objects, outcome).is_discarded());
  EXPECT_EQ(outcome, JsonText::too_deep);
  EXPECT_TRUE(parse_json_text<nlohmann::json>("[1, 2", outcome).is_discarded());
  EXPECT_EQ(outcome, JsonText::not_json);
  EXPECT_EQ(parse_json_text<nlohmann::json>(R"({"pain": [4]})", outcome).at("pain").at(0), 4);
  EXPECT_EQ(outcome, JsonText::parsed);
}

// Found by fhir_import_fuzz: where the reader expected text (a resourceType, a
// url, a code), a number or a list made nlohmann's value() throw, and the
// import ended in "unexpected error" (exit 4, a 500) instead of naming the element.
TEST(FhirReader, AMemberOfAnotherTypeWhereTextBelongsIsAProblemNotAnUnexpectedError) {
  const TzdbZone berlin("Europe/Berlin");
  for (
      const char* text : {
          R"({"resourceType": 7})",
          R"({"resourceType": "Bundle", "type": ["collection"], "entry": []})",
          R"({"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "x", "resource": {"resourceType": []}}]})",
          R"({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": 1, "name": [{"text": 2}]}}]})",
          R"({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "CarePlan", "category": [{"coding": [{"system": 1, "code": 2}]}]}}]})",
          R"({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "ClinicalImpression", "extension": [{"url": 1}, {"url": {}}]}}]})",
      }) {
    std::optional<Result<FhirContent, FhirProblems>> read;
    EXPECT_NO_THROW(read.emplace(read_fhir_collection(text, berlin, {}))) << text;
    ASSERT_TRUE(read.has_value()) << text;
    ASSERT_FALSE(*read) << text;
    ASSERT_FALSE(read->error().empty()) << text;
    EXPECT_FALSE(read->error().front().allowed.empty()) << text;
  }
}

// Whether `text` has `part` in it (for EXPECT_PRED2, which then prints both).
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The program's past decisions: written and read back the same, and a record
// the store would not keep is refused with the FHIRPath of the element.
TEST(FhirReader, ADecisionReadsBackAsWrittenAndABrokenRecordIsRefused) {
  const TzdbZone berlin("Europe/Berlin");
  User user;
  user.id = UserId{1};
  user.name = "Anna";
  DecisionRecord d;
  d.program = "daybreak";
  d.kind = DecisionKind::rule;
  d.routine = RoutineKind::evening;
  d.date = day(2026, 11, 22);
  d.verdict = Verdict::step_back;
  d.reasons = {Why::morning_pain_up, Why::stiffness_up};
  d.stage = 2;
  d.inputs = R"({"morning":{"pain":6}})";
  d.changes = {LevelChange{"cat_camel", 2, 1, "Cat-camel: reps go from 8 to 6"}};
  d.sentence = "Morning pain was 6 after Sunday's evening session: a step back.";
  d.state.good_sessions = 0;
  d.state.last_step_up = day(2026, 11, 20);
  d.offer_flare = true;
  d.note = "";
  d.decided_at = Instant{std::chrono::sys_days{day(2026, 11, 23)}} + 6h;
  d.channel = "web";
  const std::vector<DecisionRecord> decisions{d};
  const std::string text = fhir_collection(FhirExport{.user = user,
                                                      .person = derived_person_id(1, Instant{}),
                                                      .zone = berlin,
                                                      .entries = {},
                                                      .sessions = {},
                                                      .responses = {},
                                                      .instruments = {},
                                                      .screenings = {},
                                                      .decisions = decisions});
  const auto read = read_fhir_collection(text, berlin, {});
  ASSERT_TRUE(read) << read.error().front().message();
  ASSERT_EQ(read->decisions.size(), 1U);
  EXPECT_EQ(read->decisions[0].record, d);

  const auto refused = [&](const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json b = nlohmann::json::parse(text);
    change(b["entry"][1]["resource"]);
    const auto r = read_fhir_collection(b.dump(), berlin, {});
    return r ? std::string("read") : r.error().front().message();
  };
  const auto parts = [](nlohmann::json& r) -> nlohmann::json& { return r["extension"][1]["extension"]; };
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r).erase(2); }),
               "a routine (morning or evening) for the rule's decisions, and for them only");
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r)[2]["valueCode"] = "flare"; }),
               ".extension[1].extension[2].valueCode: 'flare' is not allowed; allowed: the routine the rule decided: "
               "morning or evening");
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r)[5]["valueString"] = R"( {"morning":{}})"; }),
               "the decision's numbers as a JSON object");
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r)[5]["valueString"] = "[1]"; }),
               ".extension[1].extension[5].valueString: '[1]' is not allowed; allowed: the "
               "decision's numbers as a JSON object");
  // A level that is no int: 1e300 cast to one was undefined, 2^40 wrapped.
  for (const char* level : {"1e300", "1099511627776", "-1099511627776"}) {
    EXPECT_PRED2(contains, refused([&](auto& r) {
                   parts(r)[6]["valueString"] =
                       fmt::format(R"([{{"exercise":"cat_camel","from":{},"to":1,"what":"x"}}])", level);
                 }),
                 "'from' is not a whole number in range");
  }
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r)[4]["valueInteger"] = 0; }),
               ".extension[1].extension[4].valueInteger: '0' is not allowed; allowed: a whole "
               "number from 1 to 100");
  EXPECT_PRED2(contains, refused([&](auto& r) { r["finding"][1] = r["finding"][0]; }), "each reason once");
  EXPECT_PRED2(contains, refused([&](auto& r) { parts(r).push_back(parts(r)[0]); }), "each part of the record once");
  EXPECT_PRED2(contains, refused([&](auto& r) { r.erase("summary"); }),
               ".summary: missing; allowed: the sentence the person was shown");
  EXPECT_PRED2(contains, refused([&](auto& r) { r["assessor"] = {{"reference", "Practitioner/1"}}; }), ".assessor");
}

}  // namespace
}  // namespace daybreak
