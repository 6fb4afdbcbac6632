// The Adherence section of Insights, rendered from the shape GET
// /api/insights answers (docs/openapi.yaml): the rate with what it counts, a
// week in progress said so, days held for safety said so, not as missed.
import { h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import type { Adherence, Insights } from '../src/api_insights';
import { adherenceNumbers, heldWords, weekNote } from '../src/insights_words';
import { AdherenceSection } from '../src/screens/insights';
import { find, render, text } from './tree';

// The screen's module keeps the app's state, with its outbox in localStorage.
await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});

// Three weeks of a morning and an evening routine a day from Monday 2 Nov,
// then a fever reported on 17 Nov: paused (the flare-day routine only) to
// today, Monday 23 Nov, not over yet (as the clinician report's test).
const paused: Adherence = {
  session_data: true,
  completed: 33,
  started: 33,
  counted: 30,
  days: 15,
  counted_from: '2026-11-02',
  counted_to: '2026-11-22',
  per_week: 14,
  paused_days: 6,
  locked_days: 0,
  held_completed: 1,
  weeks: [
    { from: '2026-11-02', completed: 14, days: 7, in_progress: false, paused: 0, locked: 0 },
    { from: '2026-11-09', completed: 14, days: 7, in_progress: false, paused: 0, locked: 0 },
    { from: '2026-11-16', completed: 3, days: 1, in_progress: false, paused: 6, locked: 0 },
    { from: '2026-11-23', completed: 1, days: 0, in_progress: true, paused: 0, locked: 0 },
  ],
  statement: 'Said by the server.',
};

const insights = (adherence: Adherence) => ({ from: '2026-11-02', to: '2026-11-23', adherence }) as Insights;
const section = (adherence: Adherence, numbers = true) =>
  render(h(AdherenceSection, { data: insights(adherence), view: { numbers, said: new Set<string>() } }));
const rows = (tree: ReturnType<typeof render>) => find(tree, 'tr').slice(1).map((r) => r.children.map((c) => text(c)));
const numbers = (tree: ReturnType<typeof render>) =>
  Object.fromEntries(find(tree, 'div').map((d) => [text(find([d], 'dt')), text(find([d], 'dd'))]));

describe('adherence on the insights screen', () => {
  it('says what the rate counts: the sessions on the days counted, over those days, times 7', () => {
    const said = numbers(section(paused));
    expect(said['Sessions a week']).toBe('14.0 (30 ÷ 15 days × 7)');
    expect(said['Days counted']).toBe('15 of the 21 from 2 Nov to 22 Nov');
    expect(said['Not counted yet']).toBe('today, until it is over');
    expect(said['Finished']).toBe('33 of 33 started');
  });

  // Issue: the screen did not show the adherence fields the API gives. A
  // week just begun, and days daybreak itself held the program for safety,
  // read as if sessions had been missed.
  it('marks the week in progress as in progress, and days held for safety as held, not missed', () => {
    const tree = section(paused);
    expect(rows(tree)).toEqual([
      ['2 Nov', '14', '7'],
      ['9 Nov', '14', '7'],
      ['16 Nov, 6 days paused for safety', '3', '1'],
      ['23 Nov, in progress', '1', '0 so far'],
    ]);
    expect(numbers(tree)['Held for safety, not missed']).toBe('6 days paused; 1 session done on them');
    for (const row of rows(tree)) expect(row.join(' ')).not.toMatch(/missed|%/);
  });

  it('says a week held throughout as held all week, and a lock apart from a pause', () => {
    expect(weekNote({ from: '2026-11-16', completed: 1, days: 0, in_progress: false, paused: 7, locked: 0 })).toBe(
      'paused for safety all week',
    );
    expect(weekNote({ from: '2026-11-16', completed: 0, days: 0, in_progress: false, paused: 3, locked: 4 })).toBe(
      'paused or locked for safety all week',
    );
    expect(weekNote({ from: '2026-11-23', completed: 0, days: 0, in_progress: true, paused: 0, locked: 1 })).toBe(
      'in progress; 1 day locked for safety',
    );
    expect(heldWords(0, 0)).toBe('');
    const both = { ...paused, counted_from: '2026-10-05', counted: 54, days: 27, paused_days: 18, locked_days: 4, held_completed: 2 };
    expect(numbers(section(both))['Held for safety, not missed']).toBe('4 days locked, 18 paused; 2 sessions done on them');
    expect(numbers(section(both))['Days counted']).toBe('27 of the 49 from 5 Oct to 22 Nov');
  });

  it('gives no rate before 7 days are counted, and says why', () => {
    const early = { ...paused, counted: 4, days: 3, per_week: undefined, paused_days: 0, held_completed: 0, weeks: [] };
    expect(numbers(section(early))['Sessions a week']).toBe('not yet: 4 sessions in 3 days, a rate needs 7');
    const none = { ...early, counted: 0, days: 0, counted_from: null, counted_to: null };
    expect(numbers(section(none))['Sessions a week']).toBe('not yet: no day since the first session is over');
  });

  it('shows the words alone until the numbers are asked for, and nothing to count without sessions', () => {
    const words = section(paused, false);
    expect(text(words)).toBe('AdherenceSaid by the server.');
    expect(adherenceNumbers({ session_data: false, statement: 'No guided sessions are recorded.' }, '2026-11-23')).toEqual([]);
    expect(find(section({ session_data: false, statement: 'None yet.' }), 'table')).toEqual([]);
  });
});
