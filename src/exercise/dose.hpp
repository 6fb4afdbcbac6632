// How much of an exercise: sets, reps or holds, tempo, rests; the bounds a
// dose must keep for each kind of exercise (clinical-facts.md section 10);
// and partial doses that a level or a routine lays over another.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "exercise/vocabulary.hpp"

namespace daybreak {

// Seconds to move out, pause, and move back: "2-1-2". One rep takes their sum.
struct Tempo {
  int out = 2;
  int pause = 1;
  int back = 2;

  [[nodiscard]] int seconds() const { return out + pause + back; }
  [[nodiscard]] std::string text() const;  // "2-1-2"
  // "2-1-2" with each part 0-10 and at least 1 second in all; nullopt otherwise.
  [[nodiscard]] static std::optional<Tempo> parse(std::string_view text);
  bool operator==(const Tempo&) const = default;
};

// How a dose is counted.
enum class DoseMode : std::uint8_t {
  reps,   // `reps` movements per set, at `tempo`
  holds,  // `reps` holds of `hold_seconds` per set
  timed,  // one bout of `minutes` (walking)
};

struct Dose {
  int sets = 1;
  int reps = 0;           // per set and per side; for holds, the number of holds
  int hold_seconds = 0;   // > 0: every rep is a hold this long
  int minutes = 0;        // > 0: a timed bout; sets, reps and holds do not apply
  Tempo tempo;            // reps only
  int relax_seconds = 0;  // between holds of a set
  int rest_seconds = 0;   // between sets

  [[nodiscard]] DoseMode mode() const {
    if (minutes > 0) return DoseMode::timed;
    return hold_seconds > 0 ? DoseMode::holds : DoseMode::reps;
  }
  bool operator==(const Dose&) const = default;
};

// Part of a dose: what a level changes from the level below, or what a
// routine fixes whatever the person's level.
struct DosePatch {
  std::optional<int> sets;
  std::optional<int> reps;
  std::optional<int> hold_seconds;
  std::optional<int> minutes;
  std::optional<Tempo> tempo;
  std::optional<int> relax_seconds;
  std::optional<int> rest_seconds;

  [[nodiscard]] bool empty() const { return *this == DosePatch{}; }
  [[nodiscard]] Dose over(Dose base) const;
  bool operator==(const DosePatch&) const = default;
};

// A whole-number range a dose value must fall in, and why.
struct DoseRange {
  int lo = 0;
  int hi = 0;
  std::string_view why;  // the source, for error messages
  [[nodiscard]] bool contains(int v) const { return v >= lo && v <= hi; }
};

// What a dose may be for one kind of exercise.
struct DoseLimits {
  bool reps_allowed = false;
  bool holds_allowed = false;
  bool timed_allowed = false;
  DoseRange sets;
  DoseRange reps;
  DoseRange holds;  // number of holds per set
  DoseRange hold_seconds;
  DoseRange minutes;
};

[[nodiscard]] const DoseLimits& dose_limits(ExerciseKind kind);
// Bounds that do not depend on the kind.
inline constexpr DoseRange kRelaxSeconds{0, 30, "a short pause between holds"};
inline constexpr DoseRange kRestSeconds{0, 180, "up to 3 minutes between sets"};

// A problem with a dose: the field ("sets", "hold_seconds"...), its value and what is allowed.
struct DoseProblem {
  std::string field;
  std::string value;
  std::string allowed;
};

// The first problem with `dose` for an exercise of `kind`, if any.
[[nodiscard]] std::optional<DoseProblem> check_dose(const Dose& dose, ExerciseKind kind);

// "2 sets of 10 reps each side, alternating (2-1-2 s), 30 s rest between sets"
[[nodiscard]] std::string describe_dose(const Dose& dose, Sides sides);

}  // namespace daybreak
