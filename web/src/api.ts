// The daybreak HTTP API as the app uses it: the shapes of docs/openapi.yaml,
// and a fetch wrapper that turns RFC 9457 problems into ApiError.

export const PERIODS = ['night', 'morning', 'afternoon', 'evening'] as const;
export type Period = (typeof PERIODS)[number];
export type PeriodStatus = 'logged' | 'due' | 'later' | 'missed';

export interface Medication {
  name: string;
  dose?: string;
  taken_at?: string;
}

// Diary fields as JSON: what fields_to_json writes. Unset fields are absent.
export interface Fields {
  pain?: number;
  stiffness_minutes?: number;
  still_stiff?: boolean;
  stiffness_severity?: number;
  signs?: string[];
  locations?: string[];
  leg_symptoms?: string[];
  red_flags?: 'yes' | 'no'; // the one-tap safety question: yes locks exercise
  medications?: Medication[];
  relief?: string[];
  walking_minutes?: number;
  sitting_hours?: number;
  anxiety?: number;
  bedtime?: string;
  wake_time?: string;
  awakenings?: number;
  sleep_quality?: number;
  sleep_position?: string;
  mattress?: string;
  pillows?: string[]; // [] = no pillow that night (sent as ["none"] or [])
  room_temperature?: number;
  humidity?: number;
  factors?: Record<string, string>;
  note?: string;
}

export interface Entry {
  id: number;
  date: string;
  period: Period;
  revision: number;
  created_at: string;
  updated_at: string;
  fields: Fields;
}

export interface Today {
  date: string;
  time_zone: string;
  local_time: string;
  // from: the time of day a later period is asked for ("14:00"), while it is later.
  periods: { period: Period; status: PeriodStatus; from?: string; entry?: Entry }[];
  // The last 7 days, today included (absent in a Today kept from an older daybreak).
  week?: { days: number; mornings_logged: number; sessions: number | null; done_today: Routine[] };
}

export interface FieldDef {
  name: keyof Fields & string;
  label: string;
  help: string;
  shape: 'number' | 'flag' | 'choice' | 'choices' | 'time' | 'text' | 'list';
  periods: Period[];
  required: boolean;
  repeatable: boolean;
  unit: string;
  allowed: string;
  choices?: string[];
  choice_labels?: string[]; // what a form shows for each choice, in order
  min?: number;
  max?: number;
  step?: number;
}

export interface Catalogue {
  periods: Period[];
  fields: FieldDef[];
}

export interface NewEntry {
  date: string;
  period: Period;
  fields: Fields;
  replace?: boolean;
}

export interface Created {
  outcome: 'created' | 'replaced' | 'replayed';
  entry: Entry;
  safety?: SafetyGate; // a yes to the one-tap check: the gate it closed
}

export interface Revision {
  revision: number;
  operation: 'create' | 'edit' | 'replace' | 'import' | 'delete';
  recorded_at: string;
  channel: string;
  date: string;
  period: Period;
  fields: Fields;
}

export interface SleepItem {
  id: number;
  kind: 'mattress' | 'pillow';
  name: string;
  created_at: string;
  retired_at?: string;
}

export interface Profile {
  name: string;
  time_zone: string;
  since: string;
}

// The times the reminders are at (GET/PATCH /api/reminders), as `daybreak reminders` sets them.
export interface ReminderTimes {
  morning_routine: string; // "06:30", in bed before getting up
  morning_log: string;
  evening_routine: string;
  safety_check: string; // "mon 09:00"
  experiment: string; // the evening before each night of an experiment
}

export interface ImportSummary {
  safety?: SafetyGate; // the file brought in a warning sign: the gate it closed
  added: number;
  replaced: number;
  unchanged: number;
  items_created: string[];
  written: boolean;
}

// What a FHIR import did (or would do, with dry_run): the entries as the CSV
// import counts them, and the sessions, questionnaires, safety checks and experiments beside them.
export interface FhirImportSummary extends ImportSummary {
  sessions_added: number;
  sessions_unchanged: number;
  responses_added: number;
  responses_unchanged: number;
  screenings_added: number; // safety checks
  screenings_unchanged: number;
  stages_set: number; // where the program stands, set from the file
  levels_set: number;
  program_kept: number; // stages and levels the diary had already, with another value
  experiments_added: number; // personal experiments
  experiments_updated: number; // one the diary has, stopped as the file's was
  experiments_unchanged: number;
  nights_added: number; // the experiments' nights
  nights_updated: number;
  nights_unchanged: number;
  decisions_added: number; // the program's past decisions, new to the diary
  decisions_unchanged: number;
}

export interface CheckReport {
  schema_version: number;
  entries: number;
  ok: boolean;
  problems: string[];
}

export interface FieldProblem {
  field: string;
  value: string;
  allowed: string;
}

// What to do next (docs/openapi.yaml, Hint): components/hint.tsx words it as a button.
export interface Hint {
  action: string;
  args: Record<string, string>;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  details?: string[];
  existing_entry?: number;
  hint?: Hint;
}

// The server answered with a problem (4xx or 5xx). `retryAfter`: the seconds
// its Retry-After header asked to wait (too many sign-in attempts), if any.
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
  }
}

// daybreak could not be reached at all (offline, stopped, timed out).
export class Unreachable extends Error {
  constructor(cause: unknown) {
    super('daybreak cannot be reached');
    this.name = 'Unreachable';
    this.cause = cause;
  }
}

// Whether a problem is of a kind: its type URI ends with the kind's name
// ("tag:daybreak,2026:sign-in-required" is "sign-in-required").
export function isProblem(problem: Problem | undefined, kind: string): boolean {
  if (!problem) return false;
  return problem.type === kind || problem.type.endsWith(`:${kind}`) || problem.type.endsWith(`/${kind}`);
}

// A write the server refused for want of a (current) CSRF token.
export function isCsrfProblem(problem: Problem | undefined): boolean {
  return problem?.status === 403 && (isProblem(problem, 'csrf-token-missing') || isProblem(problem, 'csrf-token-wrong'));
}

// Accounts (a clinic, issue 21). On a person's own computer accounts are off:
// no token, nobody viewed, and every request goes out as it always did. In a
// clinic every write carries the session's CSRF token, and while a clinician
// views a person who shares with them, every request about that person's data
// names them (person=<id>). Both live here, in the one place requests are sent.
let csrfToken: string | null = null;
let viewing: number | null = null;
let viewingSince = 0; // bumped each time whom a clinician views changes
const signInListeners = new Set<(problem: Problem) => void>();
const notSharedListeners = new Set<(person: number, problem: Problem) => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

export function setViewingPerson(id: number | null): void {
  viewing = id;
  viewingSince += 1;
}

export function viewingPersonId(): number | null {
  return viewing;
}

// Called with the problem whenever the server says to sign in first.
export function onSignInRequired(listener: (problem: Problem) => void): () => void {
  signInListeners.add(listener);
  return () => signInListeners.delete(listener);
}

// Called with the person and the problem whenever the server refuses a
// request about the person a clinician views because they do not share it
// (403 no-grant: they stopped sharing, or never shared that part). An
// answer to a request sent while another person (or nobody) was viewed
// calls nobody: it says nothing of whoever is viewed now.
export function onNotShared(listener: (person: number, problem: Problem) => void): () => void {
  notSharedListeners.add(listener);
  return () => notSharedListeners.delete(listener);
}

// About the signed-in account itself, never about the person viewed.
const OWN_PATHS = [
  '/api/account',
  '/api/sign-in',
  '/api/sign-out',
  '/api/invitations',
  '/api/people',
  '/api/grants',
  '/api/clinicians',
  '/api/access-log',
  '/api/health',
  '/api/exercises', // the content: the same for everyone
];

// The address to ask for: with person=<id> added while a clinician views a
// person (links to downloads use it too).
export function apiPath(path: string): string {
  if (!namesViewed(path)) return path;
  const [head, fragment] = path.split('#', 2);
  const joined = `${head}${head!.includes('?') ? '&' : '?'}person=${viewing}`;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}

// Whether a request to `path` is about the person viewed (apiPath names them).
function namesViewed(path: string): boolean {
  if (viewing === null || !path.startsWith('/api/')) return false;
  const bare = path.split(/[?#]/)[0]!;
  return !OWN_PATHS.some((p) => bare === p || bare.startsWith(`${p}/`));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

// Retry-After in seconds: a number of seconds or an HTTP date; undefined when absent.
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const TIMEOUT_MS = 10_000;

export interface RequestOptions {
  body?: unknown;
  text?: string; // sent as text/csv, or as textType
  textType?: string;
  headers?: Record<string, string>;
}

// Sends a request; a write the server refuses for want of a current CSRF token
// (the session changed since it was read) is sent once more with a fresh one.
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, options);
  } catch (e) {
    if (!(e instanceof ApiError) || !isWrite(method) || !isCsrfProblem(e.problem)) throw e;
    await refreshCsrfToken();
    return send<T>(method, path, options);
  }
}

// Asks the server for the session's token again (GET /api/account).
export async function refreshCsrfToken(): Promise<string | null> {
  const account = await send<{ accounts: boolean; csrf?: string }>('GET', '/api/account');
  csrfToken = account.accounts ? (account.csrf ?? null) : null;
  return csrfToken;
}

async function send<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (csrfToken && isWrite(method)) headers['X-CSRF-Token'] = csrfToken;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (options.text !== undefined) {
    headers['Content-Type'] = options.textType ?? 'text/csv';
    body = options.text;
  }
  const about = namesViewed(path) ? { person: viewing!, since: viewingSince } : null;
  let response: Response;
  try {
    response = await fetch(apiPath(path), { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (e) {
    throw new Unreachable(e);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    let problem: Problem;
    try {
      const parsed = JSON.parse(text) as Partial<Problem> | null;
      if (typeof parsed !== 'object' || parsed === null) throw new Error('not a problem');
      problem = {
        ...parsed,
        type: typeof parsed.type === 'string' ? parsed.type : 'about:blank',
        title: typeof parsed.title === 'string' ? parsed.title : response.statusText || 'Error',
        status: typeof parsed.status === 'number' ? parsed.status : response.status,
      };
    } catch {
      problem = { type: 'about:blank', title: response.statusText || 'Error', status: response.status };
    }
    if (response.status === 401 && isProblem(problem, 'sign-in-required')) {
      for (const l of [...signInListeners]) l(problem);
    }
    if (response.status === 403 && about && about.since === viewingSince && isProblem(problem, 'no-grant')) {
      for (const l of [...notSharedListeners]) l(about.person, problem);
    }
    throw new ApiError(problem, retryAfterSeconds(response.headers?.get?.('Retry-After') ?? null));
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

import type { FigureData } from './figure/figure';

// Guided sessions (the plans, played by the web player): the shapes of
// docs/session-plan.md, with each step's words (`text`) added by the API.
export type Routine = 'morning' | 'evening' | 'flare';
export type StopReason = 'pain' | 'time' | 'other';

export interface PlanExercise {
  id: string;
  name: string;
  kind: string;
  position: string;
  sides: string;
  level: number;
  levels: number;
  instead_of: string | null;
  dose_text: string;
  note: string;
  instructions: string[];
  first_step: number;
  step_count: number;
  dose?: { tempo: string };
  figure?: FigureData; // added by GET /api/session-plans: the stick figure's poses
}

export interface PlanStep {
  exercise: number;
  type: 'ready' | 'reps' | 'hold' | 'timed' | 'relax' | 'switch_sides' | 'rest';
  side: 'none' | 'left' | 'right' | 'alternating';
  set: number;
  sets: number;
  rep: number;
  reps: number;
  seconds: number;
  rep_seconds: number;
  cue: string;
  text: string;
}

export interface SessionPlan {
  format: string;
  program: string;
  program_name: string;
  stage: number;
  routine: Routine;
  title: string;
  intro: string;
  total_seconds: number;
  work_steps: number;
  exercises: PlanExercise[];
  steps: PlanStep[];
}

export interface SessionRecord {
  id: number;
  program: string;
  stage: number;
  routine: Routine;
  started_at: string;
  ended_at: string;
  duration_seconds: number;
  pain_before: number;
  completed: boolean;
  stop_reason: StopReason | null;
  work_steps: { total: number; done: number; skipped: number };
  steps: string;
  exercises: { exercise: string; level: number; work_steps: number; done: number; skipped: number; pain_during: number | null }[];
  idempotency_key: string | null;
  recorded_at: string;
  channel: string;
}

export interface NewSession {
  program: string;
  stage: number;
  routine: Routine;
  started_at: string;
  pain_before: number;
  steps: string;
  pain_during: (number | null)[];
  stop_reason: StopReason | null;
  duration_seconds: number;
}

// An exercise of the content (GET /api/exercises), for the library and its pages.
export type ExerciseKind = 'stretch' | 'mobility' | 'activation' | 'strength' | 'aerobic';
export interface ExerciseDose {
  mode: 'reps' | 'holds' | 'timed';
  sets: number;
  reps: number;
  hold_seconds: number;
  minutes: number;
  tempo: string;
  relax_seconds: number;
  rest_seconds: number;
}
export interface Exercise {
  id: string;
  name: string;
  summary: string;
  kind: ExerciseKind;
  position: 'in_bed' | 'floor' | 'standing' | 'chair';
  sides: 'both' | 'each' | 'alternate';
  muscles: string[];
  tags: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  notice: string;
  easier: string | null;
  harder: string | null;
  dose: ExerciseDose;
  levels: { level: number; dose?: ExerciseDose; text?: string; move_to?: string }[];
  source: string;
  figure: FigureData;
  used_in: { program: string; stage: number | null; stage_name: string | null; routine: Routine; title: string }[];
}

export interface ProgramStatus {
  program: string;
  program_name: string;
  stage: number;
  stages: number;
  stage_name: string;
  stage_goal: string;
  routines: { routine: Routine; title: string; total_seconds: number; exercises: number }[];
}

// The safety check (docs/safety.md): the gate, the questions, a check's result.
export type SafetyCheckKind = 'full' | 'legs';
export type YesNo = 'yes' | 'no';

export interface FlagReport {
  question: string;
  label: string;
  at: string;
  check: string;
}

export interface ReviewedFlag {
  question: string;
  label: string;
  reviewed_at: string;
}

export interface SafetyGate {
  status: 'ok' | 'check_needed' | 'paused' | 'locked';
  session_allowed: boolean;
  progression_allowed: boolean;
  reasons: string[];
  emergency: FlagReport[];
  urgent: FlagReport[];
  reviewed: ReviewedFlag[]; // urgent warning signs a clinician has seen, still reported
  unchecked_leg_entries: number[];
  last_full_check: string | null;
  next_full_check: string | null;
  last_clinician_review: string | null;
  emergency_number: string | null;
  emergency_number_chosen: boolean;
  as_of?: string; // the moment the gate stands at, on daybreak's clock
  // GET /api/safety: the inflammatory back pain screen, with the CLI's
  // message while it is positive (not while exercise is locked).
  ibp?: { outcome: 'positive' | 'negative' | 'not_applicable'; message?: SafetyMessage };
}

export interface SafetyQuestion {
  id: string;
  question: string;
  label: string;
  level: 'emergency' | 'urgent' | null;
  group: 'warning_signs' | 'back_pain_pattern';
}

// A message the CLI prints, in the server's words: paragraphs and lists.
export interface SafetyMessage {
  title: string;
  blocks: ({ text: string } | { list: string[] })[];
}

export interface SafetyCheckResult {
  check: { id: number; kind: SafetyCheckKind; at: string; result: 'no_flags' | 'urgent' | 'emergency'; raised: string[] };
  safety: SafetyGate;
  // A full check: the inflammatory back pain screen; its message when positive.
  ibp?: { outcome: 'positive' | 'negative' | 'not_applicable'; message?: SafetyMessage };
}

export const api = {
  health: () => request<{ status: string; version: string }>('GET', '/api/health'),
  today: () => request<Today>('GET', '/api/today'),
  catalogue: () => request<Catalogue>('GET', '/api/fields'),
  entries: (from: string, to: string) =>
    request<{ from: string; to: string; entries: Entry[] }>('GET', `/api/entries?from=${from}&to=${to}`),
  entry: (id: number) => request<Entry>('GET', `/api/entries/${id}`),
  revisions: (id: number) => request<{ entry: number; revisions: Revision[] }>('GET', `/api/entries/${id}/revisions`),
  create: (entry: NewEntry, key: string) =>
    request<Created>('POST', '/api/entries', { body: entry, headers: { 'Idempotency-Key': key } }),
  edit: (id: number, fields: Record<string, unknown>) => request<Entry>('PATCH', `/api/entries/${id}`, { body: { fields } }),
  remove: (id: number) => request<Entry>('DELETE', `/api/entries/${id}`),
  items: () => request<{ items: SleepItem[] }>('GET', '/api/sleep-items'),
  addItem: (kind: SleepItem['kind'], name: string) => request<SleepItem>('POST', '/api/sleep-items', { body: { kind, name } }),
  retireItem: (id: number) => request<SleepItem>('POST', `/api/sleep-items/${id}/retire`),
  profile: () => request<Profile>('GET', '/api/profile'),
  saveProfile: (change: Partial<Pick<Profile, 'name' | 'time_zone'>>) =>
    request<Profile>('PATCH', '/api/profile', { body: change }),
  timeZones: () => request<{ zones: string[] }>('GET', '/api/time-zones'),
  reminderTimes: () => request<ReminderTimes>('GET', '/api/reminders'),
  saveReminderTimes: (change: Partial<ReminderTimes>) =>
    request<ReminderTimes>('PATCH', '/api/reminders', { body: change }),
  importCsv: (csv: string, dryRun: boolean, replace: boolean) =>
    request<ImportSummary>('POST', `/api/import/csv?dry_run=${dryRun}&replace=${replace}`, { text: csv }),
  importFhir: (bundle: string, dryRun: boolean, replace: boolean) =>
    request<FhirImportSummary>('POST', `/api/import/fhir?dry_run=${dryRun}&replace=${replace}`, {
      text: bundle,
      textType: 'application/fhir+json',
    }),
  check: () => request<CheckReport>('GET', '/api/check'),
  program: () => request<ProgramStatus>('GET', '/api/program'),
  exercises: () => request<{ exercises: Exercise[] }>('GET', '/api/exercises'),
  plan: (routine: Routine) => request<SessionPlan>('GET', `/api/session-plans/${routine}`),
  sessions: (limit = 60) => request<{ sessions: SessionRecord[] }>('GET', `/api/sessions?limit=${limit}`),
  saveSession: (session: NewSession, key: string) =>
    request<SessionRecord>('POST', '/api/sessions', { body: session, headers: { 'Idempotency-Key': key } }),
  safety: () => request<SafetyGate>('GET', '/api/safety'),
  safetyQuestions: (check: SafetyCheckKind) =>
    request<{ check: SafetyCheckKind; questions: SafetyQuestion[] }>('GET', `/api/safety/questions?check=${check}`),
  recordSafetyCheck: (check: SafetyCheckKind, answers: Record<string, YesNo>) =>
    request<SafetyCheckResult>('POST', '/api/safety/checks', { body: { check, answers } }),
};
