// What questionnaire scores mean, in plain words: the range and which way is
// better, what counts as an important change (the instrument's minimal
// important change, with its source), and a change's verdict in a few words.
import type { Questionnaire, ScoreChange } from './api_questionnaires';

function amount(n: number, unit: string): string {
  const v = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return unit === '%' ? `${v}%` : v;
}

// "Scores run from 0% to 100%; lower is better."
export function scoreRange(q: Questionnaire): string {
  return `Scores run from ${amount(q.min_score, q.unit)} to ${amount(q.max_score, q.unit)}; ${q.better} is better.`;
}

// What counts as an important change, in words, with where it comes from.
export function importantChange(q: Questionnaire): string {
  const mic = q.minimal_important_change;
  if (!mic) return q.change_note ? `${q.change_note.charAt(0).toUpperCase()}${q.change_note.slice(1)}.` : '';
  const parts: string[] = [];
  if (mic.points !== null) parts.push(`${amount(mic.points, '')} point${mic.points === 1 ? '' : 's'}`);
  if (mic.percent !== null) parts.push(`${amount(mic.percent, '')}% of your first score`);
  return `A change of at least ${parts.join(' or ')} counts as an important change (${mic.source}).`;
}

export const VERDICTS: Record<ScoreChange['verdict'], string> = {
  important_improvement: 'An important improvement',
  important_worsening: 'An important worsening',
  within: 'Smaller than an important change',
  unchanged: 'No change',
  no_threshold: 'Change',
};

