#!/usr/bin/env bash
# Import benchmark: generates ROWS synthetic stations (Samples.China) as CSV and xlsx, then measures
#   1. `stationmap import FILE.csv`  (parse, validate, COPY to staging, merge, history) into an empty scratch database
#   2. the same CSV again            (every row unchanged: the comparison path)
#   3. `stationmap import FILE.xlsx` into an emptied database
#   4. reference: psql \copy of the same CSV into a bare all-text table (no validation, no indexes)
#   5. reference: GDAL ogr2ogr loading the same CSV into PostGIS (COPY, point geometry, GiST index) — the target is
#      StationMap's csv-insert at >= 0.15x ogr2ogr's rows/s
#   6. the storage floor: the rows the import stored, copied table to table into an empty copy of `stations` (same
#      indexes and foreign keys) with a history row each — what PostgreSQL alone spends keeping them, with no file,
#      no .NET and no validation: no import that keeps these indexes and history can be faster
# and prints rows/s, the ratio to the reference, and peak memory (max RSS) of each import.
# The CLI is published ReadyToRun (as deployed; start-up ≈ 0.5 s instead of ≈ 1 s of JIT); the cluster is started
# (throw-away, PG_TEST_DIR) when nothing answers on PGPORT.
#
#   bench/import.sh                      # 150,000 rows on the throw-away cluster at 127.0.0.1:5434
#   ROWS=500000 bench/import.sh          # the memory check
#   PGPORT=5434 PGUSER=postgres bench/import.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-150000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5434} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_import}
OUT=${BENCH_OUT:-.local/bench-import}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH="$PATH:/usr/sbin:/sbin"
command -v ogr2ogr >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdal-bin >/dev/null; }
pg_isready -q -h "$PGHOST" -p "$PGPORT" || scripts/pg.sh start "${PG_TEST_DIR:-$PWD/.local/pgtest}" "$PGPORT" throwaway

dotnet publish src/StationMap.Cli -c Release -r linux-x64 --self-contained false -o .local/bench-import-cli -nologo -v q >/dev/null
dotnet build bench/StationMap.Benchmarks -c Release -nologo -v q >/dev/null
CLI=${CLI:-"dotnet .local/bench-import-cli/stationmap.dll"}   # CLI=... to compare another build in the same run
mkdir -p "$OUT"
if [ ! -f "$OUT/stations-$ROWS.xlsx" ]; then
  dotnet bench/StationMap.Benchmarks/bin/Release/net10.0/StationMap.Benchmarks.dll import-sample "$ROWS" "$OUT" >/dev/null
fi
CSV="$OUT/stations-$ROWS.csv"; XLSX="$OUT/stations-$ROWS.xlsx"

psql -qX -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
psql -qX -d "$DB" -c "CREATE EXTENSION postgis" >/dev/null
export ConnectionStrings__StationMap="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$DB"
$CLI db migrate >/dev/null

# run LABEL FILE: times one import, prints "label seconds rows/s maxRSS-MB"
run() {
  local label=$1 file=$2 t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M %U %S" -o "$OUT/rss" $CLI import "$file" --json > "$OUT/$label.json" || true
  t1=$(date +%s.%N)
  read -r rss user sys < "$OUT/rss"
  python3 - "$label" "$t0" "$t1" "$((rss / 1024))" "$OUT/$label.json" "$user" "$sys" <<'PY'
import json, sys
label, t0, t1, rss, path, user, sys_ = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5], float(sys.argv[6]), float(sys.argv[7])
r = json.load(open(path)); c = r["counts"]; s = t1 - t0
print(f"{label:14} {s:7.2f} s {c['total']/s:10,.0f} rows/s  RSS {rss:>5} MB  cpu(.NET) {user + sys_:5.1f} s  "
      f"inserted {c['inserted']} updated {c['updated']} unchanged {c['unchanged']} rejected {c['rejected']}")
PY
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "rows: $ROWS  ($(du -h "$CSV" | cut -f1) csv, $(du -h "$XLSX" | cut -f1) xlsx)"
run csv-insert "$CSV"
run csv-unchanged "$CSV"
psql -qX -d "$DB" >/dev/null <<'SQL'
CREATE TABLE floor_stations (LIKE stations INCLUDING ALL);
ALTER TABLE floor_stations ADD FOREIGN KEY (managing_org_id) REFERENCES organizations (id);
CREATE TABLE floor_history (LIKE station_history INCLUDING ALL);
ALTER TABLE floor_history ADD FOREIGN KEY (station_id) REFERENCES floor_stations (id);
SQL
t0=$(date +%s.%N)
psql -qX -d "$DB" -c "WITH ins AS (INSERT INTO floor_stations SELECT * FROM stations ORDER BY id RETURNING *)
  INSERT INTO floor_history (station_id, code, version, kind, changed_at, changed_by, reason, snapshot)
  SELECT id, code, version, 'imported', updated_at, 'bench', 'floor', to_jsonb(ins) FROM ins"
t1=$(date +%s.%N)
python3 -c "import sys; s=$t1-$t0; print(f'storage-floor  {s:7.2f} s {$ROWS/s:10,.0f} rows/s  (PostgreSQL alone: stored rows copied into an empty stations copy + history)')"
psql -qX -d "$DB" -c "DROP TABLE floor_history, floor_stations" -c "TRUNCATE stations, station_history, audit_log, import_jobs RESTART IDENTITY CASCADE" >/dev/null
run xlsx-insert "$XLSX"

psql -qX -d "$DB" -c "CREATE TABLE bare (code text, name text, address text, lng text, lat text, coordsys text, adcode text, type text, services text, hours text, phone text, host text, host_kind text, public text, status text, area_m2 text, notes text)" >/dev/null
t0=$(date +%s.%N)
psql -qX -d "$DB" -c "\\copy bare FROM '$CSV' WITH (FORMAT csv, HEADER true)"
t1=$(date +%s.%N)
python3 -c "import sys; s=$t1-$t0; print(f'psql-copy      {s:7.2f} s {$ROWS/s:10,.0f} rows/s  (reference: bare table, no validation)')"

t0=$(date +%s.%N)
ogr2ogr -f PostgreSQL "PG:host=$PGHOST port=$PGPORT user=$PGUSER dbname=$DB" "$CSV" -nln ogr_ref -overwrite \
  -oo X_POSSIBLE_NAMES=lng -oo Y_POSSIBLE_NAMES=lat -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 \
  -lco GEOMETRY_NAME=location -lco SPATIAL_INDEX=GIST --config PG_USE_COPY YES
t1=$(date +%s.%N)
python3 -c "import sys; s=$t1-$t0; print(f'ogr2ogr        {s:7.2f} s {$ROWS/s:10,.0f} rows/s  (reference: GDAL into PostGIS, no validation or history)')"
