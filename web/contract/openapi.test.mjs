// docs/openapi.yaml is valid OpenAPI 3.1, names exactly the routes the server
// has, and describes what the server really answers: every response below
// passes through Prism, which validates it against the document.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import SwaggerParser from '@apidevtools/swagger-parser';

import { binary, startDaybreak } from '../e2e/daybreak.mjs';

const spec = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

test('the document is valid OpenAPI 3.1', async () => {
  const api = await SwaggerParser.validate(spec);
  assert.equal(api.openapi, '3.1.0');
});

test('every route the server registers is documented, and every documented route is served', async () => {
  const api = await SwaggerParser.parse(spec);
  const documented = new Set();
  for (const [path, item] of Object.entries(api.paths)) {
    for (const m of METHODS) if (item[m]) documented.add(`${m.toUpperCase()} ${path}`);
  }
  const home = await mkdtemp(join(tmpdir(), 'daybreak-routes-'));
  const { stdout } = await promisify(execFile)(binary(), ['--data-dir', home, 'serve', '--list-routes']);
  await rm(home, { recursive: true, force: true });
  const served = new Set(
    stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().replace(/\s+/, ' ')),
  );
  assert.deepEqual([...served].filter((r) => !documented.has(r)), [], 'routes the server has but the document lacks');
  assert.deepEqual([...documented].filter((r) => !served.has(r)), [], 'routes the document names but the server lacks');
});

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let daybreak;
let prism;
let base;

before(async () => {
  daybreak = await startDaybreak();
  await daybreak.passSafetyCheck();
  const port = await freePort();
  const cli = fileURLToPath(new URL('../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));
  prism = spawn(process.execPath, [cli, 'proxy', spec, daybreak.url, '-h', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start: ${log}`)), 60000);
    const seen = (d) => {
      log += d;
      if (log.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    prism.stdout.on('data', seen);
    prism.stderr.on('data', seen);
    prism.on('exit', (code) => reject(new Error(`Prism exited with ${code}: ${log}`)));
  });
  base = `http://127.0.0.1:${port}`;
});

after(async () => {
  if (prism && prism.exitCode === null) {
    prism.kill('SIGTERM');
    await once(prism, 'exit');
  }
  if (daybreak) await daybreak.stop();
});

// Sends a request through Prism; returns the status, the body and what Prism
// found wrong, split into the request's faults and the response's.
async function call(method, path, { json, text, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  if (text !== undefined) {
    init.headers['Content-Type'] ??= 'text/csv';
    init.body = text;
  }
  const r = await fetch(base + path, init);
  const body = await r.text();
  const violations = JSON.parse(r.headers.get('sl-violations') ?? '[]');
  return {
    status: r.status,
    body,
    json: () => JSON.parse(body),
    request: violations.filter((v) => v.location?.[0] === 'request'),
    response: violations.filter((v) => v.location?.[0] !== 'request'),
  };
}

function conforms(r, label) {
  assert.deepEqual(r.response, [], `${label}: the response does not match the document`);
}

test('every operation answers as documented, for good input and bad', async () => {
  const good = async (method, path, options, status) => {
    const r = await call(method, path, options);
    assert.equal(r.status, status, `${method} ${path}: ${r.body}`);
    assert.deepEqual(r.request, [], `${method} ${path}: the request does not match the document`);
    conforms(r, `${method} ${path}`);
    return r;
  };
  const bad = async (method, path, options, status) => {
    const r = await call(method, path, options);
    assert.equal(r.status, status, `${method} ${path}: ${r.body}`);
    conforms(r, `${method} ${path} (refused)`);
    return r;
  };

  await good('GET', '/api/health', {}, 200);
  await good('GET', '/api/fields', {}, 200);
  await good('GET', '/api/openapi.yaml', {}, 200);
  await good('GET', '/api/today', {}, 200);
  await good('GET', '/api/profile', {}, 200);
  await good('GET', '/api/time-zones', {}, 200);
  await good('GET', '/api/check', {}, 200);

  const pillow = await good('POST', '/api/sleep-items', { json: { kind: 'pillow', name: 'knee pillow' } }, 201);
  await good('POST', '/api/sleep-items', { json: { kind: 'mattress', name: 'firm foam' } }, 201);
  await good('GET', '/api/sleep-items', {}, 200);

  const morning = {
    period: 'morning',
    fields: {
      pain: 5,
      stiffness_minutes: 45,
      stiffness_severity: 6,
      signs: ['stiffness', 'ache'],
      locations: ['back_left'],
      medications: [{ name: 'ibuprofen', dose: '400 mg', taken_at: '07:10' }],
      relief: ['heat'],
      walking_minutes: 10,
      sitting_hours: 1.5,
      anxiety: 3,
      factors: { caffeine: '2' },
      note: 'slow start',
    },
  };
  const created = await good('POST', '/api/entries', { json: morning, headers: { 'Idempotency-Key': 'contract-1' } }, 201);
  const id = created.json().entry.id;
  await good('POST', '/api/entries', { json: morning, headers: { 'Idempotency-Key': 'contract-1' } }, 200);
  await good(
    'POST',
    '/api/entries',
    {
      json: {
        period: 'night',
        fields: {
          pain: 3,
          bedtime: '23:10',
          wake_time: '06:40',
          awakenings: 1,
          sleep_quality: 6,
          sleep_position: 'left_side',
          mattress: 'firm foam',
          pillows: ['knee pillow'],
          room_temperature: 18.5,
          humidity: 45,
        },
      },
    },
    201,
  );
  await good('GET', '/api/today', {}, 200);
  await good('GET', '/api/entries', {}, 200);
  await good('GET', '/api/entries?from=2026-11-01&to=2026-11-23', {}, 200);
  await good('GET', `/api/entries/${id}`, {}, 200);
  await good('PATCH', `/api/entries/${id}`, { json: { fields: { pain: 4, note: null, still_stiff: true } } }, 200);
  await good('GET', `/api/entries/${id}/revisions`, {}, 200);
  const csv = await good('GET', '/api/export/csv', {}, 200);
  await good('POST', '/api/import/csv?dry_run=true', { text: csv.body }, 200);
  const fhir = await good('GET', '/api/export.fhir.json?from=2026-11-01', {}, 200); // issue 19
  await good('POST', '/api/import/fhir?dry_run=true', { text: fhir.body, headers: { 'Content-Type': 'application/fhir+json' } }, 200);
  await bad('POST', '/api/import/fhir', { text: '{"resourceType": "Bundle", "type": "collection", "entry": [{}]}', headers: { 'Content-Type': 'application/fhir+json' } }, 422);
  await bad('POST', '/api/import/fhir', { text: fhir.body, headers: { 'Content-Type': 'text/csv' } }, 415);
  await good('GET', '/api/reminders.ics?alarm=10', {}, 200);
  await good('GET', '/api/reminders', {}, 200);
  await good('PATCH', '/api/reminders', { json: { morning_log: '07:45', safety_check: 'sun 18:30' } }, 200);
  await bad('PATCH', '/api/reminders', { json: { morning_log: '25:00' } }, 422);
  await good('PATCH', '/api/profile', { json: { name: 'Sam', time_zone: 'Europe/Berlin' } }, 200);
  await good('POST', `/api/sleep-items/${pillow.json().id}/retire`, {}, 200);
  await good('DELETE', `/api/entries/${id}`, {}, 200);

  // The safety check (issue 5): the gate, the questions, a check recorded.
  await good('GET', '/api/safety', {}, 200);
  await good('GET', '/api/safety/questions?check=legs', {}, 200);
  const questions = (await good('GET', '/api/safety/questions', {}, 200)).json().questions;
  const answers = Object.fromEntries(questions.map((q) => [q.id, 'no']));
  await good('POST', '/api/safety/checks', { json: { check: 'full', answers } }, 201);

  // Standard questionnaires: offers, one, responses, history, the PSFS activities.
  await good('GET', '/api/questionnaires', {}, 200);
  await good('GET', '/api/questionnaires/odi', {}, 200);
  await good('GET', '/api/questionnaires/psfs', {}, 200);
  await good('POST', '/api/questionnaires/nrs_pain/responses', { json: { answers: { pain: 6 } } }, 201);
  await good('POST', '/api/questionnaires/nrs_pain/responses', { json: { answers: { pain: 3 }, from_paper: true } }, 201);
  await good('POST', '/api/questionnaires/psfs/responses', { json: { activities: [{ activity: 'gardening', rating: 4 }] } }, 201);
  await good('GET', '/api/questionnaires/psfs/activities', {}, 200);
  await good('GET', '/api/questionnaires/history', {}, 200);
  await good('GET', '/api/questionnaires/history?id=nrs_pain', {}, 200);

  // The program and guided sessions (issue 3's, played by the web player).
  await good('GET', '/api/program', {}, 200);
  await good('GET', '/api/exercises', {}, 200);
  await good('GET', '/api/exercises/bird_dog', {}, 200);
  await bad('GET', '/api/exercises/nope', {}, 404);
  const plan = (await good('GET', '/api/session-plans/morning', {}, 200)).json();
  await good('GET', '/api/session-plans/evening?stage=1', {}, 200);
  const session = {
    program: plan.program,
    stage: plan.stage,
    routine: plan.routine,
    started_at: '2026-11-23T06:00:00Z',
    pain_before: 3,
    steps: 'd'.repeat(plan.steps.length),
    pain_during: plan.exercises.map((_, i) => (i === 0 ? 2 : null)),
    stop_reason: null,
    duration_seconds: plan.total_seconds,
  };
  await good('POST', '/api/sessions', { json: session, headers: { 'Idempotency-Key': 'contract-session' } }, 201);
  await good('POST', '/api/sessions', { json: session, headers: { 'Idempotency-Key': 'contract-session' } }, 200);
  await good('GET', '/api/sessions?limit=5', {}, 200);

  // Insights and personal experiments (issue 6). An experiment starts tonight at the
  // earliest, so last night is not part of it: a documented 404.
  await good('GET', '/api/insights', {}, 200);
  await good('GET', '/api/insights?from=2026-11-01&to=2026-11-23', {}, 200);
  await good('GET', '/api/experiments', {}, 200);
  const experiment = await good('POST', '/api/experiments', { json: { a: 'pillow between knees', b: 'no pillow', pairs: 3, nights: 7, washout: 1, seed: 42 } }, 201);
  await good('GET', '/api/experiments/tonight', {}, 200);
  await bad('POST', '/api/experiments/nights', { json: { followed: true, note: 'kept to it' } }, 404);
  await good('GET', '/api/experiments/report', {}, 200);
  await good('GET', `/api/experiments/${experiment.json().id}/report`, {}, 200);
  await bad('POST', '/api/experiments', { json: { a: 'on my side', b: 'on my back' } }, 409);
  await good('POST', `/api/experiments/${experiment.json().id}/stop`, { json: { reason: 'changed my mind' } }, 200);
  await bad('GET', '/api/experiments/report', {}, 404);
  await bad('GET', '/api/insights?from=November', {}, 400);
  const design = await bad('POST', '/api/experiments', { json: { a: 'pillow', b: 'none', pairs: 2 } }, 422);
  assert.ok(design.request.length > 0, 'the document itself should refuse 2 pairs');
  await bad('POST', '/api/experiments/nights', { json: { followed: 'yes' } }, 422);

  // The clinician report (issue 18): a PDF, and a bad range or paper refused.
  const pdf = await good('GET', '/api/report.pdf?from=2026-11-01&to=2026-11-23&paper=letter', {}, 200);
  assert.ok(pdf.body.startsWith('%PDF-'), 'the report should be a PDF');
  await good('GET', '/api/report.pdf', {}, 200);
  await bad('GET', '/api/report.pdf?from=2026-11-23&to=2026-11-01', {}, 400);
  const paper = await bad('GET', '/api/report.pdf?paper=a5', {}, 400);
  assert.ok(paper.request.length > 0, 'the document itself should refuse paper=a5');

  // Progression (issue 4): the overview, overrides by hand, a day's decisions.
  await good('GET', '/api/progress', {}, 200);
  await good('POST', '/api/progress/level', { json: { exercise: 'bird_dog', level: 2, note: 'contract' } }, 201);
  await good('POST', '/api/progress/stage', { json: { stage: 2, note: 'contract' } }, 201);
  await bad('POST', '/api/progress/stage', { json: { stage: 2, note: 'the stage it is at' } }, 422);
  await good('GET', '/api/progress?limit=2', {}, 200);
  await good('GET', '/api/progress/decisions', {}, 200);

  // Refusals are documented problems too.
  const invalid = await bad('POST', '/api/entries', { json: { period: 'evening', fields: { pain: 11 } } }, 422);
  assert.ok(invalid.request.length > 0, 'the document itself should refuse pain 11');
  await bad('POST', '/api/entries', { json: { period: 'night', fields: { pain: 2 } } }, 409);
  await bad('POST', '/api/entries', { json: { period: 'night', fields: { pain: 2 } }, headers: {} }, 409);
  await bad('POST', '/api/entries', { text: '{"period": "evening"}', headers: { 'Content-Type': 'text/plain' } }, 415);
  await bad('GET', '/api/entries/99999', {}, 404);
  await bad('GET', '/api/entries?from=2026-11-30&to=2026-11-01', {}, 400);
  await bad('PATCH', `/api/entries/${id}`, { json: { fields: { pain: 3 } } }, 404);
  await bad('POST', '/api/sleep-items', { json: { kind: 'pillow', name: 'knee pillow' } }, 409);
  await bad('POST', '/api/sleep-items/99999/retire', {}, 404);
  await bad('PATCH', '/api/profile', { json: { time_zone: 'Mars/Olympus' } }, 422);
  await bad('POST', '/api/import/csv', { text: 'date,period,pain\r\n2026-11-20,noon,4\r\n' }, 422);
  await bad('GET', '/api/session-plans/lunch', {}, 400);
  await bad('GET', '/api/program?program=nope', {}, 400);
  await bad('POST', '/api/sessions', { json: { routine: 'morning', steps: 'dd' } }, 422);
  await bad('GET', '/api/safety/questions?check=arms', {}, 400);
  await bad('GET', '/api/progress?limit=0', {}, 400);
  await bad('GET', '/api/progress/decisions?day=2026-11-01', {}, 404);
  await bad('GET', '/api/progress/decisions?day=23/11', {}, 400);
  await bad('POST', '/api/progress/level', { json: { exercise: 'bird_dog', level: 9 } }, 422);
  await bad('POST', '/api/progress/stage', { json: { stage: 9 } }, 422);
  await bad('POST', '/api/progress/confirm', { json: {} }, 409);
  await bad('GET', '/api/questionnaires/sf36', {}, 404);
  await bad('GET', '/api/questionnaires/history?id=sf36', {}, 404);
  await bad('POST', '/api/questionnaires/basdai/responses', { json: { answers: { fatigue: 4 } } }, 409);
  await bad('POST', '/api/questionnaires/nrs_pain/responses', { json: { answers: { pain: 11 } } }, 422);
  await bad('POST', '/api/safety/clinician', { json: { seen_clinician: true } }, 409);
  await bad('POST', '/api/safety/clinician', { json: { seen_clinician: false } }, 422);
  const refused = await bad('POST', '/api/safety/checks', { json: { check: 'full', answers: { fever: 'maybe' } } }, 422);
  assert.ok(refused.request.length > 0, 'the document itself should refuse the answer maybe');

  // Last, as it locks sessions: a warning sign, then the clinician's review that lifts the lock.
  await good('POST', '/api/safety/checks', { json: { check: 'full', answers: { both_legs: 'yes' } } }, 201);
  await good('POST', '/api/safety/clinician', { json: { seen_clinician: true } }, 201);
});
