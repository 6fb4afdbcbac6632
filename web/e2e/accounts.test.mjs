// A clinic (issue 21) in a real browser against the real daybreak serve: two
// accounts made with `daybreak admin user add` (a clinician and a person), the
// person signs in and shares everything with the clinician, the clinician
// signs in, sees her in "People who share with you" and opens her page, then
// her Today; the person then sees the clinician in "Who looked at my data, and
// when" and stops sharing; the clinician no longer sees her, and the server refuses
// their next request for her data. axe is clean on the sign-in screen, on
// More with the sharing section, and on the clinician's list. Then the
// person brings a diary kept at home into the clinic as FHIR, on More.
//
// Skipped, with a message, while this daybreak has no `admin` command.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  adminMissing,
  ANNA,
  BERG,
  binary,
  FAKE_NOW,
  NO_WARNING_SIGNS,
  newPage,
  seriousViolations,
  signIn,
  signOut,
  startClinic,
  waitForFocus,
} from './daybreak.mjs';

const skip = adminMissing();

let clinic;
let browser;
let daybreak;

before(async () => {
  if (skip) return;
  clinic = await startClinic();
  ({ browser, daybreak } = clinic);
});

after(async () => clinic?.stop());

test('a person shares with their clinician, sees who looked, and stops sharing', { skip }, async () => {
  const { page, close } = await newPage(browser);
  try {
    // Accounts are on: every page asks to sign in first, and signing in goes
    // on to the page asked for.
    await page.goto(`${daybreak.url}/settings`);
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'the sign-in screen');
    await page.getByLabel('Login').fill(ANNA.login);
    await page.getByLabel('Password').fill('not her password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await summary.filter({ hasText: /login or (the )?password is wrong/i }).waitFor();
    await waitForFocus(summary);
    assert.deepEqual(await seriousViolations(page), [], 'the sign-in screen with its problem');
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'More', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/settings');
    await page.locator('#signed-in-as').filter({ hasText: 'Anna (anna)' }).waitFor();
    const annaId = await page.evaluate(async () => (await (await fetch('/api/account')).json()).user.id);

    // Share everything with Dr Berg.
    const sharing = page.locator('#sharing');
    await sharing.locator('#grant-list-empty').waitFor();
    await sharing.getByRole('button', { name: 'Share with a clinician' }).click();
    const who = sharing.getByLabel('Clinician', { exact: true });
    if ((await who.inputValue()) !== BERG.login) await who.selectOption(BERG.login);
    await sharing.getByLabel('Everything', { exact: true }).check();
    assert.deepEqual(await seriousViolations(page), [], 'More with the share form');
    await sharing.getByRole('button', { name: 'Share', exact: true }).click();
    const grant = sharing.locator('li.grant', { hasText: BERG.name });
    await grant.filter({ hasText: 'Everything, until you stop it' }).waitFor();
    await grant.locator('.pill', { hasText: 'sharing' }).waitFor();
    await page.locator('#access-log-empty').waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'More sharing with Dr Berg');
    await signOut(page);

    // Dr Berg: Anna in the list; her Today, clearly hers, without Log.
    await signIn(page, BERG);
    await page.getByRole('heading', { name: 'People who share with you', level: 1 }).waitFor();
    const anna = page.locator('#people-list').getByRole('link', { name: ANNA.name, exact: true });
    await anna.waitFor();
    assert.deepEqual(await seriousViolations(page), [], "the clinician's list");
    await anna.click();
    await page.locator('#viewing-banner').filter({ hasText: ANNA.name }).waitFor();
    await page.getByRole('heading', { name: ANNA.name, level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    assert.equal(await page.getByRole('link', { name: /^Log/ }).count(), 0, 'a clinician is offered no Log');
    assert.deepEqual(await seriousViolations(page), [], "Anna's Today, as Dr Berg sees it");
    await page.locator('#viewing-back').click();
    await page.getByRole('heading', { name: 'People who share with you', level: 1 }).waitFor();
    await signOut(page, '#header-sign-out');

    // Anna sees that Dr Berg looked, then stops sharing (with a confirm step).
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'Monday 23 November', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'More' }).click();
    const looked = page.locator('#access-log');
    await looked.locator('li', { hasText: BERG.name }).first().waitFor();
    assert.match(await looked.innerText(), /Dr Berg looked at/);
    assert.match(await looked.innerText(), /07:30|just now/, 'when, in the diary’s time (06:30 UTC is 07:30 in Berlin)');
    await sharing.getByRole('button', { name: `Stop sharing with ${BERG.name}` }).click();
    await waitForFocus(page.locator('#stop-sharing-confirm'));
    assert.deepEqual(await seriousViolations(page), [], 'More asking to confirm');
    await page.locator('#stop-sharing-yes').click();
    await sharing.locator('li.grant.ended', { hasText: BERG.name }).waitFor();
    await signOut(page);

    // Dr Berg: nobody shares any more, and the server refuses Anna's data.
    await signIn(page, BERG);
    await page.locator('#people-empty').waitFor();
    assert.deepEqual(await seriousViolations(page), [], "the clinician's empty list");
    const refused = await page.evaluate(async (id) => (await fetch(`/api/today?person=${id}`)).status, annaId);
    assert.ok([403, 404].includes(refused), `Anna's Today after she stopped sharing: ${refused}`);
    await page.goto(`${daybreak.url}/people/${annaId}`);
    await page.getByRole('heading', { name: 'Not shared with you', level: 1 }).waitFor();
  } finally {
    await close();
  }
});

// A diary kept at home with the CLI, exported as FHIR: the file a person
// brings to the clinic, with an experiment under way.
async function homeDiaryAsFhir() {
  const home = await mkdtemp(join(tmpdir(), 'daybreak-home-'));
  const env = { PATH: '/usr/bin:/bin', HOME: home, DAYBREAK_HOME: join(home, 'data'), TZ: 'Europe/Berlin', LANG: 'C.UTF-8' };
  const runAt = (now, ...args) => {
    const r = spawnSync(binary(), args, { env: { ...env, DAYBREAK_FAKE_NOW: now }, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.status, 0, `daybreak ${args.join(' ')}: ${r.stderr}`);
  };
  const run = (...args) => runAt(FAKE_NOW, ...args);
  run('log', 'night', '--date', '2026-11-20', '--pain', '6');
  run('log', 'morning', '--date', '2026-11-20', '--pain', '5', '--stiffness-minutes', '45');
  runAt('2026-11-20T20:00:00Z', 'experiment', 'new', '--a', 'heat', '--b', 'no heat', '--seed', '5');
  runAt('2026-11-21T06:00:00Z', 'experiment', 'log', 'yes');
  // A level goes up by hand only once the safety questions are answered.
  runAt('2026-11-21T07:00:00Z', 'screen', '--answers', NO_WARNING_SIGNS);
  runAt('2026-11-21T08:00:00Z', 'progress', 'set', 'cat_camel', '2', '--note', 'my physio said so');
  const file = join(home, 'diary.json');
  run('export', 'fhir', '--output', file);
  return { file, cleanup: () => rm(home, { recursive: true, force: true }) };
}

test('a person brings the diary they kept at home into the clinic as FHIR', { skip }, async () => {
  const { page, close } = await newPage(browser);
  const diary = await homeDiaryAsFhir();
  try {
    await page.goto(`${daybreak.url}/settings`);
    await signIn(page, ANNA);
    await page.getByRole('heading', { name: 'More', level: 1 }).waitFor();
    const entries = () =>
      page.evaluate(async () => (await (await fetch('/api/entries?from=2026-11-01&to=2026-11-30')).json()).entries.length);
    const before = await entries();
    await page.getByLabel(/Bring in a diary exported as FHIR/).setInputFiles(diary.file);
    const plan = page.getByRole('status').filter({
      hasText: "diary.json: 2 new entries, 1 safety check, 1 exercise level, 1 experiment, 1 experiment's night, 1 program decision.",
    });
    await plan.waitFor();
    assert.equal(await entries(), before, 'the plan writes nothing');
    assert.deepEqual(await seriousViolations(page), [], 'More with the import plan');
    await plan.getByRole('button', { name: 'Import' }).click();
    await page
      .getByText(
        "Imported from diary.json: 2 new entries, 1 safety check, 1 exercise level, 1 experiment, 1 experiment's night, 1 program decision.",
      )
      .first()
      .waitFor();
    assert.equal(await entries(), before + 2);
    // Her experiment goes on in the clinic: tonight's condition is due.
    const tonight = await page.evaluate(async () => (await fetch('/api/experiments/tonight')).status);
    assert.equal(tonight, 200);
    // The same file again: nothing new, nothing to import.
    await page.getByLabel(/Bring in a diary exported as FHIR/).setInputFiles(diary.file);
    const again = page.getByRole('status').filter({ hasText: '6 already in your diary' });
    await again.waitFor();
    assert.equal(await again.getByRole('button', { name: 'Import' }).isDisabled(), true);
    // Progress in the clinic says why her level is where it is: the decision made at home, then the import's.
    await page.goto(`${daybreak.url}/progress`);
    const decisions = page.locator('li.decision');
    await decisions.filter({ hasText: 'Set by hand: Cat-camel: reps go from 6 to 8 (my physio said so).' }).waitFor();
    await decisions.filter({ hasText: 'Brought in with your diary: 1 exercise level, where you were.' }).waitFor();
    assert.deepEqual(await seriousViolations(page), [], 'Progress with the decisions brought in');
  } finally {
    await close();
    await diary.cleanup();
  }
});
