Logging each period of a day. A night is logged on waking and belongs to the
day you wake up on; its bedtime from 18:00 on is the evening before.

  $ daybreak item add mattress "firm foam"
  Added mattress 'firm foam'
  $ daybreak item add pillow "knee pillow"
  Added pillow 'knee pillow'
  $ daybreak log night --pain 3 --bedtime 23:10 --wake-time 06:40 --awakenings 2 --sleep-quality 5 --sleep-position left_side --mattress "firm foam" --pillow "knee pillow" --room-temperature 18.5 --humidity 45
  Logged the night of Monday 23 November 2026 (entry 1): pain 3/10, bedtime 23:10, woke 06:40, woken by pain 2x, sleep quality 5/10, position: left side, mattress: firm foam, pillows: knee pillow, bedroom 18.5 °C, humidity 45%
  $ daybreak log morning --pain 5 --stiffness-minutes 45 --stiffness-severity 6 --signs stiffness,ache --where back_left,buttock_left --med "ibuprofen, 400 mg, 07:30" --relief heat --factor caffeine=2 --note "slow start"
  Logged the morning of Monday 23 November 2026 (entry 2): pain 5/10, stiffness 45 min, stiffness severity 6/10, warning signs: stiffness, ache, where: back left, buttock left, medication: ibuprofen 400 mg at 07:30, relief used: heat, factors: caffeine=2 - "slow start"
  $ daybreak log afternoon --date 2026-11-22 --pain 3 --walking-minutes 40 --sitting-hours 5.5 --anxiety 2
  Logged the afternoon of Sunday 22 November 2026 (entry 3): pain 3/10, walking 40 min, sitting 5.5 h, anxiety 2/10
  $ daybreak log evening --date yesterday --pain 2 --leg-symptoms tingling_left --json
  {
    "id": 4,
    "date": "2026-11-22",
    "period": "evening",
    "revision": 1,
    "created_at": "2026-11-23T06:30:00Z",
    "updated_at": "2026-11-23T06:30:00Z",
    "fields": {
      "pain": 2,
      "leg_symptoms": [
        "tingling_left"
      ]
    },
    "outcome": "created"
  }
  ! 
  ! You noted tingling in the left leg.
  ! Before your next exercise session, please answer five short safety
  ! questions: daybreak screen legs

Every bad value is reported at once, with what is allowed, and nothing is saved.

  $ daybreak log evening --pain 11 --stiffness-minutes 30 --signs burning --sitting-hours 25 --bedtime 22:00
  ! daybreak: nothing was saved for the evening of 2026-11-23
  !   --pain: '11' is not allowed; allowed: a whole number from 0 to 10
  !   --signs: 'burning' is not allowed; allowed: any of: spasm, stiffness, soreness, tightness, ache (separated by commas)
  !   --sitting-hours: '25' is not allowed; allowed: a number from 0.0 to 24.0 with at most one decimal, e.g. 7.5
  !   --stiffness-minutes: '30' is not allowed; allowed: nothing: it belongs to morning entries, not evening
  !   --bedtime: '22:00' is not allowed; allowed: nothing: it belongs to night entries, not evening
  [2]
  $ daybreak log night --pain 2 --bedtime 01:00 --wake-time 00:30 --mattress "water bed"
  ! daybreak: nothing was saved for the night of 2026-11-23
  !   --wake-time: '00:30' is not allowed; allowed: a time after bedtime (01:00)
  !   --mattress: 'water bed' is not allowed; allowed: one of your mattresses: firm foam (or add one to your sleep items)
  !   next: daybreak item add mattress NAME
  [2]
  $ daybreak log morning --date 2026-11-24 --pain 2
  ! daybreak: nothing was saved for the morning of 2026-11-24
  !   --date: '2026-11-24' is not allowed; allowed: a day from 1970-01-01 to today (2026-11-23), written YYYY-MM-DD
  [2]
  $ daybreak log morning --date 23/11/2026 --pain 2
  ! daybreak: that is not a date
  !   --date: '23/11/2026' is not allowed; allowed: a date written YYYY-MM-DD, today or yesterday
  [2]
  $ daybreak log morning --date 2026-02-29 --pain 2
  ! daybreak: that day is not on the calendar
  !   --date: '2026-02-29' is not allowed; allowed: a date written YYYY-MM-DD, today or yesterday (2026 has no 29 February)
  [2]
  $ daybreak log dusk --pain 2
  ! period: dusk not in {night,morning,afternoon,evening}
  ! Run with --help for more information.
  [1]

A period is logged once a day; --replace overwrites it and keeps the old one in history.

  $ daybreak log morning --pain 6
  ! daybreak: the morning of 2026-11-23 is already logged (entry 2)
  !   use --replace to overwrite it, or change it with: daybreak edit 2 ...
  [2]
  $ daybreak log morning --pain 6 --replace
  Replaced the morning of Monday 23 November 2026 (entry 2): pain 6/10
  $ daybreak log evening --pain 1 --idempotency-key retry-42
  Logged the evening of Monday 23 November 2026 (entry 5): pain 1/10
  $ daybreak log evening --pain 1 --idempotency-key retry-42
  Already saved the evening of Monday 23 November 2026 (entry 5): pain 1/10
  $ daybreak log evening --pain 4 --date 2026-11-20 --idempotency-key retry-42
  ! daybreak: the idempotency key 'retry-42' was already used for a different entry (entry 5)
  [2]
  $ daybreak today
  Monday 23 November 2026 (Europe/Berlin)
  
    night      pain 3/10, bedtime 23:10, woke 06:40, woken by pain 2x, sleep quality 5/10, position: left side, mattress: firm foam, pillows: knee pillow, bedroom 18.5 °C, humidity 45%  (entry 1)
    morning    pain 6/10  (entry 2)
    afternoon  from 14:00 today
    evening    pain 1/10  (entry 5)

Once you have a pillow, a night that names none is a night without one: it
says "pillows: none", so insights can compare nights with and without it.
"none" and a pillow together make no sense, and are refused.

  $ daybreak log night --date 2026-11-22 --pain 4 --sleep-quality 6
  Logged the night of Sunday 22 November 2026 (entry 6): pain 4/10, sleep quality 6/10, pillows: none
  $ daybreak log night --date 2026-11-21 --pain 4 --pillows "none,knee pillow"
  ! daybreak: nothing was saved for the night of 2026-11-21
  !   --pillows: 'none,knee pillow' is not allowed; allowed: either none or names, not both
  [2]
  $ daybreak log night --date 2026-11-21 --pain 4 --pillows none
  Logged the night of Saturday 21 November 2026 (entry 7): pain 4/10, pillows: none

A long note is shortened in what `log` prints, between two characters, and
kept whole (ALongNoteIsShortenedBetweenCharactersNotInsideOne).

  $ daybreak log afternoon --date 2026-11-21 --pain 3 --note "日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート"
  Logged the afternoon of Saturday 21 November 2026 (entry 8): pain 3/10 - "日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート日本語のノ..."
  $ daybreak show 8
  entry 8: the afternoon of Saturday 21 November 2026
    pain                   3/10
    note                   日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート日本語のノート
    recorded 2026-11-23 07:30
