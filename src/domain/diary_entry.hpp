// One diary entry: how the back was during one period of one day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/bounded.hpp"
#include "domain/choices.hpp"
#include "domain/ids.hpp"
#include "domain/time.hpp"

namespace daybreak {

struct Medication {
  std::string name;                 // as the person calls it, e.g. "ibuprofen"
  std::string dose;                 // free text, e.g. "400 mg"; may be empty
  std::optional<Instant> taken_at;  // when it was taken, if known
  bool operator==(const Medication&) const = default;
};

// A person-defined tag with a value, e.g. caffeine=2 or "long drive"=yes.
struct Factor {
  std::string name;  // lower case
  std::string value;
  bool operator==(const Factor&) const = default;
};

// Everything a person can record for a period. Which fields apply to which
// period, their ranges and their words are described once, in entry_fields.hpp.
struct DiaryFields {
  PainScore pain;

  // morning
  std::optional<StiffnessMinutes> stiffness_minutes;  // from waking until stiffness eased
  bool still_stiff = false;                           // not eased yet when logged
  std::optional<Rating> stiffness_severity;

  // any period
  ChoiceSet<WarningSign> signs;
  ChoiceSet<BodyLocation> locations;
  ChoiceSet<LegSymptom> leg_symptoms;
  // The one-tap safety check: any new bladder, bowel, saddle, sexual or
  // both-leg symptoms? nullopt = not asked. A yes stops the program (see
  // clinical/red_flags.hpp).
  std::optional<YesNo> red_flags;
  std::vector<Medication> medications;
  ChoiceSet<Relief> relief;

  // day periods
  std::optional<WalkingMinutes> walking_minutes;
  std::optional<SittingHours> sitting_hours;
  std::optional<Rating> anxiety;

  // night
  std::optional<Instant> bedtime;
  std::optional<Instant> wake_time;
  std::optional<Awakenings> awakenings;  // woken by pain
  std::optional<Rating> sleep_quality;
  std::optional<SleepPosition> sleep_position;
  std::optional<std::string> mattress;  // a sleep item the person named
  // Pillows the person named; an empty list says none was used that night
  // (so nights without the knee pillow count too); nullopt = not recorded.
  std::optional<std::vector<std::string>> pillows;
  std::optional<RoomTemperature> room_temperature;
  std::optional<HumidityPercent> humidity;

  // any period
  std::vector<Factor> factors;
  std::string note;

  bool operator==(const DiaryFields&) const = default;
};

struct DiaryEntry {
  EntryId id;
  UserId user;
  LocalDate date;  // the diary day; a night belongs to the day you wake up on
  Period period = Period::morning;
  DiaryFields fields;
  int revision = 1;  // 1 when created, +1 for every edit
  Instant created_at;
  Instant updated_at;
};

}  // namespace daybreak
