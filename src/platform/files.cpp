#include "platform/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace daybreak {
namespace {

bool set(const char* v) { return v != nullptr && *v != '\0'; }

[[noreturn]] void fail(const char* what, const std::filesystem::path& path, int err) {
  throw std::filesystem::filesystem_error(what, path, std::error_code(err, std::generic_category()));
}

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

void write_private_file(const std::filesystem::path& path, std::string_view bytes) {
  const auto partial = std::filesystem::path(path.string() + ".partial");
  // unlink removes a symlink itself, not what it points to; O_EXCL | O_NOFOLLOW
  // then refuses anything that appeared there in between.
  if (::unlink(partial.c_str()) != 0 && errno != ENOENT) fail("cannot replace", partial, errno);
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) fail("cannot create", partial, errno);
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      ::unlink(partial.c_str());
      fail("cannot write", partial, err);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(partial.c_str());
    fail("cannot flush", partial, err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(partial.c_str());
    fail("cannot close", partial, err);
  }
  std::filesystem::rename(partial, path);
}

}  // namespace daybreak
