// Numbers of insights and experiment reports in words: as many digits as they
// can mean, signs where a difference has a direction, chances that never claim
// certainty. The same roundings as the CLI's tables.
import type { FieldProblem } from './api';
import type {
  Adherence,
  AdherenceWeek,
  Condition,
  Experiment,
  ExperimentOutcome,
  ExperimentReport,
  FactorComparison,
  MorningMeasure,
  VerdictKey,
  WholeDay,
} from './api_insights';
import { dayMonth, shortDate } from './format';

// 3.4567 -> "3.5"; minutes to whole minutes.
export function amount(v: number | null | undefined, measure: MorningMeasure = 'pain'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (measure === 'stiffness_minutes') return `${Math.round(v)} min`;
  return v.toFixed(1);
}

// A difference: "+2.0", "-0.8", "0.0"; minutes as "-18 min".
export function signed(v: number, measure: MorningMeasure = 'pain'): string {
  const digits = measure === 'stiffness_minutes' ? 0 : 1;
  const text = Math.abs(v).toFixed(digits);
  if (Number(text) === 0) return measure === 'stiffness_minutes' ? '0 min' : text;
  const sign = v > 0 ? '+' : '-';
  return measure === 'stiffness_minutes' ? `${sign}${text} min` : `${sign}${text}`;
}

// "+1.5 to +2.5"
export function interval(lower: number, upper: number, measure: MorningMeasure = 'pain'): string {
  return `${signed(lower, measure)} to ${signed(upper, measure)}`;
}

// A chance (0-1) as people say it, never 0% or 100% (as the CLI's report).
export function chance(p: number): string {
  if (p > 0.995) return 'over 99%';
  if (p < 0.005) return 'under 1%';
  return `${Math.round(p * 100)}%`;
}

// A p-value with two digits, or "under 0.001".
export function pValue(p: number): string {
  if (p < 0.001) return 'under 0.001';
  return p < 0.01 ? p.toFixed(3) : p.toFixed(2);
}

export const MEASURE_LABELS: Record<MorningMeasure, string> = {
  pain: 'Morning pain',
  stiffness_minutes: 'Morning stiffness',
  stiffness_severity: 'Stiffness severity',
};

export const STATUS_WORDS: Record<Experiment['status'], string> = {
  planned: 'Planned',
  running: 'Running',
  finished: 'Finished',
  stopped: 'Stopped',
};

// "A, pillow between knees"
export function conditionWords(e: Pick<Experiment, 'a' | 'b'>, c: Condition): string {
  return `${c}, ${c === 'A' ? e.a : e.b}`;
}

// The verdict's headline: a few words over the full sentence the server gives.
export function verdictHeadline(key: VerdictKey): string {
  switch (key) {
    case 'too_little_data':
      return 'Too early to judge';
    case 'a_better_important':
      return 'A helped, by enough to matter';
    case 'a_better_unclear_size':
      return 'A seems better, but by how much is unclear';
    case 'a_better_small':
      return 'A was a little better, by less than matters';
    case 'no_important_difference':
      return 'No difference that matters';
    case 'b_better_small':
      return 'B was a little better, by less than matters';
    case 'b_better_unclear_size':
      return 'B seems better, but by how much is unclear';
    case 'b_better_important':
      return 'B helped, by enough to matter';
    case 'inconclusive':
      return 'Inconclusive';
  }
}

// The chances that A lowers (and raises) the outcome by at least 1 and 2
// points, in one sentence; null when there are none yet.
export function chancesSentence(o: ExperimentOutcome): string | null {
  const c = o.chances ?? [];
  const at = (t: number) => c.find((x) => x.threshold === t);
  const one = at(1);
  const two = at(2);
  if (!one || !two) return null;
  const what = o.measure === 'pain' ? 'morning pain' : MEASURE_LABELS[o.measure].toLowerCase();
  return (
    `Chance that A lowers ${what} by at least 1 point: ${chance(one.a_lower)}; by at least 2 points: ${chance(two.a_lower)}. ` +
    `Chance that it raises it by at least 1 point: ${chance(one.a_higher)}; by at least 2: ${chance(two.a_higher)}.`
  );
}

// "16 of 42 nights so far: 3 left out as washout, 13 counted; ..."
export function flowSentence(r: ExperimentReport): string {
  const f = r.flow;
  const nights = (n: number) => `${n} night${n === 1 ? '' : 's'}`;
  return (
    `${f.past} of ${nights(f.planned)} so far: ${f.washout} left out as washout, ${f.counted} counted. ` +
    `${f.with_outcome} of the counted nights have a morning entry; ${f.missing} ${f.missing === 1 ? 'is' : 'are'} missing. ` +
    `Condition followed on ${nights(f.followed)}, not followed on ${f.not_followed}, not recorded on ${f.unrecorded}.`
  );
}

// A link to the experiment form, filled in with an insight's A and B.
export function experimentHref(idea: { a: string; b: string }): string {
  return `/experiments/new?${new URLSearchParams({ a: idea.a, b: idea.b }).toString()}`;
}

// The problems of an experiment's design, each with the field it belongs to.
// The washout's range depends on the nights per period (it may be at most
// 3 fewer): with the nights out of range, daybreak reports the washout too,
// against a range drawn from those nights ("0 to 0"), though the washout
// chosen is fine. That problem is the nights', named there alone; a washout
// below 0 is wrong whatever the nights, and stays.
export function designProblems(problems: FieldProblem[]): FieldProblem[] {
  if (!problems.some((p) => p.field === 'nights')) return problems;
  return problems.filter((p) => p.field !== 'washout' || Number(p.value) < 0);
}

// The washout's hint: its range, from the nights per period when they are in range.
export function washoutRange(nights: number, min: number, max: number): string {
  if (!Number.isInteger(nights) || nights < min || nights > max) return '0 to 3 fewer than the nights per period';
  return `0 to ${nights - 3}`;
}

// A row of the whole day's table by what it covers, as the CLI's: a week by
// its first day ("Mon 2 Nov"), a month "Sep 2026", a quarter "Q3 2026", a
// year "2026". `from` is the row's first day in the range.
export function bucketLabel(from: string, by: WholeDay['by']): string {
  const [year, month] = from.split('-').map(Number) as [number, number];
  if (by === 'week') return shortDate(from);
  if (by === 'year') return String(year);
  if (by === 'quarter') return `Q${Math.floor((month - 1) / 3) + 1} ${year}`;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short', year: 'numeric' });
}

// The table's first column heading.
export const BUCKET_HEADINGS: Record<WholeDay['by'], string> = {
  week: 'Week from',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
};

// "1 day", "6 days"
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// Days daybreak held the program for safety, as the CLI's held_words:
// "paused for safety", "locked for safety", "paused or locked for safety",
// or nothing when there were none.
export function heldWords(paused: number, locked: number): string {
  if (paused > 0 && locked > 0) return 'paused or locked for safety';
  if (locked > 0) return 'locked for safety';
  if (paused > 0) return 'paused for safety';
  return '';
}

// "4 days locked, 18 paused"
function heldDays(paused: number, locked: number): string {
  if (paused > 0 && locked > 0) return `${count(locked, 'day', 'days')} locked, ${paused} paused`;
  return locked > 0 ? `${count(locked, 'day', 'days')} locked` : `${count(paused, 'day', 'days')} paused`;
}

// The numbers behind the adherence statement, each with what it counts: the
// rate (sessions on the counted days ÷ those days × 7), the days counted, the
// days held for safety (neither counted nor missed), today (not over, not yet
// counted). `to` is the range's last day.
export function adherenceNumbers(a: Adherence, to: string): { term: string; value: string }[] {
  if (!a.session_data) return [];
  const out: { term: string; value: string }[] = [];
  const counted = a.counted ?? 0;
  const days = a.days ?? 0;
  const held = (a.paused_days ?? 0) + (a.locked_days ?? 0);
  if (a.per_week !== undefined && days > 0) {
    out.push({ term: 'Sessions a week', value: `${a.per_week.toFixed(1)} (${counted} ÷ ${days} days × 7)` });
  } else if (a.counted_from) {
    out.push({ term: 'Sessions a week', value: `not yet: ${count(counted, 'session', 'sessions')} in ${count(days, 'day', 'days')}, a rate needs 7` });
  } else {
    out.push({ term: 'Sessions a week', value: 'not yet: no day since the first session is over' });
  }
  if (a.counted_from && a.counted_to) {
    const span = `${dayMonth(a.counted_from)} to ${dayMonth(a.counted_to)}`;
    out.push({ term: 'Days counted', value: held > 0 ? `${days} of the ${days + held} from ${span}` : `${days}, from ${span}` });
  }
  if (held > 0) {
    const done = a.held_completed ? `; ${count(a.held_completed, 'session', 'sessions')} done on them` : '';
    out.push({ term: 'Held for safety, not missed', value: `${heldDays(a.paused_days ?? 0, a.locked_days ?? 0)}${done}` });
  }
  if (!a.counted_to || a.counted_to < to) out.push({ term: 'Not counted yet', value: 'today, until it is over' });
  out.push({ term: 'Finished', value: `${a.completed ?? 0} of ${a.started ?? 0} started` });
  return out;
}

// A week's note beside its counts: "in progress" (its days to come are not
// misses), and the days held for safety. Empty for a plain week.
export function weekNote(w: AdherenceWeek): string {
  const parts: string[] = [];
  if (w.in_progress) parts.push('in progress');
  const held = w.paused + w.locked;
  if (held === 7) parts.push(`${heldWords(w.paused, w.locked)} all week`);
  else if (held > 0) parts.push(`${heldDays(w.paused, w.locked)} for safety`);
  return parts.join('; ');
}

// What a numeric factor's effect is given per, as the CLI's table says it
// ("walking, per 30 min"; src/analysis/factor_effects.cpp, per_unit). GET
// /api/insights sends only the amount (`per`: 30), so the units of the
// diary's own amounts are here; a factor the person named and logged as
// numbers ("factor:caffeine") is per 1 of whatever they counted.
const PER_UNITS: Record<string, string> = {
  sitting_hours: 'hour',
  walking_minutes: '30 min',
  room_temperature: 'degree',
  humidity: '10%',
};

// A factor's heading: "Walking, per 30 min", "Sleep position: back (against left side)".
export function factorTitle(c: FactorComparison): string {
  const label = c.label.charAt(0).toUpperCase() + c.label.slice(1);
  if (c.kind === 'numeric') {
    const unit = PER_UNITS[c.factor] ?? (c.per ? String(c.per) : null);
    return unit ? `${label}, per ${unit}` : label;
  }
  if (c.kind === 'yes_no') return label;
  return `${label}: ${c.level ?? ''}${c.other ? ` (against ${c.other})` : ''}`;
}
