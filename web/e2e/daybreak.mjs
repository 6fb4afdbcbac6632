// Starts the real `daybreak serve` for a Node test, in a fresh data directory
// with the clock fixed, and stops it (by its own process id) afterwards.
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

const run = promisify(execFile);

export const FAKE_NOW = '2026-11-23T06:30:00Z'; // Monday 07:30 in Berlin

export function binary() {
  const b = process.env.DAYBREAK_BINARY;
  if (!b) throw new Error('set DAYBREAK_BINARY to the daybreak executable (ctest does)');
  return b;
}

// Debian's chromium, headless, as every browser test drives it
// ($CHROMIUM names another executable).
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

// `home` reuses the data of a daybreak stopped with stop({ keep: true }): the
// same diary on a later day.
export const PHONE = { width: 390, height: 844 };

// `daybreak screen --answers` for a full safety check answered no throughout.
export const NO_WARNING_SIGNS = ['both_legs', 'saddle_numbness', 'bladder_bowel', 'sexual_function', 'leg_weakness',
  'major_accident', 'fever', 'weight_loss', 'cancer_history', 'night_pain', 'bone_risk_trauma', 'age_at_onset']
  .map((q) => `${q}=no`)
  .join(',');

// The API requests each page of newPage() has asked and not yet had answered.
const inFlight = new WeakMap();

// A page in a fresh browser context (no storage, no service worker), phone
// sized unless told; close() fails the test if the page threw an error.
export async function newPage(browser, { viewport = PHONE, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const asking = new Set();
  page.on('request', (r) => r.url().includes('/api/') && asking.add(r));
  for (const end of ['requestfinished', 'requestfailed']) page.on(end, (r) => asking.delete(r));
  inFlight.set(page, asking);
  const close = async () => {
    await context.close();
    assert.deepEqual(problems, [], 'the page reported errors');
  };
  return { page, close };
}

// Waits until the page has had every API request it asked answered, and has
// asked no other for `quietMs`: a screen's cards each load on their own, and
// a test that changes the data under a screen (`daybreak share --stop`) does
// so after the screen has read it, not while a card's request is on its way.
export async function apiSettled(page, quietMs = 250) {
  const asking = inFlight.get(page);
  assert.ok(asking, 'apiSettled: a page from newPage()');
  for (let quiet = 0; quiet < quietMs; quiet = asking.size === 0 ? quiet + 25 : 0) {
    await new Promise((r) => setTimeout(r, 25));
  }
}

// A fresh daybreak (its first safety check passed when asked) and a page on
// it; close() closes the page, reporting its errors, then stops daybreak.
export async function openDaybreak(browser, { safetyCheck = false, ...pageOptions } = {}) {
  const daybreak = await startDaybreak();
  if (safetyCheck) await daybreak.passSafetyCheck();
  const { page, close: closePage } = await newPage(browser, pageOptions);
  const close = async () => {
    try {
      await closePage();
    } finally {
      await daybreak.stop();
    }
  };
  return { daybreak, page, close };
}

// The axe rules a colour theme can break: text against its background, and a
// link told from the text around it by colour.
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// What axe finds serious or critical on the page (WCAG 2.2 A and AA rules, or
// only `rules` when given), a line each, with where. axe.run() in the page
// itself ("legacy mode"): the app has no frames, and the default runs each
// frame apart and joins the results in a new blank page, which took half of
// every check's second.
export async function seriousViolations(page, rules) {
  const axe = new AxeBuilder({ page }).setLegacyMode();
  const result = await (rules ? axe.withRules(rules) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// Waits until the element has the keyboard focus. A screen that moves focus
// itself (to a heading, an error summary, a confirmation) does so after it
// paints; a test that focuses a control before then can lose its key press
// to that move, so it waits for the move first.
export async function waitForFocus(locator) {
  const element = await locator.elementHandle();
  await locator.page().waitForFunction((el) => el === document.activeElement, element);
}

// The environment startDaybreak gives `daybreak serve`, for the CLI on the same home.
function environment(home, now = FAKE_NOW) {
  return {
    PATH: '/usr/bin:/bin',
    HOME: home,
    DAYBREAK_HOME: join(home, 'data'),
    DAYBREAK_FAKE_NOW: now,
    TZ: 'Europe/Berlin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
  };
}

// A clinic's accounts: why a test of them is skipped (this daybreak has no
// `admin` command yet), or false.
export function adminMissing() {
  const r = spawnSync(binary(), ['admin', '--help'], { encoding: 'utf8', timeout: 15000 });
  if (r.status === 0) return false;
  const said = r.error?.message ?? (r.stderr || r.stdout || '').trim().split('\n')[0];
  return `this daybreak has no \`admin\` command yet (\`daybreak admin --help\`: ${r.status ?? r.signal ?? 'not run'}${said ? `, ${said}` : ''})`;
}

// `daybreak admin user add LOGIN --role ROLE --name NAME --password-stdin`,
// the password piped in, on the data directory of `home` (before
// startDaybreak({ home }) serves it).
export async function addAccount(home, user) {
  const args = ['--data-dir', join(home, 'data'), 'admin', 'user', 'add', user.login, '--role', user.role, '--name', user.name,
    '--password-stdin'];
  const child = spawn(binary(), args, { env: environment(home), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(`${user.password}\n`);
  const [code] = await once(child, 'exit');
  assert.equal(code, 0, `daybreak admin user add ${user.login} failed: ${out}`);
}

// The clinic of the accounts and clinician tests: Anna, a person, and Dr
// Berg, a clinician, with their accounts made before daybreak serves them,
// and a browser. stop() ends both.
export const ANNA = { login: 'anna', name: 'Anna', role: 'person', password: 'anna likes slow mornings' };
export const BERG = { login: 'dr.berg', name: 'Dr Berg', role: 'clinician', password: 'berg reads the diaries' };
export async function startClinic() {
  const home = await mkdtemp(join(tmpdir(), 'daybreak-web-'));
  await addAccount(home, BERG);
  await addAccount(home, ANNA);
  const browser = await launchChromium();
  const daybreak = await startDaybreak({ home });
  return {
    browser,
    daybreak,
    async stop() {
      await browser.close();
      await daybreak.stop();
    },
  };
}

// Signs in on the sign-in screen the page shows.
export async function signIn(page, user) {
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByLabel('Login').fill(user.login);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// Signs out with the button `where` names, and waits for the sign-in screen.
export async function signOut(page, where = '#sign-out') {
  await page.locator(where).click();
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await page.getByText('You have signed out.').waitFor();
}

// `args`: more options for `daybreak serve` (--pair...); `out` then holds
// what it printed (the home network's address, the pairing code).
export async function startDaybreak({ now = FAKE_NOW, home: reuse, args = [] } = {}) {
  const home = reuse ?? (await mkdtemp(join(tmpdir(), 'daybreak-web-')));
  const dataDir = join(home, 'data');
  const env = environment(home, now);
  const child = spawn(binary(), ['serve', '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  child.stderr.on('data', (d) => (err += d));
  child.stdout.on('data', (d) => (out += d));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`daybreak serve printed no address: ${out} ${err}`)), 15000);
    child.stdout.on('data', () => {
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`daybreak serve exited with ${code}: ${err}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    home,
    dataDir,
    // What `daybreak serve` printed so far.
    output: () => out,
    // The CLI on the same data directory: what is really in the database.
    async cli(...args) {
      const { stdout } = await run(binary(), ['--data-dir', dataDir, ...args], { env });
      return stdout;
    },
    // The CLI at another moment, `input` on its stdin: a diary's past, kept as it went.
    cliAt(now, args, input = '') {
      const r = spawnSync(binary(), ['--data-dir', dataDir, ...args], {
        env: { ...env, DAYBREAK_FAKE_NOW: now },
        input,
        encoding: 'utf8',
        timeout: 30000,
      });
      assert.equal(r.status, 0, `daybreak ${args.join(' ')} at ${now}: ${r.stderr}`);
      return r.stdout;
    },
    // The first safety check, every answer no: sessions wait for it
    // (clinical.md "Safety"; safety.test.mjs answers it in the browser).
    async passSafetyCheck() {
      await this.cli('screen', '--answers', NO_WARNING_SIGNS);
    },
    async entries() {
      return JSON.parse(await this.cli('history', '--from', '2026-01-01', '--json'));
    },
    async stop({ keep = false } = {}) {
      if (child.exitCode === null) {
        // A daybreak that does not stop within 10 s is killed, never left behind.
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
        await exited;
        clearTimeout(timer);
      }
      if (!keep) await rm(home, { recursive: true, force: true });
      return err;
    },
  };
}

// Six weeks of plausible diary, for charts and screenshots: mornings worst,
// slowly easing; nights a little better; days in between.
export function seedCsv(endDate = '2026-11-22', days = 42) {
  const rows = ['date,period,pain,stiffness_minutes,stiffness_severity,awakenings,sleep_quality,note'];
  const end = new Date(`${endDate}T00:00:00Z`);
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(end.getTime() - i * 86400000).toISOString().slice(0, 10);
    const t = days - 1 - i; // 0 .. days-1
    const wave = Math.round(Math.sin(t * 1.3) * 1.2);
    const morning = Math.max(1, Math.min(9, 7 - Math.floor(t / 10) + wave));
    rows.push(`${d},night,${Math.max(0, morning - 2)},,,${t % 3 === 0 ? 1 : 0},${5 + (t % 4)},`);
    rows.push(`${d},morning,${morning},${Math.max(10, 75 - t + wave * 8)},${Math.max(2, morning - 1)},,,`);
    rows.push(`${d},afternoon,${Math.max(0, morning - 3 + (t % 2))},,,,,`);
    rows.push(`${d},evening,${Math.max(0, morning - 2 - (t % 3 === 1 ? 1 : 0))},,,,,${t % 7 === 3 ? 'long drive' : ''}`);
  }
  return rows.join('\r\n') + '\r\n';
}
