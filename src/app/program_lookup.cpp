#include "app/program_lookup.hpp"

#include <algorithm>
#include <vector>

#include "domain/text.hpp"

namespace daybreak {

AppResult<const Program*> find_program(const ContentLibrary& library, const std::optional<std::string>& id) {
  if (library.programs().empty()) return fail(not_found("the content has no program"));
  if (!id) return &library.default_program();
  if (const Program* p = library.program(*id)) return p;
  std::vector<std::string> ids;
  for (const auto& p : library.programs()) ids.push_back(p.id);
  return fail(invalid("there is no such program", {{"program", *id, "one of: " + join(ids, ", ")}}));
}

int stored_stage(StoreReader& tx, UserId user, const Program& program) {
  return std::clamp(tx.current_stage(user, program.id).value_or(1), 1, program.stage_count());
}

}  // namespace daybreak
