// Name-based UUIDs (RFC 9562 version 5): the same name under the same
// namespace always gives the same UUID, so an export written twice names every
// resource the same way and a re-import finds what it updates.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace daybreak {

class Uuid {
 public:
  Uuid() = default;
  // "2f1c...-..." in lower case; nullopt for anything else.
  [[nodiscard]] static std::optional<Uuid> parse(std::string_view text);
  // The version 5 UUID of `name` in this namespace.
  [[nodiscard]] Uuid name(std::string_view name) const;
  [[nodiscard]] std::string text() const;  // 36 characters, lower case
  bool operator==(const Uuid&) const = default;

 private:
  std::array<unsigned char, 16> bytes_{};
};

// daybreak's own namespace, from which a person's identity is derived.
[[nodiscard]] const Uuid& daybreak_namespace();

// A person's identity in exports when none was stored (see app/export_identity.hpp):
// derived from their user number and when they were created, so it is the same
// every time without writing anything.
[[nodiscard]] Uuid derived_person_id(std::int64_t user_id, Instant created_at);

}  // namespace daybreak
