// A value or an error, for failures that are expected (bad input, not found).
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace daybreak {

// Thrown only when code reads the wrong side of a Result: a programming error.
class BadResultAccess : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

template <class E>
struct Failure {
  E error;
};
template <class E>
Failure(E) -> Failure<E>;

template <class E>
[[nodiscard]] Failure<std::decay_t<E>> fail(E&& error) {
  return {std::forward<E>(error)};
}

// Result<T, E>: holds a T or an E. Every access is checked.
template <class T, class E>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  template <class F>
  Result(Failure<F> f) : v_(std::in_place_index<1>, std::move(f.error)) {}  // NOLINT

  [[nodiscard]] bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  [[nodiscard]] const T& value() const& { return checked_value(); }
  [[nodiscard]] T& value() & { return const_cast<T&>(checked_value()); }
  [[nodiscard]] T&& value() && { return std::move(const_cast<T&>(checked_value())); }

  [[nodiscard]] const E& error() const& { return checked_error(); }
  [[nodiscard]] E&& error() && { return std::move(const_cast<E&>(checked_error())); }

  const T* operator->() const { return &checked_value(); }
  T* operator->() { return &const_cast<T&>(checked_value()); }
  const T& operator*() const& { return checked_value(); }

 private:
  const T& checked_value() const {
    if (!ok()) throw BadResultAccess("Result::value() called on an error");
    return std::get<0>(v_);
  }
  const E& checked_error() const {
    if (ok()) throw BadResultAccess("Result::error() called on a value");
    return std::get<1>(v_);
  }

  std::variant<T, E> v_;
};

// Result<void, E>: success carries nothing.
struct Ok {};

template <class E>
using Status = Result<Ok, E>;

}  // namespace daybreak
