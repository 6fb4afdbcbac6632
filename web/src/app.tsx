// The app's frame: a skip link, the top bar with the connection state, the
// navigation (a bottom bar on phones, a side bar on wide screens), and the
// screen the address names. In a clinic (accounts on) the screen waits for a
// sign-in, and what shows depends on who is signed in: a person sees their
// own app, a clinician the people who share with them (and, while viewing one,
// that person's screens), an administrator a short start page.
import { useEffect, useRef } from 'preact/hooks';

import { account, type AccountState, loadAccount, type Role, roleOf, showsApp, type Viewed, viewedShares, viewing } from './account';
import { CAPABILITIES, type NavItem, NotFound, type Screen } from './capabilities';
import { Icon } from './components/icons';
import { Toasts } from './components/toast';
import { matchRoute, onLinkClick, useLocation } from './router';
import { InviteScreen, SIGNED_OUT_KEY, SignInScreen, SignOutButton } from './screens/account';
import { AdminHome, PeopleScreen, ViewingBanner } from './screens/people';
import { reachable, useOutbox, useSignal } from './state';
import { applyTheme, effectiveTheme } from './theme';

const INVITE: Screen = { pattern: '/invite', title: 'Choose your password', render: () => <InviteScreen /> };
const PEOPLE: Screen = { pattern: '/', title: 'People', render: () => <PeopleScreen /> };
const ADMIN: Screen = { pattern: '/', title: 'daybreak', render: () => <AdminHome /> };

// The screen for an address, for who is signed in (and whom a clinician views).
function screenFor(path: string, role: Role | null, viewed: Viewed | null) {
  if (path === '/invite') return { screen: INVITE, params: {} };
  if (path === '/' && role === 'clinician' && !viewed) return { screen: PEOPLE, params: {} };
  if (path === '/' && role === 'admin') return { screen: ADMIN, params: {} };
  return findScreen(path);
}

// The navigation: a clinician's has People and, while viewing a person, that
// person's page (Overview), Today, See and Progress (never Log or Session: a
// clinician does not write the diary) in place of Learn, each only when the
// person shares its part (Today and See their diary, Progress their
// program); an administrator's only Learn and More.
export function navFor(role: Role | null, viewed: Viewed | null): NavItem[] {
  const all = CAPABILITIES.flatMap((c) => c.nav ?? []);
  const keep = (href: string) => all.filter((i) => i.href === href);
  if (role === 'admin') return [...keep('/learn'), ...keep('/settings')];
  if (role !== 'clinician') return all;
  const people: NavItem = {
    href: '/people',
    label: 'People',
    icon: 'people',
    owns: (p) => p === '/people' || (p === '/' && !viewed),
  };
  const diary = viewed !== null && viewedShares('diary', viewed);
  const program = viewed !== null && viewedShares('program', viewed);
  const theirs: NavItem[] = viewed
    ? [
        { href: `/people/${viewed.id}`, label: 'Overview', icon: 'check', owns: (p) => p === `/people/${viewed.id}` },
        ...(diary ? [{ href: '/', label: 'Today', icon: 'today', owns: (p: string) => p === '/' || p.startsWith('/entries') } as NavItem] : []),
        ...(diary ? keep('/see') : []),
        ...(program
          ? [{ href: '/progress', label: 'Progress', icon: 'play', owns: (p: string) => p.startsWith('/progress') || p.startsWith('/exercises') } as NavItem]
          : []),
      ]
    : [];
  // While viewing a person, their screens take Learn's place (a phone's bar has room for six).
  return [people, ...theirs, ...(viewed ? [] : keep('/learn')), ...keep('/settings')];
}

// Whether the address is shown before anyone signs in.
function isOpenPath(path: string): boolean {
  return path === '/invite';
}

function findScreen(path: string) {
  for (const c of CAPABILITIES) {
    for (const s of c.screens) {
      const params = matchRoute(s.pattern, path);
      if (params) return { screen: s, params };
    }
  }
  return null;
}

export function App() {
  const { path, query } = useLocation();
  const state = useSignal(account);
  const viewed = useSignal(viewing);
  const online = useSignal(reachable);
  const role = roleOf(state);
  const found = screenFor(path, role, viewed);
  const first = useRef(true);
  const gate: 'loading' | 'sign-in' | 'app' = isOpenPath(path) ? 'app' : state.kind === 'loading' ? 'loading' : showsApp(state) ? 'app' : 'sign-in';
  const wasGate = useRef(gate);

  useEffect(() => {
    void loadAccount().then(saySignedOut);
  }, []);
  // Asked while daybreak could not be reached: ask again once it answers.
  useEffect(() => {
    if (online && state.kind === 'unknown') void loadAccount();
  }, [online, state.kind]);

  useEffect(() => {
    if (gate !== 'app') return;
    const title = found ? found.screen.title : null;
    document.title = [title, viewed?.name, 'daybreak'].filter(Boolean).join(' · ');
  }, [path, gate, viewed?.name]);

  useEffect(() => {
    // After a navigation, move focus to the new screen's heading, so screen
    // readers announce it and keyboard users start at the top.
    if (first.current) {
      first.current = false;
      return;
    }
    window.setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
  }, [path]);

  // Signed in: to the heading of the screen the person was on.
  useEffect(() => {
    if (wasGate.current === 'sign-in' && gate === 'app') {
      window.setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
    }
    wasGate.current = gate;
  }, [gate]);

  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);

  // No navigation before signing in, nor on the invitation page (not signed in yet).
  const nav = gate === 'app' && !isOpenPath(path) ? navFor(role, viewed) : [];
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a href="/" class="brand" aria-label="daybreak, today">
          <img src="/icon.svg" alt="" width={28} height={28} />
          <span>daybreak</span>
        </a>
        <Connection />
        {role === 'clinician' && gate === 'app' && <ClinicianHeader state={state} />}
        <ThemeButton />
      </header>
      {nav.length > 0 && (
        <nav class="main-nav" aria-label="Main">
          <ul>
            {nav.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.owns(path) ? 'page' : undefined}>
                  <Icon name={item.icon} />
                  <span>{item.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1} class={nav.length === 0 ? 'no-nav' : undefined}>
        {gate === 'loading' ? (
          <p class="muted">Loading…</p>
        ) : gate === 'sign-in' && state.kind === 'signed-out' ? (
          <SignInScreen why={state.why} />
        ) : (
          <>
            {path !== '/invite' && <ViewingBanner />}
            {found ? found.screen.render(found.params, query) : <NotFound />}
          </>
        )}
      </main>
      <Toasts />
    </>
  );
}

// After "Sign out" the page starts afresh; the sign-in screen then says so.
function saySignedOut(state: AccountState): void {
  let flagged = false;
  try {
    flagged = sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
    sessionStorage.removeItem(SIGNED_OUT_KEY);
  } catch {
    /* no storage: nothing to say */
  }
  if (flagged && state.kind === 'signed-out') account.set({ kind: 'signed-out', why: 'signed-out' });
}

function ClinicianHeader({ state }: { state: AccountState }) {
  if (state.kind !== 'signed-in') return null;
  return (
    <span class="topbar-user">
      <span class="topbar-name">{state.user.name}</span>
      <SignOutButton id="header-sign-out" />
    </span>
  );
}

function Connection() {
  const online = useSignal(reachable);
  const waiting = useOutbox().filter((i) => i.state === 'waiting').length;
  if (online && waiting === 0) return <span class="connection" />;
  return (
    <span class={`connection pill ${online ? 'pill-info' : 'pill-warn'}`} role="status">
      <Icon name="cloud" size={16} />
      {online ? '' : 'Offline'}
      {!online && waiting > 0 ? ' · ' : ''}
      {waiting > 0 ? `${waiting} waiting` : ''}
    </span>
  );
}

function ThemeButton() {
  const dark = effectiveTheme() === 'dark';
  return (
    <button
      type="button"
      class="icon-button"
      aria-label={dark ? 'Use light colours' : 'Use dark colours'}
      onClick={() => applyTheme(dark ? 'light' : 'dark')}
    >
      <Icon name={dark ? 'sun' : 'moon'} />
    </button>
  );
}
