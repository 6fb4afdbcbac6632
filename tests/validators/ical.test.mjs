// daybreak's calendar reminders, checked by real iCalendar programs: ical.js
// and Debian's python3-icalendar with recurring-ical-events expand the file
// to exactly the occurrences daybreak's own schedule gives over 90 days that
// cross a change of the clocks; libical parses it with no error; and every
// file has the required properties, CRLF line ends, lines of at most 75
// octets and a VTIMEZONE for its TZID.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import ICAL from 'ical.js';

const binary = process.env.DAYBREAK_BINARY;
if (!binary) throw new Error('DAYBREAK_BINARY names the daybreak program to test');
const dirs = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function diary() {
  const dir = mkdtempSync(join(tmpdir(), 'daybreak-ical-'));
  dirs.push(dir);
  return dir;
}

function ok(dir, args, now = '2027-03-01T07:30:00+01:00') {
  const r = spawnSync(binary, args, {
    encoding: 'utf8',
    env: { ...process.env, DAYBREAK_HOME: dir, DAYBREAK_FAKE_NOW: now, TZ: 'Europe/Berlin' },
  });
  assert.equal(r.status, 0, `daybreak ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// A person with their own times and an experiment that runs over the change
// to summer time (28 March 2027): EXDATEs and an UNTIL.
const dir = diary();
ok(dir, ['log', 'morning', '--pain', '3']);
ok(dir, ['reminders', '--morning-routine', '06:15', '--evening-routine', '21:15', '--safety-check', 'sun 18:30']);
ok(dir, ['experiment', 'new', '--a', 'pillow between knees', '--b', 'no pillow', '--start', '2027-03-20', '--nights', '5', '--seed', '7']);
const ics = ok(dir, ['reminders', '--alarm', '10']);
const days = 90;
const expected = JSON.parse(ok(dir, ['reminders', '--list', String(days), '--json']));
const window = ['2027-02-28T23:00:00Z', '2027-05-29T22:00:00Z']; // 1 March to 29 May, Berlin

const key = (o) => `${o.uid} ${o.start}`;
const want = expected.map(key).sort();

test('daybreak’s own schedule crosses the change of the clocks', () => {
  assert.ok(want.length > 300);
  const morning = expected.filter((o) => o.summary.startsWith('Morning routine')).map((o) => o.start);
  assert.ok(morning.includes('2027-03-27T05:15:00Z') && morning.includes('2027-03-28T04:15:00Z'));
  assert.ok(expected.some((o) => o.summary.startsWith('Tonight: pillow')));
});

test('every line ends in CRLF, is at most 75 octets, and the required properties are there', () => {
  assert.ok(ics.endsWith('\r\n'));
  const lines = ics.split('\r\n').slice(0, -1);
  assert.ok(!lines.some((l) => l.includes('\n') || l.includes('\r')));
  for (const l of lines) assert.ok(Buffer.byteLength(l) <= 75, l);
  const unfolded = ics.replace(/\r\n /g, '').split('\r\n');
  for (const p of ['BEGIN:VCALENDAR', 'VERSION:2.0', 'END:VCALENDAR']) assert.ok(unfolded.includes(p), p);
  assert.ok(unfolded.some((l) => l.startsWith('PRODID:')));
  const events = ics.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1);
  assert.equal(events.length, 6);
  for (const e of events) {
    for (const p of ['UID:', 'DTSTAMP:', 'DTSTART;TZID=Europe/Berlin:', 'SEQUENCE:', 'RRULE:', 'SUMMARY:']) {
      assert.ok(e.includes(`\r\n${p}`), `${p} in ${e.slice(0, 80)}`);
    }
    assert.match(e, /BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:[^\r]+\r\nTRIGGER:-PT10M\r\nEND:VALARM/);
  }
  const tzids = new Set([...ics.matchAll(/TZID[=:]([^;:\r]+)/g)].map((m) => m[1]));
  assert.deepEqual([...tzids], ['Europe/Berlin']);
  assert.ok(ics.includes('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n'));
  assert.ok(ics.includes('EXDATE;TZID=Europe/Berlin:'));
});

test('no alarm unless asked for', () => {
  assert.ok(!ok(dir, ['reminders']).includes('VALARM'));
});

test('ical.js expands the file to exactly daybreak’s occurrences', () => {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const start = ICAL.Time.fromDateTimeString(window[0].replace('Z', '')).toUnixTime();
  const end = ICAL.Time.fromDateTimeString(window[1].replace('Z', '')).toUnixTime();
  const got = [];
  for (const v of comp.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(v);
    const it = event.iterator();
    for (let t = it.next(); t; t = it.next()) {
      const unix = t.toUnixTime();
      if (unix >= end) break;
      if (unix >= start) got.push(`${event.uid} ${new Date(unix * 1000).toISOString().replace('.000', '')}`);
    }
  }
  assert.deepEqual(got.sort(), want);
});

test('python3-icalendar with recurring-ical-events expands it the same, with no parse error', () => {
  const dirPy = diary();
  const file = join(dirPy, 'reminders.ics');
  ok(dir, ['reminders', '--output', file]);
  const r = spawnSync('/usr/bin/python3', ['ical_expand.py', file, ...window], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const got = r.stdout.trim().split('\n');
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((g) => !want.includes(g));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
});

// Before, the time zone listed each change of the clocks up to 2037 and no
// further: a calendar carried winter time on, and every reminder after 2037
// was an hour off all summer.
test('the file’s time zone keeps summer time past 2037, by the zone’s yearly rule, as ical.js reads it', () => {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const zone = new ICAL.Timezone(comp.getFirstSubcomponent('vtimezone'));
  const utc = (year, month, day) =>
    new Date(ICAL.Time.fromData({ year, month, day, hour: 6, minute: 30 }, zone).toUnixTime() * 1000).toISOString();
  assert.equal(utc(2027, 7, 1), '2027-07-01T04:30:00.000Z');
  assert.equal(utc(2040, 7, 1), '2040-07-01T04:30:00.000Z', 'summer time in 2040');
  assert.equal(utc(2040, 12, 1), '2040-12-01T05:30:00.000Z', 'winter time in 2040');
  assert.equal(utc(2055, 3, 28), '2055-03-28T04:30:00.000Z', 'the last Sunday of March 2055 is the 28th');
  assert.equal(utc(2055, 3, 27), '2055-03-27T05:30:00.000Z');
});

test('libical parses it with no error', { skip: !process.env.DAYBREAK_ICAL_PARSE && 'no libical checker built' }, () => {
  const dirC = diary();
  const file = join(dirC, 'reminders.ics');
  ok(dir, ['reminders', '--alarm', '5', '--output', file]);
  const r = spawnSync(process.env.DAYBREAK_ICAL_PARSE, [file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /6 events, 0 errors/);
});

test('a changed time keeps the UID and raises the SEQUENCE', () => {
  const uidOf = (text, summary) => text.replace(/\r\n /g, '').split('BEGIN:VEVENT').find((e) => e.includes(`SUMMARY:${summary}`));
  const before = uidOf(ics, 'Log your morning');
  ok(dir, ['reminders', '--morning-log', '07:45'], '2027-03-02T08:00:00+01:00');
  const after_ = uidOf(ok(dir, ['reminders'], '2027-03-02T08:00:00+01:00'), 'Log your morning');
  assert.equal(after_.match(/UID:(\S+)/)[1], before.match(/UID:(\S+)/)[1]);
  assert.equal(Number(after_.match(/SEQUENCE:(\d+)/)[1]), Number(before.match(/SEQUENCE:(\d+)/)[1]) + 1);
  assert.match(after_, /DTSTART;TZID=Europe\/Berlin:20270302T074500/);
});

test('a bad time is refused with what is allowed, and nothing changes', () => {
  const r = spawnSync(binary, ['reminders', '--morning-routine', '25:00', '--safety-check', 'someday'], {
    encoding: 'utf8', env: { ...process.env, DAYBREAK_HOME: dir, DAYBREAK_FAKE_NOW: '2027-03-03T08:00:00+01:00', TZ: 'Europe/Berlin' },
  });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--morning-routine: '25:00' is not allowed; allowed: a time of day, HH:MM/);
  assert.match(r.stderr, /--safety-check: 'someday' is not allowed; allowed: a weekday and a time/);
  assert.ok(ok(dir, ['reminders'], '2027-03-03T08:00:00+01:00').includes('DTSTART;TZID=Europe/Berlin:20270301T061500'));
});
