// The web session player follows the same rules as the terminal's
// (src/exercise/session_player.cpp): steps end on time, skips and stops are
// recorded per step, the comfort check follows each exercise that was done.
import { describe, expect, test } from 'vitest';

import type { PlanStep, SessionPlan } from '../src/api';
import { Player } from '../src/session/player';

function step(exercise: number, type: PlanStep['type'], seconds: number): PlanStep {
  return { exercise, type, side: 'none', set: 1, sets: 1, rep: 0, reps: 0, seconds, rep_seconds: 0, cue: `${type} ${exercise}`, text: '' };
}

// Two exercises: ready 10 s, hold 5 s, relax 5 s, hold 5 s; then ready 10 s, timed 60 s.
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

describe('the session player', () => {
  test('plays every step on time, asks the comfort check after each exercise, and finishes', () => {
    const p = new Player(plan);
    p.begin(3, 1000);
    expect(p.phase).toBe('playing');
    p.advance(1000 + 9_999);
    expect(p.step).toBe(0);
    expect(p.stepRemaining(1000 + 9_999)).toBe(1);
    p.advance(1000 + 25_000); // the first exercise's 25 s are over
    expect(p.phase).toBe('comfort');
    expect(p.askingAbout).toBe(0);
    p.advance(1000 + 99_000); // time does not run while asking
    p.comfort(2, 1000 + 99_000);
    expect(p.step).toBe(4);
    p.advance(1000 + 99_000 + 70_000);
    expect(p.phase).toBe('comfort');
    p.comfort(null, 1000 + 170_000);
    expect(p.phase).toBe('finished');
    expect(p.result()).toEqual({ pain_before: 3, steps: 'dddddd', pain_during: [2, null], stop_reason: null, duration_seconds: 170 });
    expect(p.workCounts()).toEqual({ total: 3, done: 3, skipped: 0 });
  });

  test('pausing stops the clock; skipping a step or an exercise records it', () => {
    const p = new Player(plan);
    p.begin(4, 0);
    p.togglePause(4_000);
    p.advance(60_000);
    expect(p.stepRemaining(60_000)).toBe(6_000);
    p.togglePause(60_000);
    p.skipStep(61_000); // the ready step
    expect(p.step).toBe(1);
    p.skipExercise(62_000); // nothing of A was done: no comfort check
    expect(p.phase).toBe('playing');
    expect(p.step).toBe(4);
    p.advance(62_000 + 70_000);
    p.comfort(1, 132_000);
    expect(p.result().steps).toBe('ssssdd');
    expect(p.result().pain_during).toEqual([null, 1]);
    expect(p.result().duration_seconds).toBe(132);
  });

  test('stopping asks why, then the comfort check on the exercise in hand; the rest is not reached', () => {
    const p = new Player(plan);
    p.begin(5, 0);
    p.advance(12_000); // 2 s into the first hold
    p.askStop(12_000);
    expect(p.phase).toBe('stop_reason');
    p.carryOn();
    expect(p.phase).toBe('playing');
    p.askStop(13_000);
    p.stop('pain', 13_000);
    expect(p.phase).toBe('comfort');
    p.comfort(7, 20_000);
    expect(p.overCeiling).toBe(0);
    expect(p.phase).toBe('finished');
    expect(p.result()).toEqual({ pain_before: 5, steps: 'd-----', pain_during: [7, null], stop_reason: 'pain', duration_seconds: 20 });
  });

  test('leaving before the first step keeps nothing; out-of-range answers are ignored', () => {
    const p = new Player(plan);
    p.begin(11, 0);
    expect(p.phase).toBe('pain_before');
    p.cancel();
    expect(p.phase).toBe('cancelled');
    expect(p.over).toBe(true);
  });

  test('a stop before any work is done ends at once', () => {
    const p = new Player(plan);
    p.begin(2, 0);
    p.askStop(3_000);
    p.stop('time', 3_000);
    expect(p.phase).toBe('finished');
    expect(p.result().steps).toBe('------');
    expect(p.result().stop_reason).toBe('time');
  });
});
