// The safety check's clinician review over the API: the person confirms that
// a clinician has seen them (as `daybreak screen ack --seen-clinician`).
import { api, request, type SafetyGate, viewingPersonId } from './api';

export interface ClinicianSeenResult {
  event: { id: number; kind: 'clinician_seen'; at: string; channel: string; result: 'acknowledged' };
  safety: SafetyGate;
}

// The settings the safety check depends on (as `daybreak setup` sets them).
export interface SafetySettings {
  emergency_number: string | null;
  emergency_number_chosen: boolean; // false: the number for the time zone
  axspa_diagnosis: 'yes' | 'no' | null;
}

// The gate, once for every part of a screen that asks for it at the same
// time (Today's alert, safety card and program card): one request in flight
// at a time, and a fresh one after it has answered.
let gateInFlight: Promise<SafetyGate> | null = null;
export function loadGate(): Promise<SafetyGate> {
  gateInFlight ??= api
    .safety()
    .then(remembered)
    .finally(() => {
      gateInFlight = null;
    });
  return gateInFlight;
}

export const safetyReviewApi = {
  clinicianSeen: () => request<ClinicianSeenResult>('POST', '/api/safety/clinician', { body: { seen_clinician: true } }),
  settings: () => request<SafetySettings>('GET', '/api/safety/settings').then(remembered),
  changeSettings: (change: { emergency_number?: string; axspa_diagnosis?: 'yes' | 'no' }) =>
    request<SafetySettings>('PATCH', '/api/safety/settings', { body: change }).then(remembered),
};

// The last emergency number daybreak gave, kept on this device: offline the
// gate cannot be read, and the stop screen still offers the number to call.
const NUMBER_KEY = 'daybreak.emergency-number';

type NumberStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function deviceStorage(): NumberStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

// As the server says it: a number it no longer knows is forgotten here too.
export function rememberEmergencyNumber(number: string | null, storage = deviceStorage()): void {
  try {
    if (number) storage?.setItem(NUMBER_KEY, number);
    else storage?.removeItem(NUMBER_KEY);
  } catch {
    /* no storage: offline, the stop screen names no number */
  }
}

export function knownEmergencyNumber(storage = deviceStorage()): string | null {
  try {
    return storage?.getItem(NUMBER_KEY) || null;
  } catch {
    return null;
  }
}

// A clinician viewing a person reads that person's number: not theirs to keep.
function remembered<T extends { emergency_number: string | null }>(said: T): T {
  if (viewingPersonId() === null) rememberEmergencyNumber(said.emergency_number);
  return said;
}
