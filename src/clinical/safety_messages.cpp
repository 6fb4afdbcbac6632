#include "clinical/safety_messages.hpp"

#include <fmt/format.h>

namespace daybreak {
namespace {

std::string number_or_local(const EmergencyContact& contact) {
  return contact.number ? *contact.number : std::string("your local emergency number");
}

void told(std::vector<std::string>& lines, std::span<const FlagReport> reports) {
  lines.emplace_back("You told daybreak:");
  for (const auto& r : reports) lines.push_back(fmt::format("  - {}", r.label));
  lines.emplace_back();
}

}  // namespace

std::string call_now(const EmergencyContact& contact) {
  return fmt::format("Call {} now, or go to the nearest emergency department.", number_or_local(contact));
}

SafetyMessage stop_message(std::span<const FlagReport> reports, const EmergencyContact& contact) {
  SafetyMessage m{"STOP: get medical help now.", {}};
  told(m.lines, reports);
  m.lines.push_back(fmt::format("With back pain, {} can be a sign of a serious problem that needs",
                                reports.size() == 1 ? "this" : "these"));
  m.lines.emplace_back("treatment within hours.");
  m.lines.emplace_back();
  m.lines.push_back("  " + call_now(contact));
  m.lines.emplace_back("  Do not wait to see whether it passes. Do not exercise.");
  if (!contact.chosen && contact.number) {
    m.lines.push_back(fmt::format("  ({} is the emergency number for your time zone.)", *contact.number));
  }
  return m;
}

SafetyMessage urgent_message(std::span<const FlagReport> reports, const EmergencyContact& contact) {
  SafetyMessage m{"See a doctor within 24 hours.", {}};
  told(m.lines, reports);
  m.lines.push_back(fmt::format("With back pain, {} a doctor's opinion soon, though it is not an",
                                reports.size() == 1 ? "this needs" : "these need"));
  m.lines.emplace_back("emergency. Contact your doctor today, or an urgent care service.");
  m.lines.emplace_back();
  m.lines.emplace_back("Until a clinician has seen you, daybreak pauses your program: it will not");
  m.lines.emplace_back("move you on to harder exercises, and offers only gentle movement.");
  m.lines.emplace_back("If you get worse, or notice new bladder, bowel, saddle, sexual or both-leg");
  m.lines.push_back(
      fmt::format("symptoms, call {} or go to the nearest emergency department.", number_or_local(contact)));
  return m;
}

SafetyMessage no_flags_message() {
  return {"You reported no warning signs in this check.",
          {"That does not rule out a serious problem: warning signs can be absent even",
           "when something needs care. If new symptoms appear, or your pain changes in",
           "a way that worries you, check again or speak to a doctor."}};
}

SafetyMessage ibp_message(const IbpResult& result, SafetyStatus status) {
  SafetyMessage m{"Something to mention to your doctor.", {}};
  m.lines.emplace_back("Some features of your back pain are typical of inflammatory back pain:");
  for (const auto& reason : ibp_reasons(result)) m.lines.push_back("  - " + reason);
  m.lines.emplace_back();
  m.lines.emplace_back("These features are common and have many causes; this is not a diagnosis.");
  m.lines.emplace_back("It is worth mentioning \"inflammatory back pain\" to your doctor, who can");
  m.lines.emplace_back("decide whether an assessment by a rheumatologist would help.");
  switch (status) {
    case SafetyStatus::ok:
      m.lines.emplace_back("You can carry on with your exercise program.");
      break;
    case SafetyStatus::check_needed:
      m.lines.emplace_back("It does not change your exercise program.");
      break;
    case SafetyStatus::paused:
    case SafetyStatus::locked:
      m.lines.emplace_back("It does not change what is said above about exercise.");
      break;
  }
  m.lines.emplace_back();
  m.lines.push_back(fmt::format(
      "(ASAS 2009 criteria: {} of 5 features, {} needed; Berlin criteria: {} of 4, {} needed{}.)", result.asas_met,
      kAsasNeeded, result.berlin_met, kBerlinNeeded, result.berlin_applies ? "" : ", not used over 50"));
  return m;
}

}  // namespace daybreak
