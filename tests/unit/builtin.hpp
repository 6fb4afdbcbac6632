// The built-in content and instruments, loaded once per test program.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "content/instruments.hpp"
#include "content/library_loader.hpp"

namespace daybreak::testing {

// The built-in exercise library; a load error fails the test that asked.
inline const ContentLibrary& builtin() {
  static const ContentLibrary library = [] {
    auto loaded = load_builtin_content();
    if (!loaded) {
      for (const auto& e : loaded.error()) ADD_FAILURE() << e.text();
      return ContentLibrary{};
    }
    return std::move(loaded).value();
  }();
  return library;
}

// A built-in questionnaire by id ("odi").
inline const Instrument& builtin_instrument(std::string_view id) {
  const Instrument* i = find_instrument(id);
  if (i == nullptr) throw std::logic_error("no instrument " + std::string(id));
  return *i;
}

}  // namespace daybreak::testing
