// Issue: a clinician kept seeing a person's diary after the person stopped
// sharing. Today answered 403, yet still showed the night and morning it had
// kept, under a banner saying "as they share it with you"; only a reload
// cleared it. Now a refusal about the person viewed (403 no-grant), when they
// share less than when the view began, forgets what the app kept of them,
// ends the view and says so; nothing of a viewed person is ever kept on the
// device (the safety gate, the outbox), even when an answer arrives after the
// view ended. fetch and storage are stand-ins.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The app's state keeps its outbox in localStorage from the start.
await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
const navigated = vi.hoisted(() => [] as string[]);
vi.mock('../src/router', async (original) => ({
  ...(await original<typeof import('../src/router')>()),
  navigate: (to: string) => navigated.push(to),
}));

import { account, viewing, viewPerson } from '../src/account';
import { api, onNotShared, type SafetyGate, type Today } from '../src/api';
import { keptGate, knownEmergencyNumber, loadGate } from '../src/api_safety';
import { notSharedText } from '../src/clinic_words';
import { lastToday, loadToday, outbox, saveEntry, sharingStopped } from '../src/state';
import { MemoryStorage } from './memory_storage';

const berg = { id: 9, login: 'dr.berg', name: 'Dr Berg', role: 'clinician' as const };
const notShared = {
  type: 'tag:daybreak,2026:no-grant',
  title: 'This person has not shared this with you',
  status: 403,
  detail: 'a person shares their data from More > Sharing; they may have stopped, or shared only part of it',
};
const annasDay: Today = { date: '2026-11-23', time_zone: 'Europe/Berlin', local_time: '07:30', periods: [] };
const annasGate = { status: 'locked', reasons: [], emergency_number: '112' } as unknown as SafetyGate;

function answer(status: number, body: unknown) {
  return vi.fn(async () => Response.json(body, { status }));
}

// A daybreak that refuses every request about Anna, and lists her as sharing `scope` (or not at all).
function refusing(scope: string[] | null) {
  const people = scope ? [{ id: 3, login: 'anna', name: 'Anna', scope, until: null, attention: [], last_morning: null }] : [];
  return vi.fn(async (url: string) =>
    url.startsWith('/api/people') ? Response.json({ people }) : Response.json(notShared, { status: 403 }),
  );
}

beforeEach(() => {
  vi.stubGlobal('localStorage', new MemoryStorage());
  vi.stubGlobal('sessionStorage', new MemoryStorage());
});

afterEach(() => {
  viewPerson(null);
  vi.unstubAllGlobals();
  lastToday.set(null);
  sharingStopped.set(null);
  navigated.length = 0;
});

describe('a person who stops sharing while a clinician views them', () => {
  it('is no longer viewed, nothing of theirs is kept, and their page says so (Today kept their day after a 403)', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    viewPerson({ id: 3, name: 'Anna' });
    vi.stubGlobal('fetch', answer(200, annasDay));
    await loadToday();
    expect(lastToday.value?.date).toBe('2026-11-23');

    // Anna stops sharing: the next request about her is refused.
    vi.stubGlobal('fetch', refusing(null));
    await expect(loadToday()).rejects.toThrow('This person has not shared this with you');
    await vi.waitFor(() => expect(viewing.value).toBeNull());
    expect(lastToday.value).toBeNull();
    expect(viewing.value).toBeNull();
    expect(sessionStorage.getItem('daybreak.viewing.v1')).toBeNull();
    expect(sharingStopped.value).toEqual({ id: 3, name: 'Anna' });
    expect(navigated).toEqual(['/people/3']);
  });

  it('is left when they share less than when the view began, saying so on their page', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    viewPerson({ id: 3, name: 'Anna', scope: ['diary', 'program'] });
    lastToday.set(annasDay);
    vi.stubGlobal('fetch', refusing(['program']));
    await expect(loadToday()).rejects.toThrow();
    await vi.waitFor(() => expect(navigated).toEqual(['/people/3']));
    expect(viewing.value).toBeNull();
    expect(lastToday.value).toBeNull();
    expect(sharingStopped.value?.id).toBe(3);
  });

  it('is not left when they still share all they did: a part they never shared was asked for', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    viewPerson({ id: 3, name: 'Anna', scope: ['diary'] });
    const fetch = refusing(['diary']);
    vi.stubGlobal('fetch', fetch);
    await expect(loadGate()).rejects.toThrow();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/people', expect.anything()));
    await new Promise((r) => setTimeout(r, 0));
    expect(viewing.value?.id).toBe(3);
    expect(navigated).toEqual([]);
  });

  it('is not left for any other refusal, nor for an answer about someone viewed before', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    const told: number[] = [];
    const off = onNotShared((person) => told.push(person));
    try {
      viewPerson({ id: 3, name: 'Anna' });
      vi.stubGlobal('fetch', answer(403, { ...notShared, type: 'tag:daybreak,2026:not-allowed' }));
      await expect(api.today()).rejects.toThrow();
      expect(viewing.value?.id).toBe(3);

      // A refusal about Anna that answers once Ben is viewed says nothing of Ben.
      let refuse: (r: Response) => void = () => {};
      vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (refuse = resolve))));
      const asked = api.today();
      viewPerson({ id: 4, name: 'Ben' });
      refuse(Response.json(notShared, { status: 403 }));
      await expect(asked).rejects.toThrow();
      expect(told).toEqual([]);
      expect(viewing.value?.id).toBe(4);
    } finally {
      off();
    }
  });

  it('never has their day, safety gate or emergency number kept when it answers after the view ended', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    viewPerson({ id: 3, name: 'Anna' });
    const answers: ((r: Response) => void)[] = [];
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => answers.push(resolve))));
    const day = loadToday();
    const gate = loadGate();
    viewPerson(null); // back to the list before daybreak answered
    answers[0]!(Response.json(annasDay));
    answers[1]!(Response.json(annasGate));
    await day;
    await gate;
    expect(lastToday.value).toBeNull();
    expect(keptGate('dr.berg')).toBeNull();
    expect(knownEmergencyNumber()).toBeNull();
    // A screen of nobody viewed asks afresh, never taking the gate asked for Anna.
    vi.stubGlobal('fetch', answer(403, { ...notShared, type: 'tag:daybreak,2026:not-allowed' }));
    await expect(loadGate()).rejects.toThrow();
  });

  it('has no entry written for them, or waiting on this device', async () => {
    account.set({ kind: 'signed-in', user: berg, expiresAt: '' });
    viewPerson({ id: 3, name: 'Anna' });
    const fetch = answer(201, {});
    vi.stubGlobal('fetch', fetch);
    const outcome = await saveEntry({ date: '2026-11-23', period: 'morning', fields: { pain: 4 } });
    expect(outcome.kind).toBe('refused');
    expect(outbox.items()).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says what they stopped sharing', () => {
    expect(notSharedText('Anna', ['diary', 'program'], null)).toBe(
      'Anna no longer shares their data with you, so nothing of it is shown here.',
    );
    expect(notSharedText('Anna', ['diary', 'safety', 'program'], ['program'])).toBe(
      'Anna no longer shares their diary and safety checks with you. Only what they share with you now is shown.',
    );
    expect(notSharedText('Anna', ['all'], ['diary'])).toBe(
      'Anna no longer shares everything with you. Only what they share with you now is shown.',
    );
    expect(notSharedText('Anna', undefined, ['diary'])).toBe(
      'Anna does not share that with you, or no longer does. Only what they share with you now is shown.',
    );
  });
});
