#include "platform/secrets.hpp"

#include <array>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace daybreak {
namespace {

std::vector<unsigned char> random_bytes(std::size_t n) {
  std::vector<unsigned char> out(n);
  if (n > 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1) {
    throw std::runtime_error("the system's random source failed");
  }
  return out;
}

std::string hex(const unsigned char* data, std::size_t n) {
  std::string out;
  out.reserve(2 * n);
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("{:02x}", data[i]);
  return out;
}

}  // namespace

std::string random_hex(std::size_t bytes) {
  const auto b = random_bytes(bytes);
  return hex(b.data(), b.size());
}

std::string random_text(std::size_t length, std::string_view alphabet) {
  if (alphabet.empty() || alphabet.size() > 256) throw std::logic_error("random_text: alphabet of 1 to 256 letters");
  // Rejection sampling: bytes at or above the largest multiple of the
  // alphabet's size are drawn again, so every letter is equally likely.
  const unsigned limit = 256 - 256 % static_cast<unsigned>(alphabet.size());
  std::string out;
  while (out.size() < length) {
    for (const unsigned char b : random_bytes(length)) {
      if (b < limit && out.size() < length) out += alphabet[b % alphabet.size()];
    }
  }
  return out;
}

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed");
  }
  return hex(digest.data(), size);
}

bool same_secret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace daybreak
