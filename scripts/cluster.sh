#!/usr/bin/env bash
# A whole StationMap deployment on this machine: PostgreSQL primary + streaming hot standby (replication slot),
# two API instances (published Release build) and HAProxy in front.
#   scripts/cluster.sh start | stop | status
#   scripts/cluster.sh api-start N | api-stop N | api-kill N   one API instance (1 or 2): start / stop / kill -9
#   scripts/cluster.sh pg-stop NODE | pg-start NODE       a database node (pg1, pg2): fast shutdown / start
#   scripts/cluster.sh promote NODE                       pg_ctl promote a standby
#   scripts/cluster.sh rejoin NODE                        rebuild NODE as a standby of the current primary
#   scripts/cluster.sh primary | standby                  print the node that currently has that role
# Ports: CLUSTER_PORT (HAProxy, 5090), CLUSTER_API_PORTS ("5091 5092"), CLUSTER_PG_PORTS ("5455 5456");
# everything lives in CLUSTER_DIR (.local/cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Servers started from here must not keep the caller's descriptors (a pipe, a lock) open for as long as they run.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done

dir=$(realpath -m "${CLUSTER_DIR:-.local/cluster}")
lb_port=${CLUSTER_PORT:-5090}
read -r -a api_ports <<< "${CLUSTER_API_PORTS:-5091 5092}"
read -r -a pg_ports <<< "${CLUSTER_PG_PORTS:-5455 5456}"
nodes=(pg1 pg2)
pgbin=/usr/lib/postgresql/15/bin

as_pg() { if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
node_port() { [ "$1" = pg1 ] && echo "${pg_ports[0]}" || echo "${pg_ports[1]}"; }
other_node() { [ "$1" = pg1 ] && echo pg2 || echo pg1; }
sql() { as_pg "$pgbin/psql" -h "$dir/$1" -p "$(node_port "$1")" -U postgres -d "${3:-postgres}" -qtAX -c "$2" 2>/dev/null; }
is_up() { as_pg "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$(node_port "$1")"; }
role_of() { case "$(sql "$1" 'select pg_is_in_recovery()')" in t) echo standby ;; f) echo primary ;; *) echo down ;; esac; }
node_with_role() { for n in "${nodes[@]}"; do if [ "$(role_of "$n")" = "$1" ]; then echo "$n"; return; fi; done; return 1; }

# Both hosts in one string: Npgsql finds the read-write one for writes and prefers the standby for public reads.
# Timeout / Command Timeout (also the request deadline) bound how long a request waits for a stalled server before it
# answers 503; Cancellation Timeout must not be -1 (a timeout then never marks the stalled host offline), and GSS
# encryption off (with Prefer, the cancel sent to a stalled server waits its Timeout twice): docs/deployment.md.
# Host Recheck Seconds stays at its default (10 s): how soon a promoted standby is tried as the new primary, and how
# long a host that stalled stays marked offline.
connection_string() {
  local pw; pw=$(cat "$dir/pg1/app-password")
  echo "Host=127.0.0.1:${pg_ports[0]},127.0.0.1:${pg_ports[1]};Database=stationmap;Username=stationmap;Password=$pw;Timeout=2;Command Timeout=3;Cancellation Timeout=500;Gss Encryption Mode=Disable;Load Balance Hosts=true;Keepalive=5"
}

ensure_haproxy() {
  command -v haproxy >/dev/null && return
  [ "$(id -u)" = 0 ] || { echo "HAProxy is missing: apt-get install haproxy (or run as root)" >&2; exit 1; }
  echo "Installing HAProxy from apt ..."
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null
  systemctl disable --now haproxy >/dev/null 2>&1 || true   # the package's own service would take port 80
}

start_databases() {
  if [ ! -f "$dir/pg1/data/PG_VERSION" ] && [ ! -f "$dir/pg2/data/PG_VERSION" ]; then
    echo "Creating the primary (pg1, 127.0.0.1:${pg_ports[0]}) ..."
    scripts/pg.sh start "$dir/pg1" "${pg_ports[0]}"
    local single; single=$(scripts/pg.sh ensure-db "$dir/pg1" "${pg_ports[0]}" stationmap)
    ConnectionStrings__StationMap="$single" dotnet run --project src/StationMap.Cli -c Release --no-build -- db migrate
    ConnectionStrings__StationMap="$single" dotnet run --project src/StationMap.Cli -c Release --no-build -- db seed
    echo "Creating the standby (pg2, 127.0.0.1:${pg_ports[1]}) with pg_basebackup -R and a replication slot ..."
    scripts/pg-standby.sh start "$dir/pg1" "${pg_ports[0]}" "$dir/pg2" "${pg_ports[1]}"
  else
    for n in "${nodes[@]}"; do [ -f "$dir/$n/data/PG_VERSION" ] && scripts/pg.sh start "$dir/$n" "$(node_port "$n")"; done
  fi
}

publish_api() {
  echo "Publishing the API (Release) to $dir/api ..."
  dotnet publish src/StationMap.Api -c Release --no-build -o "$dir/api" -nologo -v q >/dev/null
}

api_start() {
  local n=$1 port=${api_ports[$(($1 - 1))]}
  if curl -fs -o /dev/null "http://127.0.0.1:$port/health/live"; then return; fi
  local instances=${#api_ports[@]}
  # Per-client limits live in each instance's memory: give each 1/N of the cluster-wide budget (docs/deployment.md).
  # The budget chosen at `start` (CLUSTER_PUBLIC_PERMITS, 0 = off) also applies to a restarted instance.
  local permits=${CLUSTER_PUBLIC_PERMITS:-$(cat "$dir/public-permits" 2>/dev/null || echo 6000)}
  local search=${CLUSTER_SEARCH_PERMITS:-20}
  echo "$permits" > "$dir/public-permits"
  # Configuration by environment variables, as in a container.
  # (env and setsid exec in place: the recorded pid is the server's own)
  env -C "$dir/api" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__StationMap="$(connection_string)" \
    Proxy__TrustedProxies__0=127.0.0.1 \
    RateLimits__PublicPermits=$(( permits / instances )) \
    RateLimits__SearchPermits=$(( search / instances > 0 ? search / instances : 1 )) \
    setsid dotnet StationMap.Api.dll > "$dir/api$n.log" 2>&1 < /dev/null &
  echo $! > "$dir/api$n.pid"
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then return; fi
    sleep 0.5
  done
  echo "api$n did not become ready on 127.0.0.1:$port; see $dir/api$n.log" >&2
  tail -20 "$dir/api$n.log" >&2
  exit 1
}

api_kill() {
  local pidfile="$dir/api$1.pid"
  if [ -f "$pidfile" ]; then kill -9 "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; fi
}

api_stop() {
  local pidfile="$dir/api$1.pid"
  if [ -f "$pidfile" ]; then
    local pid; pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
  fi
}

haproxy_start() {
  ensure_haproxy
  haproxy_stop
  STATIONMAP_BIND="127.0.0.1:$lb_port" STATIONMAP_API1="127.0.0.1:${api_ports[0]}" STATIONMAP_API2="127.0.0.1:${api_ports[1]}" \
    haproxy -f deploy/haproxy.cfg -D -p "$dir/haproxy.pid"
  for _ in $(seq 1 20); do
    if curl -fs -o /dev/null "http://127.0.0.1:$lb_port/health/ready"; then return; fi
    sleep 0.5
  done
  echo "HAProxy does not answer on 127.0.0.1:$lb_port" >&2; exit 1
}

haproxy_stop() {
  if [ -f "$dir/haproxy.pid" ]; then
    kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
    rm -f "$dir/haproxy.pid"
  fi
}

start() {
  mkdir -p "$dir"
  echo "${CLUSTER_PUBLIC_PERMITS:-6000}" > "$dir/public-permits"
  ensure_haproxy
  start_databases
  publish_api
  for i in $(seq 1 ${#api_ports[@]}); do echo "Starting api$i on 127.0.0.1:${api_ports[$((i - 1))]} ..."; api_start "$i"; done
  haproxy_start
  echo ""
  echo "  StationMap (HAProxy)   http://127.0.0.1:$lb_port/"
  echo "  API instances          http://127.0.0.1:${api_ports[0]}  http://127.0.0.1:${api_ports[1]}   (logs: $dir/api*.log)"
  echo "  PostgreSQL             pg1 127.0.0.1:${pg_ports[0]}, pg2 127.0.0.1:${pg_ports[1]} (data in $dir)"
  echo "  make cluster-status    roles and replication lag;   make cluster-stop   stops everything"
  echo ""
  status
}

stop() {
  haproxy_stop
  for i in $(seq 1 ${#api_ports[@]}); do api_stop "$i"; done
  for n in "${nodes[@]}"; do
    if [ -f "$dir/$n/data/postmaster.pid" ]; then
      kill -CONT "$(head -1 "$dir/$n/data/postmaster.pid")" 2>/dev/null || true   # in case a stall test was interrupted
      scripts/pg.sh stop "$dir/$n"
    fi
  done
}

status() {
  local primary; primary=$(node_with_role primary || true)
  for n in "${nodes[@]}"; do
    local role; role=$(role_of "$n")
    case "$role" in
      primary)
        local standbys
        standbys=$(sql "$n" "select coalesce(string_agg(format('%s %s, %s bytes behind, replay lag %s', application_name, state,
            pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), coalesce(replay_lag::text, '0')), '; '), 'no standby connected')
            from pg_stat_replication")
        printf '%-8s 127.0.0.1:%-6s %-8s streaming to: %s\n' "$n" "$(node_port "$n")" primary "$standbys" ;;
      standby)
        local lag
        lag=$(sql "$n" "select format('receives %s, replayed %s bytes behind received; last replayed commit %s s ago',
            coalesce(status, 'nothing'), greatest(coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0), 0),
            coalesce(round(extract(epoch from now() - pg_last_xact_replay_timestamp())::numeric, 1)::text, '-'))
            from (select 1) one left join pg_stat_wal_receiver on true")
        local behind=""
        if [ -n "$primary" ]; then
          behind=$(sql "$primary" "select pg_wal_lsn_diff(pg_current_wal_lsn(), '$(sql "$n" 'select pg_last_wal_replay_lsn()')')")
          behind="; $behind bytes behind the primary"
        fi
        printf '%-8s 127.0.0.1:%-6s %-8s %s%s\n' "$n" "$(node_port "$n")" standby "$lag" "$behind" ;;
      *) printf '%-8s 127.0.0.1:%-6s %-8s\n' "$n" "$(node_port "$n")" down ;;
    esac
  done
  for i in $(seq 1 ${#api_ports[@]}); do
    local port=${api_ports[$((i - 1))]} state
    state=$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)
    case "$state" in 200) state=ready ;; 000) state=down ;; *) state="not ready ($state)" ;; esac
    printf '%-8s 127.0.0.1:%-6s %-8s %s\n' "api$i" "$port" instance "$state"
  done
  local stats
  if stats=$(curl -fs -m 2 "http://127.0.0.1:$lb_port/haproxy-stats;csv"); then
    printf '%-8s 127.0.0.1:%-6s %-8s %s\n' haproxy "$lb_port" balancer \
      "$(echo "$stats" | awk -F, '$1 == "api" && $2 != "BACKEND" && $2 != "FRONTEND" {printf "%s %s; ", $2, $18}')"
  else
    printf '%-8s 127.0.0.1:%-6s %-8s %s\n' haproxy "$lb_port" balancer down
  fi
}

rejoin() {
  local n=$1 primary
  primary=$(node_with_role primary) || { echo "no primary to follow" >&2; exit 1; }
  [ "$primary" != "$n" ] || { echo "$n is the primary" >&2; exit 1; }
  scripts/pg.sh stop "$dir/$n"
  rm -rf "$dir/$n/data"
  # pg1 made the app password; a rebuilt pg1 keeps it (only data/ is replaced).
  scripts/pg-standby.sh start "$dir/$primary" "$(node_port "$primary")" "$dir/$n" "$(node_port "$n")"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  api-start) api_start "${2:?instance number}" ;;
  api-kill) api_kill "${2:?instance number}" ;;
  api-stop) api_stop "${2:?instance number}" ;;
  pg-stop) scripts/pg.sh stop "$dir/${2:?node}" ;;
  pg-start) scripts/pg.sh start "$dir/${2:?node}" "$(node_port "$2")" ;;
  promote) scripts/pg-standby.sh promote "$dir/${2:?node}" ;;
  rejoin) rejoin "${2:?node}" ;;
  primary) node_with_role primary ;;
  standby) node_with_role standby ;;
  connection-string) connection_string ;;
  port) node_port "${2:?node}" ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
