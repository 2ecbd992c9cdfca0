#!/usr/bin/env bash
# timer_gc: timers whose channel the program can no longer reach are freed
# with it (GC-aware timers), so tests/run/heavy/timers_garbage.go (a million
# never-firing time.After in a select, 200k stopped NewTimers, 100k sleeping
# goroutines) runs under --max-heap 8000000 (twice the GC's 4 MiB floor) and
# still prints what Go printed (X.out, from gen_run_expected.sh heavy).
# Before the fix its heap grew past 100 MB (300 MB RSS). Usage: bash tests/timer_gc.test.sh GOROVIZ_BIN SRCROOT
set -u
BIN=${1:?usage: timer_gc.test.sh GOROVIZ_BIN SRCROOT}; SRCROOT=$(cd "${2:?}" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
. "$SRCROOT/tests/tools/sched_driver.sh"
cd "$SRCROOT/tests/run/heavy" || exit 1
timeout 300 "$DRIVER" run timers_garbage.go --max-heap 8000000 >"$TMP/out" 2>"$TMP/err" </dev/null; rc=$?
if [ "$rc" -ne 0 ] || ! cmp -s "$TMP/out" timers_garbage.out; then
  echo "FAIL timers_garbage.go --max-heap 8000000: exit $rc"; head -3 "$TMP/err"; diff timers_garbage.out "$TMP/out" | head
  exit 1
fi
echo "1 passed, 0 failed"
