/// <reference types="node" />
// Paired devices: the calls to the four endpoints, the words for times and for
// a code's validity (src/api_devices.ts), and the phone's pairing page
// (public/pair.js), run in a sandbox with a stand-in for the few parts of the
// DOM it touches.
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../src/api';
import { type Device, devicesApi, deviceStatus, deviceTime, secondsLeft, validityText } from '../src/api_devices';

describe('a pairing code', () => {
  const expires = '2026-12-03T10:10:00Z';
  const at = (iso: string) => Date.parse(iso);
  it('counts the seconds left, never below zero', () => {
    expect(secondsLeft(expires, at('2026-12-03T10:05:00Z'))).toBe(300);
    expect(secondsLeft(expires, at('2026-12-03T10:09:59.500Z'))).toBe(1);
    expect(secondsLeft(expires, at('2026-12-03T10:10:00Z'))).toBe(0);
    expect(secondsLeft(expires, at('2026-12-03T11:00:00Z'))).toBe(0);
    expect(secondsLeft('not a time', at('2026-12-03T10:05:00Z'))).toBe(0);
  });
  it('says how long it stays valid, in whole minutes', () => {
    expect(validityText(300)).toBe('Valid for 5 minutes, once.');
    expect(validityText(271)).toBe('Valid for 5 minutes, once.');
    expect(validityText(269)).toBe('Valid for 4 minutes, once.');
    expect(validityText(89)).toBe('Valid for 1 minute, once.');
    expect(validityText(60)).toBe('Valid for 1 minute, once.');
    expect(validityText(59)).toBe('Valid for less than a minute, once.');
    expect(validityText(1)).toBe('Valid for less than a minute, once.');
    expect(validityText(0)).toBe('');
  });
});

describe('when a device was paired and last seen', () => {
  const now = new Date('2026-12-03T10:06:00Z');
  it('words an instant in the diary zone, relative to today', () => {
    expect(deviceTime('2026-12-03T10:05:30Z', 'Europe/Berlin', now)).toBe('just now');
    expect(deviceTime('2026-12-03T10:00:00Z', 'Europe/Berlin', now)).toBe('today at 11:00');
    expect(deviceTime('2026-12-02T21:10:00Z', 'Europe/Berlin', now)).toBe('yesterday at 22:10');
    expect(deviceTime('2026-11-26T09:00:00Z', 'Europe/Berlin', now)).toBe('Thu 26 Nov at 10:00');
    expect(deviceTime('2025-12-03T10:00:00Z', 'Europe/Berlin', now)).toBe('3 Dec 2025');
    expect(deviceTime('nonsense', 'Europe/Berlin', now)).toBe('');
  });
  it('draws the line between days at midnight in that zone', () => {
    expect(deviceTime('2026-12-02T23:30:00Z', 'Europe/Berlin', now)).toBe('today at 00:30');
    expect(deviceTime('2026-12-02T23:30:00Z', 'UTC', now)).toBe('yesterday at 23:30');
  });
  it('counts yesterday across the turn of a year', () => {
    const newYear = new Date('2027-01-01T08:00:00Z');
    expect(deviceTime('2026-12-31T20:00:00Z', 'UTC', newYear)).toBe('yesterday at 20:00');
  });
  it('sums a device up in one line', () => {
    const device: Device = {
      id: 1,
      name: "Anna's phone",
      created_at: '2026-12-03T10:00:00Z',
      last_seen_at: null,
      revoked_at: null,
      this_device: false,
    };
    expect(deviceStatus(device, 'UTC', now)).toBe('Paired today at 10:00; not used since.');
    expect(deviceStatus({ ...device, last_seen_at: '2026-12-03T10:05:30Z' }, 'UTC', now)).toBe(
      'Paired today at 10:00; last seen just now.',
    );
    expect(
      deviceStatus({ ...device, last_seen_at: '2026-12-03T10:05:30Z', revoked_at: '2026-12-03T10:02:00Z' }, 'UTC', now),
    ).toBe('Paired today at 10:00; revoked today at 10:02.');
  });
});

describe('the devices API', () => {
  afterEach(() => vi.unstubAllGlobals());

  function answer(status: number, body?: unknown, type = 'application/json') {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const text = body === undefined ? null : JSON.stringify(body);
      return new Response(text, { status, headers: { 'Content-Type': type } });
    });
    return calls;
  }

  it('lists the devices', async () => {
    const calls = answer(200, { devices: [], can_pair: true });
    expect(await devicesApi.list()).toEqual({ devices: [], can_pair: true });
    expect(calls[0]!.url).toBe('/api/devices');
    expect(calls[0]!.init.method).toBe('GET');
  });
  it('asks for a pairing code with an empty JSON object', async () => {
    const calls = answer(201, { code: 'K7QM-2XHD', expires_at: '2026-12-03T10:10:00Z', valid_seconds: 300 });
    expect((await devicesApi.startPairing()).code).toBe('K7QM-2XHD');
    expect(calls[0]!.url).toBe('/api/pairing');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe('{}');
    expect((calls[0]!.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });
  it('passes on the problem when no home-network address is known', async () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'no home-network address is known' };
    answer(409, problem, 'application/problem+json');
    const error = await devicesApi.startPairing().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.detail).toBe('no home-network address is known');
  });
  it('revokes a device (204, no body)', async () => {
    const calls = answer(204);
    expect(await devicesApi.revoke(3)).toBeUndefined();
    expect(calls[0]!.url).toBe('/api/devices/3');
    expect(calls[0]!.init.method).toBe('DELETE');
  });
  it('pairs with a code and a name', async () => {
    const calls = answer(201, { id: 3, name: "Anna's phone", created_at: '2026-12-03T10:06:00Z' });
    expect((await devicesApi.pair('K7QM-2XHD', "Anna's phone")).id).toBe(3);
    expect(calls[0]!.url).toBe('/api/pair');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ code: 'K7QM-2XHD', name: "Anna's phone" });
  });
});

// ---- the pairing page --------------------------------------------------------

const pageHtml = readFileSync(new URL('../public/pair.html', import.meta.url), 'utf8');
const pageScript = readFileSync(new URL('../public/pair.js', import.meta.url), 'utf8');

class FakeElement {
  value = '';
  textContent = '';
  disabled = false;
  readonly attributes = new Map<string, string>();
  readonly listeners = new Map<string, (event: unknown) => unknown>();
  constructor(
    readonly id: string,
    private readonly page: { focused: string | null },
  ) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, String(value));
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  focus(): void {
    this.page.focused = this.id;
  }
  addEventListener(type: string, listener: (event: unknown) => unknown): void {
    this.listeners.set(type, listener);
  }
}

interface Answer {
  status: number;
  body?: unknown;
}

function openPage(options: { hash?: string; userAgent?: string; answer?: Answer | 'unreachable' }) {
  const page = { focused: null as string | null };
  const ids = ['pair-form', 'pair-code', 'pair-name', 'pair-submit', 'pair-problem', 'pair-status'];
  const el = Object.fromEntries(ids.map((id) => [id, new FakeElement(id, page)]));
  const replaced: string[] = [];
  const addressBar: string[] = [];
  const requests: { url: string; init: { method: string; headers: Record<string, string>; body: string } }[] = [];
  const location = {
    hash: options.hash ?? '',
    pathname: '/pair',
    search: '',
    replace: (url: string) => replaced.push(url),
  };
  const context = createContext({
    document: { getElementById: (id: string) => el[id] ?? null },
    location,
    history: {
      replaceState: (_state: unknown, _title: string, url: string) => {
        addressBar.push(url);
        location.hash = '';
      },
    },
    navigator: { userAgent: options.userAgent ?? '' },
    URLSearchParams,
    AbortSignal,
    setTimeout: (f: () => void) => f(),
    fetch: async (url: string, init: (typeof requests)[number]['init']) => {
      requests.push({ url, init });
      const a = options.answer ?? { status: 201, body: { id: 3, name: 'x', created_at: '2026-12-03T10:06:00Z' } };
      if (a === 'unreachable') throw new TypeError('Failed to fetch');
      const text = async () => JSON.stringify(a.body ?? null);
      return { ok: a.status >= 200 && a.status < 300, status: a.status, text };
    },
  });
  runInContext(pageScript, context);
  const submit = async () => {
    await el['pair-form']!.listeners.get('submit')!({ preventDefault: () => undefined });
  };
  return { el, page, replaced, addressBar, requests, submit };
}

describe('the pairing page', () => {
  it('is plain HTML with no inline script or style, and has every element pair.js uses', () => {
    expect(pageHtml).toMatch(/<html lang="en">/);
    expect(pageHtml).toMatch(/<meta name="viewport"/);
    expect(pageHtml).toMatch(/<script src="\/pair\.js" defer><\/script>/);
    expect(pageHtml).toMatch(/<link rel="stylesheet" href="\/pair\.css" \/>/);
    expect(pageHtml).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(pageHtml).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    for (const id of ['pair-form', 'pair-code', 'pair-name', 'pair-submit', 'pair-problem', 'pair-status']) {
      expect(pageHtml).toContain(`id="${id}"`);
    }
    expect(pageHtml).toContain('<label for="pair-code">Pairing code</label>');
    expect(pageHtml).toContain('<label for="pair-name">Name this device</label>');
    expect(pageHtml).toMatch(/id="pair-problem"[^>]*role="alert"/);
  });

  it('takes the code from the link, then clears it from the address bar', () => {
    const { el, addressBar } = openPage({ hash: '#code=K7QM-2XHD' });
    expect(el['pair-code']!.value).toBe('K7QM-2XHD');
    expect(addressBar).toEqual(['/pair']);
  });

  it('leaves the address alone without a code in it', () => {
    const { el, addressBar } = openPage({});
    expect(el['pair-code']!.value).toBe('');
    expect(addressBar).toEqual([]);
  });

  it('guesses a name for the device', () => {
    const android = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';
    const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148';
    expect(openPage({ userAgent: android }).el['pair-name']!.value).toBe('Android phone');
    expect(openPage({ userAgent: iphone }).el['pair-name']!.value).toBe('iPhone');
    expect(openPage({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' }).el['pair-name']!.value).toBe('Phone');
  });

  it('pairs, says so and opens the app', async () => {
    const { el, requests, replaced, submit } = openPage({ hash: '#code=k7qm 2xhd' });
    el['pair-name']!.value = "  Anna's phone ";
    await submit();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('/api/pair');
    expect(requests[0]!.init.method).toBe('POST');
    expect(requests[0]!.init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(requests[0]!.init.body)).toEqual({ code: 'K7QM-2XHD', name: "Anna's phone" });
    expect(el['pair-status']!.textContent).toBe('Paired. Opening daybreak…');
    expect(el['pair-problem']!.textContent).toBe('');
    expect(replaced).toEqual(['/']);
  });

  it('names the code field when the code is wrong, and lets the person try again', async () => {
    const { el, page, replaced, submit } = openPage({
      hash: '#code=K7QM-2XHE',
      answer: { status: 403, body: { title: 'Forbidden', detail: 'that code is not right; 4 tries left' } },
    });
    await submit();
    expect(el['pair-problem']!.textContent).toBe('Pairing code: That code is not right; 4 tries left.');
    expect(el['pair-code']!.getAttribute('aria-invalid')).toBe('true');
    expect(el['pair-code']!.getAttribute('aria-describedby')).toBe('pair-code-hint pair-problem');
    expect(page.focused).toBe('pair-code');
    expect(el['pair-submit']!.disabled).toBe(false);
    expect(el['pair-submit']!.textContent).toBe('Pair');
    expect(replaced).toEqual([]);
  });

  it('says what to do when the code expired or was tried too often, even without a detail', async () => {
    const expired = openPage({ hash: '#code=K7QM-2XHD', answer: { status: 410, body: { title: 'Gone' } } });
    await expired.submit();
    expect(expired.el['pair-problem']!.textContent).toBe(
      'Pairing code: This code has expired or was already used. Please make a new one on the computer.',
    );
    const blocked = openPage({ hash: '#code=K7QM-2XHD', answer: { status: 429, body: { title: 'Too Many' } } });
    await blocked.submit();
    expect(blocked.el['pair-problem']!.textContent).toBe(
      'Pairing code: Too many tries. Please make a new code on the computer.',
    );
  });

  it('names the field a 400 problem is about', async () => {
    const { el, page, submit } = openPage({
      hash: '#code=K7QM-2XHD',
      answer: {
        status: 400,
        body: { title: 'Bad Request', errors: [{ field: 'name', value: '', allowed: '1 to 60 characters' }] },
      },
    });
    await submit();
    expect(el['pair-problem']!.textContent).toBe('Name this device: Needed: 1 to 60 characters.');
    expect(el['pair-name']!.getAttribute('aria-invalid')).toBe('true');
    expect(el['pair-code']!.getAttribute('aria-invalid')).toBeNull();
    expect(page.focused).toBe('pair-name');
  });

  it('shows any other problem as its detail, naming no field', async () => {
    const { el, page, submit } = openPage({
      hash: '#code=K7QM-2XHD',
      answer: { status: 500, body: { title: 'Internal Server Error', detail: 'daybreak could not save the device' } },
    });
    await submit();
    expect(el['pair-problem']!.textContent).toBe('daybreak could not save the device.');
    expect(el['pair-code']!.getAttribute('aria-invalid')).toBeNull();
    expect(page.focused).toBeNull();
  });

  it('asks for a code before sending anything', async () => {
    const { el, requests, page, submit } = openPage({});
    await submit();
    expect(requests).toHaveLength(0);
    expect(el['pair-problem']!.textContent).toBe('Pairing code: Please type the code the computer shows.');
    expect(page.focused).toBe('pair-code');
  });

  it('says so when daybreak cannot be reached', async () => {
    const { el, submit } = openPage({ hash: '#code=K7QM-2XHD', answer: 'unreachable' });
    await submit();
    expect(el['pair-problem']!.textContent).toMatch(/^daybreak cannot be reached\. Check that this phone is on /);
    expect(el['pair-submit']!.disabled).toBe(false);
  });
});
