// Issue: /questionnaires offered "Take the Stiffness": a questionnaire's
// abbreviation used as the object of a verb, which it is not for every
// questionnaire. Each one's button, for every questionnaire daybreak ships
// (content/questionnaires), names the questionnaire.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { h } from 'preact';
import { describe, expect, it, vi } from 'vitest';

import type { QuestionnaireOffer } from '../src/api_questionnaires';
import { find, render, text } from './tree';

await vi.hoisted(async () => {
  const { MemoryStorage } = await import('./memory_storage');
  vi.stubGlobal('localStorage', new MemoryStorage());
});
// Rendered once, without a DOM: each hook gives its first value.
vi.mock('preact/hooks', () => import('./first_render'));
const shown = vi.hoisted(() => ({ offers: [] as QuestionnaireOffer[] }));
vi.mock('../src/state', async (original) => ({
  ...(await original<typeof import('../src/state')>()),
  useLoad: () => ({ data: shown.offers, error: null, loading: false, reload: () => {} }),
  useDiaryZone: () => ({ zone: 'Europe/Berlin', settled: true }),
}));

const { QuestionnaireList } = await import('../src/screens/questionnaires');

// Every questionnaire daybreak ships, as GET /api/questionnaires offers it.
const dir = join(__dirname, '../../content/questionnaires');
const offers: QuestionnaireOffer[] = readdirSync(dir)
  .filter((f) => f.endsWith('.toml'))
  .map((f) => {
    const toml = readFileSync(join(dir, f), 'utf8');
    const field = (k: string) => new RegExp(`^${k} = "(.*)"$`, 'm').exec(toml)![1]!;
    return { id: field('id'), name: field('name'), abbreviation: field('abbreviation'), version: '1', offered: true, licensed_wording: false };
  });

describe('the list of questionnaires', () => {
  it('names each questionnaire on its button (Take the Stiffness)', () => {
    expect(offers.map((o) => o.abbreviation)).toContain('Stiffness');
    shown.offers = offers;
    const buttons = find(render(h(QuestionnaireList, {})), 'a')
      .filter((a) => (a.props.class as string).includes('primary'))
      .map((a) => text(a));
    expect(buttons).toEqual(offers.map((o) => `Take the ${o.abbreviation} questionnaire`));
  });
});
