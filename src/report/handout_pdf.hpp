// The printable home program (issue 22): a stage's morning and evening
// routines, each exercise with its figure at the start and the end, its dose
// at the person's level, its steps and its cautions; a tagged PDF of two to
// four pages, printed with the clinician report's fonts and checks.
#pragma once

#include <string>
#include <vector>

#include "domain/result.hpp"
#include "domain/time.hpp"
#include "exercise/library.hpp"
#include "exercise/plan.hpp"
#include "report/clinician_pdf.hpp"

namespace daybreak {

struct HandoutExercise {
  const Exercise* exercise = nullptr;  // as played: where a ladder moved on, the exercise moved on to
  std::string dose;                    // in words, at the person's level
  std::string note;                    // the routine's note, if any
};

struct HandoutRoutine {
  std::string title;
  std::string intro;
  int minutes = 0;  // about
  std::vector<HandoutExercise> exercises;
};

struct Handout {
  std::string title;                     // "Your home program: stage 1 of 4"
  std::string subtitle;                  // the program and the stage's name and goal
  std::vector<HandoutRoutine> routines;  // morning, then evening
  std::vector<std::string> notes;        // printed at the end
  Instant made;
  std::string language = "en";
};

// The handout of `stage` (1-based, within the program) at the person's levels.
[[nodiscard]] Handout make_handout(const ContentLibrary& library, const Program& program, int stage,
                                   const ExerciseLevels& levels, Instant made, const TimeZone& zone);

// The PDF's bytes; the same handout and paper give the same bytes.
[[nodiscard]] Result<std::string, std::string> handout_pdf(const Handout& handout, Paper paper);

}  // namespace daybreak
