#!/usr/bin/env bash
# Gap cells as vector tiles vs GeoJSON (issue 19), one run on the Beijing sample stations, 100 m cells, max=1:
#   (a) GET /api/v1/coverage/cells?adcode=110000 (the GeoJSON a map would need): bytes, features, seconds
#   (b) every z11 tile over Beijing's box from /tiles/coverage/110000: total bytes, seconds for all (one client)
#   (c) wrk, one z12 tile of 海淀 (hills to 中关村) from /tiles/coverage/110108, 4 connections
#   (d) wrk, the same z12 tile of /tiles/stations made afresh each time (Tiles:Cache=false): the reference, an
#       ST_AsMVT tile of the same server in the same minutes
#   (e) wrk, the tile of (c) again on a server with the tile cache on (the default)
# Coverage is computed once before (a)–(d) (the stored coverage every request then reads).
# Usage: bench/coverage-tiles.sh [seconds=10]   (PG_PORT, PORT move the database and the server)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
SECS=${1:-10}
DIR=$PWD/.local/pgbench-coverage-tiles; PGP=${PG_PORT:-5456}; APP_PORT=${PORT:-5093}; OUT=.local/bench; mkdir -p $OUT
command -v wrk >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q wrk >/dev/null; }

scripts/pg.sh start "$DIR" "$PGP" throwaway
export ConnectionStrings__StationMap="$(scripts/pg.sh ensure-db "$DIR" "$PGP" bench_coverage_tiles 2>/dev/null)"
dotnet build StationMap.sln -c Release -nologo -v q >/dev/null
CLI="dotnet src/StationMap.Cli/bin/Release/net10.0/stationmap.dll"
$CLI db migrate >/dev/null
$CLI db seed >/dev/null
KEY=$($CLI keys create --org 110000 --role viewer --label bench 2>/dev/null)
AUTH="Authorization: Bearer $KEY"
BASE="http://127.0.0.1:$APP_PORT"

ASPNETCORE_URLS=$BASE Tiles__Cache=false RateLimits__PublicPermits=0 Logging__LogLevel__Default=Warning \
  dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/coverage-tiles-api.log 2>&1 &
APP=$!
trap 'kill $APP; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.2; done
curl -sf -H "$AUTH" "$BASE/api/v1/coverage?adcode=110000&cell=100" >/dev/null  # computes the stored coverage

read -r BYTES SECONDS < <(curl -s -H "$AUTH" -o $OUT/coverage-cells.geojson -w '%{size_download} %{time_total}\n' "$BASE/api/v1/coverage/cells?adcode=110000&cell=100&max=1")
FEATURES=$(grep -o '"type":"Feature"' $OUT/coverage-cells.geojson | wc -l)
TRUNCATED=$(grep -o '"truncated":[a-z]*' $OUT/coverage-cells.geojson)
echo "(a) GeoJSON cells, 北京 100 m max=1: $BYTES bytes, $FEATURES features ($TRUNCATED), ${SECONDS} s"

# z11 tiles over 115.4–117.5° E, 39.4–41.1° N.
tile() { awk -v lng="$1" -v lat="$2" -v z="$3" 'BEGIN { n = 2 ^ z; r = lat * atan2(0, -1) / 180;
  printf "%d %d\n", int((lng + 180) / 360 * n), int((1 - log((sin(r) + 1) / cos(r)) / atan2(0, -1)) / 2 * n) }'; }
read -r X0 Y0 < <(tile 115.4 41.1 11); read -r X1 Y1 < <(tile 117.5 39.4 11)
START=$(date +%s.%N); TOTAL=0; COUNT=0
for x in $(seq "$X0" "$X1"); do for y in $(seq "$Y0" "$Y1"); do
  TOTAL=$((TOTAL + $(curl -s -H "$AUTH" "$BASE/tiles/coverage/110000/11/$x/$y.mvt?cell=100&max=1" | wc -c))); COUNT=$((COUNT + 1))
done; done
echo "(b) $COUNT z11 tiles over 北京: $TOTAL bytes, $(awk -v s="$START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"

read -r X Y < <(tile 116.25 40.00 12)
for _ in 1 2; do # the second round is the one reported (the first warms the JIT)
  C=$(wrk -t1 -c4 -d"${SECS}s" -H "$AUTH" "$BASE/tiles/coverage/110108/12/$X/$Y.mvt?cell=100&max=1" | awk '/Requests\/sec/ { print $2 }')
  S=$(wrk -t1 -c4 -d"${SECS}s" "$BASE/tiles/stations/12/$X/$Y.mvt" | awk '/Requests\/sec/ { print $2 }')
done
echo "(c) coverage tile 12/$X/$Y: $C req/s; (d) station tile, made each time: $S req/s; c/d = $(awk -v c="$C" -v s="$S" 'BEGIN { printf "%.2f", c / s }')"

# (e) the same coverage tile as (c) with the tile cache on (the default): made once per station data version.
kill $APP; wait $APP 2>/dev/null || true
ASPNETCORE_URLS=$BASE RateLimits__PublicPermits=0 Logging__LogLevel__Default=Warning \
  dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/coverage-tiles-api.log 2>&1 &
APP=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.2; done
for _ in 1 2; do
  E=$(wrk -t1 -c4 -d"${SECS}s" -H "$AUTH" "$BASE/tiles/coverage/110108/12/$X/$Y.mvt?cell=100&max=1" | awk '/Requests\/sec/ { print $2 }')
done
echo "(e) coverage tile 12/$X/$Y from the tile cache: $E req/s; e/c = $(awk -v e="$E" -v c="$C" 'BEGIN { printf "%.0f", e / c }')"
