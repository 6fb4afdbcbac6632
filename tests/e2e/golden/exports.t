Open exports (issue 19): the diary as HL7 FHIR R4 and the reminders as an
iCalendar file. The validators of tests/validators check both files in depth;
this is what a person sees.

  $ daybreak log morning --pain 4 --stiffness-minutes 30
  Logged the morning of Monday 23 November 2026 (entry 1): pain 4/10, stiffness 30 min
  $ daybreak export fhir --from 2026-11-23 --output diary.json
  ! Wrote your diary as FHIR to diary.json
  $ grep -c '"resourceType":"Observation"' diary.json
  2
  $ daybreak --data-dir fresh import fhir diary.json
  Imported 1 new entry, updated 0, 0 already in your diary.
  Sessions: 0 new, 0 already in your diary.
  Questionnaires: 0 new, 0 already in your diary.
  Safety checks: 0 new, 0 already in your diary.
  $ daybreak --data-dir fresh import fhir diary.json --dry-run
  Would import 0 new entries, updated 0, 1 already in your diary.
  Sessions: 0 new, 0 already in your diary.
  Questionnaires: 0 new, 0 already in your diary.
  Safety checks: 0 new, 0 already in your diary.

An entry logged since with other values is not overwritten unasked: the
import refuses it, as a CSV import does, until it says --replace.

  $ daybreak --data-dir fresh log morning --pain 6 --stiffness-minutes 30 --replace
  Replaced the morning of Monday 23 November 2026 (entry 1): pain 6/10, stiffness 30 min
  $ daybreak --data-dir fresh import fhir diary.json
  ! daybreak: nothing was imported: 1 entry clashes with your diary
  !   the morning of 2026-11-23: period: '2026-11-23 morning' is not allowed; allowed: a day and period not in your diary yet: entry 1 holds other values (an import with replace overwrites it and keeps them in its history: --replace on the command line, replace=true in the API)
  [2]
  $ daybreak --data-dir fresh import fhir diary.json --replace --dry-run
  Would import 0 new entries, updated 1, 0 already in your diary.
  Sessions: 0 new, 0 already in your diary.
  Questionnaires: 0 new, 0 already in your diary.
  Safety checks: 0 new, 0 already in your diary.
  $ daybreak --data-dir fresh import fhir diary.json --replace
  Imported 0 new entries, updated 1, 0 already in your diary.
  Sessions: 0 new, 0 already in your diary.
  Questionnaires: 0 new, 0 already in your diary.
  Safety checks: 0 new, 0 already in your diary.
  $ daybreak --data-dir fresh show 1
  entry 1: the morning of Monday 23 November 2026
    pain                   4/10
    stiffness              30 min
    recorded 2026-11-23 07:30, changed 2026-11-23 07:30 (revision 3)
  $ daybreak export csv --from 2026-11-01
  ! daybreak: --from and --to are for fhir; csv exports the whole diary
  !   --from: '2026-11-01' is not allowed; allowed: nothing, with this format
  [2]
  $ daybreak export fhir --from 2026-11-24 --to 2026-11-01
  ! daybreak: the range is empty
  !   --from: '2026-11-24' is not allowed; allowed: a day on or before --to (2026-11-01)
  [2]
  $ sed 's/"valueInteger":4/"valueInteger":11/' diary.json > bad.json
  $ daybreak --data-dir fresh import fhir bad.json
  ! daybreak: nothing was imported: 1 problem in the file
  !   Observation/a748a4bd-0176-50f8-a938-7fbfe7cb5a1f at Bundle.entry[1].resource.valueInteger: '11' is not allowed; allowed: a whole number from 0 to 10
  [2]

Reminders: the times are the person's, kept in the diary; the calendar file
keeps each reminder's UID, and a changed one gets a higher SEQUENCE.

  $ daybreak reminders --morning-routine 06:15 --list 2
  2026-11-23T06:15:00+01:00  Morning routine, before you get up
  2026-11-23T07:30:00+01:00  Log your morning
  2026-11-23T09:00:00+01:00  Weekly safety check
  2026-11-23T21:00:00+01:00  Evening routine
  2026-11-24T06:15:00+01:00  Morning routine, before you get up
  2026-11-24T07:30:00+01:00  Log your morning
  2026-11-24T21:00:00+01:00  Evening routine
  ! Reminder times saved. Import the calendar again to update the reminders (they keep their UIDs).
  $ daybreak reminders --safety-check "someday" --evening-routine 7pm
  ! daybreak: the reminders were not changed
  !   --evening-routine: '7pm' is not allowed; allowed: a time of day, HH:MM
  !   --safety-check: 'someday' is not allowed; allowed: a weekday and a time, such as 'mon 09:00'
  [2]
  $ daybreak reminders --output reminders.ics
  ! Wrote your reminders to reminders.ics. Open it with your calendar program.
  $ grep -c 'BEGIN:VEVENT' reminders.ics
  4
  $ grep -A2 'SUMMARY:Morning' reminders.ics
  SUMMARY:Morning routine\, before you get up
  DESCRIPTION:Your morning routine starts in bed: daybreak session morning\, 
   or Session in the app.
  $ daybreak reminders --alarm 10 | grep -A4 'BEGIN:VALARM' | head -5
  BEGIN:VALARM
  ACTION:DISPLAY
  DESCRIPTION:Morning routine\, before you get up
  TRIGGER:-PT10M
  END:VALARM
