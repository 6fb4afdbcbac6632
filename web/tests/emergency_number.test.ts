// The emergency number is remembered on the device whenever daybreak gives it,
// so the stop screen offers it offline too (it said only "your local emergency
// number" before). fetch and localStorage are stand-ins.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { setViewingPerson } from '../src/api';
import { knownEmergencyNumber, loadGate, rememberEmergencyNumber, safetyReviewApi } from '../src/api_safety';
import { MemoryStorage } from './memory_storage';

afterEach(() => {
  vi.unstubAllGlobals();
  setViewingPerson(null);
});

// A server whose GET /api/safety and /api/safety/settings name `number`.
function serve(number: string | null) {
  const storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Response.json({ status: 'locked', emergency_number: number, emergency_number_chosen: true })),
  );
  return storage;
}

describe('the emergency number on this device', () => {
  it('keeps the last number given, and forgets it when the server knows none', () => {
    const storage = new MemoryStorage();
    expect(knownEmergencyNumber(storage)).toBeNull();
    rememberEmergencyNumber('112', storage);
    rememberEmergencyNumber('999', storage);
    expect(knownEmergencyNumber(storage)).toBe('999');
    rememberEmergencyNumber(null, storage);
    expect(knownEmergencyNumber(storage)).toBeNull();
  });

  it('is read and written without failing when there is no storage', () => {
    expect(() => rememberEmergencyNumber('112', null)).not.toThrow();
    expect(knownEmergencyNumber(null)).toBeNull();
  });

  it('is remembered from the safety gate and from the settings', async () => {
    serve('999');
    await loadGate();
    expect(knownEmergencyNumber()).toBe('999');
    serve('112');
    await safetyReviewApi.settings();
    expect(knownEmergencyNumber()).toBe('112');
  });

  it('is not taken from a person a clinician views', async () => {
    const storage = serve('999');
    setViewingPerson(7);
    await loadGate();
    expect(knownEmergencyNumber(storage)).toBeNull();
  });
});
