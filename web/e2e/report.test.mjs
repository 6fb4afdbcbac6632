// The clinician report from the browser (issue 18): See offers the download
// for the weeks it shows, and the file is the PDF `daybreak report` writes
// for the same range, two pages at most, titled, with the person's note.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

import { launchChromium, openDaybreak, seriousViolations } from './daybreak.mjs';

const run = promisify(execFile);
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('See downloads the clinician report for its weeks', async () => {
  const { daybreak, page, close } = await openDaybreak(browser);
  try {
    const rows = ['date,period,pain,stiffness_minutes,note'];
    for (let i = 0; i < 28; i++) {
      const d = new Date(Date.UTC(2026, 9, 26) + i * 86400000).toISOString().slice(0, 10);
      rows.push(`${d},morning,${6 - Math.floor(i / 7)},${40 - i},${i === 27 ? 'Stiff after the long drive home' : ''}`);
    }
    const imported = await fetch(`${daybreak.url}/api/import/csv`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: rows.join('\r\n') + '\r\n',
    });
    assert.equal(imported.status, 200, await imported.text());

    await page.goto(`${daybreak.url}/see?weeks=4`);
    const link = page.getByRole('link', { name: 'Download the report (PDF)' });
    assert.equal(await link.getAttribute('href'), '/api/report.pdf?from=2026-10-27&to=2026-11-23');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'daybreak-report-2026-10-27-to-2026-11-23.pdf');
    const file = await download.path();
    const bytes = await readFile(file);
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    const { stdout: info } = await run('pdfinfo', [file]);
    assert.match(info, /^Title:\s+Back pain report: 27 Oct 2026 to 23 Nov 2026$/m);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)[1]);
    assert.ok(pages >= 1 && pages <= 2, info);
    const { stdout: text } = await run('pdftotext', [file, '-']);
    assert.match(text, /Stiff after the long drive home/);
    // The same bytes as the command line's report of the same range.
    const cliFile = `${file}.cli.pdf`;
    await daybreak.cli('report', '--from', '2026-10-27', '--to', '2026-11-23', '--output', cliFile);
    assert.ok(bytes.equals(await readFile(cliFile)), 'the web and CLI reports differ');
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await close();
  }
});
