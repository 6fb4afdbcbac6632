Export and import as CSV: a round trip loses nothing, and a file with any bad
row imports nothing.

  $ daybreak item add pillow "knee pillow"
  Added pillow 'knee pillow'
  $ daybreak log night --date 2026-11-22 --pain 3 --bedtime 23:10 --wake-time 06:40 --pillow "knee pillow" --note "$(printf 'line one\nline two')"
  Logged the night of Sunday 22 November 2026 (entry 1): pain 3/10, bedtime 23:10, woke 06:40, pillows: knee pillow - "line one
  line two"
  $ daybreak log morning --date 2026-11-22 --pain 5 --med "ibuprofen, 400 mg, 07:30" --med paracetamol --factor "weather=cold, wet"
  Logged the morning of Sunday 22 November 2026 (entry 2): pain 5/10, medication: ibuprofen 400 mg at 07:30; paracetamol, factors: weather=cold, wet
  $ daybreak export csv --output diary.csv
  ! Wrote your diary to diary.csv
  $ cat diary.csv
  id,date,period,pain,stiffness_minutes,still_stiff,stiffness_severity,signs,locations,leg_symptoms,red_flags,medications,relief,walking_minutes,sitting_hours,anxiety,bedtime,wake_time,awakenings,sleep_quality,sleep_position,mattress,pillows,room_temperature,humidity,factors,note,created_at,updated_at
  1,2026-11-22,night,3,,,,,,,,,,,,,2026-11-21T23:10:00+01:00,2026-11-22T06:40:00+01:00,,,,,knee pillow,,,,"line one
  line two",2026-11-23T06:30:00Z,2026-11-23T06:30:00Z
  2,2026-11-22,morning,5,,,,,,,,"ibuprofen, 400 mg, 2026-11-22T07:30:00+01:00;paracetamol",,,,,,,,,,,,,,"weather=cold, wet",,2026-11-23T06:30:00Z,2026-11-23T06:30:00Z
  $ daybreak --data-dir fresh import csv diary.csv
  Imported 2 new entries.
  Added sleep items: pillow 'knee pillow'
  $ daybreak --data-dir fresh export csv > again.csv && cmp again.csv diary.csv && echo identical
  identical
  $ daybreak --data-dir fresh import csv diary.csv
  Imported 0 new entries, 2 already in your diary.

A diary moves to a person far away: its times are checked on the clock of
their own offset, not on the new person's (ADiaryMovesToAnotherZoneWithItsNightTimes).

  $ daybreak --data-dir tokyo profile --time-zone Asia/Tokyo > /dev/null
  $ daybreak --data-dir tokyo import csv diary.csv
  Imported 2 new entries.
  Added sleep items: pillow 'knee pillow'
  $ daybreak --data-dir tokyo show 1
  entry 1: the night of Sunday 22 November 2026
    pain                   3/10
    bedtime                07:10
    woke                   14:40
    pillows                knee pillow
    note                   line one
                           line two
    recorded 2026-11-23 15:30
  $ printf 'date,period,pain,colour\r\n' > bad-header.csv
  $ daybreak import csv bad-header.csv
  ! daybreak: nothing was imported: 1 problem in the file
  !   line 1: header: 'colour' is not allowed; allowed: a column named id, date, period, pain, stiffness_minutes, still_stiff, stiffness_severity, signs, locations, leg_symptoms, red_flags, medications, relief, walking_minutes, sitting_hours, anxiety, bedtime, wake_time, awakenings, sleep_quality, sleep_position, mattress, pillows, room_temperature, humidity, factors, note, created_at, updated_at
  [2]
  $ printf 'date,period,pain\r\n2026-11-01,morning,4\r\n2026-11-02,morning,eleven\r\n2026-11-03,dusk,3\r\n2026-11-22,morning,4\r\n' > bad-rows.csv
  $ daybreak import csv bad-rows.csv
  ! daybreak: nothing was imported: 2 problems in the file
  !   line 3: pain: 'eleven' is not allowed; allowed: a whole number from 0 to 10
  !   line 4: period: 'dusk' is not allowed; allowed: one of: night, morning, afternoon, evening
  [2]
  $ daybreak history --from 2026-11-01
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-22  Sun      3        5          -        -  -
  
  1 day with entries from 2026-11-01 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ daybreak import csv missing.csv
  ! daybreak: cannot read missing.csv: No such file or directory
  [3]

Moving the whole diary to another database, all or nothing: here into a new
file; a clinic's PostgreSQL database takes a postgresql:// address instead
(docs/deploy.md). A destination that already holds data is refused, and the
names of the two ends are checked.

  $ daybreak migrate --to sqlite moved.db
  Moved 10 rows from $TMP/data/daybreak.db to moved.db:
          1  profiles (a name and time zone each)
          1  mattresses and pillows
          2  diary entries
          2  medications of entries
          1  factors of entries
          1  pillows of entries
          2  earlier versions of entries
  Every table was read back and compared before the move was kept; the source was not changed.
  $ mkdir moved-home && cp moved.db moved-home/daybreak.db && daybreak --data-dir moved-home history --from 2026-11-01
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-22  Sun      3        5          -        -  -
  
  1 day with entries from 2026-11-01 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ daybreak migrate --to moved.db
  ! daybreak: moved.db already holds data (1 row in users); daybreak copies only into an empty database, and nothing was changed
  [4]
  $ daybreak migrate --to mysql moved2.db
  ! daybreak: --to 'mysql moved2.db': give sqlite FILE, or postgresql postgresql://user@host/database
  [1]
  $ daybreak migrate --from nowhere.db --to moved3.db
  ! daybreak: nowhere.db: no such file, so nothing was moved
  [3]
  $ ls moved3.db
  ! ls: cannot access 'moved3.db': No such file or directory
  [2]

A file that brings in a new warning sign says so as `log` does: the stop
screen, not only a count (before, the diary was locked without a word).

  $ printf 'date,period,pain,red_flags\n2026-11-23,afternoon,6,yes\n' > flagged.csv
  $ daybreak --data-dir flagged import csv flagged.csv
  Imported 1 new entry.
  ! 
  ! ========================================================================
  ! STOP: get medical help now.
  ! 
  ! You told daybreak:
  !   - new bladder, bowel, saddle, sexual or both-leg symptoms
  ! 
  ! With back pain, this can be a sign of a serious problem that needs
  ! treatment within hours.
  ! 
  !   Call 112 now, or go to the nearest emergency department.
  !   Do not wait to see whether it passes. Do not exercise.
  !   (112 is the emergency number for your time zone.)
  ! ========================================================================
  ! Your exercise sessions are locked. When a clinician has seen you:
  !   daybreak screen ack --seen-clinician
