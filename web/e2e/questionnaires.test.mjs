// Questionnaires in a real browser against the real daybreak serve: the list
// says which are offered and why BASDAI is not; the ODI is answered with the
// keyboard from its short labels (its wording is copyrighted), scored and
// stored (the CLI sees it); taken again at once, the change is said in
// words and not judged (less than a week apart); the PSFS brings back last time's
// activities. axe finds no serious problem on any of these pages.
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

const open = () => openDaybreak(browser);

const history = async (daybreak) => JSON.parse(await daybreak.cli('questionnaire', 'history', '--json'));

// Chooses an item's answer with the keyboard: focus the radio, press Space.
async function answer(page, item, value) {
  const radio = page.locator(`fieldset[data-item="${item}"] input[type="radio"][value="${value}"]`);
  await radio.focus();
  await page.keyboard.press('Space');
  assert.equal(await radio.isChecked(), true, `${item}=${value}`);
}

async function answerAll(page, answers) {
  for (const [item, value] of Object.entries(answers)) await answer(page, item, value);
}

// The ODI as in docs/questionnaires.md: section 8 left out, 16 of 45 points.
const FIRST = { pain_intensity: 2, personal_care: 1, lifting: 3, walking: 2, sitting: 2, standing: 1, sleeping: 2, social_life: 2, travelling: 1 };
const LATER = { pain_intensity: 1, personal_care: 0, lifting: 1, walking: 1, sitting: 1, standing: 1, sleeping: 1, social_life: 1, travelling: 1 };

test('the ODI taken with the keyboard is scored, stored, and its change judged when taken again', async () => {
  const { daybreak, page, close } = await open();
  try {
    // The list: what is offered, and why BASDAI is not.
    await page.goto(`${daybreak.url}/questionnaires`);
    await page.getByRole('heading', { name: 'Questionnaires', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Not offered to you' }).waitFor();
    await page.getByText(/offered only to people who report a diagnosis of axial spondyloarthritis/).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await page.goto(`${daybreak.url}/questionnaires/basdai`);
    await page.getByText(/Not offered to you: the BASDAI is offered only/).waitFor();
    assert.equal(await page.locator('form').count(), 0);
    await page.goto(`${daybreak.url}/questionnaires`);

    // Open the ODI from the list with the keyboard.
    await page.getByRole('link', { name: 'Take the ODI questionnaire' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Oswestry Disability Index/, level: 1 }).waitFor();
    // Labels only: no wording of daybreak's own stands in for the copyrighted items.
    await page.getByText(/daybreak shows short labels only: the wording is copyrighted/).waitFor();
    await page.getByRole('group', { name: '1. Section 1: Pain intensity' }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    // Nothing answered: refused, the reason shown, nothing stored.
    await page.getByRole('button', { name: 'Save my ODI answers' }).click();
    await waitForFocus(page.locator('.error-summary'));
    await page.locator('.error-summary').getByText('Not saved.').waitFor();
    assert.deepEqual(await history(daybreak), []);

    await answerAll(page, FIRST);
    await page.getByRole('button', { name: 'Save my ODI answers' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(page.getByRole('heading', { name: 'Your ODI score: 35.6%' }));
    await page.getByText('moderate disability (21-40%)').waitFor();
    await page.getByText('9 of 10 items answered.').waitFor();
    await page.getByText(/A change of at least 10 points counts as an important change/).waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    // Stored: the CLI reads the same response.
    let stored = await history(daybreak);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].instrument, 'odi');
    assert.equal(stored[0].responses[0].shown, '35.6%');
    assert.equal(stored[0].responses[0].channel, 'api');

    // Again at once, with lower scores: the change said in words, and not
    // judged (scores less than a week apart are not: docs/questionnaires.md).
    await page.getByRole('button', { name: 'Take it again' }).focus();
    await page.keyboard.press('Enter');
    await waitForFocus(page.locator('main h1'));
    await answerAll(page, LATER);
    await page.getByRole('button', { name: 'Save my ODI answers' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your ODI score: 17.8%' }).waitFor();
    await page
      .getByText('ODI fell 17.8 points within a day: an important change is judged between scores a week or more apart', {
        exact: false,
      })
      .waitFor();
    stored = await history(daybreak);
    assert.equal(stored[0].responses.length, 2);
    assert.equal(stored[0].since_first.verdict, 'too_soon');

    // The history: both scores, and the change against the minimal important change.
    await page.getByRole('link', { name: 'Your ODI over time' }).click();
    await page.getByRole('heading', { name: 'Your ODI over time', level: 1 }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.nth(1).waitFor(); // the dates wait for the diary's zone, read after the heading shows
    assert.equal(await rows.count(), 2);
    assert.match(await rows.nth(0).innerText(), /35\.6%/);
    assert.match(await rows.nth(1).innerText(), /17\.8%/);
    await page.locator('.change-line').getByText('Too soon to judge').waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    // See shows the latest score.
    await page.goto(`${daybreak.url}/see`);
    await page.getByRole('heading', { name: 'Questionnaires' }).waitFor();
    await page.locator('section', { hasText: 'Questionnaires' }).getByText(/17\.8%/).first().waitFor();
  } finally {
    await close();
  }
});

test('the PSFS names activities, and brings them back to rate again', async () => {
  const { daybreak, page, close } = await open();
  try {
    await page.goto(`${daybreak.url}/questionnaires/psfs`);
    await page.getByRole('heading', { name: /Patient-Specific Functional Scale/, level: 1 }).waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    const first = page.locator('fieldset.psfs-activity').nth(0);
    const second = page.locator('fieldset.psfs-activity').nth(1);
    await first.getByLabel('What you find hard').fill('putting on socks');
    await first.locator('input[type="radio"][value="2"]').check();
    await second.getByLabel('What you find hard').fill('gardening');
    await second.locator('input[type="radio"][value="4"]').check();
    await page.getByRole('button', { name: 'Save my PSFS answers' }).click();
    await page.getByRole('heading', { name: 'Your PSFS score: 3.0/10' }).waitFor();

    // Next time the same activities come first.
    await page.getByRole('button', { name: 'Take it again' }).click();
    await page.getByText('The activities you named last time come first', { exact: false }).waitFor();
    assert.equal(await first.getByLabel('What you find hard').inputValue(), 'putting on socks');
    assert.equal(await second.getByLabel('What you find hard').inputValue(), 'gardening');
    // A rating left out is named beside its activity; nothing is stored.
    await first.locator('input[type="radio"][value="5"]').check();
    await page.getByRole('button', { name: 'Save my PSFS answers' }).click();
    await page.locator('.error-summary').getByText(/Activity 2/).waitFor();
    assert.equal((await history(daybreak))[0].responses.length, 1);
    await second.locator('input[type="radio"][value="6"]').check();
    await page.getByRole('button', { name: 'Save my PSFS answers' }).click();
    await page.getByRole('heading', { name: 'Your PSFS score: 5.5/10' }).waitFor();
    await page.getByText('PSFS rose 2.5 points within a day', { exact: false }).waitFor();
    const stored = await history(daybreak);
    assert.deepEqual(
      stored[0].compared_activities.map((a) => [a.activity, a.before, a.after]),
      [
        ['putting on socks', 2, 5],
        ['gardening', 4, 6],
      ],
    );
  } finally {
    await close();
  }
});
