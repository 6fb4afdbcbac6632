// The outbox in a clinic (issue 21): an entry waits for the person who wrote
// it, a write refused because the session ended waits instead of being
// refused, and one refused for a stale CSRF token is sent again with a fresh
// token under the same idempotency key. fetch is a stand-in.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { api, setCsrfToken } from '../src/api';
import { entrySender, Outbox, waitsForSignIn } from '../src/outbox';
import { MemoryStorage } from './memory_storage';

const morning = { date: '2026-11-23', period: 'morning' as const, fields: { pain: 5 } };
const created = (id: number) => ({
  outcome: 'created' as const,
  entry: { id, date: '2026-11-23', period: 'morning' as const, revision: 1, created_at: '', updated_at: '', fields: {} },
});
let n = 0;
const keys = () => `key-${++n}`;

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the outbox with accounts', () => {
  it('sends and shows only the signed-in person’s entries', async () => {
    const storage = new MemoryStorage();
    const sent: string[] = [];
    const box = new Outbox(storage, async (item) => {
      sent.push(item.owner ?? '-');
      return { kind: 'sent', created: created(1) };
    }, keys);
    box.owner = 'anna';
    const anna = box.add(morning);
    expect(anna.owner).toBe('anna');
    box.owner = 'ben';
    expect(box.mine()).toEqual([]);
    expect(box.waiting()).toEqual([]);
    expect((await box.send(anna.key)).kind).toBe('unreachable'); // not ben's to send
    await box.flush();
    expect(sent).toEqual([]);
    box.owner = 'anna';
    await box.flush();
    expect(sent).toEqual(['anna']);
    expect(box.items()).toEqual([]);
  });

  it('keeps an entry without an owner when accounts are off', () => {
    const box = new Outbox(new MemoryStorage(), async () => ({ kind: 'unreachable' }), keys);
    const item = box.add(morning);
    expect('owner' in item).toBe(false);
    expect(box.waiting().length).toBe(1);
  });

  it('lets an entry wait, not fail, when the session ended', async () => {
    const problem = { type: 'tag:daybreak,2026:sign-in-required', title: 'Sign in first', status: 401 };
    expect(waitsForSignIn(problem)).toBe(true);
    expect(waitsForSignIn({ type: 'tag:daybreak,2026:csrf-token-missing', title: 'x', status: 403 })).toBe(true);
    expect(waitsForSignIn({ type: 'tag:daybreak,2026:forbidden', title: 'x', status: 403 })).toBe(false);
    const send = entrySender(async () => Promise.reject(Object.assign(new Error('no'), { problem })));
    const box = new Outbox(new MemoryStorage(), send, keys);
    const item = box.add(morning);
    expect((await box.send(item.key)).kind).toBe('unreachable');
    expect(box.items()[0]!.state).toBe('waiting');
  });

  it('marks an entry the server refuses on its merits', async () => {
    const problem = { type: 'tag:daybreak,2026:invalid-entry', title: 'Not valid', status: 422 };
    const box = new Outbox(new MemoryStorage(), entrySender(async () => Promise.reject(Object.assign(new Error('no'), { problem }))), keys);
    const item = box.add(morning);
    expect((await box.send(item.key)).kind).toBe('refused');
    expect(box.items()[0]!.state).toBe('refused');
  });

  it('replays a queued write with a fresh CSRF token when its own went stale', async () => {
    const sent: { url: string; token: string | undefined; key: string | undefined }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = init.headers as Record<string, string>;
        sent.push({ url, token: headers['X-CSRF-Token'], key: headers['Idempotency-Key'] });
        if (url === '/api/account')
          return Response.json({ accounts: true, user: { id: 3, login: 'anna', name: 'Anna', role: 'person' }, csrf: 'fresh', expires_at: '' });
        if (headers['X-CSRF-Token'] !== 'fresh')
          return Response.json({ type: 'tag:daybreak,2026:csrf-token-missing', title: 'No token', status: 403 }, { status: 403 });
        return Response.json(created(12), { status: 201 });
      }),
    );
    setCsrfToken('from-yesterday');
    const box = new Outbox(new MemoryStorage(), entrySender((e, k) => api.create(e, k)), keys);
    box.owner = 'anna';
    const item = box.add(morning);
    const report = await box.flush();
    expect(report.sent.map((c) => c.entry.id)).toEqual([12]);
    expect(box.items()).toEqual([]);
    expect(sent).toEqual([
      { url: '/api/entries', token: 'from-yesterday', key: item.key },
      { url: '/api/account', token: undefined, key: undefined },
      { url: '/api/entries', token: 'fresh', key: item.key },
    ]);
  });
});
