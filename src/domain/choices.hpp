// Closed vocabularies of the diary (warning signs, body locations...) and a set type for them.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "domain/text.hpp"

namespace daybreak {

enum class Period : std::uint8_t { night, morning, afternoon, evening };
enum class WarningSign : std::uint8_t { spasm, stiffness, soreness, tightness, ache };
enum class BodyLocation : std::uint8_t {
  back_left,
  back_centre,
  back_right,
  buttock_left,
  buttock_right,
  above_knee_left,
  above_knee_right,
  below_knee_left,
  below_knee_right,
};
enum class LegSymptom : std::uint8_t {
  numbness_left,
  numbness_right,
  tingling_left,
  tingling_right,
  weakness_left,
  weakness_right,
};
enum class Relief : std::uint8_t { rest, ice, heat, other };
enum class SleepPosition : std::uint8_t { back, left_side, right_side, front, mixed };
// An answer to a yes-or-no question, where "not asked" is kept apart as nullopt.
enum class YesNo : std::uint8_t { no, yes };

// The words used in input and output for each value, in declaration order.
template <class E>
struct Vocabulary;

template <>
struct Vocabulary<Period> {
  static constexpr std::string_view kind = "period";
  static constexpr std::array<std::string_view, 4> names = {"night", "morning", "afternoon", "evening"};
};
template <>
struct Vocabulary<WarningSign> {
  static constexpr std::string_view kind = "warning sign";
  static constexpr std::array<std::string_view, 5> names = {"spasm", "stiffness", "soreness", "tightness", "ache"};
};
template <>
struct Vocabulary<BodyLocation> {
  static constexpr std::string_view kind = "location";
  static constexpr std::array<std::string_view, 9> names = {"back_left",        "back_centre",     "back_right",
                                                            "buttock_left",     "buttock_right",   "above_knee_left",
                                                            "above_knee_right", "below_knee_left", "below_knee_right"};
  static constexpr std::array<std::string_view, 9> labels = {
      "Lower back, left",     "Lower back, centre",    "Lower back, right",    "Buttock, left",        "Buttock, right",
      "Leg above knee, left", "Leg above knee, right", "Leg below knee, left", "Leg below knee, right"};
};
template <>
struct Vocabulary<LegSymptom> {
  static constexpr std::string_view kind = "leg symptom";
  static constexpr std::array<std::string_view, 6> names = {"numbness_left",  "numbness_right", "tingling_left",
                                                            "tingling_right", "weakness_left",  "weakness_right"};
  static constexpr std::array<std::string_view, 6> labels = {"Numbness, left leg", "Numbness, right leg",
                                                             "Tingling, left leg", "Tingling, right leg",
                                                             "Weakness, left leg", "Weakness, right leg"};
};
template <>
struct Vocabulary<Relief> {
  static constexpr std::string_view kind = "relief";
  static constexpr std::array<std::string_view, 4> names = {"rest", "ice", "heat", "other"};
};
template <>
struct Vocabulary<SleepPosition> {
  static constexpr std::string_view kind = "sleep position";
  static constexpr std::array<std::string_view, 5> names = {"back", "left_side", "right_side", "front", "mixed"};
  static constexpr std::array<std::string_view, 5> labels = {"On my back", "Left side", "Right side", "On my front",
                                                             "Mixed"};
};

template <>
struct Vocabulary<YesNo> {
  static constexpr std::string_view kind = "answer";
  static constexpr std::array<std::string_view, 2> names = {"no", "yes"};
};

namespace detail {
// True if V is one of its enum's named values. GCC and Clang spell a template
// argument that is not an enumerator as a cast, "(daybreak::Period)4", and one
// that is by its name: the way magic_enum reads enums, reduced to one test.
template <auto V>
constexpr bool is_enumerator() {
  constexpr std::string_view signature = __PRETTY_FUNCTION__;
  constexpr auto at = signature.find("V = ");
  static_assert(at != std::string_view::npos, "a compiler that names template arguments as GCC and Clang do");
  return signature[at + 4] != '(';
}

// A vocabulary covers its enum: a word for every value 0..N-1, and no value N.
template <class E>
constexpr bool covers_enum() {
  constexpr std::size_t n = Vocabulary<E>::names.size();
  return n > 0 && is_enumerator<static_cast<E>(n - 1)>() && !is_enumerator<static_cast<E>(n)>();
}
}  // namespace detail

template <class E>
[[nodiscard]] constexpr std::string_view name_of(E e) {
  static_assert(detail::covers_enum<E>(), "Vocabulary<E>::names must name every value of E, in order");
  return Vocabulary<E>::names[static_cast<std::size_t>(e)];
}

// What a form shows for each value where it is more than the word ("back_left"
// reads "Lower back, left"); a vocabulary without `labels` has none (forms
// then show the word, capitalised).
template <class E>
[[nodiscard]] std::vector<std::string_view> labels_of() {
  if constexpr (requires { Vocabulary<E>::labels; }) {
    static_assert(Vocabulary<E>::labels.size() == Vocabulary<E>::names.size(), "a label for every word");
    return {Vocabulary<E>::labels.begin(), Vocabulary<E>::labels.end()};
  } else {
    return {};
  }
}

template <class E>
[[nodiscard]] constexpr std::optional<E> parse_choice(std::string_view text) {
  const auto& names = Vocabulary<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

template <class E>
[[nodiscard]] constexpr std::size_t choice_count() {
  return Vocabulary<E>::names.size();
}

// A set of values of a closed vocabulary, iterated in declaration order.
template <class E>
class ChoiceSet {
  static_assert(choice_count<E>() <= 32);

 public:
  constexpr ChoiceSet() = default;
  constexpr ChoiceSet(std::initializer_list<E> values) {
    for (E v : values) insert(v);
  }
  constexpr void insert(E v) { bits_ |= bit(v); }
  constexpr void erase(E v) { bits_ &= ~bit(v); }
  [[nodiscard]] constexpr bool contains(E v) const { return (bits_ & bit(v)) != 0; }
  [[nodiscard]] constexpr bool empty() const { return bits_ == 0; }
  [[nodiscard]] constexpr int size() const { return std::popcount(bits_); }
  [[nodiscard]] constexpr std::uint32_t bits() const { return bits_; }
  constexpr bool operator==(const ChoiceSet&) const = default;

  template <class F>
  constexpr void for_each(F&& f) const {
    for (std::size_t i = 0; i < choice_count<E>(); ++i) {
      if ((bits_ >> i) & 1U) f(static_cast<E>(i));
    }
  }

 private:
  static constexpr std::uint32_t bit(E v) { return std::uint32_t{1} << static_cast<unsigned>(v); }
  std::uint32_t bits_ = 0;
};

// "spasm;ache" <-> {spasm, ache}: the stored and exported form of a set.
template <class E>
[[nodiscard]] std::string to_text(const ChoiceSet<E>& set, std::string_view separator = ";") {
  std::string out;
  set.for_each([&](E e) {
    if (!out.empty()) out += separator;
    out += name_of(e);
  });
  return out;
}

// Accepts names separated by ',' or ';'. nullopt names the first unknown word in `bad`.
template <class E>
[[nodiscard]] std::optional<ChoiceSet<E>> choice_set_from_text(std::string_view text, std::string* bad = nullptr) {
  ChoiceSet<E> set;
  for (const auto part : split_list(text, ",;")) {
    const auto v = parse_choice<E>(to_lower_ascii(part));
    if (!v) {
      if (bad != nullptr) *bad = std::string(part);
      return std::nullopt;
    }
    set.insert(*v);
  }
  return set;
}

}  // namespace daybreak
