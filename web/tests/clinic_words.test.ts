// A clinician's words about a person, and what a person is told of a change
// their clinician made (issue 21).
import { describe, expect, it } from 'vitest';

import type { Decision } from '../src/api_progress';
import {
  authorLine,
  changeText,
  clinicianChange,
  clinicianChangeText,
  periodBadge,
  possessive,
  shares,
  whose,
} from '../src/clinic_words';

const decision = (over: Partial<Decision> = {}): Decision => ({
  id: 1,
  program: 'daybreak',
  kind: 'override',
  routine: null,
  date: '2026-11-23',
  verdict: 'set',
  reasons: ['by_hand'],
  stage: 1,
  sentence: 'Set by hand: Cat–camel: level 1 to 2 (easier on the knees).',
  changes: [{ exercise: 'cat_camel', from: 1, to: 2, what: 'Cat–camel: level 1 to 2' }],
  offer_flare: false,
  note: 'easier on the knees',
  inputs: {},
  decided_at: '2026-11-23T06:30:00Z',
  channel: 'api',
  author: { id: 2, name: 'Dr Berg' },
  ...over,
});

describe('whose screen this is', () => {
  it('names the person a clinician views, and "your" for the person', () => {
    expect(possessive('Anna')).toBe('Anna’s');
    expect(whose({ name: 'Anna' }, 'progress')).toBe('Anna’s progress');
    expect(whose(null, 'progress')).toBe('Your progress');
  });

  it('knows which parts a grant covers', () => {
    expect(shares(['all'], 'safety')).toBe(true);
    expect(shares(['diary', 'program'], 'program')).toBe(true);
    expect(shares(['diary'], 'experiments')).toBe(false);
  });
});

describe('who set a decision', () => {
  it('says "your clinician" to the person and the name alone to a clinician', () => {
    expect(authorLine(decision(), false)).toBe('Set by your clinician Dr Berg');
    expect(authorLine(decision(), true)).toBe('Set by Dr Berg');
  });

  it('says nothing for the person’s own decisions and the rule’s', () => {
    expect(authorLine(decision({ author: null }), false)).toBeNull();
    expect(authorLine(decision({ kind: 'rule', author: null }), true)).toBeNull();
  });

  it('words a level or a stage without "Set by hand" or the note', () => {
    expect(changeText(decision())).toBe('Cat–camel: level 1 to 2');
    expect(changeText(decision({ kind: 'stage', changes: [], stage: 2 }))).toBe('stage 2');
  });
});

describe('the change Today tells the person about', () => {
  const own = decision({ id: 3, author: null, date: '2026-11-23' });
  const berg = decision({ id: 2, date: '2026-11-20' });

  it('is the newest a clinician made, even behind the person’s own', () => {
    expect(clinicianChange([own, berg], '2026-11-23', [])?.id).toBe(2);
    expect(clinicianChangeText(berg)).toBe('Dr Berg changed your program on Friday 20 November: Cat–camel: level 1 to 2.');
  });

  it('is none once put away, too old, or when no clinician changed anything', () => {
    expect(clinicianChange([own, berg], '2026-11-23', [2])).toBeNull();
    expect(clinicianChange([berg], '2026-12-03', [])?.id).toBe(2); // the 14th day, today included
    expect(clinicianChange([berg], '2026-12-04', [])).toBeNull(); // the 15th: too old
    expect(clinicianChange([berg], '2026-12-04', [], 15)?.id).toBe(2);
    expect(clinicianChange([own], '2026-11-23', [])).toBeNull();
  });
});

// Issue: at 12:30 Today's afternoon card said "Later" under "Midday to late
// afternoon", without saying from when it is asked for.
describe('the afternoon said Later at midday without saying when', () => {
  it('says from what time a later period is asked for', () => {
    expect(periodBadge('later', '14:00', false)).toBe('From 14:00');
    expect(periodBadge('later', '20:00', false)).toBe('From 20:00');
    expect(periodBadge('later', undefined, false)).toBe('Later');
    expect(periodBadge('due', undefined, false)).toBe('To log');
    expect(periodBadge('queued', undefined, false)).toBe('Waiting to send');
  });
  it('tells a clinician viewing only that it is not logged yet', () => {
    expect(periodBadge('later', '14:00', true)).toBe('Not logged yet');
    expect(periodBadge('logged', undefined, true)).toBe('Logged');
  });
});
