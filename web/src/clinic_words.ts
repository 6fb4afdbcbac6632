// Words for a clinician's screens of a person and for what a clinician
// changed in a person's program (issue 21): whose screen this is, who set a
// decision by hand, and the change a person is told about on Today. Where a
// screen speaks to the person ("your diary", "log it on waking"), its words
// for a clinician viewing them are here too: of the person, by name or
// "they", never "you". Plain functions, so the unit tests read them without
// a browser.
import { type Part, PART_LABELS, type Scope, SCOPES } from './account';
import type { Period, PeriodStatus } from './api';
import type { Decision } from './api_progress';
import { addDays, longDate, PERIOD_HINTS, STATUS_LABELS } from './format';
import { listWords } from './sharing_words';

// "Anna’s", as the banner says it.
export function possessive(name: string): string {
  return `${name}’s`;
}

// "Your progress", or "Anna’s progress" while a clinician views Anna; within
// a sentence "your progress".
export function whose(viewed: { name: string } | null, what: string, inSentence = false): string {
  if (viewed) return `${possessive(viewed.name)} ${what}`;
  return `${inSentence ? 'your' : 'Your'} ${what}`;
}

// What a period covers, on Today. The person is told when to log the night;
// a clinician viewing them logs nothing, and reads what the night is about.
export function periodHint(period: Period, viewing: boolean): string {
  return viewing && period === 'night' ? 'How they slept' : PERIOD_HINTS[period];
}

// A period's badge on Today: "From 14:00" while the afternoon or the evening
// is not yet asked for (not a bare "Later" under "Midday to late afternoon"),
// "Not logged yet" to a clinician viewing, who logs nothing.
export function periodBadge(status: PeriodStatus | 'queued', from: string | undefined, viewing: boolean): string {
  if (viewing && (status === 'due' || status === 'later')) return 'Not logged yet';
  if (status === 'later' && from) return `From ${from}`;
  return STATUS_LABELS[status];
}

// See, when morning stiffness often lasts long: worth a doctor's look, never
// a diagnosis (clinical.md, Safety). Said to a clinician without "your doctor".
export function longStiffnessText(viewed: { name: string } | null, minutes: number): string {
  const what = `Morning stiffness that often lasts more than ${minutes} minutes`;
  return viewed ? `${what} is worth a doctor’s look.` : `${what} is worth mentioning to your doctor.`;
}

// Whether a grant's scope covers a part of the person's data.
export function shares(scope: readonly Scope[], part: Part): boolean {
  return scope.includes('all') || scope.includes(part);
}

// Insights' own words, around the statements GET /api/insights gives (which
// speak of the person to a clinician already). Where the person is asked to
// log, a clinician is told what there is, or what logging would show.
export const insightsWords = {
  source: (viewed: { name: string } | null): string =>
    `From ${whose(viewed, 'own diary', true)}: what went together, not what caused what.`,
  // To a clinician only: the person is shown the way to Log.
  nothingLogged: (name: string): string => `${name} logged nothing in this range.`,
  nothingToCompare: (viewed: { name: string } | null): string =>
    viewed
      ? `Nothing to compare yet. When ${viewed.name} logs sleep position, mattress and pillows with the night, and walking and sitting with the day, this shows how each goes with the next morning.`
      : 'Nothing to compare yet. Log your sleep position, mattress and pillows with the night, walking and sitting with the day, and this shows how each goes with the next morning.',
  hypothesis: (viewed: { name: string } | null): string =>
    `Each of these is a hypothesis, not a finding: a pillow tried when the pain peaked looks good as the pain settles by itself, and ${viewed ? 'what they do may follow how they feel' : 'what you do may follow how you feel'}. An experiment, with A and B in random order, can tell.`,
};

// Progress in the last stage: the person is cheered on, a clinician told.
export function lastStageText(viewed: { name: string } | null): string {
  return viewed ? 'This is the last stage.' : 'This is the last stage: keep it up.';
}

// A questionnaire's scores over time: a clinician is not asked to take it.
export const scoresWords = {
  notTaken: (name: string, questionnaire: string): string => `${name} has not taken ${questionnaire} yet.`,
  oneScore: (viewed: { name: string } | null): string =>
    viewed ? 'One score so far.' : 'One score so far: take it again later to see how it changes.',
};

// What a decision set by hand changed, without "Set by hand" or its note:
// "Cat–camel: level 1 to 2", "stage 2".
export function changeText(d: Decision): string {
  if (d.changes.length > 0) return d.changes.map((c) => c.what).join('; ');
  return `stage ${d.stage}`;
}

// Who set a decision by hand, for the decision's line: the person reads "your
// clinician Dr Berg", a clinician the name alone. Null when the person did,
// or the program's rule.
export function authorLine(d: Decision, viewing: boolean): string | null {
  if (!d.author) return null;
  return viewing ? `Set by ${d.author.name}` : `Set by your clinician ${d.author.name}`;
}

// The newest change a clinician made to the person's program in the last
// `days` days (today included), unless the person has put it away: what
// Today tells them about. Decisions come newest first, as GET /api/progress
// lists them.
export function clinicianChange(decisions: readonly Decision[], today: string, dismissed: readonly number[], days = 14): Decision | null {
  const since = addDays(today, -(days - 1));
  const d = decisions.find((x) => x.author !== null);
  if (!d || d.date < since || dismissed.includes(d.id)) return null;
  return d;
}

// "Dr Berg changed your program on Monday 23 November: Cat–camel: level 1 to 2."
export function clinicianChangeText(d: Decision): string {
  const who = d.author?.name ?? 'Your clinician';
  return `${who} changed your program on ${longDate(d.date)}: ${changeText(d)}.`;
}

// Said when the server refused a request about the person viewed because they
// shared less than when the view began (`before`, if known) or nothing now
// (`now` null): what they stopped sharing.
export function notSharedText(name: string, before: readonly Scope[] | undefined, now: readonly Scope[] | null): string {
  if (!now || now.length === 0) return `${name} no longer shares their data with you, so nothing of it is shown here.`;
  const rest = 'Only what they share with you now is shown.';
  if (before?.includes('all') && !now.includes('all')) return `${name} no longer shares everything with you. ${rest}`;
  const stopped = SCOPES.filter((p) => before?.includes(p) && !shares(now, p)).map((p) => PART_LABELS[p].toLowerCase());
  if (stopped.length === 0) return `${name} does not share that with you, or no longer does. ${rest}`;
  return `${name} no longer shares their ${listWords(stopped)} with you. ${rest}`;
}
