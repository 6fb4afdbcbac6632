// The guided session as a state machine, a faithful port of the C++
// SessionPlayer (src/exercise/session_player.cpp) that the terminal plays:
// the same plan, the same rules for skipping, stopping and the comfort check,
// and the same result. Pure: time (milliseconds on any monotonic clock) is
// handed in, so the screen, the tests and an accelerated clock drive it alike.
import type { SessionPlan, StopReason } from '../api';

// Pain during an exercise may reach 5/10, not more (clinical.md, adapted from
// the pain-monitoring model, Silbernagel 2007). Above it the player says so.
export const PAIN_DURING_CEILING = 5;

export type Phase = 'pain_before' | 'playing' | 'paused' | 'comfort' | 'stop_reason' | 'finished' | 'cancelled';
type Outcome = 'd' | 's' | '-';

const WORK = new Set(['reps', 'hold', 'timed']);
export const isWork = (type: string): boolean => WORK.has(type);

// What the server stores (POST /api/sessions), less the plan's identity.
export interface PlayedResult {
  pain_before: number;
  steps: string; // one letter per plan step: d done, s skipped, - not reached
  pain_during: (number | null)[]; // one per plan exercise
  stop_reason: StopReason | null;
  duration_seconds: number;
}

export class Player {
  phase: Phase = 'pain_before';
  step = 0;
  askingAbout = 0; // the exercise the comfort check is about
  overCeiling: number | null = null; // the last exercise rated above the ceiling
  stepStarted = 0; // bumped whenever a step begins: the screen speaks its cue

  private stepElapsed = 0;
  private last = 0;
  private started: number | null = null;
  private ended = 0;
  private stopping = false;
  private phaseBeforeStop: Phase = 'playing';
  private painBefore = 0;
  private readonly outcomes: Outcome[];
  private readonly painDuring: (number | null)[];
  private stopReason: StopReason | null = null;

  constructor(readonly plan: SessionPlan) {
    this.outcomes = plan.steps.map(() => '-');
    this.painDuring = plan.exercises.map(() => null);
  }

  get over(): boolean {
    return this.phase === 'finished' || this.phase === 'cancelled';
  }

  // Lets time run to `now`: steps end and the next begin.
  advance(now: number): void {
    now = Math.max(now, this.last);
    let cursor = this.last;
    while (this.phase === 'playing') {
      const remain = this.length(this.step) - this.stepElapsed;
      if (now - cursor < remain) {
        this.stepElapsed += now - cursor;
        break;
      }
      cursor += remain;
      this.outcomes[this.step] = 'd';
      this.goOn(cursor);
    }
    this.last = now;
  }

  // The answer to "pain now", which starts the first step.
  begin(pain: number, now: number): void {
    if (this.phase !== 'pain_before' || !validPain(pain)) return;
    this.last = now;
    this.painBefore = pain;
    this.started = now;
    if (this.plan.steps.length === 0) this.finish(now);
    else this.beginStep(0);
  }

  // Leaving before the first step: nothing to keep.
  cancel(): void {
    if (this.phase === 'pain_before') this.phase = 'cancelled';
  }

  togglePause(now: number): void {
    this.advance(now);
    if (this.phase === 'playing') this.phase = 'paused';
    else if (this.phase === 'paused') this.phase = 'playing';
  }

  skipStep(now: number): void {
    this.advance(now);
    if (this.phase !== 'playing' && this.phase !== 'paused') return;
    this.outcomes[this.step] = 's';
    this.goOn(this.last);
  }

  skipExercise(now: number): void {
    this.advance(now);
    if (this.phase !== 'playing' && this.phase !== 'paused') return;
    const ex = this.plan.exercises[this.currentStep().exercise]!;
    for (; this.step + 1 < ex.first_step + ex.step_count; ++this.step) this.outcomes[this.step] = 's';
    this.outcomes[this.step] = 's';
    this.goOn(this.last);
  }

  // "Stop": asks why (the clock keeps its state while asking).
  askStop(now: number): void {
    this.advance(now);
    if (this.phase !== 'playing' && this.phase !== 'paused') return;
    this.phaseBeforeStop = this.phase;
    this.phase = 'stop_reason';
  }

  carryOn(): void {
    if (this.phase === 'stop_reason') this.phase = this.phaseBeforeStop;
  }

  stop(reason: StopReason, now: number): void {
    if (this.phase !== 'stop_reason') return;
    this.stopReason = reason;
    const exercise = this.currentStep().exercise;
    const inProgress = isWork(this.currentStep().type) && this.stepElapsed > 0;
    if (inProgress || this.exerciseStarted(exercise)) {
      this.stopping = true;
      this.ask(exercise);
      return;
    }
    this.finish(Math.max(now, this.last));
  }

  // The comfort check's answer: pain during the exercise, or null (no answer).
  comfort(pain: number | null, now: number): void {
    if (this.phase !== 'comfort' || (pain !== null && !validPain(pain))) return;
    now = Math.max(now, this.last);
    this.last = now;
    if (pain !== null) {
      this.painDuring[this.askingAbout] = pain;
      if (pain > PAIN_DURING_CEILING) this.overCeiling = this.askingAbout;
      else this.overCeiling = null;
    }
    if (this.stopping || this.step + 1 >= this.plan.steps.length) this.finish(now);
    else this.beginStep(this.step + 1);
  }

  currentStep() {
    return this.plan.steps[this.step]!;
  }

  // Milliseconds left in the current step at `now`.
  stepRemaining(now: number): number {
    if (this.over) return 0;
    let played = this.stepElapsed;
    if (this.phase === 'playing') played += Math.max(now, this.last) - this.last;
    return Math.max(0, this.length(this.step) - played);
  }

  // Planned milliseconds before the current step plus its progress.
  progress(now: number): number {
    if (this.plan.steps.length === 0) return 0;
    let before = 0;
    for (let i = 0; i < this.step; i++) before += this.length(i);
    if (this.phase === 'finished' && this.stopReason === null) return before + this.length(this.step);
    return before + (this.length(this.step) - this.stepRemaining(now));
  }

  result(): PlayedResult {
    const elapsed = this.started === null ? 0 : (this.over ? this.ended : this.last) - this.started;
    return {
      pain_before: this.painBefore,
      steps: this.outcomes.join(''),
      pain_during: [...this.painDuring],
      stop_reason: this.stopReason,
      duration_seconds: Math.round(elapsed / 1000),
    };
  }

  workCounts(): { total: number; done: number; skipped: number } {
    let total = 0;
    let done = 0;
    let skipped = 0;
    this.plan.steps.forEach((s, i) => {
      if (!isWork(s.type)) return;
      total++;
      if (this.outcomes[i] === 'd') done++;
      if (this.outcomes[i] === 's') skipped++;
    });
    return { total, done, skipped };
  }

  private length(step: number): number {
    return this.plan.steps[step]!.seconds * 1000;
  }

  private beginStep(index: number): void {
    this.step = index;
    this.stepElapsed = 0;
    this.phase = 'playing';
    this.stepStarted++;
  }

  // After the current step: the comfort check if an exercise just ended and
  // was (at least partly) done, else the next step, else the end.
  private goOn(at: number): void {
    const exercise = this.currentStep().exercise;
    const next = this.plan.steps[this.step + 1];
    if ((next === undefined || next.exercise !== exercise) && this.exerciseStarted(exercise)) {
      this.ask(exercise);
      return;
    }
    if (next !== undefined) this.beginStep(this.step + 1);
    else this.finish(at);
  }

  private ask(exercise: number): void {
    this.phase = 'comfort';
    this.askingAbout = exercise;
  }

  private finish(at: number): void {
    this.phase = 'finished';
    this.ended = at;
  }

  private exerciseStarted(exercise: number): boolean {
    const ex = this.plan.exercises[exercise]!;
    for (let i = ex.first_step; i < ex.first_step + ex.step_count; i++) {
      if (isWork(this.plan.steps[i]!.type) && this.outcomes[i] === 'd') return true;
    }
    return false;
  }
}

function validPain(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 10;
}
