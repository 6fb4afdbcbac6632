// What the screens share: the outbox, whether daybreak can be reached, the
// field catalogue, the last "today" seen, and a signal when the diary changed.
import { useCallback, useEffect, useState } from 'preact/hooks';

import {
  api,
  ApiError,
  type Catalogue,
  type Created,
  type NewEntry,
  onNotShared,
  type Today,
  Unreachable,
  viewingPersonId,
} from './api';
import { account, accountApi, deviceOwner, type Scope, type Viewed, viewedShares, viewing, viewPerson } from './account';
import { forgetOwnGate, noteDiaryZone } from './api_safety';
import { entrySender, Outbox, type OutboxItem } from './outbox';
import { navigate } from './router';
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

// Reads Today and keeps it as the last seen, unless whom a clinician views
// changed while it was asked: it is then nobody's to show now.
export async function loadToday(): Promise<Today> {
  const asked = viewingPersonId();
  const t = await api.today();
  if (viewingPersonId() === asked) lastToday.set(t);
  return t;
}

// Today as the server sees it (its date is the person's, in their zone). Loads
// it if no screen has yet; `settled` turns true once that attempt is over, or
// at once for a person viewed who does not share their diary (not asked).
export function useToday(): { today: Today | null; settled: boolean } {
  const today = useSignal(lastToday);
  const viewed = useSignal(viewing);
  const asks = viewedShares('diary', viewed);
  const [settled, setSettled] = useState(today !== null || !asks);
  useEffect(() => {
    if (lastToday.value || !asks) return;
    call(loadToday).then(
      () => setSettled(true),
      () => setSettled(true),
    );
  }, []);
  return { today, settled: settled || today !== null };
}

// A clinician looks at a person's data only while that person shares it.
// When the server refuses a request about them (403 no-grant), the app asks
// again what they share. Unless they still share all they did when the view
// began (the request was for a part they never shared, which the screens do
// not ask for), the sharing stopped, or shrank: the app forgets what it kept
// of them (their Today; the safety gate and the outbox never hold a viewed
// person's, see api_safety.ts and saveEntry), stops viewing them, and goes
// to their page, which asks afresh what they share and says that the
// sharing stopped (`sharingStopped`, until the clinician leaves that page).
export const sharingStopped = new Signal<Viewed | null>(null);

export async function afterNotShared(person: number): Promise<void> {
  const viewed = viewing.value;
  if (!viewed || viewed.id !== person) return; // left already
  let now: Scope[] | null = null; // not shared at all, or not known
  try {
    now = (await accountApi.people()).people.find((p) => p.id === person)?.scope ?? null;
  } catch {
    /* not known: left all the same */
  }
  if (viewing.value !== viewed) return; // left, or viewed afresh, meanwhile
  const still = (s: Scope) => now !== null && (now.includes('all') || (s !== 'all' && now.includes(s)));
  if (viewed.scope && viewed.scope.every(still)) return;
  stopViewing(viewed);
}

function stopViewing(viewed: Viewed): void {
  lastToday.set(null);
  viewPerson(null);
  sharingStopped.set(viewed);
  navigate(`/people/${viewed.id}`, { replace: true });
}

onNotShared((person) => void afterNotShared(person));

// The diary's time zone, to say instants in (never the browser's own): from
// Today when it was shown, else from the profile (the first screen opened
// may be another). `settled`: known, or the profile could not be read, or is
// not shared (a person viewed who does not share their diary: the browser's).
export function useDiaryZone(): { zone: string | undefined; settled: boolean } {
  const today = useSignal(lastToday);
  const viewed = useSignal(viewing);
  const asks = !today && viewedShares('diary', viewed);
  const profile = useLoad(() => (asks ? api.profile() : Promise.resolve(null)), [asks]);
  const zone = today?.time_zone ?? profile.data?.time_zone;
  return { zone, settled: zone !== undefined || profile.error !== null || (!asks && !today) };
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

// What a clinician viewing a person is told if a form would save an entry:
// the diary is the person's own to write, and nothing of it waits on this
// device for them.
const NOT_YOURS = {
  type: 'tag:daybreak,2026:not-allowed',
  title: 'This is not yours to do',
  status: 403,
  detail: 'only the person writes their diary: nothing was saved',
};

export async function saveEntry(entry: NewEntry): Promise<SaveOutcome> {
  if (viewingPersonId() !== null) return { kind: 'refused', error: new ApiError(NOT_YOURS) };
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
  // While a clinician views a person every request names them: the outbox's
  // entries (the clinician's own) wait until the view ends.
  if (outbox.waiting().length === 0 || viewingPersonId() !== null) return;
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
