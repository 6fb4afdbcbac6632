// The safety check in a real browser against the real daybreak serve: before
// the first check Today offers it and a session is refused with a link to it;
// the questions are answered with the keyboard-reachable yes/no pairs; then a
// session can start. A warning sign raised instead tells the person to see a
// doctor, with the emergency number, and keeps the session closed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium, openDaybreak, seriousViolations, waitForFocus } from './daybreak.mjs';

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

// A fresh daybreak whose first safety check is still to come.
const open = () => openDaybreak(browser);

const gate = async (daybreak) => (await fetch(`${daybreak.url}/api/safety`)).json();

test('the check answered in the browser opens the way to a session', async () => {
  const { daybreak, page, close } = await open();
  try {
    // Today says a check is needed.
    await page.goto(daybreak.url);
    await page.getByRole('heading', { name: 'Safety check' }).waitFor();

    // The session is refused, with a way to the check.
    await page.goto(`${daybreak.url}/session/morning`);
    await page.getByRole('link', { name: 'Take the safety check' }).click();
    await page.getByRole('heading', { name: 'Safety check', level: 1 }).waitFor();
    const questions = page.locator('fieldset.yes-no');
    await questions.first().waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    // Saving with nothing answered names the questions and stores nothing.
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByText(/questions need an answer/).waitFor();
    assert.equal((await gate(daybreak)).status, 'check_needed');

    // Every answer no, through the keyboard: Tab to each pair, arrows choose.
    const count = await questions.count();
    assert.ok(count >= 12, `only ${count} questions`);
    for (let i = 0; i < count; i++) {
      const group = questions.nth(i);
      const no = group.getByRole('radio', { name: 'No' });
      await no.focus();
      await page.keyboard.press('Space');
      assert.equal(await no.isChecked(), true);
    }
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Thank you: no warning signs' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    assert.equal((await gate(daybreak)).status, 'ok');

    // Now the session starts.
    await page.getByRole('link', { name: 'Do a session' }).click();
    await page.goto(`${daybreak.url}/session/morning`);
    await page.getByRole('group', { name: 'Pain now, before you start' }).waitFor();
  } finally {
    await close();
  }
});

test('a warning sign says to get help now, with the emergency number, and keeps sessions closed', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(`${daybreak.url}/safety`);
    const first = page.locator('fieldset.yes-no').first();
    await first.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Please get medical help now' }).waitFor();
    const number = (await gate(daybreak)).emergency_number;
    assert.ok(number, 'an emergency number for the zone');
    await page.getByText(`call ${number}`, { exact: false }).waitFor();
    assert.equal((await gate(daybreak)).status, 'locked');
    assert.deepEqual(await seriousViolations(page), []);
    await page.goto(`${daybreak.url}/session/morning`);
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('group', { name: 'Pain now, before you start' }).count(), 0);
  } finally {
    await close();
  }
});

test('once a clinician has seen them, the person says so, confirms, and sessions unlock', async () => {
  const { daybreak, page, close } = await open();
  try {
    // Before any warning sign there is nothing to confirm.
    await page.goto(`${daybreak.url}/safety`);
    await page.locator('fieldset.yes-no').first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'A clinician has seen me' }).count(), 0);

    // An emergency answer locks sessions.
    await page.locator('fieldset.yes-no').first().getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Save my answers' }).click();
    await page.getByRole('heading', { name: 'Please get medical help now' }).waitFor();
    assert.equal((await gate(daybreak)).status, 'locked');

    // Later, on the safety screen: the control, then a confirmation step.
    await page.goto(`${daybreak.url}/safety`);
    await page.getByRole('heading', { name: 'Has a clinician seen you?' }).waitFor();
    await page.getByRole('button', { name: 'A clinician has seen me' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('button', { name: 'Yes, a clinician has seen me' });
    const confirmation = page.getByRole('group', { name: /Please confirm only after a clinician has seen you/ });
    await waitForFocus(confirmation); // the confirmation step takes the focus
    assert.deepEqual(await seriousViolations(page), []);
    // "Not yet" goes back without recording anything.
    await page.getByRole('button', { name: 'Not yet' }).click();
    assert.equal((await gate(daybreak)).status, 'locked');

    await page.getByRole('button', { name: 'A clinician has seen me' }).click();
    await waitForFocus(confirmation);
    await confirm.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Recorded: a clinician has seen you' }).waitFor();
    await page.getByText('Exercise sessions are unlocked', { exact: false }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    const after = await gate(daybreak);
    assert.notEqual(after.status, 'locked');
    assert.deepEqual(after.emergency, []);
    assert.equal(await page.getByRole('button', { name: 'A clinician has seen me' }).count(), 0);

    // The CLI sees the review, recorded through the API.
    const events = JSON.parse(await daybreak.cli('screen', 'history', '--json'));
    const review = events.find((e) => e.kind === 'clinician_seen');
    assert.ok(review, 'a clinician review in the history');
    assert.equal(review.channel, 'api');
  } finally {
    await close();
  }
});
