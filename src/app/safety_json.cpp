#include "app/safety_json.hpp"

#include <nlohmann/json.hpp>

#include "clinical/safety_messages.hpp"
#include "domain/text.hpp"

namespace daybreak {
namespace {

using Json = nlohmann::ordered_json;

Json ibp_snapshot_json(const IbpSnapshot& s) {
  return Json{{"outcome", name_of(s.outcome)}, {"asas_met", s.asas_met}, {"berlin_met", s.berlin_met}, {"met", s.met}};
}

Json reports_json(const std::vector<FlagReport>& reports) {
  Json list = Json::array();
  for (const auto& r : reports) {
    list.push_back(
        Json{{"question", r.question}, {"label", r.label}, {"at", format_utc(r.at)}, {"check", name_of(r.kind)}});
  }
  return list;
}

}  // namespace

Json screening_event_json(const ScreeningEvent& e) {
  Json answers = Json::object();
  for (const auto& a : e.answers) answers[a.question] = name_of(a.answer);
  Json j{{"id", e.id.value},     {"kind", name_of(e.kind)},     {"at", format_utc(e.at)},
         {"channel", e.channel}, {"result", name_of(e.result)}, {"raised", e.raised},
         {"answers", answers}};
  if (e.entry) j["entry"] = e.entry->value;
  if (e.ibp) j["ibp"] = ibp_snapshot_json(*e.ibp);
  return j;
}

Json ibp_result_json(const IbpResult& r) {
  const auto criteria = [](const std::vector<IbpCriterion>& set) {
    Json list = Json::array();
    for (const auto& c : set)
      list.push_back(Json{{"id", c.id}, {"label", c.label}, {"met", c.met}, {"because", c.because}});
    return list;
  };
  Json j{{"outcome", name_of(r.outcome)}, {"asas_met", r.asas_met},         {"asas_needed", kAsasNeeded},
         {"berlin_met", r.berlin_met},    {"berlin_needed", kBerlinNeeded}, {"berlin_applies", r.berlin_applies},
         {"asas", criteria(r.asas)},      {"berlin", criteria(r.berlin)}};
  if (!r.note.empty()) j["note"] = r.note;
  return j;
}

Json safety_gate_json(const SafetyGate& gate, const TimeZone& zone, std::string_view who) {
  const SafetyState& s = gate.state;
  Json reviewed = Json::array();
  for (const auto& r : s.reviewed) {
    reviewed.push_back(Json{{"question", r.question}, {"label", r.label}, {"reviewed_at", format_utc(r.reviewed_at)}});
  }
  Json legs = Json::array();
  for (const auto& n : s.unchecked_legs) legs.push_back(n.entry.value);
  const auto when = [](const std::optional<Instant>& t) { return t ? Json(format_utc(*t)) : Json(); };
  return Json{{"status", name_of(s.status)},
              {"session_allowed", s.session_allowed()},
              {"progression_allowed", s.progression_allowed()},
              {"reasons", gate_reasons(gate, zone, who)},
              {"emergency", reports_json(s.emergency)},
              {"urgent", reports_json(s.urgent)},
              {"reviewed", reviewed},
              {"unchecked_leg_entries", legs},
              {"last_full_check", when(s.last_full_check)},
              {"next_full_check", when(s.next_full_check)},
              {"last_clinician_review", when(s.last_clinician_review)},
              {"emergency_number", gate.contact.number ? Json(*gate.contact.number) : Json()},
              {"emergency_number_chosen", gate.contact.chosen},
              {"as_of", format_utc(gate.as_of)}};
}

namespace {

// A message of safety_messages.hpp for a screen: its title, and its lines
// (wrapped for a terminal) as blocks: paragraphs re-joined, "  - " lines a list.
Json message_json(const SafetyMessage& m) {
  Json blocks = Json::array();
  std::string text;
  Json list = Json::array();
  const auto flush = [&] {
    if (!text.empty()) blocks.push_back(Json{{"text", text}});
    if (!list.empty()) blocks.push_back(Json{{"list", list}});
    text.clear();
    list = Json::array();
  };
  for (const std::string& line : m.lines) {
    if (line.empty()) {
      flush();
    } else if (line.starts_with("  - ")) {
      if (!text.empty()) flush();
      list.push_back(line.substr(4));
    } else {
      if (!list.empty()) flush();
      text += (text.empty() ? "" : " ") + line;
    }
  }
  flush();
  return Json{{"title", m.title}, {"blocks", blocks}};
}

}  // namespace

Json ibp_status_json(const IbpResult& result, SafetyStatus status) {
  Json j = ibp_result_json(result);
  if (result.outcome == IbpOutcome::positive && status != SafetyStatus::locked) {
    j["message"] = message_json(ibp_message(result, status));
  }
  return j;
}

Json screen_outcome_json(const ScreenOutcome& o, const TimeZone& zone) {
  Json j{{"check", screening_event_json(o.event)}, {"safety", safety_gate_json(o.gate, zone)}};
  if (o.ibp) j["ibp"] = ibp_result_json(*o.ibp);
  // What the CLI says after the check when the screen is positive, in its words.
  if (o.ibp && o.ibp->outcome == IbpOutcome::positive) {
    j["ibp"]["message"] = message_json(ibp_message(*o.ibp, o.gate.state.status));
  }
  return j;
}

Json clinician_seen_json(const ScreeningEvent& event, const SafetyGate& gate, const TimeZone& zone) {
  return Json{{"event", screening_event_json(event)}, {"safety", safety_gate_json(gate, zone)}};
}

Json check_questions_json(const CheckQuestions& questions) {
  Json list = Json::array();
  for (const SafetyQuestion* q : questions.flags) {
    list.push_back(Json{{"id", q->id},
                        {"question", q->question},
                        {"label", q->label},
                        {"level", name_of(q->level)},
                        {"group", "warning_signs"}});
  }
  for (const IbpQuestion id : questions.ibp) {
    const auto& info = ibp_question(id);
    list.push_back(Json{{"id", name_of(info.id)},
                        {"question", info.question},
                        {"label", info.label},
                        {"level", nullptr},
                        {"group", "back_pain_pattern"}});
  }
  return list;
}

}  // namespace daybreak
