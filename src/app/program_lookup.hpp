// Finding a program in the content and the person's stage in it: shared by the
// session and progression use cases (app-internal).
#pragma once

#include <optional>
#include <string>

#include "app/app_error.hpp"
#include "exercise/library.hpp"
#include "store/store.hpp"

namespace daybreak {

// The program named `id`, or the content's default one; an unknown id is an
// invalid `program` field listing the ids there are.
[[nodiscard]] AppResult<const Program*> find_program(const ContentLibrary& library,
                                                     const std::optional<std::string>& id);

// The person's stored stage in `program`, 1 when never set, kept within the
// program's stages (content may have lost a stage since).
[[nodiscard]] int stored_stage(StoreReader& tx, UserId user, const Program& program);

}  // namespace daybreak
