// A small client-side router over the History API: the server answers every
// path without a file extension with the app, so /log/morning can be
// bookmarked and reloaded.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();
const moving = new Set<() => void>();

// A move's listeners run first, in the same task as the move, before any
// screen draws; then the screens are told.
function notify(): void {
  for (const m of moving) m();
  for (const l of listeners) l();
}

// Called as each move begins, before the next screen draws, however long that
// takes (the toasts decide there which of them the next screen keeps).
export function onMove(listener: () => void): void {
  moving.add(listener);
}

// A screen that would lose something on leaving (a session under way) asks
// first: a link, the back button, a reload or closing the tab.
let leaving: string | null = null;
let here = typeof location !== 'undefined' ? location.pathname + location.search : '/';

// While `question` is set, leaving the screen asks it (confirm) first.
export function askBeforeLeaving(question: string | null): void {
  leaving = question;
}

function mayLeave(): boolean {
  return leaving === null || window.confirm(leaving);
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    if (!mayLeave()) {
      history.pushState(null, '', here); // stay: the back press is undone
      return;
    }
    here = location.pathname + location.search;
    notify();
  });
  window.addEventListener('beforeunload', (event) => {
    if (leaving !== null) event.preventDefault(); // the browser asks in its own words
  });
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (!mayLeave()) return;
  leaving = null;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  here = to;
  document.querySelector('main')?.scrollTo(0, 0);
  notify();
}

export interface Location {
  path: string;
  query: URLSearchParams;
}

export function useLocation(): Location {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

// "/entries/:id" against "/entries/12" -> { id: "12" }; null when it does not match.
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = decodeURIComponent(got[i]!);
    if (w.startsWith(':')) params[w.slice(1)] = g;
    else if (w !== g) return null;
  }
  return params;
}

// A path's number ("12" in /entries/12), or null when no record can have it:
// not a plain positive whole number ("abc", "0", "1e3"), or too big for a
// number to hold exactly. Such a path is answered without asking the server.
export function idParam(text: string | undefined): number | null {
  if (!text || !/^[1-9][0-9]*$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

// Same-origin links navigate in place; modified clicks (new tab...) are left alone.
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
