// Diary entries turned into chart series: pain per period by day or by week,
// and the morning's stiffness. Pure functions, unit-tested.
import type { Entry, Period } from '../api';
import { PERIODS } from '../api';
import { addDays, dayStamp, daysBetween } from '../format';

export type Bucket = 'day' | 'week';

export interface PainSeries {
  x: number[]; // day stamps (start of each bucket)
  starts: string[]; // the bucket's first date
  pain: Record<Period, (number | null)[]>; // mean pain in the bucket; null when nothing was logged
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

// Buckets from `from` to `to` (both included); weeks start on `from`'s weekday.
export function painByPeriod(entries: Entry[], from: string, to: string, bucket: Bucket): PainSeries {
  const size = bucket === 'day' ? 1 : 7;
  const count = Math.floor(daysBetween(from, to) / size) + 1;
  const starts = Array.from({ length: count }, (_, i) => addDays(from, i * size));
  const sums = Object.fromEntries(PERIODS.map((p) => [p, starts.map(() => ({ total: 0, n: 0 }))])) as Record<
    Period,
    { total: number; n: number }[]
  >;
  for (const e of entries) {
    if (e.fields.pain === undefined || e.date < from || e.date > to) continue;
    const i = Math.floor(daysBetween(from, e.date) / size);
    const cell = sums[e.period][i];
    if (!cell) continue;
    cell.total += e.fields.pain;
    cell.n += 1;
  }
  const pain = Object.fromEntries(
    PERIODS.map((p) => [p, sums[p].map((c) => (c.n === 0 ? null : round1(c.total / c.n)))]),
  ) as Record<Period, (number | null)[]>;
  return { x: starts.map(dayStamp), starts, pain };
}

export interface StiffnessSeries {
  x: number[];
  dates: string[];
  minutes: (number | null)[];
  severity: (number | null)[];
  stillStiff: boolean[];
}

export function morningStiffness(entries: Entry[], from: string, to: string): StiffnessSeries {
  const dates = Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));
  const byDate = new Map(entries.filter((e) => e.period === 'morning').map((e) => [e.date, e]));
  return {
    x: dates.map(dayStamp),
    dates,
    minutes: dates.map((d) => byDate.get(d)?.fields.stiffness_minutes ?? null),
    severity: dates.map((d) => byDate.get(d)?.fields.stiffness_severity ?? null),
    stillStiff: dates.map((d) => byDate.get(d)?.fields.still_stiff === true),
  };
}

export interface PeriodAverage {
  period: Period;
  mean: number | null;
  count: number;
}

export function averages(entries: Entry[]): PeriodAverage[] {
  return PERIODS.map((period) => {
    const pains = entries.filter((e) => e.period === period && e.fields.pain !== undefined).map((e) => e.fields.pain!);
    return { period, count: pains.length, mean: pains.length ? round1(pains.reduce((a, b) => a + b, 0) / pains.length) : null };
  });
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
