#!/usr/bin/env bash
# Failure 3: the primary stopped under read load and a stream of writes. /nearest keeps answering; writes answer
# 503 + Retry-After; after `pg_ctl promote` on the standby writes succeed again with no API restart; nothing
# committed is lost (checksums of every station, history row and import job that existed before the stop).
# Afterwards the old primary is rebuilt as a standby of the new one (roles swapped).
source "$(dirname "$0")/common.sh"
key=$(staff_key)
primary=$($cluster primary); standby=$($cluster standby)
run=P$(date +%H%M%S)

# An import job, so there is one to lose.
printf '站点编码,站点名称,地址,经度,纬度,行政区划代码,服务内容,开放时间,联系电话,是否对外开放\n%s-IMP,导入测试工会户外劳动者服务站点,北京市延庆区导入路1号,115.95,40.46,110119,饮水,24小时,010-69100000,是\n' "$run" > "$out/import.csv"
curl -fs -o /dev/null -H "Authorization: Bearer $key" -F "file=@$out/import.csv" "$LB/api/v1/imports?coordsys=wgs84&dryRun=false" \
  && say "import committed" || say "import failed"

load 40 stop-primary
writes "$key" 25 "$run" &
writes_pid=$!
sleep 4
read -r ms mh mj <<< "$(psql_node "$primary" -F ' ' -c 'select (select max(id) from stations), (select max(id) from station_history), (select coalesce(max(id), 0) from import_jobs)')"
before=$(checksum "$primary" "$ms" "$mh" "$mj")
say "checksum before: $before (stations ≤ $ms, history ≤ $mh, import jobs ≤ $mj)"
sleep 1; say "stopping the primary ($primary)"; $cluster pg-stop "$primary"; stopped=$(date +%s.%N)
sleep 5; say "pg_ctl promote on $standby"; $cluster promote "$standby"; promoted=$(date +%s.%N)
wait "$writes_pid"
load_wait
echo "stop-primary reads: $(load_result stop-primary)"
echo "stop-primary writes: $(writes_summary "$run")"
after=$(checksum "$standby" "$ms" "$mh" "$mj")
say "checksum after on the new primary $standby: $after"
[ "$before" = "$after" ] && echo "stop-primary: no committed row lost (checksums equal)" || echo "stop-primary: CHECKSUMS DIFFER"
# Every write answered 201 is on the new primary.
missing=0
for code in $(awk '$2 == 201 {print $1}' "$out/$run.writes"); do
  [ "$(psql_node "$standby" -c "select count(*) from stations where code = '$code'")" = 1 ] || missing=$((missing + 1))
done
echo "stop-primary: $missing of $(awk '$2 == 201' "$out/$run.writes" | wc -l) acknowledged writes missing"
# How long writes were refused, and how soon after the promotion they succeeded again.
first_ok=$(awk -v p="$promoted" '$2 == 201 && $5 > p {print $5}' "$out/$run.writes" | sort -n | head -1)
echo "stop-primary: primary down $(echo "$promoted - $stopped" | bc | xargs printf %.1f) s before promote; first write after promote succeeded $(echo "${first_ok:-0} - $promoted" | bc | xargs printf %.1f) s after it"
say "rebuilding $primary as a standby of $standby"; $cluster rejoin "$primary"
$cluster status | grep -E '^pg'
