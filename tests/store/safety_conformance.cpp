// Conformance tests for safety screening and questionnaires (issue 5):
// screening events, settings and questionnaire responses, against the Store
// interface only.
#include "store/store_conformance.hpp"
#include "support/fixtures.hpp"

namespace daybreak::testing {
namespace {

using namespace std::chrono;

ScreeningEvent full_check(Instant at) {
  ScreeningEvent e;
  e.kind = ScreenKind::full;
  e.at = at;
  e.channel = "cli";
  e.answers = {{"both_legs", YesNo::no}, {"fever", YesNo::yes}, {"ibp_chronic", YesNo::yes}};
  e.result = ScreenResult::urgent;
  e.raised = {"fever"};
  e.ibp = IbpSnapshot{IbpOutcome::positive, 4, 2, {"asas_onset_before_40", "berlin_morning_stiffness"}};
  return e;
}

ScreeningEvent add(Store& store, UserId user, const ScreeningEvent& e) {
  auto tx = store.write();
  ScreeningEvent stored = tx->add_screening(user, e);
  tx->commit();
  return stored;
}

TEST_P(StoreConformance, ScreeningEventsAreKeptExactlyOldestFirst) {
  const UserId user = new_user(*store_, "me");
  DiaryFields morning;
  morning.pain = *PainScore::make(4);
  morning.red_flags = YesNo::yes;
  EntryId entry;
  {
    auto tx = store_->write();
    entry =
        tx->insert_entry(user, NewEntry{ymd(2026, 11, 23), Period::morning, morning, {}, {}, RevisionOp::create, {}},
                         {kNow, Actor{user, "test"}})
            .id;
    tx->commit();
  }
  EXPECT_EQ(store_->read()->find_entry(user, entry)->fields.red_flags, YesNo::yes);

  ScreeningEvent quick;
  quick.kind = ScreenKind::quick;
  quick.at = kNow + minutes{5};
  quick.channel = "cli";
  quick.entry = entry;
  quick.answers = {{"new_symptoms", YesNo::yes}};
  quick.result = ScreenResult::emergency;
  quick.raised = {"new_symptoms"};
  ScreeningEvent seen;
  seen.kind = ScreenKind::clinician_seen;
  seen.at = kNow + hours{3};
  seen.channel = "cli";
  seen.result = ScreenResult::acknowledged;

  // Stored out of time order: read back in time order.
  const ScreeningEvent b = add(*store_, user, seen);
  const ScreeningEvent a = add(*store_, user, full_check(kNow));
  const ScreeningEvent c = add(*store_, user, quick);
  EXPECT_NE(a.id, b.id);
  EXPECT_EQ(a.user, user);
  const auto events = store_->read()->screening_events(user);
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events[0], a);
  EXPECT_EQ(events[1], c);
  EXPECT_EQ(events[2], b);
  EXPECT_EQ(events[0].answers[2].question, "ibp_chronic");  // the order asked
  EXPECT_EQ(events[1].entry, entry);
  EXPECT_FALSE(events[2].ibp);
}

TEST_P(StoreConformance, AScreeningNotCommittedLeavesNoTrace) {
  const UserId user = new_user(*store_, "me");
  {
    auto tx = store_->write();
    (void)tx->add_screening(user, full_check(kNow));
    tx->set_setting(user, "emergency_number", "112", kNow);
  }
  EXPECT_TRUE(store_->read()->screening_events(user).empty());
  EXPECT_FALSE(store_->read()->setting(user, "emergency_number"));
}

TEST_P(StoreConformance, SettingsAreSetReplacedAndKeptPerPerson) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  EXPECT_FALSE(store_->read()->setting(me, "emergency_number"));
  {
    auto tx = store_->write();
    tx->set_setting(me, "emergency_number", "112", kNow);
    tx->set_setting(other, "emergency_number", "999", kNow);
    tx->commit();
  }
  {
    auto tx = store_->write();
    tx->set_setting(me, "emergency_number", "113", kNow + hours{1});
    tx->commit();
  }
  EXPECT_EQ(store_->read()->setting(me, "emergency_number"), "113");
  EXPECT_EQ(store_->read()->setting(other, "emergency_number"), "999");
}

TEST_P(StoreConformance, QuestionnaireResponsesAreKeptExactly) {
  const UserId user = new_user(*store_, "me");
  QuestionnaireResponse odi;
  odi.instrument = "odi";
  odi.version = "2.1a";
  odi.taken_at = kNow;
  odi.channel = "paper";
  odi.answers = {{"pain_intensity", std::nullopt, 2}, {"sex_life", std::nullopt, std::nullopt}};
  odi.score = InstrumentScore{100.0 * 16 / 45, "moderate", {}, 9, 1, {"a note, \"quoted\""}};
  QuestionnaireResponse start;
  start.instrument = "start_back";
  start.version = "9-item";
  start.taken_at = kNow - days{1};
  start.channel = "cli";
  start.answers = {{"leg_pain", "agree", std::nullopt}, {"bothersomeness", "4", std::nullopt}};
  start.score = InstrumentScore{5, "high", {{"psychosocial", 4}}, 9, 0, {}};
  QuestionnaireResponse psfs;
  psfs.instrument = "psfs";
  psfs.version = "original (0 = unable)";
  psfs.taken_at = kNow + days{1};
  psfs.channel = "cli";
  psfs.answers = {{"putting on socks", std::nullopt, 3}, {"walking 30 minutes", std::nullopt, 6}};
  psfs.score = InstrumentScore{4.5, "", {}, 2, 0, {}};
  {
    auto tx = store_->write();
    odi = tx->add_questionnaire_response(user, odi);
    start = tx->add_questionnaire_response(user, start);
    psfs = tx->add_questionnaire_response(user, psfs);
    tx->commit();
  }
  const auto all = store_->read()->questionnaire_responses(user, "");
  ASSERT_EQ(all.size(), 3U);
  EXPECT_EQ(all[0], start);
  EXPECT_EQ(all[1], odi);
  EXPECT_EQ(all[2], psfs);
  EXPECT_EQ(all[1].score.value, 100.0 * 16 / 45);  // exactly, not rounded
  const auto only = store_->read()->questionnaire_responses(user, "odi");
  ASSERT_EQ(only.size(), 1U);
  EXPECT_EQ(only[0], odi);
}

TEST_P(StoreConformance, OnePersonNeverSeesAnothersScreeningsOrResponses) {
  const UserId me = new_user(*store_, "me");
  const UserId other = new_user(*store_, "other");
  (void)add(*store_, me, full_check(kNow));
  QuestionnaireResponse nrs;
  nrs.instrument = "nrs_pain";
  nrs.version = "1";
  nrs.taken_at = kNow;
  nrs.channel = "cli";
  nrs.answers = {{"pain", std::nullopt, 4}};
  nrs.score.value = 4;
  nrs.score.answered = 1;
  {
    auto tx = store_->write();
    (void)tx->add_questionnaire_response(me, nrs);
    tx->commit();
  }
  EXPECT_EQ(store_->read()->screening_events(me).size(), 1U);
  EXPECT_TRUE(store_->read()->screening_events(other).empty());
  EXPECT_TRUE(store_->read()->questionnaire_responses(other, "").empty());
  EXPECT_TRUE(store_->read()->questionnaire_responses(other, "nrs_pain").empty());
}

}  // namespace
}  // namespace daybreak::testing
