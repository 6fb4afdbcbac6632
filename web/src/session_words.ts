// Why a played session will never be stored, in words a person can act on
// (never the raw field rules of data the app itself produced).
import type { ApiError } from './api';
import { problemSummary } from './format';

export function sessionRefusalText(e: ApiError): string {
  if (e.problem.status === 409) return `${problemSummary(e.problem)} This session will not be stored.`;
  // The start is this device's clock; daybreak takes it up to a few minutes
  // ahead of its own. Further ahead, the device's clock is what is wrong.
  if (e.problem.errors?.some((f) => f.field === 'started_at')) {
    return (
      'This device’s clock is ahead of the computer daybreak runs on, so the session’s start could not be ' +
      'stored and the session was not saved. Set this device’s date and time right, then play the session again.'
    );
  }
  return 'daybreak did not accept this session, so it was not stored. This is a fault in daybreak, not something you did.';
}
