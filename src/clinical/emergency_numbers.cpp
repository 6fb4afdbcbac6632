#include "clinical/emergency_numbers.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace daybreak {
namespace {

// 112 is the emergency number in every EU and EEA country: Directive (EU)
// 2018/1972 (European Electronic Communications Code), article 109.
constexpr std::string_view kEu112 = "Directive (EU) 2018/1972, art. 109 (112 across the EU and EEA)";

constexpr auto kServices = std::to_array<EmergencyService>({
    {"gb", "the United Kingdom", "999", "nhs.uk: call 999 in an emergency (112 also works)"},
    {"us", "the United States", "911", "911.gov"},
    {"ca", "Canada", "911", "Government of Canada: 9-1-1"},
    {"au", "Australia", "000", "triplezero.gov.au"},
    {"nz", "New Zealand", "111", "NZ Police: call 111"},
    {"jp", "Japan", "119", "Fire and Disaster Management Agency: 119 for an ambulance"},
    {"in", "India", "112", "Emergency Response Support System: 112"},
    {"at", "Austria", "112", kEu112},
    {"be", "Belgium", "112", kEu112},
    {"bg", "Bulgaria", "112", kEu112},
    {"hr", "Croatia", "112", kEu112},
    {"cy", "Cyprus", "112", kEu112},
    {"cz", "Czechia", "112", kEu112},
    {"dk", "Denmark", "112", kEu112},
    {"ee", "Estonia", "112", kEu112},
    {"fi", "Finland", "112", kEu112},
    {"fr", "France", "112", kEu112},
    {"de", "Germany", "112", kEu112},
    {"gr", "Greece", "112", kEu112},
    {"hu", "Hungary", "112", kEu112},
    {"ie", "Ireland", "112", kEu112},
    {"it", "Italy", "112", kEu112},
    {"lv", "Latvia", "112", kEu112},
    {"lt", "Lithuania", "112", kEu112},
    {"lu", "Luxembourg", "112", kEu112},
    {"mt", "Malta", "112", kEu112},
    {"nl", "the Netherlands", "112", kEu112},
    {"pl", "Poland", "112", kEu112},
    {"pt", "Portugal", "112", kEu112},
    {"ro", "Romania", "112", kEu112},
    {"sk", "Slovakia", "112", kEu112},
    {"si", "Slovenia", "112", kEu112},
    {"es", "Spain", "112", kEu112},
    {"se", "Sweden", "112", kEu112},
    {"is", "Iceland", "112", kEu112},
    {"li", "Liechtenstein", "112", kEu112},
    {"no", "Norway", "113", "helsenorge.no: 113 for a medical emergency (112 reaches the police)"},
    {"eu", "the European Union", "112", kEu112},
});

// Time zones that belong to one country only, for a default the person confirms.
constexpr auto kZones = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"Europe/London", "gb"},
    {"Europe/Belfast", "gb"},
    {"Europe/Dublin", "ie"},
    {"Europe/Vienna", "at"},
    {"Europe/Brussels", "be"},
    {"Europe/Sofia", "bg"},
    {"Europe/Zagreb", "hr"},
    {"Asia/Nicosia", "cy"},
    {"Europe/Nicosia", "cy"},
    {"Europe/Prague", "cz"},
    {"Europe/Copenhagen", "dk"},
    {"Europe/Tallinn", "ee"},
    {"Europe/Helsinki", "fi"},
    {"Europe/Paris", "fr"},
    {"Europe/Berlin", "de"},
    {"Europe/Athens", "gr"},
    {"Europe/Budapest", "hu"},
    {"Europe/Rome", "it"},
    {"Europe/Riga", "lv"},
    {"Europe/Vilnius", "lt"},
    {"Europe/Luxembourg", "lu"},
    {"Europe/Malta", "mt"},
    {"Europe/Amsterdam", "nl"},
    {"Europe/Warsaw", "pl"},
    {"Europe/Lisbon", "pt"},
    {"Europe/Bucharest", "ro"},
    {"Europe/Bratislava", "sk"},
    {"Europe/Ljubljana", "si"},
    {"Europe/Madrid", "es"},
    {"Atlantic/Canary", "es"},
    {"Europe/Stockholm", "se"},
    {"Atlantic/Reykjavik", "is"},
    {"Europe/Vaduz", "li"},
    {"Europe/Oslo", "no"},
    {"America/New_York", "us"},
    {"America/Chicago", "us"},
    {"America/Denver", "us"},
    {"America/Los_Angeles", "us"},
    {"America/Phoenix", "us"},
    {"America/Anchorage", "us"},
    {"America/Detroit", "us"},
    {"America/Boise", "us"},
    {"America/Indiana/Indianapolis", "us"},
    {"Pacific/Honolulu", "us"},
    {"America/Toronto", "ca"},
    {"America/Vancouver", "ca"},
    {"America/Edmonton", "ca"},
    {"America/Winnipeg", "ca"},
    {"America/Halifax", "ca"},
    {"America/St_Johns", "ca"},
    {"America/Regina", "ca"},
    {"Australia/Sydney", "au"},
    {"Australia/Melbourne", "au"},
    {"Australia/Brisbane", "au"},
    {"Australia/Perth", "au"},
    {"Australia/Adelaide", "au"},
    {"Australia/Hobart", "au"},
    {"Australia/Darwin", "au"},
    {"Pacific/Auckland", "nz"},
    {"Asia/Tokyo", "jp"},
    {"Asia/Kolkata", "in"},
    {"Asia/Calcutta", "in"},
});

}  // namespace

std::span<const EmergencyService> emergency_services() { return kServices; }

std::optional<EmergencyService> emergency_service(std::string_view country) {
  for (const auto& s : kServices) {
    if (s.country == country) return s;
  }
  return std::nullopt;
}

std::optional<EmergencyService> emergency_service_for_zone(std::string_view time_zone) {
  for (const auto& [zone, country] : kZones) {
    if (zone == time_zone) return emergency_service(country);
  }
  return std::nullopt;
}

bool valid_emergency_number(std::string_view number) {
  return number.size() >= 2 && number.size() <= 8 &&
         std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

EmergencyContact emergency_contact(const std::optional<std::string>& chosen, std::string_view time_zone) {
  if (chosen) return {*chosen, true};
  if (const auto s = emergency_service_for_zone(time_zone)) return {std::string(s->number), false};
  return {std::nullopt, false};
}

}  // namespace daybreak
