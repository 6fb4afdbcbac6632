import { describe, expect, it } from 'vitest';

import type { Entry, Period } from '../src/api';
import { averages, median, morningStiffness, painByPeriod } from '../src/charts/series';

let id = 0;
function entry(date: string, period: Period, fields: Entry['fields']): Entry {
  return { id: ++id, date, period, revision: 1, created_at: '', updated_at: '', fields };
}

const entries = [
  entry('2026-11-01', 'morning', { pain: 6, stiffness_minutes: 40, stiffness_severity: 5 }),
  entry('2026-11-02', 'morning', { pain: 4, still_stiff: true }),
  entry('2026-11-02', 'evening', { pain: 2 }),
  entry('2026-11-08', 'morning', { pain: 3, stiffness_minutes: 10 }),
  entry('2026-10-31', 'morning', { pain: 9 }), // outside the range
];

describe('painByPeriod', () => {
  it('puts each day in its own bucket, with gaps where nothing was logged', () => {
    const s = painByPeriod(entries, '2026-11-01', '2026-11-03', 'day');
    expect(s.starts).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(s.pain.morning).toEqual([6, 4, null]);
    expect(s.pain.evening).toEqual([null, 2, null]);
    expect(s.x[1]! - s.x[0]!).toBe(86400);
  });
  it('averages weeks starting on the first day', () => {
    const s = painByPeriod(entries, '2026-11-01', '2026-11-14', 'week');
    expect(s.starts).toEqual(['2026-11-01', '2026-11-08']);
    expect(s.pain.morning).toEqual([5, 3]);
  });
});

describe('morningStiffness', () => {
  it('lines up minutes, severity and still-stiff days', () => {
    const s = morningStiffness(entries, '2026-11-01', '2026-11-02');
    expect(s.minutes).toEqual([40, null]);
    expect(s.severity).toEqual([5, null]);
    expect(s.stillStiff).toEqual([false, true]);
  });
});

describe('averages and median', () => {
  it('averages per period to one decimal', () => {
    const a = averages(entries.slice(0, 4));
    expect(a.find((x) => x.period === 'morning')).toEqual({ period: 'morning', mean: 4.3, count: 3 });
    expect(a.find((x) => x.period === 'night')).toEqual({ period: 'night', mean: null, count: 0 });
  });
  it('takes the middle value', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 20, 30, 40])).toBe(25);
  });
});
