// Strong numeric types whose range is part of the type: a PainScore cannot hold 11.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>

namespace daybreak {

// A whole number in [Lo, Hi]. Built only through make(), which checks the range.
template <class Tag, int Lo, int Hi>
class Bounded {
 public:
  static_assert(Lo <= Hi);
  static constexpr int min = Lo;
  static constexpr int max = Hi;

  constexpr Bounded() = default;  // the lowest value
  [[nodiscard]] static constexpr std::optional<Bounded> make(std::int64_t v) {
    if (v < Lo || v > Hi) return std::nullopt;
    return Bounded{static_cast<int>(v)};
  }
  [[nodiscard]] constexpr int value() const { return value_; }
  constexpr auto operator<=>(const Bounded&) const = default;

 private:
  explicit constexpr Bounded(int v) : value_(v) {}
  int value_ = Lo;
};

// A decimal with one digit after the point, held exactly as tenths: 7.5 is 75.
template <class Tag, int LoTenths, int HiTenths>
class Tenths {
 public:
  static_assert(LoTenths <= HiTenths);
  static constexpr int min_tenths = LoTenths;
  static constexpr int max_tenths = HiTenths;

  constexpr Tenths() = default;
  [[nodiscard]] static constexpr std::optional<Tenths> from_tenths(std::int64_t v) {
    if (v < LoTenths || v > HiTenths) return std::nullopt;
    return Tenths{static_cast<int>(v)};
  }
  [[nodiscard]] constexpr int tenths() const { return tenths_; }
  [[nodiscard]] constexpr double value() const { return tenths_ / 10.0; }
  constexpr auto operator<=>(const Tenths&) const = default;

 private:
  explicit constexpr Tenths(int v) : tenths_(v) {}
  int tenths_ = LoTenths;
};

// 0-10 numeric rating scales (NRS). Pain has its own type because it is the key measure.
using PainScore = Bounded<struct PainScoreTag, 0, 10>;
using Rating = Bounded<struct RatingTag, 0, 10>;
using StiffnessMinutes = Bounded<struct StiffnessMinutesTag, 0, 720>;
using WalkingMinutes = Bounded<struct WalkingMinutesTag, 0, 1440>;
using Awakenings = Bounded<struct AwakeningsTag, 0, 20>;
using HumidityPercent = Bounded<struct HumidityTag, 0, 100>;
using SittingHours = Tenths<struct SittingHoursTag, 0, 240>;        // 0.0 to 24.0 h
using RoomTemperature = Tenths<struct RoomTemperatureTag, 0, 400>;  // 0.0 to 40.0 deg C

}  // namespace daybreak
