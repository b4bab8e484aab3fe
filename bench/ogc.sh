#!/usr/bin/env bash
# OGC API – Features and vector tile benchmark (issue 21). One run, on N generated stations, measures:
#   (a) pgbench running the items endpoint's own page SQL (1,000 features as GeoJSON, random one of the first 20 pages)
#   (b) GET /ogc/collections/stations/items?limit=1000&offset=…   (same pages)
#   (c) pgbench running the tile endpoint's own ST_AsMVT SQL for a z12 tile of central Beijing
#   (d) GET /tiles/stations/12/3372/1552.mvt with the tile cache off (Tiles:Cache=false): every request makes the tile
#   (e) the same tile from the cache (normal settings)
#   (f) GET /health/live (the server's HTTP ceiling)
# (a)/(b), (c)/(d) and (e)/(f) alternate over ROUNDS rounds (this machine's speed drifts over minutes); req/s are
# the means. Prints b/a, d/c and e/f.
# Usage: bench/ogc.sh [stations=150000] [seconds=10] [rounds=2]   (PG_PORT, PORT move the database and the server)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
N=${1:-150000}; SECS=${2:-10}; ROUNDS=${3:-2}
DIR=$PWD/.local/pgbench-ogc; PGP=${PG_PORT:-5437}; APP_PORT=${PORT:-5091}; OUT=.local/bench; mkdir -p $OUT
DB=bench_ogc; C=4; CC=16
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }

scripts/pg.sh start "$DIR" "$PGP" throwaway
CS=$(scripts/pg.sh ensure-db "$DIR" "$PGP" $DB 2>/dev/null)
export ConnectionStrings__StationMap="$CS"
dotnet build StationMap.sln -c Release -nologo -v q >/dev/null
CLI="dotnet src/StationMap.Cli/bin/Release/net10.0/stationmap.dll"
BENCH="dotnet bench/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll"
PSQL=(psql -h "$DIR" -p "$PGP" -U postgres -d $DB -qtA)
$CLI db migrate >/dev/null
if [ "$("${PSQL[@]}" -c 'SELECT count(*) FROM stations')" = 0 ]; then $CLI db seed --china "$N" | sed "s/^/  /"; fi
"${PSQL[@]}" -c "VACUUM ANALYZE stations" >/dev/null
STATIONS=$("${PSQL[@]}" -c 'SELECT count(*) FROM stations')
# A z12 tile over central Beijing (Tiananmen): its station count, for the table.
Z=12; X=3372; Y=1552
IN_TILE=$("${PSQL[@]}" -c "SELECT count(*) FROM stations WHERE is_public AND status = 'active' AND ST_Intersects(location::geometry, ST_Transform(ST_TileEnvelope($Z, $X, $Y), 4326))")

$BENCH ogc-pgbench-items 20 > $OUT/ogc-items.sql
$BENCH ogc-pgbench-tile $Z $X $Y > $OUT/ogc-tile.sql
cat > $OUT/ogc-items.lua <<'LUA'
request = function() return wrk.format("GET", "/ogc/collections/stations/items?limit=1000&offset=" .. math.random(0, 19) * 1000) end
LUA

declare -A RPS ROUND P50
pgb() { # key script
  local out; out=$(pgbench -h "$DIR" -p "$PGP" -U postgres -n -M prepared -c $C -j 2 -T "$SECS" -f "$2" $DB 2>&1)
  if grep -q "error" <<<"$out"; then echo "pgbench failed:"; grep error <<<"$out" | head -3; exit 1; fi
  RPS[$1]=$(grep -oE "tps = [0-9.]+" <<<"$out" | head -1 | awk '{printf "%.0f", $3}')
  ROUND[$1]+=" ${RPS[$1]}"
  P50[$1]="$(grep -oE "latency average = [0-9.]+" <<<"$out" | awk '{print $4}')ms(avg)"
}
load() { # key connections url [lua]
  local args=(-t 2 -c "$2" -d "${SECS}s" --latency)
  [ -n "${4:-}" ] && args+=(-s "$4")
  local out; out=$(wrk "${args[@]}" "$3")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx responses in $1:"; grep "Non-2xx" <<<"$out"; fi
  RPS[$1]=$(grep -oE "Requests/sec: +[0-9.]+" <<<"$out" | awk '{printf "%.0f", $2}')
  ROUND[$1]+=" ${RPS[$1]}"
  P50[$1]=$(grep -E "^ +50%" <<<"$out" | awk '{print $2}')
}
serve() { # tile cache on/off
  ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT Tiles__Cache=$1 Nearby__UseIndex=false RateLimits__PublicPermits=0 Logging__LogLevel__Default=Warning \
    dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/ogc-api.log 2>&1 &
  APP=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$APP_PORT/health/ready" >/dev/null && break; sleep 0.2; done
  # Warm-up: tiered compilation keeps re-compiling hot paths for seconds under load.
  wrk -t1 -c4 -d4s -s $OUT/ogc-items.lua "http://127.0.0.1:$APP_PORT" >/dev/null
  wrk -t1 -c4 -d4s "http://127.0.0.1:$APP_PORT/tiles/stations/$Z/$X/$Y.mvt" >/dev/null
}
stop() { kill $APP; wait $APP 2>/dev/null || true; }
mean() { awk '{ for (i = 1; i <= NF; i++) s += $i; printf "%.0f", s / NF }' <<<"$1"; }
ratio() { awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.2f", x / y; else print "-" }'; }

TILE_URL="http://127.0.0.1:$APP_PORT/tiles/stations/$Z/$X/$Y.mvt"
serve false
TILE_BYTES=$(curl -s "$TILE_URL" | wc -c)
PAGE_BYTES=$(curl -s "http://127.0.0.1:$APP_PORT/ogc/collections/stations/items?limit=1000" | wc -c)
for _ in $(seq 1 "$ROUNDS"); do
  pgb a $OUT/ogc-items.sql
  load b $C "http://127.0.0.1:$APP_PORT" $OUT/ogc-items.lua
  pgb c $OUT/ogc-tile.sql
  load d $C "$TILE_URL"
done
stop
serve true
for _ in $(seq 1 "$ROUNDS"); do
  load e $CC "$TILE_URL"
  load f $CC "http://127.0.0.1:$APP_PORT/health/live"
done
stop
for k in a b c d e f; do RPS[$k]=$(mean "${ROUND[$k]}"); done

{
  echo "OGC benchmark, $STATIONS stations, ${SECS}s per run, pairs alternating over $ROUNDS rounds, $(nproc) cores, $(date -u +%F)"
  echo ""
  echo "| what | conns | req/s | p50 | by round |"
  echo "|---|---|---|---|---|"
  echo "| (a) pgbench, items page SQL (1,000 features, GeoJSON) | $C | ${RPS[a]} | ${P50[a]} |${ROUND[a]} |"
  echo "| (b) /ogc/collections/stations/items?limit=1000 (${PAGE_BYTES} bytes) | $C | ${RPS[b]} | ${P50[b]} |${ROUND[b]} |"
  echo "| (c) pgbench, ST_AsMVT SQL, tile $Z/$X/$Y ($IN_TILE stations) | $C | ${RPS[c]} | ${P50[c]} |${ROUND[c]} |"
  echo "| (d) /tiles/stations/$Z/$X/$Y.mvt, cache off (${TILE_BYTES} bytes) | $C | ${RPS[d]} | ${P50[d]} |${ROUND[d]} |"
  echo "| (e) the same tile, cached | $CC | ${RPS[e]} | ${P50[e]} |${ROUND[e]} |"
  echo "| (f) /health/live | $CC | ${RPS[f]} | ${P50[f]} |${ROUND[f]} |"
  echo ""
  echo "- items b/a = $(ratio "${RPS[b]}" "${RPS[a]}") (target ≥ 0.5); tiles d/c = $(ratio "${RPS[d]}" "${RPS[c]}") (target ≥ 0.5); cached tiles e/f = $(ratio "${RPS[e]}" "${RPS[f]}") (target ≥ 0.35)"
} | tee $OUT/ogc-results.md
