#!/usr/bin/env bash
# Keep-only-stable filter for the concurrent corpus: a program is stable when its
# stdout, first stderr line and exit status are identical over 1 `go run` plus
# N runs of the built binary under each of default GOMAXPROCS, GOMAXPROCS=1 and 2.
# Usage: bash tests/tools/stable_check.sh [-n N] DIR [X.go...]   (N defaults to 5)
# Prints `STABLE X.go` or `UNSTABLE X.go (run R: what differed)` per program; exit 1
# if any is unstable.
set -u
n=5
if [ "${1:-}" = -n ]; then n=$2; shift 2; fi
dir=${1:?usage: stable_check.sh [-n N] DIR [X.go...]}; shift
cd "$dir" || exit 1
export GO111MODULE=off GOFLAGS=
if [ $# -eq 0 ]; then set -- *.go; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad=0
sig() { # sig OUT ERR RC -> one-line fingerprint
  printf '%s|%s|%s' "$(md5sum <"$1" | cut -c1-32)" "$(head -1 "$2")" "$3"
}
for f in "$@"; do
  x=${f%.go}
  timeout 60 go run "$f" >"$tmp/o" 2>"$tmp/e"; rc=$?
  # go run reports a failing program as exit 1 plus an `exit status N` line.
  if [ "$rc" -eq 1 ] && st=$(grep -o '^exit status [0-9]*$' "$tmp/e" | tail -1); then rc=${st#exit status }; fi
  ref=$(sig "$tmp/o" "$tmp/e" "$rc")
  go build -o "$tmp/$x" "$f" || { echo "UNSTABLE $f (does not build)"; bad=1; continue; }
  why=
  for procs in "" 1 2; do
    for i in $(seq "$n"); do
      if [ -n "$procs" ]; then GOMAXPROCS=$procs timeout 60 "$tmp/$x" >"$tmp/o" 2>"$tmp/e"; rc=$?
      else timeout 60 "$tmp/$x" >"$tmp/o" 2>"$tmp/e"; rc=$?; fi
      got=$(sig "$tmp/o" "$tmp/e" "$rc")
      [ "$got" = "$ref" ] || { why="GOMAXPROCS=${procs:-default} run $i: $got vs $ref"; break 2; }
    done
  done
  if [ -n "$why" ]; then echo "UNSTABLE $f ($why)"; bad=1; else echo "STABLE $f"; fi
done
exit $bad
