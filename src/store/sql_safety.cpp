// Safety screening and questionnaires in the store's SQL transaction: screening
// events, settings and questionnaire responses. Answers are stored as JSON, as
// given; a value that does not read back means a damaged file.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "domain/text.hpp"
#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

using Json = nlohmann::ordered_json;

Json parse_json(const Connection& db, const std::string& text, std::string_view what) {
  auto j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) corrupt(db, fmt::format("{} is not JSON", what));
  return j;
}

// {"both_legs": "no", "fever": "yes"}: in the order asked.
std::string answers_text(const std::vector<ScreenAnswer>& answers) {
  Json j = Json::object();
  for (const auto& a : answers) j[a.question] = name_of(a.answer);
  return j.dump();
}

std::vector<ScreenAnswer> answers_of(const Connection& db, const std::string& text) {
  const Json j = parse_json(db, text, "screening answers");
  if (!j.is_object()) corrupt(db, "screening answers are not an object");
  std::vector<ScreenAnswer> out;
  for (const auto& [question, value] : j.items()) {
    const auto answer = value.is_string() ? parse_choice<YesNo>(value.get<std::string>()) : std::nullopt;
    if (!answer) corrupt(db, fmt::format("screening answer {} = {}", question, value.dump()));
    out.push_back({question, *answer});
  }
  return out;
}

std::string ibp_text(const IbpSnapshot& s) {
  return Json{{"outcome", name_of(s.outcome)}, {"asas_met", s.asas_met}, {"berlin_met", s.berlin_met}, {"met", s.met}}
      .dump();
}

IbpSnapshot ibp_of(const Connection& db, const std::string& text) {
  const Json j = parse_json(db, text, "an inflammatory back pain result");
  try {
    const auto outcome = parse_choice<IbpOutcome>(j.at("outcome").get<std::string>());
    if (!outcome) corrupt(db, "unknown inflammatory back pain outcome");
    return {*outcome, j.at("asas_met").get<int>(), j.at("berlin_met").get<int>(),
            j.at("met").get<std::vector<std::string>>()};
  } catch (const nlohmann::json::exception& e) {
    corrupt(db, fmt::format("an inflammatory back pain result: {}", e.what()));
  }
}

// [{"item": "pain_intensity", "value": 2}, {"item": "sex_life"}, {"item": "1", "choice": "yes"}]
std::string item_answers_text(const std::vector<ItemAnswer>& answers) {
  Json j = Json::array();
  for (const auto& a : answers) {
    Json o{{"item", a.item}};
    if (a.choice) o["choice"] = *a.choice;
    if (a.value) o["value"] = *a.value;
    j.push_back(std::move(o));
  }
  return j.dump();
}

std::vector<ItemAnswer> item_answers_of(const Connection& db, const std::string& text) {
  const Json j = parse_json(db, text, "questionnaire answers");
  std::vector<ItemAnswer> out;
  try {
    for (const auto& o : j) {
      ItemAnswer a{o.at("item").get<std::string>(), std::nullopt, std::nullopt};
      if (o.contains("choice")) a.choice = o.at("choice").get<std::string>();
      if (o.contains("value")) a.value = o.at("value").get<int>();
      out.push_back(std::move(a));
    }
  } catch (const nlohmann::json::exception& e) {
    corrupt(db, fmt::format("questionnaire answers: {}", e.what()));
  }
  return out;
}

std::string subscales_text(const std::vector<SubscaleScore>& subscales) {
  Json j = Json::object();
  for (const auto& s : subscales) j[s.id] = s.value;
  return j.dump();
}

std::vector<SubscaleScore> subscales_of(const Connection& db, const std::string& text) {
  const Json j = parse_json(db, text, "questionnaire subscales");
  std::vector<SubscaleScore> out;
  for (const auto& [id, value] : j.items()) {
    if (!value.is_number()) corrupt(db, fmt::format("subscale {} = {}", id, value.dump()));
    out.push_back({id, value.get<double>()});
  }
  return out;
}

}  // namespace

std::vector<ScreeningEvent> Transaction::screening_events(UserId user) {
  db_.set_operation("reading screening events");
  Statement& s = db_.prepare(
      "SELECT id, kind, recorded_at, channel, entry_id, answers, result, raised, ibp FROM screening_events "
      "WHERE user_id = ?1 ORDER BY recorded_at, id");
  s.bind(1, user.value);
  std::vector<ScreeningEvent> out;
  while (s.step()) {
    ScreeningEvent e;
    e.id = ScreeningId{s.integer(0)};
    e.user = user;
    e.kind = choice_column<ScreenKind>(db_, s, 1);
    e.at = instant_of(s.integer(2));
    e.channel = s.text(3);
    if (const auto entry = s.optional_integer(4)) e.entry = EntryId{*entry};
    e.answers = answers_of(db_, s.text(5));
    e.result = choice_column<ScreenResult>(db_, s, 6);
    // The text outlives the views split_list returns into it.
    const std::string raised = s.text(7);
    for (const auto part : split_list(raised, ";")) e.raised.emplace_back(part);
    if (!s.is_null(8)) e.ibp = ibp_of(db_, s.text(8));
    out.push_back(std::move(e));
  }
  return out;
}

ScreeningEvent Transaction::add_screening(UserId user, const ScreeningEvent& event) {
  db_.set_operation(fmt::format("saving a {} safety check", name_of(event.kind)));
  Statement& s = db_.prepare(
      "INSERT INTO screening_events (user_id, kind, recorded_at, channel, entry_id, answers, result, raised, ibp) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
  s.bind(1, user.value).bind(2, name_of(event.kind)).bind(3, seconds_of(event.at)).bind(4, event.channel);
  if (event.entry) {
    s.bind(5, event.entry->value);
  } else {
    s.bind(5, std::nullopt);
  }
  s.bind(6, answers_text(event.answers)).bind(7, name_of(event.result)).bind(8, join(event.raised, ";"));
  if (event.ibp) {
    s.bind(9, ibp_text(*event.ibp));
  } else {
    s.bind(9, std::nullopt);
  }
  const std::int64_t new_id = s.insert();
  ScreeningEvent stored = event;
  stored.id = ScreeningId{new_id};
  stored.user = user;
  return stored;
}

std::optional<std::string> Transaction::setting(UserId user, std::string_view key) {
  db_.set_operation("reading settings");
  Statement& s = db_.prepare("SELECT value FROM settings WHERE user_id = ?1 AND key = ?2");
  s.bind(1, user.value).bind(2, key);
  if (!s.step()) return std::nullopt;
  std::string value = s.text(0);
  s.reset();
  return value;
}

void Transaction::set_setting(UserId user, std::string_view key, std::string_view value, Instant at) {
  db_.set_operation(fmt::format("saving the setting {}", key));
  db_.prepare(
         "INSERT INTO settings (user_id, key, value, updated_at) VALUES (?1, ?2, ?3, ?4) "
         "ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
      .bind(1, user.value)
      .bind(2, key)
      .bind(3, value)
      .bind(4, seconds_of(at))
      .run();
}

std::vector<QuestionnaireResponse> Transaction::questionnaire_responses(UserId user, std::string_view instrument) {
  db_.set_operation("reading questionnaire responses");
  Statement& s = db_.prepare(
      "SELECT id, instrument, version, taken_at, channel, answers, score, band, subscales, answered, skipped, notes "
      "FROM questionnaire_responses WHERE user_id = ?1 AND (?2 = '' OR instrument = ?2) ORDER BY taken_at, id");
  s.bind(1, user.value).bind(2, instrument);
  std::vector<QuestionnaireResponse> out;
  while (s.step()) {
    QuestionnaireResponse r;
    r.id = ResponseId{s.integer(0)};
    r.user = user;
    r.instrument = s.text(1);
    r.version = s.text(2);
    r.taken_at = instant_of(s.integer(3));
    r.channel = s.text(4);
    r.answers = item_answers_of(db_, s.text(5));
    r.score.value = s.real(6);
    r.score.band = s.text(7);
    r.score.subscales = subscales_of(db_, s.text(8));
    r.score.answered = static_cast<int>(s.integer(9));
    r.score.skipped = static_cast<int>(s.integer(10));
    const Json notes = parse_json(db_, s.text(11), "questionnaire notes");
    if (!notes.is_array()) corrupt(db_, "questionnaire notes are not a list");
    for (const auto& n : notes) r.score.notes.push_back(n.is_string() ? n.get<std::string>() : n.dump());
    out.push_back(std::move(r));
  }
  return out;
}

QuestionnaireResponse Transaction::add_questionnaire_response(UserId user, const QuestionnaireResponse& response) {
  db_.set_operation(fmt::format("saving the {} questionnaire", response.instrument));
  const std::int64_t new_id = db_.prepare(
                                     "INSERT INTO questionnaire_responses (user_id, instrument, version, taken_at, "
                                     "channel, answers, score, band, "
                                     "subscales, answered, skipped, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                     "?10, ?11, ?12) RETURNING id")
                                  .bind(1, user.value)
                                  .bind(2, response.instrument)
                                  .bind(3, response.version)
                                  .bind(4, seconds_of(response.taken_at))
                                  .bind(5, response.channel)
                                  .bind(6, item_answers_text(response.answers))
                                  .bind(7, response.score.value)
                                  .bind(8, response.score.band)
                                  .bind(9, subscales_text(response.score.subscales))
                                  .bind(10, response.score.answered)
                                  .bind(11, response.score.skipped)
                                  .bind(12, Json(response.score.notes).dump())
                                  .insert();
  QuestionnaireResponse stored = response;
  stored.id = ResponseId{new_id};
  stored.user = user;
  return stored;
}

}  // namespace daybreak::sql
