// The store conformance suite: behaviour every Store backend must have,
// written against the interface only. A backend joins by instantiating
// StoreConformance with a factory (see sqlite_store_test.cpp).
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "store/store.hpp"
#include "support/fixtures.hpp"
#include "support/temp_dir.hpp"

namespace daybreak::testing {

struct StoreFactory {
  std::string name;
  // A new, empty store; `scratch` is a directory the backend may use.
  std::function<std::unique_ptr<Store>(const std::filesystem::path& scratch)> make;
};

// The instant the conformance tests write at.
inline const Instant kNow = fixed_now();

inline void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

// A person with nothing stored yet, in Europe/Berlin, created at the tests' fixed now.
inline UserId new_user(Store& store, const std::string& name) {
  auto tx = store.write();
  const UserId id = tx->create_user(name, "Europe/Berlin", fixed_now()).id;
  tx->commit();
  return id;
}

class StoreConformance : public ::testing::TestWithParam<StoreFactory> {
 protected:
  void SetUp() override { store_ = GetParam().make(dir_.path()); }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace daybreak::testing
