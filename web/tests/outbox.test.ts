// The outbox keeps every entry until the server has it, sends each with one
// idempotency key however often it is tried, and never drops a refused one.
import { describe, expect, it } from 'vitest';

import type { Created, NewEntry, Problem } from '../src/api';
import { Outbox, type OutboxItem, retryable, type SendResult } from '../src/outbox';
import { MemoryStorage } from './memory_storage';

const morning: NewEntry = { date: '2026-11-23', period: 'morning', fields: { pain: 5 } };
const evening: NewEntry = { date: '2026-11-23', period: 'evening', fields: { pain: 3 } };

function created(item: OutboxItem, id: number): Created {
  return {
    outcome: 'created',
    entry: { id, date: item.entry.date, period: item.entry.period, revision: 1, created_at: '', updated_at: '', fields: item.entry.fields },
  };
}

// A fake server: remembers entries by idempotency key, like daybreak does.
function server() {
  const byKey = new Map<string, number>();
  const calls: string[] = [];
  let reachable = true;
  let refuse: Problem | null = null;
  const send = async (item: OutboxItem): Promise<SendResult> => {
    calls.push(item.key);
    if (!reachable) return { kind: 'unreachable' };
    if (refuse) return { kind: 'refused', problem: refuse };
    if (!byKey.has(item.key)) byKey.set(item.key, byKey.size + 1);
    return { kind: 'sent', created: created(item, byKey.get(item.key)!) };
  };
  return {
    send,
    calls,
    stored: () => byKey.size,
    setReachable: (r: boolean) => (reachable = r),
    setRefuse: (p: Problem | null) => (refuse = p),
  };
}

function keys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('Outbox', () => {
  it('writes an entry to storage before anything is sent', () => {
    const storage = new MemoryStorage();
    const s = server();
    const box = new Outbox(storage, s.send, keys());
    box.add(morning);
    expect(s.calls).toEqual([]);
    // A new Outbox over the same storage (a reloaded page) still has it.
    expect(new Outbox(storage, s.send).items().map((i) => i.entry)).toEqual([morning]);
  });

  it('removes an entry once the server has it', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    const item = box.add(morning);
    const result = await box.send(item.key);
    expect(result.kind).toBe('sent');
    expect(box.items()).toEqual([]);
    expect(s.stored()).toBe(1);
  });

  it('keeps an entry while daybreak cannot be reached, and sends it once when it is back', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    s.setReachable(false);
    const item = box.add(morning);
    expect((await box.send(item.key)).kind).toBe('unreachable');
    expect((await box.flush()).waiting).toBe(1);
    expect(box.items()[0]).toMatchObject({ key: item.key, attempts: 2, state: 'waiting' });

    s.setReachable(true);
    const report = await box.flush();
    expect(report.sent).toHaveLength(1);
    expect(box.items()).toEqual([]);
    expect(s.stored()).toBe(1);
    expect(new Set(s.calls)).toEqual(new Set([item.key])); // every attempt carried the same key
  });

  it('sends in the order entries were made and stops at the first unreachable one', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    s.setReachable(false);
    box.add(morning);
    box.add(evening);
    await box.flush();
    expect(s.calls).toEqual(['key-1']); // the second was not tried against a server that is down
    s.setReachable(true);
    const report = await box.flush();
    expect(report.sent.map((c) => c.entry.period)).toEqual(['morning', 'evening']);
  });

  it('a retry after a lost answer is stored once: the key is the same', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    const item = box.add(morning);
    // The request reached the server, but the answer was lost on the way back.
    await s.send(item);
    expect(s.stored()).toBe(1);
    await box.flush();
    expect(s.stored()).toBe(1);
    expect(box.items()).toEqual([]);
  });

  it('keeps a refused entry, with the reason, until it is discarded', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    const problem: Problem = { type: 'x', title: 'This period is already logged', status: 409, existing_entry: 4 };
    s.setRefuse(problem);
    const item = box.add(morning);
    const report = await box.flush();
    expect(report.refused).toHaveLength(1);
    expect(box.items()[0]).toMatchObject({ state: 'refused', problem });
    // A refused entry is not sent again by itself.
    s.setRefuse(null);
    await box.flush();
    expect(s.stored()).toBe(0);
    box.discard(item.key);
    expect(box.items()).toEqual([]);
  });

  it('runs one flush at a time', async () => {
    const s = server();
    const box = new Outbox(new MemoryStorage(), s.send, keys());
    box.add(morning);
    const [a, b] = await Promise.all([box.flush(), box.flush()]);
    expect(a).toBe(b);
    expect(s.calls).toEqual(['key-1']);
  });

  it('tells listeners about every change', () => {
    const box = new Outbox(new MemoryStorage(), server().send, keys());
    let changes = 0;
    const off = box.subscribe(() => changes++);
    const item = box.add(morning);
    box.discard(item.key);
    off();
    box.add(evening);
    expect(changes).toBe(2);
  });

  it('survives storage that holds something else', () => {
    const storage = new MemoryStorage();
    storage.setItem('daybreak.outbox.v1', '{not json');
    expect(new Outbox(storage, server().send).items()).toEqual([]);
  });
});

describe('retryable', () => {
  it('retries server trouble and timeouts, not refusals', () => {
    expect([500, 503, 507, 408, 429].every(retryable)).toBe(true);
    expect([400, 404, 409, 415, 422].some(retryable)).toBe(false);
  });
});
