// Passwords hashed with Argon2id through libsodium (crypto_pwhash_str): the
// stored string names the algorithm, its costs and its salt, so a hash made
// at an older cost still verifies and can be noticed and redone.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace daybreak {

struct PasswordCost {
  unsigned long long operations = 0;  // Argon2id passes (t)
  std::size_t memory_bytes = 0;       // m, in bytes
};

// libsodium's INTERACTIVE cost: 2 passes over 64 MiB, the least daybreak uses.
[[nodiscard]] PasswordCost interactive_cost();

// A new Argon2id hash of `password` at `cost`, with a fresh random salt.
// Throws std::runtime_error when the memory cannot be had.
[[nodiscard]] std::string hash_password(std::string_view password, PasswordCost cost);
// Whether `password` matches `hash` (any cost). A malformed hash matches nothing.
[[nodiscard]] bool verify_password(std::string_view hash, std::string_view password);
// Whether `hash` was made with another algorithm or cost than `cost`.
[[nodiscard]] bool needs_rehash(std::string_view hash, PasswordCost cost);
// The costs read back from a stored hash ("$argon2id$v=19$m=65536,t=2,p=1$..."),
// or nullopt when it is not an Argon2id hash.
[[nodiscard]] std::optional<PasswordCost> cost_of(std::string_view hash);

}  // namespace daybreak
