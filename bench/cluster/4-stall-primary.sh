#!/usr/bin/env bash
# Failure 4: a network stall to the primary (SIGSTOP of its postmaster and backends for 10 s) under read load and
# writes. Writes answer 503 within the configured Timeout (3 s) / Command Timeout (5 s) + cancellation (1 s) rather
# than piling up; public reads (standby, index) carry on.
source "$(dirname "$0")/common.sh"
key=$(staff_key)
primary=$($cluster primary)
pid=$(head -1 ".local/cluster/$primary/data/postmaster.pid")
run=S$(date +%H%M%S)
load 25 stall
sleep 4
writes "$key" 14 "$run" &
writes_pid=$!
sleep 1; say "SIGSTOP $primary (postmaster $pid and its backends) for 10 s"
kill -STOP "$pid" $(pgrep -P "$pid")
sleep 10; kill -CONT "$pid" $(pgrep -P "$pid"); say "SIGCONT"
wait "$writes_pid"
load_wait
echo "stall reads: $(load_result stall)"
echo "stall writes: $(writes_summary "$run")"
