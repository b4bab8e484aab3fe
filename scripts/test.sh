#!/usr/bin/env bash
# `make test`: installs what the tests need (PostGIS, Chromium, Node), starts a throw-away cluster, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/sbin:/sbin"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v node >/dev/null || need_apt+=(nodejs npm)
command -v ogr2ogr >/dev/null || need_apt+=(gdal-bin)  # the OGC tests read the service with GDAL
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing: ${need_apt[*]} (install them, or run as root)" >&2; exit 1; fi
  echo "Installing ${need_apt[*]} from apt ..."
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

dir=${PG_TEST_DIR:-$PWD/.local/pgtest}
port=${PG_TEST_PORT:-5434}
scripts/pg.sh stop "$dir"  # a server left running (e.g. by a benchmark) would keep serving deleted files
rm -rf "$dir"    # throw-away: a fresh cluster every run
scripts/pg.sh start "$dir" "$port" throwaway
trap 'scripts/pg.sh stop "$dir"' EXIT

export STATIONMAP_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}

scripts/web.sh
dotnet build StationMap.sln -c Release -nologo -v q
mkdir -p .local
status=0
for project in StationMap.Tests StationMap.IntegrationTests; do
  echo "== $project"
  set +e
  dotnet test "tests/$project" -c Release --no-build --logger "console;verbosity=normal" --results-directory .local/TestResults > ".local/$project.log" 2>&1
  code=$?
  set -e
  # Test names and their messages only: "Failed executing DbCommand" lines from expected errors are log noise.
  grep -aE "^\s+(Failed|Skipped) StationMap\.|Error Message" -A3 ".local/$project.log" | head -200 || true
  grep -aE "^(Total tests|\s+(Passed|Failed|Skipped):)|Test Run" ".local/$project.log" | tail -5 || true
  [ $code -eq 0 ] || status=1
done
# One plain closing line for CI: "N passed, N failed".
count() { cat .local/StationMap.*Tests.log | { grep -aoE "^ +$1: +[0-9]+" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# The failed tests' names last, where a CI log cut to its tail still shows them.
cat .local/StationMap.*Tests.log | grep -aoE "^\s+Failed StationMap\.[^ ]+" | sed 's/^ */failed: /' || true
echo "$passed passed, $failed failed"
exit $status
