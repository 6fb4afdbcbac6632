// The clinician report's download: the same PDF as `daybreak
// report`, for the weeks the See screen shows. Nothing is sent anywhere: the
// file comes to this device, and the person decides whom to give it.
// A clinician viewing a person downloads that person's report (person=<id>)
// when the person shares everything with them: the report has all of their
// data, so the server gives it to no other grant (src/server/account_routes.cpp).
import { scopeText, viewing } from '../account';
import { apiPath } from '../api';
import type { Range } from './see';
import { shortDate } from '../format';
import { useSignal } from '../state';

export function reportUrl(range: Range, format: 'pdf' | 'fhir.json' = 'pdf'): string {
  return apiPath(`/api/report.${format}?from=${range.from}&to=${range.to}`);
}

// The file's name, as the server names it (a link's `download` alone would
// name it "true"): "daybreak-report-2026-10-27-to-2026-11-23.pdf".
export function reportFileName(range: Range, format: 'pdf' | 'fhir.json' = 'pdf'): string {
  return `daybreak-report-${range.from}-to-${range.to}.${format}`;
}

export function ReportLink({ range }: { range: Range }) {
  const viewed = useSignal(viewing);
  // What they share is unknown only in a view kept by an older app: the server decides.
  if (viewed && viewed.scope && !viewed.scope.includes('all')) {
    return (
      <section class="card" aria-labelledby="report-title" id="report-not-shared">
        <h2 id="report-title">{viewed.name}’s report</h2>
        <p>
          The report needs everything shared with you: it has all of {viewed.name}’s data (their mornings,
          questionnaires, any warning sign and their program), and {viewed.name} shares{' '}
          {scopeText(viewed.scope).toLowerCase()}. They can share everything from More &gt; Sharing, or give you the
          report themselves.
        </p>
      </section>
    );
  }
  if (viewed) {
    return (
      <section class="card" aria-labelledby="report-title">
        <h2 id="report-title">{viewed.name}’s report</h2>
        <p class="muted">
          The two pages {viewed.name} can give you, from {shortDate(range.from)} to {shortDate(range.to)}: how their
          mornings changed, their questionnaires, any warning sign, and their program.
        </p>
        <div class="button-row">
          <a class="button" href={reportUrl(range)} download={reportFileName(range)}>
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
        <a class="button" href={reportUrl(range)} download={reportFileName(range)}>
          Download the report (PDF)
        </a>
      </div>
      <p class="muted">
        For a record system that reads HL7 FHIR:{' '}
        <a href={reportUrl(range, 'fhir.json')} download={reportFileName(range, 'fhir.json')}>
          the same report as a FHIR document
        </a>{' '}
        (the PDF inside).
      </p>
    </section>
  );
}
