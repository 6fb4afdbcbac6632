// What the screens share: the outbox, whether daybreak can be reached, the
// field catalogue, the last "today" seen, and a signal when the diary changed.
import { useCallback, useEffect, useState } from 'preact/hooks';

import { api, ApiError, type Catalogue, type Created, type NewEntry, type Today, Unreachable } from './api';
import { account, deviceOwner } from './account';
import { forgetOwnGate, noteDiaryZone } from './api_safety';
import { entrySender, Outbox, type OutboxItem } from './outbox';
import { Signal } from './signal';

export { Signal };

export function useSignal<T>(signal: Signal<T>): T {
  const [, setTick] = useState(0);
  useEffect(() => signal.subscribe(() => setTick((t) => t + 1)), [signal]);
  return signal.value;
}

export const reachable = new Signal<boolean>(typeof navigator === 'undefined' ? true : navigator.onLine);
export const diaryVersion = new Signal<number>(0); // bumped whenever an entry was saved or changed
export const lastToday = new Signal<Today | null>(null);
lastToday.subscribe(() => noteDiaryZone(lastToday.value?.time_zone));

// Today as the server sees it (its date is the person's, in their zone). Loads
// it if no screen has yet; `settled` turns true once that attempt is over.
export function useToday(): { today: Today | null; settled: boolean } {
  const today = useSignal(lastToday);
  const [settled, setSettled] = useState(today !== null);
  useEffect(() => {
    if (lastToday.value) return;
    call(api.today).then(
      (t) => {
        lastToday.set(t);
        setSettled(true);
      },
      () => setSettled(true),
    );
  }, []);
  return { today, settled: settled || today !== null };
}

// The diary's time zone, to say instants in (never the browser's own): from
// Today when it was shown, else from the profile (the first screen opened
// may be another). `settled`: known, or the profile could not be read.
export function useDiaryZone(): { zone: string | undefined; settled: boolean } {
  const today = useSignal(lastToday);
  const profile = useLoad(() => (today ? Promise.resolve(null) : api.profile()), [today === null]);
  const zone = today?.time_zone ?? profile.data?.time_zone;
  return { zone, settled: zone !== undefined || profile.error !== null };
}

export function diaryChanged(): void {
  diaryVersion.set(diaryVersion.value + 1);
}

// Every call to the API goes through here, so one place knows whether
// daybreak answers.
export async function call<T>(f: () => Promise<T>): Promise<T> {
  try {
    const result = await f();
    reachable.set(true);
    return result;
  } catch (e) {
    if (e instanceof Unreachable) reachable.set(false);
    else reachable.set(true);
    throw e;
  }
}

export const outbox = new Outbox(
  localStorage,
  entrySender((entry, key) => call(() => api.create(entry, key))),
);

// Whose entries wait here: the signed-in person's (accounts on), or anyone's
// (accounts off); see deviceOwner(). Signing out forgets the safety gate
// kept on this device for them (api_safety.ts); their waiting entries stay,
// for when they sign in again.
function followAccount(): void {
  const owner = deviceOwner();
  const s = account.value;
  if (s.kind === 'signed-out' && s.why === 'signed-out') forgetOwnGate();
  if (owner === outbox.owner) return;
  outbox.owner = owner;
  for (const l of ownerListeners) l();
  if (owner !== undefined && account.value.kind === 'signed-in') void flushOutbox();
}
const ownerListeners = new Set<() => void>();
outbox.owner = deviceOwner();
account.subscribe(followAccount);

export function useOutbox(): OutboxItem[] {
  const [items, setItems] = useState(() => outbox.mine());
  useEffect(() => {
    const update = () => setItems(outbox.mine());
    const off = outbox.subscribe(update);
    ownerListeners.add(update);
    // Another tab's changes arrive as storage events.
    window.addEventListener('storage', update);
    return () => {
      off();
      ownerListeners.delete(update);
      window.removeEventListener('storage', update);
    };
  }, []);
  return items;
}

// Saves a new entry: into the outbox first, then one attempt to send it.
export type SaveOutcome =
  | { kind: 'saved'; created: Created }
  | { kind: 'queued'; item: OutboxItem }
  | { kind: 'refused'; error: ApiError };

export async function saveEntry(entry: NewEntry): Promise<SaveOutcome> {
  const item = outbox.add(entry);
  const result = await outbox.send(item.key);
  if (result.kind === 'sent') {
    diaryChanged();
    return { kind: 'saved', created: result.created };
  }
  if (result.kind === 'refused') {
    // The person is still on the form: they fix it there, so it leaves the outbox.
    outbox.discard(item.key);
    return { kind: 'refused', error: new ApiError(result.problem) };
  }
  return { kind: 'queued', item };
}

export async function flushOutbox(): Promise<void> {
  if (outbox.waiting().length === 0) return;
  const report = await outbox.flush();
  if (report.sent.length > 0 || report.refused.length > 0) diaryChanged();
}

// Sends what waits whenever the connection may be back.
export function startOutbox(): void {
  window.addEventListener('online', () => {
    reachable.set(true);
    void flushOutbox();
  });
  window.addEventListener('offline', () => reachable.set(false));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox();
  });
  window.setInterval(() => void flushOutbox(), 15_000);
  void flushOutbox();
}

let catalogueCache: Promise<Catalogue> | null = null;

export function loadCatalogue(): Promise<Catalogue> {
  if (!catalogueCache) {
    catalogueCache = call(api.catalogue).catch((e: unknown) => {
      catalogueCache = null;
      throw e;
    });
  }
  return catalogueCache;
}

export interface Loaded<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

// Preact compares an effect's deps with !==, and NaN !== NaN: a NaN dep
// would load again after every render, forever. One NaN equals another here.
export function effectDeps(deps: unknown[]): unknown[] {
  return deps.map((d) => (Number.isNaN(d) ? 'NaN' : d));
}

// Loads data for a screen and reloads it when `deps` change.
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    call(load).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...effectDeps(deps), tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
