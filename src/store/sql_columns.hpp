// Reading and writing domain values in SQL columns, shared by the store's
// query files (sql_*.cpp) on SQLite and PostgreSQL. A value that breaks the
// domain's rules means damaged data.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "domain/choices.hpp"
#include "domain/time.hpp"
#include "store/sql.hpp"
#include "store/store.hpp"
#include "store/store_error.hpp"

namespace daybreak::sql {

inline std::int64_t seconds_of(Instant t) { return t.time_since_epoch().count(); }
inline Instant instant_of(std::int64_t s) { return Instant{std::chrono::seconds{s}}; }

// A person's profile: the users table's columns, read from column `at` on.
constexpr std::string_view kUserColumns = "id, name, time_zone, created_at";
inline User user_of(const Statement& s, int at = 0) {
  return User{UserId{s.integer(at)}, s.text(at + 1), s.text(at + 2), instant_of(s.integer(at + 3))};
}

[[noreturn]] inline void corrupt(const Connection& db, const std::string& what) {
  throw StoreError(StoreError::Kind::corrupt, fmt::format("{}: stored data is damaged: {}", db.where(), what));
}

template <class B>
std::optional<B> bounded_column(const Connection& db, const Statement& s, int col, std::string_view field) {
  const auto v = s.optional_integer(col);
  if (!v) return std::nullopt;
  auto b = B::make(*v);
  if (!b) corrupt(db, fmt::format("{} = {}", field, *v));
  return b;
}

template <class T>
std::optional<T> tenths_column(const Connection& db, const Statement& s, int col, std::string_view field) {
  const auto v = s.optional_integer(col);
  if (!v) return std::nullopt;
  auto t = T::from_tenths(*v);
  if (!t) corrupt(db, fmt::format("{} = {} tenths", field, *v));
  return t;
}

template <class E>
ChoiceSet<E> set_column(const Connection& db, const Statement& s, int col) {
  const auto set = choice_set_from_text<E>(s.text_view(col));
  if (!set) corrupt(db, fmt::format("unknown {} in '{}'", Vocabulary<E>::kind, s.text_view(col)));
  return *set;
}

template <class E>
E choice_column(const Connection& db, const Statement& s, int col) {
  const auto v = parse_choice<E>(s.text_view(col));
  if (!v) corrupt(db, fmt::format("unknown {} '{}'", Vocabulary<E>::kind, s.text_view(col)));
  return *v;
}

inline LocalDate date_column(const Connection& db, const Statement& s, int col) {
  const auto d = parse_date(s.text_view(col));
  if (!d) corrupt(db, fmt::format("bad date '{}'", s.text_view(col)));
  return *d;
}

template <class B>
std::optional<std::int64_t> raw(const std::optional<B>& v) {
  if (!v) return std::nullopt;
  return v->value();
}
template <class T>
std::optional<std::int64_t> raw_tenths(const std::optional<T>& v) {
  if (!v) return std::nullopt;
  return v->tenths();
}
inline std::optional<std::int64_t> raw_time(const std::optional<Instant>& v) {
  if (!v) return std::nullopt;
  return seconds_of(*v);
}

}  // namespace daybreak::sql
