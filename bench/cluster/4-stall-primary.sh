#!/usr/bin/env bash
# Failure 4: a network stall to the primary (SIGSTOP of its postmaster and backends for 10 s) under read load and
# writes. Every database-backed request answers within the bound, with 503 + Retry-After when it needed the primary;
# nearest from the index never waits. Bounds (docs/deployment.md, "A stalled database"): request deadline 3 s +
# Timeout 2 s + Cancellation Timeout 0.5 s = 5.5 s; a command Npgsql cannot cancel early (the first on a pooled
# connection, or the first after BEGIN) runs to its Command Timeout even past the deadline: at worst
# deadline 3 + Command Timeout 3 + Timeout 2 = 8 s. First the same load for 10 s with no fault (the reference), then
# two wrk runs side by side (nearest only; GET by code and lists only) so each has its own p99.
source "$(dirname "$0")/common.sh"
bound=${STALL_BOUND_SECONDS:-5.5} hard_bound=${STALL_HARD_BOUND_SECONDS:-8}
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
over=$(awk -v b="$bound" '$3 > b + 0.5 {n++} END {print n + 0}' "$out/$run.writes")
db_max=$(echo "scale=2; $(load_result stall-db | sed -n 's/.*max_ms=\([0-9.]*\).*/\1/p') / 1000" | bc)
echo "slowest write ${slowest} s (${over} above ${bound} s + 0.5 s), slowest database read ${db_max} s; bounds ${bound} s, at worst ${hard_bound} s"
if (( $(echo "$slowest <= $hard_bound + 0.5 && $db_max <= $hard_bound + 0.5" | bc) )); then echo PASS; else echo FAIL; exit 1; fi
