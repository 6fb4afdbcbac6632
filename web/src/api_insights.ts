// Insights and personal experiments as the app uses them: the
// shapes of docs/openapi.yaml (the same JSON as `daybreak insights --json` and
// `daybreak experiment ... --json`), and their calls.
import { type Period, request } from './api';

export interface Estimate {
  estimate: number;
  standard_error: number;
  lower: number;
  upper: number;
  p_value: number;
  df: number;
  q_value?: number;
}

export interface Interval {
  lower: number;
  upper: number;
}

export interface PeriodPain {
  period: Period;
  entries: number;
  mean: number | null;
  interval: Interval | null;
}

export interface WholeDay {
  periods: PeriodPain[];
  all_day: {
    days: number;
    pain_stayed: number;
    morning_mean: number | null;
    afternoon_mean: number | null;
    evening_mean: number | null;
  };
  by: 'week' | 'month' | 'quarter' | 'year';
  rows: ({ from: string; to: string } & Partial<Record<Period, number | null>>)[];
  medication: {
    window_hours: number;
    timed: number;
    untimed: number;
    names: string[];
    covered_entries: number;
    other_entries: number;
    covered_mean: number | null;
    other_mean: number | null;
    difference: Estimate | null;
  };
  statement: string;
}

export type MorningMeasure = 'pain' | 'stiffness_minutes' | 'stiffness_severity';

export interface MorningOutlook {
  measure: MorningMeasure;
  unit: 'points' | 'minutes';
  mornings: number;
  trend: {
    from: string;
    to: string;
    mornings: number;
    enough: boolean;
    slope_per_day?: number;
    per_month?: number;
    interval_per_month?: Interval;
    mann_kendall?: { s: number; variance: number; hamed_rao_factor: number; z: number; p_value: number };
    statement: string;
  };
  shifts: {
    mornings: number;
    enough: boolean;
    weekly: boolean;
    segments: { from: string; to: string; mornings: number; mean: number }[];
    changes: { first_day: string; before: number; after: number }[];
    statements: string[];
  };
}

export interface FactorComparison {
  factor: string;
  label: string;
  kind: 'categorical' | 'yes_no' | 'numeric';
  exposure: string;
  exploratory: boolean;
  per?: number;
  level?: string;
  other?: string | null;
  mornings: number;
  mornings_other?: number;
  mean: number | null;
  mean_other?: number | null;
  effect: Estimate | null;
  stands_out?: boolean;
  withheld?: string;
  statement: string;
  experiment?: { a: string; b: string };
}

export interface Insights {
  from: string;
  to: string;
  entries: number;
  days_logged: number;
  whole_day: WholeDay;
  mornings: MorningOutlook[];
  factors: {
    tested: number;
    false_discovery_rate: number;
    min_mornings_per_level: number;
    min_mornings_numeric: number;
    comparisons: FactorComparison[];
  };
  adherence: Adherence;
}

// A week from its Monday (the last 8 of the range, from the first session's
// week). Its counted days are those in the range, from the first session on,
// over (today is not) and not held for safety.
export interface AdherenceWeek {
  from: string;
  completed: number; // every session finished in the week, held days' and today's too
  days: number; // counted days, 0 to 7
  in_progress: boolean; // some of its days in the range are not over yet
  paused: number; // days paused for safety (an urgent warning sign waiting for a clinician): not counted
  locked: number; // days locked for safety (an emergency warning sign): not counted
}

// Guided sessions: everything but session_data and statement only when there
// are sessions. per_week = counted / days × 7, from 7 counted days on.
export interface Adherence {
  session_data: boolean;
  completed?: number; // finished in the range
  started?: number;
  counted?: number; // finished on the counted days
  days?: number; // the counted days, from counted_from to counted_to, less those held for safety
  counted_from?: string | null;
  counted_to?: string | null; // the last day over
  per_week?: number;
  paused_days?: number; // days from counted_from to counted_to held for safety: not counted, not missed
  locked_days?: number;
  held_completed?: number; // sessions finished on those days (not counted)
  weeks?: AdherenceWeek[];
  statement: string;
}

export type ExperimentStatus = 'planned' | 'running' | 'finished' | 'stopped';
export type Condition = 'A' | 'B';

export interface Experiment {
  id: number;
  title: string;
  a: string;
  b: string;
  status: ExperimentStatus;
  first_night: string;
  last_night: string;
  pairs: number;
  period_nights: number;
  washout_nights: number;
  seed: number;
  created_at: string;
  stopped_at?: string;
  stopped_after?: string;
  stop_reason?: string;
}

export interface NewExperiment {
  title?: string;
  a: string;
  b: string;
  pairs?: number;
  nights?: number;
  washout?: number;
  start?: string;
  seed?: number;
}

export interface Tonight {
  experiment: number;
  night: string;
  night_number: number;
  nights: number;
  condition: Condition;
  label: string;
  washout: boolean;
}

export interface NightLog {
  followed: boolean;
  date?: string;
  note?: string;
}

export interface LoggedNight {
  experiment: number;
  night: string;
  condition: Condition;
  followed: boolean;
  note?: string;
  was_followed?: boolean;
}

export interface ExperimentOutcome {
  measure: MorningMeasure;
  nights_a: number;
  nights_b: number;
  mean_a: number | null;
  mean_b: number | null;
  complete_pairs: number;
  pair_differences: number[];
  difference: number | null;
  standard_error?: number;
  interval?: Interval;
  t_p_value?: number;
  randomization_p_value?: number;
  assignments?: number;
  chances?: { threshold: number; a_lower: number; a_higher: number }[];
}

export type VerdictKey =
  | 'too_little_data'
  | 'a_better_important'
  | 'a_better_unclear_size'
  | 'a_better_small'
  | 'no_important_difference'
  | 'b_better_small'
  | 'b_better_unclear_size'
  | 'b_better_important'
  | 'inconclusive';

export interface ExperimentReport {
  experiment: Experiment;
  interim: boolean;
  flow: {
    planned: number;
    past: number;
    washout: number;
    counted: number;
    with_outcome: number;
    missing: number;
    followed: number;
    not_followed: number;
    unrecorded: number;
  };
  nights: {
    night: string;
    pair: number;
    period: number;
    condition: Condition;
    washout: boolean;
    followed: boolean | null;
    pain: number | null;
    stiffness_minutes: number | null;
    stiffness_severity: number | null;
  }[];
  outcomes: ExperimentOutcome[];
  per_protocol?: ExperimentOutcome;
  verdict: { key: VerdictKey; minimal_important_change: number; statement: string };
}

export const insightsApi = {
  insights: (from?: string, to?: string) => {
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    const q = query.toString();
    return request<Insights>('GET', `/api/insights${q ? `?${q}` : ''}`);
  },
  experiments: () => request<{ experiments: Experiment[] }>('GET', '/api/experiments'),
  create: (draft: NewExperiment) => request<Experiment>('POST', '/api/experiments', { body: draft }),
  tonight: () => request<Tonight>('GET', '/api/experiments/tonight'),
  logNight: (log: NightLog) => request<LoggedNight>('POST', '/api/experiments/nights', { body: log }),
  // The running experiment's report, else the latest to have started; or experiment `id`'s.
  report: (id?: number) => request<ExperimentReport>('GET', id ? `/api/experiments/${id}/report` : '/api/experiments/report'),
  stop: (id: number, reason: string) => request<Experiment>('POST', `/api/experiments/${id}/stop`, { body: { reason } }),
};
