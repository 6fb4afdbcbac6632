// Issue: a clinician whose grant lacked some parts saw "Download the report
// (PDF)" on a person's page; the link (download="true") got 403 and Chromium
// cancelled it without a word. The report has all of a person's data, so the
// server gives it only to a grant of everything: the button shows only then,
// else the card says what it needs; and every download link names its file.
import { type ComponentChild, h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { viewPerson } from '../src/account';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));

const { ReportLink } = await import('../src/screens/report_link');
const range = { from: '2026-10-27', to: '2026-11-23', weeks: 4 };

function links(node: ComponentChild) {
  return find(render(node), 'a').map((a) => ({ text: text(a).trim(), href: a.props.href, download: a.props.download }));
}

afterEach(() => viewPerson(null));

describe('the report link', () => {
  it('is not offered to a clinician whose grant is not of everything, and says what it needs (it failed silently)', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['diary', 'program'] });
    const tree = render(h(ReportLink, { range }));
    expect(find(tree, 'a')).toEqual([]);
    expect(text(find(tree, 'p'))).toBe(
      'The report needs everything shared with you: it has all of Anna’s data (their mornings, questionnaires, any ' +
        'warning sign and their program), and Anna shares diary, program and sessions. They can share everything from ' +
        'More > Sharing, or give you the report themselves.',
    );
  });

  it('is offered for a grant of everything, with the file’s name (download="true")', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    expect(links(h(ReportLink, { range }))).toEqual([
      {
        text: 'Download the report (PDF)',
        href: '/api/report.pdf?from=2026-10-27&to=2026-11-23&person=3',
        download: 'daybreak-report-2026-10-27-to-2026-11-23.pdf',
      },
    ]);
    viewPerson(null);
    expect(links(h(ReportLink, { range })).map((l) => l.download)).toEqual([
      'daybreak-report-2026-10-27-to-2026-11-23.pdf',
      'daybreak-report-2026-10-27-to-2026-11-23.fhir.json',
    ]);
  });
});
