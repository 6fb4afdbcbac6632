// The safety check's clinician review over the API: the person confirms that
// a clinician has seen them (as `daybreak screen ack --seen-clinician`).
import { request, type SafetyGate } from './api';

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

export const safetyReviewApi = {
  clinicianSeen: () => request<ClinicianSeenResult>('POST', '/api/safety/clinician', { body: { seen_clinician: true } }),
  settings: () => request<SafetySettings>('GET', '/api/safety/settings'),
  changeSettings: (change: { emergency_number?: string; axspa_diagnosis?: 'yes' | 'no' }) =>
    request<SafetySettings>('PATCH', '/api/safety/settings', { body: change }),
};
