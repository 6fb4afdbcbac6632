// What the safety screen says about the gate, rendered from the shape GET
// /api/safety answers (docs/openapi.yaml SafetyGate).
import { h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import type { SafetyCheckResult, SafetyGate } from '../src/api';
import { datesInWords } from '../src/format';
import { AfterNoWarningSigns, GateNotice, GateSummary, OutcomeWords, personOkSentence, ReviewedSigns } from '../src/screens/safety';
import { find, render, text } from './tree';

// The parts under test take the gate as props; the app's state (with its
// outbox in localStorage) is not part of these tests.
vi.mock('../src/state', () => ({}));

const ok: SafetyGate = {
  status: 'ok',
  session_allowed: true,
  progression_allowed: true,
  reasons: [],
  emergency: [],
  urgent: [],
  reviewed: [],
  unchecked_leg_entries: [],
  last_full_check: '2026-11-23T06:30:00Z',
  next_full_check: '2026-11-30T06:30:00Z',
  last_clinician_review: null,
  emergency_number: '112',
  emergency_number_chosen: true,
};
const zone = 'Europe/Berlin';
const said = (node: Parameters<typeof render>[0]) => text(render(node)).replace(/\s+/g, ' ').trim();

describe('the safety screen', () => {
  // Issue: Today's safety card said "the last was on 2026-11-16", an ISO
  // date, where the rest of the app writes days in words.
  it('says the days of the gate’s reasons in words (the last was on 2026-11-16)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T06:30:00Z'));
    try {
      const due: SafetyGate = { ...ok, status: 'check_needed', reasons: ['the weekly safety check is due (the last was on 2026-11-16)'] };
      expect(said(h(GateSummary, { gate: due, zone }))).toContain('the weekly safety check is due (the last was on Monday 16 November)');
    } finally {
      vi.useRealTimers();
    }
    expect(datesInWords('Anna reported fever (full check, 2026-11-20 07:30): see a doctor', 2026)).toBe(
      'Anna reported fever (full check, Friday 20 November at 07:30): see a doctor',
    );
    expect(datesInWords('on the mornings of 2025-12-30 to 2026-01-02, entry 2026-13-45', 2026)).toBe(
      'on the mornings of Tuesday 30 December 2025 to Friday 2 January, entry 2026-13-45',
    );
  });

  it('names the day the next full check is due', () => {
    expect(said(h(GateSummary, { gate: ok, zone }))).toContain('The next full check is due on Monday 30 November;');
    expect(said(h(AfterNoWarningSigns, { gate: ok, zone }))).toContain('The next check is due on Monday 30 November.');
  });

  // Issue "due on ;": with no next full check known (none made yet, the API
  // gives null), the screen read "The next full check is due on ;" and "The
  // next check is due on .".
  it('does not say a check is due on no day ("due on ;")', () => {
    const none = { ...ok, last_full_check: null, next_full_check: null };
    for (const sentence of [said(h(GateSummary, { gate: none, zone })), said(h(AfterNoWarningSigns, { gate: none, zone }))]) {
      expect(sentence).not.toMatch(/due on\s*[;.]/);
      expect(sentence).not.toContain('due on');
      expect(sentence).toMatch(/^(Exercise may go ahead|You can go ahead with your sessions)\./);
    }
  });

  // Issue: paused for an urgent warning sign still waiting for a clinician, a
  // later check with no new warning signs said "You can go ahead with your
  // sessions. Do a session": session_allowed is true while paused, for the
  // flare-day routine only.
  it('does not say to go ahead with sessions after a check while the program is paused', () => {
    const fever = { question: 'fever', label: 'fever', at: '2026-11-20T06:30:00Z', check: 'full' };
    const paused: SafetyGate = {
      ...ok,
      status: 'paused',
      progression_allowed: false,
      urgent: [fever],
      reasons: ['An urgent warning sign waits for a clinician.'],
    };
    const tree = render(h(AfterNoWarningSigns, { gate: paused, zone }));
    expect(text(tree)).not.toContain('go ahead');
    expect(text(tree)).toContain('Exercise is on hold:');
    expect(text(tree)).toContain('An urgent warning sign waits for a clinician.');
  });

  // Issue: a yes to an urgent warning sign a clinician had already seen (one
  // that stays, such as a cancer history) opens no new pause, yet the screen
  // said "Please speak to a doctor within a day. You said yes to: ." (no sign
  // named: none is open) and that only the bad-morning routine was open.
  it('says a sign a clinician has already seen was reported again, not "You said yes to: ."', () => {
    const seen = { question: 'cancer_history', label: 'a history of cancer', reviewed_at: '2026-11-10T09:00:00Z' };
    const result: SafetyCheckResult = {
      check: { id: 7, kind: 'full', at: '2026-11-23T06:30:00Z', result: 'urgent', raised: ['cancer_history'] },
      safety: { ...ok, reviewed: [seen] },
    };
    const words = said(h(OutcomeWords, { result, zone, heading: { current: null } }));
    expect(words).not.toMatch(/yes to:\s*\./);
    expect(words).not.toContain('within a day');
    expect(words).not.toContain('flare-day routine');
    expect(words).toContain(
      'You reported again what a clinician has already seen: a history of cancer. If it has changed or got worse, see a doctor again.',
    );
    expect(words).toContain('You can go ahead with your sessions.');
  });

  it('names the signs this check raised, beside one a clinician has seen', () => {
    const fever = { question: 'fever', label: 'a fever', at: '2026-11-23T06:30:00Z', check: 'full' };
    const seen = { question: 'cancer_history', label: 'a history of cancer', reviewed_at: '2026-11-10T09:00:00Z' };
    const result: SafetyCheckResult = {
      check: { id: 8, kind: 'full', at: '2026-11-23T06:30:00Z', result: 'urgent', raised: ['fever', 'cancer_history'] },
      safety: { ...ok, status: 'paused', urgent: [fever], reviewed: [seen] },
    };
    const words = said(h(OutcomeWords, { result, zone, heading: { current: null } }));
    expect(words).toContain('Please speak to a doctor within a day');
    expect(words).toContain('You said yes to: a fever.');
    expect(words).toContain('only the gentle flare-day routine is open');
    expect(words).toContain('You reported again what a clinician has already seen: a history of cancer.');
  });

  // Issue: with exercise locked by an emergency sign from before, a check that
  // raised an urgent one said "only the gentle bad-morning routine is open".
  it('does not offer the bad-morning routine while exercise is locked', () => {
    const legs = { question: 'both_legs', label: 'symptoms in both legs', at: '2026-11-22T06:30:00Z', check: 'quick' };
    const fever = { question: 'fever', label: 'a fever', at: '2026-11-23T06:30:00Z', check: 'full' };
    const result: SafetyCheckResult = {
      check: { id: 9, kind: 'full', at: '2026-11-23T06:30:00Z', result: 'urgent', raised: ['fever'] },
      safety: { ...ok, status: 'locked', session_allowed: false, emergency: [legs], urgent: [fever] },
    };
    const words = said(h(OutcomeWords, { result, zone, heading: { current: null } }));
    expect(words).toContain('You said yes to: a fever.');
    expect(words).not.toContain('flare-day routine');
    expect(words).toContain('Exercise stays locked until a clinician has seen you.');
  });

  // Issue: a fever raised at the last full check, then seen by a clinician:
  // the gate is ok again, and a clinician viewing the person read "No
  // warning signs at the last check", which that check contradicts; neither
  // screen said which sign a clinician had seen, as `daybreak screen status`
  // does.
  it('does not say "no warning signs at the last check" while a sign a clinician has seen is still reported', () => {
    const seen = { question: 'fever', label: 'a fever', reviewed_at: '2026-11-18T09:00:00Z' };
    const reviewed = { ...ok, last_full_check: '2026-11-17T06:30:00Z', next_full_check: '2026-11-24T06:30:00Z', reviewed: [seen] };
    expect(personOkSentence(reviewed, zone)).toBe('No warning sign is waiting for a clinician; the next full check is due on Tuesday 24 November.');
    expect(personOkSentence(ok, zone)).toBe('No warning signs at the last check; the next full check is due on Monday 30 November.');
    expect(said(h(ReviewedSigns, { gate: reviewed, zone }))).toBe(
      'Seen by a clinician on Wednesday 18 November: a fever. If it changes or gets worse, see a doctor again.',
    );
    expect(said(h(ReviewedSigns, { gate: reviewed, zone, viewed: true }))).toContain('they should see a doctor again.');
    expect(render(h(ReviewedSigns, { gate: ok, zone }))).toEqual([]);
  });

  // Issue: paused, the notice's button said "Flare-day routine" and the
  // check's outcome "bad-morning routine", for the same /session/flare.
  it('names the routine open while paused the same way in the notice and after a check', () => {
    const fever = { question: 'fever', label: 'a fever', at: '2026-11-23T06:30:00Z', check: 'full' };
    const paused: SafetyGate = { ...ok, status: 'paused', progression_allowed: false, urgent: [fever] };
    const result: SafetyCheckResult = {
      check: { id: 10, kind: 'full', at: '2026-11-23T06:30:00Z', result: 'urgent', raised: ['fever'] },
      safety: paused,
    };
    const link = (tree: ReturnType<typeof render>) => find(tree, 'a').find((a) => a.props.href === '/session/flare')!;
    expect(text(link(render(h(GateNotice, { gate: paused })))).toLowerCase()).toBe('flare-day routine');
    expect(text(link(render(h(OutcomeWords, { result, zone, heading: { current: null } }))))).toBe('flare-day routine');
  });
});

// Issue: after a yes to the one-tap question (or any emergency sign), /safety
// showed an amber "Exercise is on hold:" with the reasons and no emergency
// advice, while Today (and `daybreak screen status`) said exercise is locked
// and to call the emergency number now.
describe('the safety screen plays down an emergency lock', () => {
  const legs = { question: 'quick_check', label: 'new bladder, bowel, saddle, sexual or both-leg symptoms', at: '2026-11-23T06:30:00Z', check: 'entry' };
  const locked: SafetyGate = {
    ...ok,
    status: 'locked',
    session_allowed: false,
    progression_allowed: false,
    emergency: [legs],
    reasons: ['you reported an emergency warning sign in the afternoon of 2026-11-23: see a doctor now'],
    emergency_number: '999',
  };

  it('says exercise is locked, with the emergency call, as Today does', () => {
    const tree = render(h(GateSummary, { gate: locked, zone }));
    const words = said(h(GateSummary, { gate: locked, zone }));
    expect(words).not.toContain('on hold');
    expect(words).toContain('Exercise is locked');
    expect(words).toContain('If you have not yet, call 999 or go to an emergency department.');
    expect(find(tree, 'a').find((a) => a.props.href === 'tel:999')).toBeDefined();
    // Today's alert: the red card, its heading and its reasons.
    const card = find(tree, 'section')[0];
    expect(String(card?.props.class)).toContain('safety-alert');
    expect(text(find(tree, 'h2')[0]!)).toBe('Exercise is locked');
    expect(text(find(tree, 'li')[0]!)).toBe('you reported an emergency warning sign in the afternoon of Monday 23 November: see a doctor now');
    // The screen itself is where a clinician's review is said: no link to it.
    expect(find(tree, 'a').filter((a) => a.props.href === '/safety')).toEqual([]);
    // With no number known, the local emergency number in words.
    expect(said(h(GateSummary, { gate: { ...locked, emergency_number: null }, zone }))).toContain(
      'call your local emergency number or go to an emergency department',
    );
  });

  it('keeps the calmer words for a paused gate', () => {
    const fever = { question: 'fever', label: 'a fever', at: '2026-11-23T06:30:00Z', check: 'full' };
    const paused: SafetyGate = { ...ok, status: 'paused', progression_allowed: false, urgent: [fever], reasons: ['a fever'] };
    const words = said(h(GateSummary, { gate: paused, zone }));
    expect(words).toContain('Exercise is on hold:');
    expect(words).not.toContain('emergency');
  });
});
