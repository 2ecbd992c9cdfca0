#!/usr/bin/env bash
# run_onep: programs whose output Go fixes on one processor (tests/run/onep,
# expectations from Go 1.19 with GOMAXPROCS=1: sync.Mutex barging and
# starvation mode, goroutine numbers in panics and deadlock dumps) through `goro-viz run --strategy rr` at seeds 1, 2 and 3,
# with a live re-check against `go` when it is installed.
# Usage: bash tests/run_onep.test.sh GOROVIZ_BIN SRCROOT
GORO_RUN_SEEDS=${GORO_RUN_SEEDS:-"1 2 3"} exec bash "$(dirname "$0")/run_golden.sh" "$1" "$2" onep
