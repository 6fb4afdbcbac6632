// The app's frame: a skip link, the top bar with the connection state, the
// navigation (a bottom bar on phones, a side bar on wide screens), and the
// screen the address names.
import { useEffect, useRef } from 'preact/hooks';

import { CAPABILITIES, NotFound } from './capabilities';
import { Icon } from './components/icons';
import { Toasts } from './components/toast';
import { matchRoute, onLinkClick, useLocation } from './router';
import { reachable, useOutbox, useSignal } from './state';
import { applyTheme, effectiveTheme } from './theme';

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
  const found = findScreen(path);
  const first = useRef(true);

  useEffect(() => {
    document.title = found ? `${found.screen.title} · daybreak` : 'daybreak';
    // After a navigation, move focus to the new screen's heading, so screen
    // readers announce it and keyboard users start at the top.
    if (first.current) {
      first.current = false;
      return;
    }
    window.setTimeout(() => document.querySelector<HTMLElement>('main h1')?.focus(), 0);
  }, [path]);

  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);

  const nav = CAPABILITIES.flatMap((c) => c.nav ?? []);
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
        <ThemeButton />
      </header>
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
      <main id="main" tabIndex={-1}>
        {found ? found.screen.render(found.params, query) : <NotFound />}
      </main>
      <Toasts />
    </>
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
