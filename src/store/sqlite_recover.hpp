// Salvage from a damaged diary file: every row SQLite can still read, copied
// into a new file; the damaged file is only read, through a copy.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace daybreak {

struct SalvagedTable {
  std::string name;
  std::int64_t rows = 0;                                          // copied into the new file
  std::vector<std::pair<std::int64_t, std::int64_t>> unreadable;  // key ranges that could not be read
  bool lost = false;                                              // not readable at all
};

struct SalvageReport {
  std::vector<SalvagedTable> tables;
  std::int64_t entries = 0;          // diary entries (not deleted) in the new file
  std::int64_t orphans_dropped = 0;  // rows whose parent row was lost (a medication of a lost entry)
  std::int64_t users_remade = 0;     // profiles (name, time zone) lost and made again with defaults
  int schema_version = 0;            // of the new file, after bringing it up to date
};

// Reads what it can of `damaged` (and its -wal log, if any) into `output`,
// which must not exist. Works on a copy in a temporary folder beside
// `output`, so `damaged` is never opened for writing. Rows are read in key
// order; past a damaged page the read resumes at the next key that can be
// read, so one bad page costs only the rows it held. Throws StoreError when
// nothing can be read (the file's list of tables is damaged) or `output`
// cannot be written.
//
// Why our own: SQLite's recovery extension (the shell's `.recover`) needs the
// sqlite_dbpage table, which Debian 12's SQLite is built without; there,
// `.recover` prints the header and stops with "SQL logic error".
[[nodiscard]] SalvageReport salvage_database(const std::filesystem::path& damaged, const std::filesystem::path& output);

// Moves a diary file aside, with its -wal and -shm files, to `aside` (and
// `aside`-wal, `aside`-shm), so that a damaged file is kept, never written to,
// and the name is free for a new one. Throws std::filesystem::filesystem_error.
void move_database_aside(const std::filesystem::path& path, const std::filesystem::path& aside);

}  // namespace daybreak
