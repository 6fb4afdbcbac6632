// What questionnaire scores mean, in plain words: the range and which way is
// better, what counts as an important change (the instrument's minimal
// important change, with its source), and a change's verdict in a few words.
import type { Questionnaire, ScoreChange } from './api_questionnaires';
import { whose } from './clinic_words';

// A questionnaire as the object of a sentence: "the ODI questionnaire", "the
// Stiffness questionnaire". Its abbreviation alone is not always a noun that
// can be taken ("Take the Stiffness").
export function theQuestionnaire(q: Pick<Questionnaire, 'abbreviation'>): string {
  return `the ${q.abbreviation} questionnaire`;
}

function amount(n: number, unit: string): string {
  const v = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return unit === '%' ? `${v}%` : v;
}

// "Scores run from 0% to 100%; lower is better."
export function scoreRange(q: Questionnaire): string {
  return `Scores run from ${amount(q.min_score, q.unit)} to ${amount(q.max_score, q.unit)}; ${q.better} is better.`;
}

function points(n: number): string {
  return `${amount(n, '')} point${n === 1 ? '' : 's'}`;
}

// What counts as an important change, in words, with where it comes from.
// A percentage may need a change of some points too (the pain's 30% counts
// only from 1 point: 30% of a low baseline is a fraction of a point), as
// the server judges it. A clinician viewing a person reads of the person's
// first score.
export function importantChange(q: Questionnaire, viewed: { name: string } | null = null): string {
  const mic = q.minimal_important_change;
  if (!mic) return q.change_note ? `${q.change_note.charAt(0).toUpperCase()}${q.change_note.slice(1)}.` : '';
  const floor = mic.percent_needs_points ?? null;
  let percent = mic.percent === null ? null : `${amount(mic.percent, '')}% of ${whose(viewed, 'first score', true)}`;
  if (percent !== null && floor !== null) percent += ` and at least ${points(floor)}`;
  const either =
    mic.points === null
      ? (percent ?? '')
      : percent === null
        ? points(mic.points)
        : floor === null
          ? `${points(mic.points)} or ${percent}`
          : `${points(mic.points)}, or of ${percent},`; // the floor is the percentage's alone
  return `A change of at least ${either} counts as an important change (${mic.source}).`;
}

export const VERDICTS: Record<ScoreChange['verdict'], string> = {
  important_improvement: 'An important improvement',
  important_worsening: 'An important worsening',
  within: 'Smaller than an important change',
  unchanged: 'No change',
  no_threshold: 'Change',
  too_soon: 'Too soon to judge',
};

