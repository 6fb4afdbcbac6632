// The safety check's clinician review over the API: the person confirms that
// a clinician has seen them (as `daybreak screen ack --seen-clinician`).
import { api, request, type SafetyGate } from './api';

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
  gateInFlight ??= api.safety().finally(() => {
    gateInFlight = null;
  });
  return gateInFlight;
}

export const safetyReviewApi = {
  clinicianSeen: () => request<ClinicianSeenResult>('POST', '/api/safety/clinician', { body: { seen_clinician: true } }),
  settings: () => request<SafetySettings>('GET', '/api/safety/settings'),
  changeSettings: (change: { emergency_number?: string; axspa_diagnosis?: 'yes' | 'no' }) =>
    request<SafetySettings>('PATCH', '/api/safety/settings', { body: change }),
};
