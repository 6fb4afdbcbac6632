// The personal experiments' part of the store's SQL transaction: designs, stops,
// and what was logged for each night.
#include <fmt/format.h>

#include "store/sql_columns.hpp"
#include "store/sql_transaction.hpp"

namespace daybreak::sql {
namespace {

constexpr std::string_view kExperimentColumns =
    "id, user_id, title, condition_a, condition_b, first_night, pairs, period_nights, washout_nights, seed, "
    "orders, created_at, stopped_at, stopped_after, stop_reason";

Experiment read_experiment(const Connection& db, const Statement& s) {
  Experiment e;
  e.id = ExperimentId{s.integer(0)};
  e.user = UserId{s.integer(1)};
  ExperimentDesign& d = e.design;
  d.title = s.text(2);
  d.condition_a = s.text(3);
  d.condition_b = s.text(4);
  d.first_night = date_column(db, s, 5);
  d.pairs = static_cast<int>(s.integer(6));
  d.period_nights = static_cast<int>(s.integer(7));
  d.washout_nights = static_cast<int>(s.integer(8));
  d.seed = static_cast<std::uint64_t>(s.integer(9));
  auto orders = orders_from_text(s.text(10));
  if (!orders || orders->size() != static_cast<std::size_t>(d.pairs)) {
    corrupt(db, fmt::format("experiment {} has the pair orders '{}'", e.id.value, s.text(10)));
  }
  d.first_in_pair = std::move(*orders);
  e.created_at = instant_of(s.integer(11));
  if (const auto t = s.optional_integer(12)) e.stopped_at = instant_of(*t);
  if (!s.is_null(13)) e.stopped_after = date_column(db, s, 13);
  e.stop_reason = s.text(14);
  return e;
}

}  // namespace

std::vector<Experiment> Transaction::load_experiments(UserId user, std::optional<ExperimentId> id) {
  Statement& s = db_.prepare(
      fmt::format("SELECT {} FROM experiments WHERE user_id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR id = ?2) "
                  "ORDER BY id",
                  kExperimentColumns));
  s.bind(1, user.value);
  if (id) {
    s.bind(2, id->value);
  } else {
    s.bind(2, std::nullopt);
  }
  std::vector<Experiment> out;
  while (s.step()) out.push_back(read_experiment(db_, s));
  return out;
}

std::optional<Experiment> Transaction::find_experiment(UserId user, ExperimentId id) {
  db_.set_operation(fmt::format("reading experiment {}", id.value));
  auto found = load_experiments(user, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Experiment> Transaction::experiments(UserId user) {
  db_.set_operation("reading experiments");
  return load_experiments(user, std::nullopt);
}

std::vector<ExperimentNight> Transaction::experiment_nights(UserId user, ExperimentId id) {
  db_.set_operation(fmt::format("reading the nights of experiment {}", id.value));
  Statement& s = db_.prepare(
      "SELECT night, followed, note, recorded_at FROM experiment_nights "
      "WHERE user_id = ?1 AND experiment_id = ?2 ORDER BY night");
  s.bind(1, user.value).bind(2, id.value);
  std::vector<ExperimentNight> out;
  while (s.step()) {
    out.push_back({id, date_column(db_, s, 0), s.integer(1) != 0, s.text(2), instant_of(s.integer(3))});
  }
  return out;
}

void Transaction::hold_experiments(UserId user) {
  db_.set_operation("waiting for another change to your experiments");
  db_.serialize_on(fmt::format("daybreak experiments of {}", user.value));
}

Experiment Transaction::insert_experiment(UserId user, const ExperimentDesign& design, Instant at) {
  db_.set_operation(fmt::format("saving the experiment '{}'", design.title));
  const std::int64_t new_id =
      db_.prepare(
             "INSERT INTO experiments (user_id, title, condition_a, condition_b, first_night, pairs, period_nights, "
             "washout_nights, seed, orders, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
             "RETURNING id")
          .bind(1, user.value)
          .bind(2, design.title)
          .bind(3, design.condition_a)
          .bind(4, design.condition_b)
          .bind(5, format_date(design.first_night))
          .bind(6, design.pairs)
          .bind(7, design.period_nights)
          .bind(8, design.washout_nights)
          .bind(9, static_cast<std::int64_t>(design.seed))
          .bind(10, orders_text(design.first_in_pair))
          .bind(11, seconds_of(at))
          .insert();
  return Experiment{ExperimentId{new_id}, user, design, at, std::nullopt, std::nullopt, ""};
}

void Transaction::stop_experiment(UserId user, ExperimentId id, LocalDate last_night, const std::string& reason,
                                  Instant at) {
  db_.set_operation(fmt::format("stopping experiment {}", id.value));
  db_.prepare(
         "UPDATE experiments SET stopped_at = ?3, stopped_after = ?4, stop_reason = ?5 "
         "WHERE user_id = ?1 AND id = ?2 AND stopped_at IS NULL")
      .bind(1, user.value)
      .bind(2, id.value)
      .bind(3, seconds_of(at))
      .bind(4, format_date(last_night))
      .bind(5, reason)
      .run();
  if (db_.changes() == 0) not_found(fmt::format("running experiment {}", id.value));
}

void Transaction::log_experiment_night(UserId user, const ExperimentNight& night) {
  db_.set_operation(
      fmt::format("saving the night of {} for experiment {}", format_date(night.night), night.experiment.value));
  db_.prepare(
         "INSERT INTO experiment_nights (experiment_id, night, user_id, followed, note, recorded_at) "
         "SELECT id, ?3, user_id, ?4, ?5, ?6 FROM experiments WHERE user_id = ?1 AND id = ?2 "
         "ON CONFLICT (experiment_id, night) DO UPDATE SET followed = excluded.followed, note = excluded.note, "
         "recorded_at = excluded.recorded_at")
      .bind(1, user.value)
      .bind(2, night.experiment.value)
      .bind(3, format_date(night.night))
      .bind(4, night.followed ? 1 : 0)
      .bind(5, night.note)
      .bind(6, seconds_of(night.recorded_at))
      .run();
  if (db_.changes() == 0) not_found(fmt::format("experiment {}", night.experiment.value));
}

}  // namespace daybreak::sql
