// Issue: a clinician whose grant does not cover experiments read, under See >
// Experiments, the server's refusal ("The experiments cannot be shown: A
// person shares their data from More > Sharing; they may have stopped...")
// above a "Design an experiment" button; and a clinician was offered to
// design, stop and record a night of the person's experiments, which only
// the person may do (POST /api/experiments, /nights, /{id}/stop: the
// person's own). Also, every Today asked for tonight's condition and the
// current report even with no experiment at all: two 404s each time.
import { type ComponentChild, h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { viewPerson } from '../src/account';
import { ApiError } from '../src/api';
import type { Experiment } from '../src/api_insights';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));

const refused = new ApiError({
  type: 'tag:daybreak,2026:no-grant',
  title: 'This person has not shared this with you',
  status: 403,
  detail: 'a person shares their data from More > Sharing; they may have stopped, or shared only part of it',
});
const running: Experiment = {
  id: 4,
  title: 'pillow vs no pillow',
  a: 'pillow',
  b: 'no pillow',
  status: 'running',
  first_night: '2026-11-20',
  last_night: '2026-12-31',
  pairs: 3,
  period_nights: 7,
  washout_nights: 1,
  seed: 1,
  created_at: '2026-11-19T20:00:00Z',
};

// What daybreak answers, and what the screens asked for. A load answered at
// once (`now`) gives its value; any other gives `state.data`; the error is
// the refusal, only when the list was asked for while refused.
const state = vi.hoisted(() => ({
  refuse: false,
  list: [] as unknown[],
  data: null as unknown,
  error: null as unknown,
  asked: [] as string[],
}));
const now = <T>(value: T) => Object.assign(Promise.resolve(value), { now: value });
vi.mock('../src/api_insights', async (original) => {
  const real = await original<typeof import('../src/api_insights')>();
  return {
    ...real,
    insightsApi: {
      ...real.insightsApi,
      experiments: () => {
        state.asked.push('experiments');
        if (state.refuse) {
          state.error = refused;
          return Promise.reject(refused);
        }
        return now({ experiments: state.list });
      },
      tonight: () => {
        state.asked.push('tonight');
        return Promise.reject(new ApiError({ type: 'about:blank', title: 'Not Found', status: 404 }));
      },
      report: () => {
        state.asked.push('report');
        return Promise.reject(new ApiError({ type: 'about:blank', title: 'Not Found', status: 404 }));
      },
    },
  };
});
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  useLoad: (load: () => Promise<unknown> & { now?: unknown }) => {
    state.error = null;
    const p = load();
    p.catch(() => {});
    return { data: 'now' in p ? p.now : state.data, error: state.error, loading: false, reload: () => {} };
  },
  useToday: () => ({ today: null, settled: true }),
}));

const { ExperimentsScreen, ExperimentScreen, NewExperimentScreen, TonightLine, loadExperimentState } = await import(
  '../src/screens/experiments'
);

const shown = (node: ComponentChild) => {
  const tree = render(node);
  return {
    words: text(tree).replace(/\s+/g, ' '),
    design: find(tree, 'a').filter((a) => String(a.props.href).startsWith('/experiments/new')).length,
    forms: find(tree, 'form').length,
  };
};

afterEach(() => {
  viewPerson(null);
  Object.assign(state, { refuse: false, list: [], data: null, error: null, asked: [] });
});

describe('a clinician sees the raw refusal and "Design an experiment" on a person’s experiments', () => {
  it('says plainly that the person does not share their experiments, and asks daybreak nothing', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['diary', 'program'] });
    state.refuse = true;
    const screen = shown(h(ExperimentsScreen, {}));
    expect(screen.words).toContain('Anna does not share their experiments with you.');
    expect(screen.words).not.toContain('cannot be shown');
    expect(screen.words).not.toContain('More > Sharing; they may have stopped');
    expect(screen.design).toBe(0);
    expect(state.asked).toEqual([]);
  });

  it('never offers a clinician to design an experiment, even shared', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    state.data = { experiments: [], tonight: null, report: null };
    const screen = shown(h(ExperimentsScreen, {}));
    expect(screen.design).toBe(0);
    expect(screen.words).not.toContain('Design an experiment');
    const design = shown(h(NewExperimentScreen, { a: '', b: '' }));
    expect(design.forms).toBe(0);
    expect(design.words).toContain('Only Anna can design their experiments.');
  });

  it('offers a clinician no way to stop the person’s experiment', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    state.list = [running];
    expect(shown(h(ExperimentScreen, { id: 4 })).words).not.toContain('Stop this experiment');
  });

  it('offers the person their own experiments’ design and stop, as before', () => {
    state.data = { experiments: [], tonight: null, report: null };
    expect(shown(h(ExperimentsScreen, {})).design).toBe(1);
    state.data = null; // no report yet
    state.list = [running];
    expect(shown(h(ExperimentScreen, { id: 4 })).words).toContain('Stop this experiment');
    expect(shown(h(NewExperimentScreen, { a: '', b: '' })).forms).toBe(1);
  });
});

describe('a washout night, as a clinician views the person', () => {
  const washout = { experiment: 4, night: '2026-11-24', night_number: 8, nights: 42, condition: 'A' as const, label: 'pillow', washout: true };

  it('tells the clinician of the person, not "keep to the condition" as if they were to', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    const words = shown(h(TonightLine, { t: washout, e: running })).words;
    expect(words).not.toContain('keep to the condition');
    expect(words).toContain('Anna keeps to the condition all the same.');
    viewPerson(null);
    expect(shown(h(TonightLine, { t: washout, e: running })).words).toContain('but keep to the condition all the same.');
  });
});

describe('tonight’s condition and the report', () => {
  it('are not asked for when no experiment could have them (two 404s on every Today)', async () => {
    expect(await loadExperimentState()).toEqual({ experiments: [], tonight: null, report: null });
    expect(state.asked).toEqual(['experiments']);
    state.asked = [];
    state.list = [{ ...running, status: 'finished' }];
    await loadExperimentState();
    expect(state.asked).toEqual(['experiments', 'report']);
    state.asked = [];
    state.list = [running];
    expect(await loadExperimentState()).toEqual({ experiments: [running], tonight: null, report: null });
    expect(state.asked.sort()).toEqual(['experiments', 'report', 'tonight']);
  });
});
