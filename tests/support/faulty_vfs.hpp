// A SQLite VFS that behaves like the default one until armed, then fails every
// write past a byte budget with SQLITE_FULL: a full disk, on demand.
#pragma once

#include <cstdint>

namespace daybreak::testing {

inline constexpr const char* kFaultyVfs = "daybreak-faulty";

// Registers the VFS (idempotent).
void register_faulty_vfs();
// From now on, allow `bytes` more bytes of writes, then fail.
void arm_faulty_vfs(std::int64_t bytes);
void disarm_faulty_vfs();
// Number of writes refused since the last arm.
[[nodiscard]] int faulty_vfs_failures();
// Number of syncs (fsync) asked of any file through the VFS since it was registered.
[[nodiscard]] int faulty_vfs_syncs();

}  // namespace daybreak::testing
