import { describe, expect, it } from 'vitest';

import {
  addDays,
  characterCount,
  charCount,
  choiceLabel,
  clockOf,
  daysBetween,
  entrySummary,
  fieldMessage,
  isCalendarDate,
  longDate,
  minutes,
  problemSummary,
  shortDate,
  zonedDateTime,
  zonedDay,
  zoneNote,
} from '../src/format';

describe('dates', () => {
  it('formats calendar dates whatever the browser zone', () => {
    expect(longDate('2026-11-23')).toBe('Monday 23 November');
    expect(shortDate('2026-03-29')).toBe('Sun 29 Mar');
  });
  it('counts days across month, year and daylight-saving changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
  it('reads the wall-clock time of an instant as it was recorded', () => {
    expect(clockOf('2026-11-22T23:10:00+01:00')).toBe('23:10');
    expect(clockOf('06:40')).toBe('06:40');
    expect(clockOf(undefined)).toBe('');
  });
});

// Issue: a bad ?date= in the address showed "Invalid Date".
describe('isCalendarDate', () => {
  it('takes only dates that exist, written YYYY-MM-DD', () => {
    for (const good of ['2026-11-23', '2024-02-29', '2026-12-31']) expect(isCalendarDate(good), good).toBe(true);
    for (const bad of ['2026-13-45', 'abc', '2026-02-30', '2026-02-29', '2026-11-23x', '26-11-23', '2026-1-5', '']) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

// Issue: entry history times were shown in the browser's zone, not the person's.
describe('instants on the diary’s clock', () => {
  it('says an instant in the diary’s zone, whatever the browser’s', () => {
    expect(zonedDateTime('2026-11-23T06:30:00Z', 'Europe/Berlin')).toBe('23 Nov 2026, 07:30');
    expect(zonedDateTime('2026-11-23T06:30:00Z', 'America/New_York')).toBe('23 Nov 2026, 01:30');
    expect(zonedDateTime('2026-11-23T03:30:00Z', 'America/New_York')).toBe('22 Nov 2026, 22:30');
  });
  // Issue: questionnaire and safety check dates were the browser's day, in its language.
  it('says the day of an instant in the diary’s zone, in daybreak’s words', () => {
    expect(zonedDay('2026-11-23T06:30:00Z', 'Europe/Berlin')).toBe('Monday 23 November');
    expect(zonedDay('2026-11-23T06:30:00Z', 'America/Los_Angeles')).toBe('Sunday 22 November');
    expect(zonedDay('2026-11-23T06:30:00Z', 'Europe/Berlin', { year: true })).toBe('23 November 2026');
    expect(zonedDay('2026-12-31T23:30:00Z', 'Europe/Berlin', { year: true })).toBe('1 January 2027');
  });
  it('names the zone only when the browser is in another', () => {
    expect(zoneNote('Europe/Berlin', 'Europe/Berlin')).toBe('');
    expect(zoneNote('America/New_York', 'Europe/Berlin')).toBe('Times are in the diary’s time zone, America/New York.');
    expect(zoneNote(undefined, 'Europe/Berlin')).toBe('');
  });
});

describe('words', () => {
  it('writes durations', () => {
    expect(minutes(45)).toBe('45 min');
    expect(minutes(60)).toBe('1 h');
    expect(minutes(95)).toBe('1 h 35 min');
  });
  it('names choices with the labels of the catalogue, else by the word', () => {
    const field = { choices: ['back_left', 'back_centre'], choice_labels: ['Lower back, left', 'Lower back, centre'] };
    expect(choiceLabel('back_left', field)).toBe('Lower back, left');
    expect(choiceLabel('back_centre', field)).toBe('Lower back, centre');
    expect(choiceLabel('tingling_right')).toBe('Tingling right');
    expect(choiceLabel('spasm', { choices: ['spasm'] })).toBe('Spasm');
  });
  it('summarises the numbers that matter for each period', () => {
    expect(entrySummary('morning', { pain: 5, stiffness_minutes: 45, stiffness_severity: 6 })).toBe(
      'pain 5/10 · stiff 45 min · severity 6/10',
    );
    expect(
      entrySummary('night', { pain: 3, bedtime: '2026-11-22T23:10:00+01:00', wake_time: '2026-11-23T06:40:00+01:00', awakenings: 1 }),
    ).toBe('pain 3/10 · 23:10–06:40 · woken by pain once');
  });
  // Issue: Today said "woken 0×" of a night when pain woke the person not once.
  it('says a night pain did not wake the person in words, not "woken 0×"', () => {
    expect(entrySummary('night', { pain: 3, awakenings: 0, sleep_quality: 6 })).toBe('pain 3/10 · not woken by pain · sleep 6/10');
    expect(entrySummary('night', { awakenings: 2 })).toBe('woken by pain 2×');
    expect(entrySummary('evening', { pain: 2, medications: [{ name: 'ibuprofen' }] })).toBe('pain 2/10 · ibuprofen');
  });
  it('explains problems', () => {
    expect(fieldMessage({ value: '11', allowed: 'a whole number from 0 to 10' })).toBe(
      "'11' is not allowed. Allowed: a whole number from 0 to 10.",
    );
    expect(fieldMessage({ value: '', allowed: 'a whole number from 0 to 10' })).toBe('Needed: a whole number from 0 to 10.');
    expect(
      problemSummary({
        type: 't',
        title: 'Some values are not allowed',
        status: 422,
        detail: 'nothing was saved for the evening of 2026-11-23',
        errors: [
          { field: 'pain', value: '11', allowed: '' },
          { field: 'x', value: '', allowed: '' },
        ],
      }),
    ).toBe('Nothing was saved for the evening of 2026-11-23. 2 values need a look.');
  });
});

describe('character counts', () => {
  it('counts characters as the server does: an emoji is one, not two UTF-16 units', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('stiff\nbetter')).toBe(12);
    expect(charCount('😀'.repeat(1999))).toBe(1999);
    expect('😀'.repeat(1999).length).toBe(3998);
    expect(charCount('é€😀')).toBe(3);
  });
  it('says the count against the limit, and by how much it is over', () => {
    expect(characterCount(1999, 2000)).toBe('1,999 / 2,000');
    expect(characterCount(2000, 2000)).toBe('2,000 / 2,000');
    expect(characterCount(2001, 2000)).toBe('2,001 / 2,000 · 1 character too many');
    expect(characterCount(11265, 2000)).toBe('11,265 / 2,000 · 9,265 characters too many');
  });
});

// Bug: the session list called the flare routine "Bad-morning routine" while
// the hints, the safety screen and the CLI said "flare-day routine".
describe('the flare routine has one name (the session list said "Bad-morning routine")', () => {
  it('is the flare-day routine on the session list and in a hint alike', async () => {
    const { ROUTINE_LABELS } = await import('../src/format');
    const { hintLink } = await import('../src/components/hint');
    expect(ROUTINE_LABELS.flare).toBe('Flare-day routine');
    expect(hintLink({ action: 'flare_session' } as never)?.label).toBe(ROUTINE_LABELS.flare);
  });
});

// Bug: the insights screen said "daybreak cannot be reached" for every error,
// a refusal the server gave (a clinician without the insights scope) too.
describe('errorText (the insights screen said "cannot be reached" for every error)', () => {
  it("says the server's problem when it answered, and cannot be reached only when it cannot", async () => {
    const { errorText } = await import('../src/format');
    const { ApiError, Unreachable } = await import('../src/api');
    const refused = new ApiError({ type: 'forbidden', title: 'Forbidden', status: 403, detail: 'anna has not shared insights with you' });
    expect(errorText(refused)).toBe('Anna has not shared insights with you.');
    expect(errorText(new Unreachable(new TypeError('fetch failed')))).toMatch(/cannot be reached/);
  });
});
