The web app and the HTTP API, served by daybreak itself, which listens on
this computer only, until the person pairs a phone (--pair: then on the home
network too, for paired devices only; docs/security.md). The API itself is
tested over real sockets in tests/server, pairing in a browser over a private
network namespace (web/e2e/pairing.test.mjs).

  $ daybreak serve --address 0.0.0.0
  ! daybreak: refusing to listen on 0.0.0.0: --address is where this computer reaches daybreak: use 127.0.0.1 (the default), ::1 or localhost; to use daybreak from your phone, pair it (daybreak serve --pair); a clinic adds accounts first (`daybreak admin user add`)
  [2]
  $ daybreak serve --address 192.168.1.20 --port 8080
  ! daybreak: refusing to listen on 192.168.1.20: --address is where this computer reaches daybreak: use 127.0.0.1 (the default), ::1 or localhost; to use daybreak from your phone, pair it (daybreak serve --pair); a clinic adds accounts first (`daybreak admin user add`)
  [2]
  $ daybreak serve --pair --lan-address 127.0.0.1
  ! daybreak: --lan-address: 127.0.0.1 is this computer's own address, which a phone cannot reach
  [2]
  $ daybreak serve --pair --lan-address 0.0.0.0
  ! daybreak: --lan-address: refusing to listen on 0.0.0.0: give one address of this computer on your home network
  [2]
  $ daybreak devices
  No device is paired. To use daybreak from your phone: daybreak serve --pair
  $ daybreak devices --revoke 3
  ! daybreak: You have no paired device 3
  [3]
  $ daybreak serve --port 70000
  ! --port: '70000' is not allowed; allowed: a whole number from 0 to 65535
  ! Run with --help for more information.
  [1]
  $ daybreak serve --database-timeout -5
  ! --database-timeout: '-5' is not allowed; allowed: a whole number from 0 to 3600
  ! Run with --help for more information.
  [1]
  $ daybreak serve --fresh-within 60001
  ! --fresh-within: '60001' is not allowed; allowed: a whole number from 0 to 60000
  ! Run with --help for more information.
  [1]
  $ daybreak serve --socket daybreak.sock --port 8765
  ! daybreak: --socket listens on a Unix socket instead of an address and port, and without the home network: leave out --port
  [2]
  $ touch notes.txt
  $ daybreak serve --socket notes.txt
  ! daybreak: cannot listen on the socket notes.txt: a file that is not a socket is there; choose another path with --socket
  [2]
  $ daybreak serve --list-routes
  GET     /api/health
  GET     /api/fields
  GET     /api/openapi.yaml
  GET     /api/today
  GET     /api/entries
  POST    /api/entries
  GET     /api/entries/{id}
  PATCH   /api/entries/{id}
  DELETE  /api/entries/{id}
  GET     /api/entries/{id}/revisions
  GET     /api/profile
  PATCH   /api/profile
  GET     /api/time-zones
  GET     /api/sleep-items
  POST    /api/sleep-items
  POST    /api/sleep-items/{id}/retire
  GET     /api/export/csv
  POST    /api/import/csv
  GET     /api/check
  GET     /api/program
  GET     /api/program/handout.pdf
  GET     /api/session-plans/{routine}
  GET     /api/exercises
  GET     /api/exercises/{id}
  GET     /api/sessions
  POST    /api/sessions
  GET     /api/safety
  GET     /api/safety/questions
  POST    /api/safety/checks
  GET     /api/safety/settings
  PATCH   /api/safety/settings
  POST    /api/safety/clinician
  GET     /api/questionnaires
  GET     /api/questionnaires/history
  GET     /api/questionnaires/psfs/activities
  GET     /api/questionnaires/{id}
  POST    /api/questionnaires/{id}/responses
  GET     /api/progress
  GET     /api/progress/decisions
  POST    /api/progress/level
  POST    /api/progress/stage
  POST    /api/progress/confirm
  GET     /api/insights
  GET     /api/experiments
  POST    /api/experiments
  GET     /api/experiments/tonight
  POST    /api/experiments/nights
  GET     /api/experiments/report
  GET     /api/experiments/{id}/report
  POST    /api/experiments/{id}/stop
  GET     /api/export.fhir.json
  POST    /api/import/fhir
  GET     /api/reminders.ics
  GET     /api/reminders
  PATCH   /api/reminders
  GET     /api/report.pdf
  GET     /api/report.fhir.json
  POST    /api/pairing
  POST    /api/pair
  GET     /api/devices
  DELETE  /api/devices/{id}
  GET     /api/account
  POST    /api/sign-in
  POST    /api/sign-out
  POST    /api/account/password
  POST    /api/invitations/accept
  GET     /api/grants
  GET     /api/grants.fhir.json
  POST    /api/grants
  DELETE  /api/grants/{id}
  GET     /api/clinicians
  GET     /api/access-log
  GET     /api/people
  $ daybreak serve --help
  start the web app and the HTTP API on this computer (http://127.0.0.1:8765)
  Usage: daybreak serve [OPTIONS]
  
  Options:
    -h,--help                       Print this help message and exit
    --address ADDR                  where this computer reaches it: 127.0.0.1 (default), ::1 or localhost (a phone: see --pair)
    --port PORT:0 to 65535          the TCP port (default 8765; 0 picks a free one)
    --threads N:1 to 64             threads serving requests (default 8; on PostgreSQL one per core, at least 2)
    --pair                          pair a phone: listen on the home network too and show a QR code and a code to type on it
    --lan-address ADDR              this computer's address on the home network, for paired phones (default: found by itself)
    --socket PATH                   listen on a Unix socket at PATH instead of a TCP port, for nginx on this computer (docs/deploy.md); only its owner and group may connect
    --database-timeout SECONDS:0 to 3600
                                    on PostgreSQL: seconds to wait for the database's answer before a request gets 503 (default 60; 0: no limit)
    --fresh-within MS:0 to 60000    on PostgreSQL: milliseconds a read may answer from what this server last learned of the database's changes (default 5; 0: ask on every read); a browser sees its own writes at once
    --list-routes                   print every route of the API and exit
    --content DIR (Env:DAYBREAK_CONTENT)
                                    use the exercises and programs in DIR instead of the built-in ones
  
  Open the address it prints in a browser, on this computer. Everything stays here:
  the web app is built into daybreak and talks only to it. Ctrl-C stops it.
  With --pair, or once a phone is paired, it listens on the home network too, where
  only paired devices are let in (docs/security.md).
