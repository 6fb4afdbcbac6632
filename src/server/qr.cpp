#include "server/qr.hpp"

#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <qrencode.h>

namespace daybreak {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks

struct Code {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code;
  [[nodiscard]] int width() const { return code->width; }
  // Dark at (x, y), counting the quiet zone.
  [[nodiscard]] bool dark(int x, int y) const {
    x -= kQuietZone;
    y -= kQuietZone;
    if (x < 0 || y < 0 || x >= width() || y >= width()) return false;
    return (code->data[static_cast<std::size_t>(y) * static_cast<std::size_t>(width()) + static_cast<std::size_t>(x)] &
            1U) != 0;
  }
  [[nodiscard]] int size() const { return width() + 2 * kQuietZone; }
};

Code encode(std::string_view text) {
  const std::string zero_terminated(text);
  // Level M: about 15% of the code may be damaged (a screen's glare) and still read.
  QRcode* code = QRcode_encodeString8bit(zero_terminated.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) throw std::runtime_error(fmt::format("cannot make a QR code of {} bytes", text.size()));
  return Code{{code, QRcode_free}};
}

}  // namespace

std::string qr_svg(std::string_view text) {
  const Code c = encode(text);
  std::string path;
  for (int y = 0; y < c.size(); ++y) {
    for (int x = 0; x < c.size(); ++x) {
      if (c.dark(x, y)) path += fmt::format("M{} {}h1v1h-1z", x, y);
    }
  }
  return fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" shape-rendering="crispEdges" role="img">)"
      R"(<rect width="{0}" height="{0}" fill="#fff"/><path fill="#000" d="{1}"/></svg>)",
      c.size(), path);
}

std::string qr_terminal(std::string_view text, bool color) {
  const Code c = encode(text);
  std::string out;
  for (int y = 0; y < c.size(); y += 2) {
    if (color) out += "\x1b[30;47m";  // black on white
    for (int x = 0; x < c.size(); ++x) {
      const bool top = c.dark(x, y);
      const bool bottom = c.dark(x, y + 1) && y + 1 < c.size();
      if (color) {
        out += top ? (bottom ? "\u2588" : "\u2580") : (bottom ? "\u2584" : " ");
      } else {
        out += !top ? (!bottom ? "\u2588" : "\u2580") : (!bottom ? "\u2584" : " ");
      }
    }
    if (color) out += "\x1b[0m";
    out += '\n';
  }
  return out;
}

}  // namespace daybreak
