#include "clinical/safety_state.hpp"

#include <algorithm>
#include <map>

namespace daybreak {
namespace {

bool has_question(const std::vector<FlagReport>& reports, const std::string& question) {
  return std::any_of(reports.begin(), reports.end(), [&](const FlagReport& r) { return r.question == question; });
}

bool answers_every_flag(const ScreeningEvent& e) {
  return std::all_of(red_flag_questions().begin(), red_flag_questions().end(), [&](const SafetyQuestion& q) {
    return std::any_of(e.answers.begin(), e.answers.end(), [&](const ScreenAnswer& a) { return a.question == q.id; });
  });
}

}  // namespace

bool is_evolving_flag(std::string_view question) {
  return question == name_of(RedFlag::fever) || question == name_of(RedFlag::weight_loss) ||
         question == name_of(RedFlag::night_pain);
}

void SafetyReplay::apply(const ScreeningEvent& event) {
  const ScreeningEvent* e = &event;
  SafetyState& s = state_;
  if (e->kind == ScreenKind::clinician_seen) {
    for (const auto& r : s.urgent) reviewed_.emplace(r.question, e->at);
    s.urgent.clear();
    s.emergency.clear();
    s.last_clinician_review = e->at;
    return;
  }
  for (const auto& a : e->answers) {
    const SafetyQuestion* q = find_safety_question(a.question);
    if (q == nullptr) continue;  // an inflammatory back pain answer
    if (a.answer == YesNo::no) {
      // A flag no longer reported in a full check: the clinician's review of it lapses.
      if (e->kind == ScreenKind::full) reviewed_.erase(a.question);
      continue;
    }
    auto& open = q->level == FlagLevel::emergency ? s.emergency : s.urgent;
    std::optional<Instant> lapsed;
    if (const auto r = reviewed_.find(a.question); q->level == FlagLevel::urgent && r != reviewed_.end()) {
      if (!is_evolving_flag(a.question) || e->at - r->second < kEvolvingReviewLapse) continue;
      lapsed = r->second;
      reviewed_.erase(r);
    }
    if (!has_question(open, a.question)) open.push_back({a.question, q->label, q->level, e->at, e->kind, lapsed});
  }
  // A full check that stopped at an emergency answer does not count as the weekly check.
  if (e->kind == ScreenKind::full && answers_every_flag(*e)) s.last_full_check = e->at;
  if (e->kind == ScreenKind::full || e->kind == ScreenKind::legs) leg_questions_.push_back(e);
}

SafetyState SafetyReplay::finish(std::span<const LegSymptomNote> notes, Instant now,
                                 const std::optional<PainRise>& rise) && {
  SafetyState s = std::move(state_);
  for (const auto& [question, at] : reviewed_) {
    const SafetyQuestion* q = find_safety_question(question);
    s.reviewed.push_back({question, q != nullptr ? q->label : std::string_view(), at});
  }
  // A note is checked by leg questions asked after it was written, or by the
  // leg check made for that very entry (written in the same second, say).
  for (const auto& n : notes) {
    const bool checked = std::any_of(leg_questions_.begin(), leg_questions_.end(), [&](const ScreeningEvent* e) {
      return e->at > n.written || (e->kind == ScreenKind::legs && e->entry == n.entry && e->at >= n.written);
    });
    if (!n.symptoms.empty() && !checked) s.unchecked_legs.push_back(n);
  }
  if (s.last_full_check) {
    s.next_full_check = *s.last_full_check + kFullCheckInterval;
    s.full_check_due = now >= *s.next_full_check;
    // A rise the last check has not seen asks its questions again now.
    if (rise && rise->written > *s.last_full_check) {
      s.sharp_rise = rise;
      s.full_check_due = true;
    }
  }

  for (const auto* open : {&s.emergency, &s.urgent}) {
    for (const auto& r : *open) s.since = s.since ? std::min(*s.since, r.at) : r.at;
  }
  // A check that is due comes before a pause: its answers may turn the pause into a lock.
  if (!s.emergency.empty()) {
    s.status = SafetyStatus::locked;
  } else if (s.full_check_due || !s.unchecked_legs.empty()) {
    s.status = SafetyStatus::check_needed;
  } else if (!s.urgent.empty()) {
    s.status = SafetyStatus::paused;
  } else {
    s.status = SafetyStatus::ok;
  }
  return s;
}

SafetyState safety_state(std::span<const ScreeningEvent> events, std::span<const LegSymptomNote> notes, Instant now,
                         const std::optional<PainRise>& rise) {
  std::vector<const ScreeningEvent*> ordered;
  for (const auto& e : events) ordered.push_back(&e);
  std::stable_sort(ordered.begin(), ordered.end(), [](const ScreeningEvent* a, const ScreeningEvent* b) {
    return std::tie(a->at, a->id) < std::tie(b->at, b->id);
  });
  SafetyReplay replay;
  for (const ScreeningEvent* e : ordered) replay.apply(*e);
  return std::move(replay).finish(notes, now, rise);
}

std::string describe_leg_symptoms(const ChoiceSet<LegSymptom>& symptoms) {
  std::vector<std::string> parts;
  symptoms.for_each([&](LegSymptom s) {
    const std::string_view name = name_of(s);  // "numbness_left"
    const auto cut = name.find('_');
    parts.push_back(std::string(name.substr(0, cut)) + " in the " + std::string(name.substr(cut + 1)) + " leg");
  });
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == parts.size() ? " and " : ", ")) + parts[i];
  }
  return out;
}

std::optional<PainRise> sharp_pain_rise(std::span<const DiaryEntry> entries, LocalDate today) {
  std::vector<const DiaryEntry*> mornings;
  for (const auto& e : entries) {
    if (e.period == Period::morning && e.date <= today) mornings.push_back(&e);
  }
  if (std::ssize(mornings) < kRiseMornings) return std::nullopt;
  std::sort(mornings.begin(), mornings.end(),
            [](const DiaryEntry* a, const DiaryEntry* b) { return a->date < b->date; });
  const auto recent = std::span(mornings).last(static_cast<std::size_t>(kRiseMornings));
  if (recent.front()->date < add_days(today, -6)) return std::nullopt;  // not this week's pattern
  std::vector<double> before;
  for (const DiaryEntry* e : mornings) {
    if (e->date >= add_days(recent.front()->date, -kRiseUsualDays) && e->date < recent.front()->date) {
      before.push_back(e->fields.pain.value());
    }
  }
  if (std::ssize(before) < kRiseUsualMornings) return std::nullopt;
  std::sort(before.begin(), before.end());
  const std::size_t mid = before.size() / 2;
  const double usual = before.size() % 2 == 1 ? before[mid] : (before[mid - 1] + before[mid]) / 2.0;
  PainRise rise{{}, usual, recent.front()->date, recent.back()->date, recent.front()->created_at};
  for (const DiaryEntry* e : recent) {
    if (e->fields.pain.value() < usual + kRisePoints) return std::nullopt;
    rise.recent.push_back(e->fields.pain.value());
    rise.written = std::min(rise.written, e->created_at);
  }
  return rise;
}

std::vector<LegSymptomNote> leg_symptom_notes(std::span<const DiaryEntry> entries) {
  std::vector<LegSymptomNote> notes;
  for (const auto& e : entries) {
    if (!e.fields.leg_symptoms.empty()) notes.push_back({e.id, e.date, e.period, e.fields.leg_symptoms, e.updated_at});
  }
  return notes;
}

}  // namespace daybreak
