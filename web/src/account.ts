// Accounts in a clinic (issue 21): who is signed in and as what, signing in and
// out, invitations, and what a person shares with their clinician. On a
// person's own computer accounts are off (GET /api/account says so) and the
// app works as it always did: no sign-in at all.
//
// The state here is plain (no DOM), so the unit tests drive it: the server
// saying "sign in first" to any request turns it to the sign-in screen, and a
// sign-in turns it back, to the screen the person was on.
import {
  type ApiError,
  isProblem,
  onSignInRequired,
  type Problem,
  request,
  setCsrfToken,
  setViewingPerson,
} from './api';
import { Signal } from './signal';

export type Role = 'person' | 'clinician' | 'admin';

export interface UserRef {
  id: number;
  login: string;
  name: string;
}

export interface User extends UserRef {
  role: Role;
}

export type AccountInfo = { accounts: false } | { accounts: true; user: User; csrf: string; expires_at: string };

export const SCOPES = ['diary', 'program', 'questionnaires', 'safety', 'experiments'] as const;
export type Part = (typeof SCOPES)[number];
export type Scope = 'all' | Part;

export interface Grant {
  id: number;
  clinician: UserRef;
  person: UserRef;
  scope: Scope[];
  created_at: string;
  until: string | null; // the last day it holds (YYYY-MM-DD)
  revoked_at: string | null;
  active: boolean;
}

export interface NewGrant {
  clinician: string; // the clinician's login
  scope: Scope[];
  until: string | null;
}

export interface AccessEvent {
  at: string;
  who: UserRef;
  action: 'read' | 'export' | 'change';
  what: string;
  outcome: 'allowed' | 'refused' | 'failed'; // failed: let in, but the request went wrong (a 404...)
  source: string;
}

export interface Attention {
  kind: 'safety' | 'flare' | 'stage-waiting' | 'not-logged';
  words: string;
}

export interface SharedPerson extends UserRef {
  scope: Scope[];
  until: string | null;
  attention: Attention[];
  last_morning: string | null;
}

export const accountApi = {
  account: () => request<AccountInfo>('GET', '/api/account'),
  signIn: (login: string, password: string) => request<AccountInfo>('POST', '/api/sign-in', { body: { login, password } }),
  signOut: () => request<void>('POST', '/api/sign-out'),
  changePassword: (current: string, next: string) =>
    request<void>('POST', '/api/account/password', { body: { current, new: next } }),
  acceptInvitation: (token: string, password: string) =>
    request<AccountInfo>('POST', '/api/invitations/accept', { body: { token, password } }),
  clinicians: () => request<{ clinicians: UserRef[] }>('GET', '/api/clinicians'),
  grants: () => request<{ grants: Grant[] }>('GET', '/api/grants'),
  share: (grant: NewGrant) => request<Grant>('POST', '/api/grants', { body: grant }),
  stopSharing: (id: number) => request<void>('DELETE', `/api/grants/${id}`),
  accessLog: () => request<{ events: AccessEvent[] }>('GET', '/api/access-log'),
  people: () => request<{ people: SharedPerson[] }>('GET', '/api/people'),
};

// Where the app stands:
// - loading: not asked yet;
// - unknown: daybreak could not be reached to ask: the app shows as it
//   always did (offline), and the first answer settles it;
// - off: no accounts (a person's own computer);
// - signed-in: as `user`;
// - signed-out: the sign-in screen shows; `why` picks its first words.
export type AccountState =
  | { kind: 'loading' }
  | { kind: 'unknown' }
  | { kind: 'off' }
  | { kind: 'signed-in'; user: User; expiresAt: string }
  | { kind: 'signed-out'; why: 'start' | 'expired' | 'signed-out' };

export function stateFromInfo(info: AccountInfo): AccountState {
  return info.accounts ? { kind: 'signed-in', user: info.user, expiresAt: info.expires_at } : { kind: 'off' };
}

// The server said "sign in first" to some request.
export function afterSignInRequired(state: AccountState): AccountState {
  if (state.kind === 'signed-out') return state;
  return { kind: 'signed-out', why: state.kind === 'signed-in' ? 'expired' : 'start' };
}

// What GET /api/account failing means: a sign-in-required problem is the
// sign-in screen; anything else (unreachable, a server error) leaves it open.
export function stateAfterFailure(state: AccountState, error: unknown): AccountState {
  const problem = (error as ApiError | undefined)?.problem as Problem | undefined;
  if (problem && problem.status === 401 && isProblem(problem, 'sign-in-required')) return afterSignInRequired(state);
  return state.kind === 'loading' ? { kind: 'unknown' } : state;
}

// Whether the app shows its screens (true) or the sign-in screen (false).
export function showsApp(state: AccountState): boolean {
  return state.kind !== 'signed-out' && state.kind !== 'loading';
}

export function roleOf(state: AccountState): Role | null {
  return state.kind === 'signed-in' ? state.user.role : null;
}

export const account = new Signal<AccountState>({ kind: 'loading' });

// Whose this device's memory is: the signed-in person's login (accounts on),
// or nobody's in particular (undefined: accounts off). The login is kept on
// this device until they sign out, so what is written or kept while daybreak
// cannot be reached (not knowing yet who is signed in) is still theirs: the
// outbox's entries (state.ts) and the last safety gate read (api_safety.ts).
const OWNER_KEY = 'daybreak.outbox.owner';

export function deviceOwner(): string | undefined {
  const s = account.value;
  try {
    if (s.kind === 'signed-in') {
      localStorage.setItem(OWNER_KEY, s.user.login);
      return s.user.login;
    }
    if (s.kind === 'off' || (s.kind === 'signed-out' && s.why === 'signed-out')) localStorage.removeItem(OWNER_KEY);
    if (s.kind === 'loading' || s.kind === 'unknown') return localStorage.getItem(OWNER_KEY) ?? undefined;
  } catch {
    /* no storage: nobody remembered */
  }
  return undefined;
}

// The person a clinician is looking at (their name for the banner, and what
// they share), kept for this tab so a reload stays on them.
export interface Viewed {
  id: number;
  name: string;
  scope?: Scope[]; // as GET /api/people said when the view began; unknown in a view kept by an older app
}

// Whether the screens may ask for `part` of the data: always of one's own
// (nobody viewed), and of a person viewed when they share it (or when what
// they share is not known: the server decides). Asking for a part a person
// does not share would only be refused, and recorded in their access log.
export function viewedShares(part: Part, viewed: Viewed | null = viewing.value): boolean {
  return !viewed?.scope || viewed.scope.includes('all') || viewed.scope.includes(part);
}

export const viewing = new Signal<Viewed | null>(null);
const VIEWING_KEY = 'daybreak.viewing.v1';

function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function viewPerson(person: Viewed | null): void {
  setViewingPerson(person?.id ?? null);
  viewing.set(person);
  const storage = tabStorage();
  if (!storage) return;
  if (person) storage.setItem(VIEWING_KEY, JSON.stringify(person));
  else storage.removeItem(VIEWING_KEY);
}

function restoreViewing(): void {
  const text = tabStorage()?.getItem(VIEWING_KEY);
  if (!text) return;
  try {
    const v = JSON.parse(text) as Viewed;
    if (typeof v.id === 'number' && typeof v.name === 'string') {
      setViewingPerson(v.id);
      viewing.set({ id: v.id, name: v.name, ...(Array.isArray(v.scope) ? { scope: v.scope } : {}) });
    }
  } catch {
    /* a broken value: nobody is viewed */
  }
}

// Takes an answer of GET /api/account, sign-in or an accepted invitation.
export function applyInfo(info: AccountInfo): AccountState {
  setCsrfToken(info.accounts ? info.csrf : null);
  const before = account.value;
  const next = stateFromInfo(info);
  // Someone else signed in: they view nobody.
  if (next.kind !== 'signed-in' || next.user.role !== 'clinician') viewPerson(null);
  else if (before.kind === 'signed-in' && before.user.id !== next.user.id) viewPerson(null);
  account.set(next);
  return next;
}

export async function loadAccount(): Promise<AccountState> {
  try {
    return applyInfo(await accountApi.account());
  } catch (e) {
    const next = stateAfterFailure(account.value, e);
    account.set(next);
    return next;
  }
}

// Signs in; resolves to whether the same user was signed in before (the
// screens may then keep what they show), throws ApiError when refused.
export async function signIn(login: string, password: string, previous: number | null): Promise<boolean> {
  const next = applyInfo(await accountApi.signIn(login, password));
  return next.kind === 'signed-in' && next.user.id === previous;
}

export async function signOut(): Promise<void> {
  await accountApi.signOut();
  setCsrfToken(null);
  viewPerson(null);
  account.set({ kind: 'signed-out', why: 'signed-out' });
}

// The user before the server asked to sign in again (the session expired).
let lastUser: number | null = null;

export function lastSignedIn(): number | null {
  return lastUser;
}

account.subscribe(() => {
  const s = account.value;
  if (s.kind === 'signed-in') lastUser = s.user.id;
});

onSignInRequired(() => account.set(afterSignInRequired(account.value)));
restoreViewing();

// "diary, program" / "everything", for a grant's line.
export const PART_LABELS: Record<Part, string> = {
  diary: 'Diary',
  program: 'Program and sessions',
  questionnaires: 'Questionnaires',
  safety: 'Safety checks',
  experiments: 'Experiments',
};

export function scopeText(scope: Scope[]): string {
  if (scope.includes('all')) return 'Everything';
  const parts = SCOPES.filter((p) => scope.includes(p)).map((p) => PART_LABELS[p]);
  if (parts.length === 0) return 'Nothing';
  const text = parts.join(', ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// How a problem of signing in reads: wrong login or password, too many tries
// (with when to try again), or anything else in the server's words.
export function signInProblemText(problem: Problem, retryAfter: number | undefined): string {
  if (problem.status === 429) {
    const wait = retryAfter === undefined ? '' : ` Try again ${waitText(retryAfter)}.`;
    return `Too many tries to sign in.${wait || ' Please wait a little, then try again.'}`;
  }
  if (isProblem(problem, 'sign-in-failed')) return sentence(problem.detail ?? 'The login or password is wrong.');
  return sentence(problem.detail ?? problem.title);
}

// "in 30 seconds", "in 1 minute", "in 15 minutes", "in 2 hours".
export function waitText(seconds: number): string {
  if (seconds <= 1) return 'in a moment';
  if (seconds < 60) return `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `in ${hours} hours`;
}

function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// The invitation token from the link's fragment (/invite#TOKEN, or
// #token=TOKEN); '' when there is none.
export function invitationToken(hash: string): string {
  const h = hash.replace(/^#/, '');
  const named = /(?:^|&)token=([^&]*)/.exec(h);
  const raw = named ? named[1]! : h.includes('=') ? '' : h;
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return '';
  }
}

// What a refused invitation means for the person.
export function invitationProblemText(problem: Problem): string {
  if (isProblem(problem, 'invitation-expired') || problem.status === 410)
    return 'This invitation link has expired. Please ask your clinic for a new link.';
  if (isProblem(problem, 'invitation-unknown') || problem.status === 404)
    return 'This invitation link is not known here: it may have been used already. Please ask your clinic for a new link.';
  return sentence(problem.detail ?? problem.title);
}

export const MIN_PASSWORD = 12;

// The invitation page's words. The page cannot know whom a link is for (a
// person, a clinician, an administrator) before it is used, so they are true
// for everyone; the clinic's administrator makes every link.
export const INVITATION_WORDS = {
  lead: `You are invited to daybreak. Choose a password of at least ${MIN_PASSWORD} characters; a few words you will remember work well.`,
  noToken: 'This link has no invitation in it. Please open the whole link you were given, or ask your clinic for a new one.',
};

// Problems the browser can see before asking: a password too short, two that
// differ. Field names as the form's: "password", "repeat".
export function newPasswordProblems(password: string, repeat: string): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (password.length < MIN_PASSWORD)
    problems.push({ field: 'password', message: `Use at least ${MIN_PASSWORD} characters (this one has ${password.length}).` });
  else if (password !== repeat) problems.push({ field: 'repeat', message: 'The two passwords are not the same.' });
  return problems;
}
