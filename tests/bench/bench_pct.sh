#!/usr/bin/env bash
# bench_pct: the share of seeds 0..N-1 that hit each scenario's bug under
# `random` and under `pct` depth 1..3, with PCT's guaranteed lower bound
# 1/(n*k^(d-1)) (n goroutines, k steps of the rr pilot run pct estimates k
# from). Prints the markdown table of tests/bench/bench_pct.md.
# Usage: bash tests/bench/bench_pct.sh GOROVIZ_BIN SRCROOT [N]
set -eu
BIN=${1:?usage: bench_pct.sh GOROVIZ_BIN SRCROOT [N]}; SRC=${2:?}; N=${3:-1000}
last=$((N - 1))

# hits FILE PATTERN ARGS...: how many seeds' JSON records match PATTERN
hits() {
  local f=$1 pat=$2; shift 2
  "$BIN" explore "$f" --seeds "0..$last" --json --no-progress "$@" 2>/dev/null | grep -c -- "$pat" || true
}

# steps FILE: k, the step count of the program's run under rr with seed 0
steps() { "$BIN" trace "$1" --strategy rr --seed 0 | grep ' end status=' | sed 's/.* s=\([0-9]*\) .*/\1/'; }

row() { # NAME FILE PATTERN NGOROUTINES
  local name=$1 f=$2 pat=$3 n=$4 k r
  k=$(steps "$f")
  r=$(hits "$f" "$pat")
  printf '| %s | n=%s, k=%s | %s/%s (%.1f%%)' "$name" "$n" "$k" "$r" "$N" "$(awk -v r="$r" -v n="$N" 'BEGIN { print 100 * r / n }')"
  for d in 1 2 3; do
    local h b
    h=$(hits "$f" "$pat" --strategy pct --pct-depth "$d")
    if [ "$d" = 1 ]; then b="0 (no change point)"
    else b=$(awk -v n="$n" -v k="$k" -v d="$d" 'BEGIN { printf "%.2g%%", 100 / (n * k ^ (d - 1)) }'); fi
    printf ' | %s/%s (%.1f%%), bound %s' "$h" "$N" "$(awk -v r="$h" -v n="$N" 'BEGIN { print 100 * r / n }')" "$b"
  done
  printf ' |\n'
}

echo "| program | size | random | pct d=1 | pct d=2 | pct d=3 |"
echo "|---|---|---|---|---|---|"
row "lock-order deadlock (scenarios/deadlock_lock_order.go)" "$SRC/scenarios/deadlock_lock_order.go" '"deadlock"' 3
row "lost update (scenarios/race_counter.go, Correct: false)" "$SRC/scenarios/race_counter.go" 'Correct: false' 11
