#!/usr/bin/env bash
# Front-end packages for the pages: `npm ci` from web/package-lock.json (pinned), then copy Leaflet's dist files
# into src/StationMap.Api/wwwroot/vendor/ (git-ignored). Nothing is fetched by the browser from a CDN at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "npm is missing: apt-get install nodejs npm (or run as root)" >&2; exit 1; }
  echo "Installing nodejs npm from apt ..."
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
fi

web=web
vendor=src/StationMap.Api/wwwroot/vendor
stamp=$web/node_modules/.lock-hash
hash=$(sha256sum "$web/package-lock.json" | cut -d' ' -f1)
# Re-run npm ci only when the lock file changed: it is the slow part on a small machine.
if [ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]; then
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$hash" > "$stamp"
fi

dist=$web/node_modules/leaflet/dist
mkdir -p "$vendor/leaflet/images"
cp "$dist/leaflet.js" "$dist/leaflet.css" "$vendor/leaflet/"
cp "$dist/images/"*.png "$vendor/leaflet/images/"
cp "$web/node_modules/leaflet/LICENSE" "$vendor/leaflet/"

# Leaflet.VectorGrid draws the station vector tiles (/tiles/stations) on the courier map and the console overview.
grid=$web/node_modules/leaflet.vectorgrid
mkdir -p "$vendor/leaflet.vectorgrid"
cp "$grid/dist/Leaflet.VectorGrid.bundled.min.js" "$grid/package.json" "$vendor/leaflet.vectorgrid/"
