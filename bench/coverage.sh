#!/usr/bin/env bash
# Coverage benchmark (issue 19), one run:
#   (1) Beijing, 16 districts, 100 m cells, the 2,400 sample stations: grid + clipping, counts, summary timed
#       separately, against the reference PostGIS statement (ST_DWithin on the geography GiST index, one count per
#       cell centre) in the same run; counts compared; one station change; siting k = 50 in 海淀区.
#   (2) National: 150k generated stations, every district with a boundary and a station within R, 100 m cells,
#       district by district (`stationmap coverage --adcode 000000`), cells/s and peak memory (/usr/bin/time).
# Usage: bench/coverage.sh [stations=150000]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
N=${1:-150000}
DIR=$PWD/.local/pgbench-coverage; PORT=${PG_PORT:-5454}
[ -x /usr/bin/time ] || { apt-get update -q >/dev/null; apt-get install -y -q time >/dev/null; }
scripts/pg.sh start "$DIR" "$PORT" throwaway
dotnet build StationMap.sln -c Release -nologo -v q >/dev/null
CLI="dotnet src/StationMap.Cli/bin/Release/net10.0/stationmap.dll"
BENCH="dotnet bench/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll"

echo "== Beijing (sample stations)"
export ConnectionStrings__StationMap="$(scripts/pg.sh ensure-db "$DIR" "$PORT" bench_coverage 2>/dev/null)"
$CLI db migrate >/dev/null
$CLI db seed >/dev/null
$BENCH coverage-beijing "$ConnectionStrings__StationMap"

echo "== National ($N generated stations)"
export ConnectionStrings__StationMap="$(scripts/pg.sh ensure-db "$DIR" "$PORT" bench_coverage_china 2>/dev/null)"
$CLI db migrate >/dev/null
$CLI db seed --china "$N" | sed "s/^/  /"
/usr/bin/time -f "  peak RSS %M KB, %e s wall" $CLI coverage --adcode 000000 2>&1 | tail -3
