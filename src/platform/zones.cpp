#include "platform/zones.hpp"

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace daybreak {
namespace {

constexpr std::string_view kZoneDir = "/usr/share/zoneinfo";

// Zone names are relative paths of letters, digits and _+-; never ".." or absolute.
bool plausible_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
                    c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return true;
}

std::atomic<bool> process_zone_taken{false};

}  // namespace

bool is_known_zone(std::string_view name) {
  if (!plausible_zone_name(name)) return false;
  std::ifstream file(std::string(kZoneDir) + "/" + std::string(name), std::ios::binary);
  char magic[4] = {};
  return file.read(magic, 4) && std::string_view(magic, 4) == "TZif";
}

std::string system_zone_name(const char* tz_env) {
  if (tz_env != nullptr) {
    std::string_view tz = tz_env;
    if (!tz.empty() && tz.front() == ':') tz.remove_prefix(1);
    if (is_known_zone(tz)) return std::string(tz);
  }
  std::error_code ec;
  const auto target = std::filesystem::read_symlink("/etc/localtime", ec);
  if (!ec) {
    const std::string s = target.lexically_normal().string();
    const auto pos = s.find("zoneinfo/");
    if (pos != std::string::npos && is_known_zone(s.substr(pos + 9))) return s.substr(pos + 9);
  }
  std::ifstream timezone_file("/etc/timezone");
  std::string name;
  if (timezone_file >> name && is_known_zone(name)) return name;
  return "UTC";
}

ProcessZone::ProcessZone(std::string_view name) : name_(name) {
  if (!is_known_zone(name)) throw std::invalid_argument("unknown time zone: " + name_);
  if (process_zone_taken.exchange(true)) throw std::logic_error("only one ProcessZone may exist at a time");
  if (const char* old = std::getenv("TZ")) {
    had_tz_ = true;
    saved_tz_ = old;
  }
  ::setenv("TZ", (":" + name_).c_str(), 1);
  ::tzset();
}

ProcessZone::~ProcessZone() {
  if (had_tz_) {
    ::setenv("TZ", saved_tz_.c_str(), 1);
  } else {
    ::unsetenv("TZ");
  }
  ::tzset();
  process_zone_taken = false;
}

std::chrono::seconds ProcessZone::offset(Instant t) const {
  const std::time_t tt = static_cast<std::time_t>(t.time_since_epoch().count());
  std::tm local{};
  if (::localtime_r(&tt, &local) == nullptr) throw std::runtime_error("localtime_r failed");
  return std::chrono::seconds{local.tm_gmtoff};
}

}  // namespace daybreak
