#!/usr/bin/env bash
# Starts (or stops) the project's own local PostgreSQL + PostGIS cluster.
#   scripts/pg.sh start DIR PORT [throwaway]   -> prints nothing on success, exits non-zero on failure
#   scripts/pg.sh ensure-db DIR PORT [DBNAME]  -> creates role + database + PostGIS, prints the connection string
#   scripts/pg.sh stop DIR
# The cluster lives in DIR (git-ignored), listens on 127.0.0.1:PORT only and keeps its socket in DIR.
# "throwaway" turns off fsync & co. (test clusters only; never for the run command's data).
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

cmd=${1:?usage: pg.sh start|stop DIR [PORT] [throwaway]}
dir=$(realpath -m "${2:?data directory required}")
port=${3:-5433}
mode=${4:-durable}
pgbin=/usr/lib/postgresql/15/bin

as_pg() {
  # initdb/postgres refuse to run as root: run them as the postgres OS user from a readable cwd.
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_installed() {
  if [ -x "$pgbin/initdb" ] && [ -f /usr/share/postgresql/15/extension/postgis.control ]; then return; fi
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL 15 + PostGIS 3 are missing. Run as root, or: sudo apt-get install postgresql-15-postgis-3" >&2
    exit 1
  fi
  echo "Installing PostgreSQL 15 + PostGIS 3 from apt ..."
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15-postgis-3 >/dev/null
}

start() {
  ensure_installed
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    if ! runuser -u postgres -- test -x "$dir"; then
      echo "The postgres OS user cannot reach $dir (a parent folder is private). Move the checkout outside /root or set PGDATA_DIR." >&2
      exit 1
    fi
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    # Durable clusters ask for passwords over TCP; throw-away test clusters trust 127.0.0.1.
    local host_auth=scram-sha-256
    if [ "$mode" = throwaway ]; then host_auth=trust; fi
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=$host_auth >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "unix_socket_directories = '$dir'"
      echo "max_connections = 200"
      echo "shared_buffers = 256MB"
      if [ "$mode" = throwaway ]; then
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      fi
    } >> "$dir/data/postgresql.conf"
  fi
  # The port may change between runs: always set it on the command line.
  if ! as_pg "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    # Close inherited descriptors first: started inside `flock LOCK cmd`, the server would otherwise keep the
    # lock file open (and the lock held) for as long as it runs.
    for fd in $(ls /proc/$$/fd); do
      if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
    done
    for attempt in 1 2 3; do
      if as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null; then break; fi
      sleep 1
    done
  fi
  for _ in $(seq 1 60); do
    if as_pg "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port"; then return 0; fi
    sleep 0.5
  done
  echo "PostgreSQL did not become ready on 127.0.0.1:$port; see $dir/server.log" >&2
  tail -20 "$dir/server.log" >&2 || true
  exit 1
}

# Creates the application role and database (with PostGIS) if missing; prints the connection string.
ensure_db() {
  local db=${4:-stationmap}
  local pwfile="$dir/app-password"
  if [ ! -f "$pwfile" ]; then
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$pwfile"
    chmod 600 "$pwfile"
  fi
  local pw; pw=$(cat "$pwfile")
  local psql=(as_pg /usr/lib/postgresql/15/bin/psql -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_roles where rolname='stationmap'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "create role stationmap login password '$pw'" >/dev/null
  fi
  if [ "$("${psql[@]}" -d postgres -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
    "${psql[@]}" -d postgres -c "create database \"$db\" owner stationmap" >/dev/null
  fi
  # PostGIS is not a trusted extension: the superuser creates it once, the app role then owns the rest.
  # pg_trgm is trusted (the migration could create it), created here too so a restricted owner never needs to.
  "${psql[@]}" -d "$db" -c "set client_min_messages = warning; create extension if not exists postgis; create extension if not exists pg_trgm" >/dev/null
  echo "Host=127.0.0.1;Port=$port;Database=$db;Username=stationmap;Password=$pw"
}

stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true; fi
}

case "$cmd" in
  start) start ;;
  ensure-db) ensure_db "$@" ;;
  stop) stop ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
