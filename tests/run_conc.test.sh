#!/usr/bin/env bash
# run_conc: the concurrent golden corpus (tests/run/conc, expectations from Go
# 1.19) through `run` at seeds 1, 2 and 3: same stdout, first stderr line and
# exit status as Go for every program. Usage: bash tests/run_conc.test.sh BIN SRCROOT
set -u
BIN=${1:?usage: run_conc.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
GORO_RUN_SEEDS=${GORO_RUN_SEEDS:-"1 2 3"} GORO_NO_LIVE_GO=${GORO_NO_LIVE_GO:-1} \
  bash "$SRCROOT/tests/run_golden.sh" "$DRIVER" "$SRCROOT" conc
