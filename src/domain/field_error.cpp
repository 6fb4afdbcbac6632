#include "domain/field_error.hpp"

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {

std::string FieldError::message() const {
  if (value.empty()) return fmt::format("{}: missing; allowed: {}", field, allowed);
  return fmt::format("{}: '{}' is not allowed; allowed: {}", field, visible(value), allowed);
}

}  // namespace daybreak
