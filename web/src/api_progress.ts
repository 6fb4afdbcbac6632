// Progression over the API: where the person stands, a day's
// decisions with their reasons, levels and stages set by hand, and the
// person's word on a proposed stage. The shapes are docs/openapi.yaml's
// Progress and Decision, the same JSON as `daybreak progress --json`.
import { type Created, request, type SessionRecord } from './api';
import { Signal } from './state';

export type Verdict = 'step_up' | 'repeat' | 'step_back' | 'paused' | 'set' | 'propose' | 'move';

export interface Decision {
  id: number;
  program: string;
  kind: 'rule' | 'override' | 'stage';
  routine: 'morning' | 'evening' | null;
  date: string;
  verdict: Verdict;
  reasons: string[];
  stage: number;
  sentence: string;
  changes: { exercise: string; from: number; to: number; what: string }[];
  offer_flare: boolean;
  note: string;
  // Null for a rule decision shown to a clinician who is not shown the diary.
  inputs: Record<string, unknown> | null;
  decided_at: string;
  channel: string;
  // Who set it by hand, when not the person themself: a clinician they share with.
  author: { id: number | null; name: string } | null;
}

export interface ProgressExercise {
  exercise: string;
  name: string;
  listed: string;
  listed_name: string;
  level: number;
  levels: number;
  dose: string;
}

export interface Progress {
  program: string;
  program_name: string;
  stage: number;
  stages: number;
  stage_name: string;
  stage_exit: string | null;
  levels: Record<string, number>;
  stage_criteria: {
    days_in_stage: number;
    days_met: boolean;
    top_level_sessions: number;
    sessions_met: boolean;
    mornings_met: boolean;
    met: boolean;
  };
  criteria: { met: boolean; text: string }[];
  stage_proposed: boolean;
  proposal: Decision | null;
  flare_offered: boolean;
  flare_offer: Decision | null;
  waiting: string[];
  decisions: Decision[];
  routines: { routine: 'morning' | 'evening'; title: string; exercises: ProgressExercise[] }[];
  rule: string;
}

export interface DecisionList {
  decisions: Decision[];
  rule: string;
}

// What a save returns when it made decisions (POST /api/entries, /api/sessions).
export interface DecisionsMade {
  progression?: Decision[];
  progression_waits?: string;
}

export const progressApi = {
  progress: (limit = 6) => request<Progress>('GET', `/api/progress?limit=${limit}`),
  decisions: (day?: string) =>
    request<DecisionList>('GET', day ? `/api/progress/decisions?day=${encodeURIComponent(day)}` : '/api/progress/decisions'),
  setLevel: (exercise: string, level: number, note: string) =>
    request<Decision>('POST', '/api/progress/level', { body: { exercise, level, note } }),
  setStage: (stage: number, note: string) => request<Decision>('POST', '/api/progress/stage', { body: { stage, note } }),
  confirm: () => request<Decision>('POST', '/api/progress/confirm', { body: {} }),
};

// Decisions the last saves made, for the notice on Today until dismissed.
export const decisionsMade = new Signal<Decision[]>([]);

// Keeps the decisions a save made (if any) and says how many there were.
export function noteDecisions(saved: (Created | SessionRecord) & DecisionsMade): number {
  const made = saved.progression ?? [];
  if (made.length > 0) decisionsMade.set([...made, ...decisionsMade.value.filter((d) => !made.some((m) => m.id === d.id))]);
  return made.length;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  step_up: 'Step up',
  repeat: 'Same again',
  step_back: 'Step back',
  paused: 'Paused',
  set: 'Set by hand',
  propose: 'Stage ready',
  move: 'Stage begun',
};

// "Morning routine", "Evening routine", "Stage" or "Level".
export function decisionSubject(d: Decision): string {
  if (d.routine) return d.routine === 'morning' ? 'Morning routine' : 'Evening routine';
  return d.kind === 'override' ? 'Level' : 'Stage';
}
