Profile, sleep items, the interactive check-in, and help.

  $ daybreak profile
  name       me
  time zone  Europe/Berlin
  data       $TMP/data/daybreak.db
  since      2026-11-23
  $ daybreak profile --time-zone Mars/Olympus
  ! daybreak: the profile was not changed
  !   --time-zone: 'Mars/Olympus' is not allowed; allowed: an IANA time zone installed here, such as Europe/Oslo or America/New_York
  [2]
  $ daybreak profile --time-zone America/New_York --name Sam --json
  {
    "name": "Sam",
    "time_zone": "America/New_York",
    "data_dir": "$TMP/data",
    "database": "$TMP/data/daybreak.db",
    "since": "2026-11-23T06:30:00Z"
  }
  $ daybreak profile --time-zone Europe/Berlin
  name       Sam
  time zone  Europe/Berlin
  data       $TMP/data/daybreak.db
  since      2026-11-23
  $ daybreak item list
  No sleep items yet. Add one: daybreak item add pillow "pillow between knees"
  $ daybreak item add pillow "pillow between knees"
  Added pillow 'pillow between knees'
  $ daybreak item add pillow "pillow between knees"
  ! daybreak: you already have a pillow named 'pillow between knees'
  [2]
  $ daybreak item add mattress "medium-firm"
  Added mattress 'medium-firm'
  $ daybreak item retire pillow "pillow between knees"
  Retired pillow 'pillow between knees'
  $ daybreak item list
  mattress  medium-firm
  pillow    pillow between knees  (retired)
  $ daybreak item list --json
  [
    {
      "id": 2,
      "kind": "mattress",
      "name": "medium-firm",
      "created_at": "2026-11-23T06:30:00Z"
    },
    {
      "id": 1,
      "kind": "pillow",
      "name": "pillow between knees",
      "created_at": "2026-11-23T06:30:00Z",
      "retired_at": "2026-11-23T06:30:00Z"
    }
  ]
  $ printf '12\n4\n\nyes\n6\nstiffness,burning\nstiffness\n\nno\nslept badly\n' | daybreak checkin
  Logged the morning of Monday 23 November 2026 (entry 1): pain 4/10, still stiff, stiffness severity 6/10, warning signs: stiffness, new red-flag symptoms: no - "slept badly"
  ! Good morning. This is your check-in for Monday 23 November 2026.
  ! Press Enter to skip a question; Ctrl-D stops without saving.
  ! 
  ! Pain right now, 0 (none) to 10 (worst imaginable): 12
  !   allowed: a whole number from 0 to 10
  ! Pain right now, 0 (none) to 10 (worst imaginable): 4
  ! Minutes from waking until the stiffness eased (Enter if you are still stiff): 
  ! Still stiff now? yes or no: yes
  ! How severe was the stiffness on waking, 0-10: 6
  ! Warning signs? spasm, stiffness, soreness, tightness, ache (commas between): stiffness,burning
  !   allowed: any of: spasm, stiffness, soreness, tightness, ache (separated by commas)
  ! Warning signs? spasm, stiffness, soreness, tightness, ache (commas between): stiffness
  ! Numbness, tingling or weakness in a leg? e.g. tingling_left (Enter for none): 
  ! Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms? yes or no: no
  ! Anything else to note: slept badly
  $ printf 'n\n' | daybreak checkin
  ! Good morning. This is your check-in for Monday 23 November 2026.
  ! Press Enter to skip a question; Ctrl-D stops without saving.
  ! 
  ! You already logged this morning. Log it again and replace that entry? [y/N] n
  ! Nothing was changed.
  $ printf 'y\n2\n10\n3\nache\n\nno\n\n' | daybreak checkin
  Replaced the morning of Monday 23 November 2026 (entry 1): pain 2/10, stiffness 10 min, stiffness severity 3/10, warning signs: ache, new red-flag symptoms: no
  ! Good morning. This is your check-in for Monday 23 November 2026.
  ! Press Enter to skip a question; Ctrl-D stops without saving.
  ! 
  ! You already logged this morning. Log it again and replace that entry? [y/N] y
  ! Pain right now, 0 (none) to 10 (worst imaginable): 2
  ! Minutes from waking until the stiffness eased (Enter if you are still stiff): 10
  ! How severe was the stiffness on waking, 0-10: 3
  ! Warning signs? spasm, stiffness, soreness, tightness, ache (commas between): ache
  ! Numbness, tingling or weakness in a leg? e.g. tingling_left (Enter for none): 
  ! Any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms? yes or no: no
  ! Anything else to note: 
  $ printf 'y\n5\n' | daybreak checkin
  ! Good morning. This is your check-in for Monday 23 November 2026.
  ! Press Enter to skip a question; Ctrl-D stops without saving.
  ! 
  ! You already logged this morning. Log it again and replace that entry? [y/N] y
  ! Pain right now, 0 (none) to 10 (worst imaginable): 5
  ! Minutes from waking until the stiffness eased (Enter if you are still stiff): 
  ! 
  ! Check-in stopped; nothing was saved.
  $ daybreak today
  Monday 23 November 2026 (Europe/Berlin)
  
    night      not logged yet: daybreak log night --pain N
    morning    pain 2/10, stiffness 10 min, stiffness severity 3/10, warning signs: ache, new red-flag symptoms: no  (entry 1)
    afternoon  from 14:00 today
    evening    from 20:00 today
  $ daybreak --version
  0.1.0
  $ daybreak
  ! daybreak: a diary and a program for low back pain that is worst in the morning
  ! Usage: daybreak [OPTIONS] SUBCOMMAND
  ! 
  ! Options:
  !   -h,--help                       Print this help message and exit
  !   --version                       Display program version information and exit
  !   --data-dir DIR                  where daybreak keeps its data
  !   --database postgresql://...     a PostgreSQL database to use instead of the file in the data folder (also DAYBREAK_DATABASE)
  ! 
  ! Subcommands:
  !   log                             record how your back is in one period of a day
  !   checkin                         answer a few questions about this morning (interactive)
  !   today                           show today's four periods: what is logged and what is due
  !   history                         list your entries day by day (default: the last 30 days)
  !   show                            show one entry in full, or its history of changes
  !   edit                            change fields of an entry (the old values stay in its history)
  !   delete                          delete an entry (it stays in history)
  !   export                          write your diary as CSV or HL7 FHIR R4 JSON (to stdout or --output FILE)
  !   import                          add entries from a CSV or FHIR file (all or nothing)
  !   backup                          copy the whole database to a file, safely while in use
  !   restore                         replace your diary with a backup (the current one is kept aside)
  !   recover                         save what can still be read of a damaged diary into a new file
  !   migrate                         move the whole diary between your file and a PostgreSQL database (all or nothing)
  !   check                           check the database for damage
  !   item                            name your mattresses and pillows, to compare set-ups
  !   profile                         show or change your name and time zone
  !   reminders                       your routines and checks as a calendar file (.ics), and the times they remind you at
  !   exercise                        list the exercises, or show one in full
  !   program                         show the staged program: routines and when to move on
  !   content                         check a content folder, or export the built-in content
  !   session                         play a guided session: morning, evening or flare
  !   sessions                        list your past sessions, with what was done and pain
  !   setup                           first use: your time zone, emergency number, and the first safety check
  !   screen                          the safety check: warning signs that need a doctor first
  !   questionnaire                   standard questionnaires (ODI, RMDQ, STarT Back, PSFS...) over time
  !   insights                        what your diary shows: trends, shifts and what goes with better mornings
  !   experiment                      test A against B on your own mornings (a personal trial)
  !   serve                           start the web app and the HTTP API on this computer (http://127.0.0.1:8765)
  !   devices                         list the phones paired with daybreak serve, or revoke one
  !   progress                        your stage, levels and the program's decisions, with their reasons
  !   report                          a two-page PDF for your physiotherapist or doctor (the last 12 weeks by default)
  !   admin                           a clinic's accounts: add people, clinicians and admins, list them, reset a password, disable one
  !   share                           share your data with a clinician of your clinic, list what you share, or stop
  ! 
  ! Exit codes: 0 ok, 1 usage error, 2 invalid input, 3 not found, 4 storage error.
  ! Data lives in --data-dir, else $DAYBREAK_HOME, else $XDG_DATA_HOME/daybreak;
  ! a clinic's in PostgreSQL: --database postgresql://... or $DAYBREAK_DATABASE.
  ! Run `daybreak COMMAND --help` for a command's options.
  [1]
  $ daybreak frobnicate
  ! daybreak: there is no command 'frobnicate'; `daybreak --help` lists them
  [1]
  $ daybreak log --help
  record how your back is in one period of a day
  Usage: daybreak log [OPTIONS] period
  
  Positionals:
    period TEXT:{night,morning,afternoon,evening} REQUIRED
                                    night (logged on waking), morning, afternoon or evening
  
  Options:
    -h,--help                       Print this help message and exit
    --date DAY                      the diary day: YYYY-MM-DD, today or yesterday (default: today)
    --replace                       overwrite this period's entry if already logged (it stays in history)
    --idempotency-key KEY           a key of your choice: repeating the command with it never logs twice
    --json                          print the saved entry as JSON
  
  
  Diary fields:
    --pain 0-10                     pain now (for the night: during the night), 0 = none, 10 = worst imaginable
    --stiffness-minutes 0-720       minutes from waking until the stiffness eased [morning only]
    --still-stiff                   the stiffness had not eased yet when you logged [morning only]
    --stiffness-severity 0-10       how severe the stiffness was on waking, 0-10 [morning only]
    --signs,--sign SIGN,...         warning signs you noticed: spasm, stiffness, soreness, tightness, ache
    --locations,--where PLACE,...   where you feel it: back_left, back_centre, back_right, buttock_left, buttock_right, above_knee_left, above_knee_right, below_knee_left, below_knee_right
    --leg-symptoms SYMPTOM,...      numbness, tingling or weakness in a leg, with the side: numbness_left, numbness_right, tingling_left, tingling_right, weakness_left, weakness_right
    --red-flags yes|no              the safety check: any NEW bladder, bowel, saddle-area, sexual or both-leg symptoms (yes stops the program): no, yes
    --medications,--med NAME[, DOSE][, HH:MM]
                                    medication taken; give the option once per medicine
    --relief RELIEF,...             what else you used for relief: rest, ice, heat, other
    --walking-minutes 0-1440        minutes spent walking [morning, afternoon and evening only]
    --sitting-hours 0-24            hours spent sitting [morning, afternoon and evening only]
    --anxiety 0-10                  how anxious you felt, 0-10 [morning, afternoon and evening only]
    --bedtime HH:MM                 when you went to bed [night only]
    --wake-time HH:MM               when you woke up for the day [night only]
    --awakenings 0-20               how many times pain woke you [night only]
    --sleep-quality 0-10            how well you slept, 0 = very badly, 10 = very well [night only]
    --sleep-position POSITION       the position you slept in most: back, left_side, right_side, front, mixed [night only]
    --mattress NAME                 the mattress you slept on (a sleep item you named) [night only]
    --pillows,--pillow NAME,...     the pillow set-up you used (sleep items you named), or none [night only]
    --room-temperature 0-40         bedroom temperature in degrees C [night only]
    --humidity 0-100                bedroom humidity in percent [night only]
    --factors,--factor NAME=VALUE   anything else you track, as NAME=VALUE; once per factor
    --note TEXT                     a note in your own words
  
  A night belongs to the day you wake up on: log it in the morning, e.g.
    daybreak log night --pain 3 --bedtime 23:10 --wake-time 06:40 --awakenings 1
    daybreak log morning --pain 5 --stiffness-minutes 45 --stiffness-severity 6 --signs stiffness,ache
