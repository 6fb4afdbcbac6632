// Issue: a clinician viewing a person was offered Edit and Delete on the
// person's entries (/entries/:id) and the whole edit form (/entries/:id/edit);
// the server then refused ("This is not yours to do: only the person can do
// this"). Viewing a person, an entry is read only: no Edit, no Delete, and the
// edit address says in a sentence that only the person changes their entries.
import { type ComponentChild, h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { viewPerson } from '../src/account';
import type { Catalogue, Entry } from '../src/api';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));

const entry: Entry = {
  id: 12,
  date: '2026-11-23',
  period: 'morning',
  revision: 1,
  created_at: '2026-11-23T06:30:00Z',
  updated_at: '2026-11-23T06:30:00Z',
  fields: { pain: 4 },
};
const catalogue: Catalogue = {
  periods: ['morning'],
  fields: [
    {
      name: 'pain',
      label: 'Pain now',
      help: '',
      shape: 'number',
      periods: ['morning'],
      required: true,
      repeatable: false,
      unit: '/10',
      allowed: '0 to 10',
      min: 0,
      max: 10,
      step: 1,
    },
  ],
};
// What each load gives at once: the entry and the catalogue, no history.
const now = <T>(value: T) => Object.assign(Promise.resolve(value), { now: value });
vi.mock('../src/api', async (original) => {
  const real = await original<typeof import('../src/api')>();
  return {
    ...real,
    api: {
      ...real.api,
      entry: () => now(entry),
      revisions: () => now(null),
      items: () => now({ items: [] }),
    },
  };
});
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  loadCatalogue: () => now(catalogue),
  useLoad: (load: () => Promise<unknown> & { now?: unknown }) => ({
    data: load().now ?? null,
    error: null,
    loading: false,
    reload: () => {},
  }),
  useDiaryZone: () => ({ zone: 'Europe/Berlin', settled: false }),
}));

const { EntryScreen } = await import('../src/screens/entry');
const { EditScreen } = await import('../src/screens/log');

const controls = (node: ComponentChild) => {
  const tree = render(node);
  return {
    edit: find(tree, 'a').filter((a) => a.props.href === '/entries/12/edit').length,
    buttons: find(tree, 'button').map((b) => text(b).trim()),
    forms: find(tree, 'form').length,
    words: text(tree).replace(/\s+/g, ' '),
  };
};

afterEach(() => viewPerson(null));

describe('a clinician is offered Edit and Delete on a person’s entries', () => {
  it('the person’s own entry offers Edit and Delete', () => {
    const own = controls(h(EntryScreen, { id: 12 }));
    expect(own.edit).toBe(1);
    expect(own.buttons).toContain('Delete…');
  });

  it('a clinician viewing the person reads the entry with no Edit and no Delete', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    const viewed = controls(h(EntryScreen, { id: 12 }));
    expect(viewed.words).toContain('Pain now');
    expect(viewed.edit).toBe(0);
    expect(viewed.buttons).toEqual([]);
  });

  it('the edit address shows a clinician no form, only that the person changes their entries', () => {
    viewPerson({ id: 3, name: 'Anna', scope: ['all'] });
    const viewed = controls(h(EditScreen, { id: 12 }));
    expect(viewed.forms).toBe(0);
    expect(viewed.buttons).toEqual([]);
    expect(viewed.words).toContain('Only Anna can change their entries.');
  });
});
