Backup, restore and the integrity check. A damaged or foreign file is refused
and left untouched.

  $ daybreak log morning --pain 5
  Logged the morning of Monday 23 November 2026 (entry 1): pain 5/10
  $ daybreak backup backup.db
  Backed up your diary to backup.db
  $ daybreak backup backup.db
  ! daybreak: backup.db already exists; choose another name or add --force to replace it
  [2]
  $ daybreak backup no-such-folder/backup.db
  ! daybreak: no-such-folder/backup.db: there is no folder no-such-folder to write it in; nothing was written
  [3]
  $ daybreak log evening --pain 2
  Logged the evening of Monday 23 November 2026 (entry 2): pain 2/10
  $ daybreak restore backup.db
  Restored your diary from backup.db.
  Your diary as it was before is saved in $TMP/data/backups/before-restore-20261123T063000Z.db
  $ cp data/daybreak.db copied.db && daybreak restore --yes copied.db > /dev/null && ls copied.db*
  copied.db
  $ daybreak history --from 2026-11-23
  date        day  night  morning  afternoon  evening  stiffness
  2026-11-23  Mon      -        5          -        -  -
  
  1 day with entries from 2026-11-23 to 2026-11-23 (pain 0-10; '+' means still stiff when logged)
  $ ls data/backups
  before-restore-20261123T063000Z-2.db
  before-restore-20261123T063000Z.db
  $ daybreak check
  $TMP/data/daybreak.db: healthy (schema version 12, 1 entry)
  $ daybreak check --json
  {
    "database": "$TMP/data/daybreak.db",
    "schema_version": 12,
    "people": 1,
    "entries": 1,
    "ok": true,
    "problems": [],
    "unchecked": []
  }
  $ printf 'not a database at all, just text' > junk.db
  $ daybreak restore junk.db
  ! daybreak: junk.db is damaged or is not a database (it is shorter than a database header). Nothing was restored.
  [4]
  $ mkdir broken && cp junk.db broken/daybreak.db
  $ daybreak --data-dir broken today
  ! daybreak: broken/daybreak.db is damaged or is not a database (it is shorter than a database header). It was left untouched.
  ! daybreak: `daybreak recover` saves what can still be read into a new file; `daybreak restore FILE` puts back a backup and keeps the damaged file aside.
  [4]
  $ cmp junk.db broken/daybreak.db && echo unchanged
  unchanged

A damaged diary: every command says so and writes nothing; `recover` saves
what can still be read into a new file, without touching the damaged one;
`restore` works on the damaged file, keeping it aside unchanged. What it
saves, and the folder, are readable only by you, whatever the umask (the
saved file was 644 and the folder 755 before).

  $ for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do daybreak log morning --date 2026-10-$d --pain 4 --note "a morning note that fills the page a little more" > /dev/null; done
  $ dd if=/dev/zero of=data/daybreak.db bs=4096 seek=2 count=1 conv=notrunc 2> /dev/null
  $ cp data/daybreak.db damaged-copy.db
  $ daybreak log afternoon --pain 3
  ! daybreak: $TMP/data/daybreak.db is damaged (SQLite's check: Page 3: btreeInitPage() returns error code 11). It was left untouched.
  ! daybreak: `daybreak recover` saves what can still be read into a new file; `daybreak restore FILE` puts back a backup and keeps the damaged file aside.
  [4]
  $ cmp data/daybreak.db damaged-copy.db && echo unchanged
  unchanged
  $ daybreak recover
  Saved 21 entries of your diary into $TMP/data/backups/recovered-20261123T063000Z.db
    mattresses and pillows: nothing could be read
  Your diary file $TMP/data/daybreak.db was not changed.
  To make the saved file your diary (the damaged one is kept aside): daybreak restore $TMP/data/backups/recovered-20261123T063000Z.db
  $ cmp data/daybreak.db damaged-copy.db && echo unchanged
  unchanged
  $ umask 022 && chmod 755 data/backups && daybreak recover > /dev/null && stat -c '%a %n' data/backups data/backups/recovered-*.db
  700 data/backups
  600 data/backups/recovered-20261123T063000Z-2.db
  600 data/backups/recovered-20261123T063000Z.db
  $ daybreak restore --yes data/backups/recovered-20261123T063000Z.db
  Restored your diary from data/backups/recovered-20261123T063000Z.db.
  Your damaged diary was moved, unchanged, to $TMP/data/backups/damaged-20261123T063000Z.db
  $ daybreak check
  $TMP/data/daybreak.db: healthy (schema version 12, 21 entries)
  $ cmp data/backups/damaged-20261123T063000Z.db damaged-copy.db && echo kept
  kept
