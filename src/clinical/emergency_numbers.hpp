// Emergency telephone numbers: the one the person chose, or a default for
// where they live. The stop screen tells them to call it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace daybreak {

struct EmergencyService {
  std::string_view country;  // ISO 3166-1 alpha-2, lower case: "gb"
  std::string_view name;     // "the United Kingdom"
  std::string_view number;   // what to dial for an ambulance
  std::string_view source;
};

// Countries daybreak knows a default for. Anyone may set another number.
[[nodiscard]] std::span<const EmergencyService> emergency_services();
[[nodiscard]] std::optional<EmergencyService> emergency_service(std::string_view country);
// A guess from the IANA time zone ("Europe/London" -> gb); nullopt when unsure.
[[nodiscard]] std::optional<EmergencyService> emergency_service_for_zone(std::string_view time_zone);

// 2 to 8 digits: 112, 000, 999, 911...
[[nodiscard]] bool valid_emergency_number(std::string_view number);
inline constexpr std::string_view kEmergencyNumberRule = "a telephone number of 2 to 8 digits, such as 112";

// The number the person chose, or else the default for their time zone.
struct EmergencyContact {
  std::optional<std::string> number;  // nullopt: daybreak does not know it
  bool chosen = false;                // set by the person, not guessed
};
[[nodiscard]] EmergencyContact emergency_contact(const std::optional<std::string>& chosen, std::string_view time_zone);

}  // namespace daybreak
