#!/usr/bin/env bash
# Shared by the failure scripts: bounded wrk load through HAProxy on 127.0.0.1, a staff key, writes, checksums.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PATH="$PATH:/usr/sbin:/sbin"
cluster=scripts/cluster.sh
LB=http://127.0.0.1:${CLUSTER_PORT:-5090}
out=$(realpath -m .local/cluster/bench); mkdir -p "$out"
pgbin=/usr/lib/postgresql/15/bin

command -v wrk >/dev/null && command -v bc >/dev/null || {
  [ "$(id -u)" = 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk bc >/dev/null
}
curl -fs -o /dev/null "$LB/health/ready" || { echo "the cluster is not running: make cluster" >&2; exit 1; }
# All the load comes from one address: with the public rate limit on, it would measure the limiter.
for f in .local/cluster/api*.pid; do
  tr '\0' '\n' < "/proc/$(cat "$f")/environ" | grep -qx 'RateLimits__PublicPermits=0' || {
    echo "the benchmark needs the public rate limit off: make cluster-stop; CLUSTER_PUBLIC_PERMITS=0 make cluster" >&2; exit 1; }
done

t0=$(date +%s.%N)
elapsed() { printf '%5.1f s' "$(echo "$(date +%s.%N) - $t0" | bc)"; }
say() { echo "[$(elapsed)] $*"; }

# load SECONDS NAME [KINDS [THREADS CONNECTIONS]]: public reads in the background (default: the mix, 2 threads,
# 8 connections; KINDS nearest or db: see load.lua), result line in $out/NAME.wrk
load_pids=()
load() {
  psql_node "$($cluster primary)" -c "SELECT code FROM stations WHERE is_public AND deleted_at IS NULL ORDER BY id LIMIT 500" > "$out/codes.txt"
  LOAD_KINDS=${3:-all} CODES_FILE="$out/codes.txt" wrk -t"${4:-2}" -c"${5:-8}" -d"$1"s --timeout 10s -s bench/cluster/load.lua "$LB" > "$out/$2.wrk" 2>&1 &
  load_pids+=($!)
}
load_wait() { for p in "${load_pids[@]}"; do wait "$p" || true; done; load_pids=(); }
load_result() { grep '^RESULT' "$out/$1.wrk" | sed 's/^RESULT //'; }

staff_key() {
  ConnectionStrings__StationMap="$($cluster connection-string)" \
    dotnet run --project src/StationMap.Cli -c Release --no-build -- keys create --org 110000 --role admin 2>/dev/null
}

# write_once KEY CODE: creates a station; prints "code status seconds retry-after started-at"
write_once() {
  local body started; started=$(date +%s.%N)
  body=$(printf '{"code":"%s","name":"集群测试工会户外劳动者服务站点","address":"北京市延庆区集群路%s号","adcode":"110119","lng":115.9%s,"lat":40.45,"coordsys":"wgs84","services":["饮水"],"openingHours":"24/7","reason":"cluster failure test"}' \
    "$2" "${2##*-}" "${2##*-}")
  curl -s -m 30 -o /dev/null -D "$out/h.$2" -w "%{http_code} %{time_total}\n" -X POST "$LB/api/v1/stations" \
    -H "Authorization: Bearer $1" -H 'content-type: application/json' -d "$body" | { read -r code t; \
    echo "$2 $code $t $(grep -i '^retry-after:' "$out/h.$2" | tr -d '\r' | awk '{print $2}' | grep . || echo -) $started"; }
  rm -f "$out/h.$2"
}

# writes KEY SECONDS PREFIX: one write every 0.5 s (each in the background, so a stalled one does not hold the next)
writes() {
  local key=$1 seconds=$2 prefix=$3 i=0
  : > "$out/$prefix.writes"
  local end=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$end" ]; do
    i=$((i + 1))
    write_once "$key" "$prefix-$(printf '%04d' $i)" >> "$out/$prefix.writes" &
    sleep 0.5
  done
  wait
}

# summary of a writes file: sent, by status, slowest
writes_summary() {
  awk '{n++; s[$2]++; if ($3 > max) max = $3; if ($2 == 503 && $4 != "-") ra++}
       END {printf "sent=%d", n; for (k in s) printf " %s=%d", k, s[k]; printf " slowest=%.2f s, 503 with Retry-After=%d\n", max, ra}' "$out/$1.writes"
}

psql_node() { local node=$1; shift; $pgbin/psql -h "$(realpath .local/cluster/$node)" -p "$($cluster port "$node")" -U postgres -d stationmap -qtAX "$@"; }

# checksum NODE MAX_STATION MAX_HISTORY MAX_JOB: md5 over the rows that existed at the given ids
checksum() {
  psql_node "$1" -c "SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY id) FROM stations s WHERE id <= $2), '')
    || coalesce((SELECT string_agg(h::text, '|' ORDER BY id) FROM station_history h WHERE id <= $3), '')
    || coalesce((SELECT string_agg(j::text, '|' ORDER BY id) FROM import_jobs j WHERE id <= $4), ''))"
}
