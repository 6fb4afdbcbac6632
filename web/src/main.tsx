// The app's entry point: theme, outbox, service worker, then the app.
import './styles.css';

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';

import { App } from './app';
import { startOutbox } from './state';
import { applyTheme, storedTheme, watchSystemTheme } from './theme';

applyTheme(storedTheme());
watchSystemTheme();

// Re-render the frame when the theme changes (the button's label and icon).
function Root() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    window.addEventListener('daybreak-theme', bump);
    return () => window.removeEventListener('daybreak-theme', bump);
  }, []);
  return <App />;
}

render(<Root />, document.getElementById('app')!);
startOutbox();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
