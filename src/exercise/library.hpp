// The content daybreak runs on: the exercises and the programs made of them,
// already checked (see content/library_loader.hpp). Immutable once loaded.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "exercise/exercise.hpp"
#include "exercise/program.hpp"

namespace daybreak {

class ContentLibrary {
 public:
  ContentLibrary() = default;
  // Expects checked content: unique ids, references that resolve, one default program.
  ContentLibrary(std::vector<Exercise> exercises, std::vector<Program> programs);

  [[nodiscard]] std::span<const Exercise> exercises() const { return exercises_; }  // sorted by id
  [[nodiscard]] std::span<const Program> programs() const { return programs_; }
  [[nodiscard]] const Exercise* exercise(std::string_view id) const;
  [[nodiscard]] const Program* program(std::string_view id) const;
  // The only program, or the one marked default.
  [[nodiscard]] const Program& default_program() const;

 private:
  std::vector<Exercise> exercises_;
  std::vector<Program> programs_;
};

}  // namespace daybreak
