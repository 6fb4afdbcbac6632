// How a use case says no: a kind the interfaces map to exit codes or HTTP
// statuses, a sentence for people, and the details behind it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/field_error.hpp"
#include "domain/hint.hpp"
#include "domain/ids.hpp"
#include "domain/result.hpp"

namespace daybreak {

enum class ErrorCode {
  invalid_input,  // bad values; `fields` or `details` say which
  not_found,      // the record named does not exist
  conflict,       // valid, but clashes with what is stored (period already logged...)
  storage,        // the database failed
};

struct AppError {
  ErrorCode code = ErrorCode::invalid_input;
  std::string message;
  FieldErrors fields;                // per-field problems, all of them
  std::vector<std::string> details;  // other problems, one sentence each (e.g. CSV lines)
  std::optional<EntryId> existing;   // for conflicts: the entry already there
  std::optional<Hint> hint = {};     // what the person can do next, for each interface to word
};

// The same error, with what the person can do next.
[[nodiscard]] inline AppError with_hint(AppError error, Hint hint) {
  error.hint = std::move(hint);
  return error;
}

template <class T>
using AppResult = Result<T, AppError>;

[[nodiscard]] inline AppError invalid(std::string message, FieldErrors fields = {}) {
  return {ErrorCode::invalid_input, std::move(message), std::move(fields), {}, std::nullopt};
}
[[nodiscard]] inline AppError invalid_details(std::string message, std::vector<std::string> details) {
  return {ErrorCode::invalid_input, std::move(message), {}, std::move(details), std::nullopt};
}
[[nodiscard]] inline AppError not_found(std::string message) {
  return {ErrorCode::not_found, std::move(message), {}, {}, std::nullopt};
}
[[nodiscard]] inline AppError conflict(std::string message, std::vector<std::string> details = {}) {
  return {ErrorCode::conflict, std::move(message), {}, std::move(details), std::nullopt};
}
[[nodiscard]] inline AppError storage_error(std::string message) {
  return {ErrorCode::storage, std::move(message), {}, {}, std::nullopt};
}

}  // namespace daybreak
