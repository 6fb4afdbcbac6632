// Accounts in a clinic (issue 21), as the app's API layer and account state
// handle them: the CSRF token on writes only, person=<id> while a clinician
// views a person, a fresh token when a write is refused for want of one, and
// "sign in first" turning the app to the sign-in screen. fetch is a stand-in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  api,
  apiPath,
  ApiError,
  currentCsrfToken,
  isProblem,
  request,
  retryAfterSeconds,
  setCsrfToken,
  setViewingPerson,
} from '../src/api';
import {
  account,
  type AccountInfo,
  afterSignInRequired,
  applyInfo,
  INVITATION_WORDS,
  invitationProblemText,
  invitationToken,
  loadAccount,
  newPasswordProblems,
  scopeText,
  showsApp,
  signIn,
  signInProblemText,
  signOut,
  stateAfterFailure,
  viewing,
  viewPerson,
  waitText,
} from '../src/account';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

// A stand-in server: answers each request with `answer`, records what came.
function server(answer: (s: Sent) => { status: number; body?: unknown; headers?: Record<string, string> }) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const s: Sent = {
      method: init.method ?? 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: init.body as string | undefined,
    };
    sent.push(s);
    const a = answer(s);
    const text = a.body === undefined ? '' : JSON.stringify(a.body);
    return new Response(a.status === 204 ? null : text, { status: a.status, headers: a.headers });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

const SIGN_IN_REQUIRED = {
  type: 'tag:daybreak,2026:sign-in-required',
  title: 'Sign in first',
  status: 401,
  detail: 'Sign in to use daybreak here.',
};
const CSRF_MISSING = { type: 'tag:daybreak,2026:csrf-token-missing', title: 'No CSRF token', status: 403 };
const ANNA: AccountInfo = {
  accounts: true,
  user: { id: 3, login: 'anna', name: 'Anna', role: 'person' },
  csrf: 'token-1',
  expires_at: '2026-12-03T20:00:00Z',
};
const BERG: AccountInfo = {
  accounts: true,
  user: { id: 7, login: 'dr.berg', name: 'Dr Berg', role: 'clinician' },
  csrf: 'token-b',
  expires_at: '2026-12-03T20:00:00Z',
};

beforeEach(() => {
  setCsrfToken(null);
  setViewingPerson(null);
  viewing.set(null);
  account.set({ kind: 'loading' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the CSRF token', () => {
  it('goes with every write and never with a read', async () => {
    const sent = server((s) => ({ status: s.method === 'DELETE' ? 204 : 200, body: s.method === 'DELETE' ? undefined : {} }));
    setCsrfToken('abc');
    await api.today();
    await api.saveProfile({ name: 'Anna' });
    await api.create({ date: '2026-11-23', period: 'morning', fields: { pain: 3 } }, 'key-1');
    await api.remove(4);
    await request('PUT', '/api/something', { body: {} });
    expect(sent.map((s) => [s.method, s.headers['X-CSRF-Token']])).toEqual([
      ['GET', undefined],
      ['PATCH', 'abc'],
      ['POST', 'abc'],
      ['DELETE', 'abc'],
      ['PUT', 'abc'],
    ]);
    // The idempotency key still goes with it.
    expect(sent[2]!.headers['Idempotency-Key']).toBe('key-1');
  });

  it('is not sent when accounts are off (no token known)', async () => {
    const sent = server(() => ({ status: 200, body: {} }));
    await api.saveProfile({ name: 'Anna' });
    expect(sent[0]!.headers['X-CSRF-Token']).toBeUndefined();
  });

  it('is fetched afresh when a write is refused for want of it, and the write sent once more', async () => {
    let token = 'new-token';
    const sent = server((s) => {
      if (s.url === '/api/account') return { status: 200, body: { ...ANNA, csrf: token } };
      if (s.headers['X-CSRF-Token'] !== token) return { status: 403, body: CSRF_MISSING };
      return { status: 201, body: { outcome: 'created', entry: { id: 1 } } };
    });
    setCsrfToken('stale');
    const created = await api.create({ date: '2026-11-23', period: 'morning', fields: { pain: 3 } }, 'key-9');
    expect(created.outcome).toBe('created');
    expect(sent.map((s) => `${s.method} ${s.url} ${s.headers['X-CSRF-Token'] ?? '-'}`)).toEqual([
      'POST /api/entries stale',
      'GET /api/account -',
      'POST /api/entries new-token',
    ]);
    // The same idempotency key both times, so the entry is stored once.
    expect(sent[0]!.headers['Idempotency-Key']).toBe('key-9');
    expect(sent[2]!.headers['Idempotency-Key']).toBe('key-9');
    expect(currentCsrfToken()).toBe('new-token');
    token = 'x';
  });

  it('is asked for once only: a second refusal is the caller’s', async () => {
    const sent = server((s) => (s.url === '/api/account' ? { status: 200, body: ANNA } : { status: 403, body: CSRF_MISSING }));
    setCsrfToken('stale');
    await expect(api.saveProfile({ name: 'A' })).rejects.toBeInstanceOf(ApiError);
    expect(sent.length).toBe(3);
  });

  it('is not refreshed for a read refused with 403', async () => {
    const sent = server(() => ({ status: 403, body: CSRF_MISSING }));
    await expect(api.today()).rejects.toBeInstanceOf(ApiError);
    expect(sent.length).toBe(1);
  });
});

describe('viewing a person (a clinician)', () => {
  it('adds person=<id> to every request about their data', async () => {
    const sent = server(() => ({ status: 200, body: {} }));
    setViewingPerson(3);
    await api.today();
    await api.entries('2026-11-01', '2026-11-23');
    await api.program();
    expect(sent.map((s) => s.url)).toEqual([
      '/api/today?person=3',
      '/api/entries?from=2026-11-01&to=2026-11-23&person=3',
      '/api/program?person=3',
    ]);
  });

  it('leaves requests about the clinician’s own account alone', () => {
    setViewingPerson(3);
    for (const p of ['/api/account', '/api/sign-out', '/api/people', '/api/grants', '/api/grants/4', '/api/access-log', '/api/health'])
      expect(apiPath(p)).toBe(p);
    expect(apiPath('/api/report.pdf?from=2026-11-01&to=2026-11-23')).toBe('/api/report.pdf?from=2026-11-01&to=2026-11-23&person=3');
    expect(apiPath('/settings')).toBe('/settings');
  });

  it('adds nothing when nobody is viewed', async () => {
    const sent = server(() => ({ status: 200, body: {} }));
    await api.today();
    expect(sent[0]!.url).toBe('/api/today');
  });

  it('is cleared when someone else signs in', () => {
    applyInfo(BERG);
    viewPerson({ id: 3, name: 'Anna' });
    expect(apiPath('/api/today')).toBe('/api/today?person=3');
    applyInfo({ ...BERG, user: { ...BERG.user, id: 8, login: 'dr.lund' } });
    expect(viewing.value).toBeNull();
    expect(apiPath('/api/today')).toBe('/api/today');
  });
});

describe('signing in', () => {
  it('shows the app with accounts off, and sends no token', async () => {
    server(() => ({ status: 200, body: { accounts: false } }));
    const state = await loadAccount();
    expect(state).toEqual({ kind: 'off' });
    expect(showsApp(state)).toBe(true);
    expect(currentCsrfToken()).toBeNull();
  });

  it('shows the sign-in screen when the server asks to sign in first', async () => {
    server(() => ({ status: 401, body: SIGN_IN_REQUIRED }));
    const state = await loadAccount();
    expect(state).toEqual({ kind: 'signed-out', why: 'start' });
    expect(showsApp(state)).toBe(false);
  });

  it('keeps the app open when daybreak cannot be reached to ask', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('offline'))));
    const state = await loadAccount();
    expect(state).toEqual({ kind: 'unknown' });
    expect(showsApp(state)).toBe(true);
  });

  it('turns to the sign-in screen when any request is refused for want of a session', async () => {
    applyInfo(ANNA);
    expect(account.value.kind).toBe('signed-in');
    server(() => ({ status: 401, body: SIGN_IN_REQUIRED }));
    await expect(api.today()).rejects.toBeInstanceOf(ApiError);
    expect(account.value).toEqual({ kind: 'signed-out', why: 'expired' });
  });

  it('does not for a wrong password', async () => {
    account.set({ kind: 'signed-out', why: 'start' });
    server(() => ({
      status: 401,
      body: { type: 'tag:daybreak,2026:sign-in-failed', title: 'Not signed in', status: 401, detail: 'the login or password is wrong' },
    }));
    const error = await signIn('anna', 'nope', null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(signInProblemText(e.problem, e.retryAfter)).toBe('The login or password is wrong.');
    expect(account.value).toEqual({ kind: 'signed-out', why: 'start' });
  });

  it('says when to try again after too many tries', async () => {
    server(() => ({
      status: 429,
      body: { type: 'tag:daybreak,2026:too-many-sign-ins', title: 'Too many tries', status: 429 },
      headers: { 'Retry-After': '300' },
    }));
    const e = (await signIn('anna', 'x', null).catch((err: unknown) => err)) as ApiError;
    expect(e.retryAfter).toBe(300);
    expect(signInProblemText(e.problem, e.retryAfter)).toBe('Too many tries to sign in. Try again in 5 minutes.');
  });

  it('signs in: the token is kept, the app shows again, the same user is recognised', async () => {
    account.set({ kind: 'signed-out', why: 'expired' });
    const sent = server(() => ({ status: 200, body: ANNA }));
    expect(await signIn('anna', 'correct horse battery', 3)).toBe(true);
    expect(JSON.parse(sent[0]!.body!)).toEqual({ login: 'anna', password: 'correct horse battery' });
    expect(account.value.kind).toBe('signed-in');
    expect(currentCsrfToken()).toBe('token-1');
    expect(await signIn('anna', 'correct horse battery', 9)).toBe(false);
  });

  it('signs out: no token, nobody viewed, the sign-in screen', async () => {
    applyInfo(BERG);
    viewPerson({ id: 3, name: 'Anna' });
    const sent = server(() => ({ status: 204 }));
    await signOut();
    expect(sent[0]!.headers['X-CSRF-Token']).toBe('token-b');
    expect(account.value).toEqual({ kind: 'signed-out', why: 'signed-out' });
    expect(currentCsrfToken()).toBeNull();
    expect(viewing.value).toBeNull();
  });

  it('moves between states as the server answers', () => {
    expect(afterSignInRequired({ kind: 'off' })).toEqual({ kind: 'signed-out', why: 'start' });
    expect(afterSignInRequired({ kind: 'signed-out', why: 'signed-out' })).toEqual({ kind: 'signed-out', why: 'signed-out' });
    const refused = new ApiError({ ...SIGN_IN_REQUIRED });
    expect(stateAfterFailure({ kind: 'loading' }, refused)).toEqual({ kind: 'signed-out', why: 'start' });
    expect(stateAfterFailure({ kind: 'loading' }, new ApiError({ type: 'about:blank', title: 'x', status: 500 }))).toEqual({
      kind: 'unknown',
    });
  });
});

describe('words and small rules', () => {
  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterSeconds('120')).toBe(120);
    expect(retryAfterSeconds(null)).toBeUndefined();
    expect(retryAfterSeconds('Thu, 03 Dec 2026 10:05:00 GMT', Date.parse('2026-12-03T10:00:00Z'))).toBe(300);
    expect(retryAfterSeconds('soon')).toBeUndefined();
  });
  it('says how long to wait', () => {
    expect(waitText(1)).toBe('in a moment');
    expect(waitText(45)).toBe('in 45 seconds');
    expect(waitText(60)).toBe('in 1 minute');
    expect(waitText(61)).toBe('in 2 minutes');
    expect(waitText(7200)).toBe('in 2 hours');
  });
  it('knows a problem by the end of its type', () => {
    expect(isProblem(SIGN_IN_REQUIRED, 'sign-in-required')).toBe(true);
    expect(isProblem({ ...SIGN_IN_REQUIRED, type: 'https://daybreak.example/problems/sign-in-required' }, 'sign-in-required')).toBe(true);
    expect(isProblem({ ...SIGN_IN_REQUIRED, type: 'tag:daybreak,2026:not-sign-in-required' }, 'sign-in-required')).toBe(false);
  });
  it('words what is shared', () => {
    expect(scopeText(['all'])).toBe('Everything');
    expect(scopeText(['questionnaires', 'diary'])).toBe('Diary, questionnaires');
  });
  it('takes the invitation token from the fragment', () => {
    expect(invitationToken('#abc123')).toBe('abc123');
    expect(invitationToken('#token=abc%2D1')).toBe('abc-1');
    expect(invitationToken('')).toBe('');
  });
  it('says what to do with a link that no longer works', () => {
    expect(invitationProblemText({ type: 'x:invitation-expired', title: 'Gone', status: 410 })).toMatch(/expired.*new link/);
    expect(invitationProblemText({ type: 'x:invitation-unknown', title: 'Unknown', status: 404 })).toMatch(/new link/);
  });
  // Issue: a clinician opening the link of `daybreak admin user add drpat
  // --role clinician` read "Your clinician invited you to daybreak.": the page
  // cannot know whom a link is for before it is used (POST
  // /api/invitations/accept is its only call), so it says what is true for
  // everyone, and the clinic (whose administrator makes every link) is asked
  // for a new one.
  it('does not tell a clinician their clinician invited them', () => {
    const words = [
      INVITATION_WORDS.lead,
      INVITATION_WORDS.noToken,
      invitationProblemText({ type: 'x:invitation-expired', title: 'Gone', status: 410 }),
      invitationProblemText({ type: 'x:invitation-unknown', title: 'Unknown', status: 404 }),
    ];
    for (const w of words) expect(w).not.toMatch(/clinician/i);
    expect(INVITATION_WORDS.lead).toMatch(/^You are invited to daybreak\. Choose a password of at least 12 characters/);
    expect(INVITATION_WORDS.noToken).toMatch(/ask your clinic for a new one/);
  });
  it('checks a new password before sending it', () => {
    expect(newPasswordProblems('short', 'short')).toEqual([
      { field: 'password', message: 'Use at least 12 characters (this one has 5).' },
    ]);
    expect(newPasswordProblems('long enough here', 'long enough hera')[0]!.field).toBe('repeat');
    expect(newPasswordProblems('long enough here', 'long enough here')).toEqual([]);
  });
});
