// Which logged entries a FHIR file would update (src/fhir_import.ts): the
// days and periods of the file's entries, and those the diary has logged.
import { describe, expect, it, vi } from 'vitest';

import { entriesInBundle, entriesToUpdate } from '../src/fhir_import';

const EXT = 'https://daybreak.invalid/fhir/StructureDefinition/';
const marked = (resourceType: string, date: string, period: string, code?: string) => ({
  resource: {
    resourceType,
    ...(code ? { code: { coding: [{ system: 'https://daybreak.invalid/fhir/CodeSystem/daybreak', code }] } } : {}),
    extension: [
      { url: `${EXT}diary-day`, valueDate: date },
      { url: `${EXT}diary-period`, valueCode: period },
    ],
  },
});

const bundle = JSON.stringify({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    { resource: { resourceType: 'Patient', id: 'p' } },
    marked('Observation', '2026-11-23', 'morning', '72514-3'),
    marked('Observation', '2026-11-23', 'morning', 'morning-stiffness-duration'),
    marked('MedicationStatement', '2026-11-23', 'evening'),
    marked('Observation', '2026-11-22', 'evening', '72514-3'),
    marked('Observation', '2026-11-23', 'night', '72514-3'),
    marked('Observation', '2026-11-21', 'morning', 'safety-check'), // the check an entry prompted: no entry of its own
    { resource: { resourceType: 'Procedure', id: 'session' } },
  ],
});

describe('entriesInBundle', () => {
  it('gives each day and period the file has an entry for once, in diary order', () => {
    expect(entriesInBundle(bundle)).toEqual([
      { date: '2026-11-22', period: 'evening' },
      { date: '2026-11-23', period: 'night' },
      { date: '2026-11-23', period: 'morning' },
      { date: '2026-11-23', period: 'evening' },
    ]);
  });
  it('is null for what is not a Bundle', () => {
    expect(entriesInBundle('not json')).toBeNull();
    expect(entriesInBundle('null')).toBeNull();
    expect(entriesInBundle('{"resourceType":"Patient"}')).toBeNull();
  });
});

describe('entriesToUpdate', () => {
  const logged = (entries: { date: string; period: string }[]) =>
    vi.fn(async () => ({ entries: entries as { date: string; period: 'morning' }[] }));

  it('names the logged ones when they are as many as the dry run would update', async () => {
    const list = logged([
      { date: '2026-11-23', period: 'morning' },
      { date: '2026-11-23', period: 'afternoon' }, // not in the file
    ]);
    expect(await entriesToUpdate(bundle, 1, list)).toEqual([{ date: '2026-11-23', period: 'morning' }]);
    expect(list).toHaveBeenCalledWith('2026-11-22', '2026-11-23');
  });
  it('is null when some logged ones are the same as the file: which differ cannot be told', async () => {
    const list = logged([
      { date: '2026-11-22', period: 'evening' },
      { date: '2026-11-23', period: 'morning' },
    ]);
    expect(await entriesToUpdate(bundle, 1, list)).toBeNull();
  });
  it('asks for the diary ten years at a time', async () => {
    const long = JSON.stringify({
      resourceType: 'Bundle',
      entry: [marked('Observation', '2010-01-01', 'morning', '72514-3'), marked('Observation', '2026-11-23', 'morning', '72514-3')],
    });
    const list = logged([{ date: '2026-11-23', period: 'morning' }]);
    expect(await entriesToUpdate(long, 1, list)).toEqual([{ date: '2026-11-23', period: 'morning' }]);
    expect(list.mock.calls).toEqual([
      ['2010-01-01', '2020-01-08'],
      ['2020-01-09', '2026-11-23'],
    ]);
  });
});
