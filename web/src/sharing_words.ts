// Words for sharing in a clinic (issue 21): a grant's line on More, a line of
// "Who looked at my data, and when", and what a clinician's list says of a
// person. Times are the diary's wall clock, as for paired devices.
import type { AccessEvent, Grant, SharedPerson } from './account';
import { scopeText } from './account';
import { deviceTime } from './api_devices';
import { dayWithYear, longDate } from './format';

// "until Monday 1 March 2027" / "until you stop it"
export function untilText(until: string | null): string {
  return until ? `until ${dayWithYear(until)}` : 'until you stop it';
}

// One line under a grant: what, until when, and since when or when it ended.
export function grantLine(g: Grant, zone: string | undefined, now: Date): string {
  const what = scopeText(g.scope);
  if (g.revoked_at) return `${what}. You stopped sharing ${deviceTime(g.revoked_at, zone, now)}.`;
  if (!g.active) return `${what}. Ended${g.until ? ` after ${dayWithYear(g.until)}` : ''}.`;
  return `${what}, ${untilText(g.until)}. Shared ${deviceTime(g.created_at, zone, now)}.`;
}

const ACTION_WORDS: Record<AccessEvent['action'], { done: string; tried: string }> = {
  read: { done: 'looked at', tried: 'look at' },
  export: { done: 'exported', tried: 'export' },
  change: { done: 'changed', tried: 'change' },
};

// What of the person's a route is about, for a record that names the route
// itself ("GET /api/entries?from=..."): the first part of its path.
const ROUTE_WORDS: Record<string, string> = {
  today: 'your day',
  entries: 'your diary',
  fields: 'the diary’s questions',
  'sleep-items': 'your sleep set-up',
  profile: 'your profile',
  program: 'your program',
  'session-plans': 'your program',
  sessions: 'your sessions',
  progress: 'your progress',
  safety: 'your safety checks',
  questionnaires: 'your questionnaires',
  insights: 'your insights',
  experiments: 'your experiments',
  report: 'your report',
  'report.pdf': 'your report',
  'report.fhir.json': 'your report',
  export: 'all your data',
  'export.fhir.json': 'all your data',
  check: 'your database',
  people: 'you in their list of people (of what you share: what needs attention, your last morning)',
};

// "your diary" as it is, or "GET /api/entries?from=..." in words.
export function whatWords(what: string): string {
  const m = /^(?:[A-Z]+\s+)?\/api\/([^/?#\s]+)/.exec(what.trim());
  if (!m) return what;
  return ROUTE_WORDS[m[1]!] ?? 'your data';
}

// "Dr Berg looked at your diary" / "Dr Berg tried to look at your diary: not allowed"
export function accessLine(e: AccessEvent): string {
  const words = ACTION_WORDS[e.action] ?? { done: e.action, tried: e.action };
  const what = whatWords(e.what);
  if (e.outcome === 'refused') return `${e.who.name} tried to ${words.tried} ${what}: not allowed`;
  return `${e.who.name} ${words.done} ${what}`;
}

// "Last morning logged: Sunday 15 November" / "No morning logged yet", or
// "Diary not shared": the server says no last morning of a person whose
// diary it may not read, logged or not.
export function lastMorningText(p: Pick<SharedPerson, 'last_morning' | 'scope'>): string {
  if (p.last_morning) return `Last morning logged: ${longDate(p.last_morning)}`;
  const diary = p.scope.includes('all') || p.scope.includes('diary');
  return diary ? 'No morning logged yet' : 'Diary not shared';
}

// "Shares everything" / "Shares diary, questionnaires, until Monday 1 March 2027"
export function sharesText(p: Pick<SharedPerson, 'scope' | 'until'>): string {
  return `Shares ${scopeText(p.scope).toLowerCase()}${p.until ? `, ${untilText(p.until)}` : ''}`;
}

// Looking at one screen reads several things at once (Today asks for the day,
// the program, the safety checks...): consecutive records of the same person
// doing the same within ten minutes read as one line, newest first.
export interface AccessGroup {
  at: string; // the newest record's time
  who: AccessEvent['who'];
  action: AccessEvent['action'];
  outcome: AccessEvent['outcome'];
  whats: string[]; // in words, each once
  sources: string[];
  count: number;
}

const GROUP_MS = 10 * 60_000;

export function groupAccess(events: AccessEvent[]): AccessGroup[] {
  const groups: AccessGroup[] = [];
  for (const e of events) {
    const last = groups[groups.length - 1];
    const what = whatWords(e.what);
    const close = last && Math.abs(Date.parse(last.at) - Date.parse(e.at)) <= GROUP_MS;
    if (last && close && last.who.id === e.who.id && last.action === e.action && last.outcome === e.outcome) {
      if (!last.whats.includes(what)) last.whats.push(what);
      if (e.source && !last.sources.includes(e.source)) last.sources.push(e.source);
      last.count++;
    } else {
      groups.push({ at: e.at, who: e.who, action: e.action, outcome: e.outcome, whats: [what], sources: e.source ? [e.source] : [], count: 1 });
    }
  }
  return groups;
}

// "your day, your program and your safety checks"
export function listWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// One group as a line: "Dr Berg looked at your day and your program".
export function accessGroupLine(g: AccessGroup): string {
  return accessLine({ at: g.at, who: g.who, action: g.action, outcome: g.outcome, what: listWords(g.whats), source: '' });
}
