// The open exports on More: the diary as HL7 FHIR R4 for another app
// or a clinic (and such a file read back: how a diary kept at home comes into
// a clinic's daybreak, or goes from one daybreak to another), and the
// reminders as a calendar file (.ics) with the times they are at.
// Self-contained, so the More screen only places it.
import { useId, useState } from 'preact/hooks';
import { api, ApiError, type FhirImportSummary, type FieldProblem, type ReminderTimes } from '../api';
import { FieldError, TimeField } from '../components/controls';
import { ImportNotices, takeFile, useFileImport } from '../components/import_notices';
import { announce } from '../components/toast';
import { type EntryKey, entriesToUpdate } from '../fhir_import';
import { UNREACHABLE } from '../format';
import { fhirAddsSomething, fhirChanges, fhirChangeText, fhirImportLabel, fhirPlanText } from '../import_words';
import { call, useLoad } from '../state';

type FhirPlan = FhirImportSummary & { updating?: EntryKey[] | null };

// The check of a file, with the logged entries it would update by day and
// period when they can be told (not told: only counted).
async function checkFhir(text: string, dryRun: boolean, replace: boolean): Promise<FhirPlan> {
  const plan = await api.importFhir(text, dryRun, replace);
  if (!dryRun || plan.replaced === 0) return plan;
  const updating = await entriesToUpdate(text, plan.replaced).catch(() => null);
  return { ...plan, updating };
}

// What the person said yes to is what the import would still do.
function sameChanges(shown: FhirPlan, now: FhirPlan): boolean {
  const keys = (p: FhirPlan) => JSON.stringify(p.updating ?? null);
  return (
    shown.replaced === now.replaced &&
    shown.nights_updated === now.nights_updated &&
    shown.experiments_updated === now.experiments_updated &&
    keys(shown) === keys(now)
  );
}

// daybreak's FHIR import updates entries and nights logged with other values
// only with replace (docs/fhir.md): the web says which before, asks, and
// asks for replace only when the person saw something to update.
function FhirImport() {
  const { file, plan, problems, rechecked, done, choose, runImport, cancel, stop, closeStop } = useFileImport<FhirPlan>(
    checkFhir,
    (name, result) => `Imported from ${name}: ${fhirPlanText(result, true)}`,
    sameChanges,
    (plan) => fhirChanges(plan) > 0,
  );
  return (
    <>
      <label class="field file">
        Bring in a diary exported as FHIR (from daybreak at home, or another daybreak)
        <input
          type="file"
          accept=".json,application/fhir+json,application/json"
          onChange={(e) => void choose(takeFile(e.currentTarget as HTMLInputElement))}
        />
      </label>
      <ImportNotices
        plan={
          plan &&
          file && {
            name: file.name,
            text: fhirPlanText(plan),
            nothingNew: !fhirAddsSomething(plan),
            change: fhirChanges(plan) > 0 ? { text: fhirChangeText(plan, plan.updating ?? null), yes: fhirImportLabel(plan) } : null,
          }
        }
        onImport={() => void runImport()}
        onCancel={cancel}
        rechecked={rechecked}
        done={done}
        problems={problems}
        stop={stop}
        onCloseStop={closeStop}
      />
    </>
  );
}

type Clock = 'morning_routine' | 'morning_log' | 'evening_routine' | 'experiment';
const CLOCKS: [Clock, string, string?][] = [
  ['morning_routine', 'Morning routine', 'In bed, before you get up: the time of your alarm.'],
  ['morning_log', 'Log your morning'],
  ['evening_routine', 'Evening routine'],
  ['experiment', 'Tonight’s condition of an experiment', 'The evening before each night of an experiment.'],
];
const DAYS: [string, string][] = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

// When the reminders are: the same times `daybreak reminders` sets. A changed
// time moves its reminder when the calendar file is imported again.
function ReminderTimesForm() {
  const times = useLoad(() => api.reminderTimes(), []);
  const [edits, setEdits] = useState<Partial<ReminderTimes>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [error, setError] = useState<string | null>(null);
  const weekly = useId();
  if (!times.data) return null;
  const shown = { ...times.data, ...edits };
  const [day = 'mon', clock = '09:00'] = shown.safety_check.split(' ');
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await call(() => api.saveReminderTimes(edits));
      setEdits({});
      setProblems({});
      setError(null);
      times.reload();
      announce('Reminder times saved. Download the calendar file again and import it: your reminders move.');
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        setProblems(Object.fromEntries(err.problem.errors.map((p) => [p.field, p])));
        setError(null);
      } else {
        setError(err instanceof ApiError ? err.message : UNREACHABLE);
      }
    }
  };
  return (
    <form class="stack" onSubmit={save} aria-labelledby="reminder-times-title">
      <h3 id="reminder-times-title">When your reminders are</h3>
      {CLOCKS.map(([key, legend, hint]) => (
        <TimeField
          key={key}
          name={key}
          legend={legend}
          hint={hint}
          value={shown[key]}
          problem={problems[key]}
          onChange={(v) => setEdits({ ...edits, [key]: v ?? '' })}
        />
      ))}
      <fieldset class={`field${problems.safety_check ? ' has-error' : ''}`} aria-describedby={`${weekly}-err`}>
        <legend>Weekly safety check</legend>
        <div class="button-row">
          <select
            aria-label="Day of the weekly safety check"
            value={day}
            onChange={(e) => setEdits({ ...edits, safety_check: `${(e.currentTarget as HTMLSelectElement).value} ${clock}` })}
          >
            {DAYS.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <input
            type="time"
            aria-label="Time of the weekly safety check"
            value={clock}
            onInput={(e) => setEdits({ ...edits, safety_check: `${day} ${(e.currentTarget as HTMLInputElement).value}` })}
          />
        </div>
        <FieldError id={`${weekly}-err`} problem={problems.safety_check} />
      </fieldset>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <button class="button" type="submit" disabled={Object.keys(edits).length === 0}>
        Save reminder times
      </button>
    </form>
  );
}

export function OpenExportsSection() {
  const [alarm, setAlarm] = useState(false);
  return (
    <section class="card" aria-labelledby="open-exports-title">
      <h2 id="open-exports-title">Other apps and your calendar</h2>
      <p class="muted">
        The diary as HL7 FHIR R4, the format health records use, with your sessions and questionnaires. Bring it
        into another daybreak (a clinic's, or back home with <code>daybreak import fhir</code>) and nothing is lost.
      </p>
      <div class="button-row">
        <a class="button" href="/api/export.fhir.json" download="daybreak-fhir.json">
          Export as FHIR
        </a>
      </div>
      <FhirImport />
      <p class="muted">
        Reminders for your morning routine (before you get up), your morning log, your evening routine, the weekly
        safety check and tonight&rsquo;s condition of an experiment. Import the file into your calendar; import it
        again after a change and the reminders update.
      </p>
      <ReminderTimesForm />
      <label class="toggle-line">
        <input type="checkbox" checked={alarm} onChange={(e) => setAlarm((e.currentTarget as HTMLInputElement).checked)} />{' '}
        Add an alarm 10 minutes before each reminder
      </label>
      <p class="muted">
        Google Calendar ignores alarms in an imported file: there, set a default reminder in Google Calendar itself.
      </p>
      <div class="button-row">
        <a class="button" href={alarm ? '/api/reminders.ics?alarm=10' : '/api/reminders.ics'} download="daybreak-reminders.ics">
          Download reminders (.ics)
        </a>
      </div>
    </section>
  );
}
