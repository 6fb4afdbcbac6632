// The diary in and out as HL7 FHIR R4: the collection Bundle for a
// range of days, and its import, all or nothing. The formats are in
// report/fhir.hpp; docs/fhir.md describes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_error.hpp"
#include "app/transfer.hpp"
#include "exercise/library.hpp"
#include "store/store.hpp"

namespace daybreak {

class Uuid;

// The setting that holds the person's identity in exports (the FHIR Patient
// id, the name every other id and calendar UID is derived under).
inline constexpr std::string_view kExportIdKey = "export_person_id";

// The person's identity in exports: the stored one (kept from an import), or
// one derived from who they are here, the same every time.
[[nodiscard]] Uuid export_person_id(StoreReader& tx, const User& user);

// `now` says whether each experiment is planned, running or finished.
[[nodiscard]] AppResult<std::string> export_fhir(const Store& store, UserId user, const TimeZone& zone,
                                                 const DayRange& range, Instant now);

// The person's grants to clinicians, stopped and ended ones too, as a FHIR
// collection Bundle of Consent resources (report/fhir.hpp). `today` is the
// person's date.
[[nodiscard]] AppResult<std::string> export_consents(const Store& store, UserId person, const TimeZone& zone,
                                                     LocalDate today);

struct FhirImportSummary {
  ImportSummary entries;
  int sessions_added = 0;
  int sessions_unchanged = 0;
  int responses_added = 0;
  int responses_unchanged = 0;
  int screenings_added = 0;  // safety checks
  int screenings_unchanged = 0;
  // Where the program stands: a stage or level the diary had not set is set
  // from the file; one it set otherwise is kept (a clinician may have set it).
  int stages_set = 0;
  int levels_set = 0;
  int program_kept = 0;  // stages and levels the diary already had, with another value
  // Personal experiments: one the diary has (made at the same moment, with the
  // same design) takes the file's stop and nights it lacks; a night it has with
  // other values is updated, as entries are.
  int experiments_added = 0;
  int experiments_updated = 0;  // the diary's experiment stopped as the file's was
  int experiments_unchanged = 0;
  int nights_added = 0;
  int nights_updated = 0;
  int nights_unchanged = 0;
  // The program's past decisions: history, added as made; one the diary has is skipped.
  int decisions_added = 0;
  int decisions_unchanged = 0;
};

// All or nothing. Entries and experiment nights already logged with other
// values are refused, naming each, unless `replace`: then they are updated
// (their history keeps the old values), as a CSV import does. Sessions and
// questionnaires, which are never changed once stored, are skipped when
// identical and refused when they differ. A session's plan is rebuilt from
// `library`, as the web player's are.
[[nodiscard]] AppResult<FhirImportSummary> import_fhir(Store& store, const WriteMeta& meta, UserId user,
                                                       const TimeZone& zone, const ContentLibrary& library,
                                                       std::string_view text, bool replace, bool dry_run);

}  // namespace daybreak
