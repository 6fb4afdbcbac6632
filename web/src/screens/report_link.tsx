// The clinician report's download: the same PDF as `daybreak
// report`, for the weeks the See screen shows. Nothing is sent anywhere: the
// file comes to this device, and the person decides whom to give it.
// A clinician viewing a person downloads that person's report (person=<id>).
import { viewing } from '../account';
import { apiPath } from '../api';
import type { Range } from './see';
import { shortDate } from '../format';
import { useSignal } from '../state';

export function reportUrl(range: Range, format: 'pdf' | 'fhir.json' = 'pdf'): string {
  return apiPath(`/api/report.${format}?from=${range.from}&to=${range.to}`);
}

export function ReportLink({ range }: { range: Range }) {
  const viewed = useSignal(viewing);
  if (viewed) {
    return (
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{viewed.name}’s report</h2>
        <p class="muted">
          The two pages {viewed.name} can give you, from {shortDate(range.from)} to {shortDate(range.to)}: how their
          mornings changed, their questionnaires, any warning sign, and their program.
        </p>
        <div class="button-row">
          <a class="button" href={reportUrl(range)} download>
            Download the report (PDF)
          </a>
        </div>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="report-title">
      <h2 id="report-title">A report for your clinician</h2>
      <p class="muted">
        Two pages for your physiotherapist or doctor, from {shortDate(range.from)} to {shortDate(range.to)}: how your
        mornings changed, your questionnaires, any warning sign, and your program. Read it before you share it.
      </p>
      <div class="button-row">
        <a class="button" href={reportUrl(range)} download>
          Download the report (PDF)
        </a>
      </div>
      <p class="muted">
        For a record system that reads HL7 FHIR: <a href={reportUrl(range, 'fhir.json')} download>the same report as a FHIR
        document</a> (the PDF inside).
      </p>
    </section>
  );
}
