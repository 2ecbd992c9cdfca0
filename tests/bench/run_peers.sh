#!/usr/bin/env bash
# run_peers: run each benchmark program under tests/bench/go with goro-viz,
# beside the same program compiled by Go and run by yaegi, in one run,
# alternating, and print medians and ratios (wall time and peak RSS).
# A benchmark, not a test. Needs: go, yaegi, GNU time (/usr/bin/time).
# Usage: bash tests/bench/run_peers.sh GOROVIZ_BIN [RUNS] [PROGRAM...]
set -euo pipefail
bin=$(readlink -f "$1"); runs=${2:-5}; shift 2 || true
here=$(cd "$(dirname "$0")" && pwd)
progs=("$@"); [ ${#progs[@]} -gt 0 ] || progs=(fib loop mapslice)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export GOCACHE=${GOCACHE:-$tmp/gocache}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # measure OUTFILE CMD... -> appends "wall_s rss_kb" to OUTFILE
    local f=$1; shift
    local s e
    s=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$tmp/t" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || true
    e=$EPOCHREALTIME
    echo "$(echo "$e - $s" | bc -l) $(tail -1 "$tmp/t")" >>"$f"
}
printf '%-10s %-10s %12s %12s %10s\n' program runner wall_s peak_MiB "x native"
for p in "${progs[@]}"; do
    src=$here/go/$p.go
    (cd "$tmp" && go build -o "$tmp/$p.native" "$src")
    rm -f "$tmp"/$p.*.m
    for ((r = 0; r < runs; r++)); do
        measure "$tmp/$p.native.m" "$tmp/$p.native"
        command -v yaegi >/dev/null && measure "$tmp/$p.yaegi.m" yaegi run "$src"
        measure "$tmp/$p.goro.m" "$bin" run "$src"
    done
    nat=$(cut -d' ' -f1 "$tmp/$p.native.m" | median)
    for who in native yaegi goro; do
        [ -f "$tmp/$p.$who.m" ] || continue
        w=$(cut -d' ' -f1 "$tmp/$p.$who.m" | median)
        m=$(cut -d' ' -f2 "$tmp/$p.$who.m" | median)
        printf '%-10s %-10s %12.3f %12.1f %10.1f\n' "$p" "$who" "$w" "$(echo "$m/1024" | bc -l)" \
            "$(echo "if ($nat > 0) $w/$nat else 0" | bc -l)"
    done
done
echo "(medians of $runs runs each; times are whole-process wall clock, so startup is included)"
