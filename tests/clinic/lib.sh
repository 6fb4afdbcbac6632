# What the clinic tests (clinic_test, standby_test) share; sourced after
# each defines `fail`, `work`, `here` and the `pids` array.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_port() {
  for _ in $(seq 100); do (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null && return 0; sleep 0.1; done
  fail "nothing listens on port $1"
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
