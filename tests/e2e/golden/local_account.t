A diary kept on this computer, then given an account (docs/security.md): the
person wants to sign in, from the web app or a phone, to the diary they
already keep. `--local-person` makes the account open it, not a new, empty
one; the CLI goes on acting for them.

  $ daybreak log morning --pain 4 --stiffness-minutes 30
  Logged the morning of Monday 23 November 2026 (entry 1): pain 4/10, stiffness 30 min
  $ echo 'a long home password' | daybreak admin user add anna --role person --name "Anna Berg" --password-stdin --local-person
  Added anna (person), number 1: the diary on this computer is theirs, in the web app and here.
  $ daybreak admin user list
     1  anna                     person     active    Anna Berg
  $ daybreak log evening --pain 2
  Logged the evening of Monday 23 November 2026 (entry 2): pain 2/10
  $ daybreak today
  Monday 23 November 2026 (Europe/Berlin)
  
    night      not logged yet: daybreak log night --pain N
    morning    pain 4/10, stiffness 30 min  (entry 1)
    afternoon  from 14:00 today
    evening    pain 2/10  (entry 2)
  $ daybreak admin user add anna.again --role person --name "Anna" --local-person
  ! daybreak: The person number 1 already has the account 'anna'
  [2]
