// What is wrong with one input field: which field, the value given, what is allowed.
#pragma once

#include <string>
#include <vector>

namespace daybreak {

struct FieldError {
  std::string field;    // canonical field name, e.g. "pain"
  std::string value;    // the value as given (may be empty for "missing")
  std::string allowed;  // what would have been accepted, in plain words

  // "pain: 11 is not allowed; allowed: a whole number from 0 to 10"
  [[nodiscard]] std::string message() const;
  bool operator==(const FieldError&) const = default;
};

using FieldErrors = std::vector<FieldError>;

}  // namespace daybreak
