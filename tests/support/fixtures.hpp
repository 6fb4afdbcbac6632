// Shared test data: a real time zone and fully filled-in diary drafts.
#pragma once

#include <chrono>

#include "domain/entry_fields.hpp"
#include "platform/tzdb_zone.hpp"

namespace daybreak::testing {

// Europe/Berlin, with its daylight-saving changes, from the system's tzdata.
inline const TimeZone& berlin() {
  static const TzdbZone zone("Europe/Berlin");
  return zone;
}

inline LocalDate ymd(int y, unsigned m, unsigned d) {
  return LocalDate{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// 2026-11-23 06:30 UTC = 07:30 in Berlin.
inline Instant fixed_now() {
  return Instant{std::chrono::sys_days{ymd(2026, 11, 23)}} + std::chrono::hours{6} + std::chrono::minutes{30};
}

// Every field a night entry can hold.
inline Draft full_night_draft() {
  Draft d;
  d.set("pain", "3");
  d.set("signs", "ache");
  d.set("locations", "back_centre,buttock_left");
  d.set("leg_symptoms", "tingling_left");
  d.set("medications", "paracetamol, 1 g, 22:30");
  d.set("relief", "heat");
  d.set("bedtime", "23:10");
  d.set("wake_time", "06:40");
  d.set("awakenings", "2");
  d.set("sleep_quality", "5");
  d.set("sleep_position", "left_side");
  d.set("mattress", "firm foam");
  d.set("pillows", "knee pillow,thin pillow");
  d.set("room_temperature", "18.5");
  d.set("humidity", "45");
  d.set("factors", "caffeine=2;late dinner");
  d.set("note", "woke twice, \"stiff\"; better by 7\nsecond line");
  return d;
}

// Every field a morning entry can hold.
inline Draft full_morning_draft() {
  Draft d;
  d.set("pain", "5");
  d.set("stiffness_minutes", "45");
  d.set("still_stiff", "yes");
  d.set("stiffness_severity", "6");
  d.set("signs", "stiffness,spasm");
  d.set("locations", "back_left");
  d.set("red_flags", "no");
  d.set("medications", "ibuprofen, 400 mg, 07:30");
  d.set("medications", "vitamin d");
  d.set("relief", "rest,heat");
  d.set("walking_minutes", "20");
  d.set("sitting_hours", "1.5");
  d.set("anxiety", "4");
  d.set("factors", "weather=cold, wet");
  d.set("note", "slow start");
  return d;
}

}  // namespace daybreak::testing
