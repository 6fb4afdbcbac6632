// The terminal player's frames: they fit 80x24 (and smaller screens), say
// what the step is, and only rows that changed are rewritten. Also the text
// layout helpers and the session script parser.
#include "cli/session_screen.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/session_script.hpp"
#include "cli/text_layout.hpp"
#include "content/library_loader.hpp"

namespace daybreak {
namespace {

using namespace std::chrono_literals;

const ContentLibrary& builtin() {
  static const ContentLibrary library = load_builtin_content().value();
  return library;
}

// The frame as plain text, without ANSI attributes.
std::string plain(const std::vector<std::string>& frame) {
  std::string out;
  for (const auto& row : frame) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i] == '\x1b') {
        while (i < row.size() && (row[i] < 0x40 || row[i] > 0x7e || row[i] == '[')) ++i;
        continue;
      }
      out += row[i];
    }
    out += '\n';
  }
  return out;
}

class Screen : public ::testing::Test {
 protected:
  SessionPlan plan_ = expand_plan(builtin(), builtin().default_program(), 2, RoutineKind::evening, {});
  SessionPlayer player_{plan_};
};

TEST_F(Screen, EveryPhaseFitsEightyByTwentyFour) {
  const auto check = [&](SessionTime now, std::string_view must_show) {
    const auto frame = render_frame(player_, now, {80, 24});
    EXPECT_EQ(frame.size(), 24U);
    for (const auto& row : frame) EXPECT_LE(visible_width(row), 80U) << row;
    EXPECT_NE(plain(frame).find(must_show), std::string::npos) << plain(frame);
  };
  check(0ms, "Pain right now, 0 (none) to 10 (worst imaginable): _");
  for (const char k : std::string("4\n")) player_.press(k, 0ms);
  check(3s, "Get ready");
  check(3s, "7 s left");
  check(3s, "Exercise 1 of 7");
  check(3s, "space pause   s skip step   n next exercise   q stop");
  player_.advance(12s);
  check(12s, "Hold 1 of 4, left side");
  player_.press(keys::pause, 12s);
  check(12s, "PAUSED: space to go on");
  player_.press(keys::quit, 13s);
  check(13s, "Why are you stopping?");
  player_.press('p', 13s);
  check(13s, "Comfort check: Bird-dog");
  for (const char k : std::string("8\n")) player_.press(k, 13s);
  EXPECT_TRUE(player_.over());
}

TEST_F(Screen, ASmallScreenGetsTheCompactLayoutAndAWideOneStaysEightyColumns) {
  for (const char k : std::string("4\n")) player_.press(k, 0ms);
  const auto small = render_frame(player_, 3s, {60, 16});
  EXPECT_EQ(small.size(), 16U);
  for (const auto& row : small) EXPECT_LE(visible_width(row), 60U);
  EXPECT_NE(plain(small).find("7 s left"), std::string::npos);
  EXPECT_NE(plain(small).find("q stop"), std::string::npos) << "the keys stay on screen";
  const auto wide = render_frame(player_, 3s, {200, 50});
  EXPECT_EQ(wide.size(), 50U);
  for (const auto& row : wide) EXPECT_LE(visible_width(row), 80U);
}

TEST_F(Screen, OnlyChangedRowsAreRewritten) {
  for (const char k : std::string("4\n")) player_.press(k, 0ms);
  FrameWriter writer;
  const std::string first = writer.update(render_frame(player_, 3s, {80, 24}));
  EXPECT_EQ(first.rfind("\x1b[2J", 0), 0U) << "the first frame clears the screen once";
  EXPECT_EQ(writer.update(render_frame(player_, 3s, {80, 24})), "") << "nothing changed, nothing written";
  const std::string tick = writer.update(render_frame(player_, 4s, {80, 24}));
  EXPECT_EQ(tick.find("\x1b[2J"), std::string::npos) << "no full-screen clear on a tick";
  EXPECT_FALSE(tick.empty());
  EXPECT_LT(tick.size(), first.size() / 2);
  writer.invalidate();
  EXPECT_EQ(writer.update(render_frame(player_, 4s, {80, 24})).rfind("\x1b[2J", 0), 0U);
}

TEST(TextLayout, WidthsIgnoreEscapesAndCountCodePoints) {
  EXPECT_EQ(visible_width("\x1b[1mbold\x1b[0m"), 4U);
  EXPECT_EQ(visible_width("caf\xc3\xa9"), 4U);
  EXPECT_EQ(fit("Half-kneeling rectus femoris stretch", 20), "Half-kneeling rec...");
  EXPECT_EQ(pad("ab", 4), "ab  ");
  EXPECT_EQ(wrap("one two three four", 9), (std::vector<std::string>{"one two", "three", "four"}));
  EXPECT_EQ(wrap_indented("one two three", 10, "  ", "- "), "- one two\n  three\n");
}

TEST(SessionScript, ParsesEventsAndNamesTheBadLine) {
  const auto events = parse_script("# a comment\npain 4\n\nat 12.5 pause\nskip\ncomfort -\nreason time\n");
  ASSERT_TRUE(events.ok()) << events.error();
  ASSERT_EQ(events->size(), 5U);
  EXPECT_EQ((*events)[0].keys, "4\n");
  EXPECT_EQ((*events)[1].at, 12'500ms);
  EXPECT_EQ((*events)[1].line, 4U);
  EXPECT_EQ((*events)[3].keys, "\n");
  EXPECT_EQ((*events)[4].keys, "t");
  const auto bad = parse_script("pain 3\n\nat soon skip\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().rfind("script line 3: 'at soon skip': 'at' needs a number of seconds", 0), 0U) << bad.error();
  EXPECT_FALSE(parse_script("comfort 11\n").ok());
  EXPECT_FALSE(parse_script("reason boredom\n").ok());
  EXPECT_FALSE(parse_script("skip now\n").ok());
}

TEST(SessionScript, PlaysOnAJumpingClockAndRecordsTheResult) {
  const SessionPlan plan = expand_plan(builtin(), builtin().default_program(), 1, RoutineKind::flare, {});
  SessionPlayer player(plan);
  std::ostringstream out;
  std::ostringstream err;
  PlainPrinter printer(out, err, true);
  const auto events = parse_script("pain 6\nat 11 skip\ncomfort 3\nat 70 next\ncomfort 2\nat 200 quit\nreason pain\n");
  ASSERT_TRUE(events.ok());
  const auto played = run_script(player, *events, printer);
  ASSERT_TRUE(played.ok()) << played.error() << "\n" << out.str();
  EXPECT_TRUE(player.over());
  const SessionResult r = player.result();
  EXPECT_EQ(r.pain_before.value(), 6);
  EXPECT_EQ(r.stop_reason, StopReason::pain);
  EXPECT_EQ(r.steps[1], StepOutcome::skipped);
  EXPECT_EQ(r.pain_during[0], PainScore::make(3));
  EXPECT_EQ(r.pain_during[2], PainScore::make(2));
  EXPECT_EQ(r.pain_during[3], std::nullopt) << "the check after the stop was left unanswered";
  EXPECT_EQ(r.duration, 200s);
  EXPECT_NE(out.str().find(" 1:10  skipped the rest of Pelvic tilt"), std::string::npos) << out.str();
  EXPECT_NE(err.str().find("Why stop: p pain, t time, o other (Esc to carry on)? pain"), std::string::npos)
      << err.str();
}

}  // namespace
}  // namespace daybreak
