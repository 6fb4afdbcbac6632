// Standard questionnaires over the API (docs/questionnaires.md): the shapes of
// `daybreak questionnaire list|show|take|history --json`, which the server
// answers with the same JSON, and their calls.
import { request, type Hint } from './api';

export type ItemKind = 'choice' | 'number' | 'minutes';

export interface QuestionnaireItem {
  id: string;
  label: string; // a short label: never the copyrighted wording
  kind: ItemKind;
  required: boolean;
  constructs: string[];
  allowed: string;
  text?: string; // daybreak's own question, or the licensed wording once installed
  options?: { code: string; label: string }[];
  min?: number;
  max?: number;
  anchors?: string[]; // licensed wording: one text per value from min to max
}

export interface MinimalChange {
  points: number | null;
  percent: number | null;
  percent_needs_points: number | null; // the percentage counts only with a change of at least this many points
  source: string;
}

export interface Questionnaire {
  id: string;
  name: string;
  abbreviation: string;
  version: string;
  recall: string;
  description: string;
  source: string;
  licence: string;
  licensed_wording: boolean;
  scoring: 'sum' | 'percent' | 'mean' | 'weighted_sum';
  unit: string;
  better: 'lower' | 'higher';
  min_score: number;
  max_score: number;
  items: QuestionnaireItem[];
  bands: { id: string; label: string; when: string }[];
  activities?: { max_activities: number; min: number; max: number; anchors: string };
  minimal_important_change?: MinimalChange;
  change_note?: string;
  wording_notice?: string;
}

export interface QuestionnaireResponse {
  id: number;
  instrument: string;
  version: string;
  taken_at: string;
  channel: string;
  score: number;
  shown: string;
  band: string;
  band_label?: string;
  subscales: Record<string, number>;
  answered: number;
  skipped: number;
  notes: string[];
  answers: { item: string; choice?: string; value?: number; skipped?: boolean }[];
}

export type Verdict = 'unchanged' | 'within' | 'important_improvement' | 'important_worsening' | 'no_threshold' | 'too_soon';

export interface ScoreChange {
  baseline: number;
  latest: number;
  change: number;
  percent?: number;
  sentence: string;
  verdict: Verdict;
}

export interface QuestionnaireOffer {
  id: string;
  name: string;
  abbreviation: string;
  version: string;
  offered: boolean;
  licensed_wording: boolean;
  why_not?: string;
  hint?: Hint;
  last?: QuestionnaireResponse;
}

export interface RecordedResponse extends QuestionnaireResponse {
  since_first?: ScoreChange;
}

export interface QuestionnaireHistory {
  instrument: string;
  responses: QuestionnaireResponse[];
  since_first?: ScoreChange;
  since_previous?: ScoreChange;
  compared_activities?: { activity: string; before: number; after: number }[];
  not_compared?: string[];
}

// What is sent: an answer per item (an option's code, a number, or null to
// skip), or the PSFS activities with their ratings.
export type ItemAnswers = Record<string, string | number | null>;
export interface ActivityRating {
  activity: string;
  rating: number | undefined;
}

export const questionnaireApi = {
  list: () => request<QuestionnaireOffer[]>('GET', '/api/questionnaires'),
  show: (id: string) => request<Questionnaire>('GET', `/api/questionnaires/${encodeURIComponent(id)}`),
  history: (id?: string) =>
    request<QuestionnaireHistory[]>('GET', `/api/questionnaires/history${id ? `?id=${encodeURIComponent(id)}` : ''}`),
  previousActivities: () => request<{ instrument: 'psfs'; activities: string[] }>('GET', '/api/questionnaires/psfs/activities'),
  record: (id: string, body: { answers?: ItemAnswers; activities?: ActivityRating[]; from_paper?: boolean }) =>
    request<RecordedResponse>('POST', `/api/questionnaires/${encodeURIComponent(id)}/responses`, { body }),
};
