// Issue: a clinician viewing a person was spoken to as if they were that
// person: Today told them "How you slept; log it on waking", See "worth
// mentioning to your doctor", Insights "From your own diary" and "Log your
// sleep position", ... The screens a clinician can open of a person speak of
// the person (by name, or "they"), and the person's own screens are as they
// were. Rendered once without a DOM, each load answered at once from the
// shapes of docs/openapi.yaml.
import { type ComponentChild, h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { viewPerson } from '../src/account';
import type { Entry, Today } from '../src/api';
import type { FactorComparison, Insights } from '../src/api_insights';
import type { Decision, Progress } from '../src/api_progress';
import type { Questionnaire, QuestionnaireHistory } from '../src/api_questionnaires';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));
// The charts draw nothing here (uPlot needs a browser); their captions are the words.
vi.mock('uplot', () => ({ default: {} }));
vi.mock('../src/charts/chart', () => ({ Chart: () => null, utcDate: () => new Date(0) }));

// What each load answers: the fixtures' values, given at once; a thrown
// error is the load's error; anything still a promise (what this test does
// not answer) is not loaded.
const shown = vi.hoisted(() => ({
  today: null as unknown,
  entries: [] as unknown[],
  program: null as unknown,
  insights: null as unknown,
  progress: null as unknown,
  questionnaire: null as unknown,
  history: [] as unknown[],
}));
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  useLoad: (load: () => unknown) => {
    try {
      const data = load();
      if (data instanceof Promise) {
        data.catch(() => {});
        return { data: null, error: null, loading: true, reload: () => {} };
      }
      return { data, error: null, loading: false, reload: () => {} };
    } catch (error) {
      return { data: null, error, loading: false, reload: () => {} };
    }
  },
  useToday: () => ({ today: shown.today, settled: true }),
  useDiaryZone: () => ({ zone: 'Europe/Berlin', settled: true }),
  loadToday: () => {
    if (shown.today instanceof Error) throw shown.today;
    return shown.today;
  },
}));
vi.mock('../src/api_insights', async (original) => {
  const real = await original<typeof import('../src/api_insights')>();
  return { ...real, insightsApi: { ...real.insightsApi, insights: () => shown.insights } };
});
vi.mock('../src/api_progress', async (original) => {
  const real = await original<typeof import('../src/api_progress')>();
  return { ...real, progressApi: { ...real.progressApi, progress: () => shown.progress } };
});
vi.mock('../src/api_questionnaires', async (original) => {
  const real = await original<typeof import('../src/api_questionnaires')>();
  return { ...real, questionnaireApi: { ...real.questionnaireApi, show: () => shown.questionnaire, history: () => shown.history } };
});
vi.mock('../src/api', async (original) => {
  const real = await original<typeof import('../src/api')>();
  return {
    ...real,
    api: { ...real.api, entries: () => ({ entries: shown.entries }), program: () => shown.program },
  };
});

const { ApiError } = await import('../src/api');
const { TodayScreen } = await import('../src/screens/today');
const { DiaryCharts } = await import('../src/screens/see');
const { ProgramCard } = await import('../src/screens/session');
const { InsightsTeaser } = await import('../src/capabilities');
const { InsightsScreen } = await import('../src/screens/insights');
const { inputLines, ProgressScreen } = await import('../src/screens/progress');
const { QuestionnaireHistoryScreen } = await import('../src/screens/questionnaires');

const ANNA = { id: 3, name: 'Anna', scope: ['diary', 'program'] as ('diary' | 'program')[] };
// "you", "your", "yours", "yourself": a word the person is spoken to with.
const SECOND_PERSON = /\b(you|your|yours|yourself)\b/i;

function words(node: ComponentChild): string {
  return text(render(node)).replace(/\s+/g, ' ').trim();
}

const entry = (id: number, date: string, period: Entry['period'], fields: Entry['fields']): Entry => ({
  id,
  date,
  period,
  revision: 1,
  created_at: `${date}T07:00:00Z`,
  updated_at: `${date}T07:00:00Z`,
  fields,
});

// The day as GET /api/today answers it: the morning logged, the night not yet.
const today: Today = {
  date: '2026-11-23',
  time_zone: 'Europe/Berlin',
  local_time: '07:40',
  periods: [
    { period: 'night', status: 'due' },
    { period: 'morning', status: 'logged', entry: entry(9, '2026-11-23', 'morning', { pain: 4, stiffness_minutes: 45 }) },
    { period: 'afternoon', status: 'later' },
    { period: 'evening', status: 'later' },
  ],
  week: { days: 7, mornings_logged: 5, sessions: 2, done_today: [] },
};

// Mornings stiff for 45 minutes: longer than the 30 worth a doctor's look.
const stiffMornings = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d, i) =>
  entry(i + 1, d, 'morning', { pain: 4, stiffness_minutes: 45, stiffness_severity: 6 }),
);
const range = { from: '2026-10-27', to: '2026-11-23', weeks: 4 };

afterEach(() => viewPerson(null));

describe('Today, as a clinician views a person', () => {
  it('speaks of Anna’s night, not "How you slept; log it on waking"', () => {
    shown.today = today;
    viewPerson(ANNA);
    const theirs = words(h(TodayScreen, { cards: [] }));
    expect(theirs).toContain('Night Not logged yet');
    expect(theirs).not.toMatch(SECOND_PERSON);
    expect(theirs).not.toMatch(/\blog\b/i);
    viewPerson(null);
    expect(words(h(TodayScreen, { cards: [] }))).toContain('How you slept; log it on waking');
  });

  it('says whose day could not be loaded', () => {
    shown.today = new ApiError({ type: 'x:database-unavailable', title: 'The database cannot be reached', status: 503 });
    viewPerson(ANNA);
    const theirs = text(find(render(h(TodayScreen, { cards: [] })), 'p').filter((p) => /cannot load/.test(text(p))));
    expect(theirs).toBe('daybreak cannot load Anna’s day right now: the database cannot be reached.');
    viewPerson(null);
    expect(words(h(TodayScreen, { cards: [] }))).toContain(
      'daybreak cannot load your day right now: the database cannot be reached. You can still log:',
    );
  });

  it('offers Anna’s home program, not "Print your home program"', () => {
    shown.program = { program: 'daybreak', program_name: 'daybreak', stage: 1, stages: 3, stage_name: 'Wake gently', stage_goal: '', routines: [] };
    viewPerson(ANNA);
    const theirs = words(h(ProgramCard, { today }));
    expect(theirs).toContain('Print Anna’s home program');
    expect(theirs).not.toMatch(SECOND_PERSON);
    viewPerson(null);
    expect(words(h(ProgramCard, { today }))).toContain('Print your home program');
  });
});

describe('See, as a clinician views a person', () => {
  it('says long morning stiffness is worth a doctor’s look, not "worth mentioning to your doctor"', () => {
    shown.entries = stiffMornings;
    viewPerson(ANNA);
    const theirs = words(h(DiaryCharts, { range }));
    expect(theirs).toContain('Morning stiffness that often lasts more than 30 minutes is worth a doctor’s look.');
    expect(theirs).not.toMatch(SECOND_PERSON);
    viewPerson(null);
    expect(words(h(DiaryCharts, { range }))).toContain(
      'Morning stiffness that often lasts more than 30 minutes is worth mentioning to your doctor.',
    );
  });

  it('heads the insights with Anna’s diary, not "What your diary shows"', () => {
    viewPerson(ANNA);
    const theirs = words(h(InsightsTeaser, {}));
    expect(theirs).toContain('What Anna’s diary shows');
    expect(theirs).not.toMatch(SECOND_PERSON);
    viewPerson(null);
    expect(words(h(InsightsTeaser, {}))).toContain('What your diary shows');
  });
});

// GET /api/insights over a range; to a clinician its statements already
// speak of the person ("their diary"): these are the screen's own words.
const insights = (entries: number, comparisons: FactorComparison[]): Insights => ({
  from: '2026-10-27',
  to: '2026-11-23',
  entries,
  days_logged: entries,
  whole_day: {
    periods: [],
    all_day: { days: 0, pain_stayed: 0, morning_mean: null, afternoon_mean: null, evening_mean: null },
    by: 'week',
    rows: [],
    medication: { window_hours: 4, timed: 0, untimed: 0, names: [], covered_entries: 0, other_entries: 0, covered_mean: null, other_mean: null, difference: null },
    statement: '',
  },
  mornings: [],
  factors: { tested: comparisons.length, false_discovery_rate: 0.05, min_mornings_per_level: 10, min_mornings_numeric: 20, comparisons },
  adherence: { session_data: false, statement: 'No guided sessions are recorded.' },
});
const position: FactorComparison = {
  factor: 'sleep_position',
  label: 'sleep position',
  kind: 'categorical',
  exposure: 'the night before',
  exploratory: false,
  level: 'back',
  other: 'left side',
  mornings: 23,
  mornings_other: 67,
  mean: 5.1,
  mean_other: 3.1,
  effect: { estimate: 2.0, standard_error: 0.25, lower: 1.5, upper: 2.5, p_value: 0.0001, df: 88, q_value: 0.0002 },
  stands_out: true,
  statement: 'Mornings after nights with sleep position back had pain 2.0 points higher.',
  experiment: { a: 'back', b: 'left side' },
};
const links = (node: ComponentChild) => find(render(node), 'a').map((a) => String(a.props.href));

describe('Insights, as a clinician views a person', () => {
  it('speaks of Anna’s diary, not "From your own diary" nor "Log how your back is"', () => {
    shown.today = today;
    shown.insights = insights(0, []);
    viewPerson(ANNA);
    const theirs = words(h(InsightsScreen, { weeks: 4 }));
    expect(theirs).toContain('From Anna’s own diary: what went together, not what caused what.');
    expect(theirs).toContain('Anna logged nothing in this range.');
    expect(theirs).toContain(
      'Nothing to compare yet. When Anna logs sleep position, mattress and pillows with the night, and walking and sitting with the day, this shows how each goes with the next morning.',
    );
    expect(theirs).not.toMatch(SECOND_PERSON);
    expect(links(h(InsightsScreen, { weeks: 4 }))).not.toContain('/log');
    viewPerson(null);
    const mine = words(h(InsightsScreen, { weeks: 4 }));
    expect(mine).toContain('From your own diary: what went together');
    expect(mine).toContain('Nothing is logged in this range yet. Log how your back is, and what your diary shows grows here.');
    expect(mine).toContain('Nothing to compare yet. Log your sleep position, mattress and pillows with the night');
  });

  it('says "what they do may follow how they feel", and offers Anna’s experiment to her alone', () => {
    shown.today = today;
    shown.insights = insights(90, [position]);
    viewPerson(ANNA);
    const theirs = words(h(InsightsScreen, { weeks: 4 }));
    expect(theirs).toContain('and what they do may follow how they feel.');
    expect(theirs).not.toMatch(SECOND_PERSON);
    expect(theirs).not.toContain('Test it as an experiment');
    viewPerson(null);
    expect(words(h(InsightsScreen, { weeks: 4 }))).toContain('and what you do may follow how you feel.');
    expect(links(h(InsightsScreen, { weeks: 4 }))).toContain('/experiments/new?a=back&b=left+side');
  });
});

// GET /api/progress in the last stage, and a decision of the rule with what it was decided from.
const lastStage = {
  program: 'daybreak',
  program_name: 'daybreak',
  stage: 3,
  stages: 3,
  stage_name: 'Keep going',
  stage_exit: null,
  levels: {},
  stage_criteria: { days_in_stage: 30, days_met: true, top_level_sessions: 6, sessions_met: true, mornings_met: true, met: true },
  criteria: [],
  stage_proposed: false,
  proposal: null,
  flare_offered: false,
  flare_offer: null,
  waiting: [],
  decisions: [],
  routines: [],
  rule: 'This rule is adapted from a model tested in Achilles tendon pain.',
} satisfies Progress;
const ruled = {
  id: 4,
  program: 'daybreak',
  kind: 'rule',
  routine: 'morning',
  date: '2026-11-22',
  verdict: 'repeat',
  reasons: ['morning_steady'],
  stage: 1,
  sentence: 'Same again.',
  changes: [],
  offer_flare: false,
  note: '',
  inputs: {
    baseline: { pain: 4, stiffness: 40, mornings: 7, first: '2026-11-14', last: '2026-11-20' },
    next_morning: { date: '2026-11-23', pain: 4, stiffness_minutes: 35 },
    pain_during: 3,
    good_sessions_before: 1,
  },
  decided_at: '2026-11-22T06:30:00Z',
  channel: 'api',
  author: null,
} satisfies Decision;

describe('Progress, as a clinician views a person', () => {
  it('says whose usual morning a decision was made from, not "Your usual morning"', () => {
    expect(inputLines(ruled, ANNA)[0]).toBe('Anna’s usual morning: pain 4, stiffness 40 min (middle of 7 mornings, 2026-11-14 to 2026-11-20)');
    expect(inputLines(ruled, null)[0]).toBe('Your usual morning: pain 4, stiffness 40 min (middle of 7 mornings, 2026-11-14 to 2026-11-20)');
    for (const line of inputLines(ruled, ANNA)) expect(line).not.toMatch(SECOND_PERSON);
  });

  it('says a decision was paused for a warning sign without naming it, when the safety answers are not shared', () => {
    const paused = { ...ruled, inputs: { ...ruled.inputs, progression_allowed: false, safety_note: '' } } satisfies Decision;
    expect(inputLines(paused, ANNA)).toContain('Safety: paused for a warning sign');
    const named = { ...ruled, inputs: { ...ruled.inputs, progression_allowed: false, safety_note: 'fever' } } satisfies Decision;
    expect(inputLines(named, ANNA)).toContain('Safety: paused (fever)');
  });

  it("says a decision's numbers are not shared when the diary is not (a program-only clinician read the mornings' numbers)", () => {
    const withheld = { ...ruled, inputs: null } satisfies Decision;
    expect(inputLines(withheld, ANNA)).toEqual(['The numbers it was decided from are the diary’s, which is not shared with you.']);
  });

  it('does not cheer a clinician on in the last stage ("keep it up")', () => {
    shown.progress = lastStage;
    viewPerson(ANNA);
    expect(words(h(ProgressScreen, {}))).toContain('This is the last stage.');
    expect(words(h(ProgressScreen, {}))).not.toContain('keep it up');
    viewPerson(null);
    expect(words(h(ProgressScreen, {}))).toContain('This is the last stage: keep it up.');
  });
});

// GET /api/questionnaires/odi and its history: taken twice.
const odi = {
  id: 'odi',
  name: 'Oswestry Disability Index',
  abbreviation: 'ODI',
  version: '2.1a',
  recall: 'today',
  description: '',
  source: 'Fairbank 2000',
  licence: '',
  licensed_wording: false,
  scoring: 'percent',
  unit: '%',
  better: 'lower',
  min_score: 0,
  max_score: 100,
  items: [],
  bands: [],
  minimal_important_change: { points: 10, percent: 30, percent_needs_points: null, source: 'Ostelo 2008' },
} satisfies Questionnaire;
const response = (id: number, taken_at: string, score: number) => ({
  id,
  instrument: 'odi',
  version: '2.1a',
  taken_at,
  channel: 'api',
  score,
  shown: `${score}%`,
  band: '',
  subscales: {},
  answered: 10,
  skipped: 0,
  notes: [],
  answers: [],
});
const twice = {
  instrument: 'odi',
  responses: [response(1, '2026-10-01T08:00:00Z', 40), response(2, '2026-11-20T08:00:00Z', 26)],
  since_first: { baseline: 40, latest: 26, change: -14, percent: -35, sentence: 'ODI fell 14 points (35%): an important improvement', verdict: 'important_improvement' },
} satisfies QuestionnaireHistory;

describe('A questionnaire’s scores over time, as a clinician views a person', () => {
  it('are Anna’s scores, not "Your ODI over time", and she is not asked to take it', () => {
    shown.questionnaire = odi;
    shown.history = [twice];
    viewPerson(ANNA);
    const theirs = words(h(QuestionnaireHistoryScreen, { id: 'odi' }));
    expect(theirs).toContain('Anna’s ODI over time');
    expect(theirs).toContain('Since Anna’s first, on');
    expect(theirs).toContain('30% of Anna’s first score');
    expect(theirs).not.toMatch(SECOND_PERSON);
    expect(links(h(QuestionnaireHistoryScreen, { id: 'odi' })).filter((l) => l.startsWith('/questionnaires'))).toEqual([]);
    viewPerson(null);
    const mine = words(h(QuestionnaireHistoryScreen, { id: 'odi' }));
    expect(mine).toContain('Your ODI over time');
    expect(mine).toContain('Since your first, on');
    expect(mine).toContain('30% of your first score');
    expect(mine).toContain('Take the ODI questionnaire again');
  });

  it('says Anna has not taken it, not "You have not taken ... Take it now"', () => {
    shown.questionnaire = odi;
    shown.history = [];
    viewPerson(ANNA);
    const theirs = words(h(QuestionnaireHistoryScreen, { id: 'odi' }));
    expect(theirs).toContain('Anna has not taken the ODI questionnaire yet.');
    expect(theirs).not.toMatch(SECOND_PERSON);
    viewPerson(null);
    expect(words(h(QuestionnaireHistoryScreen, { id: 'odi' }))).toContain('You have not taken the ODI questionnaire yet. Take it now.');
  });

  it('has one score: says so, without "take it again later"', () => {
    shown.questionnaire = odi;
    shown.history = [{ instrument: 'odi', responses: [response(1, '2026-10-01T08:00:00Z', 40)] }];
    viewPerson(ANNA);
    const theirs = words(h(QuestionnaireHistoryScreen, { id: 'odi' }));
    expect(theirs).toContain('One score so far.');
    expect(theirs).not.toMatch(SECOND_PERSON);
    expect(theirs).not.toMatch(/take it again/i);
    viewPerson(null);
    expect(words(h(QuestionnaireHistoryScreen, { id: 'odi' }))).toContain('One score so far: take it again later to see how it changes.');
  });
});
