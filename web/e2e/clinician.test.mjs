// A physiotherapist's screens of a person (issue 21) in a real browser against
// the real daybreak serve: Anna imports six weeks of diary, shares everything
// with Dr Berg and answers a safety check with a warning sign that locks
// exercise until a clinician has seen her (through the API, as her own
// screens would: safety.test.mjs and accounts.test.mjs drive those). Dr Berg
// opens Anna's page (the charts, the key changes, the program's decisions, the
// safety lock), records that a clinician has seen her, and sets an exercise's
// level with a note, which the program screen asks for; Anna then reads the
// change, with Dr Berg's name and note, on Today and on her progress. axe is
// clean on Anna's page and her progress as Dr Berg sees them.
//
// Skipped, with a message, while this daybreak has no `admin` command.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  adminMissing,
  ANNA,
  apiSettled,
  BERG,
  newPage,
  seedCsv,
  seriousViolations,
  signIn,
  signOut,
  startClinic,
  waitForFocus,
} from './daybreak.mjs';

const NOTE = 'The easier version while the knee settles';

const skip = adminMissing();
// With DAYBREAK_SCREENSHOTS=dir (make screenshots), the README's pictures of
// Anna's page as Dr Berg sees it and of his change on her Today.
const shots = process.env.DAYBREAK_SCREENSHOTS;

let clinic;
let browser;
let daybreak;

before(async () => {
  if (skip) return;
  clinic = await startClinic();
  ({ browser, daybreak } = clinic);
});

after(async () => clinic?.stop());

// A write as the signed-in person, with the CSRF token their sign-in gave.
async function write(page, method, path, body, type = 'application/json') {
  return page.evaluate(
    async ({ method, path, body, type }) => {
      const { csrf } = await (await fetch('/api/account')).json();
      const r = await fetch(path, { method, headers: { 'Content-Type': type, 'X-CSRF-Token': csrf }, body });
      return { status: r.status, text: await r.text() };
    },
    { method, path, body, type },
  );
}

test('a clinician adjusts a level with a note and records a review; the person reads who and why', { skip }, async () => {
  const { page, close } = await newPage(browser);
  try {
    // Anna: her diary, sharing with Dr Berg, and a warning sign that locks exercise.
    await page.goto(daybreak.url);
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    const imported = await write(page, 'POST', '/api/import/csv?dry_run=false&replace=false', seedCsv(), 'text/csv');
    assert.ok(imported.status < 300, `import: ${imported.status} ${imported.text}`);
    const shared = await write(page, 'POST', '/api/grants', JSON.stringify({ clinician: BERG.login, scope: ['all'], until: null }));
    assert.equal(shared.status, 201, shared.text);
    const questions = await page.evaluate(async () => (await (await fetch('/api/safety/questions?check=full')).json()).questions);
    const emergency = questions.find((q) => q.level === 'emergency');
    assert.ok(emergency, 'the full check has an emergency question');
    const answers = Object.fromEntries(questions.map((q) => [q.id, q.id === emergency.id ? 'yes' : 'no']));
    const checked = await write(page, 'POST', '/api/safety/checks', JSON.stringify({ check: 'full', answers }));
    assert.equal(checked.status, 201, checked.text);
    assert.equal(JSON.parse(checked.text).safety.status, 'locked');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await signOut(page);

    // Dr Berg opens Anna's page from the list.
    await signIn(page, BERG);
    await page.getByRole('heading', { name: 'People who share with you', level: 1 }).waitFor();
    await page.locator('#people-list').getByRole('link', { name: ANNA.name, exact: true }).click();
    await page.getByRole('heading', { name: ANNA.name, level: 1 }).waitFor();
    const annaId = new URL(page.url()).pathname.split('/').pop();
    await page.locator('#viewing-banner').filter({ hasText: ANNA.name }).waitFor();
    await page.getByRole('heading', { name: 'The last 4 weeks', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Pain by period', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Program', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Experiments', level: 2 }).waitFor();
    const safety = page.locator('#person-safety');
    await safety.getByRole('heading', { name: `Has a clinician seen ${ANNA.name}?` }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], "Anna's page, as Dr Berg sees it");
    if (shots) {
      await page.locator('.toast').waitFor({ state: 'detached', timeout: 15000 });
      await page.screenshot({ path: join(shots, 'clinician-person-phone.png') });
    }

    // "A clinician has seen Anna", with a confirm step.
    await safety.locator('#clinician-seen').click();
    await waitForFocus(page.locator('[aria-labelledby="clinician-confirm-text"]'));
    await safety.locator('#clinician-seen-yes').click();
    await page.locator('#clinician-recorded').filter({ hasText: `Recorded: a clinician has seen ${ANNA.name}` }).waitFor();
    await page.locator('#clinician-recorded').filter({ hasText: 'exercise sessions are unlocked' }).waitFor();
    const gate = await page.evaluate(async (id) => (await (await fetch(`/api/safety?person=${id}`)).json()).status, annaId);
    assert.notEqual(gate, 'locked', 'the lock is lifted');

    // Her progress, titled with her name; a level set by hand asks for a note.
    await page.locator('#adjust-program').click();
    await page.getByRole('heading', { name: `${ANNA.name}’s progress`, level: 1 }).waitFor();
    await page.getByRole('heading', { name: `Adjust ${ANNA.name}’s program`, level: 2 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Your progress' }).count(), 0);
    const progress = await page.evaluate(async (id) => (await (await fetch(`/api/progress?person=${id}`)).json()).routines, annaId);
    const exercise = progress.flatMap((r) => r.exercises).find((e) => e.levels > e.level);
    assert.ok(exercise, 'an exercise with a harder level');
    const form = page.getByRole('form', { name: 'Set a level' });
    await form.getByLabel('Exercise').selectOption(exercise.exercise);
    await form.getByLabel('Level').selectOption(String(exercise.level + 1));
    await form.getByRole('button', { name: 'Set level' }).click();
    await page.locator('#by-hand-note-error').waitFor();
    await waitForFocus(page.locator('#by-hand-note'));
    await page.locator('#by-hand-note').fill(NOTE);
    assert.deepEqual(await seriousViolations(page), [], "Anna's progress, as Dr Berg sees it");
    await form.getByRole('button', { name: 'Set level' }).click();
    const set = page.locator('.decision-author', { hasText: NOTE }).first();
    await set.waitFor();
    assert.match(await set.innerText(), new RegExp(`^Set by ${BERG.name}: “${NOTE}”`));
    await page.locator('#viewing-back').click();
    await page.getByRole('heading', { name: 'People who share with you', level: 1 }).waitFor();
    await signOut(page, '#header-sign-out');

    // Anna reads it on Today, with his name and note, and on her progress.
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    const card = page.locator('#clinician-change');
    await card.getByRole('heading', { name: 'Your clinician changed your program' }).waitFor();
    if (shots) {
      await page.locator('.toast').waitFor({ state: 'detached', timeout: 15000 });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'clinician-change-phone.png') });
    }
    assert.match(await card.innerText(), new RegExp(`${BERG.name} changed your program on Monday 23 November: ${exercise.name}`));
    assert.match(await card.innerText(), new RegExp(`${BERG.name}’s note: “${NOTE}”`));
    await card.getByRole('link', { name: 'See your progress' }).click();
    await page.getByRole('heading', { name: 'Your progress', level: 1 }).waitFor();
    const hers = page.locator('.decision-author', { hasText: NOTE }).first();
    assert.match(await hers.innerText(), new RegExp(`^Set by your clinician ${BERG.name}: “${NOTE}”`));
    assert.deepEqual(await seriousViolations(page), [], "Anna's progress with Dr Berg's change");

    // Put away, the card stays away.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await page.reload();
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.locator('#clinician-change').count(), 0);
  } finally {
    await close();
  }
});

// Issue: a clinician kept seeing a person's diary after the person stopped
// sharing: Today answered 403, yet showed the night and morning it had kept,
// under a banner saying "as they share it with you", until a reload. Anna
// shares her diary and her program with Dr Berg, then only her program, then
// nothing (`daybreak share`), while he looks at her screens.
test('a person who stops sharing is no longer shown to the clinician viewing them (Today kept their day after a 403)', { skip }, async () => {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(daybreak.url);
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    const grants = await page.evaluate(async () => (await (await fetch('/api/grants')).json()).grants);
    for (const g of grants.filter((g) => g.active)) await daybreak.cli('share', '--person', ANNA.login, '--stop', String(g.id));
    for (const [period, fields] of [['night', { pain: 3, sleep_quality: 6 }], ['morning', { pain: 5, stiffness_minutes: 40 }]]) {
      const saved = await write(page, 'POST', '/api/entries', JSON.stringify({ date: '2026-11-23', period, fields, replace: true }));
      assert.ok(saved.status < 300, `${period}: ${saved.status} ${saved.text}`);
    }
    const number = (out) => /number (\d+)/.exec(out)[1];
    const share = async (...scopes) =>
      number(await daybreak.cli('share', '--person', ANNA.login, '--with', BERG.login, ...scopes.flatMap((s) => ['--scope', s])));
    const both = await share('diary', 'program');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await signOut(page);

    // Dr Berg looks at Anna's day.
    await signIn(page, BERG);
    await page.locator('#people-list').getByRole('link', { name: ANNA.name, exact: true }).click();
    await page.getByRole('heading', { name: ANNA.name, level: 1 }).waitFor();
    const annaId = new URL(page.url()).pathname.split('/').pop();
    await page.getByRole('link', { name: `${ANNA.name}’s day` }).click();
    const night = page.getByRole('listitem', { name: /Night/ });
    await night.filter({ hasText: 'pain 3/10' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // Today's other cards have read hers too: a card still asking when she
    // stops would be refused, and the app would leave Today before See.
    await apiSettled(page);

    // She shares her program only: See takes him to her page, which says so
    // and shows what she still shares.
    await daybreak.cli('share', '--person', ANNA.login, '--stop', both);
    const program = await share('program');
    await nav.getByRole('link', { name: 'See', exact: true }).click();
    await page.getByRole('heading', { name: ANNA.name, level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/people/${annaId}`);
    await page.locator('#sharing-stopped').filter({ hasText: `${ANNA.name} no longer shares their diary with you.` }).waitFor();
    await page.getByRole('heading', { name: 'Program', level: 2 }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'The last 4 weeks' }).count(), 0);
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['People', 'Overview', 'Progress', 'More']);
    // Back to her day: it is not shown, and said why.
    await page.goBack();
    await page.getByText('Today cannot be shown: A person shares their data from More > Sharing').waitFor();
    await page.getByRole('heading', { name: `${ANNA.name}’s day`, level: 1 }).waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /pain 3\/10|pain 5\/10|Not logged/);
    await nav.getByRole('link', { name: 'Overview' }).click();
    await page.locator('#adjust-program').waitFor();
    await apiSettled(page);

    // She stops sharing the rest: nothing of hers is shown, nor kept, and the
    // banner no longer says he looks at her data.
    await daybreak.cli('share', '--person', ANNA.login, '--stop', program);
    await page.locator('#adjust-program').click();
    await page.getByRole('heading', { name: 'Not shared with you', level: 1 }).waitFor();
    await page.locator('#sharing-stopped').filter({ hasText: `${ANNA.name} no longer shares their data with you` }).waitFor();
    assert.equal(await page.locator('#viewing-banner').count(), 0);
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ['People', 'Learn', 'More']);
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.doesNotMatch(kept, /Anna|2026-11-23/);
    await page.locator('.brand').click();
    await page.getByRole('heading', { name: 'People who share with you', level: 1 }).waitFor();
    await page.locator('#people-empty').waitFor();
    await signOut(page, '#header-sign-out');
  } finally {
    await close();
  }
});

// Issue: a clinician whose grant lacked some parts saw "Download the report
// (PDF)" on the person's page; the link got 403 and Chromium cancelled it
// without a word. The report has all of a person's data: it is offered only
// for a grant of everything, else the card says what it needs. Downloads
// carry their file's name, and the home program's handout on the person's
// Today is theirs (it was asked for without naming them, and refused).
test('a clinician is offered the report only when everything is shared (the report link failed silently)', { skip }, async () => {
  const { page, close } = await newPage(browser);
  try {
    await page.goto(daybreak.url);
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    const grants = await page.evaluate(async () => (await (await fetch('/api/grants')).json()).grants);
    for (const g of grants.filter((g) => g.active)) await daybreak.cli('share', '--person', ANNA.login, '--stop', String(g.id));
    const saved = await write(page, 'POST', '/api/entries', JSON.stringify({ date: '2026-11-22', period: 'morning', fields: { pain: 4 }, replace: true }));
    assert.ok(saved.status < 300, `${saved.status} ${saved.text}`);
    const share = async (...scopes) =>
      /number (\d+)/.exec(await daybreak.cli('share', '--person', ANNA.login, '--with', BERG.login, ...scopes.flatMap((s) => ['--scope', s])))[1];
    const parts = await share('diary', 'program');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'More' }).click();
    await signOut(page);

    await signIn(page, BERG);
    await page.locator('#people-list').getByRole('link', { name: ANNA.name, exact: true }).click();
    await page.getByRole('heading', { name: ANNA.name, level: 1 }).waitFor();
    const annaId = new URL(page.url()).pathname.split('/').pop();
    const card = page.locator('#report-not-shared');
    await card.getByRole('heading', { name: `${ANNA.name}’s report` }).waitFor();
    assert.match(await card.innerText(), /The report needs everything shared with you: .* Anna shares diary, program and sessions\./);
    assert.equal(await page.getByRole('link', { name: 'Download the report (PDF)' }).count(), 0);

    // Her program's handout, from her Today: hers, not his.
    await page.getByRole('link', { name: `${ANNA.name}’s day` }).click();
    const handout = page.getByRole('link', { name: `Print ${ANNA.name}’s home program` });
    assert.equal(await handout.getAttribute('href'), `/api/program/handout.pdf?stage=1&person=${annaId}`);
    assert.equal(await handout.getAttribute('download'), 'daybreak-program-stage-1.pdf');
    const [printed] = await Promise.all([page.waitForEvent('download'), handout.click()]);
    assert.equal(await printed.failure(), null);
    assert.equal((await readFile(await printed.path())).subarray(0, 5).toString(), '%PDF-');

    // She shares everything: the report downloads, with its name.
    await apiSettled(page);
    await daybreak.cli('share', '--person', ANNA.login, '--stop', parts);
    await share('all');
    await page.goto(`${daybreak.url}/people/${annaId}`);
    const link = page.getByRole('link', { name: 'Download the report (PDF)' });
    await link.waitFor();
    assert.equal(await link.getAttribute('download'), 'daybreak-report-2026-10-27-to-2026-11-23.pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(await download.failure(), null);
    assert.equal(download.suggestedFilename(), 'daybreak-report-2026-10-27-to-2026-11-23.pdf');
    assert.equal((await readFile(await download.path())).subarray(0, 5).toString(), '%PDF-');
    await signOut(page, '#header-sign-out');
  } finally {
    await close();
  }
});
