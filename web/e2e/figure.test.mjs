// Issue 22: the exercise's figure in the guided player, in a real browser on
// an accelerated clock: it moves with the step (its lines' coordinates
// change with time), stands still while the player is paused, and with
// prefers-reduced-motion shows the poses side by side instead. With
// DAYBREAK_SCREENSHOTS=dir it also takes three exercises at phone size.
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

async function startEvening(options = {}) {
  const opened = await openDaybreak(browser, { safetyCheck: true, ...options });
  await opened.page.clock.install({ time: new Date(FAKE_NOW) });
  const { daybreak, page } = opened;
  await page.goto(`${daybreak.url}/session/evening`);
  await page.getByRole('group', { name: 'Pain now, before you start' }).getByRole('radio', { name: '2', exact: true }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('timer').waitFor();
  return opened;
}

// What the figure shows now: how far through its poses, and where its moving lines are.
async function figureState(page) {
  const svg = page.locator('.player svg.figure');
  return {
    t: await svg.getAttribute('data-t'),
    lines: await svg.locator('line.moving').evaluateAll((ls) => ls.map((l) => ['x1', 'y1', 'x2', 'y2'].map((a) => l.getAttribute(a)).join(' '))),
  };
}

test('the figure moves with the step and stands still while paused', async () => {
  const { page, close } = await startEvening();
  try {
    // Getting ready shows the start pose, and the poses with the steps in words.
    const still = await figureState(page);
    assert.equal(still.t, '0.000');
    assert.equal(await page.getByRole('group', { name: /^Cat-camel, start and end: Kneel on hands and knees/ }).locator('svg').count(), 2);
    await page.getByRole('button', { name: 'Skip step' }).click(); // to the first reps

    // The figure's text alternative is the step in words.
    const label = await page.locator('.player svg.figure').getAttribute('aria-label');
    assert.match(label, /^Cat-camel: /);
    const start = await figureState(page);
    assert.ok(start.lines.length > 0, 'the moving part of the body is marked');
    await page.clock.runFor(1_000);
    const moved = await figureState(page);
    assert.notEqual(moved.t, start.t);
    assert.notDeepEqual(moved.lines, start.lines, 'the pose attributes change with time');

    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await figureState(page);
    await page.clock.runFor(5_000);
    assert.deepEqual(await figureState(page), paused, 'paused, the figure stands still');
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(600);
    assert.notDeepEqual(await figureState(page), paused);
  } finally {
    await close();
  }
});

test('with prefers-reduced-motion the player shows the poses side by side', async () => {
  const { page, close } = await startEvening();
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Skip step' }).click();
    const poses = page.locator('.player .figure-poses');
    await poses.waitFor();
    assert.equal(await poses.locator('svg').count(), 2);
    const before = await poses.innerHTML();
    await page.clock.runFor(2_000);
    assert.equal(await poses.innerHTML(), before, 'nothing moves');
  } finally {
    await close();
  }
});

test('screenshots of three exercises at phone size (set DAYBREAK_SCREENSHOTS to a directory)', { skip: !process.env.DAYBREAK_SCREENSHOTS }, async () => {
  const dir = process.env.DAYBREAK_SCREENSHOTS;
  await mkdir(dir, { recursive: true });
  const { page, close } = await startEvening();
  try {
    for (const name of ['cat-camel', 'standing-hip-flexor-stretch', 'side-lying-quad-stretch']) {
      await page.getByRole('button', { name: 'Skip step' }).click(); // from getting ready to the first work step
      await page.clock.runFor(1_500);
      await page.screenshot({ path: `${dir}/figure-${name}-phone.png` });
      await page.getByRole('button', { name: 'Skip exercise' }).click();
      const comfort = page.getByRole('group', { name: /^Pain during / });
      if (await comfort.isVisible()) {
        await comfort.getByRole('radio', { name: '1', exact: true }).check();
        await page.getByRole('button', { name: 'Next' }).click();
      }
    }
  } finally {
    await close();
  }
});

test("Today's program card prints the home program of the stage as a PDF", async () => {
  const { daybreak, page, close } = await openDaybreak(browser, { safetyCheck: true });
  try {
    await page.goto(`${daybreak.url}/`);
    const link = page.getByRole('link', { name: 'Print your home program' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/api/program/handout.pdf?stage=1');
    assert.notEqual(await link.getAttribute('download'), null);
    const r = await page.request.get(daybreak.url + (await link.getAttribute('href')));
    assert.equal(r.status(), 200);
    assert.equal(r.headers()['content-type'], 'application/pdf');
    assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
  } finally {
    await close();
  }
});
