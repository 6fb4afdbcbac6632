#include "exercise/dose.hpp"

#include <array>

#include <fmt/format.h>

#include "domain/text.hpp"

namespace daybreak {
namespace {

// Sources: clinical-facts.md section 10.2 (ACSM flexibility 2021, ACSM
// resistance training, McGill's trunk endurance holds, cat-camel cycles) and
// the typical doses of section 10.3. Ranges are a little wider than the
// typical starting doses so that a ladder has room to climb.
const std::array<DoseLimits, choice_count<ExerciseKind>()> kLimits = {{
    // stretch: ACSM: hold 10-30 s, 30-60 s may help older adults; repeat 2-4 times.
    {.reps_allowed = false,
     .holds_allowed = true,
     .timed_allowed = false,
     .sets = {1, 4, "ACSM 2021: repeat a stretch 2-4 times"},
     .reps = {},
     .holds = {1, 4, "ACSM 2021: repeat a stretch 2-4 times"},
     .hold_seconds = {10, 60, "ACSM 2021: 10-30 s, 30-60 s for older adults"},
     .minutes = {}},
    // mobility: motion, not a stretch: 5-8 slow cycles (McGill), pelvic tilts 10,
    // prone press-ups 8-10 x 1-2.
    {.reps_allowed = true,
     .holds_allowed = false,
     .timed_allowed = false,
     .sets = {1, 2, "clinical-facts.md 10.3: one or two rounds of slow movements"},
     .reps = {3, 15, "McGill: 5-8 slow cycles; clinical-facts.md 10.3: up to 10 small movements"},
     .holds = {},
     .hold_seconds = {},
     .minutes = {}},
    // activation (motor control): brace 5-10 s x 10, or 3 x 10 contractions;
    // trunk holds of about 10 s (McGill); 6-12 slow reps per side.
    {.reps_allowed = true,
     .holds_allowed = true,
     .timed_allowed = false,
     .sets = {1, 3, "clinical-facts.md 10.3: up to 3 x 10 contractions"},
     .reps = {5, 15, "clinical-facts.md 10.3: 6-12 slow reps per side"},
     .holds = {3, 12, "McGill: 4-10 holds per side"},
     .hold_seconds = {3, 15, "McGill: holds of about 5-10 s"},
     .minutes = {}},
    // strength: 8-12 reps for strength, 10-15 for beginners, 15-20 for
    // endurance, 2-4 sets, one set for novices (ACSM); side bridge 10 s holds,
    // longer in later stages (McGill).
    {.reps_allowed = true,
     .holds_allowed = true,
     .timed_allowed = false,
     .sets = {1, 4, "ACSM: 2-4 sets, one for beginners"},
     .reps = {5, 20, "ACSM: 8-12 reps, 10-15 for beginners, 15-20 for endurance"},
     .holds = {2, 10, "McGill: 4-6 holds per side to start"},
     .hold_seconds = {5, 30, "McGill: holds of about 10 s, longer as you progress"},
     .minutes = {}},
    // aerobic: start with the minutes you tolerate, daily, and build gradually.
    {.reps_allowed = false,
     .holds_allowed = false,
     .timed_allowed = true,
     .sets = {1, 1, "one bout"},
     .reps = {},
     .holds = {},
     .hold_seconds = {},
     .minutes = {1, 60, "clinical-facts.md 10.3: the minutes you tolerate, built up gradually"}},
}};

std::string range_text(const DoseRange& r, std::string_view unit = "") {
  return fmt::format("a whole number from {} to {}{} ({})", r.lo, r.hi, unit, r.why);
}

std::string for_kind(ExerciseKind kind, const DoseRange& r, std::string_view unit = "") {
  return fmt::format("for {} exercises, {}", name_of(kind), range_text(r, unit));
}

std::string modes_allowed(const DoseLimits& l) {
  std::vector<std::string> modes;
  if (l.reps_allowed) modes.emplace_back("reps");
  if (l.holds_allowed) modes.emplace_back("holds (hold_seconds)");
  if (l.timed_allowed) modes.emplace_back("minutes");
  return join(modes, " or ");
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string Tempo::text() const { return fmt::format("{}-{}-{}", out, pause, back); }

std::optional<Tempo> Tempo::parse(std::string_view text) {
  const auto parts = split_list(text, "-");
  if (parts.size() != 3) return std::nullopt;
  std::array<int, 3> v{};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto n = parse_integer(parts[i]);
    if (!n || *n < 0 || *n > 10) return std::nullopt;
    v[i] = static_cast<int>(*n);
  }
  Tempo t{v[0], v[1], v[2]};
  if (t.seconds() < 1) return std::nullopt;
  return t;
}

Dose DosePatch::over(Dose base) const {
  if (sets) base.sets = *sets;
  if (reps) base.reps = *reps;
  if (hold_seconds) base.hold_seconds = *hold_seconds;
  if (minutes) base.minutes = *minutes;
  if (tempo) base.tempo = *tempo;
  if (relax_seconds) base.relax_seconds = *relax_seconds;
  if (rest_seconds) base.rest_seconds = *rest_seconds;
  return base;
}

const DoseLimits& dose_limits(ExerciseKind kind) { return kLimits[static_cast<std::size_t>(kind)]; }

std::optional<DoseProblem> check_dose(const Dose& dose, ExerciseKind kind) {
  const DoseLimits& l = dose_limits(kind);
  const std::string what = std::string(name_of(kind));
  const auto problem = [](std::string_view field, int value, std::string allowed) {
    return DoseProblem{std::string(field), std::to_string(value), std::move(allowed)};
  };
  switch (dose.mode()) {
    case DoseMode::timed:
      if (!l.timed_allowed)
        return problem("minutes", dose.minutes,
                       fmt::format("none: {} exercises are dosed in {}", what, modes_allowed(l)));
      if (!l.minutes.contains(dose.minutes)) return problem("minutes", dose.minutes, for_kind(kind, l.minutes));
      if (!l.sets.contains(dose.sets)) return problem("sets", dose.sets, for_kind(kind, l.sets));
      if (dose.reps != 0 || dose.hold_seconds != 0)
        return problem(dose.reps != 0 ? "reps" : "hold_seconds", dose.reps != 0 ? dose.reps : dose.hold_seconds,
                       "none: a timed bout (minutes) has no reps or holds");
      return std::nullopt;
    case DoseMode::holds:
      if (!l.holds_allowed)
        return problem("hold_seconds", dose.hold_seconds,
                       fmt::format("none: {} exercises are dosed in {}", what, modes_allowed(l)));
      if (!l.hold_seconds.contains(dose.hold_seconds))
        return problem("hold_seconds", dose.hold_seconds, for_kind(kind, l.hold_seconds, " seconds"));
      if (!l.holds.contains(dose.reps)) return problem("reps", dose.reps, for_kind(kind, l.holds, " holds"));
      break;
    case DoseMode::reps:
      if (!l.reps_allowed)
        return problem("reps", dose.reps, fmt::format("none: {} exercises are dosed in {}", what, modes_allowed(l)));
      if (!l.reps.contains(dose.reps)) return problem("reps", dose.reps, for_kind(kind, l.reps));
      break;
  }
  if (!l.sets.contains(dose.sets)) return problem("sets", dose.sets, for_kind(kind, l.sets));
  // A stretch accumulates about 60 s in all: sets x holds stays within 2-4 (ACSM 2021).
  if (kind == ExerciseKind::stretch && dose.sets * dose.reps > l.holds.hi)
    return problem(
        "reps", dose.reps,
        fmt::format("for stretch exercises, at most {} holds in all, sets x reps ({})", l.holds.hi, l.holds.why));
  if (!kRelaxSeconds.contains(dose.relax_seconds))
    return problem("relax_seconds", dose.relax_seconds, range_text(kRelaxSeconds));
  if (!kRestSeconds.contains(dose.rest_seconds))
    return problem("rest_seconds", dose.rest_seconds, range_text(kRestSeconds));
  return std::nullopt;
}

std::string describe_dose(const Dose& dose, Sides sides) {
  if (dose.mode() == DoseMode::timed) return plural(dose.minutes, "minute", "minutes");
  std::string out;
  // One hold per set reads better as that many holds: "2 holds of 30 s".
  const bool single_holds = dose.mode() == DoseMode::holds && dose.reps == 1;
  if (dose.sets > 1 && !single_holds) out = fmt::format("{} sets of ", dose.sets);
  if (dose.mode() == DoseMode::holds) {
    const int holds = single_holds ? dose.sets : dose.reps;
    out += fmt::format("{} of {} s", plural(holds, "hold", "holds"), dose.hold_seconds);
  } else {
    out += plural(dose.reps, "rep", "reps");
  }
  switch (sides) {
    case Sides::both:
      break;
    case Sides::each:
      out += " each side";
      break;
    case Sides::alternate:
      out += " each side, alternating";
      break;
  }
  if (dose.mode() == DoseMode::reps) out += fmt::format(", about {} s a rep", dose.tempo.seconds());
  if (dose.mode() == DoseMode::holds && dose.relax_seconds > 0 && dose.reps > 1)
    out += fmt::format(", {} s relax between", dose.relax_seconds);
  if (dose.sets > 1 && dose.rest_seconds > 0)
    out += fmt::format(", {} s rest between{}", dose.rest_seconds, single_holds ? "" : " sets");
  return out;
}

}  // namespace daybreak
