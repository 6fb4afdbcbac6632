// Issue: Progress's "Latest decisions" headed a decision "Sunday, Sunday 22
// November", the weekday twice, for the person and for their clinician (the
// CLI says the day once). A decision's heading says its day once, in the
// app's words, whatever the browser's language.
import { type ComponentChild, h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { viewPerson } from '../src/account';
import type { Decision } from '../src/api_progress';
import { weekdayOf } from '../src/format';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));

const { DecisionItem } = await import('../src/screens/progress');

const decision: Decision = {
  id: 1,
  program: 'daybreak',
  kind: 'rule',
  routine: 'morning',
  date: '2026-11-22',
  verdict: 'repeat',
  reasons: [],
  stage: 1,
  sentence: 'Morning pain was 3 after Sunday’s morning session, your usual is 4.',
  changes: [],
  offer_flare: false,
  note: '',
  inputs: {},
  decided_at: '2026-11-23T06:30:00Z',
  channel: 'api',
  author: null,
};

function heading(node: ComponentChild): string {
  return text(find(render(node), 'h3')[0]!).replace(/\s+/g, ' ').trim();
}

afterEach(() => viewPerson(null));

describe('a decision of the program', () => {
  it('says its day once (Sunday, Sunday 22 November)', () => {
    expect(heading(h(DecisionItem, { d: decision }))).toBe('Sunday 22 November · Morning routine Same again');
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    expect(heading(h(DecisionItem, { d: decision }))).toBe('Sunday 22 November · Morning routine Same again');
  });

  it('names a weekday in the app’s language', () => {
    expect(weekdayOf('2026-11-22')).toBe('Sunday');
  });
});
