#include "platform/files.hpp"

namespace daybreak {
namespace {

bool set(const char* v) { return v != nullptr && *v != '\0'; }

}  // namespace

std::filesystem::path resolve_data_dir(const std::optional<std::string>& flag, const char* daybreak_home,
                                       const char* xdg_data_home, const char* home) {
  if (flag && !flag->empty()) return *flag;
  if (set(daybreak_home)) return daybreak_home;
  if (set(xdg_data_home)) return std::filesystem::path(xdg_data_home) / "daybreak";
  if (set(home)) return std::filesystem::path(home) / ".local" / "share" / "daybreak";
  return std::filesystem::current_path() / ".daybreak";
}

void ensure_private_dir(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  if (fs::is_directory(dir)) return;
  fs::create_directories(dir);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
}

}  // namespace daybreak
