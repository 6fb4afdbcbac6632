// What an import on More would do, in words: the CSV of entries and the FHIR
// diary (with its sessions, questionnaires, safety checks and experiments).
import type { FhirImportSummary, ImportSummary } from './api';

function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// "3 new entries, 2 to replace entries logged with other values, 1 already in
// your diary; adds pillow 'knee pillow'."
export function csvPlanText(plan: ImportSummary): string {
  const replacing = plan.replaced
    ? `, ${plan.replaced} to replace ${plan.replaced === 1 ? 'an entry' : 'entries'} logged with other values`
    : '';
  const already = plan.unchanged ? `, ${plan.unchanged} already in your diary` : '';
  const items = plan.items_created.length ? `; adds ${plan.items_created.join(', ')}` : '';
  return `${counted(plan.added, 'new entry', 'new entries')}${replacing}${already}${items}.`;
}

// What a CSV import did: "Imported 3 entries from diary.csv and replaced 2 (their history keeps the old values)."
export function csvDoneText(name: string, done: ImportSummary): string {
  const replaced = done.replaced
    ? ` and replaced ${counted(done.replaced, 'logged entry', 'logged entries')} (${done.replaced === 1 ? 'its' : 'their'} history keeps the old values)`
    : '';
  return `Imported ${counted(done.added, 'entry', 'entries')} from ${name}${replaced}.`;
}

// The import button: "Import", "Replace the 2 logged entries", "Import and replace the logged entry".
export function importLabel(adding: number, replacing: number): string {
  if (replacing === 0) return 'Import';
  const logged = replacing === 1 ? 'the logged entry' : `the ${replacing} logged entries`;
  return adding === 0 ? `Replace ${logged}` : `Import and replace ${logged}`;
}

// "2 new entries, 1 entry to update, 3 sessions, 1 questionnaire; 4 already in your diary."
// The program's stage and levels the file sets are named; those the diary keeps are counted.
export function fhirPlanText(plan: FhirImportSummary): string {
  const parts = [counted(plan.added, 'new entry', 'new entries')];
  if (plan.replaced) parts.push(`${counted(plan.replaced, 'entry', 'entries')} to update`);
  if (plan.sessions_added) parts.push(counted(plan.sessions_added, 'session', 'sessions'));
  if (plan.responses_added) parts.push(counted(plan.responses_added, 'questionnaire', 'questionnaires'));
  if (plan.screenings_added) parts.push(counted(plan.screenings_added, 'safety check', 'safety checks'));
  if (plan.stages_set) parts.push(`the program's stage`);
  if (plan.levels_set) parts.push(counted(plan.levels_set, 'exercise level', 'exercise levels'));
  if (plan.experiments_added) parts.push(counted(plan.experiments_added, 'experiment', 'experiments'));
  if (plan.experiments_updated) parts.push(`${counted(plan.experiments_updated, 'experiment', 'experiments')} to stop`);
  if (plan.nights_added) parts.push(counted(plan.nights_added, "experiment's night", "experiments' nights"));
  if (plan.nights_updated) {
    parts.push(`${counted(plan.nights_updated, "experiment's night", "experiments' nights")} to update`);
  }
  if (plan.decisions_added) parts.push(counted(plan.decisions_added, 'program decision', 'program decisions'));
  const already =
    plan.unchanged +
    plan.sessions_unchanged +
    plan.responses_unchanged +
    plan.screenings_unchanged +
    plan.experiments_unchanged +
    plan.nights_unchanged +
    plan.decisions_unchanged;
  const items = plan.items_created.length ? `; adds ${plan.items_created.join(', ')}` : '';
  const kept = plan.program_kept
    ? `; keeps your program's ${counted(plan.program_kept, 'setting', 'settings')} where the file differs`
    : '';
  return `${parts.join(', ')}${already ? `; ${already} already in your diary` : ''}${kept}${items}.`;
}

// Whether a FHIR file would add or change anything.
export function fhirAddsSomething(plan: FhirImportSummary): boolean {
  const added =
    plan.added + plan.sessions_added + plan.responses_added + plan.screenings_added + plan.experiments_added;
  const changed =
    plan.replaced + plan.experiments_updated + plan.nights_added + plan.nights_updated + plan.decisions_added;
  return added + changed + plan.stages_set + plan.levels_set > 0;
}
