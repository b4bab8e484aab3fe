#!/usr/bin/env bash
# Load shedding and carrier NAT, on 150k generated stations, with the default limits (RateLimits:*):
#   1. sustainable rate S: wrk, 16 connections, /nearest from the usual query points (closed loop: as fast as answered)
#   2. 4 × S offered: hey, 400 connections each at 4·S/400 req/s, for SECS s. Counts answers by status and takes
#      the p99 of the accepted (200) ones from hey's per-request CSV. Per-client limits are off for this step only
#      (every request comes from 127.0.0.1, as if from one client); the global concurrency limit is what is tested.
#   3. 2,000 couriers behind one IP: 2,000 different points asked at once over 200 connections from 127.0.0.1,
#      with the default per-client limits on; every courier must get 200 and at least one station (a 503 "busy" is
#      retried after its Retry-After, as the app does; a 429 would be a per-client refusal and is not retried).
# Usage: bench/shedding.sh [stations=150000] [seconds=10]   (env BENCH_PG_PORT, BENCH_APP_PORT move the ports)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
N=${1:-150000}; SECS=${2:-10}
source bench/nearest-setup.sh
BASE="http://127.0.0.1:$APP_PORT"

serve() { # warm-up? then extra env assignments
  local warm=$1; shift
  env ASPNETCORE_URLS=$BASE Logging__LogLevel__Default=Warning "$@" \
    dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/api.log 2>&1 &
  APP=$!
  for _ in $(seq 1 150); do
    curl -s -o /dev/null -D - "$BASE/api/v1/stations/nearest?lng=116.4&lat=39.9" | grep -qi "x-nearest-path: index" && break; sleep 0.2
  done
  # Warm-up (tiered compilation); not before the NAT step, whose per-client bucket it would spend.
  if [ "$warm" = warm ]; then wrk -t1 -c4 -d8s -s $OUT/nearest.lua "$BASE" >/dev/null; fi
}
stop() { kill $APP; wait $APP 2>/dev/null || true; }

serve warm RateLimits__PublicPermits=0
S=$(wrk -t2 -c16 -d"${SECS}s" -s $OUT/nearest.lua "$BASE" | awk '/Requests\/sec/ { printf "%.0f", $2 }')
RATE=$(( (4 * S + 399) / 400 ))
hey -z "${SECS}s" -c 400 -q "$RATE" -o csv "$BASE/api/v1/stations/nearest?lng=116.4&lat=39.9" > $OUT/shed.csv || true
stop
read -r TOTAL OK SHED OTHER P99 < <(awk -F, 'NR > 1 { n++; if ($7 == 200) { ok++; print $1 * 1000 > "'$OUT'/shed-ok-ms" } else if ($7 == 503) shed++; else other++ }
  END { printf "%d %d %d %d ", n, ok, shed, other }' $OUT/shed.csv; sort -n $OUT/shed-ok-ms | awk '{ v[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.1f\n", v[i] }')

serve cold # the default limits
python3 - "$BASE" > $OUT/nat.txt <<'PY'
import json, random, sys, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
base = sys.argv[1]
random.seed(7)
points = [(116.2 + random.random() * 0.4, 39.75 + random.random() * 0.3) for _ in range(2000)]
seen = []
def ask(p):
    # As the courier app does: a 503 (server busy) is retried after its Retry-After; a 429 is not.
    for _ in range(5):
        try:
            with urllib.request.urlopen(f"{base}/api/v1/stations/nearest?lng={p[0]:.6f}&lat={p[1]:.6f}", timeout=30) as r:
                seen.append(r.status)
                return r.status, len(json.load(r)["results"])
        except urllib.error.HTTPError as e:
            seen.append(e.code)
            if e.code != 503: return e.code, 0
            time.sleep(int(e.headers.get("Retry-After", "1")))
    return 503, 0
with ThreadPoolExecutor(200) as pool:
    answers = list(pool.map(ask, points))
ok = sum(1 for s, n in answers if s == 200 and n > 0)
print(f"{ok} {len(answers)} " + " ".join(f"{s}:{seen.count(s)}" for s in sorted(set(seen))))
PY
stop
read -r NAT_OK NAT_ALL NAT_STATUSES < $OUT/nat.txt

{
  echo "Load shedding, $N stations, ${SECS}s per run, $(nproc) cores"
  echo ""
  echo "| step | offered | answered 200 | shed 503 | other | p99 of 200s |"
  echo "|---|---|---|---|---|---|"
  echo "| sustainable rate S (wrk, 16 connections) | closed loop | $S req/s | - | - | - |"
  echo "| 4 × S (hey, 400 connections × $RATE req/s) | $(( TOTAL / SECS )) req/s achieved | $(( OK / SECS )) req/s | $(( SHED / SECS )) req/s | $OTHER | $P99 ms |"
  echo ""
  echo "- 2,000 couriers behind one IP (default per-client limits): $NAT_OK of $NAT_ALL got their nearest stations (all answers by status, retries included: $NAT_STATUSES)"
} | tee $OUT/shedding-results.md
