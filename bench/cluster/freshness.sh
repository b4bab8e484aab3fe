#!/usr/bin/env bash
# Index freshness across the cluster: COUNT stations created one by one through HAProxy (on the primary), each at its
# own spot; after each 201, both API instances are asked for the nearest station to that spot until they answer with
# it. Prints, per instance, the time from the 201 to the first answer with the new station (median and slowest);
# the target is every instance within 2 s.
source "$(dirname "$0")/common.sh"
COUNT=${COUNT:-20}
read -r -a api_ports <<< "${CLUSTER_API_PORTS:-5091 5092}"
key=$(staff_key)
: > "$out/freshness.txt"
for i in $(seq 1 "$COUNT"); do
  code="FRESH-$$-$i" lng=$(printf '115.%04d' $((6000 + i * 37))) lat=40.5
  body=$(printf '{"code":"%s","name":"新鲜度测试工会户外劳动者服务站点","address":"北京市延庆区新鲜路%s号","adcode":"110119","lng":%s,"lat":%s,"coordsys":"wgs84","services":["饮水"],"openingHours":"24/7","reason":"freshness benchmark"}' \
    "$code" "$i" "$lng" "$lat")
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$LB/api/v1/stations" -H "Authorization: Bearer $key" -H 'content-type: application/json' -d "$body")
  [ "$status" = 201 ] || { echo "write $code answered $status" >&2; exit 1; }
  created=$(date +%s.%N)
  for port in "${api_ports[@]}"; do
    until curl -s "http://127.0.0.1:$port/api/v1/stations/nearest?lng=$lng&lat=$lat&limit=1" | grep -q "\"code\":\"$code\""; do
      if [ "$(echo "$(date +%s.%N) - $created > 30" | bc)" = 1 ]; then echo "$port $code not seen within 30 s" >&2; break; fi
      sleep 0.02
    done
    echo "$port $(echo "$(date +%s.%N) - $created" | bc)" >> "$out/freshness.txt"
  done
done
sort -k1,1 -k2,2n "$out/freshness.txt" | awk '{t[$1] = t[$1] " " $2; n[$1]++}
  END {for (p in t) {split(substr(t[p], 2), v, " "); printf "api on %s: %d changes, median %.2f s, slowest %.2f s\n", p, n[p], v[int((n[p] + 1) / 2)], v[n[p]]}}'
