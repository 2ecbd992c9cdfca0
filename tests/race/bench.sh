#!/usr/bin/env bash
# Overhead of `run --race` over `run`: medians of RUNS alternating runs
# (default 7) of a racy and a mutex-heavy program. A benchmark, not a test.
# Usage: bash tests/race/bench.sh GOROVIZ_BIN [RUNS]
set -u
BIN=${1:?usage: bench.sh GOROVIZ_BIN [RUNS]}; RUNS=${2:-7}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '%-28s %10s %10s %7s\n' program plain_s race_s ratio
for f in tests/race/bench/racecounter_big.go tests/bench/go/mutexcounter.go; do
  : >"$tmp/a"; : >"$tmp/b"
  for ((i = 0; i < RUNS; i++)); do
    s=$EPOCHREALTIME; "$BIN" run "$ROOT/$f" --seed 1 >/dev/null 2>&1; e=$EPOCHREALTIME; echo "$e - $s" | bc -l >>"$tmp/a"
    s=$EPOCHREALTIME; "$BIN" run --race "$ROOT/$f" --seed 1 >/dev/null 2>&1; e=$EPOCHREALTIME; echo "$e - $s" | bc -l >>"$tmp/b"
  done
  a=$(median <"$tmp/a"); b=$(median <"$tmp/b")
  printf '%-28s %10.3f %10.3f %7.2f\n' "$(basename "$f")" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
