// The decision sentences as golden files: one worked example per reason a
// decision can give, with the built-in content's ladders for the level
// changes. DAYBREAK_UPDATE_GOLDEN=1 rewrites tests/unit/progression_golden/;
// read the diff: these are the words people see.
#include "progression/sentence.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "content/library_loader.hpp"
#include "support/fixtures.hpp"
#include "unit/builtin.hpp"

namespace daybreak {
namespace {

using testing::ymd;

const std::filesystem::path kGolden =
    std::filesystem::path(__FILE__).parent_path() / "progression_golden" / "sentences.txt";

using testing::builtin;

// Tuesday 10 November 2026's morning session; baseline pain 4, stiffness 30 min.
DecisionInputs tuesday() {
  DecisionInputs in;
  in.routine = RoutineKind::morning;
  in.session_date = ymd(2026, 11, 10);
  in.sessions = 1;
  in.baseline = {7, 4.0, 7, 30.0, ymd(2026, 11, 4), ymd(2026, 11, 10)};
  in.next_morning = MorningReading{ymd(2026, 11, 11), 3, 25, false};
  in.pain_during = 3;
  return in;
}

struct Example {
  std::string name;
  DecisionInputs in;
  ExerciseLevels levels;  // of glute_bridge and single_leg_bridge, before the decision
};

std::vector<Example> examples() {
  std::vector<Example> out;
  const auto add = [&](std::string name, auto change, ExerciseLevels levels = {}) {
    DecisionInputs in = tuesday();
    change(in);
    out.push_back({std::move(name), std::move(in), std::move(levels)});
  };
  add("step up: two good sessions in a row", [](DecisionInputs& in) { in.good_sessions_before = 1; });
  add("step up: onto the harder exercise", [](DecisionInputs& in) { in.good_sessions_before = 1; },
      {{"glute_bridge", 4}});
  add("good once", [](DecisionInputs&) {});
  add("too soon after the last step up", [](DecisionInputs& in) {
    in.good_sessions_before = 1;
    in.last_step_up = ymd(2026, 11, 8);
  });
  add("at the top of the ladder", [](DecisionInputs& in) { in.good_sessions_before = 1; },
      {{"glute_bridge", 5}, {"single_leg_bridge", 4}});
  add("above baseline, below the step back", [](DecisionInputs& in) { in.next_morning->pain = 5; });
  add("stiffness above baseline, below the step back",
      [](DecisionInputs& in) { in.next_morning->stiffness_minutes = 45; });
  add("stiffness not timed", [](DecisionInputs& in) { in.next_morning->stiffness_minutes.reset(); });
  add("stiffness still easing", [](DecisionInputs& in) { in.next_morning->still_stiff = true; });
  add("no next morning", [](DecisionInputs& in) { in.next_morning.reset(); });
  add("no baseline", [](DecisionInputs& in) {
    in.baseline = {2, std::nullopt, 2, std::nullopt, ymd(2026, 11, 9), ymd(2026, 11, 10)};
  });
  add("step back: a bad morning", [](DecisionInputs& in) { in.next_morning->pain = 6; }, {{"glute_bridge", 3}});
  add("step back: pain and stiffness",
      [](DecisionInputs& in) {
        in.next_morning->pain = 7;
        in.next_morning->stiffness_minutes = 75;
      },
      {{"glute_bridge", 3}});
  add("step back: from the harder exercise", [](DecisionInputs& in) { in.next_morning->pain = 6; },
      {{"glute_bridge", 5}});
  add("step back: at the gentlest level", [](DecisionInputs& in) { in.next_morning->pain = 6; });
  add("step back: pain during",
      [](DecisionInputs& in) {
        in.pain_during = 7;
        in.painful_exercises = {"glute_bridge"};
      },
      {{"glute_bridge", 2}});
  add("step back: stopped for pain", [](DecisionInputs& in) { in.stopped_for_pain = true; }, {{"glute_bridge", 2}});
  add("step back: pain after", [](DecisionInputs& in) { in.pain_after = 6; }, {{"glute_bridge", 2}});
  add("step back: a rising week",
      [](DecisionInputs& in) {
        in.weekly = WeeklyCheck{ymd(2026, 11, 11), 7, 7, 4.3, 3.6, std::nullopt, std::nullopt, true, false};
      },
      {{"glute_bridge", 2}});
  add("paused by safety", [](DecisionInputs& in) {
    in.progression_allowed = false;
    in.safety_note = "fever, or feeling hot and shivery, reported on Tuesday 24 November 2026";
  });
  return out;
}

// What decide_progression does with a verdict, for a routine of one exercise:
// the verdict after the ladder, and the level changes.
std::pair<RuleVerdict, std::vector<LevelChange>> decided(const Example& ex) {
  const ProgressionConfig config;
  RuleVerdict v = decide(ex.in, config);
  const RoutineItem item{"glute_bridge", {}, {}};
  std::vector<LevelChange> changes;
  if (v.verdict == Verdict::step_up || v.verdict == Verdict::step_back) {
    auto c =
        v.verdict == Verdict::step_up ? step_up(builtin(), item, ex.levels) : step_back(builtin(), item, ex.levels);
    if (c) changes.push_back(*c);
    if (!c && v.verdict == Verdict::step_up) v = {Verdict::repeat, {Why::at_top}, 0, false, false};
    if (!c && v.verdict == Verdict::step_back) v.reasons.insert(Why::at_bottom);
  }
  return {v, changes};
}

std::string sentence_of(const Example& ex) {
  const auto [v, changes] = decided(ex);
  return decision_sentence(ex.in, v, changes, ProgressionConfig{}, builtin());
}

// The decision as the store keeps it, and as the clinician report words it.
std::string clinician_sentence_of(const Example& ex, DiaryNumbers numbers = DiaryNumbers::shown) {
  const auto [v, changes] = decided(ex);
  DecisionRecord d;
  d.program = "daybreak";
  d.kind = DecisionKind::rule;
  d.routine = ex.in.routine;
  d.date = ex.in.session_date;
  d.verdict = v.verdict;
  d.reasons = v.reasons;
  d.inputs = decision_inputs_to_json(ex.in).dump();
  d.changes = changes;
  d.offer_flare = v.offer_flare;
  d.state.good_sessions = v.good_sessions_after;
  d.sentence = decision_sentence(ex.in, v, changes, ProgressionConfig{}, builtin());
  return clinician_decision_sentence(d, builtin().default_program(), ProgressionConfig{}, builtin(), numbers);
}

void match_golden(const std::filesystem::path& golden_file, const std::string& rendered) {
  if (const char* update = std::getenv("DAYBREAK_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::filesystem::create_directories(golden_file.parent_path());
    std::ofstream(golden_file) << rendered;
  }
  std::ifstream in(golden_file);
  ASSERT_TRUE(in) << golden_file << " is missing; run with DAYBREAK_UPDATE_GOLDEN=1";
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(rendered, golden.str());
}

TEST(ProgressionSentences, MatchTheGoldenFile) {
  std::string rendered;
  for (const Example& ex : examples()) rendered += "# " + ex.name + "\n" + sentence_of(ex) + "\n\n";
  match_golden(kGolden, rendered);
}

// The clinician report took the person's sentence ("your usual is 4, and you
// felt at most 3/10"): it has its own, in the third person, from the same
// stored numbers; the golden file is what clinicians read.
TEST(ProgressionSentences, ForAClinicianSpeakOfThePersonAndMatchTheirGoldenFile) {
  std::string rendered;
  const std::regex you("\\b(you|your|yours|yourself)\\b", std::regex::icase);
  for (const Example& ex : examples()) {
    const std::string sentence = clinician_sentence_of(ex);
    EXPECT_FALSE(std::regex_search(sentence, you)) << ex.name << ": " << sentence;
    rendered += "# " + ex.name + "\n" + sentence + "\n\n";
  }
  match_golden(kGolden.parent_path() / "clinician_sentences.txt", rendered);
}

// A clinician shown the program but not the diary read the mornings'
// numbers in the decisions: without the diary, a decision says its verdict,
// routine and level changes, and nothing of pain, stiffness or a baseline.
TEST(ProgressionSentences, ForAClinicianWithoutTheDiaryHoldNoneOfItsNumbers) {
  std::string rendered;
  const std::regex diary("\\b(you|your|pain|stiffness|baseline|mornings|next-morning)\\b|\\d+/10", std::regex::icase);
  for (const Example& ex : examples()) {
    const std::string sentence = clinician_sentence_of(ex, DiaryNumbers::withheld);
    EXPECT_FALSE(std::regex_search(sentence, diary)) << ex.name << ": " << sentence;
    EXPECT_NE(sentence.find(fmt::format("after the {} session", name_of(ex.in.routine))), std::string::npos)
        << ex.name << ": " << sentence;
    rendered += "# " + ex.name + "\n" + sentence + "\n\n";
  }
  match_golden(kGolden.parent_path() / "clinician_sentences_without_diary.txt", rendered);
}

// Decisions other than the rule's: set by hand (by the person or by a
// clinician, with a note), a stage confirmed, brought in with a diary.
TEST(ProgressionSentences, ForAClinicianSayWhoSetALevelOrAStage) {
  const Program& program = builtin().default_program();
  DecisionRecord level;
  level.kind = DecisionKind::override;
  level.verdict = Verdict::set;
  level.changes = {LevelChange{"glute_bridge", 2, 3, "Glute bridge: reps go from 8 to 10"}};
  level.note = "after the review";
  level.author = DecisionAuthor{std::nullopt, "Dr Ana Ruiz"};
  EXPECT_EQ(clinician_decision_sentence(level, program, {}, builtin()),
            "Level set by hand by Dr Ana Ruiz: Glute bridge: reps go from 8 to 10 (note: after the review).");
  DecisionRecord stage;
  stage.kind = DecisionKind::stage;
  stage.verdict = Verdict::set;
  stage.stage = 2;
  stage.inputs = R"({"from": 1, "to": 2})";
  EXPECT_EQ(clinician_decision_sentence(stage, program, {}, builtin()),
            fmt::format("Stage set by hand by the person: stage 2 (\u201c{}\u201d) in place of stage 1.",
                        program.stage(2).name));
  stage.verdict = Verdict::move;
  EXPECT_EQ(clinician_decision_sentence(stage, program, {}, builtin()),
            fmt::format("The person confirmed the move to stage 2 (\u201c{}\u201d).", program.stage(2).name));
}

TEST(ProgressionSentences, NumbersReadAsPeopleWriteThem) {
  EXPECT_EQ(number_text(4.0), "4");
  EXPECT_EQ(number_text(3.5), "3.5");
  EXPECT_EQ(number_text(25.0 / 7.0), "3.6");
  EXPECT_EQ(weekday_name(ymd(2026, 11, 10)), "Tuesday");
}

}  // namespace
}  // namespace daybreak
