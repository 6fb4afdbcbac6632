// The words of sharing in a clinic (src/sharing_words.ts): a grant's line on
// More, a line of "Who looked at my data", and the clinician's list.
import { describe, expect, it } from 'vitest';

import type { AccessEvent, Grant } from '../src/account';
import {
  accessGroupLine,
  accessLine,
  grantLine,
  groupAccess,
  lastMorningText,
  listWords,
  sharesText,
  untilText,
  whatWords,
} from '../src/sharing_words';

const berg = { id: 7, login: 'dr.berg', name: 'Dr Berg' };
const anna = { id: 3, login: 'anna', name: 'Anna' };
const now = new Date('2026-12-03T10:06:00Z');
const grant: Grant = {
  id: 1,
  clinician: berg,
  person: anna,
  scope: ['all'],
  created_at: '2026-12-03T09:00:00Z',
  until: null,
  revoked_at: null,
  active: true,
};

describe('a grant in words', () => {
  it('says what, until when and since when, in the diary zone', () => {
    expect(grantLine(grant, 'Europe/Berlin', now)).toBe('Everything, until you stop it. Shared today at 10:00.');
    expect(grantLine({ ...grant, scope: ['diary', 'program'], until: '2027-03-01' }, 'Europe/Berlin', now)).toBe(
      'Diary, program and sessions, until Monday 1 March 2027. Shared today at 10:00.',
    );
  });
  it('says when it was stopped, or that it ended', () => {
    expect(grantLine({ ...grant, active: false, revoked_at: '2026-12-02T21:10:00Z' }, 'Europe/Berlin', now)).toBe(
      'Everything. You stopped sharing yesterday at 22:10.',
    );
    expect(grantLine({ ...grant, active: false, until: '2026-11-30' }, 'Europe/Berlin', now)).toBe(
      'Everything. Ended after Monday 30 November 2026.',
    );
  });
  it('words the last day', () => {
    expect(untilText(null)).toBe('until you stop it');
    expect(untilText('2027-03-01')).toBe('until Monday 1 March 2027');
  });
});

describe('who looked', () => {
  const event: AccessEvent = { at: '2026-12-03T10:00:00Z', who: berg, action: 'read', what: 'your diary', outcome: 'allowed', source: '10.0.0.4' };
  it('says who did what', () => {
    expect(accessLine(event)).toBe('Dr Berg looked at your diary');
    expect(accessLine({ ...event, action: 'export', what: 'your report' })).toBe('Dr Berg exported your report');
  });
  it('words a record that names the route', () => {
    expect(accessLine({ ...event, what: 'GET /api/today' })).toBe('Dr Berg looked at your day');
    expect(whatWords('GET /api/entries?from=2026-11-01&to=2026-11-23')).toBe('your diary');
    expect(whatWords('GET /api/report.pdf?from=2026-11-01')).toBe('your report');
    expect(whatWords('POST /api/progress/level')).toBe('your progress');
    expect(whatWords('GET /api/something-new')).toBe('your data');
    // Bug: it said the clinician saw "your last morning" of a person who
    // shares no diary; the list shows only what is shared.
    expect(whatWords('GET /api/people')).toContain('of what you share');
    expect(whatWords('your questionnaires')).toBe('your questionnaires');
  });
  it('says when it was not allowed', () => {
    expect(accessLine({ ...event, outcome: 'refused' })).toBe('Dr Berg tried to look at your diary: not allowed');
  });
});

describe('who looked, one line per look', () => {
  const at = (time: string, what: string, extra: Partial<AccessEvent> = {}): AccessEvent => ({
    at: `2026-12-03T${time}Z`,
    who: berg,
    action: 'read',
    what,
    outcome: 'allowed',
    source: '10.0.0.4',
    ...extra,
  });
  it('joins what one screen read at once, newest first', () => {
    const groups = groupAccess([
      at('10:00:02', 'GET /api/today'),
      at('10:00:01', 'GET /api/program'),
      at('10:00:01', 'GET /api/today'),
      at('10:00:00', 'GET /api/safety'),
      at('09:00:00', 'GET /api/entries?from=2026-11-01'),
    ]);
    expect(groups.map(accessGroupLine)).toEqual([
      'Dr Berg looked at your day, your program and your safety checks',
      'Dr Berg looked at your diary',
    ]);
    expect(groups[0]!.count).toBe(4);
    expect(groups[0]!.at).toBe('2026-12-03T10:00:02Z');
  });
  it('keeps apart another person, another action and a refusal', () => {
    const lund = { id: 8, login: 'dr.lund', name: 'Dr Lund' };
    const groups = groupAccess([
      at('10:00:03', 'GET /api/today', { outcome: 'refused' }),
      at('10:00:02', 'GET /api/today', { who: lund }),
      at('10:00:01', 'GET /api/report.pdf', { action: 'export' }),
      at('10:00:00', 'GET /api/today'),
    ]);
    expect(groups.map(accessGroupLine)).toEqual([
      'Dr Berg tried to look at your day: not allowed',
      'Dr Lund looked at your day',
      'Dr Berg exported your report',
      'Dr Berg looked at your day',
    ]);
  });
  it('lists in words', () => {
    expect(listWords([])).toBe('');
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});

describe('the clinician’s list', () => {
  it('says when the last morning was logged and what is shared', () => {
    expect(lastMorningText({ scope: ['all'], last_morning: '2026-11-15' })).toBe('Last morning logged: Sunday 15 November');
    expect(lastMorningText({ scope: ['diary'], last_morning: null })).toBe('No morning logged yet');
    expect(sharesText({ scope: ['all'], until: null })).toBe('Shares everything');
    expect(sharesText({ scope: ['questionnaires', 'diary'], until: '2027-03-01' })).toBe(
      'Shares diary, questionnaires, until Monday 1 March 2027',
    );
  });
});

// Bug: the list of people said "No morning logged yet" of a person who
// shares only their program (or only questionnaires...): the server sends
// last_morning null when the diary is not shared, not only when nothing is
// logged.
describe('a person sharing only the program is not told "No morning logged yet"', () => {
  it('says the diary is not shared, whatever else is', () => {
    expect(lastMorningText({ scope: ['program'], last_morning: null })).toBe('Diary not shared');
    expect(lastMorningText({ scope: ['questionnaires', 'safety'], last_morning: null })).toBe('Diary not shared');
    expect(lastMorningText({ scope: ['program', 'diary'], last_morning: null })).toBe('No morning logged yet');
    expect(lastMorningText({ scope: ['all'], last_morning: null })).toBe('No morning logged yet');
  });
});
