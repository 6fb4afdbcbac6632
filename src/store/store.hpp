// The storage port: what the application needs from any backend (SQLite now,
// PostgreSQL for clinics). Every record belongs to a user. All work happens in
// a transaction: a Reader sees one consistent snapshot, a Writer's changes land
// together on commit() or not at all.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clinical/questionnaire_response.hpp"
#include "clinical/screening.hpp"
#include "domain/account.hpp"
#include "domain/device.hpp"
#include "domain/diary_entry.hpp"
#include "domain/experiment.hpp"
#include "domain/sleep_item.hpp"
#include "exercise/plan.hpp"            // guided sessions
#include "exercise/session_result.hpp"  // guided sessions
#include "progression/record.hpp"       // progression
#include "store/store_error.hpp"

namespace daybreak {

struct User {
  UserId id;
  std::string name;
  std::string time_zone;  // IANA name, e.g. "Europe/Oslo"
  Instant created_at;
};

// Who changed something, and through which door ("cli", "import", "api").
struct Actor {
  UserId user;
  std::string channel;
};

enum class RevisionOp : std::uint8_t { create, edit, replace, import, remove };

template <>
struct Vocabulary<RevisionOp> {
  static constexpr std::string_view kind = "revision";
  static constexpr std::array<std::string_view, 5> names = {"create", "edit", "replace", "import", "delete"};
};

struct WriteMeta {
  Instant at;  // when the change is recorded
  Actor actor;
};

struct NewEntry {
  LocalDate date;
  Period period = Period::morning;
  DiaryFields fields;
  std::optional<std::string> idempotency_key;  // a retried create with the same key finds this entry
  std::optional<Instant> created_at;           // kept from the source when importing; else the write time
  RevisionOp op = RevisionOp::create;          // create or import
  std::optional<EntryId> id;                   // a number kept from an import; check entry_id_taken first
};

// One version of an entry, kept for ever. The last revision of a deleted entry
// has op remove and holds the content it had when deleted.
struct EntryRevision {
  EntryId entry;
  int revision = 0;
  RevisionOp op = RevisionOp::create;
  Instant recorded_at;
  Actor actor;
  LocalDate date;
  Period period = Period::morning;
  DiaryFields fields;
};

// What an idempotency key was first used for.
struct KeyedEntry {
  EntryId entry;
  LocalDate date;
  Period period = Period::morning;
  DiaryFields original;  // the content the key created
  bool deleted = false;
};

// ---- Guided sessions ----

using SessionId = Id<struct SessionTag>;

// How one exercise of a session went.
struct SessionExerciseRecord {
  std::string exercise;  // the exercise played (plan order)
  int level = 1;         // its level on the ladder that day
  int work_steps = 0;    // reps, holds and timed steps planned
  int done = 0;
  int skipped = 0;
  std::optional<PainScore> pain_during;  // the comfort check; none if not answered
  bool operator==(const SessionExerciseRecord&) const = default;
};

// A guided session as stored. The plan it played is kept beside it, as JSON
// (see session_plan()), so the record reads the same whatever content changes later.
struct SessionRecord {
  SessionId id;  // set by the store
  std::string program;
  int stage = 1;
  RoutineKind routine = RoutineKind::morning;
  Instant started_at;
  Instant ended_at;
  PainScore pain_before;
  std::optional<StopReason> stop_reason;  // none: ran to the end
  std::vector<StepOutcome> steps;         // one per plan step
  std::vector<SessionExerciseRecord> exercises;
  std::optional<std::string> idempotency_key;  // a retried save with the same key finds this session
  Instant recorded_at;                         // set by the store from WriteMeta
  std::string channel;                         // set by the store from WriteMeta
  bool operator==(const SessionRecord&) const = default;
};

// A session without its steps and exercises: enough to count what was done
// and when (the adherence insights show).
struct SessionOutline {
  Instant started_at;
  RoutineKind routine = RoutineKind::morning;
  // Ran to the end (no stop reason) with at least one exercise step done: a
  // session whose every step was skipped is not counted as done.
  bool completed = true;
  bool operator==(const SessionOutline&) const = default;
};

// A sign-in as found by its token, with what a session needs beside it: the
// account (none if it was never made) and the profile of its person.
struct SignInRecord {
  SignIn sign_in;
  std::optional<Account> account;
  std::optional<User> user;
};

class StoreReader {
 public:
  virtual ~StoreReader() = default;

  [[nodiscard]] virtual std::optional<User> find_user(UserId id) = 0;

  // Live (not deleted) entries.
  [[nodiscard]] virtual std::optional<DiaryEntry> find_entry(UserId user, EntryId id) = 0;
  // Whether any entry (anyone's, deleted ones too) has this number.
  [[nodiscard]] virtual bool entry_id_taken(EntryId id) = 0;
  [[nodiscard]] virtual std::optional<DiaryEntry> find_entry_on(UserId user, LocalDate date, Period period) = 0;
  // From `from` to `to`, both included, ordered by date then period (night first).
  [[nodiscard]] virtual std::vector<DiaryEntry> entries_between(UserId user, LocalDate from, LocalDate to) = 0;
  [[nodiscard]] virtual std::optional<LocalDate> first_entry_date(UserId user) = 0;

  [[nodiscard]] virtual std::optional<KeyedEntry> find_by_key(UserId user, std::string_view idempotency_key) = 0;
  // Every revision of an entry, deleted or not, oldest first. Empty if the entry never existed.
  [[nodiscard]] virtual std::vector<EntryRevision> revisions(UserId user, EntryId id) = 0;

  [[nodiscard]] virtual std::vector<SleepItem> sleep_items(UserId user) = 0;

  // ---- Guided sessions ----
  [[nodiscard]] virtual std::optional<SessionRecord> find_session(UserId user, SessionId id) = 0;
  [[nodiscard]] virtual std::optional<SessionRecord> find_session_by_key(UserId user, std::string_view key) = 0;
  // Sessions that started in [from, to), oldest first.
  [[nodiscard]] virtual std::vector<SessionRecord> sessions_between(UserId user, Instant from, Instant to) = 0;
  // The `limit` latest sessions, newest first.
  [[nodiscard]] virtual std::vector<SessionRecord> recent_sessions(UserId user, int limit) = 0;
  // Every session's outline, oldest first: far cheaper than whole sessions.
  [[nodiscard]] virtual std::vector<SessionOutline> session_outlines(UserId user) = 0;
  // The plan a session played, as the JSON it was stored with.
  [[nodiscard]] virtual std::optional<std::string> session_plan(UserId user, SessionId id) = 0;
  // The person's level on each exercise they have a level for (others are at level 1).
  [[nodiscard]] virtual ExerciseLevels exercise_levels(UserId user) = 0;
  // The person's stage in a program, if it was ever set (else stage 1).
  [[nodiscard]] virtual std::optional<int> current_stage(UserId user, std::string_view program) = 0;
  // Every program whose stage was ever set, with that stage.
  [[nodiscard]] virtual std::map<std::string, int, std::less<>> program_stages(UserId user) = 0;
  // ---- Safety screening and questionnaires ----
  // Every screening event of the user, oldest first.
  [[nodiscard]] virtual std::vector<ScreeningEvent> screening_events(UserId user) = 0;
  // A setting such as the emergency number; nullopt when never set.
  [[nodiscard]] virtual std::optional<std::string> setting(UserId user, std::string_view key) = 0;
  // Completed questionnaires, oldest first; all instruments when `instrument` is empty.
  [[nodiscard]] virtual std::vector<QuestionnaireResponse> questionnaire_responses(UserId user,
                                                                                   std::string_view instrument) = 0;
  // ---- personal experiments ----
  [[nodiscard]] virtual std::optional<Experiment> find_experiment(UserId user, ExperimentId id) = 0;
  // Every experiment of the user, oldest first.
  [[nodiscard]] virtual std::vector<Experiment> experiments(UserId user) = 0;
  // What was logged for each night of an experiment, in night order.
  [[nodiscard]] virtual std::vector<ExperimentNight> experiment_nights(UserId user, ExperimentId id) = 0;

  // ---- Progression ----
  // A program's decisions, newest first (by day, then as made); only of `kind` when given.
  [[nodiscard]] virtual std::vector<DecisionRecord> decisions(UserId user, std::string_view program,
                                                              std::optional<DecisionKind> kind, int limit) = 0;
  // Every decision dated `from` to `to`, of any program, by day and then as made.
  [[nodiscard]] virtual std::vector<DecisionRecord> decisions_between(UserId user, LocalDate from, LocalDate to) = 0;
  // The rule's latest decision for one routine of a program.
  [[nodiscard]] virtual std::optional<DecisionRecord> latest_rule_decision(UserId user, std::string_view program,
                                                                           RoutineKind routine) = 0;
  // When the person's first session of a program started.
  [[nodiscard]] virtual std::optional<Instant> first_session_at(UserId user, std::string_view program) = 0;

  // ---- Paired devices ----
  // The person's devices, revoked ones too, in the order paired.
  [[nodiscard]] virtual std::vector<Device> devices(UserId user) = 0;
  // The device whose token has this SHA-256 (hex), of whichever person; revoked ones too.
  [[nodiscard]] virtual std::optional<Device> find_device_by_token(std::string_view token_sha256) = 0;

  // ---- A clinic's accounts (sql_accounts.cpp) ----
  // Whether any account exists: then every request must sign in.
  [[nodiscard]] virtual bool has_accounts() = 0;
  [[nodiscard]] virtual std::optional<Account> find_account(UserId user) = 0;
  [[nodiscard]] virtual std::optional<Account> find_account_by_login(std::string_view login) = 0;
  [[nodiscard]] virtual std::optional<Account> find_account_by_invitation(std::string_view token_sha256) = 0;
  // Every account, by login.
  [[nodiscard]] virtual std::vector<Account> accounts() = 0;
  // The sign-in whose token has this SHA-256 (hex), ended ones too, with its
  // person's account and profile read in the same statement (a session's
  // check, on every request that is not kept).
  [[nodiscard]] virtual std::optional<SignInRecord> find_sign_in(std::string_view token_sha256) = 0;
  // The grants a person made, and those made to a clinician, oldest first.
  [[nodiscard]] virtual std::vector<Grant> grants_of(UserId person) = 0;
  [[nodiscard]] virtual std::vector<Grant> grants_to(UserId clinician) = 0;
  // The audit records about a person's data, newest first.
  [[nodiscard]] virtual std::vector<AuditEvent> audit_events(UserId person, int limit) = 0;
  // When sign-ins failed for a login or from an address ("login", "address") after `since`, oldest first.
  [[nodiscard]] virtual std::vector<Instant> sign_in_failures(std::string_view kind, std::string_view key,
                                                              Instant since) = 0;
};

class StoreWriter : public StoreReader {
 public:
  [[nodiscard]] virtual User create_user(const std::string& name, const std::string& time_zone, Instant at) = 0;
  virtual void update_user(const User& user) = 0;

  // Sleep items named in `fields` must exist for the user (see add_sleep_item).
  // Throws StoreError{conflict} if the period is already taken or the key used.
  [[nodiscard]] virtual DiaryEntry insert_entry(UserId user, const NewEntry& entry, const WriteMeta& meta) = 0;
  // Replaces the content of a live entry and records the revision.
  [[nodiscard]] virtual DiaryEntry update_entry(UserId user, EntryId id, const DiaryFields& fields, RevisionOp op,
                                                const WriteMeta& meta) = 0;
  virtual void delete_entry(UserId user, EntryId id, const WriteMeta& meta) = 0;

  [[nodiscard]] virtual SleepItem add_sleep_item(UserId user, SleepItemKind kind, const std::string& name,
                                                 Instant at) = 0;
  virtual void retire_sleep_item(UserId user, ItemId id, Instant at) = 0;

  // ---- Guided sessions ----
  // Throws StoreError{conflict} if the idempotency key is already used.
  [[nodiscard]] virtual SessionRecord insert_session(UserId user, const SessionRecord& session,
                                                     const std::string& plan_json, const WriteMeta& meta) = 0;
  virtual void set_exercise_level(UserId user, std::string_view exercise, int level, Instant at) = 0;
  virtual void set_current_stage(UserId user, std::string_view program, int stage, Instant at) = 0;
  // ---- Safety screening and questionnaires ----
  // Screening events and responses are kept for ever: there is no update or delete.
  [[nodiscard]] virtual ScreeningEvent add_screening(UserId user, const ScreeningEvent& event) = 0;
  virtual void set_setting(UserId user, std::string_view key, std::string_view value, Instant at) = 0;
  [[nodiscard]] virtual QuestionnaireResponse add_questionnaire_response(UserId user,
                                                                         const QuestionnaireResponse& response) = 0;
  // ---- personal experiments ----
  // A write that reads the person's experiments to add one (only one runs at
  // a time) holds them first: another such write, on any server of the
  // database, waits here until this one ends.
  virtual void hold_experiments(UserId user) = 0;
  [[nodiscard]] virtual Experiment insert_experiment(UserId user, const ExperimentDesign& design, Instant at) = 0;
  // Ends a planned or running experiment after `last_night`. Throws StoreError{not_found} if no such experiment.
  virtual void stop_experiment(UserId user, ExperimentId id, LocalDate last_night, const std::string& reason,
                               Instant at) = 0;
  // Records (or replaces) whether the night's condition was followed.
  virtual void log_experiment_night(UserId user, const ExperimentNight& night) = 0;

  // ---- Progression ----
  // Throws StoreError{conflict} if the rule already decided that program, routine and day.
  [[nodiscard]] virtual DecisionRecord insert_decision(UserId user, const DecisionRecord& decision,
                                                       const WriteMeta& meta) = 0;

  // ---- Paired devices ----
  // Throws StoreError{conflict} if the token's hash is already stored.
  [[nodiscard]] virtual Device add_device(UserId user, const std::string& name, std::string_view token_sha256,
                                          Instant at) = 0;
  // Marks a device revoked (once; revoking again keeps the first time). Throws
  // StoreError{not_found} if the person has no such device.
  virtual void revoke_device(UserId user, DeviceId id, Instant at) = 0;
  virtual void touch_device(UserId user, DeviceId id, Instant at) = 0;  // last seen

  // ---- A clinic's accounts ----
  // Throws StoreError{conflict} if the login is taken or the user has one.
  virtual void add_account(const Account& account) = 0;
  // Replaces the password hash, the invitation and disabled_at (the login and role stay).
  virtual void update_account(const Account& account) = 0;
  [[nodiscard]] virtual SignIn add_sign_in(UserId user, std::string_view token_sha256, Instant at,
                                           Instant expires_at) = 0;
  virtual void touch_sign_in(SignInId id, Instant at) = 0;
  // Ends one sign-in, or every live one of a user but `keep`.
  virtual void end_sign_in(SignInId id, Instant at) = 0;
  virtual void end_sign_ins(UserId user, std::optional<SignInId> keep, Instant at) = 0;
  [[nodiscard]] virtual Grant add_grant(const Grant& grant) = 0;
  // Throws StoreError{not_found} if the person made no such grant. Revoking
  // again keeps the first time.
  virtual void revoke_grant(UserId person, GrantId id, Instant at) = 0;
  // The trail has no update or delete.
  [[nodiscard]] virtual AuditEvent add_audit_event(const AuditEvent& event) = 0;
  // A failed sign-in for `login` from `address`; failures up to `forget_before` are dropped.
  virtual void add_sign_in_failure(std::string_view login, std::string_view address, Instant at,
                                   Instant forget_before) = 0;
  // A login signed in: its failures are forgotten (its address's are kept).
  // Sign-in tries, counted before the password is checked: a try waits here
  // for any other being counted (on every server of the database) until the
  // end of its transaction, so that tries made at once cannot all pass a limit
  // each of them saw unreached.
  virtual void hold_sign_in_limits() = 0;
  // The login's failures, and this try's own (its address, at `at`), forgotten
  // when the password was right.
  virtual void forget_sign_in_failures(std::string_view login, std::string_view address, Instant at) = 0;

  // Makes every change of this transaction durable. Without it, nothing is kept.
  virtual void commit() = 0;
};

// Where the stored data stands: two equal versions read at different times
// mean nothing was committed in between, by this process or another. A cache
// of something read keeps the version it was read at.
struct StoreVersion {
  std::int64_t others = 0;  // moves when another connection or process commits
  std::uint64_t own = 0;    // moves when this store commits
  std::int64_t of = 0;      // the person whose version it is (version_of); 0: the whole store's

  bool operator==(const StoreVersion&) const = default;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // A read-only snapshot of what is committed (and durable).
  [[nodiscard]] virtual std::unique_ptr<StoreReader> read() const = 0;
  // A write transaction; it holds the write lock until committed or destroyed.
  // Its commit() returns once the write is durable.
  [[nodiscard]] virtual std::unique_ptr<StoreWriter> write() = 0;
  // Checks the stored data for damage; returns the problems found (empty: healthy).
  [[nodiscard]] virtual std::vector<std::string> check() const = 0;
  // The data's version now; cheap (no table is read).
  [[nodiscard]] virtual StoreVersion version() const = 0;
  // The version of one person's data (their rows, profile, account, sign-ins
  // and grants): it moves with every commit that changed them, and may move
  // with others' (a store with one version for all returns version()). What
  // is kept of a person keeps the version read before it was read.
  [[nodiscard]] virtual StoreVersion version_of(UserId /*person*/) const { return version(); }
  // The schema's version as stored (opening migrates it to the latest).
  [[nodiscard]] virtual int schema_version() const = 0;
  // Where the data lives, for people: a file's path, or a server's database.
  [[nodiscard]] virtual std::string location() const = 0;
  // Whether writes that wait together share one flush in this process
  // (SQLite's group commit), so that more of them waiting at once make
  // larger groups; a database server groups every client's commits itself.
  [[nodiscard]] virtual bool groups_commits_here() const { return false; }
  // Copies all the data to the file `destination`, self-contained, so that a
  // half-written copy never looks complete.
  virtual void backup_to(const std::filesystem::path& destination) const = 0;
  // Prepares a store to be shared by threads (`daybreak serve`): reads then
  // need not wait for a write. Call before it is shared; a store that needs
  // nothing for it does nothing.
  virtual void open_reader() {}
};

}  // namespace daybreak
