// Issue 22: the exercise library and an exercise's page in a real browser,
// against the real server: from the session screen to the library (every
// built-in exercise with its figure), to Bird-dog (the figure moving with its
// words, the steps, the variants linked), with reduced motion the poses side
// by side; axe finds nothing serious. With DAYBREAK_SCREENSHOTS=dir it also
// takes the library and a page at phone size.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { FAKE_NOW, launchChromium, openDaybreak, seriousViolations } from './daybreak.mjs';

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function figureLines(page) {
  return page
    .locator('.exercise-figure svg.figure line.moving')
    .evaluateAll((ls) => ls.map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join(' ')));
}

test('the library lists every exercise with its figure; a page shows the figure moving, the steps and the variants', async () => {
  const { daybreak, page, close } = await openDaybreak(browser);
  try {
    await page.clock.install({ time: new Date(FAKE_NOW) });
    await page.goto(`${daybreak.url}/session`);
    await page.getByRole('link', { name: 'All exercises, with how to do each one' }).click();
    await page.getByRole('heading', { level: 1, name: 'Exercises' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Session' }).getAttribute('aria-current'), 'page');

    const links = page.locator('main a.exercise-link');
    await links.first().waitFor();
    const { exercises } = await (await page.request.get(`${daybreak.url}/api/exercises`)).json();
    assert.equal(exercises.length, 31);
    assert.equal(await links.count(), exercises.length, 'every built-in exercise is listed');
    assert.equal(await page.locator('main a.exercise-link svg.figure').count(), exercises.length, 'each with its figure');
    assert.deepEqual(await page.locator('main h2').allTextContents(), ['Gentle movement', 'Steadying the trunk', 'Stretches', 'Strength', 'Walking']);
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByRole('link', { name: /^Bird-dog/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Bird-dog' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/exercises/bird_dog');
    // The figure's words are the steps.
    const figure = page.getByRole('img', { name: /^Bird-dog: Kneel on hands and knees/ });
    await figure.waitFor();
    const steps = page.locator('ol.exercise-steps li');
    assert.equal(await steps.count(), 4);
    assert.match(await steps.first().textContent(), /^Kneel on hands and knees/);
    assert.match(await page.locator('main').textContent(), /Start with 4 holds of 8 s each side/);

    // It moves on its own, and stands still when asked.
    const start = await figureLines(page);
    assert.ok(start.length > 0, 'the moving limbs are marked');
    await page.clock.runFor(1_000);
    const moved = await figureLines(page);
    assert.notDeepEqual(moved, start);
    await page.getByRole('button', { name: 'Stop the figure' }).click();
    // Once the button says so; a frame already asked for may still be drawn.
    await page.getByRole('button', { name: 'Move the figure' }).waitFor();
    await page.clock.runFor(200);
    const stopped = await figureLines(page);
    await page.clock.runFor(3_000);
    assert.deepEqual(await figureLines(page), stopped, 'stopped, the figure stands still');
    assert.deepEqual(await seriousViolations(page), []);

    // The easier variant, and back by its harder one.
    await page.locator('main').getByRole('link', { name: 'Leg reach on hands and knees' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Leg reach on hands and knees' }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Bird-dog' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Bird-dog' }).waitFor();

    await page.goto(`${daybreak.url}/exercises/nope`);
    await page.getByRole('heading', { level: 1, name: 'No such exercise' }).waitFor();
  } finally {
    await close();
  }
});

test('with prefers-reduced-motion an exercise page shows the poses side by side, in dark colours too', async () => {
  const { daybreak, page, close } = await openDaybreak(browser, { colorScheme: 'dark' });
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${daybreak.url}/exercises/walking`);
    const poses = page.getByRole('group', { name: /^Walking: / });
    await poses.waitFor();
    assert.ok((await poses.locator('svg').count()) >= 2);
    assert.equal(await page.getByRole('button', { name: 'Stop the figure' }).count(), 0, 'nothing moves, nothing to stop');
    assert.match(await page.locator('.exercise-uses').textContent(), /Flare-day routine, at any stage/);
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    await close();
  }
});

test('screenshots of the library and an exercise at phone size (set DAYBREAK_SCREENSHOTS to a directory)', { skip: !process.env.DAYBREAK_SCREENSHOTS }, async () => {
  const dir = process.env.DAYBREAK_SCREENSHOTS;
  await mkdir(dir, { recursive: true });
  const { daybreak, page, close } = await openDaybreak(browser);
  try {
    await page.clock.install({ time: new Date(FAKE_NOW) });
    await page.goto(`${daybreak.url}/exercises`);
    await page.locator('main a.exercise-link').first().waitFor();
    await page.screenshot({ path: `${dir}/exercises-phone.png` });
    await page.goto(`${daybreak.url}/exercises/bird_dog`);
    await page.locator('.exercise-figure svg.figure').waitFor();
    await page.clock.runFor(1_500);
    await page.getByRole('button', { name: 'Stop the figure' }).click();
    await page.screenshot({ path: `${dir}/exercise-phone.png` });
  } finally {
    await close();
  }
});
