// daybreak on the phone (issue 17, part 2): a phone pairs over the home
// network with the code the computer shows, and only a paired, unrevoked
// phone gets in. The "home network" is a private network namespace this test
// makes (unshare: a user and network namespace, no real network), with the
// address 10.77.0.1 added to its loopback interface: not a loopback address,
// so daybreak treats it as the home network. The test re-runs itself inside
// the namespace, with daybreak and Chromium; outside, it only starts that run.
// Expiry is checked by the API tests (tests/server/pairing_api_test.cpp),
// where the clock can move.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { launchChromium, newPage, seriousViolations, startDaybreak } from './daybreak.mjs';

const HOME_ADDRESS = '10.77.0.1';

if (!process.env.DAYBREAK_IN_NAMESPACE) {
  // Also takes the README's pairing screenshots when DAYBREAK_SCREENSHOTS names a directory.
  test('pairing, in a private network namespace (and its screenshots)', () => {
    const self = fileURLToPath(import.meta.url);
    const script = `PATH="$PATH:/usr/sbin:/sbin" && ip link set lo up && ip addr add ${HOME_ADDRESS}/32 dev lo && exec "${process.execPath}" --test "${self}"`;
    const r = spawnSync('unshare', ['--user', '--map-root-user', '--net', 'sh', '-c', script], {
      // Without the outer runner's NODE_TEST_CONTEXT: the inner run reports on its own.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')),
        DAYBREAK_IN_NAMESPACE: '1' },
      encoding: 'utf8',
      timeout: 300000,
    });
    assert.equal(r.status, 0, `the run inside the namespace failed:\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, /# pass 4\n# fail 0/, r.stdout);
  });
} else {
  let browser;
  let daybreak;
  let home; // "10.77.0.1:PORT"

  before(async () => {
    browser = await launchChromium();
    daybreak = await startDaybreak({ args: ['--pair', '--lan-address', HOME_ADDRESS] });
    const deadline = Date.now() + 10000;
    while (!/Paired devices reach it at http:\/\/([\d.]+:\d+)\//.test(daybreak.output()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    home = /Paired devices reach it at http:\/\/([\d.]+:\d+)\//.exec(daybreak.output())?.[1];
    assert.ok(home, `daybreak serve --pair printed no home address: ${daybreak.output()}`);
    assert.equal(home, `${HOME_ADDRESS}:${daybreak.port}`);
  });

  after(async () => {
    await browser?.close();
    await daybreak?.stop();
  });

  // The QR code as the computer's screen shows it, read back with jsQR on a
  // blank page (the app's CSP rightly refuses the decoder's inline script).
  async function readQr(page) {
    const svg = await page.locator('#pairing-qr svg').evaluate((e) => e.outerHTML);
    const scratch = await newPage(browser);
    try {
      const jsqr = createRequire(import.meta.url).resolve('jsqr');
      await scratch.page.setContent('<!doctype html><title>scan</title>');
      await scratch.page.addScriptTag({ content: await readFile(jsqr, 'utf8') });
      return await scratch.page.evaluate(async (markup) => {
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 400;
        const g = canvas.getContext('2d');
        g.drawImage(image, 0, 0, 400, 400);
        const pixels = g.getImageData(0, 0, 400, 400);
        return globalThis.jsQR(pixels.data, 400, 400)?.data ?? null;
      }, svg);
    } finally {
      await scratch.close();
    }
  }

  test('without a paired token the home network gets the pairing page and nothing else', async () => {
    const api = await fetch(`http://${home}/api/today`);
    assert.equal(api.status, 401);
    assert.equal((await api.json()).type, 'tag:daybreak,2026:device-not-paired');
    const page = await fetch(`http://${home}/today`, { redirect: 'manual' });
    assert.equal(page.status, 303);
    assert.equal(page.headers.get('location'), '/pair');
    const forged = await fetch(`http://${home}/api/today`, { headers: { cookie: `daybreak_device=${'a'.repeat(64)}` } });
    assert.equal(forged.status, 401);
    // The computer itself needs no token.
    assert.equal((await fetch(`${daybreak.url}/api/today`)).status, 200);
  });

  test('the terminal code pairs a phone once; reused, it is refused', async () => {
    const code = /type ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(daybreak.output())?.[1];
    assert.ok(code, daybreak.output());
    const first = await newPage(browser);
    try {
      await first.page.goto(`http://${home}/today`);
      await first.page.waitForURL(`http://${home}/pair`);
      await first.page.getByLabel('Pairing code').fill(code.toLowerCase());
      await first.page.getByLabel('Name this device').fill('Terminal phone');
      await first.page.getByRole('button', { name: 'Pair' }).click();
      await first.page.waitForURL(`http://${home}/`);
      await first.page.getByRole('heading', { name: /23 November/, level: 1 }).waitFor();
    } finally {
      await first.close();
    }
    const second = await newPage(browser, { colorScheme: 'dark' });
    try {
      await second.page.goto(`http://${home}/pair`);
      assert.deepEqual(await seriousViolations(second.page), [], 'the pairing page, dark');
      await second.page.getByLabel('Pairing code').fill(code);
      await second.page.getByRole('button', { name: 'Pair' }).click();
      await assertAlert(second.page, /works once|new one/i);
      assert.deepEqual(await seriousViolations(second.page), [], 'the pairing page with its problem, dark');
      assert.equal(second.page.url(), `http://${home}/pair`);
    } finally {
      await second.close();
    }
  });

  async function assertAlert(page, pattern) {
    const alert = page.locator('#pair-problem');
    await alert.filter({ hasText: pattern }).waitFor();
  }

  test('a phone scans the QR code from More, logs, and stops getting in once revoked', async () => {
    const computer = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const phone = await newPage(browser);
    try {
      await computer.page.goto(`${daybreak.url}/settings`);
      await computer.page.getByRole('button', { name: 'Pair a phone' }).click();
      const code = (await computer.page.locator('#pairing-code').textContent()).trim();
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      await computer.page.locator('#pairing-address').filter({ hasText: `http://${home}/pair` }).waitFor();
      const scanned = await readQr(computer.page);
      const shots = process.env.DAYBREAK_SCREENSHOTS;
      if (shots) await computer.page.locator('#devices').screenshot({ path: join(shots, 'pair-desktop.png') });
      assert.deepEqual(await seriousViolations(computer.page), [], 'More with a code shown');
      assert.equal(scanned, `http://${home}/pair#code=${code}`);

      // A wrong code first: the phone is told, and the code still works.
      await phone.page.goto(`http://${home}/pair`);
      await phone.page.getByLabel('Pairing code').fill('ZZZZ-ZZZZ');
      await phone.page.getByRole('button', { name: 'Pair' }).click();
      await assertAlert(phone.page, /4 tries left|4 more tries/);

      await phone.page.goto('about:blank'); // as a camera app opens it: a new load, not a jump within /pair
      await phone.page.goto(scanned);
      assert.equal(await phone.page.getByLabel('Pairing code').inputValue(), code);
      assert.ok(!phone.page.url().includes(code), 'the code stays out of the address bar');
      await phone.page.getByLabel('Name this device').fill("Anna's phone");
      if (shots) await phone.page.screenshot({ path: join(shots, 'pair-phone.png') });
      await phone.page.getByRole('button', { name: 'Pair' }).click();
      await phone.page.waitForURL(`http://${home}/`);
      await phone.page.getByRole('heading', { name: /23 November/, level: 1 }).waitFor();
      assert.equal(await phone.page.evaluate(() => window.isSecureContext), false);

      // The paired phone uses daybreak: a note about plain HTTP, its own name marked.
      await phone.page.goto(`http://${home}/settings`);
      await phone.page.locator('#insecure-note').waitFor();
      const mine = phone.page.locator('li.device', { hasText: "Anna's phone" });
      await mine.locator('.this-device').waitFor();
      assert.equal(await phone.page.getByRole('button', { name: 'Pair a phone' }).count(), 0);
      assert.deepEqual(await seriousViolations(phone.page), []);

      // The computer sees it and revokes it.
      await computer.page.reload();
      const listed = computer.page.locator('li.device', { hasText: "Anna's phone" });
      await listed.waitFor();
      assert.match(await listed.innerText(), /07:30/, 'paired at 07:30 Berlin time (06:30 UTC), as the diary shows time');
      await listed.getByRole('button', { name: "Revoke Anna's phone" }).click();
      await computer.page.locator('#revoke-yes').click();
      await computer.page.locator('li.device.revoked', { hasText: "Anna's phone" }).waitFor();

      await phone.page.goto(`http://${home}/today`);
      await phone.page.waitForURL(`http://${home}/pair`);
    } finally {
      await phone.close();
      await computer.close();
    }
  });

  test('a request naming another host, or sent from another site, is refused', async () => {
    const [address, port] = home.split(':');
    const status = (headers) =>
      new Promise((resolve, reject) => {
        const req = request({ host: address, port: Number(port), path: '/pair', headers }, (res) => {
          res.resume();
          resolve(res.statusCode);
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal(await status({}), 200);
    assert.equal(await status({ host: 'evil.example' }), 403);
    assert.equal(await status({ origin: 'http://evil.example' }), 403);
  });
}
