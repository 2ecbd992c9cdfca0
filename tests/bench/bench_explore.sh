#!/usr/bin/env bash
# bench_explore: seeds per second per core of `goro-viz explore` on
# scenarios/race_counter.go (tests/explore/coins.go while this build cannot
# run goroutines), and the speed-up of --jobs 2 over --jobs 1 (wall clock).
# Medians of RUNS runs. Goals: >= 10,000 seeds/s/core on race_counter and
# >= 1.8x for --jobs 2 (needs two idle cores: the load average is printed,
# since other work on the machine eats into the speed-up). A benchmark, not a test.
# Usage: bash tests/bench/bench_explore.sh GOROVIZ_BIN [SEEDS] [RUNS]
set -euo pipefail
bin=$1 seeds=${2:-20000} runs=${3:-5}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prog=$src/scenarios/race_counter.go
if ! "$bin" run "$prog" --seed 1 >/dev/null 2>&1; then
    echo "(race_counter does not run in this build: measuring tests/explore/coins.go)"
    prog=$src/tests/explore/coins.go
fi
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
timeit() { # "wall cpu" seconds (cpu = user + sys, children included)
    /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/t"
}
j1=(); j2=()
for ((r = 0; r < runs; r++)); do
    j1+=("$(timeit "$bin" explore "$prog" --seeds 0..$((seeds - 1)) --no-progress)")
    j2+=("$(timeit "$bin" explore "$prog" --seeds 0..$((seeds - 1)) --jobs 2 --no-progress)")
done
col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median; }
w1=$(col 1 "${j1[@]}"); c1=$(col 2 "${j1[@]}"); w2=$(col 1 "${j2[@]}"); c2=$(col 2 "${j2[@]}")
printf 'program              %s, %d seeds, medians of %d runs\n' "${prog#$src/}" "$seeds" "$runs"
printf -- '--jobs 1             wall %.3f s  cpu %.3f s  -> %.0f seeds/s/core (cpu), %.0f seeds/s (wall)\n' \
    "$w1" "$c1" "$(echo "$seeds / $c1" | bc -l)" "$(echo "$seeds / $w1" | bc -l)"
printf -- '--jobs 2             wall %.3f s  cpu %.3f s  -> speed-up %.2fx (wall), %.0f seeds/s\n' \
    "$w2" "$c2" "$(echo "$w1 / $w2" | bc -l)" "$(echo "$seeds / $w2" | bc -l)"
printf 'cores %s, load average %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
