#!/usr/bin/env bash
# The balancer's cost: nearest through HAProxy (two instances) vs straight to one instance, same load, and the CPU
# each request costs (API processes and HAProxy, from /proc) to size a deployment.
source "$(dirname "$0")/common.sh"
url='/api/v1/stations/nearest?lng=116.3975&lat=39.9087&limit=5'
cpu() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
apis=$(cat .local/cluster/api1.pid .local/cluster/api2.pid); hap=$(cat .local/cluster/haproxy.pid)
hz=$(getconf CLK_TCK)
run() { # name base
  local a0 h0; a0=$(cpu $apis); h0=$(cpu $hap)
  wrk -t2 -c16 -d15s --latency "$2$url" > "$out/$1.wrk"
  local a1 h1 reqs; a1=$(cpu $apis); h1=$(cpu $hap)
  reqs=$(awk '/requests in/ {print $1}' "$out/$1.wrk")
  echo "$1: $(awk '/Requests\/sec/ {print $2}' "$out/$1.wrk") req/s, p99 $(awk '$1 == "99%" {print $2}' "$out/$1.wrk"), API CPU $(echo "scale=1; ($a1 - $a0) * 1000000 / $hz / $reqs" | bc) µs/request, HAProxy CPU $(echo "scale=1; ($h1 - $h0) * 1000000 / $hz / $reqs" | bc) µs/request"
}
curl -fs -o /dev/null "http://127.0.0.1:5091$url"
run direct http://127.0.0.1:5091
run haproxy "$LB"
echo "ratio haproxy/direct req/s: $(echo "scale=3; $(awk '/Requests\/sec/ {print $2}' "$out/haproxy.wrk") / $(awk '/Requests\/sec/ {print $2}' "$out/direct.wrk")" | bc)"
