#include "support/faulty_vfs.hpp"

#include <atomic>
#include <cstring>
#include <mutex>

#include <sqlite3.h>

namespace daybreak::testing {
namespace {

std::atomic<bool> armed{false};
std::atomic<std::int64_t> budget{0};
std::atomic<int> failures{0};
std::atomic<int> syncs{0};

// Nth-call faults (inject_fault).
constexpr int kOps = 5;
std::atomic<bool> counting{false};
std::atomic<int> calls[kOps];
std::atomic<int> fault_op{-1};
std::atomic<int> fault_nth{0};
std::atomic<bool> fault_persistent{false};
std::atomic<bool> fired{false};

// Counts a call of `op`; true when it must fail.
bool fails(FaultOp op) {
  if (!counting) return false;
  const int i = static_cast<int>(op);
  const int n = ++calls[i];
  if (fault_op != i) return false;
  if (n == fault_nth || (fault_persistent && n > fault_nth)) {
    fired = true;
    return true;
  }
  return false;
}

sqlite3_vfs* base = nullptr;
sqlite3_vfs faulty{};

// Our file: the real one, followed by its methods table; we forward everything.
struct FaultyFile {
  sqlite3_file head;  // must be first: SQLite sees a sqlite3_file*
  sqlite3_file* real;
};

sqlite3_io_methods methods{};

sqlite3_file* real_of(sqlite3_file* f) { return reinterpret_cast<FaultyFile*>(f)->real; }

int x_close(sqlite3_file* f) {
  sqlite3_file* real = real_of(f);
  const int rc = real->pMethods != nullptr ? real->pMethods->xClose(real) : SQLITE_OK;
  sqlite3_free(real);
  return rc;
}
int x_read(sqlite3_file* f, void* buf, int n, sqlite3_int64 off) {
  if (fails(FaultOp::read)) return SQLITE_IOERR_READ;
  return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
int x_write(sqlite3_file* f, const void* buf, int n, sqlite3_int64 off) {
  if (fails(FaultOp::write)) return SQLITE_IOERR_WRITE;
  if (armed && budget.fetch_sub(n) < n) {
    ++failures;
    return SQLITE_FULL;
  }
  return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (fails(FaultOp::truncate)) return SQLITE_IOERR_TRUNCATE;
  return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
int x_sync(sqlite3_file* f, int flags) {
  ++syncs;
  if (fails(FaultOp::sync)) return SQLITE_IOERR_FSYNC;
  return real_of(f)->pMethods->xSync(real_of(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
int x_lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
int x_unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
int x_check_reserved(sqlite3_file* f, int* out) { return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out); }
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
int x_device(sqlite3_file* f) { return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f)); }
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real_of(f)->pMethods->xShmMap(real_of(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real_of(f)->pMethods->xShmLock(real_of(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real_of(f)->pMethods->xShmBarrier(real_of(f)); }
int x_shm_unmap(sqlite3_file* f, int del) { return real_of(f)->pMethods->xShmUnmap(real_of(f), del); }

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  auto* ours = reinterpret_cast<FaultyFile*>(file);
  if (fails(FaultOp::open)) {
    ours->head.pMethods = nullptr;
    return SQLITE_CANTOPEN;
  }
  ours->real = static_cast<sqlite3_file*>(sqlite3_malloc(base->szOsFile));
  if (ours->real == nullptr) return SQLITE_NOMEM;
  std::memset(ours->real, 0, static_cast<std::size_t>(base->szOsFile));
  const int rc = base->xOpen(base, name, ours->real, flags, out_flags);
  if (rc != SQLITE_OK) {
    sqlite3_free(ours->real);
    ours->head.pMethods = nullptr;
    return rc;
  }
  ours->head.pMethods = &methods;
  return SQLITE_OK;
}

int x_delete(sqlite3_vfs*, const char* name, int sync) { return base->xDelete(base, name, sync); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return base->xAccess(base, name, flags, out); }
int x_full_path(sqlite3_vfs*, const char* name, int n, char* out) { return base->xFullPathname(base, name, n, out); }
int x_randomness(sqlite3_vfs*, int n, char* out) { return base->xRandomness(base, n, out); }
int x_sleep(sqlite3_vfs*, int us) { return base->xSleep(base, us); }
int x_current_time(sqlite3_vfs*, double* out) { return base->xCurrentTime(base, out); }
int x_last_error(sqlite3_vfs*, int n, char* out) { return base->xGetLastError(base, n, out); }
int x_current_time64(sqlite3_vfs*, sqlite3_int64* out) { return base->xCurrentTimeInt64(base, out); }

}  // namespace

void register_faulty_vfs() {
  static std::once_flag once;
  std::call_once(once, [] {
    base = sqlite3_vfs_find(nullptr);
    methods = sqlite3_io_methods{2,           x_close,   x_read,     x_write,          x_truncate,     x_sync,
                                 x_file_size, x_lock,    x_unlock,   x_check_reserved, x_file_control, x_sector_size,
                                 x_device,    x_shm_map, x_shm_lock, x_shm_barrier,    x_shm_unmap,    nullptr,
                                 nullptr};
    faulty = sqlite3_vfs{};
    faulty.iVersion = 2;
    faulty.szOsFile = static_cast<int>(sizeof(FaultyFile));
    faulty.mxPathname = base->mxPathname;
    faulty.zName = kFaultyVfs;
    faulty.xOpen = x_open;
    faulty.xDelete = x_delete;
    faulty.xAccess = x_access;
    faulty.xFullPathname = x_full_path;
    faulty.xRandomness = x_randomness;
    faulty.xSleep = x_sleep;
    faulty.xCurrentTime = x_current_time;
    faulty.xGetLastError = x_last_error;
    faulty.xCurrentTimeInt64 = x_current_time64;
    sqlite3_vfs_register(&faulty, 0);
  });
}

void arm_faulty_vfs(std::int64_t bytes) {
  budget = bytes;
  failures = 0;
  armed = true;
}

void disarm_faulty_vfs() { armed = false; }

int faulty_vfs_failures() { return failures; }

int faulty_vfs_syncs() { return syncs; }

const char* name_of(FaultOp op) {
  switch (op) {
    case FaultOp::read:
      return "read";
    case FaultOp::write:
      return "write";
    case FaultOp::sync:
      return "sync";
    case FaultOp::truncate:
      return "truncate";
    case FaultOp::open:
      return "open";
  }
  return "?";
}

void inject_fault(const Fault& fault) {
  counting = false;
  for (auto& c : calls) c = 0;
  fault_op = static_cast<int>(fault.op);
  fault_nth = fault.nth;
  fault_persistent = fault.persistent;
  fired = false;
  counting = true;
}

void count_calls() {
  counting = false;
  for (auto& c : calls) c = 0;
  fault_op = -1;
  fired = false;
  counting = true;
}

void clear_fault() {
  counting = false;
  fault_op = -1;
}

int faulty_vfs_calls(FaultOp op) { return calls[static_cast<int>(op)]; }

bool fault_fired() { return fired; }

}  // namespace daybreak::testing
