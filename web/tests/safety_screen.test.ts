// What the safety screen says about the gate, rendered from the shape GET
// /api/safety answers (docs/openapi.yaml SafetyGate).
import { h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import type { SafetyGate } from '../src/api';
import { AfterNoWarningSigns, GateSummary } from '../src/screens/safety';
import { render, text } from './tree';

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
});
