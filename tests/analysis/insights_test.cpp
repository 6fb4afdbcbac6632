// Insights on synthetic diaries with known structure: a planted shift, a
// planted trend, planted factor effects, autocorrelated noise with nothing in
// it. The right statements must come out, and the wrong ones must not.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "analysis/insights.hpp"
#include "analysis/insights_json.hpp"
#include "synthetic_diary.hpp"

namespace daybreak::analysis {
namespace {

using testing::berlin;
using testing::SyntheticDiary;
using testing::ymd;

Insights run(const SyntheticDiary& d, std::optional<std::vector<RoutineSession>> sessions = std::nullopt) {
  const auto entries = d.build();
  return build_insights(entries, d.start, add_days(d.start, d.days - 1), berlin(), sessions,
                        {add_days(d.start, d.days)});
}

const MeasureOutlook& pain_outlook(const Insights& in) {
  EXPECT_EQ(in.outlook.front().measure, MorningMeasure::pain);
  return in.outlook.front();
}

const Comparison& comparison(const Insights& in, std::string_view key, std::string_view level) {
  const Comparison* c = find_comparison(in.factors, key, level);
  EXPECT_NE(c, nullptr) << key << " " << level;
  static const Comparison none;
  return c != nullptr ? *c : none;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

TEST(Insights, APlantedShiftIsFoundAndSaidInWordsAndNumbers) {
  SyntheticDiary d;
  d.days = 200;
  d.seed = 11;
  d.ar = 0.4;
  d.noise_sd = 0.9;
  d.level = [](int i) { return i < 100 ? 3.0 : 5.0; };
  const Insights in = run(d);
  const ShiftHistory& h = pain_outlook(in).history;
  ASSERT_TRUE(h.enough);
  ASSERT_EQ(h.shifts.size(), 1U);
  EXPECT_NEAR(days_between(d.start, h.shifts[0].first_day), 100, 7);
  EXPECT_NEAR(h.shifts[0].before, 3.0, 0.4);
  EXPECT_NEAR(h.shifts[0].after, 5.0, 0.4);
  const auto lines = describe_shifts(pain_outlook(in));
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_TRUE(contains(lines[0], "your mornings shifted: morning pain went from about 3.")) << lines[0];
  EXPECT_TRUE(contains(lines[0], "to about 5.")) << lines[0];
  EXPECT_TRUE(contains(lines[0], "(worse)")) << lines[0];
}

// Issue 15.11: "No lasting shift in morning stiffness ... it has stayed around
// 27 minutes" on a diary whose stiffness rose from 21 to 33 minutes.
TEST(Insights, NoShiftBelowFifteenMinutesNeverClaimsStiffnessStayedTheSame) {
  MeasureOutlook o;
  o.measure = MorningMeasure::stiffness_minutes;
  ShiftHistory& h = o.history;
  h.enough = true;
  h.mornings = 60;
  h.min_shift = 15.0;
  h.segments = {MeanSegment{0, 60, 27.0}};
  h.first_mean = 21.0;
  h.last_mean = 33.0;
  const auto lines = describe_shifts(o);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0],
            "No shift of 15 minutes or more in morning stiffness across 60 mornings: about 21 minutes in the first "
            "two weeks, about 33 minutes in the last two.");
  h.last_mean = 21.2;
  EXPECT_TRUE(contains(describe_shifts(o)[0], "about 21 minutes in the first two weeks and in the last two"))
      << describe_shifts(o)[0];
}

// Found from outside: six weeks falling from 7 to 3 read "falling by about
// 3.0 points a month ... from about 7.1 to about 2.9", then "No shift of 1
// point or more in morning pain across 42 mornings: about 6.7 in the first
// two weeks, about 4.0 in the last two", as if the two disagreed. The shift
// search kept one level (its noise estimate held the trend, so a line did
// not pay); when the trend over the same mornings is a steady one, the
// sentence now says the mornings changed gradually.
TEST(Insights, ASteadyFallReadAsNoShiftOfOnePointBetweenEndsThreePointsApart) {
  MeasureOutlook o;
  o.measure = MorningMeasure::pain;
  o.trend.enough = true;
  o.trend.mornings = 42;
  o.trend.slope.slope = -0.1;
  o.trend.slope.lower = -0.11;
  o.trend.slope.upper = -0.07;
  o.trend.test.p_value = 0.0001;
  ShiftHistory& h = o.history;
  h.enough = true;
  h.mornings = 42;
  h.min_shift = 1.0;
  h.segments = {MeanSegment{0, 42, 5.4}};
  h.first_mean = 6.7;
  h.last_mean = 4.0;
  EXPECT_EQ(describe_shifts(o).at(0),
            "No shift of 1 point or more in morning pain across 42 mornings: about 6.7 in the first two weeks, "
            "about 4.0 in the last two; they changed gradually, as the steady fall above says, not in a sudden "
            "shift.");
  // Not when the trend is over other mornings (the last 12 weeks of years),
  // nor when it is not a steady one.
  o.trend.mornings = 84;
  EXPECT_FALSE(contains(describe_shifts(o).at(0), "gradually")) << describe_shifts(o).at(0);
  o.trend.mornings = 42;
  o.trend.test.p_value = 0.2;
  EXPECT_FALSE(contains(describe_shifts(o).at(0), "gradually")) << describe_shifts(o).at(0);
}

// 120 days with a night entry each; a knee pillow every other night. The
// other nights say "none" when `say_none`, else leave the pillows blank.
Insights knee_pillow_diary(bool say_none) {
  SyntheticDiary d;
  d.days = 120;
  d.log_temperature = true;  // a night entry every day
  auto entries = d.build();
  int night = 0;
  for (auto& e : entries) {
    if (e.period != Period::night) continue;
    if (night++ % 2 == 0) {
      e.fields.pillows = std::vector<std::string>{"knee pillow"};
    } else if (say_none) {
      e.fields.pillows = std::vector<std::string>{};
    }
  }
  return build_insights(entries, d.start, add_days(d.start, d.days - 1), berlin(), std::nullopt,
                        {add_days(d.start, d.days)});
}

// Issue 15.10: a knee pillow logged only on the nights it was used had one
// level, got no row and no reason, and vanished from the insights.
TEST(Insights, AFactorLoggedWithOneLevelOnlySaysWhyItCannotBeCompared) {
  const Insights in = knee_pillow_diary(false);
  const Comparison* c = find_comparison(in.factors, "pillows", "knee pillow");
  ASSERT_NE(c, nullptr) << "the pillow set-up has a row";
  EXPECT_FALSE(c->effect.has_value());
  EXPECT_GE(c->n, 50U);
  EXPECT_TRUE(contains(c->withheld, "nothing to compare it with")) << c->withheld;
  EXPECT_TRUE(contains(c->withheld, "counts as unknown")) << c->withheld;
  EXPECT_TRUE(contains(describe_comparison(in.factors, *c), "Pillow set-up 'knee pillow': no number shown"))
      << describe_comparison(in.factors, *c);
}

// Issue 15.10, the other half: with the nights without the pillow said
// ("none"), the pillow is compared with them and gets a number.
TEST(Insights, AKneePillowIsComparedWithTheNightsWithoutIt) {
  const Insights in = knee_pillow_diary(true);
  const Comparison* c = find_comparison(in.factors, "pillows", "knee pillow");
  if (c == nullptr) c = find_comparison(in.factors, "pillows", "none");
  ASSERT_NE(c, nullptr) << "the pillow set-up has a row";
  EXPECT_TRUE(c->withheld.empty()) << c->withheld;
  EXPECT_TRUE(c->effect.has_value());
  EXPECT_TRUE(c->other == "none" || c->other == "knee pillow") << c->other;
}

// Issue 15.12: whole-point scores that tie gave "0.0 points a month (95%
// interval 0.0 to 0.0)", which reads as certainty.
TEST(Insights, TiedWholePointScoresGiveATrendIntervalThatIsNotAPoint) {
  SyntheticDiary d;
  d.days = 84;
  d.seed = 5;
  d.ar = 0.5;
  d.noise_sd = 0.35;  // almost every morning a 4
  const Insights in = run(d);
  const Trend& t = pain_outlook(in).trend;
  ASSERT_TRUE(t.enough);
  EXPECT_TRUE(t.slope.resampled) << "Sen's interval was not a point on this diary: pick another";
  EXPECT_LT(t.slope.lower, t.slope.upper);
  EXPECT_LE(t.slope.lower, t.slope.slope);
  EXPECT_GE(t.slope.upper, t.slope.slope);
  const std::string text = describe_trend(pain_outlook(in));
  EXPECT_FALSE(contains(text, "interval 0.0 to 0.0")) << text;
  EXPECT_TRUE(contains(text, "from resampling the days")) << text;
}

// Issue 15.12: "unlikely to be chance (p = 0.01) ... this is an improvement"
// beside an interval that reached 0. The words follow the interval.
TEST(Insights, WhenTheTestAndTheIntervalDisagreeTheWordsFollowTheInterval) {
  MeasureOutlook o;
  o.measure = MorningMeasure::pain;
  Trend& t = o.trend;
  t.from = ymd(2026, 9, 1);
  t.to = ymd(2026, 11, 23);
  t.mornings = 80;
  t.enough = true;
  t.test.p_value = 0.01;
  t.slope.slope = -0.02;
  t.slope.lower = -0.04;
  t.slope.upper = 0.0;
  const std::string text = describe_trend(o);
  EXPECT_TRUE(contains(text, "no clear trend")) << text;
  EXPECT_TRUE(contains(text, "not counted as a trend")) << text;
  EXPECT_FALSE(contains(text, "unlikely to be chance")) << text;
  EXPECT_FALSE(contains(text, "improvement")) << text;
  t.slope.upper = -0.005;  // the interval excludes 0: now it is a trend
  EXPECT_TRUE(contains(describe_trend(o), "an improvement")) << describe_trend(o);
}

// Found from outside: 14 mornings from 6 down to 3 were "no clear trend. The
// best estimate is -3.8 points a month (95% interval -7.3 to -0.7 ...), which
// is compatible with no change (p = 0.06)": an interval that excludes 0 was
// called compatible with no change. Both must agree for a trend, and when the
// interval leans and the test does not, the words say so.
TEST(Insights, AnIntervalExcludingZeroWasCalledCompatibleWithNoChange) {
  MeasureOutlook o;
  o.measure = MorningMeasure::pain;
  Trend& t = o.trend;
  t.from = ymd(2026, 11, 9);
  t.to = ymd(2026, 12, 5);
  t.mornings = 14;
  t.enough = true;
  t.test.p_value = 0.063;
  t.slope.slope = -0.125;
  t.slope.lower = -0.244;
  t.slope.upper = -0.023;
  t.slope.resampled = true;
  const std::string text = describe_trend(o);
  EXPECT_TRUE(contains(text, "no clear trend")) << text;
  EXPECT_FALSE(contains(text, "compatible with no change")) << text;
  EXPECT_TRUE(contains(text, "leaning towards a fall")) << text;
  EXPECT_TRUE(contains(text, "does not find it steady enough to rule out chance (p = 0.06")) << text;
  EXPECT_TRUE(contains(text, "not counted as a trend")) << text;
  EXPECT_FALSE(contains(text, "improvement")) << text;
  t.slope.upper = 0.01;  // the interval reaches 0: both agree there is no trend
  EXPECT_TRUE(contains(describe_trend(o), "compatible with no change (p = 0.06")) << describe_trend(o);
}

// Issue 15.14: a factor that "stands out" printed "95% interval 0.0 to +1.2".
TEST(Insights, AnIntervalThatExcludesZeroIsPrintedSoThatItShows) {
  EXPECT_EQ(interval_text(0.4, 1.2), "95% interval +0.4 to +1.2");
  EXPECT_EQ(interval_text(0.03, 1.2), "95% interval +0.03 to +1.20");
  EXPECT_EQ(interval_text(-1.24, -0.004), "95% interval -1.240 to -0.004");
  EXPECT_EQ(interval_text(0.0001, 0.9), "95% interval 0.000 to +0.900, just excluding 0");
  EXPECT_EQ(interval_text(-0.02, 0.8), "95% interval 0.0 to +0.8");  // includes 0: one decimal is honest
  EXPECT_EQ(interval_text(-0.6, 0.8), "95% interval -0.6 to +0.8");
}

std::size_t segment_mornings(const ShiftHistory& h) {
  std::size_t n = 0;
  for (const std::size_t m : h.segment_mornings) n += m;
  return n;
}

TEST(Insights, OverTwoYearsShiftsAreFoundInWeeklyMeansNearTheRightWeek) {
  SyntheticDiary d;
  d.start = ymd(2020, 1, 6);  // a Monday
  d.days = 1500;
  d.seed = 7;
  d.ar = 0.5;
  d.noise_sd = 1.0;
  d.level = [](int i) { return i < 600 ? 5.0 : (i < 1100 ? 3.0 : 4.5); };
  const Insights in = run(d);
  const ShiftHistory& h = pain_outlook(in).history;
  ASSERT_TRUE(h.enough);
  EXPECT_TRUE(h.weekly);
  ASSERT_EQ(h.shifts.size(), 2U);
  EXPECT_NEAR(days_between(d.start, h.shifts[0].first_day), 600, 14);
  EXPECT_NEAR(days_between(d.start, h.shifts[1].first_day), 1100, 14);
  EXPECT_NEAR(h.shifts[0].before, 5.0, 0.4);
  EXPECT_NEAR(h.shifts[0].after, 3.0, 0.4);
  EXPECT_NEAR(h.shifts[1].after, 4.5, 0.4);
  // 214 full weeks and two days: the last two mornings are too few to make a
  // week's mean, so the segments hold every other morning. Weeks start on Mondays.
  EXPECT_EQ(segment_mornings(h), h.mornings - 2);
  for (const auto& s : h.shifts)
    EXPECT_EQ(std::chrono::weekday{std::chrono::sys_days{s.first_day}}, std::chrono::Monday);
  const auto lines = describe_shifts(pain_outlook(in));
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_TRUE(contains(lines[0], "In the week of ")) << lines[0];
  EXPECT_TRUE(contains(lines[0], "(better)")) << lines[0];
  EXPECT_TRUE(contains(lines[1], "(worse)")) << lines[1];
}

TEST(Insights, UpToTwoYearsAndInSparseLongDiariesShiftsAreSoughtDayByDay) {
  SyntheticDiary two_years;
  two_years.days = 700;
  two_years.level = [](int i) { return i < 350 ? 5.0 : 3.0; };
  const Insights two = run(two_years);
  const ShiftHistory& daily = pain_outlook(two).history;
  EXPECT_FALSE(daily.weekly);
  ASSERT_EQ(daily.shifts.size(), 1U);
  EXPECT_NEAR(days_between(two_years.start, daily.shifts[0].first_day), 350, 7);

  // Three mornings in four missing: most weeks hold fewer than three mornings.
  SyntheticDiary sparse;
  sparse.days = 4000;
  sparse.skip_morning = 0.75;
  sparse.level = [](int i) { return i < 2000 ? 5.0 : 3.0; };
  const Insights in = run(sparse);
  const ShiftHistory& h = pain_outlook(in).history;
  ASSERT_GT(h.mornings, kDailyShiftLimit);
  EXPECT_FALSE(h.weekly);
  EXPECT_EQ(segment_mornings(h), h.mornings);
  ASSERT_EQ(h.shifts.size(), 1U);
  EXPECT_NEAR(days_between(sparse.start, h.shifts[0].first_day), 2000, 30);
  EXPECT_TRUE(contains(describe_shifts(pain_outlook(in))[0], "Around ")) << describe_shifts(pain_outlook(in))[0];
}

TEST(Insights, AutocorrelatedNoiseAloneRarelyMakesAShiftOrATrend) {
  int shifts = 0;
  int trends = 0;
  constexpr int kSeries = 40;
  for (int seed = 1; seed <= kSeries; ++seed) {
    SyntheticDiary d;
    d.days = 365;
    d.seed = static_cast<std::uint64_t>(seed);
    d.ar = 0.7;
    d.noise_sd = 0.8;
    const Insights in = run(d);
    if (!pain_outlook(in).history.shifts.empty()) ++shifts;
    if (pain_outlook(in).trend.test.p_value < kTrendAlpha) ++trends;
  }
  // Simulations of the method (docs/insights.md) give about 2% false shifts;
  // the trend test's nominal rate is 5%. Allow for sampling error over 40 series.
  EXPECT_LE(shifts, 3);
  EXPECT_LE(trends, 6);
}

// Issue 15.13: with a penalty of 2 log(n) per shift, about 1 in 15 to 1 in 20
// diaries with no shift at all showed one. 60 seeded diaries of AR(0.5)
// noise, half a year each: fewer than 5% may show a shift (at most 2).
TEST(Insights, NoShiftDiariesWithAr05NoiseShowAFalseShiftInUnderFivePercent) {
  int shifts = 0;
  for (int seed = 1; seed <= 60; ++seed) {
    SyntheticDiary d;
    d.days = 180;
    d.seed = static_cast<std::uint64_t>(1000 + seed);
    d.ar = 0.5;
    d.noise_sd = 1.2;
    if (!pain_outlook(run(d)).history.shifts.empty()) ++shifts;
  }
  EXPECT_LE(shifts, 2) << shifts << " of 60 diaries with no shift showed one";
}

// The bug: morning pain falling steadily from 7 to 3 over 12 weeks was told
// as a staircase of shifts ("Around 3 Oct your mornings shifted: morning pain
// went from about 6 to about 5 (better)", and again), because the shifts were
// sought in levels only. A steady fall is the trend's sentence: no step. Over
// 20 such diaries, no more may show a shift than noise alone makes on 84
// mornings (about 5%, docs/insights.md); before, 17 of 20 did.
TEST(Insights, ASteadyLinearDeclineIsNotCalledShifts) {
  int with_shift = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    SyntheticDiary d;
    d.days = 84;
    d.seed = seed;
    d.ar = 0.5;
    d.noise_sd = 0.8;
    d.level = [](int i) { return 7.0 - 4.0 * i / 83.0; };
    const Insights in = run(d);
    bool shifted = false;
    for (const auto& o : in.outlook) {
      for (const auto& line : describe_shifts(o)) shifted = shifted || contains(line, "shifted");
    }
    if (shifted) ++with_shift;
    const MeasureOutlook& pain = pain_outlook(in);
    EXPECT_TRUE(contains(describe_trend(pain), "falling by about")) << describe_trend(pain);
    if (seed == 1) {
      EXPECT_FALSE(shifted);
      const auto lines = describe_shifts(pain);
      ASSERT_EQ(lines.size(), 1U);
      EXPECT_TRUE(contains(lines[0], "No shift of 1 point or more in morning pain across 84 mornings")) << lines[0];
      EXPECT_TRUE(contains(lines[0], "a gradual change fits these mornings better than a sudden shift")) << lines[0];
    }
  }
  EXPECT_LE(with_shift, 2) << with_shift << " of 20 steady declines were said to have shifted";
}

// Lines take the steady part: a step on top of a trend is still a shift,
// said between the levels either side of it.
TEST(Insights, AStepOnTopOfASteadyTrendIsStillAShift) {
  SyntheticDiary d;
  d.days = 365;
  d.seed = 3;
  d.ar = 0.3;
  d.noise_sd = 0.8;
  d.level = [](int i) { return 7.0 - 3.0 * i / 364.0 + (i < 180 ? 0.0 : 2.5); };
  const Insights in = run(d);
  const ShiftHistory& h = pain_outlook(in).history;
  ASSERT_EQ(h.shifts.size(), 1U);
  EXPECT_NEAR(days_between(d.start, h.shifts[0].first_day), 180, 10);
  EXPECT_NEAR(h.shifts[0].after - h.shifts[0].before, 2.5, 0.7);
  EXPECT_TRUE(std::any_of(h.segments.begin(), h.segments.end(), [](const auto& s) { return s.sloped(); }));
  const auto lines = describe_shifts(pain_outlook(in));
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_TRUE(contains(lines[0], "(worse)")) << lines[0];
}

// A fall that levels off, the usual course of a recovering back, is a bend:
// never a staircase of shifts, never a step back up where the fall ends.
TEST(Insights, AFallThatLevelsOffIsNeitherAStaircaseNorASetback) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    SyntheticDiary d;
    d.days = 240;
    d.seed = seed;
    d.ar = 0.5;
    d.noise_sd = 0.8;
    d.level = [](int i) { return i < 84 ? 7.0 - 4.0 * i / 84.0 : 3.0; };
    const Insights in = run(d);
    const ShiftHistory& h = pain_outlook(in).history;
    EXPECT_LE(h.shifts.size(), 1U) << "seed " << seed;
    for (const auto& s : h.shifts) EXPECT_LT(s.after, s.before) << "seed " << seed;
  }
}

TEST(Insights, AFallingTrendIsFoundWithItsSizeInsideTheInterval) {
  SyntheticDiary d;
  d.days = 84;
  d.seed = 5;
  d.ar = 0.3;
  d.noise_sd = 0.7;
  d.level = [](int i) { return 7.0 - i / 30.0; };  // one point a month better
  const Insights in = run(d);
  const Trend& t = pain_outlook(in).trend;
  ASSERT_TRUE(t.enough);
  EXPECT_LT(t.test.p_value, 0.01);
  EXPECT_LE(t.slope.lower * 30, -1.0);
  EXPECT_GE(t.slope.upper * 30, -1.0);
  const std::string text = describe_trend(pain_outlook(in));
  EXPECT_TRUE(contains(text, "falling by about")) << text;
  EXPECT_TRUE(contains(text, "an improvement")) << text;
}

TEST(Insights, APlantedFactorStandsOutAndANullOneDoesNot) {
  SyntheticDiary d;
  d.days = 240;
  d.seed = 3;
  d.back_share = 0.3;
  d.back_effect = 1.5;
  d.log_temperature = true;
  const Insights in = run(d);
  const Comparison& back = comparison(in, "sleep_position", "back");
  ASSERT_TRUE(back.effect);
  EXPECT_TRUE(back.stands_out);
  EXPECT_LT(back.effect->lower, 1.5);
  EXPECT_GT(back.effect->upper, 1.5);
  EXPECT_GT(back.effect->lower, 0.0);
  EXPECT_EQ(back.other, "left side");  // two levels: named, not "the rest"

  const Comparison& temperature = comparison(in, "room_temperature", "");
  ASSERT_TRUE(temperature.effect);
  EXPECT_FALSE(temperature.stands_out);
  EXPECT_TRUE(in.factors.factors[temperature.factor].exploratory);

  const auto sections = describe(in);
  const auto& factors = sections[2];
  ASSERT_EQ(factors.key, "factors");
  std::string all;
  for (const auto& b : factors.blocks) all += b.text + "\n";
  EXPECT_TRUE(contains(all, "Worth testing: mornings after nights with sleep position 'back' had pain")) << all;
  const auto suggests =
      std::find_if(factors.blocks.begin(), factors.blocks.end(), [](const Block& b) { return b.hint.has_value(); });
  ASSERT_NE(suggests, factors.blocks.end()) << all;
  EXPECT_TRUE(contains(suggests->text, "test it in a personal experiment")) << suggests->text;
  EXPECT_EQ(suggests->hint,
            Hint(HintAction::new_experiment, {{"a", "sleep position: back"}, {"b", "sleep position: left side"}}));
  EXPECT_TRUE(contains(all, "not causes")) << all;
  EXPECT_TRUE(contains(all, "exploratory: no study has linked them with back pain")) << all;
}

TEST(Insights, DayFieldsGoWithTheNextMorning) {
  // Walking lowers the next morning's pain; measured against the same
  // morning instead it would show nothing.
  SyntheticDiary d;
  d.days = 300;
  d.seed = 8;
  d.afternoons = 1.0;
  d.log_walking = true;
  d.walking_effect_per_30 = -0.8;
  d.ar = 0.3;
  const Insights in = run(d);
  const Comparison& walking = comparison(in, "walking_minutes", "");
  ASSERT_TRUE(walking.effect);
  EXPECT_LT(walking.effect->lower, -0.8);
  EXPECT_GT(walking.effect->upper, -0.8);
  EXPECT_TRUE(walking.stands_out);

  const auto entries = d.build();
  const DiarySeries series = build_series(entries, d.start, add_days(d.start, d.days - 1), berlin());
  const auto factors = diary_factors(series, std::nullopt);
  const auto it =
      std::find_if(factors.begin(), factors.end(), [](const auto& f) { return f.key == "walking_minutes"; });
  ASSERT_NE(it, factors.end());
  ASSERT_FALSE(it->points.empty());
  EXPECT_EQ(it->points.front().morning, add_days(d.start, 1));  // walked on day 0, the morning of day 1
}

TEST(Insights, NightFieldsGoWithTheSameDiaryDay) {
  SyntheticDiary d;
  d.days = 30;
  d.back_share = 0.5;
  const auto entries = d.build();
  const DiarySeries series = build_series(entries, d.start, add_days(d.start, d.days - 1), berlin());
  const auto factors = diary_factors(series, std::nullopt);
  EXPECT_EQ(factors.front().key, "sleep_position");
  EXPECT_EQ(factors.front().points.front().morning, d.start);
}

TEST(Insights, BelowTheMinimumSampleNoNumberIsShownAndTheReasonIsGiven) {
  SyntheticDiary d;
  d.days = 60;
  d.seed = 2;
  d.back_share = 0.08;
  d.back_effect = 3.0;
  const Insights in = run(d);
  const Comparison& back = comparison(in, "sleep_position", "back");
  ASSERT_LT(back.n, kMinMorningsPerLevel);
  EXPECT_FALSE(back.effect);
  EXPECT_EQ(back.withheld, fmt::format("only {} mornings (at least 10 needed)", back.n));
  const auto json = insights_to_json(in);
  bool found = false;
  for (const auto& c : json["factors"]["comparisons"]) {
    if (c["factor"] == "sleep_position" && c["level"] == "back") {
      found = true;
      EXPECT_TRUE(c["effect"].is_null());
      EXPECT_EQ(c["withheld"], back.withheld);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Insights, ManyNullFactorsAreHeldBackByTheFalseDiscoveryRate) {
  // 20 user factors of pure chance: unadjusted, about one would pass p < 0.05.
  SyntheticDiary d;
  d.days = 200;
  d.seed = 21;
  auto entries = d.build();
  testing::Random rng(99);
  for (auto& e : entries) {
    if (e.period != Period::morning) continue;
    for (int f = 0; f < 20; ++f)
      e.fields.factors.push_back({fmt::format("coin{:02}", f), rng.chance(0.5) ? "yes" : "no"});
  }
  const Insights in = build_insights(entries, d.start, add_days(d.start, d.days - 1), berlin(), std::nullopt,
                                     {add_days(d.start, d.days)});
  EXPECT_EQ(in.factors.tested, 20U);
  int standing_out = 0;
  for (const auto& c : in.factors.comparisons) {
    if (c.stands_out) ++standing_out;
    if (c.effect) {
      EXPECT_GE(c.q_value, c.effect->p_value);
    }
  }
  EXPECT_EQ(standing_out, 0);
}

TEST(Insights, MedicationMaskingIsComparedWithinDaysOfTheSameMorning) {
  // Doses only on bad mornings: a naive comparison says pain is higher after
  // medication; within days of the same morning pain it is lower, as planted.
  SyntheticDiary d;
  d.days = 365;
  d.seed = 4;
  d.afternoons = 1.0;
  d.medication_share = 0.25;
  d.medication_effect = -1.5;
  const Insights in = run(d);
  const MedicationMasking& m = in.whole_day.medication;
  EXPECT_EQ(m.names, std::vector<std::string>{"ibuprofen"});
  ASSERT_TRUE(m.difference);
  EXPECT_LT(m.difference->upper, 0.0);
  EXPECT_LT(m.difference->lower, -1.5);
  EXPECT_GT(m.difference->upper, -1.5);
}

TEST(Insights, PainThatStaysAfterTheMorningIsCounted) {
  SyntheticDiary d;
  d.days = 50;
  d.afternoons = 1.0;
  d.level = [](int) { return 6.0; };
  d.noise_sd = 0.3;
  const Insights in = run(d);
  EXPECT_EQ(in.whole_day.all_day.days, 50U);
  EXPECT_EQ(in.whole_day.all_day.pain_stayed, 50U);
  EXPECT_NEAR(in.whole_day.all_day.afternoon_mean.value_or(0), 4.5, 0.3);
  const auto text = describe(in)[0].blocks[1].text;
  EXPECT_TRUE(contains(text,
                       "Of the 50 days you logged the afternoon or evening as well, the pain had not gone after the "
                       "morning on 50 (100%)"))
      << text;
  EXPECT_TRUE(contains(text, "the pain is with you for much of the day")) << text;
}

// Found from outside: one day with an afternoon was read as "the pain is
// with you for much of the day"; a pattern now needs 10 such days.
TEST(Insights, OneDayOfTheWholeDayIsNoPattern) {
  SyntheticDiary d;
  d.days = 1;
  d.afternoons = 1.0;
  d.level = [](int) { return 6.0; };
  const Insights in = run(d);
  ASSERT_EQ(in.whole_day.all_day.days, 1U);
  const auto text = describe(in)[0].blocks[1].text;
  EXPECT_FALSE(contains(text, "much of the day")) << text;
  EXPECT_TRUE(contains(text, "With fewer than 10 such days, that says little yet.")) << text;
}

TEST(Insights, WithoutSessionDataAdherenceSaysSoPlainly) {
  SyntheticDiary d;
  d.days = 20;
  const Insights in = run(d);
  EXPECT_FALSE(in.adherence.has_sessions);
  EXPECT_TRUE(contains(describe(in)[3].blocks[0].text, "No guided sessions are recorded"));
  EXPECT_EQ(find_comparison(in.factors, "evening_routine", "yes"), nullptr);
}

TEST(Insights, SessionsGiveWeeklyCountsAndTheEveningRoutineComparison) {
  SyntheticDiary d;
  d.days = 120;
  d.seed = 6;
  auto entries = d.build();
  std::vector<RoutineSession> sessions;
  // The evening routine on odd days lowers the next morning by 1.5.
  for (int i = 0; i < d.days; ++i) {
    const LocalDate day = add_days(d.start, i);
    sessions.push_back({day, Routine::morning, true});
    if (i % 2 == 1) {
      sessions.push_back({day, Routine::evening, true});
      for (auto& e : entries) {
        if (e.date == add_days(day, 1) && e.period == Period::morning) {
          e.fields.pain = *PainScore::make(std::max(0, e.fields.pain.value() - 2));
        }
      }
    }
  }
  const Insights in =
      build_insights(entries, d.start, add_days(d.start, d.days - 1), berlin(), sessions, {add_days(d.start, d.days)});
  EXPECT_TRUE(in.adherence.has_sessions);
  EXPECT_EQ(in.adherence.completed, sessions.size());
  ASSERT_TRUE(in.adherence.per_week);
  EXPECT_NEAR(*in.adherence.per_week, 10.5, 1.0);
  EXPECT_EQ(in.adherence.recent.size(), kAdherenceWeeksShown);
  const Comparison* c = find_comparison(in.factors, "evening_routine", "yes");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->effect);
  EXPECT_LT(c->effect->upper, 0.0);
  EXPECT_TRUE(contains(describe(in)[3].blocks.back().text, "Mornings after days you did the evening routine"));
}

// The report's eight weeks showed 0/14 (0%) for every week before the
// person's first session: weeks they had not begun, read as weeks missed.
TEST(Insights, WeeksBeforeTheFirstSessionAreNotCountedAsMissed) {
  SyntheticDiary d;
  d.days = 60;
  const auto entries = d.build();
  const LocalDate to = add_days(d.start, d.days - 1);
  // One finished session, on the last day: the only week begun.
  const std::vector<RoutineSession> sessions{{to, Routine::morning, true}};
  const Insights in = build_insights(entries, d.start, to, berlin(), sessions, {add_days(to, 1)});
  ASSERT_EQ(in.adherence.recent.size(), 1U);
  EXPECT_EQ(in.adherence.recent[0].completed, 1);
  EXPECT_EQ(in.adherence.recent[0].days, 1);
  // One day is not a habit: no weekly rate from it, and the words say why.
  EXPECT_FALSE(in.adherence.per_week);
  std::string said;
  for (const auto& section : describe(in)) {
    for (const auto& b : section.blocks) said += b.text + "\n";
  }
  EXPECT_TRUE(contains(said, "1 session over the 1 day from 1 Mar 2026 to 1 Mar 2026: a weekly rate needs 7 days."))
      << said;
  // Begun before the range: every week of the range counts, missed or not.
  const std::vector<RoutineSession> earlier{{add_days(d.start, -30), Routine::morning, true},
                                            {to, Routine::morning, true}};
  const Insights all = build_insights(entries, d.start, to, berlin(), earlier, {add_days(to, 1)});
  EXPECT_EQ(all.adherence.recent.size(), kAdherenceWeeksShown);
  EXPECT_EQ(all.adherence.completed, 1U);
  ASSERT_TRUE(all.adherence.per_week);
  EXPECT_LT(*all.adherence.per_week, 0.2) << "nine weeks, one session";
}

// The adherence section as said: its text, then each table row's first three cells.
std::string adherence_words(const Insights& in) {
  std::string said;
  for (const auto& section : describe(in)) {
    if (section.key != "adherence") continue;
    for (const auto& b : section.blocks) {
      said += b.text + "\n";
      for (const auto& row : b.table) said += row.front() + " | " + row[1] + " | " + row[2] + "\n";
    }
  }
  return said;
}

// The report made at 09:00 on a Monday showed that week as "0/14, 0%", and
// "9.7 a week over 13 weeks" for 84 days whose first week had 6: the day
// just begun counted as missed, and the rate was over weeks, not days.
TEST(Insights, ADayNotOverIsNotCountedAndTheRateIsOverTheDaysCovered) {
  const LocalDate from = ymd(2026, 9, 1);  // a Tuesday
  const LocalDate to = ymd(2026, 11, 23);  // a Monday: the day the counts are made
  std::vector<RoutineSession> sessions;
  for (LocalDate day = from; day < to; day = add_days(day, 1)) {
    sessions.push_back({day, Routine::morning, true});
    if (days_between(from, day) % 2 == 0) sessions.push_back({day, Routine::evening, true});
  }
  sessions.push_back({to, Routine::morning, true});  // today's, so far
  DiarySeries series;
  series.from = from;
  series.to = to;
  const Adherence a = analyze_adherence(series, sessions, {to});
  EXPECT_EQ(a.completed, sessions.size());
  EXPECT_EQ(a.days, 83);
  EXPECT_EQ(a.counted, sessions.size() - 1);
  EXPECT_EQ(a.later, 1U);
  ASSERT_TRUE(a.per_week);
  EXPECT_DOUBLE_EQ(*a.per_week, static_cast<double>(a.counted) / 83 * 7);
  EXPECT_EQ(a.counted_from, from);
  EXPECT_EQ(a.counted_to, ymd(2026, 11, 22));
  ASSERT_EQ(a.recent.size(), kAdherenceWeeksShown);
  // Today's week: no day over yet, in progress, today's session apart.
  EXPECT_EQ(a.recent.back().monday, to);
  EXPECT_EQ(a.recent.back().days, 0);
  EXPECT_TRUE(a.recent.back().in_progress());
  EXPECT_EQ(a.recent.back().completed, 0);
  EXPECT_EQ(a.recent.back().later, 1);
  // A whole week before it.
  EXPECT_EQ(a.recent[6].days, 7);
  EXPECT_FALSE(a.recent[6].in_progress());

  // The words give the rate with its sum, and say that today is not counted.
  Insights in;
  in.from = from;
  in.to = to;
  in.adherence = a;
  const std::string said = adherence_words(in);
  EXPECT_TRUE(contains(said,
                       "126 sessions completed in this range (126 started). About 10.5 a week: 125 sessions "
                       "over the 83 days from 1 Sep 2026 to 22 Nov 2026 (125 \u00f7 83 \u00d7 7). Today is not "
                       "over, so it is not counted yet (1 session so far)."))
      << said;
  EXPECT_TRUE(contains(said, "2026-11-23 | 1 | 0 so far")) << said;
  EXPECT_TRUE(contains(said, "2026-11-16 | 11 | 7")) << said;
}

// The weeks of a pause for a fever showed "0/14, 0%": days daybreak itself
// refused sessions, counted as days the person missed.
TEST(Insights, DaysHeldForSafetyAreNotCountedAsMissed) {
  const LocalDate from = ymd(2026, 10, 5);  // a Monday
  const LocalDate to = ymd(2026, 11, 22);   // a Sunday, over
  std::vector<RoutineSession> sessions;
  AdherenceCalendar calendar{ymd(2026, 11, 23), {}};
  for (LocalDate day = from; day <= to; day = add_days(day, 1)) {
    const int i = days_between(from, day);
    if (i >= 21 && i < 25) {
      calendar.held.push_back({day, Hold::locked});  // 26 to 29 Oct
    } else if (i >= 31) {
      calendar.held.push_back({day, Hold::paused});                       // from 5 Nov
      if (i % 7 == 0) sessions.push_back({day, Routine::morning, true});  // the flare-day routine
    } else {
      sessions.push_back({day, Routine::morning, true});
      sessions.push_back({day, Routine::evening, true});
    }
  }
  DiarySeries series;
  series.from = from;
  series.to = to;
  const Adherence a = analyze_adherence(series, sessions, calendar);
  EXPECT_EQ(a.locked_days, 4);
  EXPECT_EQ(a.paused_days, 18);
  EXPECT_EQ(a.days, 49 - 22);
  EXPECT_EQ(a.counted, 2U * 27);
  EXPECT_EQ(a.held_completed, 2U);
  ASSERT_TRUE(a.per_week);
  EXPECT_DOUBLE_EQ(*a.per_week, 14.0);
  ASSERT_EQ(a.recent.size(), 7U);
  const WeekCount& locked = a.recent[3];  // 26 Oct: 4 days locked
  EXPECT_EQ(locked.days, 3);
  EXPECT_EQ(locked.locked, 4);
  EXPECT_EQ(locked.completed, 6);
  const WeekCount& paused = a.recent[6];  // 16 Nov: all paused
  EXPECT_EQ(paused.days, 0);
  EXPECT_EQ(paused.paused, 7);
  EXPECT_FALSE(paused.in_progress());
  EXPECT_EQ(held_words(paused.paused, paused.locked), "paused for safety");

  Insights in;
  in.adherence = a;
  const std::string said = adherence_words(in);
  EXPECT_TRUE(contains(said,
                       "About 14.0 a week: 54 sessions over the 27 days from 5 Oct 2026 to 22 Nov 2026 that "
                       "exercise was not paused or locked for safety (54 \u00f7 27 \u00d7 7). The 22 days it was "
                       "paused or locked for safety are not counted, nor the 2 sessions done on them."))
      << said;
  EXPECT_TRUE(contains(said, "2026-10-26 | 6 | 3 (4 locked)")) << said;
  EXPECT_TRUE(contains(said, "2026-11-02 | 6 | 3 (4 paused)")) << said;
  EXPECT_TRUE(contains(said, "2026-11-16 | 1 | 0 (7 paused)")) << said;
}

TEST(Insights, AnEmptyDiaryGivesPlainWordsNotNumbers) {
  const std::vector<DiaryEntry> none;
  const Insights in =
      build_insights(none, ymd(2026, 11, 23), ymd(2026, 11, 23), berlin(), std::nullopt, {ymd(2026, 11, 24)});
  const auto sections = describe(in);
  ASSERT_EQ(sections.size(), 4U);
  EXPECT_EQ(sections[0].blocks[0].text, "Nothing is logged in this range yet.");
  EXPECT_TRUE(contains(sections[1].blocks[0].text, "too few mornings"));
  const auto json = insights_to_json(in);
  EXPECT_EQ(json["entries"], 0);
  EXPECT_FALSE(json["adherence"]["session_data"].get<bool>());
}

}  // namespace
}  // namespace daybreak::analysis
