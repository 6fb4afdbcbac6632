// What a refused change on More says: the server's sentence, then each
// value's problem under the name its field has on the screen (never the API's
// member names, "emergency_number").
import { ApiError } from './api';
import { fieldMessage, sentence, UNREACHABLE } from './format';

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  time_zone: 'Time zone',
  emergency_number: 'Emergency number',
  axspa_diagnosis: 'Axial spondyloarthritis',
  kind: 'Kind',
};

export function settingsErrorText(e: unknown): string {
  if (!(e instanceof ApiError)) return UNREACHABLE;
  const fields = (e.problem.errors ?? []).map((f) => `${FIELD_NAMES[f.field] ?? f.field.charAt(0).toUpperCase() + f.field.slice(1).replace(/_/g, ' ')}: ${fieldMessage(f)}`);
  return [sentence(e.problem.detail ?? e.problem.title), ...fields].join(' ');
}
