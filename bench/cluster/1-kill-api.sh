#!/usr/bin/env bash
# Failure 1: one API instance killed (kill -9) under load, then restarted. Expect no failed request beyond those in
# flight at the kill (HAProxy retries a GET once on the other instance), and api1 back in rotation once ready.
source "$(dirname "$0")/common.sh"
load 30 kill-api
sleep 5; say "kill -9 api1"; $cluster api-kill 1
sleep 5; say "restarting api1"; $cluster api-start 1; say "api1 ready"
until curl -fs "$LB/haproxy-stats;csv" | grep -q '^api,api1,.*,UP'; do sleep 0.2; done
say "HAProxy has api1 back (UP)"
load_wait
echo "kill-api: $(load_result kill-api)"
