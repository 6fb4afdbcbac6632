#include "platform/passwords.hpp"

#include <charconv>
#include <stdexcept>
#include <vector>

#include <sodium.h>

namespace daybreak {
namespace {

void ready() {
  // sodium_init is safe to call from several threads and more than once.
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
}

// "m=65536" -> 65536, from the hash's parameter list.
std::optional<unsigned long long> parameter(std::string_view params, std::string_view name) {
  std::size_t at = 0;
  while (at <= params.size()) {
    const std::size_t end = std::min(params.find(',', at), params.size());
    const std::string_view item = params.substr(at, end - at);
    if (item.size() > name.size() + 1 && item.substr(0, name.size()) == name && item[name.size()] == '=') {
      unsigned long long v = 0;
      const std::string_view digits = item.substr(name.size() + 1);
      const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
      return v;
    }
    at = end + 1;
  }
  return std::nullopt;
}

}  // namespace

PasswordCost interactive_cost() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

std::string hash_password(std::string_view password, PasswordCost cost) {
  ready();
  std::vector<char> out(crypto_pwhash_STRBYTES);
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.operations, cost.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("hashing a password ran out of memory");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view hash, std::string_view password) {
  ready();
  const std::string stored(hash);  // libsodium wants it NUL-terminated
  if (stored.size() >= crypto_pwhash_STRBYTES || stored.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash, PasswordCost cost) {
  ready();
  const std::string stored(hash);
  if (stored.rfind("$argon2id$", 0) != 0) return true;
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost.operations, cost.memory_bytes) != 0;
}

std::optional<PasswordCost> cost_of(std::string_view hash) {
  // $argon2id$v=19$m=65536,t=2,p=1$salt$hash
  constexpr std::string_view kPrefix = "$argon2id$v=19$";
  if (hash.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  const std::string_view rest = hash.substr(kPrefix.size());
  const std::string_view params = rest.substr(0, rest.find('$'));
  const auto m = parameter(params, "m");
  const auto t = parameter(params, "t");
  if (!m || !t) return std::nullopt;
  return PasswordCost{*t, static_cast<std::size_t>(*m) * 1024};
}

}  // namespace daybreak
