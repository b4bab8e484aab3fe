#!/usr/bin/env bash
# Nearest-station benchmark. One run measures, on 150k generated stations:
#   (a) pgbench running the SQL path's own KNN query      (reference for the database)
#   (b) GET /api/v1/stations/nearest on the SQL path       (Nearby:UseIndex=false)
#   (c) GET /api/v1/stations/nearest on the in-memory index
#   (d) GET /health/live                                   (the server's HTTP ceiling)
# each at 2 and 16 connections, with the same query points, then prints req/s, p50, p99 and
# the ratios b/a, c/a, c/d. Then (c) and (d) again at a steady 5,000 req/s (hey -z 10s -c 50 -q 100), and the
# p99 ratios of (c) to (d) at both loads. Also the 1.5M-station index build time and memory.
# (a), (b), (c) and (d) are measured in turn in every round (the two servers, SQL path and index, run side by side),
# because this machine's speed drifts by up to ±20 % over minutes: measured minutes apart, the drift would land in
# the ratios. Their req/s are the means over the rounds (p50: the last round; p99: the worst round).
# Usage: bench/nearest.sh [stations=150000] [seconds=10] [rounds=3]   (env BENCH_PG_PORT, BENCH_APP_PORT move the ports)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
N=${1:-150000}; SECS=${2:-10}; ROUNDS=${3:-3}

source bench/nearest-setup.sh
PSQL=(psql -h "$DIR" -p $PORT -U postgres -d bench_nearest -qtA)
"${PSQL[@]}" -c "VACUUM ANALYZE stations" >/dev/null

$BENCH nearest-pgbench-script > $OUT/nearest.sql

declare -A RPS P50 P99 ROUND ROUNDP99
# The largest of wrk latencies such as "651.00us 1.02ms", printed as given.
worst() { tr ' ' '\n' <<<"$1" | awk 'NF { v = $1 + 0; if ($1 ~ /ms$/) v *= 1000; else if ($1 ~ /[0-9]s$/) v *= 1000000; if (v >= m) { m = v; w = $1 } } END { print w }'; }
pgb() { # clients
  local out; out=$(pgbench -h "$DIR" -p $PORT -U postgres -n -M prepared -c "$1" -j "$1" -T "$SECS" -f $OUT/nearest.sql -r bench_nearest 2>&1)
  RPS[a$1]=$(grep -oE "tps = [0-9.]+" <<<"$out" | head -1 | awk '{printf "%.0f", $3}')
  ROUND[a$1]+=" ${RPS[a$1]}"
  local lat; lat=$(grep -oE "latency average = [0-9.]+" <<<"$out" | awk '{print $4}')
  P50[a$1]="${lat}ms(avg)"; P99[a$1]="-"
}
serve() { # useIndex port: starts a server in the background (its pid in APP)
  # Per-client limits off: every request comes from 127.0.0.1 here.
  ASPNETCORE_URLS=http://127.0.0.1:$2 Nearby__UseIndex=$1 RateLimits__PublicPermits=0 Logging__LogLevel__Default=Warning \
    dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/api-$2.log 2>&1 &
  APP=$!
  for _ in $(seq 1 100); do
    if curl -sf "http://127.0.0.1:$2/health/ready" >/dev/null; then break; fi; sleep 0.2
  done
  if [ "$1" = true ]; then # wait for the index
    for _ in $(seq 1 100); do
      curl -s -o /dev/null -D - "http://127.0.0.1:$2/api/v1/stations/nearest?lng=116.4&lat=39.9" | grep -qi "x-nearest-path: index" && break; sleep 0.2
    done
  fi
  # Warm-up: tiered compilation (with dynamic PGO) keeps re-compiling hot methods for several seconds under
  # load; after only 2 s the first measured run was 20-35 % below the steady state, so warm for 8 s.
  wrk -t1 -c4 -d8s -s $OUT/nearest.lua "http://127.0.0.1:$2" >/dev/null
}
load() { # key connections url [lua]
  local args=(-t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${SECS}s" --latency)
  [ -n "${4:-}" ] && args+=(-s "$4")
  local out; out=$(wrk "${args[@]}" "$3")
  RPS[$1$2]=$(grep -oE "Requests/sec: +[0-9.]+" <<<"$out" | awk '{printf "%.0f", $2}')
  ROUND[$1$2]+=" ${RPS[$1$2]}"
  P50[$1$2]=$(grep -E "^ +50%" <<<"$out" | awk '{print $2}')
  local p99; p99=$(grep -E "^ +99%" <<<"$out" | awk '{print $2}')
  ROUNDP99[$1$2]+=" $p99"; P99[$1$2]=$(worst "${ROUNDP99[$1$2]}")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx responses in $1$2:"; grep "Non-2xx" <<<"$out"; fi
}

mean() { awk '{ for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }' <<<"$1"; }
# Both servers run side by side (each idle while another measurement runs), so every round measures (a), (b), (c)
# and (d) within the same minute: the ratios then compare like with like even when the machine's speed drifts.
SQL_PORT=$((APP_PORT + 1))
serve false $SQL_PORT; SQL_APP=$APP
serve true $APP_PORT
for _ in $(seq 1 "$ROUNDS"); do for c in 2 16; do
  pgb $c
  load b $c "http://127.0.0.1:$SQL_PORT" $OUT/nearest.lua
  load c $c "http://127.0.0.1:$APP_PORT" $OUT/nearest.lua
  load d $c "http://127.0.0.1:$APP_PORT/health/live"
done; done
for k in a2 a16 b2 b16 c2 c16 d2 d16; do RPS[$k]=$(mean "${ROUND[$k]}"); done
kill $SQL_APP; wait $SQL_APP 2>/dev/null || true
# Steady load: hey holds 50 connections at 100 req/s each; p99 from its latency distribution, in ms.
declare -A HEYP99
steady() { # key url
  local p; p=$(hey -z "${SECS}s" -c 50 -q 100 "$2" | awk '/ 99% in / { printf "%.2f", $3 * 1000 }')
  HEYP99[$1]+=" $p"
}
for _ in $(seq 1 "$ROUNDS"); do
  steady c "http://127.0.0.1:$APP_PORT/api/v1/stations/nearest?lng=116.4&lat=39.9"
  steady d "http://127.0.0.1:$APP_PORT/health/live"
done
kill $APP; wait $APP 2>/dev/null || true
BUILD=$($BENCH nearest-index-build 1500000)

ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "-" }'; }
{
  echo "Nearest benchmark, $N stations, ${SECS}s per run, (a), (b), (c), (d) in turn in each of $ROUNDS rounds, $(nproc) cores, $(date -u +%F)"
  echo ""
  echo "| what | conns | req/s | p50 | p99 |"
  echo "|---|---|---|---|---|"
  for k in a b c d; do for c in 2 16; do
    name=$(case $k in a) echo "(a) pgbench, same KNN SQL";; b) echo "(b) endpoint, SQL path";; c) echo "(c) endpoint, in-memory index";; d) echo "(d) /health/live";; esac)
    echo "| $name | $c | ${RPS[$k$c]} | ${P50[$k$c]} | ${P99[$k$c]} |"
  done; done
  echo ""
  for c in 2 16; do
    echo "- $c connections: b/a = $(ratio "${RPS[b$c]}" "${RPS[a$c]}"), c/a = $(ratio "${RPS[c$c]}" "${RPS[a$c]}"), c/d = $(ratio "${RPS[c$c]}" "${RPS[d$c]}")"
  done
  echo "- req/s by round, 2 connections: a${ROUND[a2]} / b${ROUND[b2]} / c${ROUND[c2]} / d${ROUND[d2]}"
  echo "- req/s by round, 16 connections: a${ROUND[a16]} / b${ROUND[b16]} / c${ROUND[c16]} / d${ROUND[d16]}"
  echo "- c/a at 16 connections by round: $(paste -d' ' <(tr ' ' '\n' <<<"${ROUND[c16]}" | sed '/^$/d') <(tr ' ' '\n' <<<"${ROUND[a16]}" | sed '/^$/d') | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $1 / $2 }')"
  echo "- p99 of (c) at 2 connections by round:${ROUNDP99[c2]}"
  echo "- index at 1.5M stations: $BUILD"
  echo "- p99 at saturation (wrk, 16 connections) by round: (c)${ROUNDP99[c16]} / (d)${ROUNDP99[d16]}"
  echo "- p99 at a steady 5,000 req/s (hey -c 50 -q 100) by round, ms: (c)${HEYP99[c]} / (d)${HEYP99[d]}"
} | tee $OUT/nearest-results.md
