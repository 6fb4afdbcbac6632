// What an import on More says it would do (src/import_words.ts).
import { describe, expect, it } from 'vitest';

import type { FhirImportSummary } from '../src/api';
import { csvDoneText, csvPlanText, fhirAddsSomething, fhirPlanText, importLabel } from '../src/import_words';

const none = { added: 0, replaced: 0, unchanged: 0, items_created: [], written: false };
const fhirNone: FhirImportSummary = {
  ...none,
  sessions_added: 0,
  sessions_unchanged: 0,
  responses_added: 0,
  responses_unchanged: 0,
  screenings_added: 0,
  screenings_unchanged: 0,
  stages_set: 0,
  levels_set: 0,
  program_kept: 0,
  experiments_added: 0,
  experiments_updated: 0,
  experiments_unchanged: 0,
  nights_added: 0,
  nights_updated: 0,
  nights_unchanged: 0,
  decisions_added: 0,
  decisions_unchanged: 0,
};

describe('csvPlanText', () => {
  it('counts the new entries, what is there already and the sleep items it adds', () => {
    expect(csvPlanText({ ...none, added: 1 })).toBe('1 new entry.');
    expect(csvPlanText({ ...none, added: 3, unchanged: 1, items_created: ["pillow 'knee pillow'"] })).toBe(
      "3 new entries, 1 already in your diary; adds pillow 'knee pillow'.",
    );
  });

  // Issue: a clash with logged entries had no replace choice in the web app.
  it('counts the entries it would replace, and says what was replaced', () => {
    expect(csvPlanText({ ...none, added: 2, replaced: 1, unchanged: 3 })).toBe(
      '2 new entries, 1 to replace an entry logged with other values, 3 already in your diary.',
    );
    expect(csvPlanText({ ...none, replaced: 2 })).toBe('0 new entries, 2 to replace entries logged with other values.');
    expect(csvDoneText('a.csv', { ...none, added: 3, written: true })).toBe('Imported 3 entries from a.csv.');
    expect(csvDoneText('a.csv', { ...none, added: 1, replaced: 2, written: true })).toBe(
      'Imported 1 entry from a.csv and replaced 2 logged entries (their history keeps the old values).',
    );
  });
});

describe('importLabel', () => {
  it('says what the button does: import, replace, or both', () => {
    expect(importLabel(3, 0)).toBe('Import');
    expect(importLabel(0, 1)).toBe('Replace the logged entry');
    expect(importLabel(0, 2)).toBe('Replace the 2 logged entries');
    expect(importLabel(1, 2)).toBe('Import and replace the 2 logged entries');
  });
});

describe('fhirPlanText', () => {
  it('names only what the file adds or changes, then what is there already', () => {
    expect(fhirPlanText({ ...fhirNone, added: 2 })).toBe('2 new entries.');
    expect(
      fhirPlanText({ ...fhirNone, added: 2, replaced: 1, sessions_added: 3, responses_added: 1, unchanged: 2, sessions_unchanged: 2 }),
    ).toBe('2 new entries, 1 entry to update, 3 sessions, 1 questionnaire; 4 already in your diary.');
    expect(fhirPlanText({ ...fhirNone, unchanged: 2 })).toBe('0 new entries; 2 already in your diary.');
    expect(fhirPlanText({ ...fhirNone, added: 1, screenings_added: 2, screenings_unchanged: 1 })).toBe(
      '1 new entry, 2 safety checks; 1 already in your diary.',
    );
    expect(fhirPlanText({ ...fhirNone, stages_set: 1, levels_set: 3, program_kept: 1 })).toBe(
      "0 new entries, the program's stage, 3 exercise levels; keeps your program's 1 setting where the file differs.",
    );
    expect(fhirPlanText({ ...fhirNone, experiments_added: 1, nights_added: 12, nights_unchanged: 2 })).toBe(
      "0 new entries, 1 experiment, 12 experiments' nights; 2 already in your diary.",
    );
    expect(fhirPlanText({ ...fhirNone, experiments_updated: 1, nights_updated: 1, experiments_unchanged: 1 })).toBe(
      "0 new entries, 1 experiment to stop, 1 experiment's night to update; 1 already in your diary.",
    );
    expect(fhirPlanText({ ...fhirNone, decisions_added: 4, decisions_unchanged: 2 })).toBe(
      '0 new entries, 4 program decisions; 2 already in your diary.',
    );
  });
  it('says which file adds nothing', () => {
    expect(fhirAddsSomething({ ...fhirNone, unchanged: 5, sessions_unchanged: 2 })).toBe(false);
    expect(fhirAddsSomething({ ...fhirNone, sessions_added: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, replaced: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, screenings_added: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, decisions_added: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, decisions_unchanged: 3 })).toBe(false);
    expect(fhirAddsSomething({ ...fhirNone, levels_set: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, program_kept: 2 })).toBe(false);
    expect(fhirAddsSomething({ ...fhirNone, nights_added: 1 })).toBe(true);
    expect(fhirAddsSomething({ ...fhirNone, experiments_unchanged: 1, nights_unchanged: 3 })).toBe(false);
  });
});
