// What the Insights screen says around its findings, rendered from the shape
// GET /api/insights answers (docs/openapi.yaml).
import { h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import type { Insights } from '../src/api_insights';
import { bucketLabel } from '../src/insights_words';
import { InsightsScreen, WholeDaySection } from '../src/screens/insights';
import { find, render, text } from './tree';

// The screen's module keeps the app's state, with its outbox in localStorage;
// its day is not known yet (GET /api/today has not answered).
await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  useToday: () => ({ today: null, settled: false }),
}));

const month = (from: string, to: string, morning: number) => ({ from, to, night: null, morning, afternoon: null, evening: null });

describe('the insights screen', () => {
  // Issue: with the rows by month (a range of more than 12 weeks), the
  // table's column read "month" and its rows "Mon 31 Aug", "Thu 1 Oct",
  // "Sun 1 Nov": a day with its weekday for a whole month.
  it('labels the rows of the whole day by month as months, not as weekdays', () => {
    const data = {
      whole_day: {
        periods: [],
        all_day: { days: 0, pain_stayed: 0, morning_mean: null, afternoon_mean: null, evening_mean: null },
        by: 'month',
        rows: [month('2026-08-31', '2026-08-31', 5), month('2026-10-01', '2026-10-31', 4.5), month('2026-11-01', '2026-11-23', 4)],
        statement: '',
      },
    } as unknown as Insights;
    const tree = render(h(WholeDaySection, { data, view: { numbers: true, said: new Set<string>() } }));
    const details = find(tree, 'details')[0]!;
    expect(find([details], 'th').map((t) => text(t))).toEqual([
      'Month',
      'Night',
      'Morning',
      'Afternoon',
      'Evening',
      'Aug 2026',
      'Oct 2026',
      'Nov 2026',
    ]);
    expect(bucketLabel('2026-11-02', 'week')).toBe('Mon 2 Nov');
    expect(bucketLabel('2026-08-31', 'quarter')).toBe('Q3 2026');
    expect(bucketLabel('2027-01-01', 'year')).toBe('2027');
  });

  // Issue: while the day was not known yet, the screen was "Loading…" alone,
  // with no heading for a navigation to move the focus to.
  it('has its heading while it loads', () => {
    const tree = render(h(InsightsScreen, { weeks: 0 }));
    const [heading] = find(tree, 'h1');
    expect(text(heading!)).toBe('Insights');
    expect(heading!.props.tabIndex).toBe(-1);
  });
});
