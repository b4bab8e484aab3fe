#!/usr/bin/env bash
# Station list text search (q=) benchmark, issue 17. On N generated stations it measures, for the same server:
#   (a) GET /api/v1/stations?q=<broad>   (many matches: the capped count matters; 2 and 3 characters)
#   (b) GET /api/v1/stations?q=<narrow>  (few matches)
#   (c) the same two with the trigram indexes dropped (what q= cost before: a scan of every name and address)
#   (d) GET /health/live                 (the server's HTTP ceiling, the reference in the same minutes)
# at 8 connections for SECS seconds each, and prints req/s and p99. The broad/narrow words are taken from the data.
# Usage: bench/search.sh [stations=150000] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
N=${1:-150000}; SECS=${2:-10}
DIR=$PWD/.local/pgbench-search; PORT=${PG_PORT:-5437}; APP_PORT=${PORT_APP:-5091}; OUT=.local/bench; mkdir -p $OUT
command -v hey >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q hey >/dev/null; }

scripts/pg.sh start "$DIR" "$PORT" throwaway
trap 'kill $APP 2>/dev/null || true; scripts/pg.sh stop "$DIR"' EXIT
CS=$(scripts/pg.sh ensure-db "$DIR" "$PORT" bench_search 2>/dev/null)
export ConnectionStrings__StationMap="$CS"
dotnet build StationMap.sln -c Release -nologo -v q >/dev/null
CLI="dotnet src/StationMap.Cli/bin/Release/net10.0/stationmap.dll"
$CLI db migrate >/dev/null
PSQL=(psql -h "$DIR" -p "$PORT" -U postgres -d bench_search -qtA)
if [ "$("${PSQL[@]}" -c "select count(*) from stations")" -lt "$N" ]; then $CLI db seed --china "$N" | sed "s/^/  /"; fi
"${PSQL[@]}" -c "VACUUM ANALYZE stations" >/dev/null
# A word in many names (the most common 2-character prefix) and a rare one (a station's full code).
BROAD=$("${PSQL[@]}" -c "select left(name, 2) from stations group by 1 order by count(*) desc limit 1")
BROAD3=$("${PSQL[@]}" -c "select left(name, 3) from stations group by 1 order by count(*) desc limit 1")
NARROW=$("${PSQL[@]}" -c "select code from stations order by id desc limit 1")
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$1"; }

ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT RateLimits__PublicPermits=0 Logging__LogLevel__Default=Warning \
  dotnet src/StationMap.Api/bin/Release/net10.0/StationMap.Api.dll --contentRoot "$PWD/src/StationMap.Api" > $OUT/search-api.log 2>&1 &
APP=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$APP_PORT/health/ready" >/dev/null && break; sleep 0.2; done

run() { # label url
  curl -s -o $OUT/search-sample.json "$2"
  hey -z 2s -c 4 "$2" >/dev/null
  local out; out=$(hey -z "${SECS}s" -c 8 "$2")
  printf "%-32s %8s req/s   p99 %s s   %s\n" "$1" "$(grep -oE 'Requests/sec:\s+[0-9.]+' <<<"$out" | awk '{printf "%.0f", $2}')" \
    "$(grep -E '99% in' <<<"$out" | awk '{print $3}')" "$(grep -oE '\[[0-9]{3}\]\s+[0-9]+ responses' <<<"$out" | tr '\n' ' ')"
}
base="http://127.0.0.1:$APP_PORT/api/v1/stations?pageSize=20&q="
echo "stations: $N   broad q='$BROAD' ($("${PSQL[@]}" -c "select count(*) from stations where name ilike '%$BROAD%' or address ilike '%$BROAD%'") matches)   broad3 q='$BROAD3'   narrow q='$NARROW'"
run "health/live (reference)" "http://127.0.0.1:$APP_PORT/health/live"
run "q=broad, trigram" "$base$(enc "$BROAD")"
run "q=broad3, trigram" "$base$(enc "$BROAD3")"
run "q=narrow, trigram" "$base$(enc "$NARROW")"
"${PSQL[@]}" -c "DROP INDEX ix_stations_name_trgm; DROP INDEX ix_stations_address_trgm" >/dev/null
run "q=broad, no trigram index" "$base$(enc "$BROAD")"
run "q=broad3, no trigram index" "$base$(enc "$BROAD3")"
run "q=narrow, no trigram index" "$base$(enc "$NARROW")"
"${PSQL[@]}" -c "CREATE INDEX ix_stations_name_trgm ON stations USING gin (name gin_trgm_ops); CREATE INDEX ix_stations_address_trgm ON stations USING gin (address gin_trgm_ops)" >/dev/null
