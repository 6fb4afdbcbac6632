// Issue: on a person's view the server refused (403), See said "daybreak
// cannot be reached, so there is nothing to draw right now." though daybreak
// had answered. A screen that cannot load its data says the server's problem
// when it answered, and that daybreak cannot be reached only when it cannot.
import { type ComponentChild, h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import { ApiError, Unreachable } from '../src/api';
import { loadFailed } from '../src/format';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));
const failure = vi.hoisted(() => ({ error: null as unknown }));
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  useLoad: () => ({ data: null, error: failure.error, loading: false, reload: () => {} }),
  useToday: () => ({ today: null, settled: true }),
}));

const { DiaryCharts } = await import('../src/screens/see');
const { KeyChanges } = await import('../src/screens/insights');
const { EntryScreen } = await import('../src/screens/entry');
const { EditScreen } = await import('../src/screens/log');
const { ProgressScreen } = await import('../src/screens/progress');
const { SessionChooser, SessionScreen } = await import('../src/screens/session');
const { ExerciseLibrary, ExerciseScreen } = await import('../src/screens/exercises');
const { InsightsScreen } = await import('../src/screens/insights');
const { ExperimentsScreen } = await import('../src/screens/experiments');

const refused = new ApiError({
  type: 'tag:daybreak,2026:no-grant',
  title: 'This person has not shared this with you',
  status: 403,
  detail: 'a person shares their data from More > Sharing; they may have stopped, or shared only part of it',
});
const range = { from: '2026-10-27', to: '2026-11-23', weeks: 4 };

function said(node: ComponentChild): string {
  return find(render(node), 'p').map((p) => text(p)).join(' ');
}

describe('what a screen says when its data cannot be loaded', () => {
  it('says the server’s problem on See when daybreak answered (See said it cannot be reached after a 403)', () => {
    failure.error = refused;
    const words = said(h(DiaryCharts, { range }));
    expect(words).toBe(
      'The charts cannot be drawn: A person shares their data from More > Sharing; they may have stopped, or shared only part of it.',
    );
    expect(words).not.toContain('cannot be reached');
    failure.error = new Unreachable(new TypeError('offline'));
    expect(said(h(DiaryCharts, { range }))).toBe('The charts cannot be drawn: daybreak cannot be reached. Please try again in a moment.');
  });

  it('says the server’s problem for the key changes, an entry and its edit form', () => {
    failure.error = refused;
    expect(said(h(KeyChanges, range))).toContain('they may have stopped');
    expect(said(h(EntryScreen, { id: 12 }))).toContain('they may have stopped');
    expect(said(h(EditScreen, { id: 12 }))).toContain('they may have stopped'); // not "not in your diary"
    failure.error = new Unreachable(new TypeError('offline'));
    expect(said(h(EntryScreen, { id: 12 }))).toBe('This entry cannot be shown: daybreak cannot be reached. Please try again in a moment.');
  });

  it('words either case', () => {
    expect(loadFailed('The questions cannot be shown', refused)).toMatch(/^The questions cannot be shown: A person/);
    expect(loadFailed('The questions cannot be shown', new Unreachable(null))).toBe(
      'The questions cannot be shown: daybreak cannot be reached. Please try again in a moment.',
    );
  });
});

// Bug: the progress screen said "Your progress cannot be loaded right now:
// daybreak cannot be reached right now. Please try again.", the screen's
// words and format.ts's errorText each saying "right now"; the session, the
// program, the exercises and the insights put their words before errorText's
// (or their own) the same way. One sentence now, its wording in format.ts.
describe('a load error says "right now" once (progress said "cannot be loaded right now: daybreak cannot be reached right now")', () => {
  const screens: [string, ComponentChild][] = [
    ['progress', h(ProgressScreen, {})],
    ['program', h(SessionChooser, {})],
    ['session', h(SessionScreen, { routine: 'morning' })],
    ['exercises', h(ExerciseLibrary, {})],
    ['an exercise', h(ExerciseScreen, { id: 'cat_cow' })],
    ['insights', h(InsightsScreen, { weeks: 4 })],
    ['experiments', h(ExperimentsScreen, {})],
  ];

  it('says progress cannot be loaded, then that daybreak cannot be reached, each once', () => {
    failure.error = new Unreachable(new TypeError('offline'));
    expect(said(h(ProgressScreen, {}))).toBe('Your progress cannot be loaded: daybreak cannot be reached. Please try again in a moment.');
  });

  it.each(screens)('repeats no words on %s, whether daybreak answered or not', (_, screen) => {
    for (const error of [new Unreachable(new TypeError('offline')), refused]) {
      failure.error = error;
      const words = said(screen);
      expect(words).toMatch(/cannot be (loaded|shown)/);
      expect(words).not.toMatch(/right now.*right now/);
      expect(words).not.toMatch(/cannot be (loaded|shown) right now/);
    }
  });
});
