// Issue: Today hid the exercise lock offline. The last safety gate the person
// themself was given is kept on this device, for them only: never a person a
// clinician views, never shown to another login on the same browser, and
// forgotten on signing out. fetch and localStorage are stand-ins.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { account } from '../src/account';
import { type SafetyGate, setViewingPerson } from '../src/api';
import { forgetOwnGate, keepGate, keptGate, loadGate, noteDiaryZone, safetyReviewApi } from '../src/api_safety';
import { MemoryStorage } from './memory_storage';

const locked: SafetyGate = {
  status: 'locked',
  session_allowed: false,
  progression_allowed: false,
  reasons: ['You answered yes to new bladder, bowel, saddle, sexual or both-leg symptoms.'],
  emergency: [],
  urgent: [],
  reviewed: [],
  unchecked_leg_entries: [],
  last_full_check: null,
  next_full_check: null,
  last_clinician_review: null,
  emergency_number: '999',
  emergency_number_chosen: true,
};

const anna = { id: 1, login: 'anna', name: 'Anna', role: 'person' as const };
const ben = { id: 2, login: 'ben', name: 'Ben', role: 'person' as const };

// A server whose gate is `gate`; the device's storage, returned.
function serve(gate: SafetyGate) {
  const storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('fetch', vi.fn(async () => Response.json(gate)));
  return storage;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setViewingPerson(null);
  account.set({ kind: 'loading' });
});

describe('the safety gate kept on this device', () => {
  it('keeps the gate given, with when, and gives it back', () => {
    const storage = new MemoryStorage();
    const at = new Date('2026-11-23T06:30:00Z');
    keepGate(locked, undefined, at, 'Europe/Berlin', storage);
    expect(keptGate(undefined, storage)).toEqual({ gate: locked, read_at: at.toISOString(), zone: 'Europe/Berlin' });
  });

  it('is kept as of the moment daybreak gave, not the device clock (the as-of time came from a wrong device clock)', async () => {
    account.set({ kind: 'off' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z')); // a device whose clock is years out
    try {
      serve({ ...locked, as_of: '2026-11-23T06:30:00Z' });
      await loadGate();
      expect(keptGate(undefined)?.read_at).toBe('2026-11-23T06:30:00.000Z');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is kept whenever daybreak gives the person their gate', async () => {
    account.set({ kind: 'off' });
    serve(locked);
    await loadGate();
    expect(keptGate(undefined)?.gate.status).toBe('locked');
    const open = { ...locked, status: 'ok' as const, reasons: [] };
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ event: {}, safety: open })));
    await safetyReviewApi.clinicianSeen();
    expect(keptGate(undefined)?.gate.status).toBe('ok');
  });

  it('says its time in the diary’s zone, whichever of Today and the gate was read first', async () => {
    account.set({ kind: 'off' });
    const storage = serve(locked);
    await loadGate();
    noteDiaryZone('Europe/Berlin', storage);
    expect(keptGate(undefined)?.zone).toBe('Europe/Berlin');
    await loadGate();
    expect(keptGate(undefined)?.zone).toBe('Europe/Berlin');
    setViewingPerson(7);
    noteDiaryZone('America/New_York', storage); // a viewed person's zone
    expect(keptGate(undefined)?.zone).toBe('Europe/Berlin');
  });

  // Issue: read before Today (a session or the safety check opened first),
  // the gate was kept without the diary's zone, and offline its "As of" was
  // on the browser's clock.
  it('asks the profile for the diary’s zone when the gate is read before Today', async () => {
    account.set({ kind: 'off' });
    forgetOwnGate(); // no zone known yet, as after signing out
    serve(locked);
    const profile = { name: 'Anna', time_zone: 'Australia/Adelaide', since: '2026-11-01' };
    vi.stubGlobal('fetch', vi.fn(async (url: string) => Response.json(url.startsWith('/api/profile') ? profile : locked)));
    await loadGate();
    await vi.waitFor(() => expect(keptGate(undefined)?.zone).toBe('Australia/Adelaide'));
  });

  it('is not the gate of a person a clinician views', async () => {
    account.set({ kind: 'signed-in', user: { ...anna, role: 'clinician' }, expiresAt: '' });
    const storage = serve(locked);
    setViewingPerson(7);
    await loadGate();
    expect(storage.getItem('daybreak.safety-gate.v1')).toBeNull();
    expect(keptGate('anna')).toBeNull();
  });

  it('is shown only to the login it was read for', async () => {
    account.set({ kind: 'signed-in', user: anna, expiresAt: '' });
    serve(locked);
    await loadGate();
    expect(keptGate('anna')?.gate.status).toBe('locked');
    expect(keptGate('ben')).toBeNull();
    expect(keptGate(undefined)).toBeNull();
    // Ben signs in on the same browser: his own gate replaces Anna's.
    account.set({ kind: 'signed-in', user: ben, expiresAt: '' });
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ ...locked, status: 'ok', reasons: [] })));
    await loadGate();
    expect(keptGate('anna')).toBeNull();
    expect(keptGate('ben')?.gate.status).toBe('ok');
  });

  it('is forgotten, and anything unreadable is nothing', () => {
    const storage = new MemoryStorage();
    keepGate(locked, 'anna', new Date(), undefined, storage);
    forgetOwnGate(storage);
    expect(keptGate('anna', storage)).toBeNull();
    storage.setItem('daybreak.safety-gate.v1', '{"gate":{"status":"maybe"}}');
    expect(keptGate(undefined, storage)).toBeNull();
    storage.setItem('daybreak.safety-gate.v1', 'not json');
    expect(keptGate(undefined, storage)).toBeNull();
    expect(() => keepGate(locked, undefined, new Date(), undefined, null)).not.toThrow();
    expect(keptGate(undefined, null)).toBeNull();
  });
});
