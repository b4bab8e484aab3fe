#!/usr/bin/env bash
# Makes (or starts) a streaming hot standby of a cluster started by scripts/pg.sh.
#   scripts/pg-standby.sh start PRIMARY_DIR PRIMARY_PORT STANDBY_DIR STANDBY_PORT
#       first time: pg_basebackup -R (primary_conninfo + standby.signal) with a replication slot created on
#       the primary (-C -S standby_<port>), then starts it; afterwards just starts it.
#   scripts/pg-standby.sh promote STANDBY_DIR      -> pg_ctl promote (the standby becomes the read-write server)
# The standby keeps its own socket in STANDBY_DIR and listens on 127.0.0.1:STANDBY_PORT.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"
here=$(dirname "$0")
pgbin=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

start() {
  local primary_dir primary_port standby_dir standby_port
  primary_dir=$(realpath -m "${1:?primary dir}"); primary_port=${2:?primary port}
  standby_dir=$(realpath -m "${3:?standby dir}"); standby_port=${4:?standby port}
  local slot="standby_$standby_port"
  if [ ! -f "$standby_dir/data/PG_VERSION" ]; then
    mkdir -p "$standby_dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$standby_dir"; fi
    local psql=(as_pg "$pgbin/psql" -h "$primary_dir" -p "$primary_port" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1)
    # A slot left by an earlier standby of the same port would hold WAL for nobody: start from a fresh one.
    "${psql[@]}" -c "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$slot'" >/dev/null
    as_pg "$pgbin/pg_basebackup" -h "$primary_dir" -p "$primary_port" -U postgres -D "$standby_dir/data" \
      -R -C -S "$slot" -X stream --checkpoint=fast
    # The copied settings name the primary's socket folder: give the standby its own.
    echo "unix_socket_directories = '$standby_dir'" >> "$standby_dir/data/postgresql.conf"
  fi
  "$here/pg.sh" start "$standby_dir" "$standby_port"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  promote) as_pg "$pgbin/pg_ctl" -D "$(realpath -m "${2:?standby dir}")/data" -w promote >/dev/null ;;
  *) echo "usage: pg-standby.sh start PRIMARY_DIR PRIMARY_PORT STANDBY_DIR STANDBY_PORT | promote STANDBY_DIR" >&2; exit 2 ;;
esac
