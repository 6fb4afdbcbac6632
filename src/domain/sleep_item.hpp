// Things a person sleeps on, named by them, so the diary can compare set-ups.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/choices.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

enum class SleepItemKind : std::uint8_t { mattress, pillow };

template <>
struct Vocabulary<SleepItemKind> {
  static constexpr std::string_view kind = "sleep item kind";
  static constexpr std::array<std::string_view, 2> names = {"mattress", "pillow"};
};

// "mattresses", "pillows": the plural is not the name with an s.
[[nodiscard]] constexpr std::string_view plural_of(SleepItemKind kind) {
  return kind == SleepItemKind::mattress ? "mattresses" : "pillows";
}

inline constexpr std::size_t kMaxSleepItemName = 60;
// What a night's pillow set-up says when no pillow was used; no item may be
// called that.
inline constexpr std::string_view kNoSleepItem = "none";
[[nodiscard]] bool is_no_sleep_item(std::string_view text);
[[nodiscard]] bool valid_sleep_item_name(std::string_view name);
[[nodiscard]] std::string sleep_item_name_rule();

struct SleepItem {
  ItemId id;
  SleepItemKind kind = SleepItemKind::pillow;
  std::string name;
  Instant created_at;
  std::optional<Instant> retired_at;  // no longer offered, still shown on old entries
};

}  // namespace daybreak
