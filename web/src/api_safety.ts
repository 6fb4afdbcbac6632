// The safety check's clinician review over the API: the person confirms that
// a clinician has seen them (as `daybreak screen ack --seen-clinician`).
import { request, type SafetyGate } from './api';

export interface ClinicianSeenResult {
  event: { id: number; kind: 'clinician_seen'; at: string; channel: string; result: 'acknowledged' };
  safety: SafetyGate;
}

export const safetyReviewApi = {
  clinicianSeen: () => request<ClinicianSeenResult>('POST', '/api/safety/clinician', { body: { seen_clinician: true } }),
};
