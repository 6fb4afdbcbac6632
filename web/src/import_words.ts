// What an import on More would do, in words: the CSV of entries and the FHIR
// diary (with its sessions, questionnaires, safety checks and experiments).
import type { FhirImportSummary, ImportSummary } from './api';
import type { EntryKey } from './fhir_import';
import { dayWithYear } from './format';

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

// Said before a CSV import replaces logged entries, for the person to choose.
export function csvReplaceText(replacing: number): string {
  return replacing === 1
    ? '1 entry in the file is for a day and period you have already logged, with other values. Importing replaces that entry with the file’s values; its history keeps the old ones.'
    : `${replacing} entries in the file are for days and periods you have already logged, with other values. Importing replaces those entries with the file’s values; their history keeps the old ones.`;
}

// The import button: "Import", "Replace the 2 logged entries", "Import and replace the logged entry".
export function importLabel(adding: number, replacing: number): string {
  if (replacing === 0) return 'Import';
  const logged = replacing === 1 ? 'the logged entry' : `the ${replacing} logged entries`;
  return adding === 0 ? `Replace ${logged}` : `Import and replace ${logged}`;
}

// "2 new entries, 1 entry to update, 3 sessions, 1 questionnaire; 4 already in your diary."
// The program's stage and levels the file sets are named; those the diary keeps are counted.
// `done`: what an import did ("1 entry updated (its history keeps the old values)").
export function fhirPlanText(plan: FhirImportSummary, done = false): string {
  const parts = [counted(plan.added, 'new entry', 'new entries')];
  if (plan.replaced) {
    const kept = plan.replaced === 1 ? 'its history keeps the old values' : 'their history keeps the old values';
    parts.push(`${counted(plan.replaced, 'entry', 'entries')} ${done ? `updated (${kept})` : 'to update'}`);
  }
  if (plan.sessions_added) parts.push(counted(plan.sessions_added, 'session', 'sessions'));
  if (plan.responses_added) parts.push(counted(plan.responses_added, 'questionnaire', 'questionnaires'));
  if (plan.screenings_added) parts.push(counted(plan.screenings_added, 'safety check', 'safety checks'));
  if (plan.stages_set) parts.push(`the program's stage`);
  if (plan.levels_set) parts.push(counted(plan.levels_set, 'exercise level', 'exercise levels'));
  if (plan.experiments_added) parts.push(counted(plan.experiments_added, 'experiment', 'experiments'));
  if (plan.experiments_updated) {
    parts.push(`${counted(plan.experiments_updated, 'experiment', 'experiments')} ${done ? 'stopped' : 'to stop'}`);
  }
  if (plan.nights_added) parts.push(counted(plan.nights_added, "experiment's night", "experiments' nights"));
  if (plan.nights_updated) {
    parts.push(`${counted(plan.nights_updated, "experiment's night", "experiments' nights")} ${done ? 'updated' : 'to update'}`);
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

// What a FHIR import would change of what the person logged: entries, an
// experiment's nights, an experiment under way (stopped as in the file).
// daybreak always makes these changes, so the web asks first.
export function fhirChanges(plan: FhirImportSummary): number {
  return plan.replaced + plan.nights_updated + plan.experiments_updated;
}

const SHOWN = 10; // entries named; the rest counted

function entryName(k: EntryKey): string {
  return `${dayWithYear(k.date)}, ${k.period}`;
}

// Which logged things a FHIR import would change, plainly, before the yes:
// "Importing updates an entry you logged with the file’s values: Sunday 22
// November 2026, morning. Its history keeps the old values." `which`: the
// entries by day and period when they are known (fhir_import.ts), else null.
export function fhirChangeText(plan: FhirImportSummary, which: EntryKey[] | null): string {
  const said: string[] = [];
  const n = plan.replaced;
  if (n > 0) {
    const what = n === 1 ? 'an entry you logged' : `${n} entries you logged`;
    const kept = n === 1 ? 'Its history keeps the old values.' : 'Their history keeps the old values.';
    if (which && which.length === n) {
      const named = which.slice(0, SHOWN).map(entryName).join('; ');
      const more = n > SHOWN ? `; and ${n - SHOWN} more` : '';
      said.push(`Importing updates ${what} with the file’s values: ${named}${more}. ${kept}`);
    } else {
      const where = n === 1 ? 'a day and period' : 'days and periods';
      said.push(`Importing updates ${what}, for ${where} the file has with other values. ${kept}`);
    }
  }
  if (plan.nights_updated) {
    const nights = counted(plan.nights_updated, "experiment's night", "experiments' nights");
    said.push(`${said.length > 0 ? 'It also updates' : 'Importing updates'} ${nights} you logged with the file’s values.`);
  }
  if (plan.experiments_updated) {
    const stopped = plan.experiments_updated === 1 ? 'it was' : 'they were';
    const experiments = counted(plan.experiments_updated, 'experiment', 'experiments');
    said.push(`${said.length > 0 ? 'It also stops' : 'Importing stops'} ${experiments} under way, as ${stopped} stopped in the file.`);
  }
  return said.join(' ');
}

// The button that says yes: "Import and update the logged entry", "... the 2 logged entries".
export function fhirImportLabel(plan: FhirImportSummary): string {
  if (fhirChanges(plan) === 0) return 'Import';
  if (plan.replaced === 0) return 'Import and update what you logged';
  return `Import and update ${plan.replaced === 1 ? 'the logged entry' : `the ${plan.replaced} logged entries`}`;
}
