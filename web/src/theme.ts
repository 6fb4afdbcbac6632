// Light, dark, or whatever the system prefers: stored on this device and set
// as data-theme on <html>, which the style sheet reads.
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'daybreak.theme';

export function storedTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

export function effectiveTheme(choice: ThemeChoice = storedTheme()): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(choice: ThemeChoice = storedTheme()): void {
  localStorage.setItem(KEY, choice);
  document.documentElement.dataset.theme = effectiveTheme(choice);
  document.documentElement.dataset.themeChoice = choice;
  window.dispatchEvent(new Event('daybreak-theme'));
}

export function watchSystemTheme(): void {
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (storedTheme() === 'system') applyTheme('system');
  });
}
