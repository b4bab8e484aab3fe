#!/usr/bin/env bash
# Failure 4: a network stall to the primary (SIGSTOP of its postmaster and backends for 10 s) under read load and
# writes. Every database-backed request answers within the bound (request deadline = Command Timeout 3 s, plus up to
# Timeout 2 s + Cancellation Timeout 0.5 s while Npgsql tries to cancel on the silent server: docs/deployment.md),
# with 503 + Retry-After when it needed the primary; nearest from the index never waits. Two wrk runs side by side
# (nearest only; GET by code and lists only) so each has its own p99.
source "$(dirname "$0")/common.sh"
bound=${STALL_BOUND_SECONDS:-5.5}
key=$(staff_key)
primary=$($cluster primary)
pid=$(head -1 ".local/cluster/$primary/data/postmaster.pid")
run=S$(date +%H%M%S)
say "reference: the same load for 10 s with no fault"
load 10 ref-nearest nearest 1 4
load 10 ref-db db 1 4
load_wait
load 25 stall-nearest nearest 1 4
load 25 stall-db db 1 4
sleep 4
writes "$key" 14 "$run" &
writes_pid=$!
sleep 1; say "SIGSTOP $primary (postmaster $pid and its backends) for 10 s"
kill -STOP "$pid" $(pgrep -P "$pid")
sleep 10; kill -CONT "$pid" $(pgrep -P "$pid"); say "SIGCONT"
wait "$writes_pid"
load_wait
echo "reference nearest (index): $(load_result ref-nearest)"
echo "reference db reads: $(load_result ref-db)"
echo "stall nearest (index): $(load_result stall-nearest)"
echo "stall db reads (GET by code, lists): $(load_result stall-db)"
echo "stall writes: $(writes_summary "$run")"
slowest=$(awk '{if ($3 > m) m = $3} END {print m + 0}' "$out/$run.writes")
db_max=$(load_result stall-db | sed -n 's/.*max_ms=\([0-9.]*\).*/\1/p')
if (( $(echo "scale=3; $slowest <= $bound + 0.5 && $db_max / 1000 <= $bound + 0.5" | bc) )); then
  echo "PASS: slowest write ${slowest} s, slowest database read $(echo "scale=2; $db_max / 1000" | bc) s, bound ${bound} s (+0.5 s slack)"
else
  echo "FAIL: slowest write ${slowest} s, slowest database read $(echo "scale=2; $db_max / 1000" | bc) s exceed the bound ${bound} s (+0.5 s slack)"; exit 1
fi
