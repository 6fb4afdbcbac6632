#include "domain/field_error.hpp"

#include <fmt/format.h>

namespace daybreak {

std::string FieldError::message() const {
  if (value.empty()) return fmt::format("{}: missing; allowed: {}", field, allowed);
  return fmt::format("{}: '{}' is not allowed; allowed: {}", field, value, allowed);
}

}  // namespace daybreak
