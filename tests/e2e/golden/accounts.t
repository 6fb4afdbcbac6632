A clinic's accounts from the terminal (docs/security.md). Whoever can open the
database administers it: `daybreak admin user add` makes an account, with a
password read from standard input or a one-time invitation link (its token is
random, so this transcript masks it). The first account turns sign-in on for
every request `daybreak serve` answers. The API is tested in
tests/server/accounts_api_test.cpp, on SQLite and PostgreSQL.

  $ daybreak admin user list
  No accounts: daybreak acts for the person on this computer, without sign-in.
  $ echo 'a long clinic password' | daybreak admin user add dr.berg --role clinician --name "Dr Berg" --password-stdin
  Added dr.berg (clinician), number 2.
  $ daybreak admin user add Anna --role person --name "Anna Berg" --base-url https://clinic.example/ | sed 's/#[0-9a-f]*$/#TOKEN/'
  Added anna (person), number 3.
  Invitation link (works once, for 7 days): https://clinic.example/invite#TOKEN
  $ daybreak admin user add anna --role person --name "Another Anna"
  ! daybreak: The login 'anna' is taken
  [2]
  $ daybreak admin user add "Anna Berg" --role person --name Anna
  ! daybreak: The login is not allowed
  !   login: 'Anna Berg' is not allowed; allowed: 1 to 64 of the letters a-z, digits and . _ - @, such as "anna.berg"
  [2]
  $ echo short | daybreak admin user add bo --role admin --name Bo --password-stdin
  ! daybreak: The password is not allowed
  !   password: '(hidden)' is not allowed; allowed: 12 to 128 characters; a few words in a row are easy to remember
  [2]
  $ daybreak admin user list
     3  anna                     person     invited   Anna Berg
     2  dr.berg                  clinician  active    Dr Berg
  $ daybreak admin user reset anna | sed 's/#[0-9a-f]*$/#TOKEN/'
  The password of anna is cleared and every sign-in ended.
  Invitation link (works once, for 7 days): http://127.0.0.1:8765/invite#TOKEN

An account is disabled, never removed (its data and the audit trail stay),
and enabled again (ADisabledAccountIsRefusedAtItsNextRequestAndCannotSignIn
checks the web side).

  $ daybreak admin user disable dr.berg
  dr.berg is disabled: its sign-ins are ended and it cannot sign in; its data stays. To undo: daybreak admin user enable dr.berg
  $ daybreak admin user list
     3  anna                     person     invited   Anna Berg
     2  dr.berg                  clinician  disabled  Dr Berg
  $ daybreak admin user enable DR.BERG
  dr.berg may sign in again.
  $ daybreak admin user disable nobody
  ! daybreak: No account has the login 'nobody'
  [3]

A person shares with a clinician, everything or parts, until a day or until
they stop (as More > Sharing in the web app).

  $ daybreak share --person anna
  You share nothing. To share with a clinician: daybreak share --with LOGIN
  $ daybreak share --person anna --with dr.berg --scope diary --scope program --until 2027-03-01
  Sharing diary, program with dr.berg until 2027-03-01, number 1.
  $ daybreak share --person anna --with dr.berg --scope everything
  ! daybreak: Nothing was shared
  !   --scope: 'everything' is not allowed; allowed: "all", or one or more of "diary" "program" "questionnaires" "safety" "experiments"
  [2]
  $ daybreak share --person anna --with anna
  ! daybreak: Nothing was shared
  !   clinician: 'anna' is not allowed; allowed: the login of a clinician of this clinic
  [2]
  $ daybreak share --person anna --stop 1
  Stopped sharing 1: the clinician's next request is refused.
  $ daybreak share --person anna
    1  dr.berg              diary, program                           stopped 2026-11-23 07:30, until 2027-03-01

Once a database has accounts, the diaries are the people's who sign in. The
commands that act for the person on this computer (number 1, who has no
account here) are refused, so that nothing is written where no one would see
it; the library and the database's upkeep still answer.

  $ daybreak log morning --pain 4
  ! daybreak: this database has accounts, and `daybreak log` acts for the person on this computer (number 1), who has none: no one who signs in would see what it wrote. People with accounts keep their diaries in the web app; if the diary here is yours, give it an account: daybreak admin user add LOGIN --role person --name NAME --local-person
  [1]
  $ daybreak today
  ! daybreak: this database has accounts, and `daybreak today` acts for the person on this computer (number 1), who has none: no one who signs in would see what it wrote. People with accounts keep their diaries in the web app; if the diary here is yours, give it an account: daybreak admin user add LOGIN --role person --name NAME --local-person
  [1]
  $ daybreak share --with dr.berg
  ! daybreak: this database has accounts, and `daybreak share` acts for the person on this computer (number 1), who has none: no one who signs in would see what it wrote. People with accounts keep their diaries in the web app; if the diary here is yours, give it an account: daybreak admin user add LOGIN --role person --name NAME --local-person
  [1]
  $ daybreak export csv
  ! daybreak: this database has accounts, and `daybreak export` acts for the person on this computer (number 1), who has none: no one who signs in would see what it wrote. People with accounts keep their diaries in the web app; if the diary here is yours, give it an account: daybreak admin user add LOGIN --role person --name NAME --local-person
  [1]
  $ daybreak history --from 2026-11-01
  ! daybreak: this database has accounts, and `daybreak history` acts for the person on this computer (number 1), who has none: no one who signs in would see what it wrote. People with accounts keep their diaries in the web app; if the diary here is yours, give it an account: daybreak admin user add LOGIN --role person --name NAME --local-person
  [1]
  $ daybreak content check
  built-in: 31 exercises, 1 program: daybreak (4 stages); no problems found
  $ daybreak check
  $TMP/data/daybreak.db: healthy (schema version 12, 1 person, 0 entries)
  $ daybreak admin user add bo --role clinician --name Bo --local-person
  ! daybreak: Only a person's account can open a diary already here
  !   --role: 'clinician' is not allowed; allowed: person
  [2]
