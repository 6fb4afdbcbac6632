Reading the diary: today, history over a range, one entry, as text, JSON and CSV.

  $ daybreak today
  Monday 23 November 2026 (Europe/Berlin)
  
    night      not logged yet: daybreak log night --pain N
    morning    not logged yet: daybreak log morning --pain N
    afternoon  from 14:00 today
    evening    from 20:00 today
  $ daybreak log night --date 2026-11-21 --pain 4 --bedtime 22:45 --wake-time 06:15
  Logged the night of Saturday 21 November 2026 (entry 1): pain 4/10, bedtime 22:45, woke 06:15
  $ daybreak log morning --date 2026-11-21 --pain 6 --stiffness-minutes 50 --stiffness-severity 7
  Logged the morning of Saturday 21 November 2026 (entry 2): pain 6/10, stiffness 50 min, stiffness severity 7/10
  $ daybreak log morning --date 2026-11-22 --pain 5 --still-stiff
  Logged the morning of Sunday 22 November 2026 (entry 3): pain 5/10, still stiff
  $ daybreak log evening --date 2026-11-22 --pain 3 --note "long walk helped"
  Logged the evening of Sunday 22 November 2026 (entry 4): pain 3/10 - "long walk helped"
  $ daybreak log morning --pain 4 --stiffness-minutes 30
  Logged the morning of Monday 23 November 2026 (entry 5): pain 4/10, stiffness 30 min
  $ daybreak history
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-21  Sat      4        6          -        -  50 min
  2026-11-22  Sun      -        5          -        3  still stiff
  2026-11-23  Mon      -        4          -        -  30 min
  
  3 days with entries from 2026-10-25 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ daybreak history --from 2026-11-22 --to 2026-11-22 --json
  [
    {
      "id": 3,
      "date": "2026-11-22",
      "period": "morning",
      "revision": 1,
      "created_at": "2026-11-23T06:30:00Z",
      "updated_at": "2026-11-23T06:30:00Z",
      "fields": {
        "pain": 5,
        "still_stiff": true
      }
    },
    {
      "id": 4,
      "date": "2026-11-22",
      "period": "evening",
      "revision": 1,
      "created_at": "2026-11-23T06:30:00Z",
      "updated_at": "2026-11-23T06:30:00Z",
      "fields": {
        "pain": 3,
        "note": "long walk helped"
      }
    }
  ]
  $ daybreak history --from 2026-11-22 --csv
  id,date,period,pain,stiffness_minutes,still_stiff,stiffness_severity,signs,locations,leg_symptoms,red_flags,medications,relief,walking_minutes,sitting_hours,anxiety,bedtime,wake_time,awakenings,sleep_quality,sleep_position,mattress,pillows,room_temperature,humidity,factors,note,created_at,updated_at
  3,2026-11-22,morning,5,,yes,,,,,,,,,,,,,,,,,,,,,,2026-11-23T06:30:00Z,2026-11-23T06:30:00Z
  4,2026-11-22,evening,3,,,,,,,,,,,,,,,,,,,,,,,long walk helped,2026-11-23T06:30:00Z,2026-11-23T06:30:00Z
  5,2026-11-23,morning,4,30,,,,,,,,,,,,,,,,,,,,,,,2026-11-23T06:30:00Z,2026-11-23T06:30:00Z
  $ daybreak history --from 2026-11-01 --to 2026-11-10
  Nothing logged from 2026-11-01 to 2026-11-10. To log a morning: daybreak log morning --pain N
  $ daybreak history --from 2026-11-23 --to 2026-11-01
  ! daybreak: the range is empty
  !   --from: '2026-11-23' is not allowed; allowed: a day on or before --to (2026-11-01)
  [2]
  $ daybreak show 2
  entry 2: the morning of Saturday 21 November 2026
    pain                   6/10
    stiffness              50 min
    stiffness severity     7/10
    recorded 2026-11-23 07:30
  $ daybreak show 2 --json
  {
    "id": 2,
    "date": "2026-11-21",
    "period": "morning",
    "revision": 1,
    "created_at": "2026-11-23T06:30:00Z",
    "updated_at": "2026-11-23T06:30:00Z",
    "fields": {
      "pain": 6,
      "stiffness_minutes": 50,
      "stiffness_severity": 7
    }
  }
  $ daybreak show 99
  ! daybreak: there is no entry 99
  [3]
  $ daybreak today --json
  {
    "date": "2026-11-23",
    "time_zone": "Europe/Berlin",
    "periods": [
      {
        "period": "night",
        "status": "due"
      },
      {
        "period": "morning",
        "status": "logged",
        "entry": {
          "id": 5,
          "date": "2026-11-23",
          "period": "morning",
          "revision": 1,
          "created_at": "2026-11-23T06:30:00Z",
          "updated_at": "2026-11-23T06:30:00Z",
          "fields": {
            "pain": 4,
            "stiffness_minutes": 30
          }
        }
      },
      {
        "period": "afternoon",
        "status": "later",
        "from": "14:00"
      },
      {
        "period": "evening",
        "status": "later",
        "from": "20:00"
      }
    ]
  }

A move west after logging: at 06:30 UTC it is still Sunday evening in Los
Angeles, so Monday's entry is a day ahead. It is not hidden: Today says where
it is, and history's default range runs to it
(ADayLoggedBeforeAMoveWestIsNotHiddenFromTheDefaultViews).

  $ daybreak profile --time-zone America/Los_Angeles > /dev/null
  $ daybreak today
  Sunday 22 November 2026 (America/Los_Angeles)
  
    night      not logged yet: daybreak log night --pain N
    morning    pain 5/10, still stiff  (entry 3)
    afternoon  not logged yet: daybreak log afternoon --pain N
    evening    pain 3/10 - "long walk helped"  (entry 4)
  
  Tomorrow, Monday 23 November 2026, already has entries, logged before your time zone became America/Los_Angeles: `daybreak history` shows them.
  $ daybreak history
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-21  Sat      4        6          -        -  50 min
  2026-11-22  Sun      -        5          -        3  still stiff
  2026-11-23  Mon      -        4          -        -  30 min
  
  3 days with entries from 2026-10-25 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ daybreak history --to today
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-21  Sat      4        6          -        -  50 min
  2026-11-22  Sun      -        5          -        3  still stiff
  
  2 days with entries from 2026-10-24 to 2026-11-22 (pain 0-10; '+' means still stiff when logged)
  $ daybreak profile --time-zone Europe/Berlin > /dev/null

An entry's number that is not a whole number from 1 is refused with the value
and what is allowed, not CLI11's wording (AnEntryNumberThatIsNotANumberIsRefusedPlainly).

  $ daybreak show morning
  ! id: 'morning' is not allowed; allowed: a whole number from 1
  ! Run with --help for more information.
  [1]
  $ daybreak edit 0 --pain 3
  ! id: '0' is not allowed; allowed: a whole number from 1
  ! Run with --help for more information.
  [1]
  $ daybreak delete 1.5
  ! id: '1.5' is not allowed; allowed: a whole number from 1
  ! Run with --help for more information.
  [1]

A label longer than the others still stands apart from its value, in the
same column (EveryLabelOfAnEntryStandsApartFromItsValueInOneColumn).

  $ daybreak log morning --date 2026-11-20 --pain 3 --red-flags no
  Logged the morning of Friday 20 November 2026 (entry 6): pain 3/10, new red-flag symptoms: no
  $ daybreak show 6
  entry 6: the morning of Friday 20 November 2026
    pain                   3/10
    new red-flag symptoms  no
    recorded 2026-11-23 07:30
