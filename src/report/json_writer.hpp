// A small streaming JSON writer (RFC 8259) for large exports: it appends to
// one string with no tree in between. A FHIR export of ten years is about
// 70,000 resources; building them as nlohmann::json trees first cost more
// than the rest of the export together (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace daybreak {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The next member's name; its value follows.
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& integer(std::int64_t value);
  // Shortest text that reads back to the same double: 7.5, 35.6, 18.3.
  JsonWriter& number(double value);
  JsonWriter& boolean(bool value);
  // Members already written as JSON ("a":1,"b":[2]), placed as the next
  // members of the open object: for fragments that repeat thousands of times.
  JsonWriter& raw_members(std::string_view members);
  // A line break before the next value, so large documents diff line by line.
  JsonWriter& newline();

  // Shorthands for a member with a value.
  JsonWriter& member(std::string_view name, std::string_view value) { return key(name).string(value); }
  JsonWriter& member(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& member(std::string_view name, const std::string& value) { return key(name).string(value); }
  JsonWriter& member(std::string_view name, std::int64_t value) { return key(name).integer(value); }
  JsonWriter& member(std::string_view name, int value) { return key(name).integer(value); }
  JsonWriter& member(std::string_view name, bool value) { return key(name).boolean(value); }

 private:
  void separate();  // a comma unless this is the first value in its container, or a member's value
  void quoted(std::string_view text);

  std::string& out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
  bool line_break_ = false;
};

// `text` as a JSON string literal, quotes included.
[[nodiscard]] std::string json_quoted(std::string_view text);

}  // namespace daybreak
