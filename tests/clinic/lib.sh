# What the clinic tests (clinic_test, standby_test) share; sourced after
# each defines `fail`, `work`, `here` and the `pids` array.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0; sleep 0.1; done
  fail "nothing listens on port $1"
}
# A folder for the daybreak servers' sockets (0660 each) that nginx's workers
# may reach: run as root they are nobody:nogroup, so the folder's group is
# theirs and new sockets inherit it (setgid), as /run/daybreak with www-data
# in docs/deploy.md.
socket_dir() {  # DIR
  mkdir -p "$1"
  if [[ $(id -u) -eq 0 ]]; then chgrp nogroup "$1"; fi
  chmod 2750 "$1"
}
# Starts `daybreak serve --socket DIR/serveN.sock` with the rest of its
# arguments, its output in $work/serveN.out and .err, and waits for it.
start_serve() {  # N DIR [ARGS...]
  local n=$1 dir=$2
  shift 2
  "$daybreak" serve --socket "$dir/serve$n.sock" "$@" > "$work/serve$n.out" 2> "$work/serve$n.err" &
  pids+=($!)
  for _ in $(seq 100); do grep -q "running at" "$work/serve$n.out" 2> /dev/null && break; sleep 0.1; done
  grep -q "running at unix:" "$work/serve$n.out" || fail "daybreak serve $n did not start: $(cat "$work/serve$n.err")"
}
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# pgbouncer from deploy/pgbouncer.ini in front of database DBNAME at PGHOST
# (a socket folder) and PGPORT, for the role daybreak_app with password
# SECRET; sets pgb_port.
start_pgbouncer() {  # PGHOST PGPORT DBNAME SECRET
  pgb_port=$(free_port)
  sed -e "s|@PGHOST@|$1|" -e "s|@PGPORT@|$2|" -e "s|@DBNAME@|$3|" \
    -e "s|@PORT@|$pgb_port|" -e "s|@DIR@|$work|g" "$here/deploy/pgbouncer.ini" > "$work/pgbouncer.ini"
  echo "\"daybreak_app\" \"$4\"" > "$work/userlist.txt"
  chmod 600 "$work/userlist.txt"
  if [[ $(id -u) -eq 0 ]]; then chown postgres "$work/userlist.txt" "$work/pgbouncer.ini" "$work"; fi
  as_postgres pgbouncer "$work/pgbouncer.ini" > "$work/pgbouncer.out" 2> "$work/pgbouncer.err" &
  pids+=($!)
  wait_port "$pgb_port"
}
