// Issue 22: poses as joint angles, the figure they draw, and each rule the
// loader keeps for them (human ranges, resting on the surface, the morning
// rule read from the lumbar angle), with an example that fails for each.
#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "content/library_loader.hpp"
#include "exercise/figure_svg.hpp"
#include "exercise/pose.hpp"
#include "unit/builtin.hpp"

namespace daybreak {
namespace {

using testing::builtin;

Pose hook_lying() {
  Pose p;
  p.set(Joint::pelvis, -90, -90);
  p.set(Joint::hip, 50, 50);
  p.set(Joint::knee, 110, 110);
  p.set(Joint::ankle, -30, -30);
  return p;
}

TEST(Pose, StandingFigureHasItsFeetOnTheFloorAndItsHeadOnTop) {
  const Figure f = figure_of(Pose{}, View::side, Surface::standing);
  EXPECT_NEAR(f.at(Part::heel).y, 0.0, 1e-9);
  EXPECT_NEAR(f.at(Part::toe).y, 0.0, 1e-9);
  EXPECT_NEAR(f.at(Part::toe).x, kBody.foot, 1e-9);  // facing right
  EXPECT_NEAR(f.at(Part::hip).y, kBody.heel + kBody.shank + kBody.thigh, 1e-9);
  EXPECT_NEAR(f.at(Part::head).y - f.at(Part::hip).y, kBody.pelvis + kBody.lumbar + kBody.thoracic + kBody.neck_to_head,
              1e-9);
  EXPECT_NEAR(f.at(Part::hand).y, f.at(Part::neck).y - kBody.upper_arm - kBody.forearm, 1e-9);
  EXPECT_EQ(check_support(Pose{}, View::side, Surface::standing), std::nullopt);
}

TEST(Pose, FlexionTurnsEachSegmentTheWayTheFigureFaces) {
  Pose p;
  p.set(Joint::hip, 90, 0);       // the near thigh forward, level
  p.set(Joint::shoulder, 90, 0);  // the near arm forward, level
  const Figure f = figure_of(p, View::side, Surface::standing);
  EXPECT_NEAR(f.at(Part::knee).x, kBody.thigh, 1e-9);
  EXPECT_NEAR(f.at(Part::knee).y, f.at(Part::hip).y, 1e-9);
  EXPECT_NEAR(f.at(Part::knee, true).x, 0.0, 1e-9);  // the far leg stays under the hip
  EXPECT_NEAR(f.at(Part::elbow).y, f.at(Part::neck).y, 1e-9);
  EXPECT_GT(f.at(Part::elbow).x, 0.0);
}

TEST(Pose, SeenFromTheFrontLimbsMoveOutToTheirOwnSide) {
  Pose p;
  p.set(Joint::hip, 30, 30);
  const Figure f = figure_of(p, View::front, Surface::standing);
  EXPECT_LT(f.at(Part::knee).x, f.at(Part::hip).x);              // the figure's right, on the viewer's left
  EXPECT_GT(f.at(Part::knee, true).x, f.at(Part::hip, true).x);  // and its left
  EXPECT_NEAR(f.at(Part::knee).x, -f.at(Part::knee, true).x, 1e-9);
}

TEST(Pose, InterpolatesJointByJointAndAlongASequence) {
  Pose a;
  Pose b;
  a.set(Joint::hip, 0, 20);
  b.set(Joint::hip, 90, 40);
  b.set(Joint::lumbar, -10, -10);
  const Pose half = interpolate(a, b, 0.5);
  EXPECT_DOUBLE_EQ(half.angle(Joint::hip), 45);
  EXPECT_DOUBLE_EQ(half.angle(Joint::hip, true), 30);
  EXPECT_DOUBLE_EQ(half.angle(Joint::lumbar), -5);
  EXPECT_EQ(interpolate(a, b, -1), a);  // clamped
  EXPECT_EQ(interpolate(a, b, 2), b);

  Pose c;
  c.set(Joint::hip, 30, 0);
  const std::vector<Pose> three{a, b, c};
  EXPECT_EQ(pose_along(three, 0), a);
  EXPECT_EQ(pose_along(three, 0.5), b);  // each move takes half the time
  EXPECT_EQ(pose_along(three, 1), c);
  EXPECT_DOUBLE_EQ(pose_along(three, 0.25).angle(Joint::hip), 45);
  EXPECT_DOUBLE_EQ(pose_along(three, 0.75).angle(Joint::hip), 60);
  EXPECT_EQ(moving_joints(a, b), (std::vector<Joint>{Joint::lumbar, Joint::hip}));
}

TEST(Pose, SupportRulesCatchAFigureThatWouldNotRestOnItsSurface) {
  EXPECT_EQ(check_support(hook_lying(), View::side, Surface::bed), std::nullopt);

  // Kneeling is not standing: a knee on the floor.
  Pose kneel;
  kneel.set(Joint::hip, 90, 0);
  kneel.set(Joint::knee, 90, 90);
  kneel.set(Joint::ankle, 0, -70);
  EXPECT_EQ(check_support(kneel, View::side, Surface::floor), std::nullopt);
  const auto on_knee = check_support(kneel, View::side, Surface::standing);
  ASSERT_TRUE(on_knee.has_value());
  EXPECT_NE(on_knee->value.find("knee"), std::string::npos) << on_knee->value;

  // Leaning forward from the ankles, stiff as a plank, with nothing to hold: it topples.
  Pose topple;
  topple.set(Joint::pelvis, 25, 25);
  topple.set(Joint::ankle, 25, 25);
  const auto falls = check_support(topple, View::side, Surface::standing);
  ASSERT_TRUE(falls.has_value());
  EXPECT_NE(falls->allowed.find("topple"), std::string::npos) << falls->allowed;

  // A wall is leant on with a forearm or a hand, not the shoulder.
  Pose lean;
  lean.set(Joint::pelvis, 10, 10);
  lean.set(Joint::hip, 10, -10);  // the legs straight down
  const auto no_hand = check_support(lean, View::front, Surface::wall);
  ASSERT_TRUE(no_hand.has_value());
  EXPECT_EQ(no_hand->value, "touching the wall: neck, shoulder");
  EXPECT_NE(no_hand->allowed.find("forearm"), std::string::npos);

  // A chair: sitting on the seat with the feet on the floor, or standing by it.
  Pose sit;
  sit.set(Joint::hip, 90, 90);
  sit.set(Joint::knee, 100, 100);
  sit.set(Joint::ankle, 10, 10);
  EXPECT_EQ(check_support(sit, View::side, Surface::chair), std::nullopt);
  EXPECT_GT(figure_of(sit, View::side, Surface::chair).seat_height, 0.18);
  EXPECT_TRUE(check_support(sit, View::side, Surface::standing).has_value());  // nothing under the hips
}

TEST(Pose, EveryBuiltInExerciseHasPosesThatRestOnItsSurface) {
  ASSERT_EQ(builtin().exercises().size(), 31U);
  for (const Exercise& e : builtin().exercises()) {
    ASSERT_GE(e.poses.size(), 2U) << e.id;
    for (const Pose& p : e.poses) EXPECT_EQ(check_support(p, e.view, e.surface), std::nullopt) << e.id;
    // The tag and the poses agree: only flexion_load exercises flex the low back far.
    if (!e.has(ExerciseTag::flexion_load)) {
      EXPECT_LE(e.lumbar_flexion().first, kMorningLumbarFlexion) << e.id;
    }
  }
  // A knee-to-chest stretch shows the flexion its tag says.
  EXPECT_GT(builtin().exercise("double_knee_to_chest")->lumbar_flexion().first, kMorningLumbarFlexion);
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(FigureSvg, DrawsEachPoseOnItsSurfaceWithTheMovingPartsMarkedAndTheStepsAsItsText) {
  const Exercise& bridge = *builtin().exercise("glute_bridge");
  const std::string svg = figure_svg(bridge);
  EXPECT_EQ(count(svg, "<g class=\"pose\""), bridge.poses.size());
  EXPECT_EQ(count(svg, "data-part=\"thigh-near\""), bridge.poses.size());
  EXPECT_EQ(count(svg, "data-part=\"head\""), bridge.poses.size());
  EXPECT_NE(svg.find("<title id=\"title\">Glute bridge: 2 poses, start to end</title>"), std::string::npos);
  EXPECT_NE(svg.find(bridge.steps.front()), std::string::npos);  // the text alternative
  // The bridge lifts the hips: the pelvis and hips move, the elbows do not.
  EXPECT_NE(svg.find("data-part=\"pelvis\" class=\"near moving\""), std::string::npos);
  EXPECT_NE(svg.find("data-part=\"forearm-near\" class=\"near\""), std::string::npos);
  // Seen from the front, the figure has shoulders and hips across.
  EXPECT_EQ(count(figure_svg(*builtin().exercise("side_bridge_full")), "data-part=\"hips-near\""), 2U);
  // Every built-in exercise draws; the segments join up at the joints.
  for (const Exercise& e : builtin().exercises()) {
    const Figure f = figure_of(e.poses.front(), e.view, e.surface);
    const auto segments = figure_segments(f, e.view);
    EXPECT_EQ(segments.size(), e.view == View::side ? 14U : 18U) << e.id;
    EXPECT_NE(figure_svg(e).find("</svg>"), std::string::npos) << e.id;
  }
}

// ---- the loader's rules, one failing example each -----------------------

constexpr std::string_view kProgram = R"(id = "pp"
name = "P"
summary = "S"
[[stage]]
name = "S"
goal = "G"
[stage.morning]
title = "M"
intro = "I"
[[stage.morning.item]]
exercise = "{morning}"
[stage.evening]
title = "E"
intro = "I"
[[stage.evening.item]]
exercise = "move"
[flare]
title = "F"
intro = "I"
[[flare.item]]
exercise = "move"
)";

// An exercise "move" whose figure is `figure` (surface, tags and [[pose]]s).
std::string move_exercise(std::string_view figure) {
  return fmt::format(R"(id = "move"
name = "Move"
summary = "A movement."
kind = "mobility"
position = "floor"
sides = "both"
muscles = ["multifidus"]
steps = ["Move."]
cues = ["Slowly."]
cautions = ["Careful."]
source = "test"
{}
[dose]
reps = 6
)",
                     figure);
}

std::vector<std::string> figure_problems(std::string_view figure, std::string_view morning = "move") {
  std::string program(kProgram);
  program.replace(program.find("{morning}"), 9, morning);
  const std::vector<ContentFile> files{{"exercises/move.toml", move_exercise(figure)}, {"programs/p.toml", program}};
  const auto loaded = load_content(files, "c/");
  std::vector<std::string> out;
  if (!loaded) {
    for (const auto& e : loaded.error()) out.push_back(e.text());
  }
  return out;
}

constexpr std::string_view kHook = R"(surface = "bed"
[[pose]]
pelvis = -90
hip = 50
knee = 110
ankle = -30
)";

TEST(PoseLoader, AcceptsAFigureWithTwoPosesWhereEachListsWhatChanges) {
  EXPECT_EQ(figure_problems(std::string(kHook) + "[[pose]]\nhip = [60, 50]\n"), std::vector<std::string>{});
}

TEST(PoseLoader, NeedsASurfaceAndAtLeastTwoPoses) {
  EXPECT_EQ(figure_problems(""),
            (std::vector<std::string>{
                "c/exercises/move.toml:1:1: surface: missing; allowed: one of: bed, floor, chair, "
                "wall, standing",
                "c/exercises/move.toml:1:1: pose: missing; allowed: a list of tables ([[pose]])",
                "c/programs/p.toml:11:12: stage[0].morning.item[0].exercise: 'move' is not allowed; "
                "allowed: an exercise without errors (fix its file first)",
                "c/programs/p.toml:16:12: stage[0].evening.item[0].exercise: 'move' is not allowed; "
                "allowed: an exercise without errors (fix its file first)",
                "c/programs/p.toml:21:12: flare.item[0].exercise: 'move' is not allowed; allowed: an "
                "exercise without errors (fix its file first)",
            }));
  const auto one = figure_problems(kHook);
  ASSERT_FALSE(one.empty());
  EXPECT_EQ(one[0],
            "c/exercises/move.toml:13:1: pose: '1 [[pose]] table' is not allowed; allowed: 2 to 8 [[pose]] tables: the "
            "start, "
            "any poses on the way, and the end");
}

TEST(PoseLoader, JointAnglesStayWithinHumanRanges) {
  const auto p = figure_problems(std::string(kHook) + "[[pose]]\nknee = 170\n");
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0],
            "c/exercises/move.toml:19:8: pose[1].knee: '170' is not allowed; allowed: 0 to 150 degrees (knee "
            "flexion, from straight, seen from the side), or a list [near, far] of two such angles");
  const auto trunk = figure_problems(std::string(kHook) + "[[pose]]\nlumbar = [10, 20]\n");
  ASSERT_FALSE(trunk.empty());
  EXPECT_EQ(trunk[0],
            "c/exercises/move.toml:19:10: pose[1].lumbar: 'a list of 2' is not allowed; allowed: -30 to 60 degrees "
            "(lumbar flexion, extension negative, seen from the side)");
  const auto side = figure_problems("view = \"front\"\n" + std::string(kHook) + "[[pose]]\nhip = [90, 0]\n");
  ASSERT_GE(side.size(), 2U);
  EXPECT_NE(side[1].find("pose[1].hip: '90' is not allowed; allowed: -30 to 60 degrees (hip abduction"),
            std::string::npos)
      << ::testing::PrintToString(side);
}

TEST(PoseLoader, TheFigureRestsOnItsSurface) {
  const auto p = figure_problems(R"(surface = "standing"
[[pose]]
hip = [90, 0]
knee = 90
ankle = [0, -70]
[[pose]]
hip = [80, 0]
)");
  ASSERT_EQ(p.size(), 5U) << ::testing::PrintToString(p);  // both poses, and the routines that use it
  EXPECT_EQ(p[0],
            "c/exercises/move.toml:13:1: pose[0]: 'touching the floor: knee, heel, toe' is not allowed; allowed: a "
            "figure on its feet (standing): only the feet touch the floor");
}

TEST(PoseLoader, TheMorningRuleIsReadFromTheLumbarAngleTooSoTagAndPoseMustAgree) {
  // Mis-tagged: knees to chest flexes the low back 40 degrees, but no flexion_load tag.
  const std::string hug = std::string(kHook) + "[[pose]]\npelvis = -115\nlumbar = 40\nhip = 115\nknee = 120\n";
  const auto p = figure_problems(hug);
  ASSERT_EQ(p.size(), 3U) << ::testing::PrintToString(p);
  EXPECT_EQ(p[0],
            "c/exercises/move.toml:20:10: pose[1].lumbar: '40' is not allowed; allowed: at most 30 degrees in an "
            "exercise not tagged flexion_load: more is end-range lumbar flexion, so tag the exercise flexion_load "
            "(the tag and the poses must agree)");
  // The morning routine refuses it too, from its poses; the evening does not.
  EXPECT_EQ(p[1],
            "c/programs/p.toml:11:12: stage[0].morning.item[0].exercise: 'move' is not allowed; allowed: an exercise "
            "whose poses flex the lumbar spine at most 30 degrees ('move' pose[1] flexes it 40): morning and "
            "flare-day routines have no loaded or end-range lumbar flexion, because discs are fullest in the first "
            "hours after waking (clinical.md; Adams 1987, Snook 1998)");
  EXPECT_NE(p[2].find("flare.item[0].exercise"), std::string::npos);

  // Tagged as it should be, it is an evening exercise only: the morning names the tag.
  const auto tagged = figure_problems("tags = [\"flexion_load\"]\n" + hug);
  ASSERT_EQ(tagged.size(), 2U) << ::testing::PrintToString(tagged);
  EXPECT_NE(tagged[0].find("an exercise not tagged flexion_load"), std::string::npos);
  // Within the limit, the morning takes it.
  EXPECT_EQ(figure_problems(std::string(kHook) + "[[pose]]\npelvis = -100\nlumbar = 10\nhip = 40\n"),
            std::vector<std::string>{});
}

}  // namespace
}  // namespace daybreak
