#!/usr/bin/env bash
# Feed export benchmark: 150k synthetic national stations (Samples.China) loaded by COPY into a scratch
# database on the throw-away test cluster, then `stationmap export PROFILE --adcode 000000` timed per profile
# (wall time, CPU time and peak memory of the whole CLI process, start-up and JIT included). The CLI is published
# ReadyToRun (as it would be deployed).
#   bench/feeds.sh [COUNT]        PG_TEST_PORT (5434) selects the cluster; it is started if not running;
#                                 FEEDS_BENCH_DB (feeds_bench) the scratch database.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
count=${1:-150000}
port=${PG_TEST_PORT:-5434}
pg_isready -q -h 127.0.0.1 -p "$port" || scripts/pg.sh start "${PG_TEST_DIR:-$PWD/.local/pgtest}" "$port" throwaway
db=${FEEDS_BENCH_DB:-feeds_bench}
psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"

dotnet build bench/StationMap.Benchmarks -c Release -nologo -v q >/dev/null
dotnet publish src/StationMap.Cli -c Release -r linux-x64 --self-contained false -o .local/bench-cli -nologo -v q >/dev/null
dotnet bench/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll feeds-seed "$cs" "$count"

out=$(mktemp -d)
export ConnectionStrings__StationMap="$cs" Feeds__OutputFolder="$out"
cli=.local/bench-cli/stationmap.dll
printf '%-16s %10s %8s %10s %8s %s\n' profile seconds "CPU s" "peak MB" files "total MB"
for profile in amap-yuntu baidu-geotable geojson poi-sheet-amap poi-sheet-baidu; do
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" dotnet "$cli" export "$profile" --adcode 000000 >"$out/$profile.log" 2>&1
  read -r secs user sys kb < "$out/time"
  files=$(find "$out" -path "*batch-*" -name "$profile-*" | wc -l)
  mb=$(find "$out" -path "*batch-*" -name "$profile-*" -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  printf '%-16s %10s %8.1f %10d %8s %s\n' "$profile" "$secs" "$(awk "BEGIN {print $user + $sys}")" $((kb / 1024)) "$files" "$mb"
done
# The same full export again: unchanged files, so the first batch is returned. "again" follows poi-sheet-amap
# (same provider, other profile), so every amap record is rewritten; "repeat" is the plain idempotent repeat.
for run in again repeat; do
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" dotnet "$cli" export amap-yuntu --adcode 000000 >"$out/$run.log" 2>&1
  read -r secs user sys kb < "$out/time"
  printf '%-16s %10s %8.1f %10d  (%s)\n' "amap-yuntu $run" "$secs" "$(awk "BEGIN {print $user + $sys}")" $((kb / 1024)) "$(grep -m1 -v '^database:' "$out/$run.log" | cut -c1-40)"
done
/usr/bin/time -f "%e %U %S %M" -o "$out/time" dotnet "$cli" export amap-yuntu --adcode 000000 --incremental >"$out/incr.log" 2>&1
read -r secs user sys kb < "$out/time"
printf '%-16s %10s %8.1f %10d  (%s)\n' "amap incremental" "$secs" "$(awk "BEGIN {print $user + $sys}")" $((kb / 1024)) "$(grep -m1 batch "$out/incr.log" | cut -c1-70)"
rm -rf "$out"
