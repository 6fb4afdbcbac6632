Backup, restore and the integrity check. A damaged or foreign file is refused
and left untouched.

  $ daybreak log morning --pain 5
  Logged the morning of Monday 23 November 2026 (entry 1): pain 5/10
  $ daybreak backup backup.db
  Backed up your diary to backup.db
  $ daybreak backup backup.db
  ! daybreak: backup.db already exists; choose another name or add --force to replace it
  [2]
  $ daybreak log evening --pain 2
  Logged the evening of Monday 23 November 2026 (entry 2): pain 2/10
  $ daybreak restore backup.db
  Restored your diary from backup.db.
  Your diary as it was before is saved in $TMP/data/backups/before-restore-20261123T063000Z.db
  $ daybreak history --from 2026-11-23
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-23  Mon      -        5          -        -  -
  
  1 day with entries from 2026-11-23 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ ls data/backups
  before-restore-20261123T063000Z.db
  $ daybreak check
  $TMP/data/daybreak.db: healthy (schema version 5, 1 entry)
  $ daybreak check --json
  {
    "database": "$TMP/data/daybreak.db",
    "schema_version": 5,
    "entries": 1,
    "ok": true,
    "problems": []
  }
  $ printf 'not a database at all, just text' > junk.db
  $ daybreak restore junk.db
  ! daybreak: junk.db is damaged or is not a database (junk.db: reading the database header failed: file is not a database). Nothing was restored.
  [4]
  $ mkdir broken && cp junk.db broken/daybreak.db
  $ daybreak --data-dir broken today
  ! daybreak: broken/daybreak.db is damaged or is not a database (broken/daybreak.db: reading the database header failed: file is not a database). It was left untouched. Restore a backup with `daybreak restore FILE`, or use another --data-dir.
  [4]
  $ cmp junk.db broken/daybreak.db && echo unchanged
  unchanged
