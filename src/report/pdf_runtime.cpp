// Loads cairo, pango, fontconfig and qpdf on first use (see pdf_runtime.hpp for why).
#include "report/pdf_runtime.hpp"

#include <dlfcn.h>

#include <array>
#include <mutex>
#include <optional>

#include <fmt/format.h>

namespace daybreak::pdf {
namespace {

// Debian 12's sonames; the packages are in scripts/setup.
constexpr std::array<const char*, 5> kLibraries = {"libcairo.so.2", "libpangocairo-1.0.so.0", "libpangoft2-1.0.so.0",
                                                   "libfontconfig.so.1", "libqpdf.so.29"};
constexpr std::string_view kPackages = "libcairo2, libpango-1.0-0, libpangoft2-1.0-0, libfontconfig1 and libqpdf29";

struct Loaded {
  Runtime runtime;
  std::string error;  // empty when every library and function was found
};

template <typename F>
bool resolve(const std::array<void*, kLibraries.size()>& handles, const char* name, F& out) {
  for (void* handle : handles) {
    if (void* symbol = dlsym(handle, name)) {
      // POSIX guarantees that a function's address survives this round trip.
      out = reinterpret_cast<F>(symbol);
      return true;
    }
  }
  return false;
}

Loaded load() {
  Loaded loaded;
  std::array<void*, kLibraries.size()> handles{};
  for (std::size_t i = 0; i < kLibraries.size(); ++i) {
    // Local: nothing of theirs is seen by anything but these look-ups. Lazy:
    // the 50-odd libraries they bring (X11's among them, which a PDF never
    // calls) bind a function when it is first called, not all at load; every
    // function daybreak calls is looked up below, so a missing one is still
    // found here.
    handles[i] = dlopen(kLibraries[i], RTLD_LAZY | RTLD_LOCAL);
    if (!handles[i]) {
      const char* why = dlerror();
      loaded.error =
          fmt::format("cannot load {} ({}); a PDF needs {}", kLibraries[i], why ? why : "not found", kPackages);
      return loaded;
    }
  }
  Runtime& r = loaded.runtime;
  std::string missing;
#define DAYBREAK_RESOLVE(name) \
  if (!resolve(handles, #name, r.name)) missing += (missing.empty() ? "" : ", ") + std::string(#name);
  DAYBREAK_CAIRO_FUNCTIONS(DAYBREAK_RESOLVE)
  DAYBREAK_PANGO_FUNCTIONS(DAYBREAK_RESOLVE)
  DAYBREAK_FONTCONFIG_FUNCTIONS(DAYBREAK_RESOLVE)
  DAYBREAK_QPDF_FUNCTIONS(DAYBREAK_RESOLVE)
#undef DAYBREAK_RESOLVE
  if (!missing.empty()) {
    loaded.error = fmt::format("the PDF libraries lack {} (too old? a PDF needs {})", missing, kPackages);
  }
  return loaded;
}

}  // namespace

Result<const Runtime*, std::string> runtime() {
  static std::once_flag once;
  static std::optional<Loaded> loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded->error.empty()) return fail(loaded->error);
  return &loaded->runtime;
}

}  // namespace daybreak::pdf
