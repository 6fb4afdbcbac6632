#include "report/stable_id.hpp"

#include <uuid/uuid.h>

#include <algorithm>

#include <fmt/format.h>

namespace daybreak {

std::optional<Uuid> Uuid::parse(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  const bool lower = std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'F'; });
  const std::string copy(text);
  Uuid out;
  if (!lower || ::uuid_parse(copy.c_str(), out.bytes_.data()) != 0) return std::nullopt;
  return out;
}

Uuid Uuid::name(std::string_view name) const {
  Uuid out;
  ::uuid_generate_sha1(out.bytes_.data(), bytes_.data(), name.data(), name.size());
  return out;
}

std::string Uuid::text() const {
  std::array<char, 37> buffer{};
  ::uuid_unparse_lower(bytes_.data(), buffer.data());
  return std::string(buffer.data(), 36);
}

const Uuid& daybreak_namespace() {
  // Drawn at random once; it never changes, or every exported id would.
  static const Uuid ns = *Uuid::parse("407758f2-29ad-4f8c-8c0d-e839bc1f461d");
  return ns;
}

Uuid derived_person_id(std::int64_t user_id, Instant created_at) {
  return daybreak_namespace().name(fmt::format("person/{}/{}", user_id, format_utc(created_at)));
}

}  // namespace daybreak
