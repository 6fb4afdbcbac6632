Editing and deleting: only named fields change, and every version is kept.

  $ daybreak log morning --pain 5 --stiffness-minutes 45 --note "slow start"
  Logged the morning of Monday 23 November 2026 (entry 1): pain 5/10, stiffness 45 min - "slow start"
  $ daybreak edit 1 --pain 4 --clear note --signs ache
  Changed entry 1 (the morning of Monday 23 November 2026), now revision 2:
    pain: 5/10 -> 4/10
    warning signs: (none) -> ache
    note: slow start -> (none)
  $ daybreak edit 1 --pain 4
  Entry 1 already had these values; nothing changed.
  $ daybreak edit 1 --pain 40 --bedtime 23:00
  ! daybreak: entry 1 was not changed
  !   --pain: '40' is not allowed; allowed: a whole number from 0 to 10
  !   --bedtime: '23:00' is not allowed; allowed: nothing: it belongs to night entries, not morning
  [2]
  $ daybreak edit 1
  ! daybreak: nothing to change: name at least one field, e.g. --pain 3
  [2]
  $ daybreak edit 7 --pain 1
  ! daybreak: there is no entry 7
  [3]
  $ daybreak show 1
  entry 1: the morning of Monday 23 November 2026
    pain                   4/10
    stiffness              45 min
    warning signs          ache
    recorded 2026-11-23 07:30, changed 2026-11-23 07:30 (revision 2)
  $ daybreak delete 1
  Deleted entry 1 (the morning of Monday 23 November 2026). Its history is kept: daybreak show 1 --history
  $ daybreak show 1
  ! daybreak: there is no entry 1
  [3]
  $ daybreak show 1 --history
  revision 1: created 2026-11-23 07:30 via cli
    pain 5/10, stiffness 45 min - "slow start"
  revision 2: edited 2026-11-23 07:30 via cli
    pain: 5/10 -> 4/10
    warning signs: (none) -> ache
    note: slow start -> (none)
  revision 3: deleted 2026-11-23 07:30 via cli
  $ daybreak delete 1
  ! daybreak: there is no entry 1
  [3]
