// Whether this run is the long sweep (`make soak`, DAYBREAK_SOAK=1) or the
// short seeded slice that `make test` runs.
#pragma once

#include <cstdlib>
#include <string_view>

namespace daybreak::testing {

inline bool soak() {
  const char* v = std::getenv("DAYBREAK_SOAK");
  return v != nullptr && std::string_view(v) == "1";
}

}  // namespace daybreak::testing
