// Progression in a real browser against the real daybreak serve (issue 4): a
// week of usual mornings and Sunday's morning session are seeded through the
// API; Monday's morning is logged in the Log form, and Today tells the person
// what the program decided from it. Progress shows the stage, what is left
// before the next, the decision with its reasons, and a level set by hand
// (stored as an override, as `daybreak progress --json` shows).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launchChromium, newPage, seriousViolations, startDaybreak } from './daybreak.mjs';

let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function post(daybreak, path, body) {
  const r = await fetch(daybreak.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await r.json();
  assert.ok(r.ok, `${path}: ${r.status} ${JSON.stringify(json)}`);
  return json;
}

// Mornings of 16-22 November at pain 4, stiffness 30 min, and a morning
// session on Sunday the 22nd (the server's today is Monday the 23rd).
async function seed(daybreak) {
  await daybreak.passSafetyCheck();
  for (let day = 16; day <= 22; day++) {
    await post(daybreak, '/api/entries', { date: `2026-11-${day}`, period: 'morning', fields: { pain: 4, stiffness_minutes: 30 } });
  }
  const plan = await (await fetch(`${daybreak.url}/api/session-plans/morning`)).json();
  const saved = await post(daybreak, '/api/sessions', {
    program: plan.program,
    stage: plan.stage,
    routine: 'morning',
    started_at: '2026-11-22T06:10:00Z',
    pain_before: 3,
    steps: 'd'.repeat(plan.steps.length),
    pain_during: plan.exercises.map((_, i) => (i === 0 ? 2 : null)),
    stop_reason: null,
    duration_seconds: plan.total_seconds,
  });
  assert.deepEqual(saved.progression, [], 'the decision waits for the next morning');
}

test('a morning logged in the browser decides, and Progress shows why; a level set by hand is stored', async () => {
  const daybreak = await startDaybreak();
  const { page, close } = await newPage(browser);
  try {
    await seed(daybreak);

    // Before the morning: Progress says the session waits for it.
    await page.goto(`${daybreak.url}/progress`);
    await page.getByRole('heading', { level: 2, name: 'Stage 1 of 4: Wake up gently' }).waitFor();
    await page.getByText(/waiting for the morning of Monday/).waitFor();
    await page.getByText('at least 14 days in the stage', { exact: false }).waitFor();

    // Monday's morning, logged in the Log form.
    await page.goto(`${daybreak.url}/log/morning`);
    await page.getByRole('group', { name: 'Pain now' }).getByRole('radio', { name: '3', exact: true }).check();
    await page.getByRole('group', { name: 'Minutes until the stiffness eased' }).getByRole('radio', { name: '15 min' }).check();
    await page.getByRole('button', { name: 'Save morning' }).click();
    await page.locator('.toasts').getByText(/The program made a decision from it/).waitFor();

    // Today says what was decided, in its sentence.
    const made = page.locator('section', { has: page.getByRole('heading', { name: 'The program decided' }) });
    await made.getByText(/1 more session like it/).waitFor();
    await made.getByRole('link', { name: 'See why' }).click();

    // Progress: the decision, and why.
    await page.getByRole('heading', { level: 1, name: 'Your progress' }).waitFor();
    const decision = page.locator('li.decision').first();
    await decision.getByText(/Morning pain was 3 after Sunday's morning session/).waitFor();
    await decision.getByRole('button', { name: 'Why?' }).click();
    await decision.getByText('Decided from').waitFor();
    await decision.getByText(/The next morning \(2026-11-23\): pain 3/).waitFor();
    assert.deepEqual(await seriousViolations(page), []);

    // A level set by hand, with a note: an override among the decisions.
    await page.getByRole('textbox', { name: 'Note (who and why)' }).fill('physio, 23 Nov');
    const levelForm = page.getByRole('form', { name: 'Set a level' });
    await levelForm.getByRole('combobox', { name: 'Exercise' }).selectOption({ label: 'Pelvic tilt' });
    await levelForm.getByRole('combobox', { name: 'Level' }).selectOption({ label: '2 of 2' });
    await levelForm.getByRole('button', { name: 'Set level' }).click();
    await page.locator('li.decision').first().getByText(/Set by hand: Pelvic tilt.*\(physio, 23 Nov\)/).waitFor();
    await page.locator('.level-list li', { hasText: 'Pelvic tilt' }).getByText('level 2 of 2').waitFor();

    const stored = JSON.parse(await daybreak.cli('progress', '--json'));
    assert.equal(stored.levels.supine_pelvic_tilt, 2);
    assert.equal(stored.decisions[0].kind, 'override');
    assert.equal(stored.decisions[0].note, 'physio, 23 Nov');
    assert.equal(stored.decisions[0].channel, 'api');
    assert.equal(stored.decisions[1].verdict, 'repeat');
    assert.equal(stored.decisions[1].date, '2026-11-22');
    assert.deepEqual(await seriousViolations(page), []);
  } finally {
    try {
      await close();
    } finally {
      await daybreak.stop();
    }
  }
});

// Issue: Today's program card named the stage by the program's name ("Stage 2
// of 4: The daybreak program") where Progress and the API name the stage
// itself. Every screen now says it the one way.
test('Today, Session and Progress name the stage as the API does', async () => {
  const daybreak = await startDaybreak();
  const { page, close } = await newPage(browser);
  try {
    await daybreak.passSafetyCheck();
    await post(daybreak, '/api/progress/stage', { stage: 2, note: 'ready for more' });
    const program = await (await fetch(`${daybreak.url}/api/program`)).json();
    const progress = await (await fetch(`${daybreak.url}/api/progress`)).json();
    assert.equal(program.stage, 2);
    assert.equal(program.stage_name, progress.stage_name);
    assert.notEqual(program.stage_name, program.program_name);
    const title = `Stage 2 of ${program.stages}: ${program.stage_name}`;

    await page.goto(daybreak.url);
    await page.locator('.program-card').getByText(title).waitFor();
    assert.equal(await page.locator('.program-card').getByText(program.program_name).count(), 0);
    await page.goto(`${daybreak.url}/session`);
    await page.getByText(`${program.program_name}. ${title}.`).waitFor();
    await page.goto(`${daybreak.url}/progress`);
    await page.getByRole('heading', { name: title }).waitFor();
  } finally {
    await close();
    await daybreak.stop();
  }
});
