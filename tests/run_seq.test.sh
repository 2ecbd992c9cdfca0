#!/usr/bin/env bash
# run_seq: the sequential golden corpus (tests/run/seq) through `goro-viz run`:
# stdout byte for byte, first stderr line and exit status as Go 1.19's, with a
# live re-check against `go` when it is installed.
# Usage: bash tests/run_seq.test.sh GOROVIZ_BIN SRCROOT
exec bash "$(dirname "$0")/run_golden.sh" "$1" "$2" seq
