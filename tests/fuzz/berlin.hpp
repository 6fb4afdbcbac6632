// The time zone the fuzz targets read diaries in, made once per process.
#pragma once

#include "platform/tzdb_zone.hpp"

namespace daybreak::fuzz {

inline const TimeZone& berlin() {
  static const TzdbZone zone("Europe/Berlin");
  return zone;
}

}  // namespace daybreak::fuzz
