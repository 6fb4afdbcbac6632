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

// Fault injection as SQLite's own tests do it: the Nth call of one kind fails.
enum class FaultOp { read, write, sync, truncate, open };
inline constexpr FaultOp kFaultOps[] = {FaultOp::read, FaultOp::write, FaultOp::sync, FaultOp::truncate, FaultOp::open};
[[nodiscard]] const char* name_of(FaultOp op);
struct Fault {
  FaultOp op = FaultOp::write;
  int nth = 1;              // 1-based, counted from inject_fault()
  bool persistent = false;  // every call from the Nth on fails, not only the Nth
};
// Counts calls of each kind from now on, failing as `fault` says (with the
// I/O error SQLite's own VFS would give: SQLITE_IOERR_READ, _WRITE, _FSYNC,
// _TRUNCATE, or SQLITE_CANTOPEN).
void inject_fault(const Fault& fault);
// Counts calls from now on, failing none (to learn how many calls an operation makes).
void count_calls();
void clear_fault();
// Calls of `op` since inject_fault() or count_calls().
[[nodiscard]] int faulty_vfs_calls(FaultOp op);
// Whether the injected fault has fired since inject_fault().
[[nodiscard]] bool fault_fired();

}  // namespace daybreak::testing
