// What an import on More says it would do (src/import_words.ts).
import { describe, expect, it } from 'vitest';

import type { FhirImportSummary } from '../src/api';
import {
  csvDoneText,
  csvPlanText,
  fhirAddsSomething,
  fhirChanges,
  fhirChangeText,
  fhirImportLabel,
  fhirPlanText,
  importLabel,
} from '../src/import_words';

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

// Issue: a FHIR import updated logged entries with no word of which, and no yes asked.
describe('what a FHIR import would change of what was logged', () => {
  const sunday = { date: '2026-11-22', period: 'morning' as const };
  const monday = { date: '2026-11-23', period: 'night' as const };

  it('names the entries it would update, by day and period, when they are known', () => {
    expect(fhirChangeText({ ...fhirNone, added: 1, replaced: 1 }, [sunday])).toBe(
      'Importing updates an entry you logged with the file’s values: Sunday 22 November 2026, morning. Its history keeps the old values.',
    );
    expect(fhirChangeText({ ...fhirNone, replaced: 2 }, [sunday, monday])).toBe(
      'Importing updates 2 entries you logged with the file’s values: Sunday 22 November 2026, morning; Monday 23 November 2026, night. Their history keeps the old values.',
    );
    const many = Array.from({ length: 12 }, (_, i) => ({ date: `2026-10-${String(i + 1).padStart(2, '0')}`, period: 'morning' as const }));
    const said = fhirChangeText({ ...fhirNone, replaced: 12 }, many);
    expect(said).toContain('Saturday 10 October 2026, morning; and 2 more. Their history');
    expect(said).not.toContain('11 October');
  });

  it('counts them when which cannot be told', () => {
    expect(fhirChangeText({ ...fhirNone, replaced: 2, unchanged: 3 }, null)).toBe(
      'Importing updates 2 entries you logged, for days and periods the file has with other values. Their history keeps the old values.',
    );
    expect(fhirChangeText({ ...fhirNone, replaced: 1 }, [sunday, monday])).toBe(
      'Importing updates an entry you logged, for a day and period the file has with other values. Its history keeps the old values.',
    );
  });

  it('says the experiments’ nights and the experiments it would change too', () => {
    expect(fhirChangeText({ ...fhirNone, replaced: 1, nights_updated: 2 }, [sunday])).toContain(
      "Its history keeps the old values. It also updates 2 experiments' nights you logged with the file’s values.",
    );
    expect(fhirChangeText({ ...fhirNone, experiments_updated: 1 }, null)).toBe(
      'Importing stops 1 experiment under way, as it was stopped in the file.',
    );
    expect(fhirChanges({ ...fhirNone, replaced: 1, nights_updated: 2, experiments_updated: 1 })).toBe(4);
    expect(fhirChanges({ ...fhirNone, added: 3, unchanged: 2, nights_added: 1 })).toBe(0);
  });

  it('asks with a button that says the yes, and says afterwards what was updated', () => {
    expect(fhirImportLabel({ ...fhirNone, added: 2 })).toBe('Import');
    expect(fhirImportLabel({ ...fhirNone, added: 1, replaced: 1 })).toBe('Import and update the logged entry');
    expect(fhirImportLabel({ ...fhirNone, replaced: 3 })).toBe('Import and update the 3 logged entries');
    expect(fhirImportLabel({ ...fhirNone, nights_updated: 1 })).toBe('Import and update what you logged');
    expect(fhirPlanText({ ...fhirNone, added: 1, replaced: 1, written: true }, true)).toBe(
      '1 new entry, 1 entry updated (its history keeps the old values).',
    );
    expect(fhirPlanText({ ...fhirNone, experiments_updated: 1, nights_updated: 2, written: true }, true)).toBe(
      "0 new entries, 1 experiment stopped, 2 experiments' nights updated.",
    );
  });
});
