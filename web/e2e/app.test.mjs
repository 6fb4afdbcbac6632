// The web app in a real browser (Debian's chromium, driven by playwright-core)
// against the real daybreak serve: log a morning, lose the connection and
// come back, check accessibility on every screen in both themes, and (with
// DAYBREAK_SCREENSHOTS=dir) take the README's screenshots.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';

import { COLOUR_RULES, FAKE_NOW, launchChromium, PHONE, seedCsv, seriousViolations, startDaybreak, waitForFocus } from './daybreak.mjs';

const DESKTOP = { width: 1280, height: 860 };

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// A fresh browser context (no storage, no service worker) on a fresh diary.
async function open(viewport = PHONE, options = {}) {
  const daybreak = await startDaybreak();
  await daybreak.passSafetyCheck();
  const context = await browser.newContext({ viewport, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
  const close = async () => {
    await context.close();
    await daybreak.stop();
    assert.deepEqual(problems, [], 'the page reported errors');
  };
  return { daybreak, context, page, close };
}

const card = (page, period) => page.locator('li.period-card', { has: page.getByRole('heading', { name: new RegExp(`^${period}`, 'i') }) });

test('a morning is logged in a few taps and shows on Today', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(daybreak.url);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Monday 23 November' }).waitFor());
    await page.getByRole('link', { name: 'Log morning' }).click();
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '5', exact: true }).check();
    await page.getByRole('group', { name: 'Minutes until the stiffness eased' }).getByRole('radio', { name: '45 min' }).check();
    await page.getByRole('group', { name: 'How stiff were you on waking?' }).getByRole('radio', { name: '6', exact: true }).check();
    await page.getByRole('button', { name: 'Save morning' }).click();

    await page.locator('.toasts').getByText('Morning saved').waitFor();
    const morning = card(page, 'Morning');
    await morning.getByText('pain 5/10 · stiff 45 min · severity 6/10').waitFor();
    assert.equal(await morning.locator('.badge').innerText(), 'LOGGED');

    const stored = await daybreak.entries();
    assert.equal(stored.length, 1);
    // The one-tap safety question is on every morning, answered no unless tapped.
    assert.deepEqual(stored[0].fields, { pain: 5, stiffness_minutes: 45, stiffness_severity: 6, red_flags: 'no' });
    assert.match(await daybreak.cli('show', '1', '--history'), /created 2026-11-23 07:30 via api/);
  } finally {
    await close();
  }
});

test('once a pillow is named, a night starts at None, and None or pillows are one answer', async () => {
  const { daybreak, page, close } = await open();
  try {
    await daybreak.cli('item', 'add', 'pillow', 'knee pillow');
    await page.goto(`${daybreak.url}/log/night`);
    await page.getByRole('group', { name: 'Pain during the night' }).getByRole('radio', { name: '2', exact: true }).check();
    await page.locator('details.more summary').click();
    const pillows = page.getByRole('group', { name: 'Pillows' });
    const none = pillows.getByRole('checkbox', { name: 'None' });
    const knee = pillows.getByRole('checkbox', { name: 'knee pillow' });
    assert.equal(await none.isChecked(), true, 'a new night starts at None');
    await knee.check();
    assert.equal(await none.isChecked(), false, 'a pillow replaces None');
    await none.check();
    assert.equal(await knee.isChecked(), false, 'None replaces the pillows');
    await page.getByRole('button', { name: 'Save night' }).click();
    await page.locator('.toasts').getByText('Night saved').waitFor();
    const stored = await daybreak.entries();
    assert.equal(stored.length, 1);
    assert.deepEqual(stored[0].fields.pillows, [], 'stored as none');
    assert.match(await daybreak.cli('show', String(stored[0].id)), /pillows +none/);
  } finally {
    await close();
  }
});

test('bad answers are explained at the top and beside the field, and nothing is saved', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(`${daybreak.url}/log/evening`);
    await page.getByRole('button', { name: 'Save evening' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('One answer needs a look.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
    await page.locator('[data-field="pain"] .field-error').getByText('Needed: a whole number from 0 to 10.').waitFor();
    assert.equal((await daybreak.entries()).length, 0);
  } finally {
    await close();
  }
});

// Before, a pasted note was cut at 2000 UTF-16 units without a word (an emoji counts two there).
test('a long note is counted, kept whole and refused with the summary; 1,999 emoji are 1,999 characters', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(`${daybreak.url}/log/evening`);
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '3', exact: true }).check();
    await page.locator('details.more summary').click();
    const note = page.getByRole('textbox', { name: 'Note' });
    const count = page.locator('[data-field="note"] .char-count');
    await note.fill('a'.repeat(11265));
    await count.getByText('11,265 / 2,000 · 9,265 characters too many').waitFor();
    assert.equal((await note.inputValue()).length, 11265, 'nothing is cut');
    await page.getByRole('button', { name: 'Save evening' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('One answer needs a look.').waitFor();
    await summary.getByRole('link', { name: 'Note' }).waitFor();
    await page.locator('[data-field="note"] .field-error').getByText(/it has 11265 characters/).waitFor();
    assert.equal((await daybreak.entries()).length, 0);

    await note.fill('😀'.repeat(1999));
    await count.getByText('1,999 / 2,000', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save evening' }).click();
    await page.locator('.toasts').getByText('Evening saved').waitFor();
    const stored = await daybreak.entries();
    assert.equal(stored.length, 1);
    assert.equal([...stored[0].fields.note].length, 1999);
  } finally {
    await close();
  }
});

// Found from outside: a note with a web address (or any long word) pushed
// the entry's page past the right edge of a phone, cutting its values off.
test('a long web address in a note wraps on the entry’s page and nothing runs off a phone’s screen', async () => {
  const { daybreak, page, close } = await open();
  try {
    const note = `Physio link: https://www.nhs.uk/conditions/back-pain/treatment-and-self-care-advice ${'x'.repeat(60)}`;
    await daybreak.cli('log', 'night', '--pain', '3', '--bedtime', '23:10', '--wake-time', '06:40', '--note', note);
    const [stored] = await daybreak.entries();
    await page.goto(`${daybreak.url}/entries/${stored.id}`);
    await page.getByText('https://www.nhs.uk/', { exact: false }).waitFor();
    // Every value of the entry within the screen (the page itself clips what runs over).
    const over = await page.evaluate(() =>
      [...document.querySelectorAll('.field-list dd, .field-list dt')]
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
        .map((e) => `${e.textContent.slice(0, 30)}: right edge at ${Math.round(e.getBoundingClientRect().right)} px`),
    );
    assert.deepEqual(over, [], `on a ${PHONE.width} px screen`);
  } finally {
    await close();
  }
});

// Before, /entries/abc asked for /api/entries/NaN in a loop (NaN !== NaN: a new dep on every render).
test('an entry number that cannot be shows the missing entry, asking the server once at most', async () => {
  const { daybreak, page, close } = await open();
  try {
    let asked = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/entries/')) asked++;
    });
    for (const [path, heading, requests] of [
      ['/entries/abc', 'That entry is not in your diary', 0],
      ['/entries/abc/edit', 'That entry is not in your diary', 0],
      ['/entries/0', 'That entry is not in your diary', 0],
      ['/entries/99999999999999999999', 'That entry is not in your diary', 0],
      ['/entries/7', 'Entry 7 is not in your diary', 1],
    ]) {
      asked = 0;
      await page.goto(daybreak.url + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(asked, requests, `${path}: requests for the entry`);
    }
  } finally {
    await close();
  }
});

// Before, the toast said before a move ("Saved on this device", then Today) was kept only if the next
// screen drew within 0.4 s of it: on a busy machine (CI, or a phone) Today drew later and the toast was gone
// before it was seen. The page's clock stands still from the Save until Today is moved to, then a second
// passes before Today draws.
test('offline: an entry waits on the device and is sent exactly once when the connection returns; its toast shows on Today however long Today takes to draw', async () => {
  const { daybreak, context, page, close } = await open();
  try {
    await page.clock.install();
    await page.goto(`${daybreak.url}/log/evening`);
    await page.getByRole('group', { name: 'Pain now' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '3', exact: true }).check();
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
    await page.getByRole('button', { name: 'Save evening' }).click();
    await page.waitForURL(`${daybreak.url}/`);
    await page.clock.fastForward(1000);
    await page.clock.resume();

    await page.locator('.toasts').getByText('Saved on this device').waitFor();
    await card(page, 'Evening').getByText('Waiting to send').waitFor();
    await page.locator('.connection').getByText('Offline · 1 waiting').waitFor();
    // Found from outside: the day's count said "0 of 4 periods logged" beside the entry waiting to send.
    await page.locator('.screen-header').getByText(/^0 of 4 periods logged, 1 waiting to send · /).waitFor();
    assert.equal((await daybreak.entries()).length, 0, 'nothing reached the server while offline');

    await context.setOffline(false);
    await card(page, 'Evening').locator('.badge-logged').waitFor({ timeout: 20000 });
    const stored = await daybreak.entries();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].period, 'evening');
    assert.equal(await page.evaluate(() => localStorage.getItem('daybreak.outbox.v1')), '[]');
  } finally {
    await close();
  }
});

// Before, daybreak's 503 for Today (its database restarting: a clinic's PostgreSQL, or pgbouncer waiting
// for it), or nginx's 502 with every server down, left the day empty, with nothing said. The 503 is the
// one daybreak gives (tests/clinic/crash_test).
test('when daybreak or its database cannot be reached, Today says so and an entry logged meanwhile waits, then goes', async () => {
  const { daybreak, page, close } = await open();
  try {
    const unavailable = (route) =>
      route.fulfill({
        status: 503,
        headers: { 'Retry-After': '5' },
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'tag:daybreak,2026:unavailable',
          title: 'The database cannot be reached',
          status: 503,
          detail: 'its server is restarting, or takes no writes; nothing was saved, try again in a moment',
        }),
      });
    // Without Today, the log takes the browser's day: the server's (fixed) day, here.
    await page.clock.setFixedTime(new Date(FAKE_NOW));
    // nginx's own page, every server behind it down: daybreak cannot be reached.
    await page.route('**/api/today', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>502 Bad Gateway</html>' }));
    await page.goto(daybreak.url);
    await page.getByRole('status').getByText('daybreak cannot be reached. Please try again in a moment. You can still log:').waitFor();

    await page.unroute('**/api/today');
    await page.route('**/api/today', unavailable);
    await page.route('**/api/entries', (route) => (route.request().method() === 'POST' ? unavailable(route) : route.continue()));
    await page.reload();
    await page
      .getByRole('status')
      .getByText('daybreak cannot load your day right now: the database cannot be reached. You can still log:')
      .waitFor();

    await page.goto(`${daybreak.url}/log/evening`);
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '4', exact: true }).check();
    await page.getByRole('button', { name: 'Save evening' }).click();
    await page.locator('.toasts').getByText('Saved on this device').waitFor();
    assert.equal((await daybreak.entries()).length, 0);

    await page.unroute('**/api/today');
    await page.unroute('**/api/entries');
    await page.getByRole('button', { name: 'Send now' }).click();
    await card(page, 'Evening').locator('.badge-logged').waitFor();
    assert.equal((await daybreak.entries()).length, 1);
  } finally {
    await close();
  }
});

test('a retry after an answer lost on the way back does not store the entry twice', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(`${daybreak.url}/log/afternoon`);
    let cut = 0;
    // The request reaches daybreak, which stores the entry; the browser never hears back.
    await page.route('**/api/entries', async (route) => {
      if (route.request().method() === 'POST' && cut++ === 0) {
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '2', exact: true }).check();
    await page.getByRole('button', { name: 'Save afternoon' }).click();
    await page.locator('.toasts').getByText('Saved on this device').waitFor();
    assert.equal((await daybreak.entries()).length, 1, 'the server has it already');

    await page.getByRole('button', { name: 'Send now' }).click();
    await card(page, 'Afternoon').locator('.badge-logged').waitFor();
    assert.equal((await daybreak.entries()).length, 1, 'the retry carried the same key: still one entry');
  } finally {
    await close();
  }
});

// Before, only `daybreak reminders` set the times: on a phone there was no way to move a reminder.
test('the reminders’ times are set on More, and the calendar file follows them', async () => {
  const { daybreak, page, close } = await open(PHONE);
  try {
    await page.goto(`${daybreak.url}/settings`);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'When your reminders are' }) });
    await form.getByLabel('Log your morning').fill('07:45');
    await form.getByLabel('Day of the weekly safety check').selectOption('sun');
    await form.getByLabel('Time of the weekly safety check').fill('18:30');
    await form.getByRole('button', { name: 'Save reminder times' }).click();
    await page.getByText(/Reminder times saved/).first().waitFor();
    const times = await (await fetch(`${daybreak.url}/api/reminders`)).json();
    assert.equal(times.morning_log, '07:45');
    assert.equal(times.safety_check, 'sun 18:30');
    assert.equal(times.morning_routine, '06:30', 'the others as they were');
    const ics = await (await fetch(`${daybreak.url}/api/reminders.ics`)).text();
    assert.match(ics, /RRULE:FREQ=WEEKLY;BYDAY=SU\r\n/);
    assert.match(ics, /T074500\r\n/);
    assert.equal(await form.getByRole('button', { name: 'Save reminder times' }).isDisabled(), true, 'nothing left to save');
    assert.equal(await form.getByLabel('Log your morning').inputValue(), '07:45');
    assert.deepEqual(await seriousViolations(page), [], 'More with the reminder times');
  } finally {
    await close();
  }
});

// Issue: a CSV import that clashed with entries already logged had no replace
// choice in the web app: nothing was imported, and the message named a flag
// of the command line (--replace) that a person in the browser cannot use.
test('a CSV import that clashes with logged entries offers to replace them, and their history keeps the old values', async () => {
  const { daybreak, page, close } = await open();
  try {
    const logged = await fetch(`${daybreak.url}/api/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'logged-sunday' },
      body: JSON.stringify({ date: '2026-11-22', period: 'morning', fields: { pain: 5 } }),
    });
    const said = await logged.text();
    assert.equal(logged.status, 201, said);
    const { entry } = JSON.parse(said);
    const csv = 'date,period,pain\n2026-11-21,morning,4\n2026-11-22,morning,7\n';
    const choose = () =>
      page.getByLabel(/Import a CSV file/).setInputFiles({ name: 'clash.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const plan = page.getByRole('status').filter({ hasText: 'clash.csv' });

    await page.goto(`${daybreak.url}/settings`);
    await choose();
    await plan.getByText('clash.csv: 1 new entry, 1 to replace an entry logged with other values.').waitFor();
    await plan.getByText('Importing replaces that entry with the file’s values; its history keeps the old ones.').waitFor();
    assert.equal(await page.getByText('--replace').count(), 0, 'no command-line flag in the browser');
    assert.equal(await page.getByText('Nothing was imported').count(), 0);
    assert.deepEqual(await seriousViolations(page), []);

    // Keeping the diary as it is imports nothing.
    await plan.getByRole('button', { name: 'Keep my diary as it is' }).click();
    await page.getByText('Nothing was imported from clash.csv: your diary is as it was.').waitFor();
    assert.equal(await page.getByRole('button', { name: /replace/ }).count(), 0);
    assert.deepEqual((await daybreak.entries()).map((e) => [e.date, e.fields.pain]), [['2026-11-22', 5]]);

    // Replacing: the new entry added, the logged one replaced, its old value in its history.
    await choose();
    await plan.getByRole('button', { name: 'Import and replace the logged entry' }).click();
    await page.getByText('Imported 1 entry from clash.csv and replaced 1 logged entry (its history keeps the old values).').waitFor();
    const stored = await daybreak.entries();
    assert.deepEqual(
      stored.map((e) => [e.date, e.fields.pain]).sort(),
      [['2026-11-21', 4], ['2026-11-22', 7]],
    );
    const history = await (await fetch(`${daybreak.url}/api/entries/${entry.id}/revisions`)).json();
    assert.deepEqual(history.revisions.map((r) => r.fields.pain), [5, 7]);

    // An entry logged for a day of the file after the check: checked again, it asks again.
    await page.getByLabel(/Import a CSV file/).setInputFiles({
      name: 'later.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('date,period,pain\n2026-11-20,morning,3\n'),
    });
    const later = page.getByRole('status').filter({ hasText: 'later.csv' });
    await later.getByText('later.csv: 1 new entry.').waitFor();
    const meanwhile = await fetch(`${daybreak.url}/api/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'logged-meanwhile' },
      body: JSON.stringify({ date: '2026-11-20', period: 'morning', fields: { pain: 2 } }),
    });
    assert.equal(meanwhile.status, 201);
    await later.getByRole('button', { name: 'Import', exact: true }).click();
    await later.getByText('Your diary changed since this file was checked. Checked again:').waitFor();
    await later.getByRole('button', { name: 'Replace the logged entry' }).waitFor();
    assert.equal(await page.getByText('--replace').count(), 0);
    assert.equal((await daybreak.entries()).find((e) => e.date === '2026-11-20').fields.pain, 2, 'nothing replaced unasked');
  } finally {
    await close();
  }
});

// Issue: a FHIR import that would update entries already logged said only
// "1 entry to update" and went ahead on Import: the person was never asked,
// nor told which. daybreak's FHIR import always updates such entries (it has
// no replace to leave out), so the web says which it would change and
// imports only on a yes, checking again first.
test('a FHIR import that would update logged entries says which and asks first, and checks again before importing', async () => {
  const { daybreak, page, close } = await open();
  const home = await startDaybreak(); // the diary kept elsewhere, that the file comes from
  try {
    const log = async (at, date, pain, key) => {
      const r = await fetch(`${at.url}/api/entries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ date, period: 'morning', fields: { pain } }),
      });
      const said = await r.text();
      assert.equal(r.status, 201, said);
      return JSON.parse(said).entry;
    };
    const exported = async (from, to) =>
      Buffer.from(await (await fetch(`${home.url}/api/export.fhir.json?from=${from}&to=${to}`)).arrayBuffer());
    const entry = await log(daybreak, '2026-11-22', 5, 'logged-sunday');
    await log(home, '2026-11-21', 4, 'home-saturday');
    await log(home, '2026-11-22', 7, 'home-sunday');
    const diary = await exported('2026-11-21', '2026-11-22');
    const input = page.getByLabel(/Bring in a diary exported as FHIR/);
    const plan = page.locator('.notice[role=status]').filter({ hasText: 'diary.json' });
    const pains = async () => (await daybreak.entries()).map((e) => [e.date, e.fields.pain]).sort();

    await page.goto(`${daybreak.url}/settings`);
    await input.setInputFiles({ name: 'diary.json', mimeType: 'application/fhir+json', buffer: diary });
    await plan.getByText('diary.json: 1 new entry, 1 entry to update.').waitFor();
    await plan
      .getByText('Importing updates an entry you logged with the file’s values: Sunday 22 November 2026, morning. Its history keeps the old values.')
      .waitFor();
    assert.equal(await plan.getByRole('button', { name: 'Import', exact: true }).count(), 0, 'no plain Import');
    assert.deepEqual(await seriousViolations(page), []);

    // Keeping the diary as it is imports nothing.
    await plan.getByRole('button', { name: 'Keep my diary as it is' }).click();
    await plan.waitFor({ state: 'detached' });
    await page.getByText('Nothing was imported from diary.json: your diary is as it was.').waitFor();
    assert.deepEqual(await pains(), [['2026-11-22', 5]]);

    // A yes: the new entry added, the logged one updated, its old value in its history.
    await input.setInputFiles({ name: 'diary.json', mimeType: 'application/fhir+json', buffer: diary });
    await plan.getByRole('button', { name: 'Import and update the logged entry' }).click();
    await page.getByText('Imported from diary.json: 1 new entry, 1 entry updated (its history keeps the old values).').waitFor();
    assert.deepEqual(await pains(), [['2026-11-21', 4], ['2026-11-22', 7]]);
    const history = await (await fetch(`${daybreak.url}/api/entries/${entry.id}/revisions`)).json();
    assert.deepEqual(history.revisions.map((r) => r.fields.pain), [5, 7]);

    // An entry logged for a day of the file after the check: checked again, it asks again.
    await log(home, '2026-11-20', 3, 'home-friday');
    await input.setInputFiles({ name: 'later.json', mimeType: 'application/fhir+json', buffer: await exported('2026-11-20', '2026-11-20') });
    const later = page.locator('.notice[role=status]').filter({ hasText: 'later.json' });
    await later.getByText('later.json: 1 new entry.').waitFor();
    await log(daybreak, '2026-11-20', 2, 'logged-meanwhile');
    await later.getByRole('button', { name: 'Import', exact: true }).click();
    await later.getByText('Your diary changed since this file was checked. Checked again:').waitFor();
    await later.getByText(/Importing updates an entry you logged with the file’s values: Friday 20 November 2026, morning\./).waitFor();
    await later.getByRole('button', { name: 'Import and update the logged entry' }).waitFor();
    assert.equal((await pains()).find(([date]) => date === '2026-11-20')[1], 2, 'nothing updated unasked');
  } finally {
    await home.stop();
    await close();
  }
});

const SCREENS = [
  ['/', null],
  ['/log/morning', 'More details'],
  ['/log/night', 'More details'],
  ['/see', 'Show the numbers'],
  ['/learn', null],
  ['/learn/overnight', null],
  ['/settings', null],
  ['/session', null],
  ['/session/morning', null],
  ['/exercises', null],
  ['/exercises/bird_dog', null],
  ['/safety', null],
  ['/questionnaires', null],
  ['/questionnaires/odi', null],
  ['/questionnaires/psfs', null],
  ['/questionnaires/start_back/history', null],
  ['/progress', null],
  ['/insights', null],
  ['/experiments', null],
  ['/experiments/new', null],
  ['/entries/1', null],
  ['/entries/1/edit', null],
];

// Issue: an entry's history said when each change was made on the browser's
// clock (a phone abroad, a clinician elsewhere), not the diary's.
test('an entry’s history says its times in the diary’s zone, and names it when the browser is elsewhere', async () => {
  const daybreak = await startDaybreak(); // the diary in Europe/Berlin
  try {
    const logged = await fetch(`${daybreak.url}/api/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'history-zone' },
      body: JSON.stringify({ date: '2026-11-23', period: 'morning', fields: { pain: 4 } }),
    });
    const said = await logged.text();
    assert.equal(logged.status, 201, said);
    const { entry } = JSON.parse(said);
    assert.equal(entry.created_at, FAKE_NOW); // 07:30 in Berlin, 01:30 in New York
    for (const [timezoneId, note] of [
      ['America/New_York', 'Times are in the diary’s time zone, Europe/Berlin.'],
      ['Europe/Berlin', null],
    ]) {
      const context = await browser.newContext({ viewport: PHONE, timezoneId });
      try {
        const page = await context.newPage();
        await page.goto(`${daybreak.url}/entries/${entry.id}`); // opened first: the zone comes from the profile
        const history = page.getByRole('region', { name: 'History' });
        await history.getByRole('listitem').first().waitFor();
        assert.equal(await history.locator('time').first().textContent(), '23 Nov 2026, 07:30', timezoneId);
        if (note) await history.getByText(note).waitFor();
        else assert.equal(await history.getByText('Times are in').count(), 0, timezoneId);
      } finally {
        await context.close();
      }
    }
  } finally {
    await daybreak.stop();
  }
});

// Issue: the questionnaires' dates and the safety check's were the browser's
// day, in the browser's language: in Los Angeles, a score taken at 07:30 on
// Monday in Berlin read "November 22, 2026", and the next check a day early.
test('questionnaire and safety check dates are the diary’s days, whatever the browser’s zone and language', async () => {
  const daybreak = await startDaybreak(); // the diary in Europe/Berlin
  const context = await browser.newContext({ viewport: PHONE, timezoneId: 'America/Los_Angeles', locale: 'en-US' });
  try {
    await daybreak.passSafetyCheck(); // at 07:30 on Monday 23 November in Berlin: 22:30 on Sunday in Los Angeles
    const taken = await fetch(`${daybreak.url}/api/questionnaires/nrs_pain/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ answers: { pain: 5 } }),
    });
    const said = await taken.text();
    assert.equal(taken.status, 201, said);
    assert.equal(JSON.parse(said).taken_at, FAKE_NOW);
    const gate = await (await fetch(`${daybreak.url}/api/safety`)).json();
    assert.equal(gate.next_full_check, '2026-11-30T06:30:00Z'); // Sunday 29 November in Los Angeles

    const page = await context.newPage();
    await page.goto(`${daybreak.url}/questionnaires`); // opened first: the zone comes from the profile
    const nrs = page.locator('li.card').filter({ has: page.getByRole('heading', { name: /Numeric pain rating/ }) });
    assert.equal(await nrs.getByText(/^Last:/).textContent(), 'Last: 5/10 on 23 November 2026.');
    await page.goto(`${daybreak.url}/questionnaires/nrs_pain/history`);
    await page.getByRole('rowheader').first().waitFor();
    assert.deepEqual(await page.getByRole('rowheader').allTextContents(), ['23 November 2026']);
    await page.goto(`${daybreak.url}/see`);
    await page.getByRole('region', { name: 'Questionnaires' }).getByText('NRS: 5/10 (23 November 2026)').waitFor();

    await page.goto(`${daybreak.url}/safety`);
    const summary = page.getByText(/^Exercise may go ahead\./);
    assert.equal(
      await summary.textContent(),
      'Exercise may go ahead. The next full check is due on Monday 30 November; if anything changes before then, check again or speak to a doctor.',
    );
  } finally {
    await context.close();
    await daybreak.stop();
  }
});

// Issue: the focus fell to the page body after Delete (an entry), after an
// import and after saving an empty safety check: the control pressed went
// away (or was disabled), and a keyboard or screen reader user was left at
// the top of nothing.
test('the focus goes to what happened after Delete, an import and an empty safety check, never to the page', async () => {
  const { daybreak, page, close } = await open();
  const onBody = () => page.evaluate(() => document.activeElement === document.body);
  try {
    const logged = await fetch(`${daybreak.url}/api/entries`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'to-delete' },
      body: JSON.stringify({ date: '2026-11-23', period: 'morning', fields: { pain: 4 } }),
    });
    const said = await logged.text();
    assert.equal(logged.status, 201, said);
    const { entry } = JSON.parse(said);

    // Delete…: the question; Keep it: back to Delete…; Delete it: Today's heading.
    await page.goto(`${daybreak.url}/entries/${entry.id}`);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await waitForFocus(page.getByRole('group', { name: /Delete this entry\?/ }));
    await page.getByRole('button', { name: 'Keep it' }).click();
    await waitForFocus(page.getByRole('button', { name: 'Delete…' }));
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('group', { name: /Delete this entry\?/ }));
    await page.getByRole('button', { name: 'Delete it' }).click();
    await waitForFocus(page.getByRole('heading', { name: 'Monday 23 November', level: 1, exact: true }));

    // An import: what was imported; keeping the diary as it is: that nothing was.
    await page.goto(`${daybreak.url}/settings`);
    const csv = (pain) => ({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from(`date,period,pain\n2026-11-22,morning,${pain}\n`) });
    await page.getByLabel(/Import a CSV file/).setInputFiles(csv(5));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await waitForFocus(page.getByRole('status').filter({ hasText: 'Imported 1 entry from a.csv.' }));
    await page.getByLabel(/Import a CSV file/).setInputFiles(csv(6));
    await page.getByRole('button', { name: 'Keep my diary as it is' }).click();
    await waitForFocus(page.getByRole('status').filter({ hasText: 'Nothing was imported from a.csv: your diary is as it was.' }));
    assert.deepEqual(await seriousViolations(page), []);

    // An empty safety check: the summary, whose links lead to each question.
    await page.goto(`${daybreak.url}/safety`);
    const questions = page.locator('fieldset.yes-no');
    await questions.first().waitFor();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    const summary = page.locator('.error-summary');
    await waitForFocus(summary);
    const needed = Number(/(\d+) questions need an answer\./.exec(await summary.textContent())?.[1]);
    assert.ok(needed > 1, await summary.textContent());
    assert.equal(await summary.getByRole('link').count(), needed, 'a link to each question to answer');
    assert.equal(await onBody(), false);
    await summary.getByRole('link').nth(1).click();
    await waitForFocus(questions.nth(1).getByRole('radio', { name: 'Yes' }));
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await close();
  }
});

// Issue: a bad ?date= in the address (/log/morning?date=2026-13-45, ?date=abc)
// showed "Invalid Date" above a form that could not be saved.
test('a date in the address that cannot be is said plainly, with today offered instead', async () => {
  const { daybreak, page, close } = await open();
  try {
    for (const text of ['2026-13-45', 'abc', '2026-02-30']) {
      await page.goto(`${daybreak.url}/log/morning?date=${text}`);
      const alert = page.getByRole('alert');
      await alert.getByText(`The date in the address, “${text}”, is not a valid date, so nothing can be logged for it.`).waitFor();
      assert.equal(await page.getByText('Invalid Date').count(), 0, text);
      assert.equal(await page.getByRole('button', { name: 'Save morning' }).count(), 0, text);
    }
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: 'Log today’s morning' }).click();
    await page.getByRole('button', { name: 'Save morning' }).waitFor();
    await page.getByText('Monday 23 November · on waking and the first hour').waitFor();
    assert.equal(new URL(page.url()).search, '');
  } finally {
    await close();
  }
});

describe('accessibility', () => {
  // Every screen in the light theme against all of axe's WCAG rules, then the
  // same page, expanded as it is, in the dark theme against the rules a
  // theme's colours can break: the theme changes colours only, and a second
  // full sweep with its own page loads was a fifth of the browser tests' time.
  test('axe finds no serious or critical problem on any screen, light or dark', async () => {
    const { daybreak, page, close } = await open(PHONE);
    const theme = async (scheme) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    };
    try {
      await fetch(`${daybreak.url}/api/import/csv`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: seedCsv() });
      const found = [];
      for (const [path, expand] of SCREENS) {
        await page.goto(daybreak.url + path);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        if (expand) {
          for (const summary of await page.getByText(expand, { exact: false }).all()) await summary.click();
        }
        for (const v of await seriousViolations(page)) found.push(`${path} (light): ${v}`);
        await theme('dark');
        for (const v of await seriousViolations(page, COLOUR_RULES)) found.push(`${path} (dark): ${v}`);
        await theme('light');
      }
      assert.deepEqual(found, []);
    } finally {
      await close();
    }
  });

  test('every control is reachable by keyboard, and the skip link leads to the screen', async () => {
    const { daybreak, page, close } = await open(DESKTOP);
    try {
      await page.goto(`${daybreak.url}/log/morning`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
      await page.keyboard.press('Enter');
      // Tab from the top of the screen to the save button, choosing pain with the arrow keys on the way.
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        const name = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent);
        if (name === 'pain') {
          await page.keyboard.press('ArrowRight'); // from nothing chosen, the first radio gets focus; move to 1
          await page.keyboard.press('Space');
        }
        reached = name === 'Save morning';
      }
      assert.ok(reached, 'the save button was reached with Tab');
    } finally {
      await close();
    }
  });
});

test('screenshots for the README (set DAYBREAK_SCREENSHOTS to a directory)', { skip: !process.env.DAYBREAK_SCREENSHOTS }, async () => {
  const dir = process.env.DAYBREAK_SCREENSHOTS;
  await mkdir(dir, { recursive: true });
  for (const [tag, viewport, scheme] of [
    ['phone', PHONE, 'light'],
    ['desktop', DESKTOP, 'light'],
    ['phone-dark', PHONE, 'dark'],
  ]) {
    const { daybreak, page, close } = await open(viewport, { colorScheme: scheme });
    try {
      await fetch(`${daybreak.url}/api/import/csv`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: seedCsv() });
      await fetch(`${daybreak.url}/api/entries`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ period: 'night', fields: { pain: 2, bedtime: '23:10', wake_time: '06:40', awakenings: 1, sleep_quality: 6 } }),
      });
      const shots = [
        ['today', '/'],
        ['log', '/log/morning'],
        ['see', '/see?weeks=12'],
        ['learn', '/learn/overnight'],
        ['insights', '/insights'],
        ['progress', '/progress'],
      ];
      for (const [name, path] of shots) {
        if (scheme === 'dark' && name !== 'today' && name !== 'see') continue;
        await page.goto(daybreak.url + path);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        if (name === 'log') {
          await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '4', exact: true }).check();
          await page.getByRole('group', { name: 'Minutes until the stiffness eased' }).getByRole('radio', { name: '30 min' }).check();
        }
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${dir}/${name}-${tag}.png` });
      }
    } finally {
      await close();
    }
  }
});
