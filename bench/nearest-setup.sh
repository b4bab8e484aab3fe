# Sourced by bench/nearest.sh and bench/shedding.sh: a throw-away cluster with N generated stations (seeded once,
# reused by the next run), the Release build, and the wrk script of random query points around the cities.
# Needs N; sets DIR, PORT, APP_PORT, OUT, CLI, BENCH and ConnectionStrings__StationMap (BENCH_PG_PORT, BENCH_APP_PORT move the ports).
DIR=$PWD/.local/pgbench; PORT=${BENCH_PG_PORT:-5436}; APP_PORT=${BENCH_APP_PORT:-5090}; OUT=.local/bench; mkdir -p $OUT
for tool in wrk hey; do command -v $tool >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q $tool >/dev/null; }; done
scripts/pg.sh start "$DIR" $PORT throwaway
CS=$(scripts/pg.sh ensure-db "$DIR" $PORT bench_nearest 2>/dev/null)
export ConnectionStrings__StationMap="$CS"
dotnet build StationMap.sln -c Release -nologo -v q >/dev/null
CLI="dotnet src/StationMap.Cli/bin/Release/net10.0/stationmap.dll"
BENCH="dotnet bench/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll"
$CLI db migrate >/dev/null
COUNT=$(psql -h "$DIR" -p $PORT -U postgres -d bench_nearest -qtA -c "select count(*) from stations")
[ "$COUNT" = 0 ] && $CLI db seed --china "$N" | sed "s/^/  /"
$BENCH nearest-wrk-lua /api/v1/stations/nearest > $OUT/nearest.lua
