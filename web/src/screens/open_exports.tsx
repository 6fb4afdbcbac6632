// The open exports on More: the diary as HL7 FHIR R4 for another app
// or a clinic (and such a file read back: how a diary kept at home comes into
// a clinic's daybreak, or goes from one daybreak to another), and the
// reminders as a calendar file (.ics). Self-contained, so the More screen
// only places it.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ImportNotices, takeFile, useFileImport } from '../components/import_notices';
import { announce } from '../components/toast';
import { fhirAddsSomething, fhirPlanText } from '../import_words';

function FhirImport() {
  const { file, plan, problems, choose, runImport } = useFileImport(api.importFhir, (name, done) =>
    announce(`Imported from ${name}: ${fhirPlanText(done)}`),
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
        plan={plan && file && { name: file.name, text: fhirPlanText(plan), nothingNew: !fhirAddsSomething(plan) }}
        onImport={() => void runImport()}
        problems={problems}
      />
    </>
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
        <a class="button" href="/api/export.fhir.json" download>
          Export as FHIR
        </a>
      </div>
      <FhirImport />
      <p class="muted">
        Reminders for your morning routine (before you get up), your morning log, your evening routine, the weekly
        safety check and tonight&rsquo;s condition of an experiment. Import the file into your calendar; import it
        again after a change and the reminders update. Set their times with <code>daybreak reminders</code>.
      </p>
      <label class="toggle-line">
        <input type="checkbox" checked={alarm} onChange={(e) => setAlarm((e.currentTarget as HTMLInputElement).checked)} />{' '}
        Add an alarm 10 minutes before each reminder
      </label>
      <p class="muted">
        Google Calendar ignores alarms in an imported file: there, set a default reminder in Google Calendar itself.
      </p>
      <div class="button-row">
        <a class="button" href={alarm ? '/api/reminders.ics?alarm=10' : '/api/reminders.ics'} download>
          Download reminders (.ics)
        </a>
      </div>
    </section>
  );
}
