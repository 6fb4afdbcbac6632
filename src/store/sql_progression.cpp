// Progression's part of the store's SQL transaction: decisions with
// their inputs, level changes and sentences, and the rule's memory per routine.
#include <nlohmann/json.hpp>

#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

// The decision columns, in the order read_decision_row expects them.
constexpr std::string_view kDecisionColumns =
    "id, program, kind, routine, day, verdict, reasons, stage, inputs, changes, sentence, good_sessions, "
    "last_step_up, last_weekly_check, offer_flare, note, decided_at, channel, "
    "CASE WHEN decided_by_name IS NULL AND decided_by <> user_id THEN decided_by END, "
    "coalesce(decided_by_name, (SELECT u.name FROM users u WHERE u.id = progression_decisions.decided_by AND "
    "progression_decisions.decided_by <> progression_decisions.user_id))";

std::optional<LocalDate> optional_date_column(const Connection& db, const Statement& s, int col) {
  if (s.is_null(col)) return std::nullopt;
  return date_column(db, s, col);
}

std::optional<std::string> optional_date_text(const std::optional<LocalDate>& d) {
  if (!d) return std::nullopt;
  return format_date(*d);
}

DecisionRecord read_decision_row(const Connection& db, const Statement& s) {
  DecisionRecord r;
  r.id = DecisionId{s.integer(0)};
  r.program = s.text(1);
  r.kind = choice_column<DecisionKind>(db, s, 2);
  if (!s.is_null(3)) r.routine = choice_column<RoutineKind>(db, s, 3);
  r.date = date_column(db, s, 4);
  r.verdict = choice_column<Verdict>(db, s, 5);
  r.reasons = set_column<Why>(db, s, 6);
  r.stage = static_cast<int>(s.integer(7));
  r.inputs = s.text(8);
  const auto changes = nlohmann::ordered_json::parse(s.text(9), nullptr, false);
  auto parsed = level_changes_from_json(changes);
  if (!parsed) corrupt(db, fmt::format("decision {}: level changes: {}", r.id.value, parsed.error()));
  r.changes = std::move(parsed).value();
  r.sentence = s.text(10);
  r.state.good_sessions = static_cast<int>(s.integer(11));
  r.state.last_step_up = optional_date_column(db, s, 12);
  r.state.last_weekly_check = optional_date_column(db, s, 13);
  r.offer_flare = s.integer(14) != 0;
  r.note = s.text(15);
  r.decided_at = instant_of(s.integer(16));
  r.channel = s.text(17);
  // Someone else's account here, or the name of a clinician in the install the diary came from.
  if (!s.is_null(18)) {
    r.author = DecisionAuthor{UserId{s.integer(18)}, s.is_null(19) ? std::string() : s.text(19)};
  } else if (!s.is_null(19)) {
    r.author = DecisionAuthor{std::nullopt, s.text(19)};
  }
  return r;
}

std::vector<DecisionRecord> read_all(const Connection& db, Statement& s) {
  std::vector<DecisionRecord> out;
  while (s.step()) out.push_back(read_decision_row(db, s));
  s.reset();
  return out;
}

}  // namespace

std::vector<DecisionRecord> Transaction::decisions(UserId user, std::string_view program,
                                                   std::optional<DecisionKind> kind, int limit) {
  db_.set_operation("reading progression decisions");
  Statement& s =
      db_.prepare(fmt::format("SELECT {} FROM progression_decisions WHERE user_id = ?1 AND program = ?2 AND (CAST(?3 "
                              "AS TEXT) IS NULL OR kind = ?3) "
                              "ORDER BY day DESC, id DESC LIMIT ?4",
                              kDecisionColumns));
  s.bind(1, user.value).bind(2, program);
  if (kind) {
    s.bind(3, name_of(*kind));
  } else {
    s.bind(3, std::nullopt);
  }
  s.bind(4, limit);
  return read_all(db_, s);
}

std::vector<DecisionRecord> Transaction::decisions_between(UserId user, LocalDate from, LocalDate to) {
  db_.set_operation(fmt::format("reading the decisions of {} to {}", format_date(from), format_date(to)));
  Statement& s = db_.prepare(
      fmt::format("SELECT {} FROM progression_decisions WHERE user_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day, id",
                  kDecisionColumns));
  s.bind(1, user.value).bind(2, format_date(from)).bind(3, format_date(to));
  return read_all(db_, s);
}

std::optional<DecisionRecord> Transaction::latest_rule_decision(UserId user, std::string_view program,
                                                                RoutineKind routine) {
  db_.set_operation("reading the latest progression decision");
  Statement& s = db_.prepare(fmt::format(
      "SELECT {} FROM progression_decisions WHERE user_id = ?1 AND program = ?2 AND kind = 'rule' AND routine = ?3 "
      "ORDER BY day DESC, id DESC LIMIT 1",
      kDecisionColumns));
  s.bind(1, user.value).bind(2, program).bind(3, name_of(routine));
  auto found = read_all(db_, s);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Instant> Transaction::first_session_at(UserId user, std::string_view program) {
  db_.set_operation("reading the first session of a program");
  Statement& s = db_.prepare("SELECT min(started_at) FROM sessions WHERE user_id = ?1 AND program = ?2");
  s.bind(1, user.value).bind(2, program);
  std::optional<Instant> first;
  if (s.step() && !s.is_null(0)) first = instant_of(s.integer(0));
  s.reset();
  return first;
}

DecisionRecord Transaction::insert_decision(UserId user, const DecisionRecord& d, const WriteMeta& meta) {
  db_.set_operation(fmt::format("saving a progression decision for {}", format_date(d.date)));
  Statement& s = db_.prepare(
      "INSERT INTO progression_decisions (user_id, program, kind, routine, day, verdict, reasons, stage, inputs, "
      "changes, sentence, good_sessions, last_step_up, last_weekly_check, offer_flare, note, decided_at, channel, "
      "decided_by, decided_by_name) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20) RETURNING "
      "id");
  s.bind(1, user.value).bind(2, d.program).bind(3, name_of(d.kind));
  if (d.routine) {
    s.bind(4, name_of(*d.routine));
  } else {
    s.bind(4, std::nullopt);
  }
  s.bind(5, format_date(d.date))
      .bind(6, name_of(d.verdict))
      .bind(7, to_text(d.reasons))
      .bind(8, d.stage)
      .bind(9, d.inputs)
      .bind(10, level_changes_to_json(d.changes).dump())
      .bind(11, d.sentence)
      .bind(12, d.state.good_sessions)
      .bind(13, optional_date_text(d.state.last_step_up))
      .bind(14, optional_date_text(d.state.last_weekly_check))
      .bind(15, d.offer_flare ? 1 : 0)
      .bind(16, d.note)
      .bind(17, seconds_of(meta.at))
      .bind(18, meta.actor.channel)
      .bind(19, meta.actor.user.value);
  // A name without an account here came with the decision from another install, and stays its author.
  const bool brought = d.author && !d.author->id && !d.author->name.empty();
  if (brought) {
    s.bind(20, d.author->name);
  } else {
    s.bind(20, std::nullopt);
  }
  const std::int64_t new_id = s.insert();
  DecisionRecord stored = d;
  stored.id = DecisionId{new_id};
  stored.decided_at = meta.at;
  stored.channel = meta.actor.channel;
  if (brought) return stored;
  stored.author.reset();
  if (meta.actor.user != user) {
    const auto actor = find_user(meta.actor.user);
    stored.author = DecisionAuthor{meta.actor.user, actor ? actor->name : std::string()};
  }
  return stored;
}

}  // namespace daybreak::sql
