#include "cli/terminal.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <stdexcept>

namespace daybreak {
namespace {

// Signals reach the main loop through a pipe (the classic self-pipe): a
// handler may only do async-signal-safe work, and write() is. This is the one
// piece of process-wide state, as signal dispositions themselves are.
int g_signal_pipe[2] = {-1, -1};
constexpr std::array<int, 5> kSignals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH};
std::array<struct sigaction, kSignals.size()> g_previous{};

extern "C" void on_signal(int signal) {
  const int saved = errno;
  const auto byte = static_cast<unsigned char>(signal);
  [[maybe_unused]] const auto n = ::write(g_signal_pipe[1], &byte, 1);
  errno = saved;
}

constexpr std::string_view kEnterFullScreen = "\x1b[?1049h\x1b[?25l\x1b[2J\x1b[H";
constexpr std::string_view kLeaveFullScreen = "\x1b[0m\x1b[?25h\x1b[?1049l";

char normalise(char c) {
  if (c == '\r') return '\n';
  if (c == 0x08) return 0x7f;
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  return c;
}

}  // namespace

Terminal::Terminal(int in_fd, int out_fd, bool full_screen)
    : in_fd_(in_fd), out_fd_(out_fd), full_screen_(full_screen) {
  if (::tcgetattr(in_fd_, &saved_) != 0) throw std::runtime_error("the input is not a terminal");
  if (::pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("cannot create a pipe");
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &action, &g_previous[i]);

  termios raw = saved_;
  raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | ISIG | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(IXON | ICRNL | BRKINT | INPCK | ISTRIP);
  raw.c_cc[VMIN] = 0;
  raw.c_cc[VTIME] = 0;
  ::tcsetattr(in_fd_, TCSAFLUSH, &raw);
  if (full_screen_) write(kEnterFullScreen);
}

Terminal::~Terminal() {
  restore();
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &g_previous[i], nullptr);
  ::close(g_signal_pipe[0]);
  ::close(g_signal_pipe[1]);
  g_signal_pipe[0] = g_signal_pipe[1] = -1;
}

void Terminal::restore() {
  if (restored_) return;
  restored_ = true;
  if (full_screen_) write(kLeaveFullScreen);
  ::tcsetattr(in_fd_, TCSAFLUSH, &saved_);
}

Terminal::Input Terminal::wait(std::chrono::milliseconds timeout) {
  Input input;
  std::array<pollfd, 2> fds{{{in_fd_, POLLIN, 0}, {g_signal_pipe[0], POLLIN, 0}}};
  const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(0, timeout.count())));
  if (ready < 0 && errno != EINTR) throw std::runtime_error("waiting for the terminal failed");

  unsigned char sig = 0;
  while (::read(g_signal_pipe[0], &sig, 1) == 1) {
    if (sig == SIGWINCH) {
      input.resized = true;
    } else {
      input.signal = sig;
    }
  }
  if (ready <= 0 || (fds[0].revents & (POLLIN | POLLHUP)) == 0) return input;

  std::array<char, 256> buffer{};
  const ssize_t n = ::read(in_fd_, buffer.data(), buffer.size());
  if (n == 0 && (fds[0].revents & POLLHUP) != 0) input.closed = true;
  if (n <= 0) return input;
  std::string bytes = pending_ + std::string(buffer.data(), static_cast<std::size_t>(n));
  pending_.clear();
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c != '\x1b') {
      input.keys += normalise(c);
      continue;
    }
    if (i + 1 == bytes.size()) {
      input.keys += c;  // a lone Esc
      continue;
    }
    if (bytes[i + 1] != '[' && bytes[i + 1] != 'O') {
      input.keys += c;
      continue;
    }
    // An escape sequence (arrows, function keys): skip it to its final byte.
    std::size_t end = i + 2;
    while (end < bytes.size() && (bytes[end] < 0x40 || bytes[end] > 0x7e)) ++end;
    if (end == bytes.size()) {
      pending_ = bytes.substr(i);
      break;
    }
    i = end;
  }
  return input;
}

std::pair<int, int> Terminal::size() const {
  winsize ws{};
  if (::ioctl(out_fd_, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0 || ws.ws_row == 0) return {80, 24};
  return {ws.ws_col, ws.ws_row};
}

void Terminal::write(std::string_view bytes) const {
  while (!bytes.empty()) {
    const ssize_t n = ::write(out_fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return;  // the terminal went away; nothing more to show
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace daybreak
