// The store's transaction over any SQL database (sql.hpp): the one class that
// implements StoreWriter (and so StoreReader), its queries written once for
// SQLite and PostgreSQL. How a transaction begins, ends and is shared is each
// backend's (SqliteTransaction, PgTransaction). Internal to the store. Its
// methods are defined by capability: sql_diary.cpp (users, entries, sleep
// items), sql_sessions.cpp (guided sessions, levels and stages),
// sql_safety.cpp (screening and questionnaires), sql_experiments.cpp
// (personal experiments), sql_progression.cpp (progression decisions),
// sql_devices.cpp (paired devices), sql_accounts.cpp (a clinic's accounts).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sql.hpp"
#include "store/store.hpp"

namespace daybreak::sql {

struct EntryScope;  // which entries a diary query is about (sql_diary.cpp)

class Transaction : public StoreWriter {
 public:
  explicit Transaction(Connection& db) : db_(db) {}

  // The connection this transaction runs on, for whole-database work inside
  // the store (store_copy.cpp).
  [[nodiscard]] Connection& connection() { return db_; }

  // users
  std::optional<User> find_user(UserId id) override;
  User create_user(const std::string& name, const std::string& time_zone, Instant at) override;
  void update_user(const User& user) override;

  // diary entries
  std::optional<DiaryEntry> find_entry(UserId user, EntryId id) override;
  bool entry_id_taken(EntryId id) override;
  std::optional<DiaryEntry> find_entry_on(UserId user, LocalDate date, Period period) override;
  std::vector<DiaryEntry> entries_between(UserId user, LocalDate from, LocalDate to) override;
  std::optional<LocalDate> first_entry_date(UserId user) override;
  std::optional<KeyedEntry> find_by_key(UserId user, std::string_view key) override;
  std::vector<EntryRevision> revisions(UserId user, EntryId id) override;
  DiaryEntry insert_entry(UserId user, const NewEntry& entry, const WriteMeta& meta) override;
  DiaryEntry update_entry(UserId user, EntryId id, const DiaryFields& fields, RevisionOp op,
                          const WriteMeta& meta) override;
  void delete_entry(UserId user, EntryId id, const WriteMeta& meta) override;

  // sleep items
  std::vector<SleepItem> sleep_items(UserId user) override;
  SleepItem add_sleep_item(UserId user, SleepItemKind kind, const std::string& name, Instant at) override;
  void retire_sleep_item(UserId user, ItemId id, Instant at) override;

  // guided sessions
  std::optional<SessionRecord> find_session(UserId user, SessionId id) override;
  std::optional<SessionRecord> find_session_by_key(UserId user, std::string_view key) override;
  std::vector<SessionRecord> sessions_between(UserId user, Instant from, Instant to) override;
  std::vector<SessionRecord> recent_sessions(UserId user, int limit) override;
  std::vector<SessionOutline> session_outlines(UserId user) override;
  std::optional<std::string> session_plan(UserId user, SessionId id) override;
  ExerciseLevels exercise_levels(UserId user) override;
  std::optional<int> current_stage(UserId user, std::string_view program) override;
  std::map<std::string, int, std::less<>> program_stages(UserId user) override;
  SessionRecord insert_session(UserId user, const SessionRecord& session, const std::string& plan_json,
                               const WriteMeta& meta) override;
  void set_exercise_level(UserId user, std::string_view exercise, int level, Instant at) override;
  void set_current_stage(UserId user, std::string_view program, int stage, Instant at) override;
  // safety screening and questionnaires (sql_safety.cpp)
  std::vector<ScreeningEvent> screening_events(UserId user) override;
  std::optional<std::string> setting(UserId user, std::string_view key) override;
  std::vector<QuestionnaireResponse> questionnaire_responses(UserId user, std::string_view instrument) override;
  ScreeningEvent add_screening(UserId user, const ScreeningEvent& event) override;
  void set_setting(UserId user, std::string_view key, std::string_view value, Instant at) override;
  QuestionnaireResponse add_questionnaire_response(UserId user, const QuestionnaireResponse& response) override;
  // personal experiments (sql_experiments.cpp)
  std::optional<Experiment> find_experiment(UserId user, ExperimentId id) override;
  std::vector<Experiment> experiments(UserId user) override;
  std::vector<ExperimentNight> experiment_nights(UserId user, ExperimentId id) override;
  Experiment insert_experiment(UserId user, const ExperimentDesign& design, Instant at) override;
  void stop_experiment(UserId user, ExperimentId id, LocalDate last_night, const std::string& reason,
                       Instant at) override;
  void log_experiment_night(UserId user, const ExperimentNight& night) override;

  // progression
  std::vector<DecisionRecord> decisions(UserId user, std::string_view program, std::optional<DecisionKind> kind,
                                        int limit) override;
  std::vector<DecisionRecord> decisions_between(UserId user, LocalDate from, LocalDate to) override;
  std::optional<DecisionRecord> latest_rule_decision(UserId user, std::string_view program,
                                                     RoutineKind routine) override;
  std::optional<Instant> first_session_at(UserId user, std::string_view program) override;
  DecisionRecord insert_decision(UserId user, const DecisionRecord& decision, const WriteMeta& meta) override;

  // paired devices (sql_devices.cpp)
  std::vector<Device> devices(UserId user) override;
  std::optional<Device> find_device_by_token(std::string_view token_sha256) override;
  Device add_device(UserId user, const std::string& name, std::string_view token_sha256, Instant at) override;
  void revoke_device(UserId user, DeviceId id, Instant at) override;
  void touch_device(UserId user, DeviceId id, Instant at) override;

  // a clinic's accounts (sql_accounts.cpp)
  bool has_accounts() override;
  std::optional<Account> find_account(UserId user) override;
  std::optional<Account> find_account_by_login(std::string_view login) override;
  std::optional<Account> find_account_by_invitation(std::string_view token_sha256) override;
  std::vector<Account> accounts() override;
  std::optional<SignInRecord> find_sign_in(std::string_view token_sha256) override;
  std::vector<Grant> grants_of(UserId person) override;
  std::vector<Grant> grants_to(UserId clinician) override;
  std::vector<AuditEvent> audit_events(UserId person, int limit) override;
  std::vector<Instant> sign_in_failures(std::string_view kind, std::string_view key, Instant since) override;
  void add_account(const Account& account) override;
  void update_account(const Account& account) override;
  SignIn add_sign_in(UserId user, std::string_view token_sha256, Instant at, Instant expires_at) override;
  void touch_sign_in(SignInId id, Instant at) override;
  void end_sign_in(SignInId id, Instant at) override;
  void end_sign_ins(UserId user, std::optional<SignInId> keep, Instant at) override;
  Grant add_grant(const Grant& grant) override;
  void revoke_grant(UserId person, GrantId id, Instant at) override;
  AuditEvent add_audit_event(const AuditEvent& event) override;
  void add_sign_in_failure(std::string_view login, std::string_view address, Instant at,
                           Instant forget_before) override;
  void hold_sign_in_limits() override;
  void hold_experiments(UserId user) override;
  void forget_sign_in_failures(std::string_view login, std::string_view address, Instant at) override;

 protected:
  [[noreturn]] void not_found(const std::string& what) const;

 private:
  // A device's revoked_at or last_seen_at (`update` binds user, id, time), or not_found.
  void set_device_time(UserId user, DeviceId id, std::string_view update, Instant at);
  // guided sessions
  std::vector<SessionRecord> load_sessions(Statement& s, UserId user);

  // diary entries
  DiaryEntry must_find(UserId user, EntryId id);
  std::vector<DiaryEntry> load(const EntryScope& scope);
  std::int64_t item_id(UserId user, SleepItemKind kind, const std::string& name);
  void bind_fields(Statement& s, UserId user, const DiaryFields& f, int first);
  void delete_children(EntryId id);
  void write_children(UserId user, EntryId id, const DiaryFields& f);
  void write_revision(UserId user, EntryId id, int revision, RevisionOp op, const WriteMeta& meta, LocalDate date,
                      Period period, const DiaryFields& fields);
  DiaryFields decode_fields(const std::string& text, LocalDate date, Period period) const;

  // personal experiments
  std::vector<Experiment> load_experiments(UserId user, std::optional<ExperimentId> id);

  Connection& db_;
};

}  // namespace daybreak::sql
