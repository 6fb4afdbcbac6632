#include "exercise/library.hpp"

#include <algorithm>
#include <stdexcept>

namespace daybreak {

ContentLibrary::ContentLibrary(std::vector<Exercise> exercises, std::vector<Program> programs)
    : exercises_(std::move(exercises)), programs_(std::move(programs)) {
  std::sort(exercises_.begin(), exercises_.end(), [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
}

const Exercise* ContentLibrary::exercise(std::string_view id) const {
  const auto it = std::lower_bound(exercises_.begin(), exercises_.end(), id,
                                   [](const Exercise& e, std::string_view key) { return e.id < key; });
  return it != exercises_.end() && it->id == id ? &*it : nullptr;
}

const Program* ContentLibrary::program(std::string_view id) const {
  const auto it = std::find_if(programs_.begin(), programs_.end(), [&](const Program& p) { return p.id == id; });
  return it != programs_.end() ? &*it : nullptr;
}

const Program& ContentLibrary::default_program() const {
  if (programs_.empty()) throw std::logic_error("content library without a program");
  if (programs_.size() == 1) return programs_.front();
  const auto it = std::find_if(programs_.begin(), programs_.end(), [](const Program& p) { return p.is_default; });
  return it != programs_.end() ? *it : programs_.front();
}

}  // namespace daybreak
