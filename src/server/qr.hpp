// QR codes (libqrencode), drawn for the web app (SVG) and for a terminal.
#pragma once

#include <string>
#include <string_view>

namespace daybreak {

// An SVG of the QR code of `text`, black on white with its quiet zone, one
// unit per module; its width and height scale with the page.
[[nodiscard]] std::string qr_svg(std::string_view text);
// The same in a terminal: two rows of modules per line, drawn with half
// blocks. `color`: black on white through ANSI colours, which scanners read
// on dark and light terminals alike; without, light modules are full blocks
// (for a dark terminal).
[[nodiscard]] std::string qr_terminal(std::string_view text, bool color);

}  // namespace daybreak
