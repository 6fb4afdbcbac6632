// What an import on More would do, in words: the CSV of entries and the FHIR
// diary (with its sessions, questionnaires and safety checks).
import type { FhirImportSummary, ImportSummary } from './api';

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// "3 new entries, 1 already in your diary; adds pillow 'knee pillow'."
export function csvPlanText(plan: ImportSummary): string {
  const already = plan.unchanged ? `, ${plan.unchanged} already in your diary` : '';
  const items = plan.items_created.length ? `; adds ${plan.items_created.join(', ')}` : '';
  return `${counted(plan.added, 'new entry', 'new entries')}${already}${items}.`;
}

// "2 new entries, 1 entry to update, 3 sessions, 1 questionnaire; 4 already in your diary."
export function fhirPlanText(plan: FhirImportSummary): string {
  const parts = [counted(plan.added, 'new entry', 'new entries')];
  if (plan.replaced) parts.push(`${counted(plan.replaced, 'entry', 'entries')} to update`);
  if (plan.sessions_added) parts.push(counted(plan.sessions_added, 'session', 'sessions'));
  if (plan.responses_added) parts.push(counted(plan.responses_added, 'questionnaire', 'questionnaires'));
  if (plan.screenings_added) parts.push(counted(plan.screenings_added, 'safety check', 'safety checks'));
  const already = plan.unchanged + plan.sessions_unchanged + plan.responses_unchanged + plan.screenings_unchanged;
  const items = plan.items_created.length ? `; adds ${plan.items_created.join(', ')}` : '';
  return `${parts.join(', ')}${already ? `; ${already} already in your diary` : ''}${items}.`;
}

// Whether a FHIR file would add or change anything.
export function fhirAddsSomething(plan: FhirImportSummary): boolean {
  return plan.added + plan.replaced + plan.sessions_added + plan.responses_added + plan.screenings_added > 0;
}
