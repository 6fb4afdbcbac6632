// Secrets from the operating system's random source, and their SHA-256, through
// OpenSSL's libcrypto: device tokens and pairing codes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace daybreak {

// `bytes` random bytes from a cryptographically secure source, as lowercase hex.
[[nodiscard]] std::string random_hex(std::size_t bytes);
// `length` characters drawn uniformly from `alphabet` (at most 256 characters).
[[nodiscard]] std::string random_text(std::size_t length, std::string_view alphabet);
// SHA-256 of `text`, as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view text);
// Compares without leaking where two equally long texts differ.
[[nodiscard]] bool same_secret(std::string_view a, std::string_view b);

}  // namespace daybreak
