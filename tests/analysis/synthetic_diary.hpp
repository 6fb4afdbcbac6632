// Synthetic diaries with known structure for the insights tests: a morning
// level that may shift or slope, AR(1) day-to-day noise, and exposures whose
// effect on the next morning is planted. The random numbers come from
// std::mt19937_64 through our own transforms, so every standard library
// (libstdc++ under g++, libc++ or libstdc++ under clang) draws the same diary.
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <random>
#include <vector>

#include "domain/diary_entry.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return uniform() < p; }
  double normal(double sd = 1.0) {  // Box-Muller
    const double u = 1.0 - uniform();
    const double v = uniform();
    return sd * std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * std::numbers::pi * v);
  }
  int integer(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }

 private:
  std::mt19937_64 engine_;
};

// Mornings alone, one a day: level(i) plus AR(1) noise, rounded to whole
// points in 0-10, as the shift search sees a daily diary.
inline std::vector<double> simulated_mornings(const std::function<double(int)>& level, int days, double ar,
                                              double noise_sd, std::uint64_t seed) {
  Random rng(seed);
  std::vector<double> y;
  double noise = 0.0;
  for (int i = 0; i < days; ++i) {
    noise = ar * noise + rng.normal(noise_sd);
    y.push_back(std::clamp(std::round(level(i) + noise), 0.0, 10.0));
  }
  return y;
}

struct SyntheticDiary {
  LocalDate start = ymd(2026, 1, 1);
  int days = 200;
  std::uint64_t seed = 1;
  std::function<double(int)> level = [](int) { return 4.0; };  // morning pain by day index
  double ar = 0.5;
  double noise_sd = 1.0;
  double skip_morning = 0.0;  // chance a morning is not logged

  double back_share = 0.0;             // nights on the back (else left side); 0: no sleep position logged
  double back_effect = 0.0;            // added to the next morning's pain
  bool log_temperature = false;        // random 16-22 degrees, no effect
  double walking_effect_per_30 = 0.0;  // walking logged in the afternoon, affects the next morning
  bool log_walking = false;
  double afternoons = 0.0;         // chance of an afternoon entry: morning - 1.5 + noise
  double medication_share = 0.0;   // chance of ibuprofen at 07:45 on a morning
  double medication_effect = 0.0;  // added to that afternoon's pain

  [[nodiscard]] static double clamp(double v) { return std::clamp(std::round(v), 0.0, 10.0); }

  [[nodiscard]] std::vector<DiaryEntry> build() const {
    Random rng(seed);
    std::vector<DiaryEntry> entries;
    std::int64_t id = 1;
    double noise = 0.0;
    double walked_yesterday = 0.0;
    const auto add = [&](LocalDate date, Period period, DiaryFields fields) {
      DiaryEntry e;
      e.id = EntryId{id++};
      e.user = UserId{1};
      e.date = date;
      e.period = period;
      e.fields = std::move(fields);
      entries.push_back(std::move(e));
    };
    for (int i = 0; i < days; ++i) {
      const LocalDate day = add_days(start, i);
      noise = ar * noise + rng.normal(noise_sd);
      const bool back = back_share > 0.0 && rng.chance(back_share);
      double morning = level(i) + noise + (back ? back_effect : 0.0) + walking_effect_per_30 * walked_yesterday / 30.0;
      morning = clamp(morning);
      if (back_share > 0.0 || log_temperature) {
        DiaryFields night;
        night.pain = *PainScore::make(static_cast<int>(clamp(morning - 1.0)));
        if (back_share > 0.0) night.sleep_position = back ? SleepPosition::back : SleepPosition::left_side;
        if (log_temperature) night.room_temperature = RoomTemperature::from_tenths(rng.integer(160, 220));
        add(day, Period::night, night);
      }
      const bool medicated = rng.chance(medication_share);
      if (!rng.chance(skip_morning)) {
        DiaryFields f;
        f.pain = *PainScore::make(static_cast<int>(morning));
        f.stiffness_minutes = StiffnessMinutes::make(static_cast<int>(10 + 7 * morning));
        if (medicated) {
          f.medications.push_back({"ibuprofen", "400 mg",
                                   berlin().resolve(at(day, std::chrono::hours{7} + std::chrono::minutes{45})).first});
        }
        add(day, Period::morning, f);
      }
      walked_yesterday = 0.0;
      if (rng.chance(afternoons)) {
        DiaryFields f;
        f.pain = *PainScore::make(
            static_cast<int>(clamp(morning - 1.5 + (medicated ? medication_effect : 0.0) + rng.normal(0.7))));
        if (log_walking) {
          walked_yesterday = 15.0 * rng.integer(0, 6);
          f.walking_minutes = WalkingMinutes::make(static_cast<int>(walked_yesterday));
        }
        add(day, Period::afternoon, f);
      }
    }
    return entries;
  }
};

}  // namespace daybreak::testing
