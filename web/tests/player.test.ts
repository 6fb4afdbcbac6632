/// <reference types="node" />
// The web session player follows the same rules as the terminal's
// (src/exercise/session_player.cpp): steps end on time, skips and stops are
// recorded per step, the comfort check follows each exercise that was done.
// Its cases are tests/data/player_cases.json, which the terminal's player
// plays too (tests/unit/session_player_test.cpp), so the two cannot drift.
import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import type { PlanStep, SessionPlan, StopReason } from '../src/api';
import { Player } from '../src/session/player';

function step(exercise: number, type: PlanStep['type'], seconds: number): PlanStep {
  return { exercise, type, side: 'none', set: 1, sets: 1, rep: 0, reps: 0, seconds, rep_seconds: 0, cue: `${type} ${exercise}`, text: '' };
}

// The fields every plan needs; the shared cases give the exercises and steps.
const plan: SessionPlan = {
  format: 'daybreak-plan/1',
  program: 'daybreak',
  program_name: 'The daybreak program',
  stage: 1,
  routine: 'morning',
  title: 'Morning',
  intro: '',
  total_seconds: 95,
  work_steps: 3,
  exercises: [
    { id: 'a', name: 'A', kind: 'activation', position: 'in_bed', sides: 'both', level: 1, levels: 1, instead_of: null, dose_text: '', note: '', instructions: [], first_step: 0, step_count: 4 },
    { id: 'b', name: 'B', kind: 'aerobic', position: 'standing', sides: 'both', level: 1, levels: 1, instead_of: null, dose_text: '', note: '', instructions: [], first_step: 4, step_count: 2 },
  ],
  steps: [step(0, 'ready', 10), step(0, 'hold', 5), step(0, 'relax', 5), step(0, 'hold', 5), step(1, 'ready', 10), step(1, 'timed', 60)],
};

// ---- the shared cases -------------------------------------------------------

interface SharedAction {
  at: number;
  do: string;
  pain?: number | null;
  reason?: StopReason;
  expect?: { phase?: string; step?: number; asking_about?: number; step_remaining?: number; over_ceiling?: number };
}
interface SharedCase {
  name: string;
  script: SharedAction[];
  result?: unknown;
  work?: { total: number; done: number; skipped: number };
}
interface Shared {
  plan: { exercise: string; steps: [PlanStep['type'], number][] }[];
  cases: SharedCase[];
}

const shared = JSON.parse(readFileSync(new URL('../../tests/data/player_cases.json', import.meta.url), 'utf8')) as Shared;

function sharedPlan(): SessionPlan {
  const exercises: SessionPlan['exercises'] = [];
  const steps: PlanStep[] = [];
  shared.plan.forEach((e, i) => {
    exercises.push({ ...plan.exercises[0]!, id: e.exercise, name: e.exercise, first_step: steps.length, step_count: e.steps.length });
    for (const [type, seconds] of e.steps) steps.push(step(i, type, seconds));
  });
  const total = steps.reduce((sum, s) => sum + s.seconds, 0);
  return { ...plan, exercises, steps, total_seconds: total, work_steps: steps.filter((s) => !['ready', 'relax', 'rest', 'switch_sides'].includes(s.type)).length };
}

function play(p: Player, a: SharedAction): void {
  switch (a.do) {
    case 'begin':
      return p.begin(a.pain!, a.at);
    case 'advance':
      return p.advance(a.at);
    case 'pause':
      return p.togglePause(a.at);
    case 'skip_step':
      return p.skipStep(a.at);
    case 'skip_exercise':
      return p.skipExercise(a.at);
    case 'ask_stop':
      return p.askStop(a.at);
    case 'carry_on':
      return p.carryOn();
    case 'stop':
      return p.stop(a.reason!, a.at);
    case 'comfort':
      return p.comfort(a.pain ?? null, a.at);
    case 'cancel':
      return p.cancel();
  }
  throw new Error(`an action the shared cases do not know: ${a.do}`);
}

describe('the shared player cases (tests/data/player_cases.json)', () => {
  test('there are cases', () => expect(shared.cases.length).toBeGreaterThanOrEqual(5));
  for (const c of shared.cases) {
    test(c.name, () => {
      const p = new Player(sharedPlan());
      c.script.forEach((a, i) => {
        play(p, a);
        const where = `${c.name}: step ${i + 1} (${a.do} at ${a.at})`;
        const e = a.expect ?? {};
        if (e.phase !== undefined) expect(p.phase, where).toBe(e.phase);
        if (e.step !== undefined) expect(p.step, where).toBe(e.step);
        if (e.asking_about !== undefined) expect(p.askingAbout, where).toBe(e.asking_about);
        if (e.step_remaining !== undefined) expect(p.stepRemaining(a.at), where).toBe(e.step_remaining);
        if (e.over_ceiling !== undefined) expect(p.overCeiling, where).toBe(e.over_ceiling);
      });
      if (c.result !== undefined) expect(p.result()).toEqual(c.result);
      if (c.work !== undefined) expect(p.workCounts()).toEqual(c.work);
    });
  }
});
