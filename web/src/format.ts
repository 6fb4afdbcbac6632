// Words and numbers for people: dates, times, the diary's choices, and the
// one-line summary of an entry. Dates are calendar dates (YYYY-MM-DD) in the
// person's zone, as the server gives them; they are formatted as UTC so the
// browser's own zone can never shift them by a day.

import { ApiError, type FieldDef, type Fields, type Period, type PeriodStatus, type Problem, type Routine } from './api';

const LOCALE = 'en-GB';

function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// Whether a text is a calendar date written YYYY-MM-DD that exists
// ("2026-02-30", "2026-13-45" and "abc" do not).
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

// "Monday 23 November"
export function longDate(date: string): string {
  return utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
}

// "Monday", in the app's language (never the browser's).
export function weekdayOf(date: string): string {
  return utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', weekday: 'long' });
}

// A text of daybreak's with its dates in words: "the last was on 2026-11-16"
// reads "the last was on Monday 16 November", "2026-11-20 07:30" reads
// "Friday 20 November at 07:30", with the year when it is not this one. The
// safety gate's reasons say days of the diary's own calendar (the server
// writes them on the diary's clock), so only their words change.
export function datesInWords(text: string, thisYear: number = new Date().getFullYear()): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})(?: (\d{2}:\d{2}))?\b/g, (whole, y: string, m: string, d: string, time?: string) => {
    const date = `${y}-${m}-${d}`;
    if (!isCalendarDate(date)) return whole;
    const day = Number(y) === thisYear ? longDate(date) : dayWithYear(date);
    return time ? `${day} at ${time}` : day;
  });
}

// "Mon 23 Nov"
export function shortDate(date: string): string {
  return utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
}

// "Monday 1 March 2027"
export function dayWithYear(date: string): string {
  return `${longDate(date)} ${date.slice(0, 4)}`;
}

// "23 Nov"
export function dayMonth(date: string): string {
  return utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

export function addDays(date: string, days: number): string {
  const d = utcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcDate(to).getTime() - utcDate(from).getTime()) / 86_400_000);
}

// Unix seconds at 00:00 UTC of a calendar date: the x value of a chart point.
export function dayStamp(date: string): number {
  return utcDate(date).getTime() / 1000;
}

// "2026-11-22T23:10:00+01:00" -> "23:10": the wall-clock time where it was
// recorded, which is what the person wrote. Already "HH:MM" stays as it is.
export function clockOf(time: string | undefined): string {
  if (!time) return '';
  const m = /T(\d{2}:\d{2})/.exec(time);
  return m ? m[1]! : time.slice(0, 5);
}

// "Stage 1 of 4: Wake up gently": a stage as every screen names it, from the
// API's stage_name (GET /api/program and /api/progress give the same).
export function stageTitle(p: { stage: number; stages: number; stage_name: string }): string {
  return `Stage ${p.stage} of ${p.stages}: ${p.stage_name}`;
}

// "1 h 30 min", "45 min"
export function minutes(total: number): string {
  if (total < 60) return `${total} min`;
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

// A routine's one name, on every screen (the CLI's words: the flare-day
// routine, never a "bad-morning" one).
export const ROUTINE_LABELS: Record<Routine, string> = {
  morning: 'Morning routine',
  evening: "Tonight's routine",
  flare: 'Flare-day routine',
};

export const PERIOD_LABELS: Record<Period, string> = {
  night: 'Night',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
};

export const PERIOD_HINTS: Record<Period, string> = {
  night: 'How you slept; log it on waking',
  morning: 'On waking and the first hour',
  afternoon: 'Midday to late afternoon',
  evening: 'Before bed',
};

export const STATUS_LABELS: Record<PeriodStatus | 'queued', string> = {
  logged: 'Logged',
  due: 'To log',
  later: 'Later',
  missed: 'Not logged',
  queued: 'Waiting to send',
};


// A choice as a form shows it: its label from the catalogue ("back_left" ->
// "Lower back, left"), or else the word itself ("spasm" -> "Spasm").
export function choiceLabel(word: string, field?: Pick<FieldDef, 'choices' | 'choice_labels'>): string {
  const i = field?.choices?.indexOf(word) ?? -1;
  const known = i >= 0 ? field?.choice_labels?.[i] : undefined;
  if (known) return known;
  const text = word.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Times pain woke the person, as the CLI words the field ("woken by pain
// 2x"): "not woken by pain", "woken by pain once", "woken by pain 2×".
export function awakeningsText(n: number): string {
  if (n === 0) return 'not woken by pain';
  return n === 1 ? 'woken by pain once' : `woken by pain ${n}×`;
}

// The few numbers that matter most, for a card: "pain 5/10 · stiffness 45 min · severity 6/10"
export function entrySummary(period: Period, f: Fields): string {
  const parts: string[] = [];
  if (f.pain !== undefined) parts.push(`pain ${f.pain}/10`);
  if (period === 'morning') {
    if (f.stiffness_minutes !== undefined) parts.push(`stiff ${minutes(f.stiffness_minutes)}`);
    if (f.still_stiff) parts.push('still stiff');
    if (f.stiffness_severity !== undefined) parts.push(`severity ${f.stiffness_severity}/10`);
  }
  if (period === 'night') {
    if (f.bedtime && f.wake_time) parts.push(`${clockOf(f.bedtime)}–${clockOf(f.wake_time)}`);
    if (f.awakenings !== undefined) parts.push(awakeningsText(f.awakenings));
    if (f.sleep_quality !== undefined) parts.push(`sleep ${f.sleep_quality}/10`);
  }
  if (f.medications?.length) parts.push(f.medications.map((m) => m.name).join(', '));
  return parts.join(' · ');
}

// Characters as daybreak counts them: code points, not UTF-16 units (an emoji
// is one), as the server does for a text's limit.
export function charCount(text: string): number {
  return [...text].length;
}

// "1,999 / 2,000", and past the limit by how much (not said by colour alone).
export function characterCount(n: number, max: number): string {
  const count = `${n.toLocaleString(LOCALE)} / ${max.toLocaleString(LOCALE)}`;
  if (n <= max) return count;
  const over = n - max;
  return `${count} · ${over.toLocaleString(LOCALE)} ${over === 1 ? 'character' : 'characters'} too many`;
}

// A field's problem in one sentence: "'11' is not allowed: a whole number from 0 to 10".
export function fieldMessage(p: { value: string; allowed: string }): string {
  return p.value === '' ? `Needed: ${p.allowed}.` : `'${p.value}' is not allowed. Allowed: ${p.allowed}.`;
}

// What went wrong, for a summary at the top of a form.
export function problemSummary(problem: Problem): string {
  const count = problem.errors?.length ?? 0;
  const base = problem.detail ?? problem.title;
  if (count === 0) return sentence(base);
  return `${sentence(base)} ${count === 1 ? 'One value needs' : `${count} values need`} a look.`;
}

// daybreak did not answer at all (offline, stopped, timed out), in the words
// every screen says it with.
export const UNREACHABLE = 'daybreak cannot be reached. Please try again in a moment.';

// What went wrong with a request, in a sentence: the server's problem when it
// answered, else that it cannot be reached (only then).
export function errorText(e: unknown): string {
  return e instanceof ApiError ? problemSummary(e.problem) : UNREACHABLE;
}

// Why what a screen shows could not be loaded, in one sentence that says each
// thing once: `what` ("Your progress cannot be loaded"), then the server's
// problem when it answered, else that daybreak cannot be reached:
// "Your progress cannot be loaded: daybreak cannot be reached. Please try
// again in a moment."
export function loadFailed(what: string, e: unknown): string {
  return `${what}: ${errorText(e)}`;
}

// A capital first and a full stop last ("daybreak" keeps its small d).
export function sentence(text: string): string {
  const t = text.startsWith('daybreak') ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

// An instant (RFC 3339) as the diary's wall clock: the person's zone, not the
// browser's, so a session stands beside the entries of the same morning.
// Without a zone (nothing loaded yet), the browser's.
export function zoned(iso: string, zone: string | undefined): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    ...(zone ? { timeZone: zone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

// "Mon 23 Nov, 07:30" in the diary's zone.
export function zonedStamp(iso: string, zone: string | undefined): string {
  const { date, time } = zoned(iso, zone);
  return `${shortDate(date)}, ${time}`;
}

// "23 Nov 2026, 07:30" in the diary's zone: when a change was recorded.
export function zonedDateTime(iso: string, zone: string | undefined): string {
  const { date, time } = zoned(iso, zone);
  const day = utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
  return `${day}, ${time}`;
}

// The day an instant fell on in the diary's zone, in words, never the
// browser's zone or language: "Monday 23 November", or with `year` (a list
// that spans years) "23 November 2026".
export function zonedDay(iso: string, zone: string | undefined, { year = false } = {}): string {
  const { date } = zoned(iso, zone);
  if (!year) return longDate(date);
  return utcDate(date).toLocaleDateString(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
}

// The time zone this browser is in (undefined if it cannot say).
export function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

// Said beside times in the diary's zone when this browser is in another, so a
// person travelling (or a clinician elsewhere) knows whose clock they read:
// "Times are in the diary’s time zone, Europe/Berlin." ('' when the same).
export function zoneNote(zone: string | undefined, here: string | undefined = browserZone()): string {
  if (!zone || zone === here) return '';
  return `Times are in the diary’s time zone, ${zone.replace(/_/g, ' ')}.`;
}
