// The outbox: every new diary entry is written here first, with its
// idempotency key, and only then sent. If daybreak cannot be reached the entry
// waits here (in the browser's localStorage, which survives a reload or a
// closed tab) and is sent again later with the same key, so the server stores
// it exactly once however many times it is tried. Nothing is ever dropped
// silently: an entry the server refuses stays, marked, until the person
// discards or fixes it.
//
// In a clinic (accounts on) each entry also keeps whose it is: on a computer
// several people sign in to, an entry waits for the person who wrote it and
// is sent only while they are signed in. A write refused because the session
// ended waits too (until they sign in again), and one refused for a stale CSRF
// token is sent again with a fresh one (api.ts request()), same key.

import type { Created, NewEntry, Problem } from './api';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface OutboxItem {
  key: string; // the Idempotency-Key: the same for every attempt
  entry: NewEntry;
  queued_at: string; // ISO instant, for display
  attempts: number;
  state: 'waiting' | 'refused';
  problem?: Problem; // why the server refused it
  owner?: string; // the login of who wrote it (accounts on); absent on a person's own computer
}

export type SendResult =
  | { kind: 'sent'; created: Created }
  | { kind: 'refused'; problem: Problem } // the server said no: retrying would not help
  | { kind: 'unreachable' }; // try again later

export type Sender = (item: OutboxItem) => Promise<SendResult>;

export interface FlushReport {
  sent: Created[];
  refused: OutboxItem[];
  waiting: number;
}

const STORAGE_KEY = 'daybreak.outbox.v1';

export class Outbox {
  // Whose entries this page sends and shows: the signed-in login, or
  // undefined when accounts are off.
  owner: string | undefined = undefined;
  private listeners = new Set<() => void>();
  private flushing: Promise<FlushReport> | null = null;
  private inFlight = new Map<string, Promise<SendResult>>();

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly sender: Sender,
    private readonly newKey: () => string = () => crypto.randomUUID(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  // Read afresh each time: another tab may have changed it.
  items(): OutboxItem[] {
    const text = this.storage.getItem(STORAGE_KEY);
    if (!text) return [];
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? (parsed as OutboxItem[]) : [];
    } catch {
      return [];
    }
  }

  // The current owner's items (all of them when accounts are off).
  mine(): OutboxItem[] {
    return this.items().filter((i) => i.owner === this.owner);
  }

  waiting(): OutboxItem[] {
    return this.mine().filter((i) => i.state === 'waiting');
  }

  // Keeps the entry (throws if the browser cannot store it) and returns it.
  add(entry: NewEntry): OutboxItem {
    const item: OutboxItem = {
      key: this.newKey(),
      entry,
      queued_at: this.now().toISOString(),
      attempts: 0,
      state: 'waiting',
      ...(this.owner !== undefined ? { owner: this.owner } : {}),
    };
    this.write([...this.items(), item]);
    return item;
  }

  discard(key: string): void {
    this.write(this.items().filter((i) => i.key !== key));
  }

  // One attempt to send one item. Concurrent calls for the same item share it.
  send(key: string): Promise<SendResult> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const attempt = this.attempt(key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, attempt);
    return attempt;
  }

  // Sends every waiting item, oldest first, and stops at the first one that
  // cannot reach the server (the rest would fail the same way). Only one
  // flush runs at a time; a second call gets the running one.
  flush(): Promise<FlushReport> {
    if (!this.flushing) {
      this.flushing = this.flushAll().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async flushAll(): Promise<FlushReport> {
    const report: FlushReport = { sent: [], refused: [], waiting: 0 };
    for (const item of this.waiting()) {
      const result = await this.send(item.key);
      if (result.kind === 'sent') report.sent.push(result.created);
      if (result.kind === 'refused') report.refused.push({ ...item, state: 'refused', problem: result.problem });
      if (result.kind === 'unreachable') break;
    }
    report.waiting = this.waiting().length;
    return report;
  }

  private async attempt(key: string): Promise<SendResult> {
    const item = this.mine().find((i) => i.key === key);
    if (!item) return { kind: 'unreachable' };
    this.update(key, (i) => ({ ...i, attempts: i.attempts + 1 }));
    const result = await this.sender(item);
    if (result.kind === 'sent') {
      this.discard(key);
    } else if (result.kind === 'refused') {
      this.update(key, (i) => ({ ...i, state: 'refused', problem: result.problem }));
    }
    return result;
  }

  private update(key: string, change: (item: OutboxItem) => OutboxItem): void {
    this.write(this.items().map((i) => (i.key === key ? change(i) : i)));
  }

  private write(items: OutboxItem[]): void {
    this.storage.setItem(STORAGE_KEY, JSON.stringify(items));
    for (const listener of this.listeners) listener();
  }
}

// Whether a failed request is worth trying again with the same key.
export function retryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

// Whether a refusal only means "not now": the session ended (sign in again)
// or its CSRF token went stale. The entry then waits; it is not refused.
export function waitsForSignIn(problem: Problem): boolean {
  const kind = (name: string) => problem.type.endsWith(`:${name}`) || problem.type.endsWith(`/${name}`) || problem.type === name;
  if (problem.status === 401) return kind('sign-in-required');
  return problem.status === 403 && (kind('csrf-token-missing') || kind('csrf-token-wrong'));
}

// The sender the app uses: `create` posts the entry (api.create, which sends
// the CSRF token and fetches a fresh one once if it was stale). Errors with a
// `problem` are the server's answer; anything else means unreachable.
export function entrySender(create: (entry: NewEntry, key: string) => Promise<Created>): Sender {
  return async (item) => {
    try {
      return { kind: 'sent', created: await create(item.entry, item.key) };
    } catch (e) {
      const problem = (e as { problem?: Problem } | null)?.problem;
      if (problem && typeof problem.status === 'number' && !retryable(problem.status) && !waitsForSignIn(problem))
        return { kind: 'refused', problem };
      return { kind: 'unreachable' };
    }
  };
}
