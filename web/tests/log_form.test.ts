// The form's translation between what a person enters and what the API takes.
import { describe, expect, it } from 'vitest';

import type { FieldDef } from '../src/api';
import { fieldsToCreate, fieldsToPatch, localProblems, valuesOf } from '../src/screens/log_form';

const def = (name: string, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ name, label: name, help: '', shape: 'number', periods: ['morning'], required: false, repeatable: false, unit: '', allowed: 'ok', ...extra }) as FieldDef;

const fields = [
  def('pain', { required: true, min: 0, max: 10, step: 1, allowed: 'a whole number from 0 to 10' }),
  def('stiffness_minutes', { min: 0, max: 720, step: 1 }),
  def('sitting_hours', { min: 0, max: 24, step: 0.1 }),
  def('signs', { shape: 'choices' }),
  def('medications', { shape: 'list' }),
  def('factors', { shape: 'list' }),
  def('note', { shape: 'text', allowed: 'text of at most 2000 characters (line breaks and tabs allowed)' }),
  def('bedtime', { shape: 'time' }),
];

describe('fieldsToCreate', () => {
  it('sends what was given and drops empty rows', () => {
    expect(
      fieldsToCreate(
        {
          pain: 4,
          signs: [],
          note: '',
          medications: [{ name: ' ibuprofen ', dose: ' 400 mg ', taken_at: '07:30' }, { name: '' }],
          factors: { caffeine: '2', '': 'x', 'long drive': '' },
        },
        fields,
      ),
    ).toEqual({
      pain: 4,
      medications: [{ name: 'ibuprofen', dose: '400 mg', taken_at: '07:30' }],
      factors: { caffeine: '2', 'long drive': 'yes' },
    });
  });
});

describe('fieldsToPatch', () => {
  it('sends only changes, and null for a cleared field', () => {
    const before = valuesOf({ pain: 5, note: 'slow start', bedtime: '2026-11-22T23:10:00+01:00', signs: ['ache'] });
    expect(before.bedtime).toBe('23:10');
    const after = { ...before, pain: 4, note: undefined, signs: ['ache'] };
    expect(fieldsToPatch(before, after, fields)).toEqual({ pain: 4, note: null });
  });
  it('sends nothing when nothing changed', () => {
    const before = valuesOf({ pain: 5, bedtime: '2026-11-22T23:10:00+01:00' });
    expect(fieldsToPatch(before, { ...before }, fields)).toEqual({});
  });
});

describe('localProblems', () => {
  it('asks for the required answer and checks ranges from the catalogue', () => {
    expect(localProblems({}, fields)).toEqual([{ field: 'pain', value: '', allowed: 'a whole number from 0 to 10' }]);
    expect(localProblems({ pain: 11, stiffness_minutes: 30.5, sitting_hours: 1.5 }, fields).map((p) => p.field)).toEqual([
      'pain',
      'stiffness_minutes',
    ]);
  });

  it('refuses a note over 2000 characters, counted as the server counts them, as the server would', () => {
    expect(localProblems({ pain: 1, note: '😀'.repeat(2000) }, fields)).toEqual([]); // 4000 UTF-16 units
    expect(localProblems({ pain: 1, note: 'a'.repeat(11265) }, fields)).toEqual([
      {
        field: 'note',
        value: `${'a'.repeat(60)}...`,
        allowed: 'text of at most 2000 characters (line breaks and tabs allowed): it has 11265 characters',
      },
    ]);
    expect(localProblems({ pain: 1, note: '😀'.repeat(2001) }, fields)[0]?.value).toBe(`${'😀'.repeat(60)}...`);
  });
});
