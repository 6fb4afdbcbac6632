#include "store/sqlite_schema.hpp"

#include <array>

namespace daybreak::sqlite {
namespace {

// Version 1: users, sleep items, diary entries with their lists, and revisions.
// Every table carries user_id. Sets are stored as their names joined by ';',
// instants as Unix seconds (UTC), decimals as tenths.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE users (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  time_zone   TEXT NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE sleep_items (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  kind        TEXT NOT NULL CHECK (kind IN ('mattress', 'pillow')),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  created_at  INTEGER NOT NULL,
  retired_at  INTEGER,
  UNIQUE (user_id, kind, name)
) STRICT;

CREATE TABLE entries (
  id                  INTEGER PRIMARY KEY,
  user_id             INTEGER NOT NULL REFERENCES users(id),
  day                 TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  period              TEXT NOT NULL CHECK (period IN ('night', 'morning', 'afternoon', 'evening')),
  pain                INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
  stiffness_minutes   INTEGER CHECK (stiffness_minutes BETWEEN 0 AND 720),
  still_stiff         INTEGER NOT NULL DEFAULT 0 CHECK (still_stiff IN (0, 1)),
  stiffness_severity  INTEGER CHECK (stiffness_severity BETWEEN 0 AND 10),
  signs               TEXT NOT NULL DEFAULT '',
  locations           TEXT NOT NULL DEFAULT '',
  leg_symptoms        TEXT NOT NULL DEFAULT '',
  relief              TEXT NOT NULL DEFAULT '',
  walking_minutes     INTEGER CHECK (walking_minutes BETWEEN 0 AND 1440),
  sitting_tenths      INTEGER CHECK (sitting_tenths BETWEEN 0 AND 240),
  anxiety             INTEGER CHECK (anxiety BETWEEN 0 AND 10),
  bedtime             INTEGER,
  wake_time           INTEGER,
  awakenings          INTEGER CHECK (awakenings BETWEEN 0 AND 20),
  sleep_quality       INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
  sleep_position      TEXT CHECK (sleep_position IN ('back', 'left_side', 'right_side', 'front', 'mixed')),
  mattress_id         INTEGER REFERENCES sleep_items(id),
  room_temp_tenths    INTEGER CHECK (room_temp_tenths BETWEEN 0 AND 400),
  humidity            INTEGER CHECK (humidity BETWEEN 0 AND 100),
  note                TEXT NOT NULL DEFAULT '',
  revision            INTEGER NOT NULL CHECK (revision >= 1),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL,
  deleted_at          INTEGER,
  idempotency_key     TEXT
) STRICT;

-- One live entry per period per day; also the index for date-range reads.
CREATE UNIQUE INDEX entries_by_day ON entries(user_id, day, period) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX entries_by_key ON entries(user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

CREATE TABLE entry_medications (
  entry_id  INTEGER NOT NULL REFERENCES entries(id),
  user_id   INTEGER NOT NULL REFERENCES users(id),
  position  INTEGER NOT NULL,
  name      TEXT NOT NULL,
  dose      TEXT NOT NULL DEFAULT '',
  taken_at  INTEGER,
  PRIMARY KEY (entry_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE entry_factors (
  entry_id  INTEGER NOT NULL REFERENCES entries(id),
  user_id   INTEGER NOT NULL REFERENCES users(id),
  name      TEXT NOT NULL,
  value     TEXT NOT NULL,
  PRIMARY KEY (entry_id, name)
) STRICT, WITHOUT ROWID;

-- Key columns first: SQLite 3.40's integrity_check wrongly reports NULLs in a
-- WITHOUT ROWID table whose last key column is declared after a non-key one.
CREATE TABLE entry_pillows (
  entry_id  INTEGER NOT NULL REFERENCES entries(id),
  item_id   INTEGER NOT NULL REFERENCES sleep_items(id),
  user_id   INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (entry_id, item_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entry_pillows_by_item ON entry_pillows(item_id);

-- Every version of every entry, as JSON of its fields (times in UTC).
CREATE TABLE entry_revisions (
  entry_id       INTEGER NOT NULL REFERENCES entries(id),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  revision       INTEGER NOT NULL,
  operation      TEXT NOT NULL CHECK (operation IN ('create', 'edit', 'replace', 'import', 'delete')),
  recorded_at    INTEGER NOT NULL,
  actor_user_id  INTEGER NOT NULL REFERENCES users(id),
  channel        TEXT NOT NULL,
  day            TEXT NOT NULL,
  period         TEXT NOT NULL,
  fields         TEXT NOT NULL,
  PRIMARY KEY (entry_id, revision)
) STRICT;
)sql";

// Version 2: guided sessions with the plan they played, how each
// exercise went, and the person's level per exercise and stage per program.
// Step outcomes are one letter per plan step: d done, s skipped, - not reached.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE sessions (
  id               INTEGER PRIMARY KEY,
  user_id          INTEGER NOT NULL REFERENCES users(id),
  program          TEXT NOT NULL,
  stage            INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 100),
  routine          TEXT NOT NULL CHECK (routine IN ('morning', 'evening', 'flare')),
  started_at       INTEGER NOT NULL,
  ended_at         INTEGER NOT NULL CHECK (ended_at >= started_at),
  pain_before      INTEGER NOT NULL CHECK (pain_before BETWEEN 0 AND 10),
  stop_reason      TEXT CHECK (stop_reason IN ('pain', 'time', 'other')),
  step_outcomes    TEXT NOT NULL CHECK (length(step_outcomes) >= 1 AND step_outcomes NOT GLOB '*[^ds-]*'),
  plan             TEXT NOT NULL,  -- JSON, docs/session-plan.md
  idempotency_key  TEXT,
  recorded_at      INTEGER NOT NULL,
  channel          TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_start ON sessions(user_id, started_at);
CREATE UNIQUE INDEX sessions_by_key ON sessions(user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;

-- Key columns first (see entry_pillows).
CREATE TABLE session_exercises (
  session_id   INTEGER NOT NULL REFERENCES sessions(id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  exercise     TEXT NOT NULL,
  level        INTEGER NOT NULL CHECK (level >= 1),
  work_steps   INTEGER NOT NULL CHECK (work_steps >= 0),
  done         INTEGER NOT NULL CHECK (done >= 0),
  skipped      INTEGER NOT NULL CHECK (skipped >= 0 AND done + skipped <= work_steps),
  pain_during  INTEGER CHECK (pain_during BETWEEN 0 AND 10),
  PRIMARY KEY (session_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_levels (
  user_id     INTEGER NOT NULL REFERENCES users(id),
  exercise    TEXT NOT NULL,
  level       INTEGER NOT NULL CHECK (level >= 1),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, exercise)
) STRICT, WITHOUT ROWID;

CREATE TABLE program_stages (
  user_id     INTEGER NOT NULL REFERENCES users(id),
  program     TEXT NOT NULL,
  stage       INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 100),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, program)
) STRICT, WITHOUT ROWID;
)sql";

// Version 3: safety screening and questionnaires. The diary's
// one-tap safety check, the person's settings (emergency number...), every
// screening event with its answers and result, and every questionnaire
// response with its score.
// Events and responses are never updated or deleted. JSON columns are checked
// by their first character: json_valid() is not allowed in a CHECK while
// trusted_schema is off (SQLite 3.40 does not mark it innocuous).
constexpr std::string_view kV3 = R"sql(
ALTER TABLE entries ADD COLUMN red_flags TEXT CHECK (red_flags IN ('no', 'yes'));

CREATE TABLE settings (
  user_id     INTEGER NOT NULL REFERENCES users(id),
  key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 40),
  value       TEXT NOT NULL CHECK (length(value) <= 200),
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE screening_events (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id),
  kind         TEXT NOT NULL CHECK (kind IN ('full', 'quick', 'legs', 'clinician_seen')),
  recorded_at  INTEGER NOT NULL,
  channel      TEXT NOT NULL,
  entry_id     INTEGER REFERENCES entries(id),
  answers      TEXT NOT NULL CHECK (substr(answers, 1, 1) = '{'),
  result       TEXT NOT NULL CHECK (result IN ('no_flags', 'urgent', 'emergency', 'acknowledged')),
  raised       TEXT NOT NULL DEFAULT '',
  ibp          TEXT CHECK (ibp IS NULL OR substr(ibp, 1, 1) = '{')
) STRICT;
CREATE INDEX screening_events_by_user ON screening_events(user_id, recorded_at);

CREATE TABLE questionnaire_responses (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  instrument  TEXT NOT NULL CHECK (length(instrument) BETWEEN 1 AND 40),
  version     TEXT NOT NULL,
  taken_at    INTEGER NOT NULL,
  channel     TEXT NOT NULL,
  answers     TEXT NOT NULL CHECK (substr(answers, 1, 1) = '['),
  score       REAL NOT NULL,
  band        TEXT NOT NULL DEFAULT '',
  subscales   TEXT NOT NULL CHECK (substr(subscales, 1, 1) = '{'),
  answered    INTEGER NOT NULL CHECK (answered >= 0),
  skipped     INTEGER NOT NULL CHECK (skipped >= 0),
  notes       TEXT NOT NULL CHECK (substr(notes, 1, 1) = '[')
) STRICT;
CREATE INDEX questionnaire_responses_by_user ON questionnaire_responses(user_id, instrument, taken_at);
)sql";

// Version 4: personal experiments and what was logged for their
// nights. The order within each pair is stored as well as the seed it came
// from, so a schedule never changes once made.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE experiments (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES users(id),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 124),
  condition_a     TEXT NOT NULL CHECK (length(condition_a) BETWEEN 1 AND 60),
  condition_b     TEXT NOT NULL CHECK (length(condition_b) BETWEEN 1 AND 60),
  first_night     TEXT NOT NULL CHECK (first_night GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  pairs           INTEGER NOT NULL CHECK (pairs BETWEEN 3 AND 12),
  period_nights   INTEGER NOT NULL CHECK (period_nights BETWEEN 5 AND 28),
  washout_nights  INTEGER NOT NULL CHECK (washout_nights BETWEEN 0 AND period_nights - 3),
  seed            INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 9007199254740991),
  orders          TEXT NOT NULL CHECK (length(orders) = 3 * pairs - 1),
  created_at      INTEGER NOT NULL,
  stopped_at      INTEGER,
  stopped_after   TEXT CHECK (stopped_after GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  stop_reason     TEXT NOT NULL DEFAULT '',
  CHECK ((stopped_at IS NULL) = (stopped_after IS NULL))
) STRICT;
CREATE INDEX experiments_by_user ON experiments(user_id, first_night);

CREATE TABLE experiment_nights (
  experiment_id  INTEGER NOT NULL REFERENCES experiments(id),
  night          TEXT NOT NULL CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  user_id        INTEGER NOT NULL REFERENCES users(id),
  followed       INTEGER NOT NULL CHECK (followed IN (0, 1)),
  note           TEXT NOT NULL DEFAULT '',
  recorded_at    INTEGER NOT NULL,
  PRIMARY KEY (experiment_id, night)
) STRICT, WITHOUT ROWID;
)sql";

// Version 5: progression decisions, each with its inputs and level
// changes as JSON and the sentence shown. The rule decides a program's routine
// once per session day. (JSON functions are not allowed in CHECKs: the schema
// is not trusted.)
constexpr std::string_view kV5 = R"sql(
CREATE TABLE progression_decisions (
  id                 INTEGER PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users(id),
  program            TEXT NOT NULL,
  kind               TEXT NOT NULL CHECK (kind IN ('rule', 'override', 'stage')),
  routine            TEXT CHECK (routine IN ('morning', 'evening')),
  day                TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  verdict            TEXT NOT NULL
                     CHECK (verdict IN ('step_up', 'repeat', 'step_back', 'paused', 'set', 'propose', 'move')),
  reasons            TEXT NOT NULL,
  stage              INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 100),
  inputs             TEXT NOT NULL CHECK (substr(inputs, 1, 1) = '{'),
  changes            TEXT NOT NULL CHECK (substr(changes, 1, 1) = '['),
  sentence           TEXT NOT NULL,
  good_sessions      INTEGER NOT NULL CHECK (good_sessions >= 0),
  last_step_up       TEXT,
  last_weekly_check  TEXT,
  offer_flare        INTEGER NOT NULL CHECK (offer_flare IN (0, 1)),
  note               TEXT NOT NULL,
  decided_at         INTEGER NOT NULL,
  channel            TEXT NOT NULL,
  CHECK ((kind = 'rule') = (routine IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX progression_rule_once ON progression_decisions(user_id, program, routine, day) WHERE kind = 'rule';
CREATE INDEX progression_by_day ON progression_decisions(user_id, program, day);
CREATE INDEX progression_on_day ON progression_decisions(user_id, day);
)sql";

// Version 6: a night can say no pillow was used, so nights without
// the knee pillow are compared with nights with it. Pillows used stay in
// entry_pillows; no_pillows = 1 says "none" and then there are none there.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE entries ADD COLUMN no_pillows INTEGER NOT NULL DEFAULT 0 CHECK (no_pillows IN (0, 1));
)sql";

// Version 7: devices paired to reach `daybreak serve` over the home network.
// Only a SHA-256 of each device's token is kept.
constexpr std::string_view kV7 = R"sql(
CREATE TABLE devices (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER,
  revoked_at    INTEGER
) STRICT;
CREATE INDEX devices_by_user ON devices(user_id, id);
)sql";

// Version 8: a clinic's accounts (issue 21). A person on their own computer
// has none. Sign-in sessions keep only their token's SHA-256; grants are a
// person's consent for a clinician; the audit trail is only ever added to.
constexpr std::string_view kV8 = R"sql(
CREATE TABLE accounts (
  user_id                INTEGER PRIMARY KEY REFERENCES users(id),
  login                  TEXT NOT NULL UNIQUE CHECK (length(login) BETWEEN 1 AND 64),
  role                   TEXT NOT NULL CHECK (role IN ('person', 'clinician', 'admin')),
  password_hash          TEXT,
  invitation_sha256      TEXT UNIQUE CHECK (length(invitation_sha256) = 64),
  invitation_expires_at  INTEGER,
  created_at             INTEGER NOT NULL,
  disabled_at            INTEGER
) STRICT;
CREATE TABLE sign_ins (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  created_at    INTEGER NOT NULL,
  last_seen_at  INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  ended_at      INTEGER
) STRICT;
CREATE INDEX sign_ins_by_user ON sign_ins(user_id, id);
CREATE TABLE grants (
  id            INTEGER PRIMARY KEY,
  user_id       INTEGER NOT NULL REFERENCES users(id),
  clinician_id  INTEGER NOT NULL REFERENCES users(id),
  scope         TEXT NOT NULL CHECK (length(scope) BETWEEN 1 AND 200),
  created_at    INTEGER NOT NULL,
  until_date    TEXT CHECK (until_date IS NULL OR until_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  revoked_at    INTEGER
) STRICT;
CREATE INDEX grants_by_user ON grants(user_id, id);
CREATE INDEX grants_by_clinician ON grants(clinician_id, id);
CREATE TABLE audit_events (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  actor_id   INTEGER NOT NULL REFERENCES users(id),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  action     TEXT NOT NULL CHECK (action IN ('read', 'export', 'change')),
  what       TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 300),
  source     TEXT NOT NULL CHECK (length(source) <= 100),
  status     INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_events_by_user ON audit_events(user_id, id);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is only ever added to'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is only ever added to'); END;
)sql";

// Version 9: who made a decision (issue 21): a clinician sets a person's
// level or stage by hand. Empty for the decisions made before.
constexpr std::string_view kV9 = R"sql(
ALTER TABLE progression_decisions ADD COLUMN decided_by INTEGER REFERENCES users(id);
)sql";

// Version 10: failed sign-ins, so that every server of a clinic counts them
// together (the limits per login and per address).
constexpr std::string_view kV10 = R"sql(
CREATE TABLE sign_in_failures (
  id    INTEGER PRIMARY KEY,
  kind  TEXT NOT NULL CHECK (kind IN ('login', 'address')),
  key   TEXT NOT NULL,
  at    INTEGER NOT NULL
) STRICT;
CREATE INDEX sign_in_failures_by_key ON sign_in_failures(kind, key, at);
)sql";

// Version 11: how many writes changed each person's rows, as in
// PostgreSQL's version 11, where the clinic's servers keep their views of a
// person while it stands. SQLite's one file keeps one version for all
// (PRAGMA data_version), so here the table stays empty (a copy leaves it).
constexpr std::string_view kV11 = R"sql(
CREATE TABLE person_changes (
  id       INTEGER PRIMARY KEY,
  user_id  INTEGER NOT NULL,
  weight   INTEGER NOT NULL CHECK (weight >= 1)
) STRICT;
CREATE INDEX person_changes_by_user ON person_changes(user_id, weight);
)sql";

// Version 12: the name of a clinician who made a decision in another
// install, when the decision comes with a diary (FHIR): at home there is no
// account of theirs to point to.
constexpr std::string_view kV12 = R"sql(
ALTER TABLE progression_decisions ADD COLUMN decided_by_name TEXT CHECK (decided_by_name <> '');
)sql";

constexpr std::array<Migration, 12> kMigrations = {{
    {1, "users, sleep items, diary entries and their revisions", kV1},
    {2, "guided sessions, exercise levels and program stages", kV2},
    {3, "safety screening, settings and questionnaire responses", kV3},
    {4, "personal experiments", kV4},
    {5, "progression decisions", kV5},
    {6, "nights recorded without a pillow", kV6},
    {7, "paired devices", kV7},
    {8, "accounts, sign-ins, grants and the audit trail", kV8},
    {9, "who made a progression decision", kV9},
    {10, "failed sign-ins, counted by every server", kV10},
    {11, "a version of each person's data", kV11},
    {12, "the name of a decision's clinician from another install", kV12},
}};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int latest_schema_version() { return kMigrations.back().version; }

}  // namespace daybreak::sqlite
