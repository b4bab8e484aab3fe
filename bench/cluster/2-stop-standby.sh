#!/usr/bin/env bash
# Failure 2: the standby stopped under load: public reads move to the primary (Npgsql prefer-standby), then back.
source "$(dirname "$0")/common.sh"
standby=$($cluster standby)
load 30 stop-standby
sleep 5; say "stopping the standby ($standby)"; $cluster pg-stop "$standby"
sleep 10; say "starting the standby again"; $cluster pg-start "$standby"
load_wait
echo "stop-standby: $(load_result stop-standby)"
$cluster status | grep -E '^pg'
