// Errors from a store: the exceptional kind (disk, corruption), thrown, never returned.
#pragma once

#include <stdexcept>
#include <string>

namespace daybreak {

class StoreError : public std::runtime_error {
 public:
  enum class Kind {
    io,           // the disk or the file system failed us
    full,         // no space left
    busy,         // another process holds the database too long
    corrupt,      // the file is damaged or not a database
    foreign,      // a database, but not a daybreak one
    too_new,      // written by a newer daybreak
    conflict,     // a uniqueness rule was broken (raced with another writer)
    not_found,    // a record the caller named does not exist
    unavailable,  // a database server that cannot be reached now, or takes no writes (a standby)
  };
  StoreError(Kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  [[nodiscard]] Kind kind() const noexcept { return kind_; }

 private:
  Kind kind_;
};

}  // namespace daybreak
